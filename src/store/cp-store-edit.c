/* cp-store-edit.c: one user edit as one transaction and one undo step
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-store-private.h"

/* cp-store-capture.c records every row the edit's statements change, in all tables,
 * cascades included; the changeset it gives at the end is the undo step, and it also
 * says which tables and which people the models must refresh. */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Enough for every statement the edits use; statements only live as long as their
 * connection, and are finalized before it closes. */
#define STATEMENTS_KEPT 128

sqlite3_stmt *
_cp_store_prepare_cached (CpStore     *self,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->statements == NULL)
    self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              finalize_statement);
  else if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    return stmt;
  else if (g_hash_table_size (self->statements) >= STATEMENTS_KEPT)
    g_hash_table_remove_all (self->statements);   /* SQL made up on the fly: start again */

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
_cp_store_done_with (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
_cp_store_forget_statements (CpStore *self)
{
  g_clear_pointer (&self->statements, g_hash_table_unref);
  _cp_store_capture_forget_tables (self);
}

/* Runs @sql, a statement without parameters or rows, from the cache. */
static gboolean
exec_cached (CpStore     *self,
             const char  *sql,
             GError     **error)
{
  sqlite3_stmt *stmt = _cp_store_prepare_cached (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = _cp_db_step_done (stmt, error);
  _cp_store_done_with (stmt);
  return ok;
}

void
_cp_store_set_edit_times (CpStore          *self,
                          CpStoreEditTimes *times)
{
  g_return_if_fail (CP_IS_STORE (self));

  self->edit_times = times;
}

/* Ends @phase of the edit being measured, if one is. */
static inline void
lap (CpStore          *self,
     CpStoreEditPhase  phase)
{
  gint64 now;

  if (G_LIKELY (self->edit_times == NULL))
    return;
  now = g_get_monotonic_time ();
  if (phase != CP_STORE_EDIT_N_PHASES)
    self->edit_times->usec[phase] = now - self->edit_clock;
  self->edit_clock = now;
}

static gboolean
begin (CpStore  *self,
       GError  **error)
{
  if (!_cp_store_check_writable (self, error))
    return FALSE;

  if (!exec_cached (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  lap (self, CP_STORE_EDIT_BEGIN);

  _cp_store_capture_start (self);
  lap (self, CP_STORE_EDIT_CAPTURE);

  return TRUE;
}

static void
rollback (CpStore *self)
{
  _cp_store_capture_stop (self);

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Frees a changeset that is not kept as a step; it may hold rows just erased. */
static void
wipe_changeset (void *changeset,
                int   n_changeset)
{
  if (changeset != NULL && n_changeset > 0)
    memset (changeset, 0, (size_t) n_changeset);
  sqlite3_free (changeset);
}

static gboolean
commit (CpStore     *self,
        const char  *label,
        const char  *merge_key,
        GError     **error)
{
  g_autoptr(GError) commit_error = NULL;
  gboolean could_undo = cp_store_can_undo (self);
  gboolean could_redo = cp_store_can_redo (self);
  gboolean saved = TRUE;
  void *changeset = NULL;
  void *copy = NULL;
  int n = 0;
  int rc;

  rc = _cp_store_capture_finish (self, &n, &changeset);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, self->db, rc);
      wipe_changeset (changeset, n);
      rollback (self);
      return FALSE;
    }
  lap (self, CP_STORE_EDIT_CHANGESET);

  if (!exec_cached (self, "COMMIT", &commit_error))
    {
      gboolean certain = FALSE;

      rollback (self);
      /* A write or a sync failed: the edit may be in the -wal all the same. Find out
       * what the file holds before saying anything (cp-store-settle.c). */
      if (n == 0 ||
          !g_error_matches (commit_error, CP_STORE_ERROR, CP_STORE_ERROR_FULL) ||
          !_cp_store_settle (self, n, changeset, &certain))
        {
          wipe_changeset (changeset, n);
          g_propagate_error (error, g_steal_pointer (&commit_error));
          return FALSE;
        }

      /* It is there: saved after all, or saved as far as anyone can tell. Either way it
       * is an undo step, and the models show it. */
      if (!certain)
        {
          _cp_store_set_uncertain_error (error);
          saved = FALSE;
        }
    }
  lap (self, CP_STORE_EDIT_COMMIT);

  /* Nothing changed: no step, and nothing to tell. */
  if (n == 0)
    {
      sqlite3_free (changeset);
      return saved;
    }

  if (label == NULL)
    {
      _cp_store_after_change (self, changeset, n);
      wipe_changeset (changeset, n);
      return saved;
    }

  /* The models are refreshed from the changeset after the step may have merged it. */
  copy = sqlite3_malloc (n);
  if (copy != NULL)
    memcpy (copy, changeset, n);

  _cp_undo_push (self, g_strdup (label), g_strdup (merge_key), n, changeset);
  lap (self, CP_STORE_EDIT_UNDO);

  if (copy != NULL)
    _cp_store_after_change (self, copy, n);
  else
    _cp_store_reload (self, NULL);
  sqlite3_free (copy);
  lap (self, CP_STORE_EDIT_REFRESH);

  _cp_store_notify_undo (self, could_undo, could_redo);
  lap (self, CP_STORE_EDIT_NOTIFY);

  return saved;
}

gboolean
_cp_store_edit (CpStore          *self,
                const char       *label,
                const char       *merge_key,
                CpStoreEditFunc   func,
                gpointer          user_data,
                GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (self->capture == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lap (self, CP_STORE_EDIT_N_PHASES);
  if (self->edit_times != NULL)
    memset (self->edit_times, 0, sizeof *self->edit_times);
  if (!begin (self, error))
    return FALSE;

  if (!func (self, self->db, user_data, &local_error))
    {
      rollback (self);
      if (local_error == NULL)
        g_set_error_literal (&local_error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                             _("The change could not be saved."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  lap (self, CP_STORE_EDIT_STATEMENTS);

  return commit (self, label, merge_key, error);
}

typedef struct
{
  const CpStoreStatement *statements;
  guint                   n_statements;
  gint64                  last_id;
} Statements;

/* _cp_db_run () with the statement from the cache. */
static gboolean
run_cached (CpStore                *self,
            const CpStoreStatement *statement,
            guint                  *n_touched,
            GError                **error)
{
  sqlite3_stmt *stmt = _cp_store_prepare_cached (self, statement->sql, error);
  guint n_rows = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (!_cp_db_bind_values (stmt, statement->values, statement->n_values, error))
    {
      _cp_store_done_with (stmt);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n_rows++;
  if (rc != SQLITE_DONE)
    _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
  else
    *n_touched = n_rows + (sqlite3_stmt_readonly (stmt) ? 0 : (guint) sqlite3_changes (self->db));
  _cp_store_done_with (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
run_statements (CpStore   *store,
                sqlite3   *db,
                gpointer   user_data,
                GError   **error)
{
  Statements *list = user_data;

  for (guint i = 0; i < list->n_statements; i++)
    {
      const CpStoreStatement *statement = &list->statements[i];
      guint n_touched = 0;

      if (!run_cached (store, statement, &n_touched, error))
        return FALSE;

      if (statement->not_found != NULL && n_touched == 0)
        {
          g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                               statement->not_found);
          return FALSE;
        }
    }

  list->last_id = sqlite3_last_insert_rowid (db);

  return TRUE;
}

gboolean
_cp_store_edit_statements (CpStore                 *self,
                           const char              *label,
                           const char              *merge_key,
                           const CpStoreStatement  *statements,
                           guint                    n_statements,
                           gint64                  *out_last_id,
                           GError                 **error)
{
  Statements list = { statements, n_statements, 0 };

  g_return_val_if_fail (statements != NULL || n_statements == 0, FALSE);

  if (!_cp_store_edit (self, label, merge_key, run_statements, &list, error))
    return FALSE;

  if (out_last_id != NULL)
    *out_last_id = list.last_id;

  return TRUE;
}
