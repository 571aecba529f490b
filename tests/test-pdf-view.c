/* test-pdf-view.c: CpPdfView under Xvfb, what the reader sees: rendered pages, zoom,
 * the page following scrolling, placeholders while pages render, the view's actions, night
 * mode, rotation, dual pages and tiles
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-view"

#include "cp-test-ui.h"
#include "pdf/cp-pdf-document-private.h"
#include "pdf/cp-pdf-view-private.h"

static CpTestPdfFixtures *fx;

typedef CpTestPdfView Fixture;

static void
block_at (CpPdfView *view,
          guint      page,
          double    *x,
          double    *y)
{
  g_assert_true (cp_pdf_view_page_to_widget (view, page, SAMPLE_BLOCK_X + 10,
                                             SAMPLE_BLOCK_Y + 10, x, y));
}

static void
test_renders (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = cp_test_render_widget (GTK_WIDGET (f->view));
  CpTestPixels p;
  double bx, by, px, py;

  g_assert_cmpint (cp_pdf_view_get_sizing_mode (f->view), ==, CP_PDF_SIZING_FIT_WIDTH);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  cp_test_pixels_init (&p, texture);

  /* The black block and the white paper of page 1, where the layout says. */
  block_at (f->view, 0, &bx, &by);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, bx, by, 20, 20), <, 20);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 400, 700, &px, &py));
  g_assert_cmpfloat (cp_test_pixels_gray (&p, px, py, 30, 30), >, 245);
  /* Fit width: the page spans the view less its margins. */
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_WIDTH, 0, &px, &py));
  g_assert_cmpfloat (px, >, gtk_widget_get_width (GTK_WIDGET (f->view)) - 20);
  cp_test_pixels_clear (&p);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double x0, y0, x1, y1, zoom, width_before, width_after;
  CpTestPixels p;

  zoom = cp_pdf_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >, 0.5);
  g_assert_cmpfloat (zoom, <, 1.0);
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, 100, 0, &x1, &y1);
  width_before = x1 - x0;

  cp_pdf_view_set_zoom (f->view, 2 * zoom);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (f->view), ==, CP_PDF_SIZING_FREE);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), 2 * zoom, 1e-6);
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, 100, 0, &x1, &y1);
  width_after = x1 - x0;
  g_assert_cmpfloat_with_epsilon (width_after / width_before, 2.0, 0.01);

  /* What is drawn follows: the block is still black where it now is. */
  cp_pdf_view_scroll_to_location (f->view, 0, SAMPLE_BLOCK_Y - 20);
  cp_test_pdf_view_wait_settled (f->view);
  texture = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, texture);
  block_at (f->view, 0, &x0, &y0);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, MAX (x0, 0), y0, 20, 20), <, 20);
  cp_test_pixels_clear (&p);

  /* Steps and limits. */
  cp_pdf_view_set_zoom (f->view, 1.0);
  cp_pdf_view_zoom_in (f->view);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), 1.1, 1e-6);
  cp_pdf_view_zoom_out (f->view);
  cp_pdf_view_zoom_out (f->view);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), 0.9, 1e-6);
  cp_pdf_view_set_zoom (f->view, 10);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), CP_PDF_VIEW_MAX_ZOOM, 1e-6);
  cp_pdf_view_set_zoom (f->view, 0.01);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), CP_PDF_VIEW_MIN_ZOOM, 1e-6);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_page_follows_scroll (Fixture       *f,
                          gconstpointer  data)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  guint notified = 0;
  double x, y;

  g_signal_connect (f->view, "notify::page", G_CALLBACK (notify_count_cb), &notified);

  g_assert_true (cp_pdf_view_page_to_widget (f->view, 2, 0, 0, &x, &y));
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + y);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj));
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 3);
  g_assert_cmpuint (notified, ==, 2);

  /* Plain scrolling is not history. */
  g_assert_false (cp_pdf_view_get_can_go_back (f->view));
  g_signal_handlers_disconnect_by_func (f->view, notify_count_cb, &notified);
}

/* A job that holds the worker until released (white box: the test pushes
 * it straight onto the worker's queue). */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean released;
} Gate;

