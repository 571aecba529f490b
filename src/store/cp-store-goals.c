/* cp-store-goals.c: a person's goals, who helps with them and what gets in the way
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-goals.h"
#include "cp-store-records-private.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* Steps are in cp-store-steps.c, reading in cp-store-goals-read.c. Every edit checks its
 * input here, in C, before any SQL runs, so a bad field is named in words and nothing is
 * written; the schema's CHECKs are the second line. */

/* ---- Shared --------------------------------------------------------------------------- */

gboolean
_cp_store_check_lineage (sqlite3  *db,
                         gint64    person_id,
                         gint64    lineage,
                         GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (person_id), CP_DB_INT (lineage) };
  gint64 known = 0;

  if (lineage <= 0)
    return _cp_store_constraint (error, _("Pick someone from the person’s map."));

  if (!_cp_store_query_int64 (db,
                              "SELECT EXISTS (SELECT 1 FROM member m "
                              " JOIN snapshot s ON s.id = m.snapshot_id "
                              " WHERE s.person_id = ?1 AND m.lineage = ?2) "
                              "OR EXISTS (SELECT 1 FROM step st JOIN goal g ON g.id = st.goal_id "
                              " WHERE g.person_id = ?1 AND st.owner_lineage = ?2) "
                              "OR EXISTS (SELECT 1 FROM goal_member gm "
                              " JOIN goal g ON g.id = gm.goal_id "
                              " WHERE g.person_id = ?1 AND gm.lineage = ?2)",
                              values, G_N_ELEMENTS (values), &known, NULL, error))
    return FALSE;

  if (!known)
    return _cp_store_constraint (error, _("That member is not on this person’s map."));

  return TRUE;
}

gboolean
_cp_store_move_row (sqlite3     *db,
                    const char  *list_sql,
                    const char  *update_sql,
                    gint64       parent_id,
                    gint64       id,
                    guint        position,
                    const char  *gone,
                    GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cp_db_now ();
  guint from = G_MAXUINT;
  int rc;

  if (!(stmt = _cp_db_prepare (db, list_sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      if (row == id)
        from = ids->len;
      g_array_append_val (ids, row);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  if (from == G_MAXUINT)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }

  g_array_remove_index (ids, from);
  g_array_insert_val (ids, MIN (position, ids->len), id);

  for (guint i = 0; i < ids->len; i++)
    {
      const CpDbValue values[] = {
        CP_DB_INT (g_array_index (ids, gint64, i)), CP_DB_INT (i), CP_DB_TEXT (now)
      };

      if (!_cp_db_run (db, update_sql, values, G_N_ELEMENTS (values), NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* The person whose goal @goal_id is; NOT_FOUND when it is gone. */
static gboolean
goal_person (sqlite3  *db,
             gint64    goal_id,
             gint64   *out_person_id,
             GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (goal_id) };
  gboolean found = FALSE;

  if (!_cp_store_query_int64 (db, "SELECT person_id FROM goal WHERE id = ?1", values, 1,
                              out_person_id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_GOAL_GONE));
      return FALSE;
    }

  return TRUE;
}

static CpDbValue
optional_int (int value)
{
  return value == CP_GOAL_NOT_SET ? CP_DB_NULL : CP_DB_INT (value);
}

static const char *
empty_if_null (const char *text)
{
  return text != NULL ? text : "";
}

/* ---- Checking a goal ------------------------------------------------------------------ */

static gboolean
check_goal (const CpGoalInfo  *goal,
            char             **out_text,
            GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (empty_if_null (goal->text)));

  if (*text == '\0')
    return _cp_store_constraint (error, _("A goal needs some words."));
  if ((guint) goal->life_area > CP_LIFE_AREA_LAST)
    return _cp_store_constraint (error, _("That is not an area of life the workspace knows."));
  if ((guint) goal->dialog_domain > CP_DIALOG_DOMAIN_LAST)
    return _cp_store_constraint (error, _("That is not one of the DIALOG+ items."));
  if (goal->target_on != NULL && *goal->target_on != '\0' && !cp_date_is_valid (goal->target_on))
    return _cp_store_constraint (error, _("A target date needs to be a real date."));
  if (goal->baseline_level != CP_GOAL_NOT_SET &&
      (goal->baseline_level < -2 || goal->baseline_level > 2))
    return _cp_store_constraint (error, _("A goal level is between −2 and +2."));
  if ((goal->importance != CP_GOAL_NOT_SET && (goal->importance < 0 || goal->importance > 3)) ||
      (goal->difficulty != CP_GOAL_NOT_SET && (goal->difficulty < 0 || goal->difficulty > 3)))
    return _cp_store_constraint (error, _("Importance and difficulty go from 0 to 3."));

  *out_text = g_steal_pointer (&text);

  return TRUE;
}

/* The values of a goal's fields for the statements below: ?2 text … ?18 difficulty,
 * ?19 the time now; ?1 is the goal (or, to add, the person) and ?20 the day it was made. */
typedef struct
{
  CpDbValue values[20];
} GoalValues;

static void
goal_values (GoalValues       *v,
             gint64            id,
             const CpGoalInfo *goal,
             const char       *text,
             const char       *now,
             const char       *made_on)
{
  const char *target = goal->target_on != NULL && *goal->target_on != '\0' ? goal->target_on
                                                                          : NULL;
  guint n = 0;

  v->values[n++] = CP_DB_INT (id);
  v->values[n++] = CP_DB_TEXT (text);
  v->values[n++] = CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_LIFE_AREA, goal->life_area));
  v->values[n++] = CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_DIALOG_DOMAIN, goal->dialog_domain));
  v->values[n++] = CP_DB_TEXT (empty_if_null (goal->specific));
  v->values[n++] = CP_DB_TEXT (empty_if_null (goal->measurable));
  v->values[n++] = CP_DB_TEXT (empty_if_null (goal->achievable));
  v->values[n++] = CP_DB_TEXT (empty_if_null (goal->relevant));
  v->values[n++] = CP_DB_TEXT (target);
  v->values[n++] = CP_DB_TEXT (empty_if_null (goal->if_hard));
  for (guint i = 0; i < G_N_ELEMENTS (goal->levels); i++)
    v->values[n++] = CP_DB_TEXT (empty_if_null (goal->levels[i]));
  v->values[n++] = optional_int (goal->baseline_level);
  v->values[n++] = optional_int (goal->importance);
  v->values[n++] = optional_int (goal->difficulty);
  v->values[n++] = CP_DB_TEXT (now);
  v->values[n++] = CP_DB_TEXT (made_on);

  g_assert (n == G_N_ELEMENTS (v->values));

  /* NONE is stored as NULL. */
  if (goal->life_area == CP_LIFE_AREA_NONE)
    v->values[2] = CP_DB_NULL;
  if (goal->dialog_domain == CP_DIALOG_DOMAIN_NONE)
    v->values[3] = CP_DB_NULL;
}

