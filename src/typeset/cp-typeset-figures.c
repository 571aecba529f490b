/* cp-typeset-figures.c: figure registry, text helpers, the practice cycle and the GAS scale
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <math.h>
#include <string.h>

#include "cp-typeset-figures-private.h"
#include "cp-typeset-private.h"

typedef enum
{
  FIG_CYCLE,
  FIG_RINGS,
  FIG_GAS,
  FIG_MAP,
  FIG_SHEET_MAP,
  FIG_SHEET_GOAL,
  FIG_SHEET_REVIEW,
} FigKind;

static const struct
{
  const char *name;
  FigKind     kind;
  double      aspect;           /* height / width; 0: fills the page */
} figures[] = {
  { "practice-cycle", FIG_CYCLE, 0.62 },
  { "rings-and-sectors", FIG_RINGS, 0.80 },
  { "gas-scale", FIG_GAS, 0.36 },
  { "network-map-jo", FIG_MAP, 0.96 },
  { "network-map-jo-review", FIG_MAP, 0.96 },
  { "network-map-edna", FIG_MAP, 0.96 },
  { "network-map-edna-review", FIG_MAP, 0.96 },
  { "network-map-tariq", FIG_MAP, 0.96 },
  { "network-map-tariq-review", FIG_MAP, 0.96 },
  { "worksheet-network-map", FIG_SHEET_MAP, 0 },
  { "worksheet-goal-plan", FIG_SHEET_GOAL, 0 },
  { "worksheet-review", FIG_SHEET_REVIEW, 0 },
};

static int
find_figure (const char *name)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      if (g_strcmp0 (figures[i].name, name) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
cp_typeset_figure_exists (const char *name)
{
  return find_figure (name) >= 0;
}

double
cp_typeset_figure_height (const char *name,
                          double      width)
{
  int i = find_figure (name);

  g_return_val_if_fail (i >= 0, 0);
  return figures[i].aspect * width;
}

gboolean
cp_typeset_figure_check (const char                   *name,
                         const CpTypesetFigureContext *ctx,
                         GError                      **error)
{
  int i = find_figure (name);

  if (i < 0)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_UNKNOWN_FIGURE,
                   "unknown figure '%s'", name);
      return FALSE;
    }
  if (figures[i].kind == FIG_MAP)
    return _cp_fig_map_check (name, ctx, error);
  return TRUE;
}

/* ---- helpers ---- */

static PangoLayout *
fig_layout (CpFig      *f,
            const char *text,
            double      width,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = _cp_ts_layout_new (f->ctx->pango, text, size,
                                           bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                           PANGO_STYLE_NORMAL, width);

  if (f->error == NULL)
    {
      g_autofree char *where = g_strdup_printf ("figure:%s", f->name);

      _cp_ts_check_layout (layout, where, 0, &f->error);
    }
  return layout;
}

