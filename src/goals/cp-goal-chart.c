/* cp-goal-chart.c: a person's progress across reviews, drawn with cairo (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-chart"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cp-goal-chart.h"
#include "util/cp-date.h"

/* Room for the axis words, in user units (pixels on screen, points in a PDF). */
#define MARGIN_LEFT    36.0
#define MARGIN_RIGHT   14.0
#define MARGIN_TOP     10.0
#define MARGIN_BOTTOM  24.0
#define INSET          12.0   /* from the plot's sides to the first and last review */
#define MARKER_RADIUS   4.0
#define LINE_WIDTH      2.0

void
cp_goal_chart_point_clear (CpGoalChartPoint *point)
{
  g_clear_pointer (&point->held_on, g_free);
}

GArray *
cp_goal_chart_points_new (void)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (CpGoalChartPoint));

  g_array_set_clear_func (points, (GDestroyNotify) cp_goal_chart_point_clear);

  return points;
}

void
cp_goal_chart_style_init (CpGoalChartStyle *style)
{
  static const CpGoalChartStyle defaults = {
    { 0.20, 0.20, 0.20, 1.0 },
    { 0.85, 0.85, 0.85, 1.0 },
    { 0.11, 0.44, 0.85, 1.0 },
    "Sans 9",
  };

  g_return_if_fail (style != NULL);

  *style = defaults;
}

/* ---- Geometry ------------------------------------------------------------------------- */

typedef struct
{
  double x0, x1, y0, y1;   /* the plot, inside the margins */
  double max;              /* the top of the value axis */
  double min;
} Frame;

static gboolean
point_value (const CpGoalChartPoint *point,
             CpGoalChartMode         mode,
             double                 *out_value)
{
  if (mode == CP_GOAL_CHART_T_SCORE)
    {
      if (!point->has_score)
        return FALSE;
      *out_value = CLAMP (point->t_score, CP_GOAL_CHART_T_MIN, CP_GOAL_CHART_T_MAX);
      return TRUE;
    }

  if (point->n_rated_progress == 0)
    return FALSE;
  *out_value = point->n_further;

  return TRUE;
}

static Frame
make_frame (double                  width,
            double                  height,
            const CpGoalChartPoint *points,
            guint                   n_points,
            CpGoalChartMode         mode)
{
  Frame f = { MARGIN_LEFT, MAX (MARGIN_LEFT + 1.0, width - MARGIN_RIGHT),
              MARGIN_TOP, MAX (MARGIN_TOP + 1.0, height - MARGIN_BOTTOM), 0.0, 0.0 };

  if (mode == CP_GOAL_CHART_T_SCORE)
    {
      f.min = CP_GOAL_CHART_T_MIN;
      f.max = CP_GOAL_CHART_T_MAX;
      return f;
    }

  /* Goals further on: 0 up to the most goals rated in words at any review. */
  f.max = 1.0;
  for (guint i = 0; i < n_points; i++)
    f.max = MAX (f.max, (double) points[i].n_rated_progress);

  return f;
}

static double
frame_x (const Frame *f,
         guint        index,
         guint        n_points)
{
  if (n_points <= 1)
    return (f->x0 + f->x1) / 2.0;

  return f->x0 + INSET + index * (f->x1 - f->x0 - 2.0 * INSET) / (n_points - 1);
}

static double
frame_y (const Frame *f,
         double       value)
{
  return f->y1 - (value - f->min) / (f->max - f->min) * (f->y1 - f->y0);
}

gboolean
cp_goal_chart_point_position (double                  width,
                              double                  height,
                              const CpGoalChartPoint *points,
                              guint                   n_points,
                              CpGoalChartMode         mode,
                              guint                   index,
                              double                 *out_x,
                              double                 *out_y)
{
  Frame f;
  double value;

  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);

  if (index >= n_points || !point_value (&points[index], mode, &value))
    return FALSE;

  f = make_frame (width, height, points, n_points, mode);
  if (out_x != NULL)
    *out_x = frame_x (&f, index, n_points);
  if (out_y != NULL)
    *out_y = frame_y (&f, value);

  return TRUE;
}

