/* test-gas.c: Goal Attainment Scaling T-scores, recomputed by hand
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-gas"

#include <math.h>

#include "goals/cp-gas.h"

#define U CP_GAS_UNSET

/* The score of @goals to one decimal, as the overview shows it; -1 when there is none. */
static double
score (const CpGasGoal *goals,
       guint            n_goals)
{
  double t = -1.0;

  if (!cp_gas_score (goals, n_goals, &t, NULL, NULL))
    return -1.0;

  return round (t * 10.0) / 10.0;
}

/* The worked examples: three unweighted goals at (1, 1, 0) → 59.1; all at −1 → 36.3;
 * all at 0 → 50. */
static void
test_worked_examples (void)
{
  const CpGasGoal mixed[] = { { U, U, 1 }, { U, U, 1 }, { U, U, 0 } };
  const CpGasGoal below[] = { { U, U, -1 }, { U, U, -1 }, { U, U, -1 } };
  const CpGasGoal expected[] = { { U, U, 0 }, { U, U, 0 }, { U, U, 0 } };
  const CpGasGoal one_best[] = { { U, U, 2 } };
  const CpGasGoal one_worst[] = { { U, U, -2 } };

  g_assert_cmpfloat (score (mixed, 3), ==, 59.1);
  g_assert_cmpfloat (score (below, 3), ==, 36.3);
  g_assert_cmpfloat (score (expected, 3), ==, 50.0);
  /* One goal: the denominator is the weight itself, so ±2 is ±20. */
  g_assert_cmpfloat (score (one_best, 1), ==, 70.0);
  g_assert_cmpfloat (score (one_worst, 1), ==, 30.0);
}

/* Weighted: importance × difficulty. (3 × 2 at +2) and (1 × 1 at −1):
 * Σwx = 12 − 1 = 11, Σw² = 37, Σw = 7; T = 50 + 110 / √(0.7·37 + 0.3·49) = 67.26. */
static void
test_weighted (void)
{
  const CpGasGoal goals[] = { { 3, 2, 2 }, { 1, 1, -1 } };
  const CpGasGoal flipped[] = { { 3, 2, -1 }, { 1, 1, 2 } };
  CpGasCount counts[2];
  guint n_counted = 0;
  double t = 0.0;

  g_assert_true (cp_gas_score (goals, 2, &t, counts, &n_counted));
  g_assert_cmpfloat_with_epsilon (t, 50.0 + 110.0 / sqrt (0.7 * 37 + 0.3 * 49), 1e-9);
  g_assert_cmpfloat (round (t * 100.0) / 100.0, ==, 67.26);
  g_assert_cmpuint (n_counted, ==, 2);
  g_assert_cmpint (counts[0], ==, CP_GAS_COUNTED);
  g_assert_cmpint (counts[1], ==, CP_GAS_COUNTED);

  /* The weight decides: the same levels on the other goals score lower.
   * Σwx = −6 + 2 = −4: T = 50 − 40 / 6.3718 = 43.7. */
  g_assert_cmpfloat (score (flipped, 2), ==, 43.7);

  g_assert_cmpint (cp_gas_weight (U, U), ==, 1);
  g_assert_cmpint (cp_gas_weight (3, 3), ==, 9);
  g_assert_cmpint (cp_gas_weight (0, 3), ==, 0);
  g_assert_cmpint (cp_gas_weight (2, U), ==, -1);
  g_assert_cmpint (cp_gas_weight (4, 1), ==, -1);
}

/* A weight of 0 leaves the goal out; weights that sum to 0 give no score at all. */
static void
test_weight_zero (void)
{
  const CpGasGoal some[] = { { 0, 3, 2 }, { 1, 1, 1 } };
  const CpGasGoal all_zero[] = { { 0, 3, 2 }, { 2, 0, -2 } };
  CpGasCount counts[2];
  guint n_counted = 99;
  double t = -7.0;

  /* Only the second counts: one unit weight at +1 is 60. */
  g_assert_true (cp_gas_score (some, 2, &t, counts, &n_counted));
  g_assert_cmpfloat_with_epsilon (t, 60.0, 1e-9);
  g_assert_cmpuint (n_counted, ==, 1);
  g_assert_cmpint (counts[0], ==, CP_GAS_WEIGHT_ZERO);
  g_assert_cmpint (counts[1], ==, CP_GAS_COUNTED);

  /* No score, and the result is left alone. */
  t = -7.0;
  g_assert_false (cp_gas_score (all_zero, 2, &t, counts, &n_counted));
  g_assert_cmpfloat (t, ==, -7.0);
  g_assert_cmpuint (n_counted, ==, 0);
  g_assert_cmpint (counts[0], ==, CP_GAS_WEIGHT_ZERO);
  g_assert_cmpint (counts[1], ==, CP_GAS_WEIGHT_ZERO);
}

/* Nothing rated, no goals, half a weight, a level out of range: each says why it did not
 * count, and no weight or level is made up. */
static void
test_not_counted (void)
{
  const CpGasGoal unrated[] = { { U, U, U }, { 2, 2, U } };
  const CpGasGoal partly[] = { { 2, U, 2 }, { U, U, -1 } };
  const CpGasGoal odd[] = { { U, U, 3 }, { 4, 1, 0 }, { U, U, 0 } };
  CpGasCount counts[3];
  guint n_counted = 0;
  double t = 0.0;

  g_assert_false (cp_gas_score (unrated, 2, &t, counts, &n_counted));
  g_assert_cmpint (counts[0], ==, CP_GAS_NOT_RATED);
  g_assert_cmpint (counts[1], ==, CP_GAS_NOT_RATED);
  g_assert_false (cp_gas_score (NULL, 0, &t, NULL, NULL));

  /* Importance without difficulty: left out (the other one, unweighted at −1, is 40). */
  g_assert_true (cp_gas_score (partly, 2, &t, counts, &n_counted));
  g_assert_cmpint (counts[0], ==, CP_GAS_PARTLY_WEIGHTED);
  g_assert_cmpuint (n_counted, ==, 1);
  g_assert_cmpfloat_with_epsilon (t, 40.0, 1e-9);

  g_assert_true (cp_gas_score (odd, 3, &t, counts, &n_counted));
  g_assert_cmpint (counts[0], ==, CP_GAS_OUT_OF_RANGE);
  g_assert_cmpint (counts[1], ==, CP_GAS_OUT_OF_RANGE);
  g_assert_cmpint (counts[2], ==, CP_GAS_COUNTED);
  g_assert_cmpfloat_with_epsilon (t, 50.0, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/goals/gas/worked-examples", test_worked_examples);
  g_test_add_func ("/cp/goals/gas/weighted", test_weighted);
  g_test_add_func ("/cp/goals/gas/weight-zero", test_weight_zero);
  g_test_add_func ("/cp/goals/gas/not-counted", test_not_counted);

  return g_test_run ();
}
