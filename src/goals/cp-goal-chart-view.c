/* cp-goal-chart-view.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-chart-view"

#include <glib/gi18n.h>

#include "cp-goal-chart-view.h"

#define MIN_HEIGHT 160

struct _CpGoalChartView
{
  GtkWidget        parent_instance;

  GArray          *points;
  CpGoalChartMode  mode;
  char            *description;
};

G_DEFINE_FINAL_TYPE (CpGoalChartView, cp_goal_chart_view, GTK_TYPE_WIDGET)

static void
set_rgba (double         out[4],
          const GdkRGBA *rgba,
          double         alpha)
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha * alpha;
}

static void
cp_goal_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CpGoalChartView *self = CP_GOAL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CpGoalChartStyle style;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->points == NULL || width <= 0 || height <= 0)
    return;

  cp_goal_chart_style_init (&style);
  /* The theme's text colour for words and axes (dark or light style alike); the grid a
   * faint version of it. gtk_widget_get_color () is GTK 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  set_rgba (style.foreground, &fg, 0.85);
  set_rgba (style.grid, &fg, 0.15);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cp_goal_chart_draw (cr, width, height, (const CpGoalChartPoint *) self->points->data,
                      self->points->len, self->mode, &style);
  cairo_destroy (cr);
}

static void
cp_goal_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = 200;
    }
}

void
cp_goal_chart_view_set_points (CpGoalChartView *self,
                               GArray          *points,
                               CpGoalChartMode  mode)
{
  g_return_if_fail (CP_IS_GOAL_CHART_VIEW (self));

  if (points != NULL)
    g_array_ref (points);
  g_clear_pointer (&self->points, g_array_unref);
  self->points = points;
  self->mode = mode;
  g_clear_pointer (&self->description, g_free);
  if (points != NULL)
    self->description = cp_goal_chart_describe ((const CpGoalChartPoint *) points->data,
                                                points->len, mode);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mode == CP_GOAL_CHART_T_SCORE
                                  ? _("Chart of the goal score at each review")
                                  : _("Chart of goals further on at each review"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description ? self->description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cp_goal_chart_view_get_description (CpGoalChartView *self)
{
  g_return_val_if_fail (CP_IS_GOAL_CHART_VIEW (self), NULL);

  return self->description;
}

static void
cp_goal_chart_view_finalize (GObject *object)
{
  CpGoalChartView *self = CP_GOAL_CHART_VIEW (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_free (self->description);
  G_OBJECT_CLASS (cp_goal_chart_view_parent_class)->finalize (object);
}

static void
cp_goal_chart_view_class_init (CpGoalChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cp_goal_chart_view_finalize;
  widget_class->snapshot = cp_goal_chart_view_snapshot;
  widget_class->measure = cp_goal_chart_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "goalchart");
}

static void
cp_goal_chart_view_init (CpGoalChartView *self)
{
}

GtkWidget *
cp_goal_chart_view_new (void)
{
  return g_object_new (CP_TYPE_GOAL_CHART_VIEW, NULL);
}
