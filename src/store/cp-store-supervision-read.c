/* cp-store-supervision-read.c: reading the supervision record and the caseload
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "store/cp-store-enums.h"
#include "cp-store-records-private.h"
#include "cp-store-supervision.h"
#include "util/cp-date.h"

/* ---- Records -------------------------------------------------------------------------- */

void
cp_supervision_comment_free (CpSupervisionComment *comment)
{
  if (comment == NULL)
    return;

  g_free (comment->uuid);
  g_free (comment->text);
  g_free (comment->created_at);
  g_free (comment->updated_at);
  g_free (comment);
}

void
cp_supervision_action_free (CpSupervisionAction *action)
{
  if (action == NULL)
    return;

  g_free (action->uuid);
  g_free (action->text);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action->done_on);
  g_free (action);
}

void
cp_supervision_signoff_free (CpSupervisionSignoff *signoff)
{
  if (signoff == NULL)
    return;

  g_free (signoff->uuid);
  g_free (signoff->name);
  g_free (signoff->role);
  g_free (signoff->signed_on);
  g_free (signoff);
}

void
cp_supervision_discussed_free (CpSupervisionDiscussed *discussed)
{
  if (discussed == NULL)
    return;

  g_ptr_array_unref (discussed->comments);
  g_ptr_array_unref (discussed->actions);
  cp_supervision_signoff_free (discussed->signoff);
  g_free (discussed);
}

void
cp_supervision_session_free (CpSupervisionSession *session)
{
  if (session == NULL)
    return;

  g_free (session->uuid);
  g_free (session->held_on);
  g_free (session->attended);
  g_ptr_array_unref (session->people);
  g_free (session);
}

const CpSupervisionDiscussed *
cp_supervision_session_find (const CpSupervisionSession *session,
                             gint64                      person_id)
{
  g_return_val_if_fail (session != NULL, NULL);

  for (guint i = 0; i < session->people->len; i++)
    {
      const CpSupervisionDiscussed *discussed = g_ptr_array_index (session->people, i);

      if (discussed->person_id == person_id)
        return discussed;
    }

  return NULL;
}

void
cp_supervision_row_free (CpSupervisionRow *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->case_ref);
  g_free (row->paused_on);
  g_free (row->copy_given_on);
  g_free (row->guide_on);
  g_free (row->map_on);
  g_free (row->last_review_on);
  g_free (row->next_review);
  g_free (row->last_discussed_on);
  g_free (row);
}

/* ---- Sessions ------------------------------------------------------------------------- */

/* The sessions (all, or the one @uuid names) in @out, newest first, with their people;
 * then each person's comments, actions and sign-off: five queries in all. */
