/* cp-store-goals-read.c: reading a person's goals, reviews and whole plan
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-goals.h"
#include "cp-store-records-private.h"
#include "cp-store-reviews.h"
#include "util/cp-enum.h"

/* A person's goals are read in four queries whatever their number (goals, then every
 * step, barrier and helper of the person's goals), reviews in three, so the overview of a
 * long plan stays a few milliseconds (bench-goals). Member owners and helpers are named
 * by the one rule of the current map (CP_STORE_MAPS_NEWEST_FIRST), as
 * cp_store_lookup_lineage () does. Every sqlite3_step is checked: a read that fails fails
 * the whole call. */

/* ---- One read transaction ------------------------------------------------------------- */

gboolean
_cp_store_begin_read (CpStore  *self,
                      GError  **error)
{
  if (!_cp_store_check_open (self, error))
    return FALSE;

  return _cp_db_exec (self->db, "BEGIN", error);
}

gboolean
_cp_store_end_read (CpStore  *self,
                    gboolean  ok,
                    GError  **error)
{
  if (!ok || !_cp_db_exec (self->db, "COMMIT", ok ? error : NULL))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* ---- Rows ----------------------------------------------------------------------------- */

char *
_cp_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
_cp_store_column_dup_or_empty (sqlite3_stmt *stmt,
                               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

int
_cp_store_column_int_or (sqlite3_stmt *stmt,
                         int           column,
                         int           if_null)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return if_null;

  return sqlite3_column_int (stmt, column);
}

int
_cp_store_column_enum (sqlite3_stmt *stmt,
                       int           column,
                       GType         type,
                       int           fallback)
{
  return cp_enum_from_nick (type, (const char *) sqlite3_column_text (stmt, column), fallback);
}

typedef gboolean (*RowFunc) (sqlite3_stmt  *stmt,
                             gpointer       data,
                             GError       **error);

/* Prepares @sql, binds @id to ?1 and hands every row to @func. */
static gboolean
each_row (sqlite3      *db,
          const char   *sql,
          gint64        id,
          RowFunc       func,
          gpointer      data,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (stmt, data, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

/* ---- Lineages ------------------------------------------------------------------------- */

typedef struct
{
  char           *name;
  CpLineageState  state;
} Lineage;

static void
lineage_free (Lineage *lineage)
{
  g_free (lineage->name);
  g_free (lineage);
}

typedef struct
{
  GHashTable *lineages;   /* gint64 lineage -> Lineage */
  gint64      current;    /* the current map */
} Lineages;

static gboolean
read_lineage (sqlite3_stmt  *stmt,
              gpointer       data,
              GError       **error)
{
  Lineages *l = data;
  gint64 lineage = sqlite3_column_int64 (stmt, 0);
  Lineage *entry;
  gint64 *key;

  /* Newest map first: the first row of a lineage is its newest name. */
  if (g_hash_table_contains (l->lineages, &lineage))
    return TRUE;

  entry = g_new0 (Lineage, 1);
  entry->name = _cp_store_column_dup_or_empty (stmt, 1);
  entry->state = sqlite3_column_int64 (stmt, 2) == l->current ? CP_LINEAGE_ON_CURRENT_MAP
                                                              : CP_LINEAGE_NO_LONGER_ON_MAP;
  key = g_new (gint64, 1);
  *key = lineage;
  g_hash_table_insert (l->lineages, key, entry);

  return TRUE;
}

static void
resolve (Lineages        *l,
         gint64           lineage,
         CpLineageState  *out_state,
         char           **out_name)
{
  Lineage *entry = g_hash_table_lookup (l->lineages, &lineage);

  *out_state = entry != NULL ? entry->state : CP_LINEAGE_NEVER_ON_MAP;
  g_free (*out_name);
  *out_name = entry != NULL ? g_strdup (entry->name) : NULL;
}

/* ---- Goals ---------------------------------------------------------------------------- */

typedef struct
{
  gint64      person_id;
  GPtrArray  *out;        /* CpGoalInfo */
  GHashTable *by_id;      /* gint64 goal id -> CpGoalInfo (borrowed) */
} Goals;

static CpGoalInfo *
goal_of (Goals        *g,
         sqlite3_stmt *stmt)
{
  gint64 goal_id = sqlite3_column_int64 (stmt, 0);

  return g_hash_table_lookup (g->by_id, &goal_id);
}

static gboolean
read_goal (sqlite3_stmt  *stmt,
           gpointer       data,
           GError       **error)
{
  Goals *g = data;
  CpGoalInfo *goal = cp_goal_info_new ();

  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->person_id = sqlite3_column_int64 (stmt, 1);
  g_free (goal->text);
  goal->text = _cp_store_column_dup_or_empty (stmt, 2);
  goal->life_area = _cp_store_column_enum (stmt, 3, CP_TYPE_LIFE_AREA, CP_LIFE_AREA_NONE);
  goal->dialog_domain = _cp_store_column_enum (stmt, 4, CP_TYPE_DIALOG_DOMAIN, CP_DIALOG_DOMAIN_NONE);
  g_free (goal->specific);
  goal->specific = _cp_store_column_dup_or_empty (stmt, 5);
  g_free (goal->measurable);
  goal->measurable = _cp_store_column_dup_or_empty (stmt, 6);
  g_free (goal->achievable);
  goal->achievable = _cp_store_column_dup_or_empty (stmt, 7);
  g_free (goal->relevant);
  goal->relevant = _cp_store_column_dup_or_empty (stmt, 8);
  goal->target_on = _cp_store_column_dup (stmt, 9);
  g_free (goal->if_hard);
  goal->if_hard = _cp_store_column_dup_or_empty (stmt, 10);
  for (guint i = 0; i < G_N_ELEMENTS (goal->levels); i++)
    {
      g_free (goal->levels[i]);
      goal->levels[i] = _cp_store_column_dup_or_empty (stmt, 11 + (int) i);
    }
  goal->baseline_level = _cp_store_column_int_or (stmt, 16, CP_GOAL_NOT_SET);
  goal->importance = _cp_store_column_int_or (stmt, 17, CP_GOAL_NOT_SET);
  goal->difficulty = _cp_store_column_int_or (stmt, 18, CP_GOAL_NOT_SET);
  goal->status = _cp_store_column_enum (stmt, 19, CP_TYPE_GOAL_STATUS, CP_GOAL_STATUS_ACTIVE);
  goal->status_on = _cp_store_column_dup (stmt, 20);
  goal->position = sqlite3_column_int (stmt, 21);
  goal->created_at = _cp_store_column_dup_or_empty (stmt, 22);
  goal->updated_at = _cp_store_column_dup_or_empty (stmt, 23);
  goal->made_on = _cp_store_column_dup (stmt, 24);

  g_ptr_array_add (g->out, goal);
  g_hash_table_insert (g->by_id, &goal->id, goal);

  return TRUE;
}

static gboolean
read_step (sqlite3_stmt  *stmt,
           gpointer       data,
           GError       **error)
{
  CpGoalInfo *goal = goal_of (data, stmt);
  CpStepInfo *step;

  if (goal == NULL)
    return TRUE;

  step = cp_step_info_new ();
  step->id = sqlite3_column_int64 (stmt, 1);
  g_free (step->text);
  step->text = _cp_store_column_dup_or_empty (stmt, 2);
  step->owner = _cp_store_column_enum (stmt, 3, CP_TYPE_STEP_OWNER, CP_STEP_OWNER_PERSON);
  step->owner_role = _cp_store_column_dup (stmt, 4);
  step->owner_lineage = sqlite3_column_int64 (stmt, 5);
  step->due_on = _cp_store_column_dup (stmt, 6);
  step->done_on = _cp_store_column_dup (stmt, 7);
  step->position = sqlite3_column_int (stmt, 8);
  step->created_at = _cp_store_column_dup_or_empty (stmt, 9);
  step->updated_at = _cp_store_column_dup_or_empty (stmt, 10);
  g_ptr_array_add (goal->steps, step);

  return TRUE;
}

static gboolean
read_barrier (sqlite3_stmt  *stmt,
              gpointer       data,
              GError       **error)
{
  CpGoalInfo *goal = goal_of (data, stmt);
  CpGoalBarrier *barrier;

  if (goal == NULL)
    return TRUE;

  barrier = g_new0 (CpGoalBarrier, 1);
  barrier->id = sqlite3_column_int64 (stmt, 1);
  barrier->barrier = _cp_store_column_dup_or_empty (stmt, 2);
  barrier->tackle = _cp_store_column_dup_or_empty (stmt, 3);
  barrier->position = sqlite3_column_int (stmt, 4);
  g_ptr_array_add (goal->barriers, barrier);

  return TRUE;
}

static gboolean
read_helper (sqlite3_stmt  *stmt,
             gpointer       data,
             GError       **error)
{
  CpGoalInfo *goal = goal_of (data, stmt);
  CpGoalHelper *helper;

  if (goal == NULL)
    return TRUE;

  helper = g_new0 (CpGoalHelper, 1);
  helper->lineage = sqlite3_column_int64 (stmt, 1);
  helper->state = CP_LINEAGE_NEVER_ON_MAP;
  g_ptr_array_add (goal->helpers, helper);

  return TRUE;
}

static gboolean
resolve_lineages (sqlite3    *db,
                  gint64      person_id,
                  GPtrArray  *goals,
                  GError    **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) lineage_free);
  Lineages l = { table, 0 };

  if (!_cp_store_read_current_snapshot (db, person_id, &l.current, error) ||
      !each_row (db,
                 "SELECT m.lineage, m.name, s.id FROM member m "
                 "JOIN snapshot s ON s.id = m.snapshot_id WHERE s.person_id = ?1 "
                 "ORDER BY " CP_STORE_MAPS_NEWEST_FIRST ("s."),
                 person_id, read_lineage, &l, error))
    return FALSE;

  for (guint i = 0; i < goals->len; i++)
    {
      CpGoalInfo *goal = g_ptr_array_index (goals, i);

      for (guint j = 0; j < goal->steps->len; j++)
        {
          CpStepInfo *step = g_ptr_array_index (goal->steps, j);

          if (step->owner == CP_STEP_OWNER_MEMBER)
            resolve (&l, step->owner_lineage, &step->owner_state, &step->owner_name);
        }
      for (guint j = 0; j < goal->helpers->len; j++)
        {
          CpGoalHelper *helper = g_ptr_array_index (goal->helpers, j);

          resolve (&l, helper->lineage, &helper->state, &helper->name);
        }
    }

  return TRUE;
}

gboolean
_cp_store_read_goals (sqlite3    *db,
                      gint64      person_id,
                      GPtrArray  *out,
                      GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Goals g = { person_id, out, by_id };

  return each_row (db,
                   "SELECT id, person_id, text, life_area, dialog_domain, specific, "
                   "measurable, achievable, relevant, target_on, if_hard, level_minus2, "
                   "level_minus1, level_0, level_plus1, level_plus2, baseline_level, "
                   "importance, difficulty, status, status_on, position, created_at, "
                   "updated_at, made_on FROM goal WHERE person_id = ?1 ORDER BY position, id",
                   person_id, read_goal, &g, error) &&
         each_row (db,
                   "SELECT st.goal_id, st.id, st.text, st.owner, st.owner_role, "
                   "st.owner_lineage, st.due_on, st.done_on, st.position, st.created_at, "
                   "st.updated_at FROM step st JOIN goal g ON g.id = st.goal_id "
                   "WHERE g.person_id = ?1 ORDER BY st.goal_id, st.position, st.id",
                   person_id, read_step, &g, error) &&
         each_row (db,
                   "SELECT b.goal_id, b.id, b.barrier, b.tackle, b.position "
                   "FROM goal_barrier b JOIN goal g ON g.id = b.goal_id "
                   "WHERE g.person_id = ?1 ORDER BY b.goal_id, b.position, b.id",
                   person_id, read_barrier, &g, error) &&
         each_row (db,
                   "SELECT gm.goal_id, gm.lineage FROM goal_member gm "
                   "JOIN goal g ON g.id = gm.goal_id WHERE g.person_id = ?1 ORDER BY gm.id",
                   person_id, read_helper, &g, error) &&
         resolve_lineages (db, person_id, out, error);
}

/* ---- Reviews -------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray  *out;      /* CpReviewInfo */
  GHashTable *by_id;    /* gint64 review id -> CpReviewInfo (borrowed) */
} Reviews;

