/* cp-goal-chart.h: a person's progress across reviews, drawn with cairo (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The one drawing of a person's history across reviews: the screen (through
 * gtk_snapshot_append_cairo), the practitioner's plan PDF and the supervision sheet all
 * call cp_goal_chart_draw (), and cp_goal_chart_describe () gives the same picture in
 * words for screen readers and for a text alternative in a PDF. With Goal Attainment
 * Scaling it shows the T-score at each review (50: as expected); without, how many goals
 * were "further on". A review with nothing of that kind is a gap, never a zero. */

typedef struct
{
  char     *held_on;            /* the review's date, YYYY-MM-DD */
  gboolean  has_score;          /* a T-score could be worked out */
  double    t_score;
  guint     n_scored;           /* goals that counted towards the T-score */
  guint     n_rated_progress;   /* goals rated in words (further on / same / harder) */
  guint     n_further;          /* of those, "further on" */
} CpGoalChartPoint;

/* For g_array_set_clear_func () on an array of points: frees held_on. */
void      cp_goal_chart_point_clear     (CpGoalChartPoint       *point);
/* A new array of CpGoalChartPoint that frees its points' dates. */
GArray   *cp_goal_chart_points_new      (void);

typedef enum
{
  CP_GOAL_CHART_T_SCORE,     /* Goal Attainment Scaling on */
  CP_GOAL_CHART_FURTHER_ON,  /* off: goals further on */
} CpGoalChartMode;

/* Colours as RGBA 0..1 and the font; the screen passes the theme's, a PDF the default. */
typedef struct
{
  double      foreground[4];  /* axes and words */
  double      grid[4];
  double      line[4];        /* the series and its markers */
  const char *font;           /* a Pango font description, e.g. "Sans 9" */
} CpGoalChartStyle;

/* Dark grey on white with a blue line, "Sans 9". */
void      cp_goal_chart_style_init      (CpGoalChartStyle       *style);

/* The T-score axis runs 20 .. 80 (a score outside is drawn at the edge). */
#define CP_GOAL_CHART_T_MIN 20.0
#define CP_GOAL_CHART_T_MAX 80.0

/* Draws the chart into the rectangle (0, 0, @width, @height) of @cr, which is left as
 * it was. @points oldest first. With no value to draw it says so in the middle. */
void      cp_goal_chart_draw            (cairo_t                *cr,
                                         double                  width,
                                         double                  height,
                                         const CpGoalChartPoint *points,
                                         guint                   n_points,
                                         CpGoalChartMode         mode,
                                         const CpGoalChartStyle *style);
/* Where point @index is drawn in a chart of @width × @height (for tooltips and tests):
 * FALSE when it has no value in @mode (a gap). */
gboolean  cp_goal_chart_point_position  (double                  width,
                                         double                  height,
                                         const CpGoalChartPoint *points,
                                         guint                   n_points,
                                         CpGoalChartMode         mode,
                                         guint                   index,
                                         double                 *out_x,
                                         double                 *out_y);
/* The chart in words, one review a sentence, then the change from the first value to
 * the last: the accessible description of the picture. */
char     *cp_goal_chart_describe        (const CpGoalChartPoint *points,
                                         guint                   n_points,
                                         CpGoalChartMode         mode);

G_END_DECLS