static gboolean
read_sessions (sqlite3     *db,
               const char  *uuid,
               GPtrArray   *out,
               GError     **error)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const CpDbValue values[] = { CP_DB_TEXT (uuid) };
  int rc;

  if (!(stmt = _cp_db_prepare (db,
                               "SELECT uuid, held_on, attended FROM supervision_session "
                               "WHERE ?1 IS NULL OR uuid = ?1 "
                               "ORDER BY held_on DESC, created_at DESC, rowid DESC",
                               error)) ||
      !_cp_db_bind_values (stmt, values, 1, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSupervisionSession *session = g_new0 (CpSupervisionSession, 1);

      session->uuid = _cp_store_column_dup (stmt, 0);
      session->held_on = _cp_store_column_dup (stmt, 1);
      session->attended = _cp_store_column_dup_or_empty (stmt, 2);
      session->people =
        g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_discussed_free);
      g_ptr_array_add (out, session);
      g_hash_table_insert (by_uuid, session->uuid, session);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The people discussed, then what was written about each, in one pass per table. */
  {
    static const char * const queries[] = {
      "SELECT session_uuid, person_id FROM supervision_person "
      "WHERE ?1 IS NULL OR session_uuid = ?1 ORDER BY session_uuid, person_id",
      "SELECT session_uuid, person_id, uuid, text, created_at, updated_at "
      "FROM supervision_comment WHERE ?1 IS NULL OR session_uuid = ?1 "
      "ORDER BY created_at, rowid",
      "SELECT session_uuid, person_id, uuid, text, owner, due_on, done_on "
      "FROM supervision_action WHERE ?1 IS NULL OR session_uuid = ?1 "
      "ORDER BY created_at, rowid",
      "SELECT session_uuid, person_id, uuid, name, role, signed_on "
      "FROM supervision_signoff WHERE ?1 IS NULL OR session_uuid = ?1",
    };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        if (!(stmt = _cp_db_prepare (db, queries[q], error)) ||
            !_cp_db_bind_values (stmt, values, 1, error))
          return FALSE;

        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            CpSupervisionSession *session =
              g_hash_table_lookup (by_uuid, sqlite3_column_text (stmt, 0));
            gint64 person_id = sqlite3_column_int64 (stmt, 1);
            CpSupervisionDiscussed *discussed;

            if (session == NULL)
              continue;

            if (q == 0)
              {
                discussed = g_new0 (CpSupervisionDiscussed, 1);
                discussed->person_id = person_id;
                discussed->comments = g_ptr_array_new_with_free_func (
                  (GDestroyNotify) cp_supervision_comment_free);
                discussed->actions = g_ptr_array_new_with_free_func (
                  (GDestroyNotify) cp_supervision_action_free);
                g_ptr_array_add (session->people, discussed);
                continue;
              }

            discussed = (CpSupervisionDiscussed *) cp_supervision_session_find (session,
                                                                                person_id);
            if (discussed == NULL)
              continue;

            if (q == 1)
              {
                CpSupervisionComment *comment = g_new0 (CpSupervisionComment, 1);

                comment->uuid = _cp_store_column_dup (stmt, 2);
                comment->text = _cp_store_column_dup_or_empty (stmt, 3);
                comment->created_at = _cp_store_column_dup (stmt, 4);
                comment->updated_at = _cp_store_column_dup (stmt, 5);
                g_ptr_array_add (discussed->comments, comment);
              }
            else if (q == 2)
              {
                CpSupervisionAction *action = g_new0 (CpSupervisionAction, 1);

                action->uuid = _cp_store_column_dup (stmt, 2);
                action->text = _cp_store_column_dup_or_empty (stmt, 3);
                action->owner = _cp_store_column_dup_or_empty (stmt, 4);
                action->due_on = _cp_store_column_dup (stmt, 5);
                action->done_on = _cp_store_column_dup (stmt, 6);
                g_ptr_array_add (discussed->actions, action);
              }
            else
              {
                CpSupervisionSignoff *signoff = g_new0 (CpSupervisionSignoff, 1);

                signoff->uuid = _cp_store_column_dup (stmt, 2);
                signoff->name = _cp_store_column_dup_or_empty (stmt, 3);
                signoff->role = _cp_store_column_dup_or_empty (stmt, 4);
                signoff->signed_on = _cp_store_column_dup (stmt, 5);
                cp_supervision_signoff_free (discussed->signoff);
                discussed->signoff = signoff;
              }
          }
        if (rc != SQLITE_DONE)
          goto failed;
        g_clear_pointer (&stmt, sqlite3_finalize);
      }
  }

  return TRUE;

failed:
  _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
  return FALSE;
}

gboolean
_cp_store_read_person_sessions (sqlite3     *db,
                                gint64       person_id,
                                GPtrArray   *out,
                                GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cp_supervision_session_free);

  if (!read_sessions (db, NULL, all, error))
    return FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      CpSupervisionSession *session = g_ptr_array_index (all, i);
      CpSupervisionDiscussed *theirs = NULL;

      for (guint j = 0; j < session->people->len && theirs == NULL; j++)
        {
          CpSupervisionDiscussed *discussed = g_ptr_array_index (session->people, j);

          if (discussed->person_id == person_id)
            theirs = g_ptr_array_steal_index (session->people, j);
        }
      if (theirs == NULL)
        continue;
      /* Only their own part: the other people discussed go. */
      g_ptr_array_set_size (session->people, 0);
      g_ptr_array_add (session->people, theirs);
      g_ptr_array_add (out, g_ptr_array_steal_index (all, i));
      i--;
    }

  return TRUE;
}

GPtrArray *
cp_store_list_supervision_sessions (CpStore  *self,
                                    GError  **error)
{
  g_autoptr(GPtrArray) out = NULL;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_session_free);
  if (!_cp_store_begin_read (self, error))
    return NULL;
  ok = read_sessions (_cp_store_get_db (self), NULL, out, error);
  if (!_cp_store_end_read (self, ok, error))
    return NULL;

  return g_steal_pointer (&out);
}

