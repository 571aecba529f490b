/* test-library-page.c: the Library section and the viewer on the bundled manuals
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cp-test-ui.h"
#include "library/cp-library-page.h"
#include "pdf/cp-pdf-viewer.h"
#include "store/cp-store-library.h"
#include "test-pdf-fixtures.h"

#define TRAINING_KEY "manual:training-manual"

static CpTestPdfFixtures *fx;

typedef struct
{
  char          *dir;
  char          *path;
  CpStore       *store;
  GtkWindow     *window;
  CpLibraryPage *page;
} Fixture;

static void
show_page (Fixture *f,
           int      width)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, 760);
  f->page = g_object_ref_sink (cp_library_page_new (f->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

static void
hide_page (Fixture *f)
{
  g_clear_pointer (&f->window, gtk_window_destroy);
  g_clear_object (&f->page);
  cp_test_flush_main_context ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "workspace.cpkit", NULL);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  show_page (f, 1000);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  hide_page (f);
  cp_store_close (f->store);
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- Waiting -------------------------------------------------------------------------- */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Finding words in every page of three manuals takes longer than
 * cp_test_wait_until () waits under the sanitizers: the same polling, longer. */
static gboolean
wait_long (gboolean (*condition) (gpointer data),
           gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return condition (data);
}

static gboolean
viewer_loaded (gpointer data)
{
  return cp_pdf_viewer_get_loaded (data);
}

static gboolean
view_settled (gpointer data)
{
  CpPdfView *view = data;

  return gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gtk_widget_get_width (GTK_WIDGET (view)) > 0 &&
         cp_pdf_view_get_n_pending (view) == 0;
}

static CpPdfViewer *
open_training (Fixture    *f,
               const char *dest)
{
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);

  g_assert_true (cp_library_page_open (f->page, "training-manual", dest));
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
  /* A first frame, then every visible page rendered. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_test_wait_until (view_settled, cp_pdf_viewer_get_view (viewer)));
  /* The view asks for pages when it is drawn: once more after they came. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_test_wait_until (view_settled, cp_pdf_viewer_get_view (viewer)));
  cp_test_flush_main_context ();
  return viewer;
}

typedef struct
{
  CpPdfView *view;
  guint      page;
} PageWait;

static gboolean
view_on_page (gpointer data)
{
  PageWait *wait = data;

  return cp_pdf_view_get_page (wait->view) == wait->page && view_settled (wait->view);
}

static void
wait_for_page (CpPdfView *view,
               guint      page)
{
  PageWait wait = { view, page };

  /* Finding a bookmark's text again searches the whole manual: longer under ASan. */
  g_assert_true (wait_long (view_on_page, &wait));
  cp_test_flush_main_context ();
}

static guint
count_dark_pixels (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      /* Cairo ARGB32 in memory order B, G, R, A on little-endian. */
      guchar *p = pixels + i * 4;

      if (p[3] > 200 && p[0] < 80 && p[1] < 80 && p[2] < 80)
        dark++;
    }
  return dark;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("CPKIT_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  cp_test_save_screenshot (widget, path);
}

/* ---- Tests ------------------------------------------------------------------------------- */

