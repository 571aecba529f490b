/* test-library-reading.c: reading a manual from the Library: it renders, the outline
 * follows scrolling, it reopens where the reader left it, it opens at a destination, and
 * bookmarks and highlights are kept
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-library-reading"

#include "cp-test-ui.h"
#include "store/cp-store-library.h"

#define TRAINING_KEY "manual:training-manual"

typedef CpTestLibrary Fixture;

static void
test_open_renders (Fixture       *f,
                   gconstpointer  data)
{
  CpPdfViewer *viewer = cp_test_library_open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  GtkWidget *title;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 300);
  /* The cover page's text is on screen. */
  g_assert_cmpuint (cp_test_count_dark_pixels (GTK_WIDGET (view)), >, 500);
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 0);

  title = cp_test_find_widget (GTK_WIDGET (viewer), ADW_TYPE_WINDOW_TITLE, NULL);
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==,
                   "Connecting People: a training manual");
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer.png");

  /* Back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "library.show-list", NULL));
  cp_test_flush_main_context ();
}

typedef struct
{
  CpPdfViewer *viewer;
  const char  *title;
} SectionWait;

static gboolean
section_is (gpointer data)
{
  SectionWait *wait = data;
  CpPdfOutlineItem *item = cp_pdf_viewer_get_current_section (wait->viewer);

  return item != NULL && g_strcmp0 (cp_pdf_outline_item_get_title (item), wait->title) == 0;
}

static void
test_outline_follows (Fixture       *f,
                      gconstpointer  data)
{
  CpPdfViewer *viewer = cp_test_library_open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  GListModel *outline = cp_pdf_document_get_outline (cp_pdf_viewer_get_document (viewer));
  GtkListBox *list;
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n = g_list_model_get_n_items (outline);
  guint checked = 0;

  g_assert_cmpuint (n, >=, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.toggle-outline", NULL));
  cp_test_flush_main_context ();
  list = GTK_LIST_BOX (cp_test_find_named (GTK_WIDGET (viewer), "outline-list"));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));

  /* Scroll (as the reader does, by the scroll bar) to the start of later chapters: the
   * chapter's entry becomes the selected row. */
  for (guint i = n - 1; i >= 2 && checked < 3; i--)
    {
      g_autoptr(CpPdfOutlineItem) item = g_list_model_get_item (outline, i);
      SectionWait wait = { viewer, cp_pdf_outline_item_get_title (item) };
      int page = cp_pdf_outline_item_get_page (item);
      double x, y;
      GtkListBoxRow *selected;

      if (page < 0)
        continue;
      g_assert_true (cp_pdf_view_page_to_widget (view, (guint) page, 0,
                                                 MAX (0, cp_pdf_outline_item_get_top (item)),
                                                 &x, &y));
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + y - 10);
      g_assert_true (cp_test_wait_until (section_is, &wait));
      selected = gtk_list_box_get_selected_row (list);
      g_assert_nonnull (selected);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, wait.title);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer-outline.png");

  /* Choosing an entry goes there, and Back returns. */
  {
    g_autoptr(CpPdfOutlineItem) first = g_list_model_get_item (outline, 1);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    int first_page;

    for (int i = 0; row != NULL; row = gtk_list_box_get_row_at_index (list, ++i))
      {
        if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)),
                       cp_pdf_outline_item_get_title (first)) == 0)
          break;
      }
    g_assert_nonnull (row);
    first_page = cp_pdf_outline_item_get_page (first);
    g_signal_emit_by_name (row, "activate");
    cp_test_pdf_view_wait_for_page (view, (guint) first_page);
    g_assert_true (cp_pdf_view_get_can_go_back (view));
  }
}