/* ---- Drawing -------------------------------------------------------------------------- */

static void
set_colour (cairo_t      *cr,
            const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

/* Shows @text with its anchor at (@x, @y): @ax, @ay 0 left/top, 0.5 centre, 1 right/bottom.
 * Returns the text's width. */
static double
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       ax,
           double       ay)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (cr, layout);

  return w;
}

static void
draw_axes (cairo_t                *cr,
           PangoLayout            *layout,
           const Frame            *f,
           CpGoalChartMode         mode,
           const CpGoalChartStyle *style)
{
  double step = 10.0;

  if (mode == CP_GOAL_CHART_FURTHER_ON)
    step = MAX (1.0, ceil (f->max / 8.0));

  cairo_set_line_width (cr, 1.0);
  for (double v = f->min; v <= f->max + 0.001; v += step)
    {
      double y = round (frame_y (f, v)) + 0.5;
      g_autofree char *label = g_strdup_printf ("%.0f", v);
      gboolean expected = mode == CP_GOAL_CHART_T_SCORE && fabs (v - 50.0) < 0.001;

      set_colour (cr, expected ? style->foreground : style->grid);
      cairo_move_to (cr, f->x0, y);
      cairo_line_to (cr, f->x1, y);
      cairo_stroke (cr);

      set_colour (cr, style->foreground);
      show_text (cr, layout, label, f->x0 - 6.0, y, 1.0, 0.5);
    }

  set_colour (cr, style->foreground);
  cairo_move_to (cr, f->x0 + 0.5, f->y0);
  cairo_line_to (cr, f->x0 + 0.5, f->y1 + 0.5);
  cairo_line_to (cr, f->x1, f->y1 + 0.5);
  cairo_stroke (cr);
}

static char *
short_date (const char *iso)
{
  g_autoptr(GDateTime) dt = cp_date_parse (iso);

  if (dt == NULL)
    return g_strdup ("");

  /* Translators: a review's date under a chart, as a g_date_time_format () pattern: day
   * and short month, e.g. "5 Mar". xgettext:no-c-format */
  return g_date_time_format (dt, C_("chart date", "%-d %b"));
}

static void
draw_dates (cairo_t                *cr,
            PangoLayout            *layout,
            const Frame            *f,
            const CpGoalChartPoint *points,
            guint                   n_points)
{
  double free_from = -G_MAXDOUBLE;

  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *label = short_date (points[i].held_on);
      double x = frame_x (f, i, n_points);
      int w, h;

      /* Only where there is room after the last one shown. */
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (x - w / 2.0 < free_from)
        continue;

      show_text (cr, layout, label, x, f->y1 + 5.0, 0.5, 0.0);
      free_from = x + w / 2.0 + 6.0;
    }
}

static void
draw_series (cairo_t                *cr,
             const Frame            *f,
             const CpGoalChartPoint *points,
             guint                   n_points,
             CpGoalChartMode         mode,
             const CpGoalChartStyle *style)
{
  gboolean drawing = FALSE;
  double value;

  set_colour (cr, style->line);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* The line, broken where a review has no value. */
  for (guint i = 0; i < n_points; i++)
    {
      if (!point_value (&points[i], mode, &value))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, frame_x (f, i, n_points), frame_y (f, value));
      else
        cairo_move_to (cr, frame_x (f, i, n_points), frame_y (f, value));
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_points; i++)
    {
      if (!point_value (&points[i], mode, &value))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, frame_x (f, i, n_points), frame_y (f, value), MARKER_RADIUS, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

void
cp_goal_chart_draw (cairo_t                *cr,
                    double                  width,
                    double                  height,
                    const CpGoalChartPoint *points,
                    guint                   n_points,
                    CpGoalChartMode         mode,
                    const CpGoalChartStyle *style)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  CpGoalChartStyle defaults;
  gboolean any = FALSE;
  Frame f;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  if (style == NULL)
    {
      cp_goal_chart_style_init (&defaults);
      style = &defaults;
    }

  for (guint i = 0; i < n_points && !any; i++)
    {
      double value;

      any = point_value (&points[i], mode, &value);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font ? style->font : "Sans 9");
  pango_layout_set_font_description (layout, font);

  f = make_frame (width, height, points, n_points, mode);
  draw_axes (cr, layout, &f, mode, style);
  draw_dates (cr, layout, &f, points, n_points);

  if (any)
    draw_series (cr, &f, points, n_points, mode, style);
  else
    {
      set_colour (cr, style->foreground);
      show_text (cr, layout,
                 n_points == 0 ? _("No reviews yet")
                               : mode == CP_GOAL_CHART_T_SCORE ? _("No review has a score yet")
                                                               : _("No goal rated in words yet"),
                 (f.x0 + f.x1) / 2.0, (f.y0 + f.y1) / 2.0, 0.5, 0.5);
    }

  cairo_restore (cr);
}

