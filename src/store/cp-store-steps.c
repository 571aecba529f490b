/* cp-store-steps.c: the small steps towards a goal, and who does them
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

/* A step's input is checked in C first (words, owner, role, dates); what needs the
 * database (the member is the person's, the due date is not before the goal was agreed)
 * is checked inside the edit's transaction, so nothing is written when either fails. */

typedef struct
{
  gint64       id;          /* the goal (add) or the step (update) */
  const char  *text;        /* trimmed */
  const char  *owner;
  const char  *owner_role;  /* trimmed; NULL unless SOMEONE */
  gint64       lineage;     /* 0 unless MEMBER */
  const char  *due_on;      /* NULL when none */
  char        *now;
  gint64       new_id;      /* out */
} StepEdit;

static gboolean
check_step (const CpStepInfo  *step,
            char             **out_text,
            char             **out_role,
            GError           **error)
{
  g_autofree char *text = g_strstrip (g_strdup (step->text != NULL ? step->text : ""));
  g_autofree char *role = g_strstrip (g_strdup (step->owner_role != NULL ? step->owner_role
                                                                         : ""));

  if (*text == '\0')
    return _cp_store_constraint (error, _("A step needs some words."));
  if (cp_enum_to_nick (CP_TYPE_STEP_OWNER, step->owner) == NULL)
    return _cp_store_constraint (error, _("Say who does this step."));
  if (step->owner == CP_STEP_OWNER_SOMEONE && *role == '\0')
    return _cp_store_constraint (error, _("Say who else does this step, by their role."));
  if (step->owner == CP_STEP_OWNER_MEMBER && step->owner_lineage <= 0)
    return _cp_store_constraint (error, _("Pick someone from the person’s map."));
  if (step->due_on != NULL && *step->due_on != '\0' && !cp_date_is_valid (step->due_on))
    return _cp_store_constraint (error, _("A due date needs to be a real date."));

  *out_text = g_steal_pointer (&text);
  *out_role = step->owner == CP_STEP_OWNER_SOMEONE ? g_steal_pointer (&role) : NULL;

  return TRUE;
}

static void
step_edit_init (StepEdit          *e,
                gint64             id,
                const CpStepInfo  *step,
                const char        *text,
                const char        *role)
{
  e->id = id;
  e->text = text;
  e->owner = cp_enum_to_nick (CP_TYPE_STEP_OWNER, step->owner);
  e->owner_role = role;
  e->lineage = step->owner == CP_STEP_OWNER_MEMBER ? step->owner_lineage : 0;
  e->due_on = step->due_on != NULL && *step->due_on != '\0' ? step->due_on : NULL;
  e->now = _cp_db_now ();
  e->new_id = 0;
}

/* The one row @sql gives for ?1 = @id: an integer and a text (may be NULL); NOT_FOUND
 * with @gone when there is none. */
static gboolean
read_row (sqlite3     *db,
          const char  *sql,
          gint64       id,
          const char  *gone,
          gint64      *out_int,
          char       **out_text,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND, gone);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  *out_int = sqlite3_column_int64 (stmt, 0);
  *out_text = _cp_store_column_dup (stmt, 1);

  return TRUE;
}

/* The goal's person and the day it was agreed; NOT_FOUND when it is gone. */
static gboolean
read_goal (sqlite3     *db,
           gint64       goal_id,
           gint64      *out_person_id,
           char       **out_made_on,
           GError     **error)
{
  return read_row (db, "SELECT person_id, made_on FROM goal WHERE id = ?1", goal_id,
                   _(CP_STORE_GOAL_GONE), out_person_id, out_made_on, error);
}

/* What needs the database: the member is the person's; the due date (when it is new) is
 * not before the goal was agreed. */
static gboolean
check_in_goal (sqlite3     *db,
               StepEdit    *e,
               gint64       goal_id,
               const char  *old_due_on,
               GError     **error)
{
  g_autofree char *made_on = NULL;
  gint64 person_id = 0;

  if (!read_goal (db, goal_id, &person_id, &made_on, error))
    return FALSE;

  if (e->lineage != 0 && !_cp_store_check_lineage (db, person_id, e->lineage, error))
    return FALSE;

  if (e->due_on != NULL && g_strcmp0 (e->due_on, old_due_on) != 0 && made_on != NULL &&
      strcmp (e->due_on, made_on) < 0)
    return _cp_store_constraint (error, _("A step cannot be due before its goal was agreed."));

  return TRUE;
}

static gboolean
add_step (CpStore   *store,
          sqlite3   *db,
          gpointer   user_data,
          GError   **error)
{
  StepEdit *e = user_data;
  const CpDbValue values[] = {
    CP_DB_INT (e->id), CP_DB_TEXT (e->text), CP_DB_TEXT (e->owner), CP_DB_TEXT (e->owner_role),
    e->lineage != 0 ? CP_DB_INT (e->lineage) : CP_DB_NULL, CP_DB_TEXT (e->due_on),
    CP_DB_TEXT (e->now)
  };

  if (!check_in_goal (db, e, e->id, NULL, error) ||
      !_cp_db_run (db,
                   "INSERT INTO step (goal_id, text, owner, owner_role, owner_lineage, due_on, "
                   "position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                   "(SELECT coalesce (max (position) + 1, 0) FROM step WHERE goal_id = ?1), "
                   "?7, ?7)",
                   values, G_N_ELEMENTS (values), NULL, error))
    return FALSE;

  e->new_id = sqlite3_last_insert_rowid (db);

  return TRUE;
}