static CpReviewInfo *
review_of (Reviews      *r,
           sqlite3_stmt *stmt)
{
  gint64 review_id = sqlite3_column_int64 (stmt, 0);

  return g_hash_table_lookup (r->by_id, &review_id);
}

static gboolean
read_review (sqlite3_stmt  *stmt,
             gpointer       data,
             GError       **error)
{
  Reviews *r = data;
  CpReviewInfo *review = cp_review_info_new ();
  char **texts[] = {
    &review->attended, &review->own_view, &review->notes, &review->new_contacts,
    &review->next_steps,
  };

  review->id = sqlite3_column_int64 (stmt, 0);
  review->person_id = sqlite3_column_int64 (stmt, 1);
  review->held_on = _cp_store_column_dup_or_empty (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = _cp_store_column_dup_or_empty (stmt, 3 + (int) i);
    }
  review->created_at = _cp_store_column_dup_or_empty (stmt, 8);
  review->updated_at = _cp_store_column_dup_or_empty (stmt, 9);

  g_ptr_array_add (r->out, review);
  g_hash_table_insert (r->by_id, &review->id, review);

  return TRUE;
}

static gboolean
read_rating (sqlite3_stmt  *stmt,
             gpointer       data,
             GError       **error)
{
  CpReviewInfo *review = review_of (data, stmt);
  CpRatingInfo *rating;

  if (review == NULL)
    return TRUE;

  cp_review_info_add_rating (review, sqlite3_column_int64 (stmt, 2),
                             _cp_store_column_int_or (stmt, 3, CP_GOAL_NOT_SET),
                             _cp_store_column_enum (stmt, 4, CP_TYPE_PROGRESS, CP_PROGRESS_NONE),
                             (const char *) sqlite3_column_text (stmt, 5));
  rating = g_ptr_array_index (review->ratings, review->ratings->len - 1);
  rating->id = sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

static gboolean
read_review_barrier (sqlite3_stmt  *stmt,
                     gpointer       data,
                     GError       **error)
{
  CpReviewInfo *review = review_of (data, stmt);
  int barrier = _cp_store_column_enum (stmt, 1, CP_TYPE_BARRIER, -1);

  if (review != NULL && barrier >= 0)
    cp_review_info_add_barrier (review, barrier, (const char *) sqlite3_column_text (stmt, 2));

  return TRUE;
}

static int
compare_barriers (gconstpointer a,
                  gconstpointer b)
{
  const CpReviewBarrier *x = *(const CpReviewBarrier * const *) a;
  const CpReviewBarrier *y = *(const CpReviewBarrier * const *) b;

  return (x->barrier > y->barrier) - (x->barrier < y->barrier);
}

gboolean
_cp_store_read_reviews (sqlite3    *db,
                        gint64      person_id,
                        GPtrArray  *out,
                        GError    **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  Reviews r = { out, by_id };

  if (!each_row (db,
                 "SELECT id, person_id, held_on, attended, own_view, notes, new_contacts, "
                 "next_steps, created_at, updated_at FROM review WHERE person_id = ?1 "
                 "ORDER BY held_on, id",
                 person_id, read_review, &r, error) ||
      !each_row (db,
                 "SELECT ra.review_id, ra.id, ra.goal_id, ra.level, ra.progress, ra.note "
                 "FROM rating ra JOIN review r ON r.id = ra.review_id "
                 "JOIN goal g ON g.id = ra.goal_id WHERE r.person_id = ?1 "
                 "ORDER BY ra.review_id, g.position, g.id",
                 person_id, read_rating, &r, error) ||
      !each_row (db,
                 "SELECT rb.review_id, rb.barrier, rb.note FROM review_barrier rb "
                 "JOIN review r ON r.id = rb.review_id WHERE r.person_id = ?1 "
                 "ORDER BY rb.review_id, rb.id",
                 person_id, read_review_barrier, &r, error))
    return FALSE;

  for (guint i = 0; i < out->len; i++)
    {
      CpReviewInfo *review = g_ptr_array_index (out, i);

      g_ptr_array_sort (review->barriers, compare_barriers);
    }

  return TRUE;
}

/* ---- Public reads --------------------------------------------------------------------- */

typedef enum
{
  READ_GOALS   = 1 << 0,
  READ_REVIEWS = 1 << 1,
} ReadParts;

static CpPlan *
read_plan (CpStore    *self,
           gint64      person_id,
           ReadParts   parts,
           GError    **error)
{
  g_autoptr(CpPlan) plan = g_new0 (CpPlan, 1);
  gboolean ok;

  plan->person_id = person_id;
  plan->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_info_free);
  plan->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_review_info_free);

  if (!_cp_store_check_person (self, person_id, error) || !_cp_store_begin_read (self, error))
    return NULL;

  ok = (!(parts & READ_GOALS) ||
        _cp_store_read_goals (self->db, person_id, plan->goals, error)) &&
       (!(parts & READ_REVIEWS) ||
        _cp_store_read_reviews (self->db, person_id, plan->reviews, error));

  if (!_cp_store_end_read (self, ok, error))
    return NULL;

  return g_steal_pointer (&plan);
}

