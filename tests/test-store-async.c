/* test-store-async.c: opening, the daily backup, Save a Copy and a restore run in a
 * worker with its own connection, while the window's connection goes on editing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-async"

#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "store/cp-store-async.h"
#include "cp-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  CpStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "team.cpkit", NULL);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %d", i);

      g_assert_cmpint (cp_store_add_person (f->store, name, &error), >, 0);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  _cp_store_async_set_delay_for_testing (0);
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
count_names (const char *dir,
             const char *part)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += strstr (name, part) != NULL;
  return n;
}

static void
assert_locked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) second = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  g_assert_null (second);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
}

/* While the copy is being made the window's connection edits as usual, without waiting;
 * the copy is a whole, valid workspace. */
static void
test_save_copy_beside_edits (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) opened = NULL;
  gint64 start;
  gint64 id;

  _cp_store_async_set_delay_for_testing (300);
  cp_store_save_copy_async (f->store, copy, FALSE, NULL, cp_test_store_result_cb, &result);
  start = g_get_monotonic_time ();
  id = cp_store_add_person (f->store, "Added meanwhile", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* The edit did not wait for the copy. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 250 * 1000);
  g_assert_null (result);

  cp_test_wait_result (&result);
  g_assert_true (cp_store_save_copy_finish (f->store, result, &error));
  g_assert_no_error (error);

  opened = cp_store_open (copy, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (opened)), >=, 200);
  /* The window's store is untouched by the worker: still editable, still one history. */
  g_assert_true (cp_store_can_undo (f->store));
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
}

/* An existing name is replaced only when the user said yes to "Replace?". */
static void
test_save_copy_replace (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) replaced = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) opened = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (copy, "an older file", -1, NULL));
  cp_store_save_copy_async (f->store, copy, FALSE, NULL, cp_test_store_result_cb, &refused);
  cp_test_wait_result (&refused);
  g_assert_false (cp_store_save_copy_finish (f->store, refused, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (copy, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "an older file");

  cp_store_save_copy_async (f->store, copy, TRUE, NULL, cp_test_store_result_cb, &replaced);
  cp_test_wait_result (&replaced);
  g_assert_true (cp_store_save_copy_finish (f->store, replaced, &error));
  g_assert_no_error (error);
  opened = cp_store_open (copy, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (opened)), ==, 200);
}

/* The daily backup in a worker keeps as many as the store was told (30, not 7). */
static void
test_backup_daily (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) listed = NULL;

  /* Twenty old daily backups beside it. */
  g_mkdir_with_parents (backups, 0700);
  for (int i = 1; i <= 20; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -i);
      g_autofree char *day = g_date_time_format (then, "%Y-%m-%d");
      g_autofree char *name = g_strdup_printf ("team-%s.cpkit", day);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      g_assert_true (cp_store_save_copy (f->store, old, FALSE, &error));
    }

  cp_store_set_backup_keep (f->store, 30);
  cp_store_backup_daily_async (f->store, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  g_assert_true (cp_store_backup_daily_finish (f->store, result, &error));
  g_assert_no_error (error);
  listed = cp_store_list_backups (f->store);
  g_assert_cmpuint (g_strv_length (listed), ==, 21);
  g_assert_cmpuint (count_names (backups, ".part-"), ==, 0);
}

static void
count_changed_cb (CpStore            *store,
                  const char * const *tables,
                  guint              *n)
{
  (*n)++;
}

/* A restore brings the backup back, keeps what was there as "before-restore", clears the
 * history and leaves no prepared copy behind. Meanwhile the store takes no edit (it
 * would be in neither file); afterwards it does, and the restored state is what the file
 * holds when it is opened again. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (f->dir, "saved.cpkit", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = cp_store_add_person (f->store, "Before", &error);
  guint changed = 0;

  g_assert_true (cp_store_save_copy (f->store, backup, FALSE, &error));
  g_assert_true (cp_store_rename_person (f->store, id, "After", &error));
  g_assert_no_error (error);
  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);

  _cp_store_async_set_delay_for_testing (200);
  cp_store_restore_backup_async (f->store, backup, NULL, cp_test_store_result_cb, &result);
  g_assert_false (cp_store_rename_person (f->store, id, "Meanwhile", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cp_store_undo (f->store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  cp_test_wait_result (&result);
  g_assert_true (cp_store_restore_backup_finish (f->store, result, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, id)), ==, "Before");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (cp_store_can_undo (f->store));
  g_assert_cmpuint (count_names (backups, "before-restore"), ==, 1);
  g_assert_cmpuint (count_names (backups, ".part-"), ==, 0);
  /* The workspace stays private and takes edits. */
  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0600);
  g_assert_true (cp_store_rename_person (f->store, id, "Again", &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);

  /* Opened again: the restored state, nothing of the old -wal brought back. */
  cp_store_close (f->store);
  g_clear_object (&f->store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, id)), ==, "Before");
}

