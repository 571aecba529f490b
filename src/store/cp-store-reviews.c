/* cp-store-reviews.c: recording reviews, and the dates of a person's plan
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "cp-store-reviews.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* A review and everything recorded with it (ratings, barrier picks, the next review) is
 * one edit: checked in C first, then written in one transaction, so a bad rating leaves
 * no review behind. Reading is in cp-store-goals-read.c. */

/* ---- Checking ------------------------------------------------------------------------- */

static gboolean
check_not_future (const char  *date,
                  const char  *invalid,
                  GError     **error)
{
  g_autofree char *today = cp_date_today ();

  if (!cp_date_is_valid (date))
    return _cp_store_constraint (error, invalid);
  if (strcmp (date, today) > 0)
    return _cp_store_constraint (error, _("That day is still to come."));

  return TRUE;
}

static gboolean
check_review (const CpReviewInfo  *review,
              GError             **error)
{
  g_autoptr(GHashTable) goals = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *today = cp_date_today ();
  guint barriers = 0;

  if (review->held_on == NULL || !cp_date_is_valid (review->held_on))
    return _cp_store_constraint (error, _("A review needs the real date it was held."));
  if (strcmp (review->held_on, today) > 0)
    return _cp_store_constraint (error, _("A review cannot be dated in the future."));

  for (guint i = 0; i < review->ratings->len; i++)
    {
      const CpRatingInfo *rating = g_ptr_array_index (review->ratings, i);

      if (rating->level != CP_GOAL_NOT_SET && (rating->level < -2 || rating->level > 2))
        return _cp_store_constraint (error, _("A goal level is between −2 and +2."));
      if (cp_enum_to_nick (CP_TYPE_PROGRESS, rating->progress) == NULL)
        return _cp_store_constraint (error, _("A goal is further on, about the same, or harder."));
      if (rating->level != CP_GOAL_NOT_SET && rating->progress != CP_PROGRESS_NONE)
        return _cp_store_constraint (error, _("A goal is rated with a level or in words, "
                                              "not both."));
      if (!g_hash_table_add (goals, (gpointer) &rating->goal_id))
        return _cp_store_constraint (error, _("Each goal is rated once at a review."));
    }

  for (guint i = 0; i < review->barriers->len; i++)
    {
      const CpReviewBarrier *pick = g_ptr_array_index (review->barriers, i);
      g_autofree char *note = g_strstrip (g_strdup (pick->note ? pick->note : ""));

      if ((guint) pick->barrier > CP_BARRIER_LAST)
        return _cp_store_constraint (error, _("That is not something the review knows got in "
                                              "the way."));
      if (barriers & (1u << pick->barrier))
        return _cp_store_constraint (error, _("Each thing that got in the way is picked once."));
      barriers |= 1u << pick->barrier;
      if (pick->barrier == CP_BARRIER_SAFETY && *note != '\0')
        return _cp_store_constraint (error, _("Safety takes no note here: record this in the "
                                              "case record."));
    }

  return TRUE;
}

/* ---- Writing -------------------------------------------------------------------------- */

typedef struct
{
  gint64              person_id;
  gint64              review_id;     /* to update; out when adding */
  const CpReviewInfo *review;
  const char         *next_review;   /* NULL: leave the person's as it is */
  char               *now;
} ReviewEdit;

