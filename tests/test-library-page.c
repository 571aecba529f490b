/* test-library-page.c: the Library section: the manuals listed with their covers, at 360 px
 * too, importing and removing PDFs, opening a file without adding it, and searching across
 * the manuals
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-library-page"

#include "cp-test-ui.h"
#include "store/cp-store-library.h"

#define TRAINING_KEY "manual:training-manual"
#define EMPTY_DOCUMENTS \
  "PDFs you add are copied into the workspace’s folder and listed here."

static CpTestPdfFixtures *fx;

typedef CpTestLibrary Fixture;

static void
test_lists_manuals (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "manuals-list");
  GtkWidget *row;

  g_assert_nonnull (list);
  g_assert_cmpuint (cp_test_count_rows (list), ==, 3);

  /* Each has its cover, rendered on the worker, and the manual's own title. */
  g_assert_true (cp_test_wait_until (cp_test_library_covers_rendered, f->page));
  row = cp_library_page_get_row (f->page, "training-manual");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Connecting People: a training manual");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "not opened yet"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "library-list.png");

  g_assert_false (cp_library_page_open (f->page, "no-such-manual", NULL));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  CpPdfViewer *viewer;

  cp_test_library_hide (f);
  cp_test_library_show (f, 360);
  g_object_set (f->page, "folded", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_test_wait_until (cp_test_library_covers_rendered, f->page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 360);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "library-list-360.png");

  viewer = cp_test_library_open_training (f, NULL);
  /* Still 360 px wide with a document, its title and page in the header. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 360);
  g_assert_cmpuint (cp_test_count_dark_pixels (GTK_WIDGET (cp_pdf_viewer_get_view (viewer))), >,
                    100);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer-360.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.toggle-outline", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer-outline-360.png");
}

static guint
n_library_files (Fixture *f)
{
  g_autofree char *folder = cp_store_library_dup_folder (f->ws.store);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_import_and_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) sample = g_file_new_for_path (fx->sample);
  g_autoptr(GFile) not_pdf = g_file_new_for_path (fx->not_pdf);
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "documents-list");
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);
  GtkWidget *row, *remove;
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list);
  g_assert_cmpuint (cp_test_count_rows (list), ==, 0);
  /* None yet: the list says where added PDFs go. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (cp_test_find_widget (list, GTK_TYPE_LABEL, EMPTY_DOCUMENTS));

  /* Not a PDF: a dialog says so, and nothing is added. */
  cp_library_page_import_file (f->page, not_pdf);
  dialog = cp_test_wait_for_dialog ("Not a PDF Document");
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "import-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (cp_test_count_rows (list), ==, 0);
  g_assert_cmpuint (n_library_files (f), ==, 0);

  /* A PDF: listed under its title, and it opens. */
  cp_library_page_import_file (f->page, sample);
  cp_test_wait_for_rows (list, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Sample document");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "4 pages");
  cp_test_save_screenshot (GTK_WIDGET (f->window), "library-imported.png");
  g_signal_emit_by_name (row, "activated");
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_true (g_str_has_prefix (cp_pdf_viewer_get_key (viewer), "sha256:"));
  cp_library_page_show_list (f->page);

  /* Removing it is undoable; its file stays while undo can bring it back. */
  remove = cp_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  cp_test_wait_for_rows (list, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_nonnull (cp_test_find_widget (list, GTK_TYPE_LABEL, EMPTY_DOCUMENTS));
  g_assert_cmpuint (n_library_files (f), ==, 1);
  g_assert_true (cp_store_undo (f->ws.store, &error));
  g_assert_no_error (error);
  cp_test_wait_for_rows (list, 1);
}

static void
test_open_file_then_add (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) sample = g_file_new_for_path (fx->sample);
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "documents-list");
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);
  GtkWidget *add;

  /* `cpkit FILE.pdf`: shown, not added, with an offer to add it. */
  cp_library_page_open_file (f->page, sample);
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_null (cp_pdf_viewer_get_key (viewer));
  g_assert_cmpuint (cp_test_count_rows (list), ==, 0);
  add = cp_test_find_named (GTK_WIDGET (viewer), "add-to-library");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "library.add-current", NULL));
  cp_test_wait_for_rows (list, 1);
  /* It is now the library's copy that is open, remembered under its key. */
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_true (g_str_has_prefix (cp_pdf_viewer_get_key (viewer), "sha256:"));
  g_assert_false (gtk_widget_get_visible (add));
}

