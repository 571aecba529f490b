/* bench-workspace.c: large workspaces for the benchmarks that run the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-workspace"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "bench-workspace.h"
#include "store/cp-store.h"

/* A workspace of @n people (up to 10,007), written in one transaction beside the store's
 * schema. */
void
bench_make_workspace (const char *path,
                      int         n)
{
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (n, <=, 10007);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  /* A workspace of people has been in use: what it is for was answered long ago, and it
   * opens on its list without the first-run question. */
  if (n > 0)
    g_assert_true (cp_store_set_purpose (store, CP_WORKSPACE_PURPOSE_CASELOAD, &error));
  cp_store_close (store);
  if (n == 0)
    return;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO person (name, status, next_review, created_at, updated_at)"
                          " VALUES (?, 'active', date('now', ? || ' days'),"
                          " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", -1, &stmt, NULL);
  for (int i = 0; i < n; i++)
    {
      /* Added in no particular order of name, as a caseload is over the years (10,007
       * is prime, so every name is different). */
      g_autofree char *name = g_strdup_printf ("Person %05d", (int) ((i * 7919LL) % 10007));
      g_autofree char *days = g_strdup_printf ("%d", (i * 37) % 120 - 30);

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, days, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}


void
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