CpPlan *
cp_store_read_plan (CpStore  *self,
                    gint64    person_id,
                    GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_plan (self, person_id, READ_GOALS | READ_REVIEWS, error);
}

GPtrArray *
cp_store_list_goals (CpStore  *self,
                     gint64    person_id,
                     GError  **error)
{
  g_autoptr(CpPlan) plan = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(plan = read_plan (self, person_id, READ_GOALS, error)))
    return NULL;

  return g_steal_pointer (&plan->goals);
}

GPtrArray *
cp_store_list_reviews (CpStore  *self,
                       gint64    person_id,
                       GError  **error)
{
  g_autoptr(CpPlan) plan = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(plan = read_plan (self, person_id, READ_REVIEWS, error)))
    return NULL;

  return g_steal_pointer (&plan->reviews);
}

CpGoalInfo *
cp_store_get_goal (CpStore  *self,
                   gint64    goal_id,
                   GError  **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  gint64 person_id = 0;
  gboolean found = FALSE;
  const CpDbValue values[] = { CP_DB_INT (goal_id) };

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error) ||
      !_cp_store_query_int64 (self->db, "SELECT person_id FROM goal WHERE id = ?1", values, 1,
                              &person_id, &found, error))
    return NULL;

  if (found && (goals = cp_store_list_goals (self, person_id, error)) != NULL)
    {
      for (guint i = 0; i < goals->len; i++)
        {
          CpGoalInfo *goal = g_ptr_array_index (goals, i);

          if (goal->id == goal_id)
            return g_ptr_array_steal_index (goals, i);
        }
    }
  else if (found)
    return NULL;

  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, _(CP_STORE_GOAL_GONE));
  return NULL;
}
