/* cp-review.h: a review with its ratings and barriers; a person's whole plan at once
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-goal.h"
#include "goals/cp-goal-chart.h"

G_BEGIN_DECLS

/* How one goal went by a review. With Goal Attainment Scaling the level (−2 .. +2);
 * without it, progress in words (further on / about the same / harder), kept apart so a
 * level is only ever a GAS level; or neither, a note alone. Never both. */
typedef struct
{
  gint64      id;          /* 0 in a rating to write */
  gint64      goal_id;
  int         level;       /* −2 .. +2, or CP_GOAL_NOT_SET */
  CpProgress  progress;    /* CP_PROGRESS_NONE when not rated in words */
  char       *note;        /* "" when none */
} CpRatingInfo;

/* Something that got in the way, picked at a review; SAFETY has no note. */
typedef struct
{
  CpBarrier  barrier;
  char      *note;         /* "" when none */
} CpReviewBarrier;

typedef struct
{
  gint64      id;
  gint64      person_id;
  char       *held_on;       /* YYYY-MM-DD, never after today */
  char       *attended;      /* who was there: roles or first names */
  char       *own_view;      /* the person's own view, in their words */
  char       *notes;         /* what happened */
  char       *new_contacts;  /* new contacts made */
  char       *next_steps;
  char       *created_at;
  char       *updated_at;
  GPtrArray  *ratings;       /* CpRatingInfo, in the goals' order */
  GPtrArray  *barriers;      /* CpReviewBarrier, in CpBarrier order */
} CpReviewInfo;

/* Empty records: texts "", no ratings, no barriers. */
CpReviewInfo       *cp_review_info_new          (void);
CpReviewInfo       *cp_review_info_copy         (const CpReviewInfo *info);
void                cp_review_info_free         (CpReviewInfo       *info);
/* The rating of @goal_id at this review, or NULL. */
const CpRatingInfo *cp_review_info_find_rating  (const CpReviewInfo *info,
                                                 gint64              goal_id);
/* Adds a rating (a level, progress or neither, and a note) or a barrier pick. */
void                cp_review_info_add_rating   (CpReviewInfo       *info,
                                                 gint64              goal_id,
                                                 int                 level,
                                                 CpProgress          progress,
                                                 const char         *note);
void                cp_review_info_add_barrier  (CpReviewInfo       *info,
                                                 CpBarrier           barrier,
                                                 const char         *note);
void                cp_rating_info_free         (CpRatingInfo       *info);
void                cp_review_barrier_free      (CpReviewBarrier    *barrier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpReviewInfo, cp_review_info_free)

/* ---- The whole plan ------------------------------------------------------------------ */

/* Everything a person's overview, goals page and person's copy show, read at one moment
 * (cp_store_read_plan ()): the goals in order with steps, barriers and helpers (member
 * owners and helpers resolved against the current map), and the reviews oldest first with
 * their ratings and barrier picks. */
typedef struct
{
  gint64      person_id;
  GPtrArray  *goals;      /* CpGoalInfo */
  GPtrArray  *reviews;    /* CpReviewInfo, oldest first (held_on, then id) */
} CpPlan;

void                cp_plan_free                (CpPlan             *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPlan, cp_plan_free)

const CpGoalInfo   *cp_plan_find_goal           (const CpPlan       *plan,
                                                 gint64              goal_id);
/* The newest rating of @goal_id (from the newest review that rated it), or NULL; @out_review
 * (may be NULL) gets that review. */
const CpRatingInfo *cp_plan_get_latest_rating   (const CpPlan        *plan,
                                                 gint64               goal_id,
                                                 const CpReviewInfo **out_review);
/* The ratings of @goal_id over time, oldest first: the CpRatingInfo of each review that
 * rated it (borrowed from @plan) in @out_ratings, and that review's CpReviewInfo at the
 * same index of @out_reviews. */
void                cp_plan_get_goal_history    (const CpPlan        *plan,
                                                 gint64               goal_id,
                                                 GPtrArray           *out_ratings,
                                                 GPtrArray           *out_reviews);
/* One CpGoalChartPoint per review, oldest first: the T-score of the goals rated with a
 * GAS level there (cp_gas_score (), each goal weighted by its importance and difficulty
 * as they are now), and the count of goals rated "further on" among those rated in words.
 * A review rated only one way has no value of the other kind: nothing is invented. Free
 * with g_array_unref. */
GArray             *cp_plan_dup_history         (const CpPlan       *plan);

G_END_DECLS
