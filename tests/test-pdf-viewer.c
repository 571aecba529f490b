/* test-pdf-viewer.c: the viewer chrome on generated PDFs: find bar and results,
 * go to page with page labels, and bad input (not a PDF, empty, damaged,
 * encrypted with a password to retry, hundreds of pages), printing a page range
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-viewer"

#include <string.h>
#include <glib/gstdio.h>

#include "cp-test-ui.h"
#include "pdf/cp-pdf-print.h"
#include "pdf/cp-pdf-viewer-private.h"

static CpTestPdfFixtures *fx;

typedef struct
{
  GtkWindow   *window;
  CpPdfViewer *viewer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 700);
  f->viewer = g_object_ref_sink (cp_pdf_viewer_new (NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->viewer));
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->viewer);
  cp_test_flush_main_context ();
}

static void
open_path (Fixture    *f,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cp_pdf_viewer_open_file (f->viewer, file, NULL, NULL);
}

static void
open_and_wait (Fixture    *f,
               const char *path)
{
  open_path (f, path);
  cp_test_pdf_viewer_wait_loaded (f->viewer);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
wait_for_widget (GtkWidget  *root,
                 GType       type,
                 const char *text)
{
  g_assert_true (cp_test_wait_for_widget (root, type, text, TRUE));
}

static const char *
count_text (Fixture *f)
{
  GtkWidget *bar = cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_SEARCH_BAR, NULL);
  GtkWidget *entry = cp_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *label = gtk_widget_get_next_sibling (entry);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  CpPdfView *view;
  GtkWidget *bar, *entry, *results, *row;
  guint n_rows = 0;

  open_and_wait (f, fx->sample);
  view = cp_pdf_viewer_get_view (f->viewer);

  /* Ctrl+F opens the find bar with the entry focused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.find", NULL));
  bar = cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_SEARCH_BAR, NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  entry = cp_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (f->window))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));

  /* Every hit on every page: 1 + 1 + 2. */
  cp_pdf_viewer_find (f->viewer, "zebrafish");
  cp_test_pdf_viewer_wait_find_done (f->viewer);
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (f->viewer), ==, 4);
  g_assert_cmpint (cp_pdf_view_get_current_hit (view), ==, 0);
  g_assert_cmpstr (count_text (f), ==, "1 of 4");

  /* The results list, with the text around each hit. */
  results = cp_test_find_named (GTK_WIDGET (f->viewer), "find-results");
  g_assert_nonnull (results);
  for (GtkWidget *child = gtk_widget_get_first_child (results); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 4);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 3));
  g_assert_nonnull (cp_test_find_widget (row, GTK_TYPE_LABEL, "Page iii"));
  g_assert_true (gtk_list_box_row_is_selected (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 0)));

  /* Enter: next; Shift+Enter (and the up button): previous; wrapping at the ends. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (cp_pdf_view_get_current_hit (view), ==, 1);
  g_assert_cmpstr (count_text (f), ==, "2 of 4");
  g_signal_emit_by_name (entry, "previous-match");
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpint (cp_pdf_view_get_current_hit (view), ==, 3);
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));

  /* A result row jumps to its hit. */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), 2), "activate");
  g_assert_cmpint (cp_pdf_view_get_current_hit (view), ==, 2);

  /* Nothing found says so. */
  cp_pdf_viewer_find (f->viewer, "okapi");
  cp_test_pdf_viewer_wait_find_done (f->viewer);
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (f->viewer), ==, 0);
  g_assert_cmpstr (count_text (f), ==, "No matches");

  /* Esc closes the bar and clears the highlights. */
  cp_pdf_viewer_find (f->viewer, "walrus");
  cp_test_pdf_viewer_wait_find_done (f->viewer);
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (f->viewer), ==, 1);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (f->viewer), ==, 0);
  g_assert_cmpint (cp_pdf_view_get_current_hit (view), ==, -1);

  /* Ctrl+F again brings it back, focused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
}

static void
test_go_to_page (Fixture       *f,
                 gconstpointer  data)
{
  CpPdfView *view;
  GtkWidget *title, *popover;

  open_and_wait (f, fx->sample);
  view = cp_pdf_viewer_get_view (f->viewer);

  /* Page labels first (i, ii, iii, A-1), then numbers. */
  g_assert_true (cp_pdf_viewer_go_to_page_text (f->viewer, "A-1"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 3);
  g_assert_true (cp_pdf_viewer_go_to_page_text (f->viewer, " ii "));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 1);
  g_assert_true (cp_pdf_viewer_go_to_page_text (f->viewer, "3"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 2);
  g_assert_false (cp_pdf_viewer_go_to_page_text (f->viewer, "5"));
  g_assert_false (cp_pdf_viewer_go_to_page_text (f->viewer, "0"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 2);

  /* The header says where the reader is, with the page's label. */
  cp_test_flush_main_context ();
  title = cp_test_find_widget (GTK_WIDGET (f->viewer), ADW_TYPE_WINDOW_TITLE, NULL);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==,
                   "Page iii (3 of 4)");

  /* Ctrl+G opens the page popover with its entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.go-to-page", NULL));
  cp_test_flush_main_context ();
  popover = cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  cp_test_flush_main_context ();

  /* "page=N" and named destinations, as the rest of the app asks. */
  cp_pdf_viewer_go_to (f->viewer, "page=1");
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 0);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  struct
  {
    const char *path;
    const char *title;
  } cases[] = {
    { fx->not_pdf, "Not a PDF Document" },
    { fx->empty, "The File Is Empty" },
    { fx->damaged, "The Document Is Damaged" },
    { "/nonexistent/cpkit/missing.pdf", "The File Is Missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      open_path (f, cases[i].path);
      wait_for_widget (GTK_WIDGET (f->viewer), ADW_TYPE_STATUS_PAGE, cases[i].title);
      g_assert_false (cp_pdf_viewer_get_loaded (f->viewer));
      g_assert_null (cp_pdf_viewer_get_document (f->viewer));
      /* Nothing to find in a document that is not there. */
      gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.find", NULL);
      g_assert_false (gtk_search_bar_get_search_mode (
        GTK_SEARCH_BAR (cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_SEARCH_BAR, NULL))));
    }

  /* A good file after a bad one opens as usual. */
  open_and_wait (f, fx->sample);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (cp_pdf_viewer_get_document (f->viewer)), ==, 4);
}