static gboolean
covers_rendered (gpointer data)
{
  CpLibraryPage *page = data;
  const char * const ids[] = { "training-manual", "your-guide", "your-guide-large-print" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *row = cp_library_page_get_row (page, ids[i]);
      GtkWidget *picture = cp_test_find_widget (row, GTK_TYPE_PICTURE, NULL);

      if (picture == NULL || gtk_picture_get_paintable (GTK_PICTURE (picture)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
test_lists_manuals (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *list = cp_test_find_named (GTK_WIDGET (f->page), "manuals-list");
  GtkWidget *row;
  guint n_rows = 0;

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 3);

  /* Each has its cover, rendered on the worker, and the manual's own title. */
  g_assert_true (cp_test_wait_until (covers_rendered, f->page));
  row = cp_library_page_get_row (f->page, "training-manual");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Connecting People: a training manual");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "not opened yet"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_screenshot (GTK_WIDGET (f->window), "library-list.png");

  g_assert_false (cp_library_page_open (f->page, "no-such-manual", NULL));
}

static void
test_open_renders (Fixture       *f,
                   gconstpointer  data)
{
  CpPdfViewer *viewer = open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  GtkWidget *title;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 300);
  /* The cover page's text is on screen. */
  g_assert_cmpuint (count_dark_pixels (GTK_WIDGET (view)), >, 500);
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 0);

  title = cp_test_find_widget (GTK_WIDGET (viewer), ADW_TYPE_WINDOW_TITLE, NULL);
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==,
                   "Connecting People: a training manual");
  save_screenshot (GTK_WIDGET (f->window), "viewer.png");

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
  CpPdfViewer *viewer = open_training (f, NULL);
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
  save_screenshot (GTK_WIDGET (f->window), "viewer-outline.png");

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
    wait_for_page (view, (guint) first_page);
    g_assert_true (cp_pdf_view_get_can_go_back (view));
  }
}

