/* cp-netmap-render-draw.c: the parts of the picture: rings and sectors, ties, members and
 * the person at the centre
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-render-private.h"

#define X(d, v) ((d)->cx + (v) * (d)->s)
#define Y(d, v) ((d)->cy + (v) * (d)->s)

void
_cp_netmap_rgb (cairo_t           *cr,
                const CpNetmapRgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
rgba (cairo_t           *cr,
      const CpNetmapRgb *c,
      double             alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

/* Text in a box (device units), lined up as @align says when it wraps. */
static void
show_text (CpNetmapDraw       *d,
           const char         *text,
           double              size,
           gboolean            bold,
           double              wrap,
           CpNetmapAlign       align,
           double              x,
           double              y,
           double              w)
{
  PangoLayout *layout = _cp_netmap_renderer_text (d->renderer, text, size, bold, wrap);

  if (wrap > 0)
    {
      pango_layout_set_alignment (layout, align == CP_NETMAP_ALIGN_CENTRE ? PANGO_ALIGN_CENTER :
                                  align == CP_NETMAP_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT :
                                  PANGO_ALIGN_LEFT);
      x += align == CP_NETMAP_ALIGN_CENTRE ? (w - wrap) / 2 :
           align == CP_NETMAP_ALIGN_RIGHT ? w - wrap : 0;
    }
  _cp_netmap_renderer_show (d->renderer, d->cr, layout, x, y);
}

static void
patch (CpNetmapDraw       *d,
       const CpNetmapRect *box,
       double              pad,
       double              alpha)
{
  cairo_rectangle (d->cr, X (d, box->x) - pad, Y (d, box->y) - pad,
                   box->width * d->s + 2 * pad, box->height * d->s + 2 * pad);
  rgba (d->cr, &d->colours->background, alpha);
  cairo_fill (d->cr);
}

/* ---- rings and sectors ---- */