static gboolean
gate_job (CpPdfJob *job)
{
  Gate *gate = job->data;

  g_mutex_lock (&gate->mutex);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
  return TRUE;
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->released = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* While a page renders, the page at the previous zoom stands in, or else a
 * light grey placeholder of its size. */
static void
test_placeholder (Fixture       *f,
                  gconstpointer  data)
{
  Gate gate = { .released = FALSE };
  CpPdfJob *job = _cp_pdf_job_new (NULL, G_MININT, gate_job);
  g_autoptr(GdkTexture) stretched = NULL;
  g_autoptr(GdkTexture) waiting = NULL;
  g_autoptr(GdkTexture) done = NULL;
  double x, y;
  CpTestPixels p;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  job->data = &gate;
  _cp_pdf_worker_push (job);

  /* A new zoom: until page 1 arrives at it, the page at the old zoom
   * stands in, stretched (the black block is where it belongs). */
  cp_pdf_view_set_zoom (f->view, 0.5);
  while (cp_pdf_view_get_n_pending (f->view) == 0)
    g_main_context_iteration (NULL, TRUE);
  stretched = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, stretched);
  block_at (f->view, 0, &x, &y);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x, y, 10, 10), <, 30);
  cp_test_pixels_clear (&p);

  /* Rotated, nothing can stand in: a light grey placeholder of the page's
   * size (blank paper in the middle of the page shows grey). */
  cp_pdf_view_set_rotation (f->view, 180);
  while (cp_pdf_view_get_n_pending (f->view) == 0)
    g_main_context_iteration (NULL, TRUE);
  waiting = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, waiting);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 300, 430, &x, &y));
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x - 40, y - 60, 30, 20), >, 225);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x - 40, y - 60, 30, 20), <, 245);
  cp_test_pixels_clear (&p);

  gate_open (&gate);
  cp_test_pdf_view_wait_settled (f->view);
  done = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, done);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x - 40, y - 60, 30, 20), >, 250);
  cp_test_pixels_clear (&p);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

/* Reopening at the last page read: before the view was ever shown, a jump
 * is not history. */
static void
test_open_at_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open (fx->sample, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  CpPdfView *view = CP_PDF_VIEW (cp_pdf_view_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  cp_pdf_view_set_document (view, doc);
  cp_pdf_view_set_page (view, 2);
  gtk_window_present (GTK_WINDOW (window));
  cp_test_pdf_view_wait_settled (view);

  g_assert_cmpuint (cp_pdf_view_get_page (view), ==, 2);
  g_assert_false (cp_pdf_view_get_can_go_back (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  double zoom = cp_pdf_view_get_zoom (f->view);

  g_assert_true (gtk_widget_activate_action (widget, "pdf.zoom-in", NULL));
  g_assert_cmpfloat (cp_pdf_view_get_zoom (f->view), >, zoom);
  g_assert_true (gtk_widget_activate_action (widget, "pdf.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), 1.0, 1e-6);
  g_assert_true (gtk_widget_activate_action (widget, "pdf.rotate-right", NULL));
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 90);
  g_assert_true (gtk_widget_activate_action (widget, "pdf.rotate-left", NULL));
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 0);
  cp_test_pdf_view_wait_settled (f->view);

  /* Setting the page is a jump: it can be undone with Back. */
  g_assert_false (cp_pdf_view_get_can_go_back (f->view));
  cp_pdf_view_set_page (f->view, 3);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 3);
  g_assert_true (gtk_widget_activate_action (widget, "pdf.go-back", NULL));
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), <, 1);

  /* Fit page shows a whole page. */
  cp_pdf_view_set_sizing_mode (f->view, CP_PDF_SIZING_FIT_PAGE);
  cp_test_pdf_view_wait_settled (f->view);
  {
    double x0, y0, x1, y1;

    cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
    cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT, &x1, &y1);
    g_assert_cmpfloat (y1 - y0, <=, gtk_widget_get_height (widget));
    g_assert_cmpfloat (y1 - y0, >, gtk_widget_get_height (widget) - 30);
  }
}

static void
test_night_mode (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double bx, by, px, py;
  CpTestPixels p;

  cp_pdf_view_set_night_mode (f->view, TRUE);
  g_assert_true (cp_pdf_view_get_night_mode (f->view));
  cp_test_pdf_view_wait_settled (f->view);
  texture = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, texture);

  /* White paper turns dark and the black block turns light. */
  block_at (f->view, 0, &bx, &by);
  cp_pdf_view_page_to_widget (f->view, 0, 400, 700, &px, &py);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, px, py, 30, 30), <, 20);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, bx, by, 20, 20), >, 235);
  cp_test_pixels_clear (&p);
}

static void
test_rotation_dual (Fixture       *f,
                    gconstpointer  data)
{
  double x0, y0, x1, y1, x2, y2;
  g_autoptr(GdkTexture) texture = NULL;
  CpTestPixels p;

  cp_pdf_view_set_rotation (f->view, 90);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 90);
  /* The page's top-left corner is now at the top right. */
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT, &x1, &y1);
  g_assert_cmpfloat (x0, >, x1);
  g_assert_cmpfloat (y0, <, y1);
  g_assert_cmpfloat (x0 - x1, >, y1 - y0);
  texture = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, texture);
  cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_BLOCK_X + 10, SAMPLE_BLOCK_Y + 10, &x2, &y2);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x2 - 20, y2, 15, 15), <, 20);
  cp_test_pixels_clear (&p);

  cp_pdf_view_set_rotation (f->view, 360);
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 0);

  cp_pdf_view_set_dual_page (f->view, TRUE);
  cp_test_pdf_view_wait_settled (f->view);
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 1, 0, 0, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (y0, y1, 0.5);
  g_assert_cmpfloat (x1, >, x0);
}