/* Something that is not a workspace is refused, nothing changes, and edits go on. */
static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.cpkit", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *before = cp_test_sha256 (f->path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (text, "not a workspace", -1, NULL));
  cp_store_restore_backup_async (f->store, text, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  g_assert_false (cp_store_restore_backup_finish (f->store, result, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);
  after = cp_test_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (cp_store_can_undo (f->store));
  g_assert_cmpuint (count_names (backups, ".part-"), ==, 0);
  g_assert_cmpint (cp_store_add_person (f->store, "Later", &error), >, 0);
  g_assert_no_error (error);
}

/* Opening in a worker gives the same errors as opening in place: a damaged file is
 * CORRUPT (its quick_check ran in the thread). */
static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) good = NULL;
  g_autoptr(GAsyncResult) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  sqlite3 *db;
  int page_size, root, fd;
  g_autofree char *junk = NULL;

  g_clear_object (&f->store);
  cp_store_open_async (f->path, CP_STORE_OPEN_NO_BACKUP, NULL, cp_test_store_result_cb, &good);
  cp_test_wait_result (&good);
  store = cp_store_open_finish (good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 200);
  cp_store_close (store);

  db = cp_test_db_open_raw (f->path);
  page_size = cp_test_db_int (db, "PRAGMA page_size");
  root = cp_test_db_int (db, "SELECT rootpage FROM sqlite_master WHERE name = 'person'");
  sqlite3_close (db);
  junk = g_strnfill (page_size, (char) 0xa5);
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  close (fd);

  cp_store_open_async (f->path, CP_STORE_OPEN_NO_BACKUP, NULL, cp_test_store_result_cb, &bad);
  cp_test_wait_result (&bad);
  g_assert_null (cp_store_open_finish (bad, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
}

static gboolean
count_people_func (CpStore       *worker,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  /* A worker store has no models: it reads through its own connection. */
  return _cp_db_get_int (_cp_store_get_db (worker), "SELECT count(*) FROM person", data,
                         error);
}

/* The store opened in a worker holds the workspace's lock once the worker has gone, by
 * any name; its own workers read beside it without waiting for it, even while its
 * connection is in the middle of a write; and it still holds the lock afterwards. */
static void
test_open_keeps_lock (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *link = g_build_filename (f->dir, "link.cpkit", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) copied = NULL;
  g_autoptr(GAsyncResult) counted = NULL;
  g_autoptr(GAsyncResult) backed_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpStore) reader = NULL;
  int n_people = 0;
  sqlite3 *db;

  g_clear_object (&f->store);
  g_assert_cmpint (symlink (f->path, link), ==, 0);
  cp_store_open_async (link, CP_STORE_OPEN_NO_BACKUP, NULL, cp_test_store_result_cb, &opened);
  cp_test_wait_result (&opened);
  store = cp_store_open_finish (opened, &error);
  g_assert_no_error (error);
  assert_locked (f->path);
  assert_locked (link);

  /* The window's connection holds a write open (an edit under way) … */
  db = _cp_store_get_db (store);
  cp_test_db_exec (db, "BEGIN IMMEDIATE");
  cp_test_db_exec (db, "UPDATE person SET notes = 'half way' WHERE id = 1");

  /* … and the workers read the last committed state beside it, without waiting. */
  cp_store_save_copy_async (store, copy, FALSE, NULL, cp_test_store_result_cb, &copied);
  cp_store_run_async (store, count_people_func, &n_people, NULL, NULL,
                      cp_test_store_result_cb, &counted);
  cp_store_set_backup_keep (store, 7);
  cp_store_backup_daily_async (store, NULL, cp_test_store_result_cb, &backed_up);
  cp_test_wait_result (&copied);
  cp_test_wait_result (&counted);
  cp_test_wait_result (&backed_up);
  g_assert_true (cp_store_save_copy_finish (store, copied, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_run_finish (store, counted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_people, ==, 200);
  g_assert_true (cp_store_backup_daily_finish (store, backed_up, &error));
  g_assert_no_error (error);
  cp_test_db_exec (db, "COMMIT");

  /* The lock is still the store's; a reader by the same name may look beside it. */
  assert_locked (f->path);
  assert_locked (link);
  reader = cp_store_open (link, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (reader)), ==, 200);
  g_clear_object (&reader);

  /* Closed, it lets go. */
  cp_store_close (store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
}

/* The warnings found while opening come back with the store: a folder other users can
 * list, a file with a second name. */
static void
test_open_warnings (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *second_name = g_build_filename (f->dir, "second.cpkit", NULL);
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_auto(GStrv) messages = NULL;

  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (link (f->path, second_name), ==, 0);
  cp_store_open_async (f->path, CP_STORE_OPEN_NO_BACKUP, NULL, cp_test_store_result_cb,
                       &opened);
  cp_test_wait_result (&opened);
  store = cp_store_open_finish (opened, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_warnings (store), ==,
                   CP_STORE_WARNING_FOLDER_SHARED | CP_STORE_WARNING_HARD_LINKED);
  messages = cp_store_dup_warning_messages (store);
  g_assert_cmpuint (g_strv_length (messages), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cp/store/async/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("save-copy-beside-edits", test_save_copy_beside_edits);
  ADD ("save-copy-replace", test_save_copy_replace);
  ADD ("backup-daily", test_backup_daily);
  ADD ("restore", test_restore);
  ADD ("restore-refused", test_restore_refused);
  ADD ("open", test_open);
  ADD ("open-keeps-lock", test_open_keeps_lock);
  ADD ("open-warnings", test_open_warnings);
#undef ADD

  return g_test_run ();
}
