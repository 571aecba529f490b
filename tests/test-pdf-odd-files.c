/* test-pdf-odd-files.c: a FIFO, a folder, a device, an empty file or a huge one never
 * hangs the PDF worker or an import: each is refused at once with its own error, and
 * the worker opens a good document right after (no display)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-odd-files"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "library/cp-library-import.h"
#include "pdf/cp-pdf-document.h"
#include "store/cp-store-library.h"
#include "cp-test-util.h"

/* Far longer than any refusal takes, far shorter than the test's own timeout: a request
 * still pending by then is waiting on the file. */
#define ANSWER_DEADLINE_S 5

static CpTestPdfFixtures *fx;

typedef struct
{
  const char *name;
  GQuark      domain;
  int         code;
} Odd;

typedef struct
{
  char *dir;
  char *fifo;
  char *folder;
  char *empty;
  char *huge;
} Files;

static void
files_make (Files *files)
{
  int fd;

  files->dir = g_dir_make_tmp ("cpkit-odd-XXXXXX", NULL);
  files->fifo = g_build_filename (files->dir, "notes.pdf", NULL);
  files->folder = g_build_filename (files->dir, "folder.pdf", NULL);
  files->empty = g_build_filename (files->dir, "empty.pdf", NULL);
  files->huge = g_build_filename (files->dir, "huge.pdf", NULL);

  g_assert_cmpint (mkfifo (files->fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (files->folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (files->empty, "", 0, NULL));
  /* Sparse: one byte over the limit costs no disk. */
  fd = g_open (files->huge, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "%PDF-1.5\n", 9), ==, 9);
  g_assert_cmpint (ftruncate (fd, CP_PDF_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
}

static void
files_clear (Files *files)
{
  g_remove (files->fifo);
  g_rmdir (files->folder);
  g_remove (files->empty);
  g_remove (files->huge);
  g_rmdir (files->dir);
  g_free (files->fifo);
  g_free (files->folder);
  g_free (files->empty);
  g_free (files->huge);
  g_free (files->dir);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Waits for *result; fails when it is not there within ANSWER_DEADLINE_S. */
static void
wait_answer (GAsyncResult **result,
             const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + ANSWER_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (*result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  if (*result == NULL)
    g_error ("No answer within %d s for %s: something waits on the file",
             ANSWER_DEADLINE_S, what);
}

static CpPdfDocument *
open_document (const char  *path,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cp_pdf_document_new_for_file_async (file, NULL, NULL, result_cb, &result);
  wait_answer (&result, path);
  return cp_pdf_document_new_finish (result, error);
}

static void
assert_worker_usable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) good = open_document (fx->sample, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (good), ==, 4);
}

/* Each odd file is refused at once with its own error, and the worker goes on. */
static void
test_open (void)
{
  Files files = { 0 };

  files_make (&files);
  {
    const Odd odd[] = {
      { files.fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE },
      { "/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE },
      { files.folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY },
      { files.empty, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY },
      { files.huge, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG },
    };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(CpPdfDocument) document = open_document (odd[i].name, &error);

        g_test_message ("%s: %s", odd[i].name, error ? error->message : "opened");
        g_assert_null (document);
        g_assert_error (error, odd[i].domain, odd[i].code);
        assert_worker_usable ();
      }
  }
  files_clear (&files);
}

/* The same checks for any caller: one open, the kind and size of what was opened. */
static void
test_file_open (void)
{
  g_autoptr(GError) error = NULL;
  goffset size = 0;
  Files files = { 0 };
  int fd;

  files_make (&files);
  g_assert_cmpint (cp_pdf_file_open (files.fifo, NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (cp_pdf_file_open (files.huge, NULL, &error), ==, -1);
  g_assert_error (error, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG);
  g_clear_error (&error);
  g_assert_cmpint (cp_pdf_file_open ("/nonexistent/file.pdf", NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  fd = cp_pdf_file_open (fx->sample, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (size, >, 0);
  /* Blocking again, and closed on exec. */
  g_assert_false (fcntl (fd, F_GETFL) & O_NONBLOCK);
  g_assert_true (fcntl (fd, F_GETFD) & FD_CLOEXEC);
  close (fd);
  files_clear (&files);
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        rm_rf (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
import (CpStore     *store,
        const char  *path,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cp_library_import_async (store, file, NULL, result_cb, &result);
  wait_answer (&result, path);
  return cp_library_import_finish (store, result, error);
}

/* Adding an odd file to the library: refused at once, nothing left behind, and adding a
 * good document works right after. */
static void
test_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpkit-odd-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workspace.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_autofree char *folder = NULL;
  g_autofree char *key = NULL;
  Files files = { 0 };

  g_assert_no_error (error);
  folder = cp_store_library_dup_folder (store);
  files_make (&files);
  {
    const Odd odd[] = {
      { files.fifo, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE },
      { "/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE },
      { files.folder, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY },
      { files.empty, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY },
      { files.huge, CP_PDF_ERROR, CP_PDF_ERROR_TOO_BIG },
    };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autofree char *odd_key = import (store, odd[i].name, &error);

        g_test_message ("%s: %s", odd[i].name, error ? error->message : "added");
        g_assert_null (odd_key);
        g_assert_error (error, odd[i].domain, odd[i].code);
        g_clear_error (&error);
        g_assert_cmpuint (count_files (folder), ==, 0);
      }
  }

  key = import (store, fx->sample, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_assert_cmpuint (count_files (folder), ==, 1);

  cp_store_close (store);
  files_clear (&files);
  rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fx = cp_test_pdf_fixtures_new ();

  g_test_add_func ("/cp/pdf/odd-files/open", test_open);
  g_test_add_func ("/cp/pdf/odd-files/file-open", test_file_open);
  g_test_add_func ("/cp/pdf/odd-files/import", test_import);

  status = g_test_run ();
  cp_test_pdf_fixtures_free (fx);
  cp_pdf_document_shutdown ();
  return status;
}
