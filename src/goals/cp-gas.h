/* cp-gas.h: Goal Attainment Scaling, the T-score of a set of rated goals (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Goal Attainment Scaling (Kiresuk & Sherman). Each goal has five levels, −2 (much less
 * than expected) .. +2 (much more than expected), and a weight: importance × difficulty,
 * each 0..3. The T-score of the goals rated at one review is
 *
 *   T = 50 + 10 · Σ wᵢxᵢ / √((1 − ρ) Σ wᵢ² + ρ (Σ wᵢ)²),   ρ = 0.3,
 *
 * over the goals that count: 50 when every goal is where it was expected to be, about 10
 * more or less per standard deviation. A goal counts when it was rated and has a weight:
 *   - not rated (level CP_GAS_UNSET): left out;
 *   - importance and difficulty both empty (CP_GAS_UNSET): weight 1, unweighted;
 *   - only one of them empty: left out, so no weight is made up (ask for the other);
 *   - a weight of 0 (either is 0): left out.
 * No score when no goal counts (nothing rated, or the weights sum to 0). The score is
 * the practitioner's: never in the with-person view or the person's copy unless asked. */

#define CP_GAS_RHO   0.3
#define CP_GAS_UNSET G_MININT   /* the same value as CP_GOAL_NOT_SET */

typedef struct
{
  int importance;   /* 0 .. 3, or CP_GAS_UNSET */
  int difficulty;   /* 0 .. 3, or CP_GAS_UNSET */
  int level;        /* −2 .. +2 as rated, or CP_GAS_UNSET */
} CpGasGoal;

/* Whether a goal counted towards a score, and if not why: what a review says per goal. */
typedef enum
{
  CP_GAS_COUNTED,
  CP_GAS_NOT_RATED,
  CP_GAS_WEIGHT_ZERO,        /* importance or difficulty is 0 */
  CP_GAS_PARTLY_WEIGHTED,    /* one of importance and difficulty is empty */
  CP_GAS_OUT_OF_RANGE,       /* a level or a factor outside its range */
} CpGasCount;

/* The weight of a goal: importance × difficulty, 1 when both are CP_GAS_UNSET; −1 when
 * only one is set or either is out of range (it cannot count). */
int         cp_gas_weight       (int               importance,
                                 int               difficulty);
/* Whether @goal counts, and if not why. */
CpGasCount  cp_gas_goal_counts  (const CpGasGoal  *goal);
/* The T-score of @goals in @out_t; @out_counts (may be NULL) gets one CpGasCount per goal
 * and @out_n_counted (may be NULL) how many counted. FALSE, with @out_t left alone, when
 * there is no score. */
gboolean    cp_gas_score        (const CpGasGoal  *goals,
                                 guint             n_goals,
                                 double           *out_t,
                                 CpGasCount       *out_counts,
                                 guint            *out_n_counted);

G_END_DECLS