static void
test_reopens_at_last_page (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CpPdfViewer *viewer = cp_test_library_open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  GtkWidget *row;
  CpLibraryViewState state;
  gboolean found = FALSE;
  guint n_pages = cp_pdf_document_get_n_pages (cp_pdf_viewer_get_document (viewer));
  g_autofree char *expected = NULL;

  g_assert_cmpuint (n_pages, >, 6);
  /* Night mode follows the desktop until chosen for this document. */
  g_assert_false (cp_pdf_view_get_night_mode (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.night-mode", NULL));
  g_assert_true (cp_pdf_view_get_night_mode (view));
  cp_pdf_view_set_zoom (view, 1.5);
  cp_pdf_view_set_page (view, 5);
  cp_test_pdf_view_wait_for_page (view, 5);
  cp_library_page_show_list (f->page);

  /* The list shows how far the reader got. */
  row = cp_library_page_get_row (f->page, "training-manual");
  expected = g_strdup_printf ("Page 6 of %u", n_pages);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* Close the window and the workspace; open both again. */
  cp_test_library_hide (f);
  cp_test_workspace_reopen (&f->ws);
  g_assert_true (cp_store_library_get_view (f->ws.store, TRAINING_KEY, &state, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (state.last_page, ==, 5);

  cp_test_library_show (f, 1000);
  viewer = cp_test_library_open_training (f, NULL);
  view = cp_pdf_viewer_get_view (viewer);
  cp_test_pdf_view_wait_for_page (view, 5);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (view), 1.5, 1e-6);
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (view), ==, CP_PDF_SIZING_FREE);
  g_assert_true (cp_pdf_view_get_night_mode (view));
  g_assert_cmpint (state.night_mode, ==, CP_LIBRARY_NIGHT_ON);
  /* Reopening is not a jump: nothing to go back to. */
  g_assert_false (cp_pdf_view_get_can_go_back (view));
}

static void
dest_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  int *page = user_data;
  guint p = 0;
  double top;

  if (cp_pdf_document_find_dest_finish (CP_PDF_DOCUMENT (source), result, &p, &top, NULL))
    *page = (int) p;
  else
    *page = -2;
}

static gboolean
int_set (gpointer data)
{
  return *(int *) data != -1;
}

static void
test_open_at_dest (Fixture       *f,
                   gconstpointer  data)
{
  CpPdfViewer *viewer = cp_test_library_open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  int assess_page = -1;

  cp_pdf_document_find_dest_async (cp_pdf_viewer_get_document (viewer), "assess", NULL,
                                   dest_cb, &assess_page);
  g_assert_true (cp_test_wait_until (int_set, &assess_page));
  g_assert_cmpint (assess_page, >, 0);

  cp_library_page_show_list (f->page);
  g_assert_true (cp_library_page_open (f->page, "manual:training-manual", "assess"));
  cp_test_pdf_view_wait_for_page (view, (guint) assess_page);

  /* By page number, and Ctrl+G with a number. */
  g_assert_true (cp_library_page_open (f->page, "training-manual", "page=3"));
  cp_test_pdf_view_wait_for_page (view, 2);
  g_assert_true (cp_pdf_viewer_go_to_page_text (viewer, "5"));
  cp_test_pdf_view_wait_for_page (view, 4);
  g_assert_false (cp_pdf_viewer_go_to_page_text (viewer, "99999"));
  g_assert_false (cp_pdf_viewer_go_to_page_text (viewer, "no such label"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 4);

  /* Alt+Left goes back through the jumps. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.go-back", NULL));
  cp_test_pdf_view_wait_for_page (view, 2);
}

static GtkWidget *
marks_list (CpPdfViewer *viewer)
{
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (viewer), "marks-list");

  g_assert_nonnull (list);
  return list;
}

static void
test_bookmark_persists (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  CpPdfViewer *viewer = cp_test_library_open_training (f, "assess");
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  guint assess_page;
  GtkWidget *row, *note, *search;
  CpLibraryMark *mark;

  g_assert_true (cp_test_wait_until (cp_test_pdf_view_settled, view));
  assess_page = cp_pdf_view_get_page (view);
  g_assert_cmpuint (assess_page, >, 0);

  /* Ctrl+D: a bookmark, anchored by the section's destination and the first line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.add-bookmark", NULL));
  cp_test_wait_for_rows (marks_list (viewer), 1);
  marks = cp_store_library_list_marks (f->ws.store, TRAINING_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpuint (mark->page, ==, assess_page);
  g_assert_cmpstr (mark->dest, ==, "assess");
  g_assert_cmpstr (mark->quote, !=, "");
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Add bookmark");

  /* A note, typed in the list: saved as it is typed, one undo step. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (marks_list (viewer)), 0));
  note = cp_test_find_named (row, "mark-note");
  g_assert_nonnull (note);
  cp_test_type_text (GTK_EDITABLE (note), "Read before Tuesday");
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = cp_store_library_list_marks (f->ws.store, TRAINING_KEY, "tuesday", &error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((CpLibraryMark *) g_ptr_array_index (marks, 0))->note, ==,
                   "Read before Tuesday");
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Edit note");
  cp_test_save_screenshot (GTK_WIDGET (f->window), "viewer-bookmarks.png");

  /* Close everything; open the workspace and the manual again elsewhere. */
  cp_test_library_hide (f);
  cp_test_workspace_reopen (&f->ws);
  cp_test_library_show (f, 1000);
  viewer = cp_test_library_open_training (f, "page=1");
  view = cp_pdf_viewer_get_view (viewer);
  cp_test_pdf_view_wait_for_page (view, 0);

  /* Still there, with its note; choosing it goes back to its place. */
  cp_test_wait_for_rows (marks_list (viewer), 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (marks_list (viewer)), 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cp_test_find_named (row, "mark-note"))), ==,
                   "Read before Tuesday");
  g_signal_emit_by_name (row, "activate");
  cp_test_pdf_view_wait_for_page (view, assess_page);

  /* Searchable: a word from nowhere hides it. */
  search = cp_test_find_named (GTK_WIDGET (viewer), "marks-list");
  search = gtk_widget_get_ancestor (search, GTK_TYPE_BOX);
  search = gtk_widget_get_first_child (search);
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "okapi");
  cp_test_wait_for_rows (marks_list (viewer), 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "tuesday");
  cp_test_wait_for_rows (marks_list (viewer), 1);
}

