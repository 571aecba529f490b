/* test-store-sha256.c: a library row cannot point a file path outside the library folder
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-sha256"

#include <string.h>

#include "store/cp-migrations.h"
#include "store/cp-store-library.h"
#include "cp-test-util.h"

#define GOOD "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
/* 64 characters, and a way out of the folder. */
#define CRAFTED "../../../../../../../../../../../../../../../../../../../home/xa"

static char *
insert_sql (const char *sha256)
{
  return g_strdup_printf ("INSERT INTO document (key, sha256, added_at, updated_at) "
                          "VALUES ('sha256:%s', '%s', '2026-01-01T00:00:00Z', "
                          "'2026-01-01T00:00:00Z')", sha256, sha256);
}

static int
try_insert (sqlite3    *db,
            const char *sha256)
{
  g_autofree char *sql = insert_sql (sha256);

  return sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff;
}

/* The schema refuses anything but 64 lower-case hex digits. */
static void
test_check_constraint (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (CRAFTED), ==, 64);
  db = _cp_store_get_db (store);
  g_assert_cmpint (try_insert (db, CRAFTED), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (try_insert (db, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (try_insert (db, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde "),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (try_insert (db, GOOD), ==, SQLITE_OK);

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

/* A version-4 workspace with a crafted row is not brought up to date: the step fails
 * and the file stays at version 4, as it was. One with good rows keeps them. */
static void
test_migration (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *crafted = g_build_filename (dir, "crafted.cpkit", NULL);
  g_autofree char *good = g_build_filename (dir, "good.cpkit", NULL);
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *paths[] = { crafted, good };
  sqlite3 *db;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  g_assert_cmpint (_cp_migrations_get_latest (), >=, 5);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      db = cp_test_db_open_raw (paths[i]);
      g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 4, NULL, NULL,
                                         &error));
      g_assert_no_error (error);
      g_assert_cmpint (try_insert (db, i == 0 ? CRAFTED : GOOD), ==, SQLITE_OK);
      sqlite3_close (db);
    }

  store = cp_store_open (crafted, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION);
  g_clear_error (&error);
  db = cp_test_db_open_raw (crafted);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM document"), ==, 1);
  sqlite3_close (db);

  store = cp_store_open (good, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  documents = cp_store_library_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_clear_object (&store);

  cp_test_rm_rf (dir);
}

/* A crafted file brings its own schema, without the CHECK: the app checks each row it
 * reads before it makes a path from it. */
static void
test_run_time_check (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.cpkit", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *good_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(CpLibraryDocument) document = NULL;
  sqlite3 *db;

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = cp_test_db_open_raw (path);
  cp_test_db_exec (db,
                   "DROP TABLE document;"
                   "CREATE TABLE document (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                   "  title TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL DEFAULT '',"
                   "  sha256 TEXT NOT NULL, n_pages INTEGER NOT NULL DEFAULT 0,"
                   "  added_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;");
  g_assert_cmpint (try_insert (db, CRAFTED), ==, SQLITE_OK);
  g_assert_cmpint (try_insert (db, GOOD), ==, SQLITE_OK);
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);

  /* The library lists the good one only. */
  documents = cp_store_library_list_documents (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (((CpLibraryDocument *) g_ptr_array_index (documents, 0))->sha256, ==, GOOD);

  /* Asked for by its key, the crafted row is reported damaged. */
  document = cp_store_library_find_document (store, "sha256:" CRAFTED, &error);
  g_assert_null (document);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* No path is ever made from it; the good one stays inside the folder. */
  g_assert_null (cp_store_library_dup_file_path (store, CRAFTED));
  g_assert_null (cp_store_library_dup_file_path (store, "sha256"));
  folder = cp_store_library_dup_folder (store);
  good_path = cp_store_library_dup_file_path (store, GOOD);
  g_assert_true (g_str_has_prefix (good_path, folder));
  g_assert_true (g_str_has_suffix (good_path, "/" GOOD ".pdf"));

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/store/sha256/check-constraint", test_check_constraint);
  g_test_add_func ("/cp/store/sha256/migration", test_migration);
  g_test_add_func ("/cp/store/sha256/run-time-check", test_run_time_check);

  return g_test_run ();
}
