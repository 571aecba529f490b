/* test-file-vfat.c: Save a Copy onto a real FAT file system (a loop-mounted image)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-file-vfat"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"

/* People put copies on USB sticks, which are FAT or exFAT: no hard links, no modes. This
 * needs root, mkfs.vfat (dosfstools), a loop device and the kernel's vfat; where any of
 * them is missing (a container, CI) it is skipped (exit 77 with --tap absent, a SKIP
 * line with it). test-file-publish plays the same refusals through injected errno
 * values everywhere. */

/* Runs @argv quietly (its output would break the TAP stream); TRUE when it exits 0. The
 * output, both streams, goes to *@out_output when that is not NULL. */
static gboolean
run (const char * const *argv,
     char              **out_output)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cp_test_run (argv, NULL, NULL, &out, &err);

  if (out_output != NULL)
    *out_output = g_strconcat (out, err, NULL);
  return status == 0;
}

static void
test_save_copy_on_vfat (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *image = g_build_filename (dir, "stick.img", NULL);
  g_autofree char *mount_point = g_build_filename (dir, "stick", NULL);
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autofree char *copy = g_build_filename (mount_point, "copy.cpkit", NULL);
  g_autofree char *mkfs = g_find_program_in_path ("mkfs.vfat");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  int fd;
  sqlite3 *db;

  if (geteuid () != 0 || mkfs == NULL)
    {
      g_test_skip ("needs root and mkfs.vfat (dosfstools) to make a FAT image");
      cp_test_rm_rf (dir);
      return;
    }

  fd = g_open (image, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 16 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
  {
    const char *mkfs_argv[] = { mkfs, image, NULL };
    const char *mount_argv[] = { "mount", "-o", "loop", "-t", "vfat", image, mount_point,
                                 NULL };

    g_assert_true (run (mkfs_argv, NULL));
    if (!run (mount_argv, &output))
      {
        g_autofree char *reason = NULL;

        /* One line: a skip reason is one TAP line. */
        g_strdelimit (g_strstrip (output), "\n", ' ');
        reason = g_strdup_printf ("cannot loop-mount a FAT image here: %s", output);

        g_test_skip (reason);
        cp_test_rm_rf (dir);
        return;
      }
  }

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  cp_store_add_person (store, "On a stick", &error);
  g_assert_no_error (error);

  g_assert_true (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (cp_store_save_copy (store, copy, FALSE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  cp_store_add_person (store, "Second", &error);
  g_assert_true (cp_store_save_copy (store, copy, TRUE, &error));
  g_assert_no_error (error);

  db = cp_test_db_open_raw (copy);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, 2);
  sqlite3_close (db);
  g_clear_object (&store);

  {
    g_autoptr(GDir) d = g_dir_open (mount_point, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name, ==, "copy.cpkit");
  }

  {
    const char *umount_argv[] = { "umount", mount_point, NULL };

    g_assert_true (run (umount_argv, NULL));
  }
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/util/file-vfat/save-copy", test_save_copy_on_vfat);

  return g_test_run ();
}