static gboolean
selection_has_text (gpointer data)
{
  g_autofree char *text = cp_pdf_view_dup_selected_text (data);

  return text != NULL && *text != '\0';
}

/* Selecting text and choosing Highlight saves where the lines are, on that page. */
static void
test_highlight_saves_lines (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  CpPdfViewer *viewer = cp_test_library_open_training (f, "assess");
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  g_auto(GStrv) lines = NULL;
  CpLibraryMark *mark;
  double x1, y1, x2, y2;
  guint page;

  g_assert_true (cp_test_wait_until (cp_test_pdf_view_settled, view));
  page = cp_pdf_view_get_page (view);
  cp_pdf_view_page_to_widget (view, page, 60, 80, &x1, &y1);
  cp_pdf_view_page_to_widget (view, page, 540, 200, &x2, &y2);
  cp_pdf_view_select_between (view, x1, y1, x2, y2);
  g_assert_true (cp_test_wait_until (selection_has_text, view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.add-highlight", NULL));
  cp_test_wait_for_rows (marks_list (viewer), 1);
  marks = cp_store_library_list_marks (f->ws.store, TRAINING_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpint (mark->kind, ==, CP_LIBRARY_MARK_HIGHLIGHT);
  g_assert_cmpuint (mark->page, ==, page);
  /* "x y w h;x y w h;…": one rectangle per selected line. */
  lines = g_strsplit (mark->rects, ";", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cp/library/reading/" path, Fixture, NULL, cp_test_library_set_up, func, \
              cp_test_library_tear_down)
  ADD ("open-renders", test_open_renders);
  ADD ("outline-follows-scrolling", test_outline_follows);
  ADD ("reopens-at-last-page", test_reopens_at_last_page);
  ADD ("open-at-dest", test_open_at_dest);
  ADD ("bookmark-persists", test_bookmark_persists);
  ADD ("highlight-saves-lines", test_highlight_saves_lines);
#undef ADD

  status = g_test_run ();
  cp_pdf_document_shutdown ();
  return status;
}
