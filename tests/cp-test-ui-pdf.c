/* cp-test-ui-pdf.c: the PDF view, the viewer and the Library page in the widget tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-test-ui"

#include "cp-test-ui.h"

/* ---- Waiting on a view and a viewer -------------------------------------------------- */

gboolean
cp_test_pdf_view_settled (gpointer data)
{
  CpPdfView *view = data;

  return gtk_widget_get_mapped (GTK_WIDGET (view)) &&
         gtk_widget_get_width (GTK_WIDGET (view)) > 0 &&
         cp_pdf_view_get_n_pending (view) == 0;
}

typedef struct
{
  CpPdfView *view;
  guint      quiet;
} QuietWait;

static gboolean
quiet_for_a_while (gpointer data)
{
  QuietWait *w = data;

  w->quiet = cp_pdf_view_get_n_pending (w->view) == 0 ? w->quiet + 1 : 0;
  return w->quiet >= 5;
}

void
cp_test_pdf_view_wait_settled (CpPdfView *view)
{
  QuietWait w = { view, 0 };

  /* A change of zoom or sizing lays out on the next frame: let one be drawn first, or
   * a busy machine can find no render pending before the layout even ran. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  g_assert_true (cp_test_wait_until (quiet_for_a_while, &w));
}

typedef struct
{
  CpPdfView *view;
  guint      page;
} PageWait;

static gboolean
view_on_page (gpointer data)
{
  PageWait *w = data;

  return cp_pdf_view_get_page (w->view) == w->page && cp_test_pdf_view_settled (w->view);
}

void
cp_test_pdf_view_wait_for_page (CpPdfView *view,
                                guint      page)
{
  PageWait w = { view, page };

  /* Finding a bookmark's text again searches the whole manual: long under ASan. */
  g_assert_true (cp_test_wait_until_timeout (view_on_page, &w, CP_TEST_WAIT_LONG_S));
  cp_test_flush_main_context ();
}

static gboolean
viewer_loaded (gpointer viewer)
{
  return cp_pdf_viewer_get_loaded (viewer);
}

void
cp_test_pdf_viewer_wait_loaded (CpPdfViewer *viewer)
{
  g_assert_true (cp_test_wait_until (viewer_loaded, viewer));
}

static gboolean
viewer_find_done (gpointer viewer)
{
  return cp_pdf_viewer_get_find_done (viewer);
}

void
cp_test_pdf_viewer_wait_find_done (CpPdfViewer *viewer)
{
  g_assert_true (cp_test_wait_until_timeout (viewer_find_done, viewer, CP_TEST_WAIT_LONG_S));
}

/* ---- A view in a window -------------------------------------------------------------- */

void
cp_test_pdf_view_set_up (CpTestPdfView *f,
                         gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->document = cp_test_pdf_open_ok (data);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 700);
  f->view = CP_PDF_VIEW (cp_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  cp_pdf_view_set_document (f->view, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >, 500);
}

void
cp_test_pdf_view_tear_down (CpTestPdfView *f,
                            gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
}

/* ---- The Library page ---------------------------------------------------------------- */

void
cp_test_library_show (CpTestLibrary *f,
                      int            width)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, width, 760);
  f->page = g_object_ref_sink (cp_library_page_new (f->ws.store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
}

void
cp_test_library_hide (CpTestLibrary *f)
{
  g_clear_pointer (&f->window, gtk_window_destroy);
  g_clear_object (&f->page);
  cp_test_flush_main_context ();
}

void
cp_test_library_set_up (CpTestLibrary *f,
                        gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "workspace.cpkit");
  cp_test_library_show (f, 1000);
}

void
cp_test_library_tear_down (CpTestLibrary *f,
                           gconstpointer  data)
{
  cp_test_library_hide (f);
  cp_test_workspace_clear (&f->ws);
}

CpPdfViewer *
cp_test_library_open_training (CpTestLibrary *f,
                               const char    *dest)
{
  CpPdfViewer *viewer = cp_library_page_get_viewer (f->page);
  CpPdfView *view = cp_pdf_viewer_get_view (viewer);

  g_assert_true (cp_library_page_open (f->page, "training-manual", dest));
  cp_test_pdf_viewer_wait_loaded (viewer);
  /* A first frame, then every visible page rendered; the view asks for pages when it is
   * drawn, so once more after they came. */
  for (int i = 0; i < 2; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (cp_test_wait_until (cp_test_pdf_view_settled, view));
    }
  cp_test_flush_main_context ();
  return viewer;
}

gboolean
cp_test_library_covers_rendered (gpointer data)
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
