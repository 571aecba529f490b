/* test-file-publish.c: a copy or an export lands whole, where the user put it, on any
 * file system, and replaces a file only when the user said so
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE 1

#include "config.h"

#define G_LOG_DOMAIN "test-file-publish"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "util/cp-file.h"

/* The file systems a USB stick or a network share brings are played by refusing the
 * calls they refuse: renameat2's RENAME_NOREPLACE (EINVAL on some FUSE and network file
 * systems), link (EPERM on FAT and exFAT), fsync of a folder (EINVAL). */

static int refuse_renameat2_with;
static int refuse_link_with;
static int refuse_fsync_dir_with;
static guint n_renameat2, n_link, n_fsync_dir;

static int
test_renameat2 (int          old_dir_fd,
                const char  *old_path,
                int          new_dir_fd,
                const char  *new_path,
                unsigned int flags)
{
  n_renameat2++;
  if (refuse_renameat2_with != 0)
    {
      errno = refuse_renameat2_with;
      return -1;
    }
  return renameat2 (old_dir_fd, old_path, new_dir_fd, new_path, flags);
}

static int
test_link (const char *old_path,
           const char *new_path)
{
  n_link++;
  if (refuse_link_with != 0)
    {
      errno = refuse_link_with;
      return -1;
    }
  return link (old_path, new_path);
}

static int
test_fsync_dir (int fd)
{
  n_fsync_dir++;
  if (refuse_fsync_dir_with != 0)
    {
      errno = refuse_fsync_dir_with;
      return -1;
    }
  return fsync (fd);
}

static const CpFileOps test_ops = { test_renameat2, test_link, test_fsync_dir };

typedef struct
{
  char *dir;
  char *dest;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = cp_test_make_tmpdir ();
  f->dest = g_build_filename (f->dir, "report.pdf", NULL);
  refuse_renameat2_with = refuse_link_with = refuse_fsync_dir_with = 0;
  n_renameat2 = n_link = n_fsync_dir = 0;
  _cp_file_set_ops_for_testing (&test_ops);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  _cp_file_set_ops_for_testing (NULL);
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->dest);
}

static gboolean
write_text (const char  *tmp_path,
            gpointer     user_data,
            GError     **error)
{
  return g_file_set_contents (tmp_path, user_data, -1, error);
}

static gboolean
write_fails (const char  *tmp_path,
             gpointer     user_data,
             GError     **error)
{
  g_assert_true (g_file_set_contents (tmp_path, "half", -1, NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write it");
  return FALSE;
}

/* Writes "mine", while someone else saves a file under the same name (@user_data). */
static gboolean
write_racing (const char  *tmp_path,
              gpointer     user_data,
              GError     **error)
{
  g_assert_true (g_file_set_contents (user_data, "theirs", -1, NULL));
  return g_file_set_contents (tmp_path, "mine", -1, error);
}

static void
assert_contents (const char *path,
                 const char *want)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, want);
}

static void
test_new_file (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "new", &error));
  g_assert_no_error (error);
  assert_contents (f->dest, "new");
  g_assert_cmpuint (cp_test_file_mode (f->dest), ==, 0600);
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);
  g_assert_cmpuint (n_renameat2, ==, 1);
  g_assert_cmpuint (n_fsync_dir, ==, 1);
}

/* Refused without replace (the file stays as it was); replaced with it. */
static void
test_existing_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->dest, "old", -1, NULL));
  g_assert_false (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "new", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "A file with that name is already there.");
  g_clear_error (&error);
  assert_contents (f->dest, "old");
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);

  g_assert_true (cp_file_publish (f->dest, TRUE, write_text, (gpointer) "new", &error));
  g_assert_no_error (error);
  assert_contents (f->dest, "new");
  g_assert_cmpuint (cp_test_file_mode (f->dest), ==, 0600);
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);
}

/* No RENAME_NOREPLACE (EINVAL): link () publishes, and still never replaces. */
static void
test_no_rename_flag (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  refuse_renameat2_with = EINVAL;
  g_assert_true (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "linked", &error));
  g_assert_no_error (error);
  assert_contents (f->dest, "linked");
  g_assert_cmpuint (n_link, ==, 1);
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);

  /* A file that appears while ours is written is not replaced either. */
  g_assert_cmpint (g_unlink (f->dest), ==, 0);
  g_assert_false (cp_file_publish (f->dest, FALSE, write_racing, f->dest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  assert_contents (f->dest, "theirs");
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);
}

/* FAT and exFAT: no RENAME_NOREPLACE through some drivers, and no hard links (EPERM).
 * The file is created exclusively and copied. */