/* ---- Goals ---------------------------------------------------------------------------- */

gint64
cp_store_add_goal (CpStore           *self,
                   gint64             person_id,
                   const CpGoalInfo  *goal,
                   GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *today = cp_date_today ();
  const char *made_on = goal != NULL && goal->made_on != NULL ? goal->made_on : today;
  GoalValues v;
  gint64 id = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (goal != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_cp_store_check_person (self, person_id, error) || !check_goal (goal, &text, error))
    return 0;
  if (!cp_date_is_valid (made_on) || g_strcmp0 (made_on, today) > 0)
    {
      _cp_store_constraint (error, _("A goal cannot be agreed on a day still to come."));
      return 0;
    }

  goal_values (&v, person_id, goal, text, now, made_on);
  {
    const CpStoreStatement statements[] = {
      { "INSERT INTO goal (person_id, text, life_area, dialog_domain, specific, measurable, "
        "achievable, relevant, target_on, if_hard, level_minus2, level_minus1, level_0, "
        "level_plus1, level_plus2, baseline_level, importance, difficulty, made_on, position, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15, ?16, ?17, ?18, ?20, "
        "(SELECT coalesce (max (position) + 1, 0) FROM goal WHERE person_id = ?1), ?19, ?19)",
        v.values, G_N_ELEMENTS (v.values), NULL },
    };

    if (!_cp_store_edit_statements (self, _("Add goal"), NULL, statements,
                                    G_N_ELEMENTS (statements), &id, error))
      return 0;
  }

  return id;
}

