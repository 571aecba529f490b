/* cp-store-agreement.c: agreement and communication needs, the workspace's purpose,
 * closing and erasing people
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
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* ---- Agreement and communication ------------------------------------------------------ */

gboolean
cp_store_set_person_agreed_on (CpStore     *self,
                               gint64       id,
                               const char  *date,
                               GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_set_person_date (self, id, date, _("Change date of agreement"),
                                    _("The agreement needs a real date."),
                                    "UPDATE person SET agreed_on = ?3, updated_at = ?2 "
                                    "WHERE id = ?1 AND agreed_on IS NOT ?3",
                                    error);
}

gboolean
cp_store_set_person_keep_agreed_on (CpStore     *self,
                                    gint64       id,
                                    const char  *date,
                                    GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_set_person_date (self, id, date,
                                    _("Change date of agreement to keep records"),
                                    _("The agreement needs a real date."),
                                    "UPDATE person SET keep_agreed_on = ?3, updated_at = ?2 "
                                    "WHERE id = ?1 AND keep_agreed_on IS NOT ?3",
                                    error);
}

gboolean
cp_store_set_person_sharing (CpStore     *self,
                             gint64       id,
                             const char  *sharing,
                             GError     **error)
{
  g_autofree char *merge_key = g_strdup_printf ("sharing:%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_person (self, id, _("Edit what may be shared"), merge_key,
                                "UPDATE person SET sharing = ?3, updated_at = ?2 "
                                "WHERE id = ?1 AND sharing IS NOT ?3",
                                sharing ? sharing : "", NULL, NULL, error);
}

gboolean
cp_store_set_person_communication (CpStore               *self,
                                   gint64                 id,
                                   CpCommunicationNeeds   needs,
                                   const char            *interpreter_language,
                                   const char            *other,
                                   GError               **error)
{
  g_autofree char *flags = NULL;
  g_autofree char *language = NULL;
  g_autofree char *clean_other = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((needs & ~(CP_COMMUNICATION_LARGE_PRINT | CP_COMMUNICATION_EASY_READ |
                 CP_COMMUNICATION_INTERPRETER)) != 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not a communication need the workspace knows."));
      return FALSE;
    }

  flags = g_strdup_printf ("%u", (guint) needs);
  /* A language is kept only with an interpreter. */
  if ((needs & CP_COMMUNICATION_INTERPRETER) != 0 && interpreter_language != NULL)
    {
      language = g_strstrip (g_strdup (interpreter_language));
      if (*language == '\0')
        g_clear_pointer (&language, g_free);
    }
  clean_other = g_strstrip (g_strdup (other ? other : ""));

  return _cp_store_edit_person (self, id, _("Change communication needs"), NULL,
                                "UPDATE person SET "
                                "large_print = (CAST(?3 AS INTEGER) & 1) != 0, "
                                "easy_read = (CAST(?3 AS INTEGER) & 2) != 0, "
                                "interpreter = (CAST(?3 AS INTEGER) & 4) != 0, "
                                "interpreter_language = ?4, communication = ?5, "
                                "updated_at = ?2 "
                                "WHERE id = ?1 "
                                "AND (large_print IS NOT ((CAST(?3 AS INTEGER) & 1) != 0) "
                                "OR easy_read IS NOT ((CAST(?3 AS INTEGER) & 2) != 0) "
                                "OR interpreter IS NOT ((CAST(?3 AS INTEGER) & 4) != 0) "
                                "OR interpreter_language IS NOT ?4 OR communication IS NOT ?5)",
                                flags, language, clean_other, error);
}

/* ---- The workspace's purpose ---------------------------------------------------------- */

CpWorkspacePurpose
cp_store_get_purpose (CpStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CpWorkspacePurpose purpose = CP_WORKSPACE_PURPOSE_UNSET;

  g_return_val_if_fail (CP_IS_STORE (self), CP_WORKSPACE_PURPOSE_UNSET);

  if (self->db == NULL)
    return CP_WORKSPACE_PURPOSE_UNSET;

  /* An explicit purpose wins; a workspace made from the practice data is practice. */
  stmt = _cp_db_prepare (self->db,
                         "SELECT key, value FROM workspace_meta "
                         "WHERE key IN ('purpose', 'kind') ORDER BY key = 'purpose'",
                         NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (value, "practice") == 0)
        purpose = CP_WORKSPACE_PURPOSE_PRACTICE;
      else if (g_strcmp0 (key, "purpose") == 0)
        purpose = cp_enum_from_nick (CP_TYPE_WORKSPACE_PURPOSE, value,
                                     CP_WORKSPACE_PURPOSE_UNSET);
    }

  return purpose;
}

