/* cp-store-disclosure.c: the log of what about a person left the app, and to whom
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "util/cp-enum.h"

void
cp_disclosure_free (CpDisclosure *disclosure)
{
  if (disclosure == NULL)
    return;

  g_free (disclosure->detail);
  g_free (disclosure->to_whom);
  g_free (disclosure->made_at);
  g_free (disclosure);
}

gint64
cp_store_add_disclosure (CpStore           *self,
                         gint64             person_id,
                         CpDisclosureKind   what,
                         const char        *detail,
                         const char        *to_whom,
                         GError           **error)
{
  const char *nick = cp_enum_to_nick (CP_TYPE_DISCLOSURE_KIND, what);
  g_autofree char *clean_detail = g_strstrip (g_strdup (detail ? detail : ""));
  g_autofree char *clean_to_whom = g_strstrip (g_strdup (to_whom ? to_whom : ""));
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = {
    CP_DB_INT (person_id), CP_DB_TEXT (nick), CP_DB_TEXT (clean_detail),
    CP_DB_TEXT (clean_to_whom), CP_DB_TEXT (now)
  };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM person WHERE id = ?1", values, 1, _(CP_STORE_PERSON_GONE) },
    { "INSERT INTO disclosure (person_id, what, detail, to_whom, made_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)", values, G_N_ELEMENTS (values), NULL },
  };
  gint64 id = 0;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (nick == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("That is not something the disclosure log knows."));
      return 0;
    }

  /* No undo step: the record that something left stays, whatever is undone after. */
  if (!_cp_store_edit_statements (self, NULL, NULL, statements, G_N_ELEMENTS (statements),
                                  &id, error))
    return 0;

  return id;
}

gboolean
_cp_store_read_disclosures (sqlite3    *db,
                            gint64      person_id,
                            GPtrArray  *out,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db,
                               "SELECT id, what, detail, to_whom, made_at FROM disclosure "
                               "WHERE person_id = ?1 ORDER BY made_at, id",
                               error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpDisclosure *disclosure = g_new0 (CpDisclosure, 1);

      disclosure->id = sqlite3_column_int64 (stmt, 0);
      disclosure->what = cp_enum_from_nick (CP_TYPE_DISCLOSURE_KIND,
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            CP_DISCLOSURE_SUMMARY);
      disclosure->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      disclosure->to_whom = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      disclosure->made_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (out, disclosure);
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
cp_store_list_disclosures (CpStore  *self,
                           gint64    person_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_disclosure_free);

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->db == NULL || cp_store_find_person (self, person_id) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_PERSON_GONE));
      return NULL;
    }

  if (!_cp_store_read_disclosures (self->db, person_id, out, error))
    return NULL;

  return g_steal_pointer (&out);
}