static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *entry, *unlock;

  if (fx->encrypted == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  open_path (f, fx->encrypted);
  wait_for_widget (GTK_WIDGET (f->viewer), ADW_TYPE_STATUS_PAGE, "This Document Is Locked");
  entry = cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_PASSWORD_ENTRY, NULL);
  unlock = cp_test_find_widget (GTK_WIDGET (f->viewer), GTK_TYPE_BUTTON, "_Unlock");
  g_assert_nonnull (entry);
  g_assert_nonnull (unlock);

  /* A wrong password: asked again, saying why. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_signal_emit_by_name (unlock, "clicked");
  wait_for_widget (GTK_WIDGET (f->viewer), ADW_TYPE_STATUS_PAGE, "This Document Is Locked");
  wait_for_widget (GTK_WIDGET (f->viewer), GTK_TYPE_LABEL,
                   "That password was not right. Try again.");
  g_assert_false (cp_pdf_viewer_get_loaded (f->viewer));

  /* The right one opens it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "user");
  g_signal_emit_by_name (entry, "activate");
  cp_test_pdf_viewer_wait_loaded (f->viewer);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (cp_pdf_viewer_get_document (f->viewer)), ==, 4);
}

static void
test_huge_page (Fixture       *f,
                gconstpointer  data)
{
  CpPdfView *view;

  /* A 5000 pt page: a working view at fit width, and zoomed in (tiles). */
  open_and_wait (f, fx->huge);
  view = cp_pdf_viewer_get_view (f->viewer);
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (view), ==, CP_PDF_SIZING_FIT_WIDTH);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.zoom-in", NULL));
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (view), ==, CP_PDF_SIZING_FREE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_pdf_viewer_get_loaded (f->viewer));
}

/* While a document opens, the viewer is on its loading page, with no spinner for the
 * first moments (a document that opens at once shows nothing moving); once open, the
 * document, and still no spinner. */
static void
test_loading (Fixture       *f,
              gconstpointer  data)
{
  open_path (f, fx->many);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->viewer->stack), ==, "loading");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->viewer->spinner)));
  cp_test_pdf_viewer_wait_loaded (f->viewer);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->viewer->stack), ==, "document");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->viewer->spinner)));
  g_assert_false (gtk_spinner_get_spinning (f->viewer->spinner));
}

/* The View Menu, opened, starts with the zoom line: its buttons zoom, and the scale
 * between them says by how much. */
static void
test_view_menu (Fixture       *f,
                gconstpointer  data)
{
  GtkMenuButton *button = f->viewer->menu_button;
  GtkWidget *scale = GTK_WIDGET (f->viewer->zoom_reset_button);
  GtkWidget *zoom_in = gtk_widget_get_next_sibling (scale);
  GtkPopover *menu;
  g_autofree char *before = NULL;

  open_and_wait (f, fx->many);
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (menu));
  g_assert_true (gtk_widget_is_ancestor (zoom_in, GTK_WIDGET (menu)));
  g_assert_true (gtk_widget_get_mapped (zoom_in));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (zoom_in)), ==,
                   "viewer.zoom-in");
  before = g_strdup (gtk_button_get_label (GTK_BUTTON (scale)));
  g_assert_true (g_str_has_suffix (before, " %"));

  g_signal_emit_by_name (zoom_in, "clicked");
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (cp_pdf_viewer_get_view (f->viewer)), ==,
                   CP_PDF_SIZING_FREE);
  /* (the header follows the view after its next frame) */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (scale)), !=, before);
  gtk_menu_button_popdown (button);
}