static gboolean
search_done (gpointer data)
{
  return cp_library_page_get_search_done (data);
}

/* The text of a result row (its first label), without the markup. */
static const char *
row_text (GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (!GTK_IS_LABEL (label))
    label = gtk_widget_get_first_child (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Results read as text: whole words from the training manual's pages (no word cut in
 * half at either end), no dot leaders or runs of page numbers, and the contents of a
 * document on one line at most. */
static void
check_results_read_well (GtkWidget *list)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data",
                                            "manuals", "training-manual.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  g_autoptr(GString) words = g_string_new (" ");
  g_autoptr(GRegex) numbers = g_regex_new ("(^|\\s)\\d+\\s+\\d+\\s+\\d+(\\s|$)|\\.\\s?\\.\\s?\\.",
                                           0, 0, NULL);
  GtkListBoxRow *row;
  gboolean in_training = FALSE;
  guint n_contents = 0;
  guint n_checked = 0;

  g_assert_nonnull (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_strdelimit (text, "\t\r\n", ' ');
      g_string_append_printf (words, "%s ", text);
      g_object_unref (page);
    }
  g_object_unref (doc);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (row));
      const char *text;

      if (g_str_equal (name, "manual") || g_str_equal (name, "document"))
        {
          in_training = g_str_equal (row_text (row), "Connecting People: a training manual");
          n_contents = 0;
          continue;
        }
      if (g_str_equal (name, "contents"))
        {
          g_assert_cmpuint (++n_contents, ==, 1);
          g_assert_true (g_str_has_prefix (row_text (row), "In the contents"));
        }
      if (!g_str_equal (name, "hit") && !g_str_equal (name, "contents"))
        continue;
      text = row_text (row);
      g_assert_false (g_regex_match (numbers, text, 0, NULL));
      if (in_training && g_str_equal (name, "hit"))
        {
          g_auto(GStrv) parts = g_strsplit (text, " ", -1);
          guint n = g_strv_length (parts);
          g_autofree char *first = g_strdup_printf (" %s ", parts[0]);
          g_autofree char *last = g_strdup_printf (" %s ", parts[n - 1]);

          if (n > 1)
            {
              g_assert_nonnull (strstr (words->str, first));
              g_assert_nonnull (strstr (words->str, last));
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 5);
}

static void
test_search_manuals (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "search-results");
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);
  GtkListBoxRow *row;
  GtkListBoxRow *hit = NULL;
  guint n_manual_headers = 0;
  guint n_chapter_headers = 0;
  guint n_hits = 0;

  g_assert_nonnull (list);
  g_assert_true (cp_test_wait_until (cp_test_library_covers_rendered, f->page));

  cp_library_page_search (f->page, "network");
  g_assert_true (cp_test_wait_until_timeout (search_done, f->page, CP_TEST_WAIT_LONG_S));
  g_assert_cmpuint (cp_library_page_get_n_search_hits (f->page), >, 10);
  g_assert_true (gtk_widget_is_drawable (list));

  /* Grouped: a heading per manual, then per chapter, then the matches. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, "manual");
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL,
                                         "Connecting People: a training manual"));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (row));

      if (g_strcmp0 (name, "manual") == 0)
        n_manual_headers++;
      else if (g_strcmp0 (name, "chapter") == 0)
        n_chapter_headers++;
      else if (g_strcmp0 (name, "hit") == 0)
        {
          n_hits++;
          if (hit == NULL)
            hit = row;
        }
    }
  g_assert_cmpuint (n_manual_headers, >=, 2);
  g_assert_cmpuint (n_chapter_headers, >=, 2);
  g_assert_cmpuint (n_hits, >, 0);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "library-search.png");

  /* A match opens its manual there, with the words found. */
  g_signal_emit_by_name (hit, "activate");
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_cmpstr (cp_pdf_viewer_get_key (viewer), ==, TRAINING_KEY);
  cp_test_pdf_viewer_wait_find_done (viewer);
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (viewer), >, 0);

  check_results_read_well (list);

  /* Nothing found says so; clearing the search shows the library again. */
  cp_library_page_show_list (f->page);
  cp_library_page_search (f->page, "okapi walrus");
  g_assert_true (cp_test_wait_until_timeout (search_done, f->page, CP_TEST_WAIT_LONG_S));
  g_assert_cmpuint (cp_library_page_get_n_search_hits (f->page), ==, 0);
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                         "Nothing found in the library."));
  cp_library_page_search (f->page, "");
  g_assert_true (gtk_widget_is_drawable (cp_test_find_named (GTK_WIDGET (f->page),
                                                             "manuals-list")));
}

