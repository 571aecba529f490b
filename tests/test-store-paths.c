/* test-store-paths.c: one writer per workspace whatever name it is opened by, and files
 * that are the user's alone
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-paths"

#include <string.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "store/cp-store-library.h"
#include "cp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "work.cpkit", NULL);
  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  cp_store_add_person (store, "P", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_locked (const char *path,
               CpStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, flags, &error);

  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED);
}

/* A symlink to the workspace: the same lock, the same backups and library folder. */
static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *other_dir = g_build_filename (f->dir, "elsewhere", NULL);
  g_autofree char *link = g_build_filename (other_dir, "link.cpkit", NULL);
  g_autofree char *real_backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *legacy_backups = g_build_filename (other_dir, "backups", NULL);
  g_autofree char *legacy_backup = g_build_filename (legacy_backups, "link-2026-01-01.cpkit",
                                                     NULL);
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) first = NULL;
  g_autoptr(CpStore) second = NULL;
  g_auto(GStrv) backups = NULL;

  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (f->path, link), ==, 0);

  /* Either way round, the second writer is refused. */
  first = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  assert_locked (link, CP_STORE_OPEN_NO_BACKUP);
  g_clear_object (&first);

  first = cp_store_open (link, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  assert_locked (f->path, CP_STORE_OPEN_NO_BACKUP);
  g_assert_cmpstr (cp_store_get_path (first), ==, link);
  g_assert_cmpstr (cp_store_get_real_path (first), ==, f->path);

  /* A reader by the other name shares the writer's -wal: it sees its work. */
  second = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (second)), ==, 1);
  g_clear_object (&second);

  /* Backups go beside the real file; those an older version put beside the link are
   * still listed. The library folder is beside the real file too. */
  g_assert_cmpint (g_mkdir (legacy_backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (legacy_backup, "", 0, NULL));
  g_assert_cmpint (utime (legacy_backup, &(struct utimbuf) { 1767258000, 1767258000 }), ==, 0);
  g_assert_true (cp_store_backup_daily (first, &error));
  g_assert_no_error (error);
  backups = cp_store_list_backups (first);
  g_assert_cmpuint (g_strv_length (backups), ==, 2);
  g_assert_true (g_str_has_prefix (backups[0], real_backups));
  g_assert_cmpstr (backups[1], ==, legacy_backup);
  folder = cp_store_library_dup_folder (first);
  g_assert_true (g_str_has_prefix (folder, f->dir));
  g_assert_true (g_str_has_suffix (folder, "/library/work"));
}

/* A hard link: another name, the same inode. The second writer is refused, and so is a
 * reader by the other name while a writer has it (it would not see the writer's -wal).
 * The open warns that the file has more than one name. */
static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) first = NULL;
  g_autoptr(CpStore) reader = NULL;
  g_auto(GStrv) messages = NULL;

  g_assert_cmpint (link (f->path, other), ==, 0);

  first = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_warnings (first) & CP_STORE_WARNING_HARD_LINKED);
  messages = cp_store_dup_warning_messages (first);
  g_assert_nonnull (messages[0]);
  g_assert_nonnull (strstr (messages[0], "more than one name"));

  assert_locked (other, CP_STORE_OPEN_NO_BACKUP);
  assert_locked (other, CP_STORE_OPEN_READ_ONLY);

  /* By its own name, a reader is welcome. */
  reader = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);

  /* A reader holds the file for reading: no writer starts under another name meanwhile,
   * so what it reads cannot change under it. */
  g_clear_object (&first);
  reader = cp_store_open (other, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_locked (f->path, CP_STORE_OPEN_NO_BACKUP);
  {
    g_autoptr(CpStore) store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);

    g_assert_null (store);
    g_assert_nonnull (strstr (error->message, "being read"));
    g_clear_error (&error);
  }
  g_clear_object (&reader);

  first = cp_store_open (other, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  assert_locked (f->path, CP_STORE_OPEN_NO_BACKUP);
}

/* The lock notes who holds it, and which file (device and inode). */
static void
test_holder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *lock = g_strconcat (f->path, ".lock", NULL);
  g_autofree char *text = NULL;
  g_autofree char *host = NULL;
  g_autofree char *want = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  GStatBuf st;
  int pid = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_true (g_file_get_contents (lock, &text, NULL, NULL));
  want = g_strdup_printf (" %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT "\n",
                          (guint64) st.st_dev, (guint64) st.st_ino);
  g_assert_true (g_str_has_suffix (text, want));
  g_assert_true (cp_store_get_lock_holder (f->path, &pid, &host));
  g_assert_cmpint (pid, ==, getpid ());
  g_assert_cmpstr (host, ==, g_get_host_name ());
}

/* A workspace copied in with 0644 (and its -wal and -shm) is made the user's alone on
 * the next read-write open; a folder that others can list is reported. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_auto(GStrv) messages = NULL;

  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_true (g_file_set_contents (shm, "", 0, NULL));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0666), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);

  /* Read-only never changes anything, modes included. */
  store = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0644);

  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0600);
  g_assert_cmpuint (cp_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (cp_test_file_mode (shm), ==, 0600);
  /* Others could read it until now: the user is told, and told it is over. */
  g_assert_cmpint (cp_store_get_warnings (store), ==,
                   CP_STORE_WARNING_FOLDER_SHARED | CP_STORE_WARNING_MADE_PRIVATE);
  messages = cp_store_dup_warning_messages (store);
  g_assert_cmpuint (g_strv_length (messages), ==, 2);
  g_assert_nonnull (strstr (messages[0], "can see the folder"));
  g_assert_nonnull (strstr (messages[1], "could read this workspace file"));
  /* Left as the user set it: it may be their Documents folder. */
  g_assert_cmpuint (cp_test_file_mode (f->dir), ==, 0755);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_warnings (store), ==, CP_STORE_WARNING_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cp/store/paths/symlink", test_symlink);
  ADD ("/cp/store/paths/hard-link", test_hard_link);
  ADD ("/cp/store/paths/holder", test_holder);
  ADD ("/cp/store/paths/modes", test_modes);
#undef ADD

  return g_test_run ();
}
