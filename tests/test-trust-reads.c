/* test-trust-reads.c: a disk that fails a read fails the subject-access report, never
 * shortens it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-reads"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-fault-vfs.h"
#include "export/cp-export-subject-access.h"
#include "cp-test-util.h"

/* "Everything held about this person" is a legal document: a read that fails half way
 * must fail the export, not leave out the rows it could not read. Every connection goes
 * through the fault VFS (tests/cp-fault-vfs.c), which fails the Nth xRead with an I/O
 * error; the store is opened afresh each time, so the report's pages are read from the
 * file and not from SQLite's cache. For N = 1, 2, … until the export no longer reads
 * that much: the export fails with a message, no file is left where the PDF would go,
 * and no transaction stays open; once no read fails, the report is whole. */

static gint64
busiest_person (CpStore *store)
{
  return cp_test_db_int (_cp_store_get_db (store),
                         "SELECT s.person_id FROM member m JOIN snapshot s "
                         "ON s.id = m.snapshot_id GROUP BY s.person_id "
                         "ORDER BY count(*) DESC LIMIT 1");
}

static void
test_read_fault (gconstpointer data)
{
  gboolean pdf = GPOINTER_TO_INT (data);
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "subject-access.pdf", NULL);
  g_autofree char *whole = NULL;
  g_autoptr(GError) error = NULL;
  guint n_failed = 0;
  guint n;
  gint64 id;

  cp_fault_vfs_disarm ();
  g_assert_true (cp_store_create_practice (path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  {
    g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

    g_assert_no_error (error);
    id = busiest_person (store);
    whole = cp_export_subject_access_text (store, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (whole, "== "));
  }

  for (n = 1; n < 2000; n++)
    {
      g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
      g_autofree char *text = NULL;
      gboolean ok;

      g_assert_no_error (error);
      cp_fault_vfs_arm (CP_FAULT_READ, n, SQLITE_IOERR_READ, FALSE);
      if (pdf)
        ok = cp_export_subject_access_pdf (store, id, out, FALSE, &error);
      else
        ok = (text = cp_export_subject_access_text (store, id, &error)) != NULL;

      if (!cp_fault_vfs_fired ())
        {
          /* The export reads less than n times: every earlier n was tried. */
          cp_fault_vfs_disarm ();
          g_assert_no_error (error);
          g_assert_true (ok);
          if (pdf)
            g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
          else
            g_assert_cmpstr (strstr (text, "== "), ==, strstr (whole, "== "));
          break;
        }
      cp_fault_vfs_disarm ();

      n_failed++;
      g_assert_false (ok);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CP_STORE_ERROR);
      g_assert_null (strstr (error->message, "SELECT"));
      g_clear_error (&error);
      g_assert_true (sqlite3_get_autocommit (_cp_store_get_db (store)));
      /* Nothing where the report would go, not even a temporary file. */
      g_assert_cmpuint (cp_test_count_files (out_dir), ==, 0);
    }

  g_test_message ("%u read points tried, %u failed the export", n, n_failed);
  g_assert_cmpuint (n, <, 2000);
  g_assert_cmpuint (n_failed, >=, 3);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cp_fault_vfs_install ();

  g_test_add_data_func ("/cp/trust/reads/subject-access-text", GINT_TO_POINTER (FALSE),
                        test_read_fault);
  g_test_add_data_func ("/cp/trust/reads/subject-access-pdf", GINT_TO_POINTER (TRUE),
                        test_read_fault);

  return g_test_run ();
}