double
_cp_fig_text_width (CpFig      *f,
                    const char *text,
                    double      size,
                    gboolean    bold)
{
  g_autoptr(PangoLayout) layout = fig_layout (f, text, -1, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
_cp_fig_text_size (CpFig      *f,
                   const char *text,
                   double      width,
                   double      size,
                   gboolean    bold,
                   double     *w,
                   double     *h)
{
  g_autoptr(PangoLayout) layout = fig_layout (f, text, width, size, bold);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

double
_cp_fig_text (CpFig       *f,
              const char  *text,
              double       x,
              double       y,
              double       width,
              double       size,
              gboolean     bold,
              CpFigAlign   align)
{
  g_autoptr(PangoLayout) layout = fig_layout (f, text, width, size, bold);
  PangoRectangle logical;
  double dx = 0;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width > 0)
    {
      pango_layout_set_alignment (layout, align == CP_FIG_CENTRE ? PANGO_ALIGN_CENTER :
                                  align == CP_FIG_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  else if (align == CP_FIG_CENTRE)
    dx = -(double) logical.width / PANGO_SCALE / 2;
  else if (align == CP_FIG_RIGHT)
    dx = -(double) logical.width / PANGO_SCALE;
  _cp_ts_show_layout (f->cr, layout, x + dx, y);
  return (double) logical.height / PANGO_SCALE;
}

void
_cp_fig_grey (CpFig  *f,
              double  level)
{
  cairo_set_source_rgb (f->cr, level, level, level);
}

void
_cp_fig_arrow_head (CpFig  *f,
                    double  x,
                    double  y,
                    double  angle,
                    double  size)
{
  cairo_t *cr = f->cr;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, -size, -size * 0.45);
  cairo_line_to (cr, -size, size * 0.45);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
rounded_box (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
labelled_box (CpFig      *f,
              const char *text,
              double      cx,
              double      cy,
              double      w,
              double      h,
              double      size,
              double      fill,
              gboolean    dashed)
{
  cairo_t *cr = f->cr;
  g_autoptr(PangoLayout) probe = fig_layout (f, text, w - 8, size, TRUE);
  PangoRectangle logical;

  rounded_box (cr, cx - w / 2, cy - h / 2, w, h, 6);
  _cp_fig_grey (f, fill);
  cairo_fill_preserve (cr);
  _cp_fig_grey (f, 0.15);
  cairo_set_line_width (cr, 1.2);
  if (dashed)
    {
      double dash[] = { 4, 3 };

      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  pango_layout_get_extents (probe, NULL, &logical);
  _cp_fig_grey (f, 0);
  _cp_fig_text (f, text, cx - w / 2 + 4, cy - (double) logical.height / PANGO_SCALE / 2,
                w - 8, size, TRUE, CP_FIG_CENTRE);
}

/* ---- practice cycle ---- */

static void
draw_cycle (CpFig  *f,
            double  width,
            double  height)
{
  static const char * const steps[] = {
    "1 Assess connections", "2 Plan", "3 Support the plan", "4 Review",
  };
  cairo_t *cr = f->cr;
  double size = f->ctx->font_size * 0.95;
  double cx = width * 0.40;
  double cy = height * 0.46;
  double r = MIN (width * 0.27, height * 0.37);
  double bw = MIN (width * 0.27, size * 11.5);
  double bh = size * 3.4;
  /* left, top, right, bottom: clockwise */
  double angles[] = { G_PI, -G_PI / 2, 0, G_PI / 2 };
  int i;

  cairo_set_line_width (cr, 1.6);
  for (i = 0; i < 4; i++)
    {
      double a0 = angles[i] + 0.40;
      double a1 = angles[i] + G_PI / 2 - 0.40;

      if (i == 0)
        {
          a0 = -G_PI + 0.40;
          a1 = -G_PI / 2 - 0.40;
        }
      _cp_fig_grey (f, 0.3);
      cairo_arc (cr, cx, cy, r, a0, a1);
      cairo_stroke (cr);
      _cp_fig_arrow_head (f, cx + r * cos (a1), cy + r * sin (a1), a1 + G_PI / 2, 9);
    }
  _cp_fig_grey (f, 0.25);
  _cp_fig_text (f, "the person,\ntheir hopes\nand their network", cx - (r - bw / 2) + 4,
                cy - size * 1.7, 2 * (r - bw / 2) - 8, size * 0.75, FALSE, CP_FIG_CENTRE);

  for (i = 0; i < 4; i++)
    {
      double bx = cx + r * cos (angles[i]);
      double by = cy + r * sin (angles[i]);

      labelled_box (f, steps[i], bx, by, bw, bh, size, i == 0 ? 0.88 : 0.95, FALSE);
    }

  /* endings / next steps leading out of the review */
  {
    double ex = width - bw / 2 - 2;
    double ey = cy + r;
    double sx = cx + bw / 2;

    _cp_fig_grey (f, 0.3);
    cairo_set_line_width (cr, 1.6);
    cairo_move_to (cr, sx, ey);
    cairo_line_to (cr, ex - bw / 2 - 10, ey);
    cairo_stroke (cr);
    _cp_fig_arrow_head (f, ex - bw / 2 - 1, ey, 0, 9);
    labelled_box (f, "Endings / next steps", ex, ey, bw, bh, size, 1.0, TRUE);
    _cp_fig_grey (f, 0.25);
    _cp_fig_text (f, "when the person is ready", ex - bw / 2, ey + bh / 2 + 4, bw,
                  size * 0.8, FALSE, CP_FIG_CENTRE);
    _cp_fig_text (f, "the cycle repeats: each review can lead to a new plan",
                  ex - bw / 2, cy - r - bh / 2, bw, size * 0.8, FALSE, CP_FIG_CENTRE);
  }
}

/* ---- Goal Attainment Scaling ---- */

static void
draw_gas (CpFig  *f,
          double  width,
          double  height)
{
  static const char * const levels[] = { "\xe2\x88\x92" "2", "\xe2\x88\x92" "1", "0", "+1", "+2" };
  static const char * const meanings[] = {
    "much less than expected", "less than expected", "expected level",
    "more than expected", "much more than expected",
  };
  cairo_t *cr = f->cr;
  double size = f->ctx->font_size;
  double gap = 6;
  double bw = (width - 4 * gap) / 5;
  double bh = height * 0.68;
  double top = 2;
  int i;

  for (i = 0; i < 5; i++)
    {
      double x = i * (bw + gap);

      rounded_box (cr, x, top, bw, bh, 5);
      _cp_fig_grey (f, i == 2 ? 0.85 : 0.97);
      cairo_fill_preserve (cr);
      _cp_fig_grey (f, 0.1);
      cairo_set_line_width (cr, i == 2 ? 2.4 : 1.0);
      cairo_stroke (cr);
      _cp_fig_grey (f, 0);
      _cp_fig_text (f, levels[i], x + 2, top + bh * 0.10, bw - 4, size * 2.0, TRUE,
                    CP_FIG_CENTRE);
      _cp_fig_text (f, meanings[i], x + 4, top + bh * 0.52, bw - 8, size * 0.85, FALSE,
                    CP_FIG_CENTRE);
    }
  /* the direction of change */
  {
    double y = top + bh + height * 0.14;

    _cp_fig_grey (f, 0.3);
    cairo_set_line_width (cr, 1.4);
    cairo_move_to (cr, 10, y);
    cairo_line_to (cr, width - 10, y);
    cairo_stroke (cr);
    _cp_fig_arrow_head (f, width - 2, y, 0, 9);
    _cp_fig_arrow_head (f, 2, y, G_PI, 9);
    _cp_fig_grey (f, 0);
    _cp_fig_text (f, "worse than hoped", 14, y - size * 1.6, -1, size * 0.8, FALSE, CP_FIG_LEFT);
    _cp_fig_text (f, "the goal met as agreed", width / 2, y - size * 1.6, -1, size * 0.8,
                  TRUE, CP_FIG_CENTRE);
    _cp_fig_text (f, "better than hoped", width - 14, y - size * 1.6, -1, size * 0.8, FALSE,
                  CP_FIG_RIGHT);
  }
}

gboolean
cp_typeset_figure_draw (const char                   *name,
                        cairo_t                      *cr,
                        double                        width,
                        double                        height,
                        const CpTypesetFigureContext *ctx,
                        GError                      **error)
{
  CpFig f = { cr, ctx, name, NULL };
  int i = find_figure (name);

  if (i < 0)
    return cp_typeset_figure_check (name, ctx, error);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (figures[i].kind)
    {
    case FIG_CYCLE:
      draw_cycle (&f, width, height);
      break;
    case FIG_GAS:
      draw_gas (&f, width, height);
      break;
    case FIG_RINGS:
    case FIG_MAP:
    case FIG_SHEET_MAP:
      if (!_cp_fig_map_check (name, ctx, &f.error))
        break;
      _cp_fig_draw_map (&f, width, height);
      break;
    case FIG_SHEET_GOAL:
      _cp_fig_draw_goal_sheet (&f, width, height);
      break;
    case FIG_SHEET_REVIEW:
      _cp_fig_draw_review_sheet (&f, width, height);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
  if (f.error != NULL)
    {
      g_propagate_error (error, f.error);
      return FALSE;
    }
  return TRUE;
}