/* ---- In words ------------------------------------------------------------------------- */

static void
describe_point (GString                *out,
                const CpGoalChartPoint *point,
                CpGoalChartMode         mode)
{
  g_autofree char *date = cp_date_format_long (point->held_on);
  const char *when = date != NULL ? date : point->held_on;

  if (mode == CP_GOAL_CHART_T_SCORE)
    {
      if (point->has_score)
        /* Translators: one review on the goal score chart: its date, the T-score and how
         * many goals counted, e.g. "5 March 2026: 52.3 (3 goals counted)." */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %.1f (%u goal counted).",
                                                  "%s: %.1f (%u goals counted).",
                                                  point->n_scored),
                                when, point->t_score, point->n_scored);
      else
        g_string_append_printf (out, _("%s: no score (no goal rated with a level)."), when);
    }
  else if (point->n_rated_progress > 0)
    /* Translators: one review on the chart of goals further on, e.g. "5 March 2026: 1 of
     * 2 goals further on." */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u of %u goal further on.",
                                              "%s: %u of %u goals further on.",
                                              point->n_rated_progress),
                            when, point->n_further, point->n_rated_progress);
  else
    g_string_append_printf (out, _("%s: no goal rated in words."), when);
}

char *
cp_goal_chart_describe (const CpGoalChartPoint *points,
                        guint                   n_points,
                        CpGoalChartMode         mode)
{
  GString *out = g_string_new (NULL);
  double first = 0.0;
  double last = 0.0;
  guint n_values = 0;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  if (mode == CP_GOAL_CHART_T_SCORE)
    g_string_append (out, _("Goal score (T-score) at each review; 50 is where the goals "
                            "were expected to be."));
  else
    g_string_append (out, _("Goals further on at each review."));

  if (n_points == 0)
    {
      g_string_append_printf (out, " %s", _("No reviews yet."));
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < n_points; i++)
    {
      double value;

      g_string_append_c (out, ' ');
      describe_point (out, &points[i], mode);

      if (mode == CP_GOAL_CHART_T_SCORE ? points[i].has_score : points[i].n_rated_progress > 0)
        {
          value = mode == CP_GOAL_CHART_T_SCORE ? points[i].t_score : points[i].n_further;
          if (n_values++ == 0)
            first = value;
          last = value;
        }
    }

  if (n_values >= 2)
    {
      g_string_append_c (out, ' ');
      if (mode == CP_GOAL_CHART_T_SCORE)
        {
          if (fabs (last - first) < 0.05)
            g_string_append_printf (out, _("The same at the last review as at the first, "
                                           "%.1f."), last);
          else
            /* Translators: the change of the goal score from the first review to the last */
            g_string_append_printf (out, last > first ? _("Up from %.1f to %.1f.")
                                                      : _("Down from %.1f to %.1f."),
                                    first, last);
        }
      else
        /* Translators: the change in goals further on from the first review to the last */
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  "From %u to %u goal further on.",
                                                  "From %u to %u goals further on.",
                                                  (guint) last),
                                (guint) first, (guint) last);
    }

  return g_string_free (out, FALSE);
}
