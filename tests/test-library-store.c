/* test-library-store.c: the Library's records and imports (no display)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-library-store"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "library/cp-library-import.h"
#include "pdf/cp-pdf-marks.h"
#include "store/cp-store-library.h"
#include "store/cp-store-private.h"

static CpTestPdfFixtures *fx;

typedef struct
{
  CpTestWorkspace ws;
  guint           n_changed;
} Fixture;

static void
changed_cb (CpStore            *store,
            const char * const *tables,
            Fixture            *f)
{
  f->n_changed++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "workspace.cpkit");
  g_signal_connect (f->ws.store, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  cp_test_workspace_clear (&f->ws);
}

/* The names in the library folder, sorted, joined by spaces. */
static char *
folder_listing (Fixture *f)
{
  g_autofree char *folder = cp_store_library_dup_folder (f->ws.store);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
import (Fixture     *f,
        const char  *path,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cp_library_import_async (f->ws.store, file, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  return cp_library_import_finish (f->ws.store, result, error);
}

static guint
n_documents (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = cp_store_library_list_documents (f->ws.store, &error);

  g_assert_no_error (error);
  return documents->len;
}

static void
test_view_state (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CpLibraryViewState state;
  CpLibraryViewState saved = { 41, 93, 1.5, CP_LIBRARY_SIZING_FREE, CP_LIBRARY_NIGHT_ON };
  gboolean found = TRUE;

  /* Unknown: the defaults. */
  g_assert_true (cp_store_library_get_view (f->ws.store, "manual:training-manual", &state, &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (found);
  g_assert_cmpuint (state.last_page, ==, 0);
  g_assert_cmpint (state.sizing, ==, CP_LIBRARY_SIZING_FIT_WIDTH);
  g_assert_cmpint (state.night_mode, ==, CP_LIBRARY_NIGHT_SYSTEM);

  g_assert_true (cp_store_library_set_view (f->ws.store, "manual:training-manual", &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  /* Reading is not an edit: nothing to undo. */
  g_assert_false (cp_store_can_undo (f->ws.store));
  /* The same again changes nothing and says nothing. */
  g_assert_true (cp_store_library_set_view (f->ws.store, "manual:training-manual", &saved, &error));
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* Kept across closing and opening the workspace. */
  cp_test_workspace_reopen (&f->ws);
  g_assert_true (cp_store_library_get_view (f->ws.store, "manual:training-manual", &state, &found,
                                            &error));
  g_assert_true (found);
  g_assert_cmpuint (state.last_page, ==, 41);
  g_assert_cmpuint (state.n_pages, ==, 93);
  g_assert_cmpfloat_with_epsilon (state.zoom, 1.5, 1e-9);
  g_assert_cmpint (state.sizing, ==, CP_LIBRARY_SIZING_FREE);
  g_assert_cmpint (state.night_mode, ==, CP_LIBRARY_NIGHT_ON);

  /* Out of range: clamped, never refused. */
  saved.zoom = 40;
  g_assert_true (cp_store_library_set_view (f->ws.store, "manual:your-guide", &saved, &error));
  g_assert_true (cp_store_library_get_view (f->ws.store, "manual:your-guide", &state, &found,
                                            &error));
  g_assert_cmpfloat_with_epsilon (state.zoom, 4.0, 1e-9);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *again = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *folder = cp_store_library_dup_folder (f->ws.store);
  g_autofree char *file = NULL;
  g_autoptr(CpLibraryDocument) document = NULL;
  g_autofree char *expected_sha = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf buf;

  key = import (f, fx->sample, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (key, "sha256:"));

  /* Stored under its sha256, private. */
  g_assert_true (g_file_get_contents (fx->sample, &contents, &length, NULL));
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
  g_assert_cmpstr (key + strlen ("sha256:"), ==, expected_sha);
  file = cp_store_library_dup_file_path (f->ws.store, expected_sha);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (file, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
  g_assert_cmpint (buf.st_size, ==, (goffset) length);
  listing = folder_listing (f);
  g_assert_cmpstr (listing, ==, strrchr (file, '/') + 1);   /* no temporary file left */

  document = cp_store_library_find_document (f->ws.store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->title, ==, "Sample document");
  g_assert_cmpstr (document->file_name, ==, "sample.pdf");
  g_assert_cmpuint (document->n_pages, ==, 4);
  g_assert_true (cp_store_can_undo (f->ws.store));
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Add to library");

  /* The same file again: the same entry, no second row, no new step. */
  cp_store_undo (f->ws.store, NULL);
  g_assert_cmpuint (n_documents (f), ==, 0);
  cp_store_redo (f->ws.store, NULL);
  g_assert_cmpuint (n_documents (f), ==, 1);
  again = import (f, fx->sample, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, key);
  g_assert_cmpuint (n_documents (f), ==, 1);
  g_clear_pointer (&listing, g_free);
  listing = folder_listing (f);
  g_assert_cmpstr (listing, ==, strrchr (file, '/') + 1);
}

static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  struct
  {
    const char *path;
    GQuark      domain;
    int         code;
  } cases[] = {
    { fx->not_pdf, CP_PDF_ERROR, CP_PDF_ERROR_NOT_PDF },
    { fx->empty, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY },
    { fx->damaged, CP_PDF_ERROR, CP_PDF_ERROR_DAMAGED },
    { "/nonexistent/cpkit/missing.pdf", G_IO_ERROR, G_IO_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = import (f, cases[i].path, &error);
      g_autofree char *listing = NULL;

      g_assert_null (key);
      g_assert_error (error, cases[i].domain, cases[i].code);
      /* No half-imported entry: no row, no file, no undo step. */
      g_assert_cmpuint (n_documents (f), ==, 0);
      listing = folder_listing (f);
      g_assert_cmpstr (listing, ==, "");
      g_assert_false (cp_store_can_undo (f->ws.store));
    }

  /* A locked PDF is a PDF: added, its pages unknown until it is opened. */
  if (fx->encrypted != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = import (f, fx->encrypted, &error);
      g_autoptr(CpLibraryDocument) document = NULL;

      g_assert_no_error (error);
      document = cp_store_library_find_document (f->ws.store, key, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (document->n_pages, ==, 0);
    }
}

static void
test_remove_and_collect (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = import (f, fx->sample, &error);
  g_autofree char *file = NULL;
  g_autofree char *stray = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *folder = cp_store_library_dup_folder (f->ws.store);
  guint n_deleted = 99;

  g_assert_no_error (error);
  file = cp_store_library_dup_file_path (f->ws.store, key + strlen ("sha256:"));

  /* Removing is one undoable step; the file stays while a step refers to it. */
  g_assert_true (cp_store_library_remove_document (f->ws.store, key, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (f), ==, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Remove from library");
  g_assert_true (cp_store_library_collect_files (f->ws.store, &n_deleted, &error));
  g_assert_cmpuint (n_deleted, ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  g_assert_true (cp_store_undo (f->ws.store, &error));
  g_assert_cmpuint (n_documents (f), ==, 1);
  g_assert_true (cp_store_redo (f->ws.store, &error));
  g_assert_cmpuint (n_documents (f), ==, 0);
  g_assert_true (cp_store_library_collect_files (f->ws.store, &n_deleted, &error));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Removing what is not there says so. */
  g_assert_false (cp_store_library_remove_document (f->ws.store, key, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Once no row and no step refers to it, it goes; other files stay. */
  foreign = g_build_filename (folder, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (foreign, "not ours", -1, NULL));
  _cp_store_clear_undo (f->ws.store);
  g_assert_true (cp_store_library_collect_files (f->ws.store, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 1);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
}

static void
test_marks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  CpLibraryMark mark = { 0, (char *) "manual:your-guide", CP_LIBRARY_MARK_HIGHLIGHT, 4,
                         (char *) "plan", (char *) "Small steps count", (char *) "",
                         (char *) "", (char *) "green", NULL };
  gint64 id;

  id = cp_store_library_add_mark (f->ws.store, &mark, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Add highlight");

  /* Notes merge while typing: one step for the whole note. */
  g_assert_true (cp_store_library_set_mark_note (f->ws.store, id, "Ask", &error));
  g_assert_true (cp_store_library_set_mark_note (f->ws.store, id, "Ask Sam", &error));
  g_assert_no_error (error);

  /* Searchable by note and by text, ignoring case; per document. */
  marks = cp_store_library_list_marks (f->ws.store, NULL, "SAM", &error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = cp_store_library_list_marks (f->ws.store, "manual:your-guide", "small steps", &error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((CpLibraryMark *) g_ptr_array_index (marks, 0))->colour, ==, "green");
  g_assert_cmpint (((CpLibraryMark *) g_ptr_array_index (marks, 0))->kind, ==,
                   CP_LIBRARY_MARK_HIGHLIGHT);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = cp_store_library_list_marks (f->ws.store, "manual:training-manual", NULL, &error);
  g_assert_cmpuint (marks->len, ==, 0);
  g_clear_pointer (&marks, g_ptr_array_unref);

  /* Undo the note (one step), then the highlight itself. */
  g_assert_true (cp_store_undo (f->ws.store, &error));
  marks = cp_store_library_list_marks (f->ws.store, NULL, NULL, &error);
  g_assert_cmpstr (((CpLibraryMark *) g_ptr_array_index (marks, 0))->note, ==, "");
  g_clear_pointer (&marks, g_ptr_array_unref);
  g_assert_true (cp_store_library_remove_mark (f->ws.store, id, &error));
  marks = cp_store_library_list_marks (f->ws.store, NULL, NULL, &error);
  g_assert_cmpuint (marks->len, ==, 0);
  g_clear_pointer (&marks, g_ptr_array_unref);
  g_assert_true (cp_store_undo (f->ws.store, &error));
  marks = cp_store_library_list_marks (f->ws.store, NULL, NULL, &error);
  g_assert_cmpuint (marks->len, ==, 1);
}

static void
locate (CpPdfDocument *document,
        const char    *dest,
        guint          page,
        const char    *quote,
        guint         *out_page)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CpLibraryMark mark = { 0, (char *) "k", CP_LIBRARY_MARK_BOOKMARK, page, (char *) dest,
                         (char *) quote, (char *) "", (char *) "", (char *) "yellow", NULL };
  double top;

  cp_pdf_locate_mark_async (document, &mark, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  g_assert_true (cp_pdf_locate_mark_finish (document, result, out_page, &top, &error));
  g_assert_no_error (error);
}

static void
test_locate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) document = cp_test_pdf_open (fx->sample, NULL, &error);
  g_autofree char *needle = NULL;
  guint page = 99;

  g_assert_no_error (error);

  /* As if the manual were rebuilt: the stored page is wrong, the text finds it. */
  locate (document, "chapter3", 0, "charlie zebrafish zebrafish", &page);
  g_assert_cmpuint (page, ==, 2);
  locate (document, NULL, 3, "bravo zebrafish", &page);
  g_assert_cmpuint (page, ==, 1);
  /* No text: the destination; neither: the page; a page past the end: the last. */
  locate (document, "chapter2", 0, "", &page);
  g_assert_cmpuint (page, ==, 1);
  locate (document, "gone", 2, "words that are nowhere", &page);
  g_assert_cmpuint (page, ==, 2);
  locate (document, NULL, 40, "", &page);
  g_assert_cmpuint (page, ==, 3);

  /* What is searched for: the first line, cut at a word. */
  needle = cp_pdf_mark_dup_needle ("  first line  \nsecond");
  g_assert_cmpstr (needle, ==, "first line");
  g_free (needle);
  needle = cp_pdf_mark_dup_needle ("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm");
  g_assert_cmpuint (strlen (needle), <=, 60);
  g_assert_true (g_str_has_suffix (needle, "llll"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(path, func) \
  g_test_add ("/cp/library/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("view-state", test_view_state);
  ADD ("import", test_import);
  ADD ("import-bad", test_import_bad);
  ADD ("remove-and-collect", test_remove_and_collect);
  ADD ("marks", test_marks);
  ADD ("locate", test_locate);
#undef ADD

  return cp_test_pdf_run (fx);
}