/* The user's own PDFs are searched too, each under its title, and a match opens it. */
static void
test_search_imported (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) sample = g_file_new_for_path (fx->sample);
  GtkWidget *documents = cp_test_find_named (GTK_WIDGET (f->page), "documents-list");
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "search-results");
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);
  GtkListBoxRow *row, *hit = NULL;
  gboolean under_title = FALSE;

  cp_library_page_import_file (f->page, sample);
  cp_test_wait_for_rows (documents, 1);

  cp_library_page_search (f->page, "zebrafish");
  g_assert_true (cp_test_wait_until_timeout (search_done, f->page, CP_TEST_WAIT_LONG_S));
  /* Pages 1, 2 and 3: one, one and two. */
  g_assert_cmpuint (cp_library_page_get_n_search_hits (f->page), ==, 4);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      const char *name = gtk_widget_get_name (GTK_WIDGET (row));

      if (g_str_equal (name, "document"))
        under_title = g_str_equal (row_text (row), "Sample document");
      else if (g_str_equal (name, "hit") && under_title && hit == NULL)
        hit = row;
    }
  g_assert_nonnull (hit);
  g_assert_nonnull (strstr (row_text (hit), "zebrafish"));

  g_signal_emit_by_name (hit, "activate");
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_true (g_str_has_prefix (cp_pdf_viewer_get_key (viewer), "sha256:"));
}

/* `cpkit FILE.pdf` opens the file before the page is first on screen: the list behind
 * the viewer is not drawn, styled or measured for that first frame, and is all there
 * when the reader goes back to it, by the Back button or by the leaflet's own way back
 * (a swipe, Alt+Left). */
static void
test_file_before_shown (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) sample = g_file_new_for_path (fx->sample);

  for (guint way = 0; way < 2; way++)
    {
      GtkWidget *list;
      AdwLeaflet *leaflet;

      cp_test_library_hide (f);
      f->window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (f->window, 1000, 760);
      f->page = g_object_ref_sink (cp_library_page_new (f->ws.store));
      cp_library_page_open_file (f->page, sample);
      gtk_window_set_child (f->window, GTK_WIDGET (f->page));
      gtk_window_present (f->window);
      cp_test_pdf_viewer_wait_loaded (cp_library_page_get_viewer (f->page));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

      list = cp_test_find_named (GTK_WIDGET (f->page), "manuals-list");
      g_assert_false (gtk_widget_is_visible (list));

      leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (list, ADW_TYPE_LEAFLET));
      if (way == 0)
        cp_library_page_show_list (f->page);
      else
        g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
      g_assert_true (cp_test_wait_until (cp_test_library_covers_rendered, f->page));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (gtk_widget_is_drawable (list));
      g_assert_cmpuint (cp_test_count_rows (list), ==, 3);
    }
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  /* GNOME's title buttons: the 360 px check measures what users get. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(path, func) \
  g_test_add ("/cp/library/page/" path, Fixture, NULL, cp_test_library_set_up, func, \
              cp_test_library_tear_down)
  ADD ("lists-manuals", test_lists_manuals);
  ADD ("narrow", test_narrow);
  ADD ("import-and-remove", test_import_and_remove);
  ADD ("open-file-then-add", test_open_file_then_add);
  ADD ("file-before-shown", test_file_before_shown);
  ADD ("search-manuals", test_search_manuals);
  ADD ("search-imported", test_search_imported);
#undef ADD

  return cp_test_pdf_run (fx);
}
