/* cp-review.c: a review with its ratings and barriers; a person's whole plan at once
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-review"

#include "cp-review.h"
#include "goals/cp-gas.h"

/* ---- Reviews -------------------------------------------------------------------------- */

void
cp_rating_info_free (CpRatingInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->note);
  g_free (info);
}

void
cp_review_barrier_free (CpReviewBarrier *barrier)
{
  if (barrier == NULL)
    return;

  g_free (barrier->note);
  g_free (barrier);
}

CpReviewInfo *
cp_review_info_new (void)
{
  CpReviewInfo *info = g_new0 (CpReviewInfo, 1);

  info->attended = g_strdup ("");
  info->own_view = g_strdup ("");
  info->notes = g_strdup ("");
  info->new_contacts = g_strdup ("");
  info->next_steps = g_strdup ("");
  info->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_rating_info_free);
  info->barriers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_review_barrier_free);

  return info;
}

#define REVIEW_TEXT_FIELDS(info) \
  { &(info)->held_on, &(info)->attended, &(info)->own_view, &(info)->notes, \
    &(info)->new_contacts, &(info)->next_steps, &(info)->created_at, &(info)->updated_at }

CpReviewInfo *
cp_review_info_copy (const CpReviewInfo *info)
{
  CpReviewInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  {
    char **fields[] = REVIEW_TEXT_FIELDS (copy);

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      *fields[i] = g_strdup (*fields[i]);
  }

  copy->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_rating_info_free);
  copy->barriers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_review_barrier_free);
  for (guint i = 0; info->ratings != NULL && i < info->ratings->len; i++)
    {
      const CpRatingInfo *rating = g_ptr_array_index (info->ratings, i);

      cp_review_info_add_rating (copy, rating->goal_id, rating->level, rating->progress,
                                 rating->note);
      ((CpRatingInfo *) g_ptr_array_index (copy->ratings, i))->id = rating->id;
    }
  for (guint i = 0; info->barriers != NULL && i < info->barriers->len; i++)
    {
      const CpReviewBarrier *barrier = g_ptr_array_index (info->barriers, i);

      cp_review_info_add_barrier (copy, barrier->barrier, barrier->note);
    }

  return copy;
}

void
cp_review_info_free (CpReviewInfo *info)
{
  if (info == NULL)
    return;

  {
    char **fields[] = REVIEW_TEXT_FIELDS (info);

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_free (*fields[i]);
  }
  g_clear_pointer (&info->ratings, g_ptr_array_unref);
  g_clear_pointer (&info->barriers, g_ptr_array_unref);
  g_free (info);
}

const CpRatingInfo *
cp_review_info_find_rating (const CpReviewInfo *info,
                            gint64              goal_id)
{
  g_return_val_if_fail (info != NULL, NULL);

  for (guint i = 0; i < info->ratings->len; i++)
    {
      const CpRatingInfo *rating = g_ptr_array_index (info->ratings, i);

      if (rating->goal_id == goal_id)
        return rating;
    }

  return NULL;
}

void
cp_review_info_add_rating (CpReviewInfo *info,
                           gint64        goal_id,
                           int           level,
                           CpProgress    progress,
                           const char   *note)
{
  CpRatingInfo *rating;

  g_return_if_fail (info != NULL);

  rating = g_new0 (CpRatingInfo, 1);
  rating->goal_id = goal_id;
  rating->level = level;
  rating->progress = progress;
  rating->note = g_strdup (note != NULL ? note : "");
  g_ptr_array_add (info->ratings, rating);
}

void
cp_review_info_add_barrier (CpReviewInfo *info,
                            CpBarrier     barrier,
                            const char   *note)
{
  CpReviewBarrier *pick;

  g_return_if_fail (info != NULL);

  pick = g_new0 (CpReviewBarrier, 1);
  pick->barrier = barrier;
  pick->note = g_strdup (note != NULL ? note : "");
  g_ptr_array_add (info->barriers, pick);
}

/* ---- The whole plan ------------------------------------------------------------------- */

void
cp_plan_free (CpPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->goals, g_ptr_array_unref);
  g_clear_pointer (&plan->reviews, g_ptr_array_unref);
  g_free (plan);
}

const CpGoalInfo *
cp_plan_find_goal (const CpPlan *plan,
                   gint64        goal_id)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, i);

      if (goal->id == goal_id)
        return goal;
    }

  return NULL;
}

const CpRatingInfo *
cp_plan_get_latest_rating (const CpPlan        *plan,
                           gint64               goal_id,
                           const CpReviewInfo **out_review)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (out_review != NULL)
    *out_review = NULL;

  for (guint i = plan->reviews->len; i > 0; i--)
    {
      const CpReviewInfo *review = g_ptr_array_index (plan->reviews, i - 1);
      const CpRatingInfo *rating = cp_review_info_find_rating (review, goal_id);

      if (rating != NULL)
        {
          if (out_review != NULL)
            *out_review = review;
          return rating;
        }
    }

  return NULL;
}

void
cp_plan_get_goal_history (const CpPlan *plan,
                          gint64        goal_id,
                          GPtrArray    *out_ratings,
                          GPtrArray    *out_reviews)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (out_ratings != NULL);

  for (guint i = 0; i < plan->reviews->len; i++)
    {
      const CpReviewInfo *review = g_ptr_array_index (plan->reviews, i);
      const CpRatingInfo *rating = cp_review_info_find_rating (review, goal_id);

      if (rating == NULL)
        continue;

      g_ptr_array_add (out_ratings, (gpointer) rating);
      if (out_reviews != NULL)
        g_ptr_array_add (out_reviews, (gpointer) review);
    }
}

GArray *
cp_plan_dup_history (const CpPlan *plan)
{
  GArray *points;

  g_return_val_if_fail (plan != NULL, NULL);

  points = cp_goal_chart_points_new ();

  for (guint i = 0; i < plan->reviews->len; i++)
    {
      const CpReviewInfo *review = g_ptr_array_index (plan->reviews, i);
      g_autofree CpGasGoal *gas = g_new0 (CpGasGoal, MAX (review->ratings->len, 1));
      CpGoalChartPoint point = { g_strdup (review->held_on), };
      guint n_gas = 0;

      for (guint j = 0; j < review->ratings->len; j++)
        {
          const CpRatingInfo *rating = g_ptr_array_index (review->ratings, j);
          const CpGoalInfo *goal = cp_plan_find_goal (plan, rating->goal_id);

          if (rating->progress != CP_PROGRESS_NONE)
            {
              point.n_rated_progress++;
              if (rating->progress == CP_PROGRESS_FURTHER)
                point.n_further++;
            }

          if (rating->level != CP_GOAL_NOT_SET && goal != NULL)
            {
              gas[n_gas].importance = goal->importance;
              gas[n_gas].difficulty = goal->difficulty;
              gas[n_gas].level = rating->level;
              n_gas++;
            }
        }

      point.has_score = cp_gas_score (gas, n_gas, &point.t_score, NULL, &point.n_scored);
      g_array_append_val (points, point);
    }

  return points;
}