static void
test_reopens_at_last_page (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CpPdfViewer *viewer = open_training (f, NULL);
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
  wait_for_page (view, 5);
  cp_library_page_show_list (f->page);

  /* The list shows how far the reader got. */
  row = cp_library_page_get_row (f->page, "training-manual");
  expected = g_strdup_printf ("Page 6 of %u", n_pages);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* Close the window and the workspace; open both again. */
  hide_page (f);
  cp_store_close (f->store);
  g_clear_object (&f->store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_library_get_view (f->store, TRAINING_KEY, &state, &found, &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpuint (state.last_page, ==, 5);

  show_page (f, 1000);
  viewer = open_training (f, NULL);
  view = cp_pdf_viewer_get_view (viewer);
  wait_for_page (view, 5);
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
  CpPdfViewer *viewer = open_training (f, NULL);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  int assess_page = -1;

  cp_pdf_document_find_dest_async (cp_pdf_viewer_get_document (viewer), "assess", NULL,
                                   dest_cb, &assess_page);
  g_assert_true (cp_test_wait_until (int_set, &assess_page));
  g_assert_cmpint (assess_page, >, 0);

  cp_library_page_show_list (f->page);
  g_assert_true (cp_library_page_open (f->page, "manual:training-manual", "assess"));
  wait_for_page (view, (guint) assess_page);

  /* By page number, and Ctrl+G with a number. */
  g_assert_true (cp_library_page_open (f->page, "training-manual", "page=3"));
  wait_for_page (view, 2);
  g_assert_true (cp_pdf_viewer_go_to_page_text (viewer, "5"));
  wait_for_page (view, 4);
  g_assert_false (cp_pdf_viewer_go_to_page_text (viewer, "99999"));
  g_assert_false (cp_pdf_viewer_go_to_page_text (viewer, "no such label"));
  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 4);

  /* Alt+Left goes back through the jumps. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.go-back", NULL));
  wait_for_page (view, 2);
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  CpPdfViewer *viewer;

  hide_page (f);
  show_page (f, 360);
  g_object_set (f->page, "folded", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_test_wait_until (covers_rendered, f->page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 360);
  save_screenshot (GTK_WIDGET (f->window), "library-list-360.png");

  viewer = open_training (f, NULL);
  /* Still 360 px wide with a document, its title and page in the header. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->page)), <=, 360);
  g_assert_cmpuint (count_dark_pixels (GTK_WIDGET (cp_pdf_viewer_get_view (viewer))), >, 100);
  save_screenshot (GTK_WIDGET (f->window), "viewer-360.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.toggle-outline", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  save_screenshot (GTK_WIDGET (f->window), "viewer-outline-360.png");
}


static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        n++;
    }
  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsWait;

static gboolean
rows_are (gpointer data)
{
  RowsWait *wait = data;

  return n_children (wait->list) == wait->n;
}

static void
wait_for_rows (GtkWidget *list,
               guint      n)
{
  RowsWait wait = { list, n };

  g_assert_true (cp_test_wait_until (rows_are, &wait));
}

static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0)
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (data) != NULL;
}

static guint
n_library_files (Fixture *f)
{
  g_autofree char *folder = cp_store_library_dup_folder (f->store);
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
  GtkWidget *row, *remove, *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (list);
  g_assert_cmpuint (n_children (list), ==, 0);

  /* Not a PDF: a dialog says so, and nothing is added. */
  cp_library_page_import_file (f->page, not_pdf);
  g_assert_true (cp_test_wait_until (dialog_shown, (gpointer) "import-error"));
  dialog = find_toplevel ("import-error");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Not a PDF Document");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_children (list), ==, 0);
  g_assert_cmpuint (n_library_files (f), ==, 0);

  /* A PDF: listed under its title, and it opens. */
  cp_library_page_import_file (f->page, sample);
  wait_for_rows (list, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Sample document");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "4 pages");
  save_screenshot (GTK_WIDGET (f->window), "library-imported.png");
  g_signal_emit_by_name (row, "activated");
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
  g_assert_true (g_str_has_prefix (cp_pdf_viewer_get_key (viewer), "sha256:"));
  cp_library_page_show_list (f->page);

  /* Removing it is undoable; its file stays while undo can bring it back. */
  remove = cp_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  wait_for_rows (list, 0);
  g_assert_cmpuint (n_library_files (f), ==, 1);
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);
  wait_for_rows (list, 1);
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
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
  g_assert_null (cp_pdf_viewer_get_key (viewer));
  g_assert_cmpuint (n_children (list), ==, 0);
  add = cp_test_find_named (GTK_WIDGET (viewer), "add-to-library");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "library.add-current", NULL));
  wait_for_rows (list, 1);
  /* It is now the library's copy that is open, remembered under its key. */
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
  g_assert_true (g_str_has_prefix (cp_pdf_viewer_get_key (viewer), "sha256:"));
  g_assert_false (gtk_widget_get_visible (add));
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
  CpPdfViewer *viewer = open_training (f, "assess");
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  guint assess_page;
  GtkWidget *row, *note, *search;
  CpLibraryMark *mark;

  g_assert_true (cp_test_wait_until (view_settled, view));
  assess_page = cp_pdf_view_get_page (view);
  g_assert_cmpuint (assess_page, >, 0);

  /* Ctrl+D: a bookmark, anchored by the section's destination and the first line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.add-bookmark", NULL));
  wait_for_rows (marks_list (viewer), 1);
  marks = cp_store_library_list_marks (f->store, TRAINING_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = g_ptr_array_index (marks, 0);
  g_assert_cmpuint (mark->page, ==, assess_page);
  g_assert_cmpstr (mark->dest, ==, "assess");
  g_assert_cmpstr (mark->quote, !=, "");
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add bookmark");

  /* A note, typed in the list: saved as it is typed, one undo step. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (marks_list (viewer)), 0));
  note = cp_test_find_named (row, "mark-note");
  g_assert_nonnull (note);
  cp_test_type_text (GTK_EDITABLE (note), "Read before Tuesday");
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = cp_store_library_list_marks (f->store, TRAINING_KEY, "tuesday", &error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpstr (((CpLibraryMark *) g_ptr_array_index (marks, 0))->note, ==,
                   "Read before Tuesday");
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Edit note");
  save_screenshot (GTK_WIDGET (f->window), "viewer-bookmarks.png");

  /* Close everything; open the workspace and the manual again elsewhere. */
  hide_page (f);
  cp_store_close (f->store);
  g_clear_object (&f->store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  show_page (f, 1000);
  viewer = open_training (f, "page=1");
  view = cp_pdf_viewer_get_view (viewer);
  wait_for_page (view, 0);

  /* Still there, with its note; choosing it goes back to its place. */
  wait_for_rows (marks_list (viewer), 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (marks_list (viewer)), 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cp_test_find_named (row, "mark-note"))), ==,
                   "Read before Tuesday");
  g_signal_emit_by_name (row, "activate");
  wait_for_page (view, assess_page);

  /* Searchable: a word from nowhere hides it. */
  search = cp_test_find_named (GTK_WIDGET (viewer), "marks-list");
  search = gtk_widget_get_ancestor (search, GTK_TYPE_BOX);
  search = gtk_widget_get_first_child (search);
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  gtk_editable_set_text (GTK_EDITABLE (search), "okapi");
  wait_for_rows (marks_list (viewer), 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "tuesday");
  wait_for_rows (marks_list (viewer), 1);
}

