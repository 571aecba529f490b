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

/* The session extension records every row the edit's statements change, in all tables,
 * cascades included; the changeset it gives at the end is the undo step, and it also
 * says which tables and which people the models must refresh. */

static gboolean
begin (CpStore  *self,
       GError  **error)
{
  sqlite3_session *session = NULL;
  int rc;

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  if (!_cp_db_exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  rc = sqlite3session_create (self->db, "main", &session);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (session, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, self->db, rc);
      g_clear_pointer (&session, sqlite3session_delete);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->session = session;

  return TRUE;
}

static void
rollback (CpStore *self)
{
  g_clear_pointer (&self->session, sqlite3session_delete);

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

  rc = sqlite3session_changeset (self->session, &n, &changeset);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, self->db, rc);
      sqlite3_free (changeset);
      rollback (self);
      return FALSE;
    }

  g_clear_pointer (&self->session, sqlite3session_delete);

  if (!_cp_db_exec (self->db, "COMMIT", &commit_error))
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

  if (copy != NULL)
    _cp_store_after_change (self, copy, n);
  else
    _cp_store_reload (self, NULL);
  sqlite3_free (copy);

  _cp_store_notify_undo (self, could_undo, could_redo);

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
  g_return_val_if_fail (self->session == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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

  return commit (self, label, merge_key, error);
}

typedef struct
{
  const CpStoreStatement *statements;
  guint                   n_statements;
  gint64                  last_id;
} Statements;

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

      if (!_cp_db_run (db, statement->sql, statement->values, statement->n_values,
                       &n_touched, error))
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
