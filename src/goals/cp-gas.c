/* cp-gas.c: Goal Attainment Scaling, the T-score of a set of rated goals (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-gas"

#include <math.h>

#include "cp-gas.h"

static gboolean
factor_ok (int factor)
{
  return factor >= 0 && factor <= 3;
}

int
cp_gas_weight (int importance,
               int difficulty)
{
  if (importance == CP_GAS_UNSET && difficulty == CP_GAS_UNSET)
    return 1;

  if (!factor_ok (importance) || !factor_ok (difficulty))
    return -1;

  return importance * difficulty;
}

CpGasCount
cp_gas_goal_counts (const CpGasGoal *goal)
{
  int weight;

  g_return_val_if_fail (goal != NULL, CP_GAS_OUT_OF_RANGE);

  if (goal->level == CP_GAS_UNSET)
    return CP_GAS_NOT_RATED;
  if (goal->level < -2 || goal->level > 2)
    return CP_GAS_OUT_OF_RANGE;

  if ((goal->importance == CP_GAS_UNSET) != (goal->difficulty == CP_GAS_UNSET))
    return CP_GAS_PARTLY_WEIGHTED;

  weight = cp_gas_weight (goal->importance, goal->difficulty);
  if (weight < 0)
    return CP_GAS_OUT_OF_RANGE;
  if (weight == 0)
    return CP_GAS_WEIGHT_ZERO;

  return CP_GAS_COUNTED;
}

gboolean
cp_gas_score (const CpGasGoal  *goals,
              guint             n_goals,
              double           *out_t,
              CpGasCount       *out_counts,
              guint            *out_n_counted)
{
  double sum_wx = 0.0;
  double sum_w = 0.0;
  double sum_w2 = 0.0;
  guint n_counted = 0;

  g_return_val_if_fail (goals != NULL || n_goals == 0, FALSE);
  g_return_val_if_fail (out_t != NULL, FALSE);

  for (guint i = 0; i < n_goals; i++)
    {
      CpGasCount counts = cp_gas_goal_counts (&goals[i]);

      if (out_counts != NULL)
        out_counts[i] = counts;
      if (counts != CP_GAS_COUNTED)
        continue;

      {
        double w = cp_gas_weight (goals[i].importance, goals[i].difficulty);

        sum_wx += w * goals[i].level;
        sum_w += w;
        sum_w2 += w * w;
        n_counted++;
      }
    }

  if (out_n_counted != NULL)
    *out_n_counted = n_counted;

  /* Every counted weight is at least 1, so the sum is 0 only when none counted. */
  if (n_counted == 0 || sum_w <= 0.0)
    return FALSE;

  *out_t = 50.0 + 10.0 * sum_wx / sqrt ((1.0 - CP_GAS_RHO) * sum_w2 +
                                        CP_GAS_RHO * sum_w * sum_w);

  return TRUE;
}
