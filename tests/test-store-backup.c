/* test-store-backup.c: daily backups, restore and save-a-copy
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-backup"

#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "util/cp-date.h"

static void
set_mtime (const char *path,
           time_t      when)
{
  struct utimbuf times = { when, when };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_daily (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *today = cp_date_today ();
  g_autofree char *today_name = g_strdup_printf ("work-%s.cpkit", today);
  g_autofree char *today_path = g_build_filename (backups, today_name, NULL);
  g_autofree char *other = g_build_filename (backups, "other-2026-01-01.cpkit", NULL);
  g_autofree char *migration = g_build_filename (backups, "work-2020-01-01-120000-v1.cpkit",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_auto(GStrv) list = NULL;
  gint64 mtime;
  sqlite3 *db;

  /* The first open of the day takes a backup. */
  store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (today_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (cp_test_file_mode (backups), ==, 0700);
  g_assert_cmpuint (cp_test_file_mode (today_path), ==, 0600);
  db = cp_test_db_open_raw (today_path);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA application_id"), ==, CP_DB_APPLICATION_ID);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sqlite_master "
                                      "WHERE name = 'person'"), ==, 1);
  sqlite3_close (db);

  /* Later the same day: nothing new. */
  cp_store_add_person (store, "D", &error);
  g_assert_no_error (error);
  mtime = cp_test_mtime_usec (today_path);
  g_assert_true (cp_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_mtime_usec (today_path), ==, mtime);
  list = cp_store_list_backups (store);
  g_assert_cmpuint (g_strv_length (list), ==, 1);
  g_assert_cmpstr (list[0], ==, today_path);
  g_clear_pointer (&list, g_strfreev);

  /* Nine older daily backups, another workspace's, and a pre-migration one. */
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("work-2026-01-0%u.cpkit", i);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      g_assert_true (cp_store_save_copy (store, old, FALSE, &error));
      g_assert_no_error (error);
      set_mtime (old, 1767225600 + i * 86400);   /* 2026-01-0i */
    }
  g_assert_true (cp_store_save_copy (store, other, FALSE, &error));
  g_assert_true (cp_store_save_copy (store, migration, FALSE, &error));
  set_mtime (migration, 1577880000);

  list = cp_store_list_backups (store);
  g_assert_cmpuint (g_strv_length (list), ==, 11);
  g_assert_cmpstr (list[0], ==, today_path);
  g_assert_true (g_str_has_suffix (list[1], "work-2026-01-09.cpkit"));
  g_assert_true (g_str_has_suffix (list[10], "-v1.cpkit"));
  g_assert_false (g_strv_contains ((const char * const *) list, other));
  g_clear_pointer (&list, g_strfreev);

  /* Keep 3: today and the two newest older days; the pre-migration one from 2020 has aged
   * out too (30 days); another workspace's is never touched. */
  cp_store_set_backup_keep (store, 3);
  g_assert_true (cp_store_backup_daily (store, &error));
  g_assert_no_error (error);
  list = cp_store_list_backups (store);
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[0], ==, today_path);
  g_assert_true (g_str_has_suffix (list[1], "work-2026-01-09.cpkit"));
  g_assert_true (g_str_has_suffix (list[2], "work-2026-01-08.cpkit"));
  g_assert_false (g_file_test (migration, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* One taken before a migration today stays. */
  {
    g_autofree char *stamp = cp_date_today ();
    g_autofree char *name = g_strdup_printf ("work-%s-120000-v3.cpkit", stamp);
    g_autofree char *fresh = g_build_filename (backups, name, NULL);

    g_assert_true (cp_store_save_copy (store, fresh, FALSE, &error));
    g_assert_no_error (error);
    g_assert_true (cp_store_backup_daily (store, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&store);
}

static void
on_changed (CpStore            *store,
            const char * const *tables,
            guint              *count)
{
  if (g_strv_contains (tables, "person"))
    (*count)++;
}

static void
test_restore (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autofree char *saved = g_build_filename (dir, "backups", "work-2026-01-01.cpkit", NULL);
  g_autofree char *not_db = g_build_filename (dir, "text.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_auto(GStrv) list = NULL;
  g_autofree char *before_restore = NULL;
  CpPerson *person;
  guint changed = 0;
  gint64 a;
  sqlite3 *db;

  store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  a = cp_store_add_person (store, "Before", &error);
  person = cp_store_find_person (store, a);
  g_assert_true (cp_store_save_copy (store, saved, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (cp_store_rename_person (store, a, "After", &error));
  cp_store_add_person (store, "New", &error);
  g_assert_no_error (error);

  /* Not a workspace: refused, nothing changes. */
  g_assert_true (g_file_set_contents (not_db, "hello", -1, NULL));
  g_assert_false (cp_store_restore_backup (store, not_db, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);
  g_assert_cmpstr (cp_person_get_name (person), ==, "After");
  g_assert_true (cp_store_can_undo (store));

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_true (cp_store_restore_backup (store, saved, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (store, &changed);

  /* The model shows the backup: the same object, renamed back; the new one gone. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  g_assert_true (cp_store_find_person (store, a) == person);
  g_assert_cmpstr (cp_person_get_name (person), ==, "Before");
  g_assert_false (cp_store_can_undo (store));
  g_assert_false (cp_store_can_redo (store));

  /* What was there before the restore was kept. */
  list = cp_store_list_backups (store);
  for (guint i = 0; list[i] != NULL; i++)
    if (strstr (list[i], "before-restore") != NULL)
      before_restore = g_strdup (list[i]);
  g_assert_nonnull (before_restore);
  g_assert_cmpuint (cp_test_file_mode (before_restore), ==, 0600);
  db = cp_test_db_open_raw (before_restore);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, 2);
  sqlite3_close (db);

  /* Edits work after a restore, and it is all on disk. */
  g_assert_true (cp_store_rename_person (store, a, "Later", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, a)), ==, "Later");
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (store), "PRAGMA foreign_keys"), ==, 1);
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_cp_store_get_db (store), "PRAGMA journal_mode", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  }

  g_clear_object (&store);
}

static void
test_save_copy (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.cpkit", NULL);
  g_autofree char *sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpStore) other = NULL;

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  cp_store_add_person (store, "C1", &error);
  cp_store_add_person (store, "C2", &error);
  g_assert_no_error (error);

  g_assert_true (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (copy), ==, 0600);

  other = cp_store_open (copy, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (other)), ==, 2);
  g_clear_object (&other);

  /* Never over an existing file. */
  sum = cp_test_sha256 (copy);
  cp_store_add_person (store, "C3", &error);
  g_assert_false (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (cp_store_save_copy (store, path, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  {
    g_autofree char *now = cp_test_sha256 (copy);

    g_assert_cmpstr (now, ==, sum);
  }

  g_clear_object (&store);
}

/* The app opens a workspace, then applies the user's setting (keep 30 days) and prunes:
 * over 40 days of launches, the newest 30 daily backups stay. The open itself must not
 * prune to the default 7 before the setting is applied. */
static void
test_keep_30_days (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autoptr(GDateTime) first = g_date_time_new_local (2026, 1, 1, 9, 0, 0);
  g_auto(GStrv) list = NULL;

  for (int day = 0; day < 40; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (first, day);
      g_autofree char *today = cp_date_to_iso (when);
      g_autoptr(GError) error = NULL;
      g_autoptr(CpStore) store = NULL;
      guint n;

      cp_date_set_today_for_testing (today);

      /* A launch: open (which takes today's backup), then the app's setting. */
      store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_clear_pointer (&list, g_strfreev);
      list = cp_store_list_backups (store);
      n = g_strv_length (list);
      g_assert_cmpuint (n, ==, MIN (day, 30) + 1);

      cp_store_set_backup_keep (store, 30);
      g_assert_true (cp_store_backup_daily (store, &error));
      g_assert_no_error (error);
      g_clear_pointer (&list, g_strfreev);
      list = cp_store_list_backups (store);
      g_assert_cmpuint (g_strv_length (list), ==, MIN (day + 1, 30));
      g_clear_object (&store);
    }

  /* The newest 30 days: 2026-01-11 .. 2026-02-09. */
  g_assert_true (g_str_has_suffix (list[0], "work-2026-02-09.cpkit"));
  g_assert_true (g_str_has_suffix (list[29], "work-2026-01-11.cpkit"));

  cp_date_set_today_for_testing (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/store/backup/daily", test_daily);
  g_test_add_func ("/cp/store/backup/restore", test_restore);
  g_test_add_func ("/cp/store/backup/save-copy", test_save_copy);
  g_test_add_func ("/cp/store/backup/keep-30-days", test_keep_30_days);

  return g_test_run ();
}