void
_cp_netmap_draw_background (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  double R = d->s;
  double line = MAX (0.8, d->fs * 0.08);
  int s;
  int r;

  for (s = 0; s < CP_NETMAP_N_SECTORS; s += 2)
    {
      cairo_move_to (cr, d->cx, d->cy);
      cairo_arc (cr, d->cx, d->cy, R, cp_netmap_sector_start (s), cp_netmap_sector_end (s));
      cairo_close_path (cr);
    }
  _cp_netmap_rgb (cr, &c->shade);
  cairo_fill (cr);

  /* the outer zone, a shade darker all round */
  cairo_arc (cr, d->cx, d->cy, R, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc_negative (cr, d->cx, d->cy, R * cp_netmap_ring_inner (CP_NETMAP_RING_OUTER),
                      2 * G_PI, 0);
  rgba (cr, &c->text, c->outer_shade);
  cairo_fill (cr);

  cairo_set_line_width (cr, line);
  _cp_netmap_rgb (cr, &c->lines);
  for (r = 1; r <= CP_NETMAP_N_RINGS; r++)
    {
      if (r == CP_NETMAP_RING_AROUND)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, d->cx, d->cy, R * cp_netmap_ring_outer (r), 0, 2 * G_PI);
    }
  cairo_stroke (cr);
  {
    /* the edge of the outer zone, dashed: wishes and lost ties lie beyond it */
    double dash[] = { 4 * line / 0.9, 3 * line / 0.9 };

    cairo_set_dash (cr, dash, 2, 0);
    cairo_arc (cr, d->cx, d->cy, R * cp_netmap_ring_outer (CP_NETMAP_RING_AROUND), 0, 2 * G_PI);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
    {
      double a = cp_netmap_sector_start (s);

      cairo_move_to (cr, X (d, CP_NETMAP_CENTRE_RADIUS * cos (a)),
                     Y (d, CP_NETMAP_CENTRE_RADIUS * sin (a)));
      cairo_line_to (cr, X (d, cos (a)), Y (d, sin (a)));
    }
  cairo_stroke (cr);
}

/* Ring and sector names, over the ties */
void
_cp_netmap_draw_labels (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  int s;
  int r;

  for (r = 1; r <= CP_NETMAP_N_RINGS; r++)
    {
      const char *text;
      CpNetmapRect box;
      double pad = 2;

      if (!cp_netmap_layout_get_ring_label (d->layout, r, &text, &box))
        continue;
      patch (d, &box, 0, 1.0);
      _cp_netmap_rgb (cr, &c->quiet_text);
      show_text (d, text, d->fs * CP_NETMAP_RING_LABEL_SIZE, FALSE, 0, CP_NETMAP_ALIGN_CENTRE,
                 X (d, box.x) + pad, Y (d, box.y) + pad, 0);
    }
  for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
    {
      const char *text;
      CpNetmapRect box;
      CpNetmapAlign align;
      double wrap;
      double pad = 0;

      if (!cp_netmap_layout_get_sector_label (d->layout, s, &text, &box, &wrap, &align))
        continue;
      if (d->options->sector_labels == CP_NETMAP_SECTOR_LABELS_INSIDE)
        {
          pad = 2;
          patch (d, &box, 0, 1.0);
        }
      _cp_netmap_rgb (cr, &c->text);
      show_text (d, text, d->fs * CP_NETMAP_SECTOR_LABEL_SIZE, TRUE, wrap, align,
                 X (d, box.x) + pad, Y (d, box.y) + pad, box.width * d->s - 2 * pad);
    }
}

/* ---- ties ---- */

static gboolean
tie_end (CpNetmapDraw *d,
         gint64        lineage,
         double       *x,
         double       *y,
         int          *fold,
         gboolean     *died)
{
  const CpNetmapSpot *spot = cp_netmap_layout_find (d->layout, lineage);

  if (spot == NULL)
    return FALSE;
  *fold = spot->fold;
  *died = spot->member->died;
  if (lineage == d->options->moving)
    {
      *fold = -1;
      *x = X (d, d->options->moving_x);
      *y = Y (d, d->options->moving_y);
    }
  else if (spot->fold >= 0)
    {
      const CpNetmapFold *f = cp_netmap_layout_get_fold (d->layout, spot->fold);

      *x = X (d, f->x);
      *y = Y (d, f->y);
    }
  else
    {
      *x = X (d, spot->x);
      *y = Y (d, spot->y);
    }
  return TRUE;
}

/* Cross-ticks along a line: the hatching of a hard-going tie, drawn as a wide dashed
 * stroke with butt ends (each dash is one tick), centred along the line. This is a
 * quarter of the cost of stroking each tick as its own path. */
static void
hatch (cairo_t *cr,
       double   x0,
       double   y0,
       double   x1,
       double   y1,
       double   spacing,
       double   half,
       double   tick)
{
  double len = hypot (x1 - x0, y1 - y0);
  double dash[] = { tick, spacing - tick };

  if (len < spacing)
    return;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, 2 * half);
  cairo_set_dash (cr, dash, 2, -(spacing / 2 + fmod (len, spacing) / 2 - tick / 2));
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The ties of the picture (@moving FALSE: all but the dragged member's), or of the member
 * being dragged (@moving TRUE) */
static void
draw_ties (CpNetmapDraw *d,
           gboolean      moving)
{
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  double width = MAX (1.2, d->fs * 0.12);
  int pass;

  /* one look at a time; each tie is stroked on its own, since cairo's stroker slows
   * down sharply on one path whose segments cross each other */
  for (pass = 0; pass < 6; pass++)
    {
      CpNetmapTieStrength strength = pass % 3;
      gboolean muted = pass >= 3;
      guint i;

      if (strength == CP_NETMAP_TIE_STRESSFUL && d->options->hide_hard_going)
        continue;
      _cp_netmap_rgb (cr, muted ? &c->muted : &c->tie[strength]);
      cairo_set_line_width (cr, strength == CP_NETMAP_TIE_STRONG ? width : width * 0.75);
      if (strength == CP_NETMAP_TIE_WEAK)
        {
          double dash[] = { width * 5, width * 3.5 };

          cairo_set_dash (cr, dash, 2, 0);
        }
      for (i = 0; i < cp_netmap_model_get_n_ties (d->model); i++)
        {
          const CpNetmapTie *t = cp_netmap_model_get_tie (d->model, i);
          double x0, y0, x1, y1;
          int f0, f1;
          gboolean died0, died1;

          if (t->strength != strength ||
              (moving && t->a != d->options->moving && t->b != d->options->moving) ||
              (!moving && (t->a == d->options->moving || t->b == d->options->moving)) ||
              !tie_end (d, t->a, &x0, &y0, &f0, &died0) ||
              !tie_end (d, t->b, &x1, &y1, &f1, &died1) ||
              (died0 || died1) != muted || (f0 >= 0 && f0 == f1))
            continue;
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          cairo_stroke (cr);
          if (strength == CP_NETMAP_TIE_STRESSFUL)
            hatch (cr, x0, y0, x1, y1, MAX (7, d->fs * 0.9), MAX (2.5, d->fs * 0.3), width * 0.75);
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

void
_cp_netmap_draw_ties (CpNetmapDraw *d)
{
  draw_ties (d, FALSE);
}

/* ---- members ---- */

void
_cp_netmap_draw_shape (CpNetmapDraw *d,
                       CpNetmapKind  kind,
                       double        x,
                       double        y,
                       double        r)
{
  cairo_t *cr = d->cr;

  cairo_new_sub_path (cr);
  switch (kind)
    {
    case CP_NETMAP_KIND_PERSON:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case CP_NETMAP_KIND_PLACE:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case CP_NETMAP_KIND_ACTIVITY:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The chips as small marks on the shape's corners: "helps me" a dot (top right), "hard
 * going" a zig-zag (bottom right), "want more" a plus (bottom left); the caution flag, a
 * triangle with "!", top left. Each has its own shape, so they read in grey too. */
void
_cp_netmap_draw_marks (CpNetmapDraw         *d,
                       const CpNetmapMember *m,
                       double                x,
                       double                y,
                       double                r)
{
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  double k = MAX (r * 0.5, 2.5);
  double o = r * 0.95;

  cairo_set_line_width (cr, MAX (1.0, k * 0.45));
  if (m->helps_me)
    {
      cairo_arc (cr, x + o, y - o, k * 0.8, 0, 2 * G_PI);
      _cp_netmap_rgb (cr, &c->helps);
      cairo_fill_preserve (cr);
      _cp_netmap_rgb (cr, &c->background);
      cairo_set_line_width (cr, MAX (0.6, k * 0.25));
      cairo_stroke (cr);
      cairo_set_line_width (cr, MAX (1.0, k * 0.45));
    }
  if (m->hard_going && !d->options->hide_hard_going)
    {
      cairo_move_to (cr, x + o - k, y + o - k * 0.5);
      cairo_line_to (cr, x + o - k * 0.33, y + o + k * 0.5);
      cairo_line_to (cr, x + o + k * 0.33, y + o - k * 0.5);
      cairo_line_to (cr, x + o + k, y + o + k * 0.5);
      _cp_netmap_rgb (cr, &c->hard);
      cairo_stroke (cr);
    }
  if (m->want_more)
    {
      cairo_move_to (cr, x - o - k, y + o);
      cairo_line_to (cr, x - o + k, y + o);
      cairo_move_to (cr, x - o, y + o - k);
      cairo_line_to (cr, x - o, y + o + k);
      _cp_netmap_rgb (cr, &c->more);
      cairo_stroke (cr);
    }
  if (m->caution && d->options->show_caution)
    {
      double t = k * 1.3;

      cairo_move_to (cr, x - o, y - o - t);
      cairo_line_to (cr, x - o + t, y - o + t * 0.75);
      cairo_line_to (cr, x - o - t, y - o + t * 0.75);
      cairo_close_path (cr);
      _cp_netmap_rgb (cr, &c->caution);
      cairo_fill (cr);
      cairo_move_to (cr, x - o, y - o - t * 0.45);
      cairo_line_to (cr, x - o, y - o + t * 0.2);
      cairo_move_to (cr, x - o, y - o + t * 0.45);
      cairo_line_to (cr, x - o, y - o + t * 0.5);
      _cp_netmap_rgb (cr, &c->caution_text);
      cairo_set_line_width (cr, MAX (0.8, t * 0.22));
      cairo_stroke (cr);
    }
}

/* The member of @spot with its shape's middle at (@x, @y) (map units): its place, or
 * where it is being dragged */
static void
draw_member (CpNetmapDraw       *d,
             const CpNetmapSpot *spot,
             double              mx,
             double              my)
{
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  const CpNetmapMember *m = spot->member;
  gboolean fresh = d->fresh != NULL && g_hash_table_contains (d->fresh, &m->lineage);
  double x = X (d, mx);
  double y = Y (d, my);
  double dx = (mx - spot->x) * d->s;
  double dy = (my - spot->y) * d->s;
  double r = spot->radius * d->s;
  double line = MAX (1.0, d->fs * 0.09);

  _cp_netmap_draw_shape (d, m->kind, x, y, r);
  if (m->died)
    {
      /* "died — kept on my map": drawn apart, muted, with a dotted edge */
      double dash[] = { line, line * 1.6 };

      rgba (cr, &c->kind[m->kind], 0.45);
      cairo_fill_preserve (cr);
      _cp_netmap_rgb (cr, &c->muted);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      _cp_netmap_rgb (cr, &c->kind[m->kind]);
      cairo_fill_preserve (cr);
      _cp_netmap_rgb (cr, fresh ? &c->highlight : &c->outline);
      cairo_set_line_width (cr, fresh ? line * 2.4 : line);
      cairo_stroke (cr);
      if (spot->mode != CP_NETMAP_LABEL_CHIP)
        _cp_netmap_draw_marks (d, m, x, y, r);
    }
  if (spot->mode == CP_NETMAP_LABEL_CHIP)
    {
      _cp_netmap_rgb (cr, m->died ? &c->muted : &c->kind_text[m->kind]);
      show_text (d, spot->label, d->fs * CP_NETMAP_CHIP_TEXT_SIZE, FALSE, 0,
                 CP_NETMAP_ALIGN_LEFT, X (d, spot->label_box.x) + dx,
                 Y (d, spot->label_box.y) + dy, 0);
    }
  else if (spot->label != NULL)
    {
      CpNetmapRect box = spot->label_box;

      box.x = mx + (box.x - spot->x);
      box.y = my + (box.y - spot->y);
      patch (d, &box, 1, 0.75);
      _cp_netmap_rgb (cr, m->died ? &c->muted : &c->text);
      show_text (d, spot->label, d->fs, fresh, spot->wrap_width, spot->align, X (d, box.x),
                 Y (d, box.y), box.width * d->s);
    }
}

void
_cp_netmap_draw_members (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  guint i;

  for (i = 0; i < cp_netmap_layout_get_n_spots (d->layout); i++)
    {
      const CpNetmapSpot *spot = cp_netmap_layout_get_spot (d->layout, i);

      if (spot->mode != CP_NETMAP_LABEL_FOLDED && spot->member->lineage != d->options->moving)
        draw_member (d, spot, spot->x, spot->y);
    }
  for (i = 0; i < cp_netmap_layout_get_n_folds (d->layout); i++)
    {
      const CpNetmapFold *f = cp_netmap_layout_get_fold (d->layout, i);
      double pad = d->fs * 0.3;
      double x = X (d, f->box.x) - pad;
      double y = Y (d, f->box.y) - pad * 0.5;
      double w = f->box.width * d->s + 2 * pad;
      double h = f->box.height * d->s + pad;
      double rr = h / 2;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - rr, y + rr, rr, -G_PI / 2, G_PI / 2);
      cairo_arc (cr, x + rr, y + rr, rr, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      _cp_netmap_rgb (cr, &d->colours->fold);
      cairo_fill_preserve (cr);
      _cp_netmap_rgb (cr, &d->colours->outline);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);
      show_text (d, f->text, d->fs, TRUE, 0, CP_NETMAP_ALIGN_LEFT, X (d, f->box.x),
                 Y (d, f->box.y), 0);
    }
}

/* A tie being drawn: a dashed line from its member to the pointer, ending in a dot */
static void
draw_link (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  const CpNetmapSpot *spot = cp_netmap_layout_find (d->layout, d->options->linking);
  double width = MAX (2.0, d->fs * 0.18);
  double dash[] = { width * 3, width * 2 };

  if (spot == NULL || spot->mode == CP_NETMAP_LABEL_FOLDED)
    return;
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dash, 2, 0);
  _cp_netmap_rgb (cr, &d->colours->accent);
  cairo_move_to (cr, X (d, spot->x), Y (d, spot->y));
  cairo_line_to (cr, X (d, d->options->link_x), Y (d, d->options->link_y));
  cairo_stroke (cr);
  cairo_arc (cr, X (d, d->options->link_x), Y (d, d->options->link_y), width * 1.5, 0,
             2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* What changes from frame to frame, over the picture: the member being dragged with its
 * ties, a tie being drawn, the selection and the keyboard focus. */
void
_cp_netmap_draw_overlay (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  const CpNetmapSpot *spot;

  if (d->options->linking != 0)
    draw_link (d);
  spot = d->options->moving != 0 ? cp_netmap_layout_find (d->layout, d->options->moving) : NULL;
  if (spot != NULL)
    {
      draw_ties (d, TRUE);
      draw_member (d, spot, d->options->moving_x, d->options->moving_y);
    }
  spot = d->options->selected != 0 ? cp_netmap_layout_find (d->layout, d->options->selected) :
         NULL;
  if (spot != NULL && spot->mode != CP_NETMAP_LABEL_FOLDED)
    {
      double r = spot->radius * d->s;
      gboolean moving = spot->member->lineage == d->options->moving;

      cairo_arc (cr, X (d, moving ? d->options->moving_x : spot->x),
                 Y (d, moving ? d->options->moving_y : spot->y), r * 1.75, 0, 2 * G_PI);
      rgba (cr, &d->colours->accent, 0.45);
      cairo_set_line_width (cr, MAX (2.0, r * 0.45));
      cairo_stroke (cr);
    }
  spot = d->options->focused != 0 ? cp_netmap_layout_find (d->layout, d->options->focused) :
         NULL;
  if (spot != NULL && spot->mode != CP_NETMAP_LABEL_FOLDED)
    {
      /* the keyboard focus: a rounded frame round the shape and its name, as GTK frames
       * a focused control */
      gboolean moving = spot->member->lineage == d->options->moving;
      double pad = 3;
      double rr = 5;
      CpNetmapRect box;
      double x;
      double y;
      double w;
      double h;

      cp_netmap_spot_get_box (spot, &box);
      x = X (d, box.x + (moving ? d->options->moving_x - spot->x : 0)) - pad;
      y = Y (d, box.y + (moving ? d->options->moving_y - spot->y : 0)) - pad;
      w = box.width * d->s + 2 * pad;
      h = box.height * d->s + 2 * pad;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - rr, y + rr, rr, -G_PI / 2, 0);
      cairo_arc (cr, x + w - rr, y + h - rr, rr, 0, G_PI / 2);
      cairo_arc (cr, x + rr, y + h - rr, rr, G_PI / 2, G_PI);
      cairo_arc (cr, x + rr, y + rr, rr, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      _cp_netmap_rgb (cr, &d->colours->accent);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

/* ---- the person ---- */

void
_cp_netmap_draw_centre (CpNetmapDraw *d)
{
  cairo_t *cr = d->cr;
  double r = CP_NETMAP_CENTRE_RADIUS * d->s;
  double size = d->fs * CP_NETMAP_CENTRE_LABEL_SIZE;
  const char *name = d->options->centre_label;
  g_autofree char *initials = NULL;
  PangoLayout *layout;
  PangoRectangle logical;

  cairo_arc (cr, d->cx, d->cy, r, 0, 2 * G_PI);
  _cp_netmap_rgb (cr, &d->colours->centre);
  cairo_fill (cr);

  if (name == NULL)
    name = d->options->untranslated ? "me" : C_("the person at the centre of the map", "me");
  else if (d->options->initials_only)
    name = initials = cp_netmap_initials (name);
  layout = _cp_netmap_renderer_text (d->renderer, name, size, TRUE, 0);
  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width / PANGO_SCALE > r * 1.8 && initials == NULL)
    {
      /* a long name: its initials fit */
      initials = cp_netmap_initials (name);
      layout = _cp_netmap_renderer_text (d->renderer, initials, size, TRUE, 0);
      pango_layout_get_extents (layout, NULL, &logical);
    }
  _cp_netmap_rgb (cr, &d->colours->centre_text);
  _cp_netmap_renderer_show (d->renderer, cr, layout,
                            d->cx - (double) logical.width / PANGO_SCALE / 2,
                            d->cy - (double) logical.height / PANGO_SCALE / 2);
}
