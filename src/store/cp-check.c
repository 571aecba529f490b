/* cp-check.c: `cpkit check` — look at a workspace file without changing it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-check"

#include <glib/gi18n.h>

#include "cp-migrations.h"
#include "cp-store-private.h"

/* The report names tables and counts, never what is in the rows. */

static gboolean
fail (GString     *report,
      GError     **error,
      CpStoreError code,
      const char  *message)
{
  g_string_append_printf (report, _("Result: problem: %s\n"), message);
  g_set_error_literal (error, CP_STORE_ERROR, code, message);
  return FALSE;
}

/* Runs integrity_check; returns the number of problems, or -1 when the file could not
 * even be read as a database. */
static int
run_integrity_check (sqlite3 *db,
                     GString *report)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_problems = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check(20)", -1, &stmt, NULL) != SQLITE_OK)
    return -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;

      /* SQLite's lines name pages and indexes, not values. */
      g_string_append_printf (report, "  %s\n", line);
      n_problems++;
    }

  if (rc != SQLITE_DONE)
    return -1;

  return n_problems;
}

/* Returns the number of rows that refer to a missing parent, or -1 on error. */
static int
run_foreign_key_check (sqlite3 *db,
                       GString *report)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) per_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  int n_rows = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (per_table, table));

      g_hash_table_replace (per_table, table, GUINT_TO_POINTER (count + 1));
      n_rows++;
    }

  if (rc != SQLITE_DONE)
    return -1;

  g_hash_table_iter_init (&iter, per_table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (report,
                            /* Translators: %s is the name of a table in the workspace */
                            ngettext ("  %u row in %s refers to a missing record\n",
                                      "  %u rows in %s refer to missing records\n",
                                      GPOINTER_TO_UINT (value)),
                            GPOINTER_TO_UINT (value), (const char *) key);

  return n_rows;
}

gboolean
cp_store_check_file (const char  *path,
                     GString     *report,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CpDbInfo info = { 0 };
  int latest = _cp_migrations_get_latest ();
  int version = 0;
  int app_id = 0;
  int n_problems;
  int n_fk;
  int n_people = -1;
  sqlite3 *db = NULL;
  gboolean stale = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append_printf (report, _("Workspace: %s\n"), path);

  /* The probe reads the header and classifies missing, empty and foreign files. It also
   * runs quick_check, whose failure we report below with integrity_check's details. */
  if (!_cp_db_probe (path, &info, &local_error))
    {
      if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE))
        {
          g_string_append_printf (report, _("Format: %s\n"),
                                  info.exists && info.size == 0 ? _("empty file")
                                                                : _("not an SQLite database"));
          return fail (report, error, CP_STORE_ERROR_NOT_SQLITE, local_error->message);
        }

      if (!g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT))
        return fail (report, error, local_error->code, local_error->message);

      g_clear_error (&local_error);
    }
  else if (!info.exists)
    return fail (report, error, CP_STORE_ERROR_OPEN, _("There is no file at that place."));

  if (!(db = _cp_db_open_ro_auto (path, TRUE, &stale, &local_error)))
    return fail (report, error, local_error->code, local_error->message);

  /* Its committed work is in a -wal that cannot be read here: what the file alone holds
   * is not the workspace (it may not even have the schema yet). Say that, not "damaged"
   * or "not a workspace". */
  if (stale)
    {
      sqlite3_close_v2 (db);
      g_string_append (report, _("Format: SQLite database in WAL mode; its recent changes "
                                 "cannot be read\n"));
      _cp_db_set_wal_unreadable_error (&local_error);
      return fail (report, error, local_error->code, local_error->message);
    }

  if (!_cp_db_get_int (db, "PRAGMA application_id", &app_id, NULL) ||
      !_cp_db_get_int (db, "PRAGMA user_version", &version, NULL))
    {
      sqlite3_close_v2 (db);
      g_string_append (report, _("Format: SQLite database, unreadable\n"));
      return fail (report, error, CP_STORE_ERROR_CORRUPT, _("The workspace file is damaged."));
    }

  if (app_id != CP_DB_APPLICATION_ID)
    {
      sqlite3_close_v2 (db);
      g_string_append (report, _("Format: SQLite database, but not a workspace\n"));
      return fail (report, error, CP_STORE_ERROR_NOT_SQLITE,
                   _("The file is a database, but not a workspace of this app."));
    }

  g_string_append (report, _("Format: workspace (SQLite 3)\n"));
  g_string_append_printf (report, _("Schema version: %d (this app: %d)\n"), version, latest);

  n_problems = run_integrity_check (db, report);
  if (n_problems == 0)
    g_string_append (report, _("Integrity: ok\n"));
  else if (n_problems < 0)
    g_string_append (report, _("Integrity: the file could not be read\n"));
  else
    g_string_append_printf (report, ngettext ("Integrity: %d problem\n",
                                              "Integrity: %d problems\n", n_problems),
                            n_problems);

  n_fk = n_problems == 0 ? run_foreign_key_check (db, report) : -1;
  if (n_fk == 0)
    g_string_append (report, _("Foreign keys: ok\n"));
  else if (n_fk > 0)
    g_string_append_printf (report, ngettext ("Foreign keys: %d row refers to a missing record\n",
                                              "Foreign keys: %d rows refer to missing records\n",
                                              n_fk),
                            n_fk);

  if (n_problems == 0 &&
      _cp_db_get_int (db, "SELECT count(*) FROM person", &n_people, NULL))
    g_string_append_printf (report, _("People: %d\n"), n_people);

  sqlite3_close_v2 (db);

  if (n_problems != 0)
    ok = fail (report, error, CP_STORE_ERROR_CORRUPT, _("The workspace file is damaged."));
  else if (n_fk != 0)
    ok = fail (report, error, CP_STORE_ERROR_CORRUPT,
               _("Some records refer to records that are no longer there."));
  else if (version > latest)
    ok = fail (report, error, CP_STORE_ERROR_TOO_NEW,
               _("The workspace was made by a newer version of the app."));
  else
    {
      if (version < latest)
        g_string_append (report, _("Note: the app will update this workspace when it opens it.\n"));
      g_string_append (report, _("Result: ok\n"));
    }

  return ok;
}
