/* test-store-lock.c: one process per workspace; read-only files and folders
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-lock"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"

typedef struct
{
  char  *dir;
  char  *path;
  char  *sum;
  gint64 mtime;
} Fixture;

/* A closed workspace with one person in it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const people[] = { "L", NULL };

  f->dir = cp_test_make_tmpdir ();
  f->path = cp_test_make_workspace (f->dir, "locked.cpkit", people);
  f->sum = cp_test_sha256 (f->path);
  f->mtime = cp_test_mtime_usec (f->path);
}

static void
assert_untouched (Fixture *f)
{
  g_autofree char *sum = cp_test_sha256 (f->path);

  g_assert_cmpstr (sum, ==, f->sum);
  g_assert_cmpint (cp_test_mtime_usec (f->path), ==, f->mtime);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->sum);
}

static void
test_locked_in_process (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) first = NULL;
  g_autoptr(CpStore) second = NULL;
  g_autoptr(CpStore) reader = NULL;
  g_autofree char *lock = g_strconcat (f->path, ".lock", NULL);

  first = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (lock), ==, 0600);

  second = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "another window of Connecting People Kit"));
  g_clear_error (&error);

  /* A reader (cpkit check, exports) needs no lock. */
  reader = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (reader)), ==, 1);
  g_clear_object (&reader);

  /* Closing the first lets the next one in. */
  g_clear_object (&first);
  second = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

/* A lock is between processes: one held here stops another process, and one held by
 * another process stops this one, which is told which process has it. */
static void
test_locked_other_process (Fixture       *f,
                           gconstpointer  data)
{
  const char *argv[] = { "probe", f->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autofree char *open = NULL;
  g_autofree char *read_only = NULL;
  g_autofree char *refused = g_strdup_printf ("open %d", CP_STORE_ERROR_LOCKED);
  g_autofree char *process = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  CpTestLines lines;
  int stdout_fd = -1;
  int release = -1;
  GPid pid;

  /* Held here: the other process may read it, not open it for writing. */
  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  pid = cp_test_spawn_helper (argv, NULL, NULL, NULL, &stdout_fd);
  cp_test_lines_init (&lines, stdout_fd);
  open = cp_test_lines_next (&lines, deadline);
  read_only = cp_test_lines_next (&lines, deadline);
  g_assert_true (g_spawn_check_wait_status (cp_test_wait_child (pid, 30), NULL));
  cp_test_lines_clear (&lines);
  g_assert_cmpstr (open, ==, refused);
  g_assert_cmpstr (read_only, ==, "read-only 1");
  g_clear_object (&store);

  /* Held there: refused here, naming that process; free again once it lets go. */
  pid = cp_test_hold_in_other_process (f->path, &release);
  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
  process = g_strdup_printf ("(process %d)", (int) pid);
  g_assert_nonnull (strstr (error->message, process));
  g_clear_error (&error);
  cp_test_release_other_process (pid, release);
  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
check_read_only_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  CpPerson *person;

  store = cp_store_open (f->path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Asked for read-only: it opens, shows the people, and refuses every edit. */
  store = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  person = g_list_model_get_item (cp_store_get_people (store), 0);

  g_assert_false (cp_store_rename_person (store, cp_person_get_id (person), "M", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cp_store_delete_person (store, cp_person_get_id (person), &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_notes (store, cp_person_get_id (person), "x", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cp_store_undo (store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (cp_store_backup_daily (store, &error));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (cp_person_get_name (person), ==, "L");
  g_object_unref (person);

  g_clear_object (&store);
  assert_untouched (f);

  /* Nothing was made beside it either. */
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  /* No write bit: read-only, even for root, who could write through it. */
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  check_read_only_open (f);
  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0444);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  check_read_only_open (f);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
}

static void
test_immutable_read (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  /* The fallback for a folder where not even the WAL index can be made. */
  db = _cp_db_open_ro (f->path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM person", NULL, NULL, NULL) & 0xff, !=,
                   SQLITE_OK);
  sqlite3_close (db);
  assert_untouched (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/cp/store/lock/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("in-process", test_locked_in_process);
  ADD ("other-process", test_locked_other_process);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("immutable-read", test_immutable_read);
#undef ADD

  return g_test_run ();
}