static void
test_fat (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *big = g_strnfill (300 * 1024, 'x');
  g_autoptr(GError) error = NULL;

  refuse_renameat2_with = EPERM;
  refuse_link_with = EPERM;
  g_assert_true (cp_file_publish (f->dest, FALSE, write_text, big, &error));
  g_assert_no_error (error);
  assert_contents (f->dest, big);
  g_assert_cmpuint (cp_test_file_mode (f->dest), ==, 0600);
  g_assert_cmpuint (n_renameat2, ==, 1);
  g_assert_cmpuint (n_link, ==, 1);
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);

  /* Still never over an existing file, even one that appears meanwhile; replace works
   * as everywhere. */
  g_assert_false (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "no", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  assert_contents (f->dest, big);
  g_assert_cmpint (g_unlink (f->dest), ==, 0);
  g_assert_false (cp_file_publish (f->dest, FALSE, write_racing, f->dest, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  assert_contents (f->dest, "theirs");
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);
  g_assert_true (cp_file_publish (f->dest, TRUE, write_text, (gpointer) "yes", &error));
  g_assert_no_error (error);
  assert_contents (f->dest, "yes");
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 1);
}

/* A folder that cannot be synced (EINVAL) is no error; a real sync error is, and the new
 * file does not stay. */
static void
test_folder_sync (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  refuse_fsync_dir_with = EINVAL;
  g_assert_true (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "synced", &error));
  g_assert_no_error (error);
  assert_contents (f->dest, "synced");
  g_assert_cmpint (g_unlink (f->dest), ==, 0);

  refuse_fsync_dir_with = EIO;
  g_assert_false (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "lost", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "could not be saved"));
  g_assert_false (g_file_test (f->dest, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 0);
}

static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cp_file_publish (f->dest, FALSE, write_fails, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "could not write it");
  g_assert_cmpuint (cp_test_count_files (f->dir), ==, 0);
}

/* What a crash left (a temporary file no one holds, with SQLite's journal beside it) is
 * cleared; one that another process is writing right now is not. */
static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *stale = g_build_filename (f->dir, ".cpkit.part-AAAAAA", NULL);
  g_autofree char *stale_journal = g_build_filename (f->dir, ".cpkit.part-AAAAAA-journal",
                                                     NULL);
  g_autofree char *held = g_build_filename (f->dir, ".cpkit.part-BBBBBB", NULL);
  g_autofree char *other = g_build_filename (f->dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  struct flock fl = { 0 };
  int fd;

  g_assert_true (g_file_set_contents (stale, "someone's data", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "journal", -1, NULL));
  g_assert_true (g_file_set_contents (held, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  fd = g_open (held, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = CP_FILE_LOCK_BYTE;
  fl.l_len = 1;
  g_assert_cmpint (fcntl (fd, F_OFD_SETLK, &fl), ==, 0);

  g_assert_true (cp_file_publish (f->dest, FALSE, write_text, (gpointer) "x", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (held, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  close (fd);
  g_assert_cmpuint (cp_file_remove_stale_temporaries (f->dir), ==, 1);
  g_assert_false (g_file_test (held, G_FILE_TEST_EXISTS));
}

/* Save a Copy through the store: onto "FAT", over a file the user agreed to replace, and
 * never over the workspace itself. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "work.cpkit", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  cp_store_add_person (store, "C", &error);
  g_assert_no_error (error);

  refuse_renameat2_with = EINVAL;
  refuse_link_with = EPERM;
  g_assert_true (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "A file with that name is already there.");
  g_clear_error (&error);

  cp_store_add_person (store, "D", &error);
  g_assert_true (cp_store_save_copy (store, copy, TRUE, &error));
  g_assert_no_error (error);
  db = cp_test_db_open_raw (copy);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, 2);
  sqlite3_close (db);

  /* The user agreed to replace "work.cpkit": it is the workspace, so no. */
  g_assert_false (cp_store_save_copy (store, path, TRUE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 2);
  g_clear_object (&store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cp/util/file-publish/new-file", test_new_file);
  ADD ("/cp/util/file-publish/existing-file", test_existing_file);
  ADD ("/cp/util/file-publish/no-rename-flag", test_no_rename_flag);
  ADD ("/cp/util/file-publish/fat", test_fat);
  ADD ("/cp/util/file-publish/folder-sync", test_folder_sync);
  ADD ("/cp/util/file-publish/write-fails", test_write_fails);
  ADD ("/cp/util/file-publish/stale-temporaries", test_stale_temporaries);
  ADD ("/cp/util/file-publish/save-copy", test_save_copy);
#undef ADD

  return g_test_run ();
}