static void
test_many_pages (Fixture       *f,
                 gconstpointer  data)
{
  CpPdfView *view;

  open_and_wait (f, fx->many);
  view = cp_pdf_viewer_get_view (f->viewer);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (cp_pdf_viewer_get_document (f->viewer)), ==,
                    MANY_PAGES);
  g_assert_true (cp_pdf_viewer_go_to_page_text (f->viewer, "150"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 149);

  /* Find streams through every page: "needle" on pages 10, 20, … 150. */
  cp_pdf_viewer_find (f->viewer, "needle");
  cp_test_pdf_viewer_wait_find_done (f->viewer);
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (f->viewer), ==, MANY_PAGES / 10);
}

static gboolean
thumbnail_drawn (gpointer data)
{
  GtkWidget *picture = cp_test_find_widget (data, GTK_TYPE_PICTURE, NULL);

  return picture != NULL && gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

typedef struct
{
  GtkSingleSelection *selection;
  guint               position;
} SelectedWait;

static gboolean
thumbnail_selected (gpointer data)
{
  SelectedWait *wait = data;

  return gtk_single_selection_get_selected (wait->selection) == wait->position;
}

static void
test_thumbnails (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *thumbs;
  CpPdfView *view;
  SelectedWait wait;

  open_and_wait (f, fx->sample);
  view = cp_pdf_viewer_get_view (f->viewer);
  /* The sidebar is hidden, so neither styled nor measured, until first revealed. */
  thumbs = cp_test_find_named (GTK_WIDGET (f->viewer), "thumbnails");
  g_assert_nonnull (thumbs);
  g_assert_false (gtk_widget_is_visible (thumbs));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->viewer), "viewer.toggle-outline", NULL));
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (gtk_widget_get_parent (thumbs),
                                                                        GTK_TYPE_STACK)),
                                    "pages");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_drawable (thumbs));

  /* One per page, drawn on the worker. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (thumbs)))),
                    ==, 4);
  g_assert_true (cp_test_wait_until (thumbnail_drawn, thumbs));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer-thumbnails.png");

  /* Choosing one goes there; the current page is the one selected. */
  g_signal_emit_by_name (thumbs, "activate", 2);
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 2);
  wait.selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (thumbs)));
  wait.position = 2;
  g_assert_true (cp_test_wait_until (thumbnail_selected, &wait));
  cp_pdf_view_set_page (view, 3);
  wait.position = 3;
  g_assert_true (cp_test_wait_until (thumbnail_selected, &wait));
}

static void
test_external_link (Fixture       *f,
                    gconstpointer  data)
{
  CpPdfLink link = { CP_PDF_LINK_EXTERNAL, { 0, 0, 10, 10 }, -1, -1, NULL,
                     (char *) "https://example.org/cpkit" };
  AdwMessageDialog *dialog;

  open_and_wait (f, fx->sample);

  /* A link out of the app asks first, naming where it goes. */
  cp_pdf_view_activate_link (cp_pdf_viewer_get_view (f->viewer), &link);
  dialog = cp_test_wait_for_dialog (NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Open Link?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "example.org"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  cp_test_respond (dialog, "cancel");
  /* Still on the same page: nothing was followed inside the document either. */
  g_assert_cmpuint (cp_pdf_view_get_page (cp_pdf_viewer_get_view (f->viewer)), ==, 0);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gboolean                *done)
{
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  *done = TRUE;
}

static void
test_print_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) document = cp_test_pdf_open_ok (fx->sample);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(CpPdfDocument) printed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  GtkPageRange range = { 1, 2 };   /* pages 2–3, 0-based */
  GtkPrintOperationResult run;
  gboolean done = FALSE;

  operation = cp_pdf_print_operation_new_for_ranges (document, &range, 1);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), &done);

  /* Drawn on the worker: the run returns at once and finishes on the main loop. */
  run = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  if (run == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    cp_test_wait_for (&done);
  else
    g_assert_cmpint (run, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The file holds exactly the two pages asked for, with their text. */
  printed = cp_test_pdf_open_ok (path);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (printed), ==, 2);
  cp_pdf_document_get_text_async (printed, 0, CP_PDF_PRIORITY_DEFAULT, NULL,
                                  cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  text = cp_pdf_document_get_text_finish (printed, result, &error);
  g_assert_no_error (error);
  /* (Printing may lay the words out anew: a word is what is checked.) */
  g_assert_nonnull (strstr (text, "bravo"));
  g_assert_null (strstr (text, "alpha"));
  g_clear_object (&result);
  g_free (text);
  cp_pdf_document_get_text_async (printed, 1, CP_PDF_PRIORITY_DEFAULT, NULL,
                                  cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  text = cp_pdf_document_get_text_finish (printed, result, &error);
  g_assert_nonnull (strstr (text, "charlie"));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(path, func) \
  g_test_add ("/cp/pdf/viewer/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("find", test_find);
  ADD ("go-to-page", test_go_to_page);
  ADD ("bad-input", test_bad_input);
  ADD ("password", test_password);
  ADD ("many-pages", test_many_pages);
  ADD ("huge-page", test_huge_page);
  ADD ("view-menu", test_view_menu);
  ADD ("loading", test_loading);
  ADD ("thumbnails", test_thumbnails);
  ADD ("external-link", test_external_link);
#undef ADD
  g_test_add_func ("/cp/pdf/viewer/print-range", test_print_range);

  return cp_test_pdf_run (fx);
}
