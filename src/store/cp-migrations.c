/* cp-migrations.c: schema creation and step-by-step migrations
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-migrations"

#include <glib/gi18n.h>

#include "cp-migrations.h"
#include "cp-store.h"

/* In order; the latest schema version is their number. */
static const char * const step_files[] = {
  "0001-initial.sql",
  "0002-maps-goals.sql",
  "0003-agreement.sql",
  "0004-library.sql",
  "0005-document-sha256.sql",
  "0006-netmap.sql",
  "0007-goals-reviews.sql",
  "0008-supervision.sql",
  "0009-disclosure-sheet.sql",
};

int
_cp_migrations_get_latest (void)
{
  return G_N_ELEMENTS (step_files);
}

static char *
load_sql (const char  *name,
          GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH "/sql/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("The app is missing part of itself (%s)."), name);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);

  return g_strndup (data, len);
}

gboolean
_cp_migrations_load (char   **out_schema,
                     GStrv   *out_steps,
                     GError **error)
{
  g_autofree char *schema = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!(schema = load_sql ("schema.sql", error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (step_files); i++)
    {
      g_autofree char *sql = load_sql (step_files[i], error);

      if (sql == NULL)
        return FALSE;

      g_strv_builder_add (builder, sql);
    }

  *out_schema = g_steal_pointer (&schema);
  *out_steps = g_strv_builder_end (builder);

  return TRUE;
}

/* Runs @sql as one transaction with foreign keys off, checks the keys, sets the
 * version. Leaves the file as it was on failure. */
static gboolean
run_one (sqlite3     *db,
         const char  *sql,
         int          to_version,
         GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", to_version);
  g_autoptr(GError) local_error = NULL;

  /* A no-op inside a transaction: it must come before BEGIN. Otherwise a rebuilt parent
   * table would cascade-delete its children. */
  if (!_cp_db_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  if (!_cp_db_exec (db, "BEGIN IMMEDIATE", &local_error))
    goto fail_no_tx;

  if (!_cp_db_exec (db, sql, &local_error) ||
      !_cp_db_foreign_key_check (db, &local_error) ||
      !_cp_db_exec (db, set_version, &local_error) ||
      !_cp_db_exec (db, "COMMIT", &local_error))
    goto fail;

  return _cp_db_exec (db, "PRAGMA foreign_keys = ON", error);

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
fail_no_tx:
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_debug ("migration to version %d failed: %s", to_version, local_error->message);

  if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_FULL) ||
      g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED) ||
      g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION,
                 _("The workspace could not be updated to version %d. "
                   "It was left as it was."), to_version);

  return FALSE;
}

gboolean
_cp_migrations_run (sqlite3                *db,
                    const char             *schema,
                    const char * const     *steps,
                    guint                   n_steps,
                    CpMigrationBackupFunc   backup_func,
                    gpointer                user_data,
                    GError                **error)
{
  int version = 0;
  int n_objects = 0;

  if (!_cp_db_get_int (db, "PRAGMA user_version", &version, error) ||
      !_cp_db_get_int (db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (version > (int) n_steps)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                   _("The workspace was made by a newer version of the app "
                     "(version %d; this app knows up to %u)."), version, n_steps);
      return FALSE;
    }

  if (version == 0 && n_objects == 0 && schema != NULL)
    {
      g_debug ("creating schema version %u", n_steps);
      return run_one (db, schema, (int) n_steps, error);
    }

  for (int v = version; v < (int) n_steps; v++)
    {
      gboolean has_data = v > 0 || n_objects > 0;

      /* One backup of the file as it was, before the first step that changes it. */
      if (v == version && has_data && backup_func != NULL &&
          !backup_func (db, v, user_data, error))
        return FALSE;

      g_debug ("migrating from version %d to %d", v, v + 1);
      if (!run_one (db, steps[v], v + 1, error))
        return FALSE;
    }

  return TRUE;
}
