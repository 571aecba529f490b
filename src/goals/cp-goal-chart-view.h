/* cp-goal-chart-view.h: the history chart on screen, with its words for screen readers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "goals/cp-goal-chart.h"

G_BEGIN_DECLS

/* Draws cp_goal_chart_draw () (the one routine the PDFs call too) in the theme's colours,
 * and gives the same picture in words (cp_goal_chart_describe ()) as its accessible
 * description. An image to a screen reader; not focusable. */

#define CP_TYPE_GOAL_CHART_VIEW (cp_goal_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalChartView, cp_goal_chart_view, CP, GOAL_CHART_VIEW, GtkWidget)

GtkWidget  *cp_goal_chart_view_new             (void);
/* @points: CpGoalChartPoint, oldest first (cp_plan_dup_history ()); a reference is kept.
 * NULL shows nothing to draw. */
void        cp_goal_chart_view_set_points      (CpGoalChartView *self,
                                                GArray          *points,
                                                CpGoalChartMode  mode);
/* The words a screen reader gets (never NULL once points are set). */
const char *cp_goal_chart_view_get_description (CpGoalChartView *self);

G_END_DECLS