gboolean
cp_store_set_purpose (CpStore             *self,
                      CpWorkspacePurpose   purpose,
                      GError             **error)
{
  const CpDbValue values[] = {
    CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_WORKSPACE_PURPOSE, (int) purpose))
  };
  const CpStoreStatement statements[] = {
    { "INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('purpose', ?1)",
      values, G_N_ELEMENTS (values), NULL },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (values[0].v.t == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not a purpose the workspace knows."));
      return FALSE;
    }

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  if (cp_store_get_purpose (self) == purpose)
    return TRUE;

  /* Not an undo step: it is a fact about the workspace, not an edit of anyone's record. */
  return _cp_store_edit_statements (self, NULL, NULL, statements, G_N_ELEMENTS (statements),
                                    NULL, error);
}

/* ---- Closing and erasing -------------------------------------------------------------- */

/* Closed on or before @cutoff (YYYY-MM-DD compares correctly as text). */
static gboolean
is_erasable (CpPerson   *person,
             const char *cutoff)
{
  const char *closed_on = cp_person_get_closed_on (person);

  return cp_person_get_status (person) == CP_PERSON_STATUS_CLOSED
         && closed_on != NULL && strcmp (closed_on, cutoff) <= 0;
}

static char *
erasable_cutoff (guint days)
{
  return cp_date_from_today (-(int) MIN (days, 365 * 100));
}

GPtrArray *
cp_store_list_erasable (CpStore *self,
                        guint    days)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *cutoff = NULL;
  GListModel *people;
  guint n;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  cutoff = erasable_cutoff (days);
  people = G_LIST_MODEL (self->people);
  n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);

      if (is_erasable (person, cutoff))
        g_ptr_array_add (out, g_steal_pointer (&person));
    }

  return g_steal_pointer (&out);
}

/* For the notice shown with the list at start-up: a pass over the people by id, with no
 * reference taken or array made per person. */
guint
cp_store_count_erasable (CpStore *self,
                         guint    days)
{
  g_autofree char *cutoff = NULL;
  GHashTableIter iter;
  gpointer person;
  guint n = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);

  cutoff = erasable_cutoff (days);
  g_hash_table_iter_init (&iter, self->people_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &person))
    if (is_erasable (person, cutoff))
      n++;
  return n;
}

static void
wipe_stack (GQueue *stack)
{
  for (GList *l = stack->head; l != NULL; l = l->next)
    {
      CpUndoStep *step = l->data;

      if (step->changeset != NULL && step->n_changeset > 0)
        memset (step->changeset, 0, (size_t) step->n_changeset);
    }
}

gboolean
cp_store_erase_person (CpStore     *self,
                       gint64       id,
                       GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (id) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM person WHERE id = ?1", values, 1, _(CP_STORE_PERSON_GONE) },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  int busy = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_writable (self, error))
    return FALSE;

  /* secure_delete is on for every connection (cp-db.c); say it again here, where it
   * matters most: freed cells and pages are overwritten with zeros. */
  if (!_cp_db_exec (self->db, "PRAGMA secure_delete = ON", error))
    return FALSE;

  /* Not an undo step: the rows, and every cascaded row, go for good. */
  if (!_cp_store_edit_statements (self, NULL, NULL, statements, G_N_ELEMENTS (statements),
                                  NULL, error))
    return FALSE;

  /* The undo and redo steps hold copies of the person's rows: all of them go. */
  wipe_stack (&self->undo_stack);
  wipe_stack (&self->redo_stack);
  _cp_store_clear_undo (self);

  /* VACUUM rewrites the file from the live rows only, and the checkpoint then empties
   * the -wal file, which held the older page images. */
  if (!_cp_db_exec (self->db, "VACUUM", &local_error))
    g_debug ("VACUUM after erasing failed: %s", local_error->message);
  g_clear_error (&local_error);

  if (!(stmt = _cp_db_prepare (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    busy = sqlite3_column_int (stmt, 0);
  else
    busy = 1;

  if (busy != 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("The person was erased, but an older copy may stay in the "
                             "workspace’s files until the workspace is closed."));
      return FALSE;
    }

  return TRUE;
}