static const char *
text_of (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
write_ratings (sqlite3     *db,
               ReviewEdit  *e,
               GError     **error)
{
  for (guint i = 0; i < e->review->ratings->len; i++)
    {
      const CpRatingInfo *rating = g_ptr_array_index (e->review->ratings, i);
      const CpDbValue values[] = {
        CP_DB_INT (e->review_id), CP_DB_INT (rating->goal_id),
        rating->level != CP_GOAL_NOT_SET ? CP_DB_INT (rating->level) : CP_DB_NULL,
        CP_DB_TEXT (rating->progress != CP_PROGRESS_NONE
                    ? cp_enum_to_nick (CP_TYPE_PROGRESS, rating->progress) : NULL),
        CP_DB_TEXT (text_of (rating->note)), CP_DB_TEXT (e->now), CP_DB_INT (e->person_id)
      };
      gint64 mine = 0;

      if (!_cp_store_query_int64 (db, "SELECT count (*) FROM goal WHERE id = ?2 AND person_id = ?7",
                                  values, G_N_ELEMENTS (values), &mine, NULL, error))
        return FALSE;
      if (!mine)
        return _cp_store_constraint (error, _("That goal is not this person’s."));

      if (!_cp_db_run (db,
                       "INSERT INTO rating (review_id, goal_id, level, progress, note, created_at, "
                       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                       "ON CONFLICT (review_id, goal_id) DO UPDATE SET level = excluded.level, "
                       "progress = excluded.progress, note = excluded.note, "
                       "updated_at = excluded.updated_at WHERE level IS NOT excluded.level "
                       "OR progress IS NOT excluded.progress OR note IS NOT excluded.note",
                       values, 6, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < e->review->barriers->len; i++)
    {
      const CpReviewBarrier *pick = g_ptr_array_index (e->review->barriers, i);
      g_autofree char *note = g_strstrip (g_strdup (text_of (pick->note)));
      const CpDbValue values[] = {
        CP_DB_INT (e->review_id), CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_BARRIER, pick->barrier)),
        CP_DB_TEXT (note), CP_DB_TEXT (e->now)
      };

      if (!_cp_db_run (db,
                       "INSERT INTO review_barrier (review_id, barrier, note, created_at) "
                       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (review_id, barrier) "
                       "DO UPDATE SET note = excluded.note WHERE note IS NOT excluded.note",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* Deletes the ratings and picks of the review that @e->review no longer holds. */
static gboolean
drop_missing (sqlite3     *db,
              ReviewEdit  *e,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) ratings = NULL;
  g_autoptr(sqlite3_stmt) picks = NULL;
  g_autoptr(GArray) gone_goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) gone_picks = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (!(ratings = _cp_db_prepare (db, "SELECT goal_id FROM rating WHERE review_id = ?1", error)) ||
      !(picks = _cp_db_prepare (db, "SELECT barrier FROM review_barrier WHERE review_id = ?1",
                                error)))
    return FALSE;

  sqlite3_bind_int64 (ratings, 1, e->review_id);
  while ((rc = sqlite3_step (ratings)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (ratings, 0);

      if (cp_review_info_find_rating (e->review, goal_id) == NULL)
        g_array_append_val (gone_goals, goal_id);
    }
  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_int64 (picks, 1, e->review_id);
      while ((rc = sqlite3_step (picks)) == SQLITE_ROW)
        {
          const char *nick = (const char *) sqlite3_column_text (picks, 0);
          int barrier = cp_enum_from_nick (CP_TYPE_BARRIER, nick, -1);
          gboolean kept = FALSE;

          for (guint i = 0; i < e->review->barriers->len && !kept; i++)
            kept = ((CpReviewBarrier *) g_ptr_array_index (e->review->barriers, i))->barrier ==
                   (CpBarrier) barrier;
          if (!kept)
            g_ptr_array_add (gone_picks, g_strdup (nick));
        }
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  for (guint i = 0; i < gone_goals->len; i++)
    {
      const CpDbValue values[] = {
        CP_DB_INT (e->review_id), CP_DB_INT (g_array_index (gone_goals, gint64, i))
      };

      if (!_cp_db_run (db, "DELETE FROM rating WHERE review_id = ?1 AND goal_id = ?2",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < gone_picks->len; i++)
    {
      const CpDbValue values[] = {
        CP_DB_INT (e->review_id), CP_DB_TEXT (g_ptr_array_index (gone_picks, i))
      };

      if (!_cp_db_run (db, "DELETE FROM review_barrier WHERE review_id = ?1 AND barrier = ?2",
                       values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* ?1 the review (or, to add, the person), ?2 .. ?7 date and texts, ?8 the time now. */
#define REVIEW_VALUES(e) { \
    CP_DB_INT ((e)->review_id != 0 ? (e)->review_id : (e)->person_id), \
    CP_DB_TEXT ((e)->review->held_on), CP_DB_TEXT (text_of ((e)->review->attended)), \
    CP_DB_TEXT (text_of ((e)->review->own_view)), CP_DB_TEXT (text_of ((e)->review->notes)), \
    CP_DB_TEXT (text_of ((e)->review->new_contacts)), \
    CP_DB_TEXT (text_of ((e)->review->next_steps)), CP_DB_TEXT ((e)->now) }

static gboolean
add_review (CpStore   *store,
            sqlite3   *db,
            gpointer   user_data,
            GError   **error)
{
  ReviewEdit *e = user_data;
  const CpDbValue values[] = REVIEW_VALUES (e);

  if (!_cp_db_run (db,
                   "INSERT INTO review (person_id, held_on, attended, own_view, notes, "
                   "new_contacts, next_steps, created_at, updated_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                   values, G_N_ELEMENTS (values), NULL, error))
    return FALSE;

  e->review_id = sqlite3_last_insert_rowid (db);
  if (!write_ratings (db, e, error))
    return FALSE;

  if (e->next_review != NULL)
    {
      const CpDbValue next[] = {
        CP_DB_INT (e->person_id), CP_DB_TEXT (e->next_review), CP_DB_TEXT (e->now)
      };

      return _cp_db_run (db, "UPDATE person SET next_review = ?2, updated_at = ?3 "
                         "WHERE id = ?1 AND next_review IS NOT ?2",
                         next, G_N_ELEMENTS (next), NULL, error);
    }

  return TRUE;
}

gint64
cp_store_add_review (CpStore             *self,
                     gint64               person_id,
                     const CpReviewInfo  *review,
                     const char          *next_review,
                     GError             **error)
{
  g_autofree char *now = _cp_db_now ();
  ReviewEdit e = { person_id, 0, review, next_review, now };

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (review != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_cp_store_check_person (self, person_id, error) || !check_review (review, error))
    return 0;

  if (next_review != NULL && !cp_date_is_valid (next_review))
    {
      _cp_store_constraint (error, _("The next review needs a real date."));
      return 0;
    }
  if (next_review != NULL && strcmp (next_review, review->held_on) < 0)
    {
      _cp_store_constraint (error, _("The next review cannot come before this one."));
      return 0;
    }

  if (!_cp_store_edit (self, _("Record review"), NULL, add_review, &e, error))
    return 0;

  return e.review_id;
}

static gboolean
update_review (CpStore   *store,
               sqlite3   *db,
               gpointer   user_data,
               GError   **error)
{
  ReviewEdit *e = user_data;
  const CpDbValue values[] = REVIEW_VALUES (e);
  gboolean found = FALSE;

  if (!_cp_store_query_int64 (db, "SELECT person_id FROM review WHERE id = ?1", values, 1,
                              &e->person_id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_REVIEW_GONE));
      return FALSE;
    }

  return _cp_db_run (db,
                     "UPDATE review SET held_on = ?2, attended = ?3, own_view = ?4, notes = ?5, "
                     "new_contacts = ?6, next_steps = ?7, updated_at = ?8 "
                     "WHERE id = ?1 AND (held_on IS NOT ?2 OR attended IS NOT ?3 "
                     "OR own_view IS NOT ?4 OR notes IS NOT ?5 OR new_contacts IS NOT ?6 "
                     "OR next_steps IS NOT ?7)",
                     values, G_N_ELEMENTS (values), NULL, error) &&
         drop_missing (db, e, error) &&
         write_ratings (db, e, error);
}

gboolean
cp_store_update_review (CpStore             *self,
                        gint64               review_id,
                        const CpReviewInfo  *review,
                        GError             **error)
{
  g_autofree char *now = _cp_db_now ();
  g_autofree char *merge_key = g_strdup_printf ("review:%" G_GINT64_FORMAT, review_id);
  ReviewEdit e = { 0, review_id, review, NULL, now };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_open (self, error) || !check_review (review, error))
    return FALSE;

  return _cp_store_edit (self, _("Edit review"), merge_key, update_review, &e, error);
}

gboolean
cp_store_delete_review (CpStore  *self,
                        gint64    review_id,
                        GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_delete_row (self, _("Delete review"), "DELETE FROM review WHERE id = ?1",
                               review_id, _(CP_STORE_REVIEW_GONE), error);
}

/* ---- Dates of the plan ---------------------------------------------------------------- */

char *
cp_review_schedule (const char *from,
                    guint       weeks)
{
  return cp_date_add_days (from, (int) MIN (weeks, 5200u) * 7);
}

typedef struct
{
  gint64      id;
  const char *date;
  char       *next_review;
} PlanAgreed;

static gboolean
set_plan_agreed (CpStore   *store,
                 sqlite3   *db,
                 gpointer   user_data,
                 GError   **error)
{
  PlanAgreed *p = user_data;
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_INT (p->id), CP_DB_TEXT (p->date), CP_DB_TEXT (now), CP_DB_TEXT (p->next_review)
  };
  guint n_touched = 0;

  if (!_cp_db_run (db, "SELECT 1 FROM person WHERE id = ?1", values, 1, &n_touched, error))
    return FALSE;
  if (n_touched == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_PERSON_GONE));
      return FALSE;
    }

  return _cp_db_run (db, "UPDATE person SET plan_agreed_on = ?2, updated_at = ?3 "
                     "WHERE id = ?1 AND plan_agreed_on IS NOT ?2",
                     values, 3, NULL, error) &&
         (p->next_review == NULL ||
          _cp_db_run (db, "UPDATE person SET next_review = ?4, updated_at = ?3 "
                      "WHERE id = ?1 AND next_review IS NULL",
                      values, G_N_ELEMENTS (values), NULL, error));
}

gboolean
cp_store_set_person_plan_agreed_on (CpStore     *self,
                                    gint64       id,
                                    const char  *date,
                                    guint        review_weeks,
                                    GError     **error)
{
  g_autofree char *next_review = NULL;
  PlanAgreed p = { id, date, NULL };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date != NULL && *date == '\0')
    p.date = date = NULL;
  if (date != NULL &&
      !check_not_future (date, _("The day the plan was agreed needs a real date."), error))
    return FALSE;

  if (date != NULL && review_weeks > 0)
    p.next_review = next_review = cp_review_schedule (date, review_weeks);

  return _cp_store_edit (self, _("Change date the plan was agreed"), NULL, set_plan_agreed,
                         &p, error);
}

gboolean
cp_store_set_person_check_in_on (CpStore     *self,
                                 gint64       id,
                                 const char  *date,
                                 GError     **error)
{
  CpPerson *person;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_person (self, id, error))
    return FALSE;

  person = cp_store_find_person (self, id);
  if (date != NULL && *date != '\0' && cp_person_get_status (person) != CP_PERSON_STATUS_PAUSED)
    return _cp_store_constraint (error, _("Only a paused person has a check-in date."));

  return _cp_store_set_person_date (self, id, date, _("Change check-in date"),
                                    _("A check-in date needs to be a real date."),
                                    "UPDATE person SET check_in_on = ?3, updated_at = ?2 "
                                    "WHERE id = ?1 AND check_in_on IS NOT ?3",
                                    error);
}

gboolean
cp_store_set_person_guide_on (CpStore     *self,
                              gint64       id,
                              const char  *date,
                              GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date != NULL && *date != '\0' &&
      !check_not_future (date, _("Going through the guide needs a real date."), error))
    return FALSE;

  return _cp_store_set_person_date (self, id, date, _("Change date the guide was gone through"),
                                    _("Going through the guide needs a real date."),
                                    "UPDATE person SET guide_on = ?3, updated_at = ?2 "
                                    "WHERE id = ?1 AND guide_on IS NOT ?3",
                                    error);
}