static gboolean
viewer_find_done (gpointer data)
{
  return cp_pdf_viewer_get_find_done (data);
}

static gboolean
search_done (gpointer data)
{
  return cp_library_page_get_search_done (data);
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
  g_assert_true (cp_test_wait_until (covers_rendered, f->page));

  cp_library_page_search (f->page, "network");
  g_assert_true (wait_long (search_done, f->page));
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
  save_screenshot (GTK_WIDGET (f->window), "library-search.png");

  /* A match opens its manual there, with the words found. */
  g_signal_emit_by_name (hit, "activate");
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
  g_assert_cmpstr (cp_pdf_viewer_get_key (viewer), ==, TRAINING_KEY);
  g_assert_true (wait_long (viewer_find_done, viewer));
  g_assert_cmpuint (cp_pdf_viewer_get_n_find_hits (viewer), >, 0);

  /* Nothing found says so; clearing the search shows the library again. */
  cp_library_page_show_list (f->page);
  cp_library_page_search (f->page, "okapi walrus");
  g_assert_true (wait_long (search_done, f->page));
  g_assert_cmpuint (cp_library_page_get_n_search_hits (f->page), ==, 0);
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LABEL,
                                         "Nothing found in the manuals."));
  cp_library_page_search (f->page, "");
  g_assert_true (gtk_widget_is_drawable (cp_test_find_named (GTK_WIDGET (f->page), "manuals-list")));
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
  CpPdfViewer *viewer = open_training (f, "assess");
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);
  g_auto(GStrv) lines = NULL;
  CpLibraryMark *mark;
  double x1, y1, x2, y2;
  guint page;

  g_assert_true (cp_test_wait_until (view_settled, view));
  page = cp_pdf_view_get_page (view);
  cp_pdf_view_page_to_widget (view, page, 60, 80, &x1, &y1);
  cp_pdf_view_page_to_widget (view, page, 540, 200, &x2, &y2);
  cp_pdf_view_select_between (view, x1, y1, x2, y2);
  g_assert_true (cp_test_wait_until (selection_has_text, view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.add-highlight", NULL));
  wait_for_rows (marks_list (viewer), 1);
  marks = cp_store_library_list_marks (f->store, TRAINING_KEY, NULL, &error);
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
  /* GNOME's title buttons: the 360 px check measures what users get. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(path, func) \
  g_test_add ("/cp/library/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("lists-manuals", test_lists_manuals);
  ADD ("open-renders", test_open_renders);
  ADD ("outline-follows-scrolling", test_outline_follows);
  ADD ("reopens-at-last-page", test_reopens_at_last_page);
  ADD ("open-at-dest", test_open_at_dest);
  ADD ("narrow", test_narrow);
  ADD ("import-and-remove", test_import_and_remove);
  ADD ("open-file-then-add", test_open_file_then_add);
  ADD ("bookmark-persists", test_bookmark_persists);
  ADD ("search-manuals", test_search_manuals);
  ADD ("highlight-saves-lines", test_highlight_saves_lines);
#undef ADD

  status = g_test_run ();
  cp_test_pdf_fixtures_free (fx);
  cp_pdf_document_shutdown ();
  return status;
}
