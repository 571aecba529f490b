/* test-goal-chart.c: the history chart across reviews: gaps stay gaps, the picture and
 * its words agree
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-goal-chart"

#include <string.h>

#include "goals/cp-goal-chart.h"

#define WIDTH  400
#define HEIGHT 200

/* Three reviews: a T-score of 40, one rated only in words (no score), then 60. */
static GArray *
three_reviews (void)
{
  GArray *points = cp_goal_chart_points_new ();
  CpGoalChartPoint a = { g_strdup ("2026-01-10"), TRUE, 40.0, 2, 0, 0 };
  CpGoalChartPoint b = { g_strdup ("2026-02-21"), FALSE, 0.0, 0, 2, 1 };
  CpGoalChartPoint c = { g_strdup ("2026-04-04"), TRUE, 60.0, 3, 0, 0 };

  g_array_append_val (points, a);
  g_array_append_val (points, b);
  g_array_append_val (points, c);

  return points;
}

/* Whether the pixel at (@x, @y) of @surface, or one next to it, is the line's blue. */
static gboolean
blue_near (cairo_surface_t *surface,
           double           x,
           double           y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        int px = (int) x + dx;
        int py = (int) y + dy;
        guint32 pixel;
        guint r, g, b;

        if (px < 0 || py < 0 || px >= WIDTH || py >= HEIGHT)
          continue;
        memcpy (&pixel, data + py * stride + px * 4, 4);
        r = (pixel >> 16) & 0xff;
        g = (pixel >> 8) & 0xff;
        b = pixel & 0xff;
        if (b > 150 && r < 80 && g < 150)
          return TRUE;
      }

  return FALSE;
}

static void
test_t_score (void)
{
  g_autoptr(GArray) points = three_reviews ();
  const CpGoalChartPoint *p = (const CpGoalChartPoint *) points->data;
  g_autofree char *words = cp_goal_chart_describe (p, points->len, CP_GOAL_CHART_T_SCORE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  double x0, y0, x2, y2;

  /* The words: each review, the gap said as such, and the change. */
  g_assert_nonnull (strstr (words, "40.0 (2 goals counted)"));
  g_assert_nonnull (strstr (words, "no score (no goal rated with a level)"));
  g_assert_nonnull (strstr (words, "60.0 (3 goals counted)"));
  g_assert_nonnull (strstr (words, "Up from 40.0 to 60.0."));

  /* The picture: the gap has no place; a higher score is drawn higher, later to the right. */
  g_assert_true (cp_goal_chart_point_position (WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_T_SCORE, 0,
                                               &x0, &y0));
  g_assert_false (cp_goal_chart_point_position (WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_T_SCORE, 1,
                                                NULL, NULL));
  g_assert_true (cp_goal_chart_point_position (WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_T_SCORE, 2,
                                               &x2, &y2));
  g_assert_cmpfloat (x2, >, x0);
  g_assert_cmpfloat (y2, <, y0);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cp_goal_chart_draw (cr, WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_T_SCORE, NULL);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (blue_near (surface, x0, y0));
  g_assert_true (blue_near (surface, x2, y2));
  /* Nothing drawn at the middle review's place on the 50 line, and no zero. */
  {
    double x1 = (x0 + x2) / 2.0;
    double y_zero;

    g_assert_false (blue_near (surface, x1, HEIGHT - 4));
    y_zero = y0 + (y0 - y2) * 2.0;   /* 40 → 60 is the step; 0 is two steps below 40 */
    if (y_zero < HEIGHT)
      g_assert_false (blue_near (surface, x1, y_zero));
  }

  /* CP_TEST_CHART_PNG=FILE keeps the picture, to look at. */
  if (g_getenv ("CP_TEST_CHART_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("CP_TEST_CHART_PNG"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_further_on (void)
{
  g_autoptr(GArray) points = three_reviews ();
  const CpGoalChartPoint *p = (const CpGoalChartPoint *) points->data;
  g_autofree char *words = cp_goal_chart_describe (p, points->len, CP_GOAL_CHART_FURTHER_ON);
  g_autofree char *none = cp_goal_chart_describe (NULL, 0, CP_GOAL_CHART_FURTHER_ON);

  /* Without GAS only the review rated in words has a value: no change to report. */
  g_assert_nonnull (strstr (words, "1 of 2 goals further on"));
  g_assert_nonnull (strstr (words, "no goal rated in words"));
  g_assert_null (strstr (words, "From "));
  g_assert_false (cp_goal_chart_point_position (WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_FURTHER_ON,
                                                0, NULL, NULL));
  g_assert_true (cp_goal_chart_point_position (WIDTH, HEIGHT, p, 3, CP_GOAL_CHART_FURTHER_ON,
                                               1, NULL, NULL));
  g_assert_nonnull (strstr (none, "No reviews yet."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/goals/chart/t-score", test_t_score);
  g_test_add_func ("/cp/goals/chart/further-on", test_further_on);

  return g_test_run ();
}