gint64
cp_store_add_step (CpStore           *self,
                   gint64             goal_id,
                   const CpStepInfo  *step,
                   GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *role = NULL;
  StepEdit e;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (step != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_step (step, &text, &role, error))
    return 0;

  step_edit_init (&e, goal_id, step, text, role);
  ok = _cp_store_edit (self, _("Add step"), NULL, add_step, &e, error);
  g_free (e.now);

  return ok ? e.new_id : 0;
}

/* The step's goal and due date now; NOT_FOUND when it is gone. */
static gboolean
read_step (sqlite3     *db,
           gint64       step_id,
           gint64      *out_goal_id,
           char       **out_due_on,
           GError     **error)
{
  return read_row (db, "SELECT goal_id, due_on FROM step WHERE id = ?1", step_id,
                   _(CP_STORE_STEP_GONE), out_goal_id, out_due_on, error);
}

static gboolean
update_step (CpStore   *store,
             sqlite3   *db,
             gpointer   user_data,
             GError   **error)
{
  StepEdit *e = user_data;
  g_autofree char *old_due_on = NULL;
  gint64 goal_id = 0;
  const CpDbValue values[] = {
    CP_DB_INT (e->id), CP_DB_TEXT (e->text), CP_DB_TEXT (e->owner), CP_DB_TEXT (e->owner_role),
    e->lineage != 0 ? CP_DB_INT (e->lineage) : CP_DB_NULL, CP_DB_TEXT (e->due_on),
    CP_DB_TEXT (e->now)
  };

  return read_step (db, e->id, &goal_id, &old_due_on, error) &&
         check_in_goal (db, e, goal_id, old_due_on, error) &&
         _cp_db_run (db,
                     "UPDATE step SET text = ?2, owner = ?3, owner_role = ?4, owner_lineage = ?5, "
                     "due_on = ?6, updated_at = ?7 WHERE id = ?1 AND (text IS NOT ?2 "
                     "OR owner IS NOT ?3 OR owner_role IS NOT ?4 OR owner_lineage IS NOT ?5 "
                     "OR due_on IS NOT ?6)",
                     values, G_N_ELEMENTS (values), NULL, error);
}

gboolean
cp_store_update_step (CpStore           *self,
                      gint64             step_id,
                      const CpStepInfo  *step,
                      GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *role = NULL;
  g_autofree char *merge_key = g_strdup_printf ("step:%" G_GINT64_FORMAT, step_id);
  StepEdit e;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_step (step, &text, &role, error))
    return FALSE;

  step_edit_init (&e, step_id, step, text, role);
  ok = _cp_store_edit (self, _("Edit step"), merge_key, update_step, &e, error);
  g_free (e.now);

  return ok;
}

gboolean
cp_store_set_step_done (CpStore     *self,
                        gint64       step_id,
                        const char  *done_on,
                        GError     **error)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *now = _cp_db_now ();

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (done_on != NULL && *done_on == '\0')
    done_on = NULL;
  if (done_on != NULL && !cp_date_is_valid (done_on))
    return _cp_store_constraint (error, _("A step needs the real date it was done."));
  if (done_on != NULL && strcmp (done_on, today) > 0)
    return _cp_store_constraint (error, _("A step cannot be done on a day still to come."));

  {
    const CpDbValue values[] = { CP_DB_INT (step_id), CP_DB_TEXT (done_on), CP_DB_TEXT (now) };
    const CpStoreStatement statements[] = {
      { "SELECT 1 FROM step WHERE id = ?1", values, 1, _(CP_STORE_STEP_GONE) },
      { "UPDATE step SET done_on = ?2, updated_at = ?3 WHERE id = ?1 AND done_on IS NOT ?2",
        values, G_N_ELEMENTS (values), NULL },
    };

    return _cp_store_edit_statements (self, done_on ? _("Mark step done")
                                                    : _("Mark step not done"),
                                      NULL, statements, G_N_ELEMENTS (statements), NULL, error);
  }
}

typedef struct
{
  gint64 id;
  guint  position;
} Move;

static gboolean
move_step (CpStore   *store,
           sqlite3   *db,
           gpointer   user_data,
           GError   **error)
{
  Move *m = user_data;
  g_autofree char *due_on = NULL;
  gint64 goal_id = 0;

  return read_step (db, m->id, &goal_id, &due_on, error) &&
         _cp_store_move_row (db, "SELECT id FROM step WHERE goal_id = ?1 ORDER BY position, id",
                             "UPDATE step SET position = ?2, updated_at = ?3 "
                             "WHERE id = ?1 AND position IS NOT ?2",
                             goal_id, m->id, m->position, _(CP_STORE_STEP_GONE), error);
}

gboolean
cp_store_move_step (CpStore  *self,
                    gint64    step_id,
                    guint     position,
                    GError  **error)
{
  Move m = { step_id, position };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit (self, _("Move step"), NULL, move_step, &m, error);
}

gboolean
cp_store_delete_step (CpStore  *self,
                      gint64    step_id,
                      GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_delete_row (self, _("Delete step"), "DELETE FROM step WHERE id = ?1",
                               step_id, _(CP_STORE_STEP_GONE), error);
}