gboolean
cp_store_update_goal (CpStore           *self,
                      gint64             goal_id,
                      const CpGoalInfo  *goal,
                      GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *merge_key = g_strdup_printf ("goal:%" G_GINT64_FORMAT, goal_id);
  GoalValues v;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (goal != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_goal (goal, &text, error))
    return FALSE;

  goal_values (&v, goal_id, goal, text, now, NULL);
  {
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM goal WHERE id = ?1", v.values, 1, _(CP_STORE_GOAL_GONE) },
      { "UPDATE goal SET text = ?2, life_area = ?3, dialog_domain = ?4, specific = ?5, "
        "measurable = ?6, achievable = ?7, relevant = ?8, target_on = ?9, if_hard = ?10, "
        "level_minus2 = ?11, level_minus1 = ?12, level_0 = ?13, level_plus1 = ?14, "
        "level_plus2 = ?15, baseline_level = ?16, importance = ?17, difficulty = ?18, "
        "updated_at = ?19 "
        "WHERE id = ?1 AND (text IS NOT ?2 OR life_area IS NOT ?3 OR dialog_domain IS NOT ?4 "
        "OR specific IS NOT ?5 OR measurable IS NOT ?6 OR achievable IS NOT ?7 "
        "OR relevant IS NOT ?8 OR target_on IS NOT ?9 OR if_hard IS NOT ?10 "
        "OR level_minus2 IS NOT ?11 OR level_minus1 IS NOT ?12 OR level_0 IS NOT ?13 "
        "OR level_plus1 IS NOT ?14 OR level_plus2 IS NOT ?15 OR baseline_level IS NOT ?16 "
        "OR importance IS NOT ?17 OR difficulty IS NOT ?18)",
        v.values, 19, NULL },
    };

    return _cp_store_edit_statements (self, _("Edit goal"), merge_key, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

gboolean
cp_store_set_goal_status (CpStore       *self,
                          gint64         goal_id,
                          CpGoalStatus   status,
                          const char    *on,
                          GError       **error)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *now = _cp_db_now ();
  const char *label;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (status)
    {
    case CP_GOAL_STATUS_ACTIVE:
      label = _("Make goal active again");
      on = NULL;
      break;
    case CP_GOAL_STATUS_ACHIEVED:
      label = _("Mark goal achieved");
      break;
    case CP_GOAL_STATUS_STOPPED:
      label = _("Put goal aside");
      break;
    default:
      return _cp_store_constraint (error, _("A goal is active, achieved or put aside."));
    }

  if (status != CP_GOAL_STATUS_ACTIVE)
    {
      if (on == NULL || *on == '\0')
        on = today;
      if (!cp_date_is_valid (on))
        return _cp_store_constraint (error, _("An achieved or put-aside goal needs the real "
                                              "date it happened."));
      if (strcmp (on, today) > 0)
        return _cp_store_constraint (error, _("That day is still to come."));
    }

  {
    const CpDbValue values[] = {
      CP_DB_INT (goal_id), CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_GOAL_STATUS, status)),
      CP_DB_TEXT (on), CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM goal WHERE id = ?1", values, 1, _(CP_STORE_GOAL_GONE) },
      { "UPDATE goal SET status = ?2, status_on = ?3, updated_at = ?4 "
        "WHERE id = ?1 AND (status IS NOT ?2 OR status_on IS NOT ?3)",
        values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self, label, NULL, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

typedef struct
{
  gint64 id;
  guint  position;
} Move;

static gboolean
move_goal (CpStore   *store,
           sqlite3   *db,
           gpointer   user_data,
           GError   **error)
{
  Move *m = user_data;
  gint64 person_id = 0;

  return goal_person (db, m->id, &person_id, error) &&
         _cp_store_move_row (db, "SELECT id FROM goal WHERE person_id = ?1 ORDER BY position, id",
                             "UPDATE goal SET position = ?2, updated_at = ?3 "
                             "WHERE id = ?1 AND position IS NOT ?2",
                             person_id, m->id, m->position, _(CP_STORE_GOAL_GONE), error);
}

gboolean
cp_store_move_goal (CpStore  *self,
                    gint64    goal_id,
                    guint     position,
                    GError  **error)
{
  Move m = { goal_id, position };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit (self, _("Move goal"), NULL, move_goal, &m, error);
}

gboolean
cp_store_delete_goal (CpStore  *self,
                      gint64    goal_id,
                      GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Steps, helpers, barriers and ratings go with it (ON DELETE CASCADE), in one step. */
  return _cp_store_delete_row (self, _("Delete goal"), "DELETE FROM goal WHERE id = ?1",
                               goal_id, _(CP_STORE_GOAL_GONE), error);
}

/* ---- Who helps ------------------------------------------------------------------------ */

typedef struct
{
  gint64 goal_id;
  gint64 lineage;
} Helper;

static gboolean
add_helper (CpStore   *store,
            sqlite3   *db,
            gpointer   user_data,
            GError   **error)
{
  Helper *h = user_data;
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = { CP_DB_INT (h->goal_id), CP_DB_INT (h->lineage), CP_DB_TEXT (now) };
  gint64 person_id = 0;

  return goal_person (db, h->goal_id, &person_id, error) &&
         _cp_store_check_lineage (db, person_id, h->lineage, error) &&
         _cp_db_run (db, "INSERT INTO goal_member (goal_id, lineage, created_at) "
                     "VALUES (?1, ?2, ?3)", values, G_N_ELEMENTS (values), NULL, error);
}

gboolean
cp_store_add_goal_helper (CpStore  *self,
                          gint64    goal_id,
                          gint64    lineage,
                          GError  **error)
{
  Helper h = { goal_id, lineage };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit (self, _("Add helper"), NULL, add_helper, &h, error);
}

gboolean
cp_store_remove_goal_helper (CpStore  *self,
                             gint64    goal_id,
                             gint64    lineage,
                             GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (goal_id), CP_DB_INT (lineage) };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM goal WHERE id = ?1", values, 1, _(CP_STORE_GOAL_GONE) },
    { "DELETE FROM goal_member WHERE goal_id = ?1 AND lineage = ?2", values, 2,
      _("That member does not help with this goal.") },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Remove helper"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

/* ---- Barriers ------------------------------------------------------------------------- */

static gboolean
check_barrier (const char  *barrier,
               char       **out_barrier,
               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (empty_if_null (barrier)));

  if (*clean == '\0')
    return _cp_store_constraint (error, _("Say what gets in the way."));

  *out_barrier = g_steal_pointer (&clean);

  return TRUE;
}

gint64
cp_store_add_goal_barrier (CpStore     *self,
                           gint64       goal_id,
                           const char  *barrier,
                           const char  *tackle,
                           GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cp_db_now ();
  gint64 id = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_barrier (barrier, &clean, error))
    return 0;

  {
    const CpDbValue values[] = {
      CP_DB_INT (goal_id), CP_DB_TEXT (clean), CP_DB_TEXT (empty_if_null (tackle)),
      CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM goal WHERE id = ?1", values, 1, _(CP_STORE_GOAL_GONE) },
      { "INSERT INTO goal_barrier (goal_id, barrier, tackle, position, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, (SELECT coalesce (max (position) + 1, 0) FROM goal_barrier "
        "WHERE goal_id = ?1), ?4, ?4)",
        values, G_N_ELEMENTS (values), NULL },
    };

    if (!_cp_store_edit_statements (self, _("Add barrier"), NULL, statements,
                                    G_N_ELEMENTS (statements), &id, error))
      return 0;
  }

  return id;
}

gboolean
cp_store_update_goal_barrier (CpStore     *self,
                              gint64       barrier_id,
                              const char  *barrier,
                              const char  *tackle,
                              GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *merge_key = g_strdup_printf ("barrier:%" G_GINT64_FORMAT, barrier_id);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_barrier (barrier, &clean, error))
    return FALSE;

  {
    const CpDbValue values[] = {
      CP_DB_INT (barrier_id), CP_DB_TEXT (clean), CP_DB_TEXT (empty_if_null (tackle)),
      CP_DB_TEXT (now)
    };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM goal_barrier WHERE id = ?1", values, 1,
        _("That barrier is no longer in the workspace.") },
      { "UPDATE goal_barrier SET barrier = ?2, tackle = ?3, updated_at = ?4 "
        "WHERE id = ?1 AND (barrier IS NOT ?2 OR tackle IS NOT ?3)",
        values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self, _("Edit barrier"), merge_key, statements,
                                      G_N_ELEMENTS (statements), NULL, error);
  }
}

gboolean
cp_store_delete_goal_barrier (CpStore  *self,
                              gint64    barrier_id,
                              GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_delete_row (self, _("Delete barrier"),
                               "DELETE FROM goal_barrier WHERE id = ?1", barrier_id,
                               _("That barrier is no longer in the workspace."), error);
}