CpSupervisionSession *
cp_store_get_supervision_session (CpStore     *self,
                                  const char  *uuid,
                                  GError     **error)
{
  g_autoptr(GPtrArray) out = NULL;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_session_free);
  if (!_cp_store_begin_read (self, error))
    return NULL;
  ok = read_sessions (_cp_store_get_db (self), uuid, out, error);
  if (!_cp_store_end_read (self, ok, error))
    return NULL;

  if (out->len == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That supervision session is no longer in the workspace."));
      return NULL;
    }

  return g_ptr_array_steal_index (out, 0);
}

/* The first column of the first row of @sql as text ("" when there is no row), or NULL
 * on error. */
static char *
query_text (sqlite3          *db,
            const char       *sql,
            const CpDbValue  *values,
            guint             n_values,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)) ||
      !_cp_db_bind_values (stmt, values, n_values, error))
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _cp_store_column_dup_or_empty (stmt, 0);
  if (rc == SQLITE_DONE)
    return g_strdup ("");

  _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
  return NULL;
}

char *
cp_store_dup_worker_reflection (CpStore     *self,
                                const char  *session_uuid,
                                GError     **error)
{
  const CpDbValue values[] = { CP_DB_TEXT (session_uuid) };

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (session_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error))
    return NULL;

  return query_text (_cp_store_get_db (self),
                     "SELECT text FROM worker_reflection WHERE session_uuid = ?1",
                     values, G_N_ELEMENTS (values), error);
}

char *
cp_store_dup_last_discussed_on (CpStore  *self,
                                gint64    person_id,
                                GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (person_id) };

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error))
    return NULL;

  return query_text (_cp_store_get_db (self),
                     "SELECT MAX (s.held_on) FROM supervision_person p "
                     "JOIN supervision_session s ON s.uuid = p.session_uuid "
                     "WHERE p.person_id = ?1",
                     values, G_N_ELEMENTS (values), error);
}

char *
cp_store_dup_workspace_uuid (CpStore *self)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  if (!_cp_store_check_open (self, NULL))
    return NULL;

  uuid = query_text (_cp_store_get_db (self),
                     "SELECT value FROM workspace_meta WHERE key = 'uuid'", NULL, 0, NULL);

  return uuid != NULL && *uuid != '\0' ? g_steal_pointer (&uuid) : NULL;
}

/* ---- One person ------------------------------------------------------------------------ */

static gboolean
read_person_supervision (sqlite3     *db,
                         gint64       person_id,
                         char       **last_on,
                         GPtrArray   *actions,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const CpDbValue values[] = { CP_DB_INT (person_id) };
  int rc;

  if (!(*last_on = query_text (db,
                               "SELECT max(s.held_on) FROM supervision_session AS s "
                               "JOIN supervision_person AS p ON p.session_uuid = s.uuid "
                               "WHERE p.person_id = ?1",
                               values, G_N_ELEMENTS (values), error)))
    return FALSE;
  if (**last_on == '\0')
    g_clear_pointer (last_on, g_free);

  if (!(stmt = _cp_db_prepare (db,
                               "SELECT uuid, text, owner, due_on FROM supervision_action "
                               "WHERE person_id = ?1 AND done_on IS NULL "
                               "ORDER BY due_on IS NULL, due_on, created_at, rowid",
                               error)) ||
      !_cp_db_bind_values (stmt, values, G_N_ELEMENTS (values), error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSupervisionAction *action = g_new0 (CpSupervisionAction, 1);

      action->uuid = _cp_store_column_dup (stmt, 0);
      action->text = _cp_store_column_dup_or_empty (stmt, 1);
      action->owner = _cp_store_column_dup_or_empty (stmt, 2);
      action->due_on = _cp_store_column_dup (stmt, 3);
      g_ptr_array_add (actions, action);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

gboolean
cp_store_read_person_supervision (CpStore     *self,
                                  gint64       person_id,
                                  char       **last_on,
                                  GPtrArray  **open_actions,
                                  GError     **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *last = NULL;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (last_on != NULL && open_actions != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_open (self, error))
    return FALSE;
  if (cp_store_find_person (self, person_id) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("This person is no longer in the workspace."));
      return FALSE;
    }

  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_action_free);
  if (!_cp_store_begin_read (self, error))
    return FALSE;
  ok = read_person_supervision (_cp_store_get_db (self), person_id, &last, actions, error);
  if (!_cp_store_end_read (self, ok, error))
    return FALSE;

  *last_on = g_steal_pointer (&last);
  *open_actions = g_steal_pointer (&actions);
  return TRUE;
}