static void
test_tiles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkAdjustment *hadj;
  double x, y;
  CpTestPixels p;

  /* 5000 pt at 400 % is 26,667 px: only tiles can show it. */
  cp_pdf_view_set_zoom (f->view, CP_PDF_VIEW_MAX_ZOOM);
  cp_pdf_view_scroll_to_location (f->view, 0, 2400);
  cp_test_pdf_view_wait_settled (f->view);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 2000, 2500, &x, &y));
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + x - 200);
  cp_test_pdf_view_wait_settled (f->view);
  texture = cp_test_render_widget (GTK_WIDGET (f->view));
  cp_test_pixels_init (&p, texture);

  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 2010, 2500, &x, &y));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (x, >, 100);
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x, y, 30, 30), <, 20);
  /* Left of the block's edge, still white paper. */
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 1980, 2500, &x, &y));
  g_assert_cmpfloat (cp_test_pixels_gray (&p, x - 30, y, 20, 20), >, 245);
  cp_test_pixels_clear (&p);
}

/* TRUE when every page in view can be drawn from a texture at the view's scale: no grey
 * placeholder shows. */
static gboolean
pages_in_view_ready (CpPdfView *view)
{
  guint first, last;

  _cp_pdf_view_visible_range (view, &first, &last);
  for (guint page = first; page <= last; page++)
    {
      CpPdfRenderSpec spec = { .page = page, .scale = view->scale, .rotation = view->rotation };

      if (cp_pdf_cache_lookup (view->cache, view->document, &spec) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Paging down a long document: the page scrolled to is there before it shows (no grey
 * placeholder flashes by), and the view keeps only the pages near the viewport, at one
 * scale, however far the reader went. */
static void
test_near_viewport (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  CpPdfRenderSpec spec = { .page = 0 };
  gsize page_bytes;
  double old_scale;
  guint first, last;

  g_assert_cmpint (gtk_widget_get_scale_factor (widget), ==, 1);
  for (guint i = 0; i < 30; i++)
    {
      gtk_test_widget_wait_for_draw (widget);
      cp_test_pdf_view_wait_settled (f->view);
      /* PgDn, looked at before the worker can deliver anything new. */
      _cp_pdf_view_scroll_by (f->view, 0, gtk_widget_get_height (widget) * 0.9);
      g_assert_true (pages_in_view_ready (f->view));
    }
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), >, 18);

  /* Near the viewport: what is in view, two pages ahead, one behind. */
  cp_test_pdf_view_wait_settled (f->view);
  _cp_pdf_view_visible_range (f->view, &first, &last);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (f->view->cache), <=, last - first + 1 + 3);
  spec.scale = f->view->scale;
  spec.page = first;
  page_bytes = (gsize) gdk_texture_get_width (cp_pdf_cache_lookup (f->view->cache,
                                                                   f->document, &spec))
               * gdk_texture_get_height (cp_pdf_cache_lookup (f->view->cache,
                                                              f->document, &spec)) * 4;
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (f->view->cache), <=,
                    (last - first + 1 + 3) * page_bytes);

  /* Zoomed, the pages at the old scale go as soon as the new ones are there. */
  old_scale = f->view->scale;
  cp_pdf_view_set_zoom (f->view, cp_pdf_view_get_zoom (f->view) * 1.25);
  cp_test_pdf_view_wait_settled (f->view);
  gtk_test_widget_wait_for_draw (widget);
  g_assert_true (pages_in_view_ready (f->view));
  _cp_pdf_view_visible_range (f->view, &first, &last);
  for (guint page = first > 0 ? first - 1 : 0; page <= last + 2; page++)
    {
      spec.page = page;
      spec.scale = old_scale;
      g_assert_null (cp_pdf_cache_lookup (f->view->cache, f->document, &spec));
    }
  g_assert_cmpuint (cp_pdf_cache_get_n_items (f->view->cache), <=, last - first + 1 + 3);

  /* Without a document it keeps nothing. */
  cp_pdf_view_set_document (f->view, NULL);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (f->view->cache), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);
  fx = cp_test_pdf_fixtures_new ();

#define ADD(name, func, file) \
  g_test_add ("/cp/pdf/view/" name, Fixture, file, cp_test_pdf_view_set_up, func, \
              cp_test_pdf_view_tear_down)
  ADD ("renders", test_renders, fx->sample);
  ADD ("zoom", test_zoom, fx->sample);
  ADD ("page-follows-scroll", test_page_follows_scroll, fx->sample);
  ADD ("placeholder", test_placeholder, fx->sample);
  ADD ("actions", test_actions, fx->sample);
  ADD ("night-mode", test_night_mode, fx->sample);
  ADD ("rotation-dual", test_rotation_dual, fx->sample);
  ADD ("tiles", test_tiles, fx->huge);
  ADD ("near-viewport", test_near_viewport, fx->many);
#undef ADD
  g_test_add_func ("/cp/pdf/view/open-at-page", test_open_at_page);

  return cp_test_pdf_run (fx);
}
