/* test-pdf-view.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* CpPdfView under Xvfb: it shows rendered pages, zooms, follows scrolling,
 * highlights find hits with a distinct current hit, follows links with
 * history, selects text, night mode, rotation, dual page and tiles. */

#include "config.h"

#include <math.h>

#define G_LOG_DOMAIN "test-pdf-view"

#include <string.h>

#include "pdf/cp-pdf-document-private.h"
#include "pdf/cp-pdf-view.h"
#include "test-pdf-fixtures.h"
#include "test-pdf-util.h"

static CpTestPdfFixtures *fx;

typedef struct
{
  GtkWidget     *window;
  CpPdfView     *view;
  CpPdfDocument *document;
} Fixture;

/* Iterates until the view has nothing in flight for a few turns. */
static void
wait_settled (CpPdfView *view)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, cp_test_wake_cb, NULL);
  guint quiet = 0;

  /* A change of zoom or sizing lays out on the next frame: let one be drawn first, or
   * a busy machine can find no render pending before the layout even ran. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));
  while (quiet < 5)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      quiet = cp_pdf_view_get_n_pending (view) == 0 ? quiet + 1 : 0;
    }
  g_source_remove (wake);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *path = data != NULL ? data : fx->sample;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->document = cp_test_open (path, NULL, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 700);
  f->view = CP_PDF_VIEW (cp_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  cp_pdf_view_set_document (f->view, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_settled (f->view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >, 500);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
}

/* The view as the user sees it, rendered in-process. */
static GdkTexture *
render_view (CpPdfView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GdkTexture *texture;
  const char *dir = g_getenv ("CPKIT_SCREENSHOT_DIR");

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));

  if (dir != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '_');
      g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);

      gdk_texture_save_to_png (texture, file);
    }
  return texture;
}

typedef struct
{
  int    width;
  int    height;
  guchar *data;
} Pixels;

static void
pixels_init (Pixels     *p,
             GdkTexture *texture)
{
  p->width = gdk_texture_get_width (texture);
  p->height = gdk_texture_get_height (texture);
  p->data = g_malloc ((gsize) p->width * p->height * 4);
  gdk_texture_download (texture, p->data, p->width * 4);
}

/* Mean of one channel (B=0, G=1, R=2 in the downloaded BGRA) over a box
 * in widget coordinates. */
static double
mean (Pixels *p,
      double  x,
      double  y,
      double  w,
      double  h,
      int     channel)
{
  double sum = 0;
  int n = 0;

  for (int j = MAX ((int) y, 0); j < MIN ((int) (y + h), p->height); j++)
    for (int i = MAX ((int) x, 0); i < MIN ((int) (x + w), p->width); i++)
      {
        sum += p->data[((gsize) j * p->width + i) * 4 + channel];
        n++;
      }
  g_assert_cmpint (n, >, 0);
  return sum / n;
}

static double
gray (Pixels *p,
      double  x,
      double  y,
      double  w,
      double  h)
{
  return (mean (p, x, y, w, h, 0) + mean (p, x, y, w, h, 1) + mean (p, x, y, w, h, 2)) / 3;
}

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
  g_autoptr(GdkTexture) texture = render_view (f->view);
  Pixels p;
  double bx, by, px, py;

  g_assert_cmpint (cp_pdf_view_get_sizing_mode (f->view), ==, CP_PDF_SIZING_FIT_WIDTH);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  pixels_init (&p, texture);

  /* The black block and the white paper of page 1, where the layout says. */
  block_at (f->view, 0, &bx, &by);
  g_assert_cmpfloat (gray (&p, bx, by, 20, 20), <, 20);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 400, 700, &px, &py));
  g_assert_cmpfloat (gray (&p, px, py, 30, 30), >, 245);
  /* Fit width: the page spans the view less its margins. */
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_WIDTH, 0, &px, &py));
  g_assert_cmpfloat (px, >, gtk_widget_get_width (GTK_WIDGET (f->view)) - 20);
  g_free (p.data);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double x0, y0, x1, y1, zoom, width_before, width_after;
  Pixels p;

  zoom = cp_pdf_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >, 0.5);
  g_assert_cmpfloat (zoom, <, 1.0);
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, 100, 0, &x1, &y1);
  width_before = x1 - x0;

  cp_pdf_view_set_zoom (f->view, 2 * zoom);
  wait_settled (f->view);
  g_assert_cmpint (cp_pdf_view_get_sizing_mode (f->view), ==, CP_PDF_SIZING_FREE);
  g_assert_cmpfloat_with_epsilon (cp_pdf_view_get_zoom (f->view), 2 * zoom, 1e-6);
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, 100, 0, &x1, &y1);
  width_after = x1 - x0;
  g_assert_cmpfloat_with_epsilon (width_after / width_before, 2.0, 0.01);

  /* What is drawn follows: the block is still black where it now is. */
  cp_pdf_view_scroll_to_location (f->view, 0, SAMPLE_BLOCK_Y - 20);
  wait_settled (f->view);
  texture = render_view (f->view);
  pixels_init (&p, texture);
  block_at (f->view, 0, &x0, &y0);
  g_assert_cmpfloat (gray (&p, MAX (x0, 0), y0, 20, 20), <, 20);
  g_free (p.data);

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

typedef struct
{
  GPtrArray *hits;
  gboolean   done;
} Collect;

static void
collect_page_cb (CpPdfDocument *doc,
                 guint          page,
                 GPtrArray     *hits,
                 gpointer       user_data)
{
  Collect *c = user_data;

  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (c->hits, cp_pdf_find_hit_copy (g_ptr_array_index (hits, i)));
}

static void
collect_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Collect *c = user_data;

  g_assert_true (cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, NULL, NULL));
  c->done = TRUE;
}

/* Share of pixels in a widget box that look like the current-hit orange. */
static double
orange_share (Pixels                *p,
              const graphene_rect_t *r)
{
  int n = 0, orange = 0;

  for (int j = (int) r->origin.y + 1; j < (int) (r->origin.y + r->size.height) - 1; j++)
    for (int i = (int) r->origin.x + 1; i < (int) (r->origin.x + r->size.width) - 1; i++)
      {
        guchar *px = p->data + ((gsize) j * p->width + i) * 4;

        if (i < 0 || j < 0 || i >= p->width || j >= p->height)
          continue;
        n++;
        /* BGRA: strong red, middling green, little blue. */
        if (px[2] > 200 && px[1] > 120 && px[1] < 200 && px[0] < 140)
          orange++;
      }
  return n > 0 ? (double) orange / n : 0;
}

static void
hit_rect (CpPdfView       *view,
          GPtrArray       *hits,
          guint            index,
          graphene_rect_t *r)
{
  CpPdfFindHit *hit = g_ptr_array_index (hits, index);
  double x1, y1, x2, y2;

  g_assert_true (cp_pdf_view_page_to_widget (view, hit->page, hit->rect.x, hit->rect.y, &x1, &y1));
  g_assert_true (cp_pdf_view_page_to_widget (view, hit->page, hit->rect.x + hit->rect.width,
                                             hit->rect.y + hit->rect.height, &x2, &y2));
  graphene_rect_init (r, x1, y1, x2 - x1, y2 - y1);
}

static void
test_find_highlight (Fixture       *f,
                     gconstpointer  data)
{
  Collect c = { g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free), FALSE };
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) last = NULL;
  graphene_rect_t r0, r2, r3;
  Pixels p;

  cp_pdf_document_find_async (f->document, "zebrafish", CP_PDF_FIND_DEFAULT, collect_page_cb,
                              &c, NULL, NULL, collect_done_cb, &c);
  cp_test_wait_for (&c.done);
  g_assert_cmpuint (c.hits->len, ==, 4);

  cp_pdf_view_set_find_hits (f->view, c.hits, 0);
  g_assert_cmpint (cp_pdf_view_get_current_hit (f->view), ==, 0);
  wait_settled (f->view);
  first = render_view (f->view);
  pixels_init (&p, first);
  hit_rect (f->view, c.hits, 0, &r0);
  g_assert_cmpfloat (orange_share (&p, &r0), >, 0.3);
  g_free (p.data);

  /* "Next" to the last hit: the view moves to page 3 and the orange moves
   * with it; the other hit on that page is plain yellow. */
  cp_pdf_view_set_current_hit (f->view, 3);
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  last = render_view (f->view);
  pixels_init (&p, last);
  hit_rect (f->view, c.hits, 3, &r3);
  hit_rect (f->view, c.hits, 2, &r2);
  g_assert_cmpfloat (r3.origin.y, >=, 0);
  g_assert_cmpfloat (r3.origin.y + r3.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (orange_share (&p, &r3), >, 0.3);
  g_assert_cmpfloat (orange_share (&p, &r2), <, 0.05);
  g_free (p.data);

  /* Handing the same, grown array over again does not move the view. */
  {
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
    double before;

    gtk_adjustment_set_value (vadj, 0);
    before = gtk_adjustment_get_value (vadj);
    cp_pdf_view_set_find_hits (f->view, c.hits, 3);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, before);
  }

  cp_pdf_view_set_find_hits (f->view, NULL, -1);
  g_assert_cmpint (cp_pdf_view_get_current_hit (f->view), ==, -1);
  g_ptr_array_unref (c.hits);
}

static const CpPdfLink *
wait_link (CpPdfView *view,
           double     px,
           double     py)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, cp_test_wake_cb, NULL);
  const CpPdfLink *link = NULL;
  double x, y;

  while (link == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
      g_assert_true (cp_pdf_view_page_to_widget (view, 0, px, py, &x, &y));
      link = cp_pdf_view_get_link_at (view, x, y);
    }
  g_source_remove (wake);
  return link;
}

static void
link_activated_cb (CpPdfView *view,
                   CpPdfLink *link,
                   gpointer   user_data)
{
  char **uri = user_data;

  if (link->kind == CP_PDF_LINK_EXTERNAL)
    {
      g_free (*uri);
      *uri = g_strdup (link->uri);
    }
}

static void
test_links_history (Fixture       *f,
                    gconstpointer  data)
{
  const CpPdfLink *link;
  g_autofree char *uri = NULL;

  g_signal_connect (f->view, "link-activated", G_CALLBACK (link_activated_cb), &uri);

  /* The internal link on page 1 goes to chapter 3 on page 3. */
  link = wait_link (f->view, SAMPLE_LINK_X + 20, SAMPLE_LINK_Y + 10);
  g_assert_cmpint (link->kind, ==, CP_PDF_LINK_INTERNAL);
  cp_pdf_view_activate_link (f->view, link);
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  g_assert_true (cp_pdf_view_get_can_go_back (f->view));
  g_assert_false (cp_pdf_view_get_can_go_forward (f->view));
  g_assert_null (uri);

  cp_pdf_view_go_back (f->view);
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  g_assert_false (cp_pdf_view_get_can_go_back (f->view));
  g_assert_true (cp_pdf_view_get_can_go_forward (f->view));

  cp_pdf_view_go_forward (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 2);
  cp_pdf_view_go_back (f->view);
  wait_settled (f->view);

  /* The external link goes to the UI and does not move the view. */
  link = wait_link (f->view, SAMPLE_URI_X + 20, SAMPLE_URI_Y + 10);
  g_assert_cmpint (link->kind, ==, CP_PDF_LINK_EXTERNAL);
  cp_pdf_view_activate_link (f->view, link);
  g_assert_cmpstr (uri, ==, SAMPLE_URI);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);

  /* Named destinations jump too. */
  cp_pdf_view_scroll_to_dest (f->view, "chapter2");
  while (cp_pdf_view_get_page (f->view) != 1)
    wait_settled (f->view);
  g_assert_true (cp_pdf_view_get_can_go_back (f->view));
  g_signal_handlers_disconnect_by_func (f->view, link_activated_cb, &uri);
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  g_autofree char *text = NULL;
  double x1, y1, x2, y2;

  g_assert_false (cp_pdf_view_get_has_selection (f->view));
  /* Drag across the line "alpha zebrafish" drawn at (72, 140). */
  cp_pdf_view_page_to_widget (f->view, 0, 70, 148, &x1, &y1);
  cp_pdf_view_page_to_widget (f->view, 0, 300, 148, &x2, &y2);
  cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  g_assert_true (cp_pdf_view_get_has_selection (f->view));

  while (text == NULL || strstr (text, "zebrafish") == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_free (text);
      text = cp_pdf_view_dup_selected_text (f->view);
    }
  g_assert_cmpstr (text, ==, "alpha zebrafish");

  /* The selection as rectangles (what a highlight saves): one line on page 1. */
  {
    g_autoptr(GPtrArray) rects = cp_pdf_view_dup_selection_rects (f->view);
    g_autoptr(GdkTexture) texture = NULL;
    CpPdfFindHit *line;
    Pixels p;
    double bx, by, ox, oy;

    g_assert_cmpuint (rects->len, ==, 1);
    line = g_ptr_array_index (rects, 0);
    g_assert_cmpuint (line->page, ==, 0);
    g_assert_cmpfloat (line->rect.y, <, 148);
    g_assert_cmpfloat (line->rect.y + line->rect.height, >, 140);
    g_assert_cmpfloat (line->rect.width, >, 50);

    /* Drawn as a highlight once the selection is gone: the line turns yellow (less
     * blue than red), a blank stretch of paper beside it stays white. */
    cp_pdf_view_select_none (f->view);
    cp_pdf_view_set_marks (f->view, rects);
    wait_settled (f->view);
    texture = render_view (f->view);
    pixels_init (&p, texture);
    cp_pdf_view_page_to_widget (f->view, 0, line->rect.x, line->rect.y, &bx, &by);
    cp_pdf_view_page_to_widget (f->view, 0, line->rect.x + line->rect.width + 40,
                                line->rect.y, &ox, &oy);
    g_assert_cmpfloat (mean (&p, bx, by, 6, 4, 0) + 40, <, mean (&p, bx, by, 6, 4, 2));
    g_assert_cmpfloat (fabs (mean (&p, ox, oy, 6, 4, 0) - mean (&p, ox, oy, 6, 4, 2)), <, 5);
    g_free (p.data);
    cp_pdf_view_set_marks (f->view, NULL);
    cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  }

  /* Shift+Left ten times from the end: "alpha" stays selected; Shift+Right brings
   * characters back. */
  {
    g_autofree char *shorter = NULL;
    g_autofree char *longer = NULL;

    cp_pdf_view_extend_selection (f->view, -10, 0);
    shorter = cp_pdf_view_dup_selected_text (f->view);
    g_assert_cmpstr (shorter, ==, "alpha");
    cp_pdf_view_extend_selection (f->view, 2, 0);
    longer = cp_pdf_view_dup_selected_text (f->view);
    g_assert_cmpstr (longer, ==, "alpha z");
    cp_pdf_view_select_between (f->view, x1, y1, x2, y2);
  }

  /* Ctrl+C's action puts it on the clipboard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *copied = NULL;
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));

    gdk_clipboard_read_text_async (clipboard, NULL, cp_test_store_result_cb, &result);
    cp_test_wait_result (&result);
    copied = gdk_clipboard_read_text_finish (clipboard, result, NULL);
    g_assert_cmpstr (copied, ==, "alpha zebrafish");
  }

  cp_pdf_view_select_none (f->view);
  g_assert_false (cp_pdf_view_get_has_selection (f->view));
  g_assert_null (cp_pdf_view_dup_selected_text (f->view));
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
  Pixels p;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  job->data = &gate;
  _cp_pdf_worker_push (job);

  /* A new zoom: until page 1 arrives at it, the page at the old zoom
   * stands in, stretched (the black block is where it belongs). */
  cp_pdf_view_set_zoom (f->view, 0.5);
  while (cp_pdf_view_get_n_pending (f->view) == 0)
    g_main_context_iteration (NULL, TRUE);
  stretched = render_view (f->view);
  pixels_init (&p, stretched);
  block_at (f->view, 0, &x, &y);
  g_assert_cmpfloat (gray (&p, x, y, 10, 10), <, 30);
  g_free (p.data);

  /* Rotated, nothing can stand in: a light grey placeholder of the page's
   * size (blank paper in the middle of the page shows grey). */
  cp_pdf_view_set_rotation (f->view, 180);
  while (cp_pdf_view_get_n_pending (f->view) == 0)
    g_main_context_iteration (NULL, TRUE);
  waiting = render_view (f->view);
  pixels_init (&p, waiting);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 300, 430, &x, &y));
  g_assert_cmpfloat (gray (&p, x - 40, y - 60, 30, 20), >, 225);
  g_assert_cmpfloat (gray (&p, x - 40, y - 60, 30, 20), <, 245);
  g_free (p.data);

  gate_open (&gate);
  wait_settled (f->view);
  done = render_view (f->view);
  pixels_init (&p, done);
  g_assert_cmpfloat (gray (&p, x - 40, y - 60, 30, 20), >, 250);
  g_free (p.data);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

/* Reopening at the last page read: before the view was ever shown, a jump
 * is not history. */
static void
test_open_at_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) doc = cp_test_open (fx->sample, NULL, &error);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  CpPdfView *view = CP_PDF_VIEW (cp_pdf_view_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  cp_pdf_view_set_document (view, doc);
  cp_pdf_view_set_page (view, 2);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (view);

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
  wait_settled (f->view);

  /* Setting the page is a jump: it can be undone with Back. */
  g_assert_false (cp_pdf_view_get_can_go_back (f->view));
  cp_pdf_view_set_page (f->view, 3);
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 3);
  g_assert_true (gtk_widget_activate_action (widget, "pdf.go-back", NULL));
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_page (f->view), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), <, 1);

  /* Fit page shows a whole page. */
  cp_pdf_view_set_sizing_mode (f->view, CP_PDF_SIZING_FIT_PAGE);
  wait_settled (f->view);
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
  Pixels p;

  cp_pdf_view_set_night_mode (f->view, TRUE);
  g_assert_true (cp_pdf_view_get_night_mode (f->view));
  wait_settled (f->view);
  texture = render_view (f->view);
  pixels_init (&p, texture);

  /* White paper turns dark and the black block turns light. */
  block_at (f->view, 0, &bx, &by);
  cp_pdf_view_page_to_widget (f->view, 0, 400, 700, &px, &py);
  g_assert_cmpfloat (gray (&p, px, py, 30, 30), <, 20);
  g_assert_cmpfloat (gray (&p, bx, by, 20, 20), >, 235);
  g_free (p.data);
}

static void
test_rotation_dual (Fixture       *f,
                    gconstpointer  data)
{
  double x0, y0, x1, y1, x2, y2;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels p;

  cp_pdf_view_set_rotation (f->view, 90);
  wait_settled (f->view);
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 90);
  /* The page's top-left corner is now at the top right. */
  cp_pdf_view_page_to_widget (f->view, 0, 0, 0, &x0, &y0);
  cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT, &x1, &y1);
  g_assert_cmpfloat (x0, >, x1);
  g_assert_cmpfloat (y0, <, y1);
  g_assert_cmpfloat (x0 - x1, >, y1 - y0);
  texture = render_view (f->view);
  pixels_init (&p, texture);
  cp_pdf_view_page_to_widget (f->view, 0, SAMPLE_BLOCK_X + 10, SAMPLE_BLOCK_Y + 10, &x2, &y2);
  g_assert_cmpfloat (gray (&p, x2 - 20, y2, 15, 15), <, 20);
  g_free (p.data);

  cp_pdf_view_set_rotation (f->view, 360);
  g_assert_cmpuint (cp_pdf_view_get_rotation (f->view), ==, 0);

  cp_pdf_view_set_dual_page (f->view, TRUE);
  wait_settled (f->view);
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
  Pixels p;

  /* 5000 pt at 400 % is 26,667 px: only tiles can show it. */
  cp_pdf_view_set_zoom (f->view, CP_PDF_VIEW_MAX_ZOOM);
  cp_pdf_view_scroll_to_location (f->view, 0, 2400);
  wait_settled (f->view);
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 2000, 2500, &x, &y));
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + x - 200);
  wait_settled (f->view);
  texture = render_view (f->view);
  pixels_init (&p, texture);

  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 2010, 2500, &x, &y));
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (x, >, 100);
  g_assert_cmpfloat (gray (&p, x, y, 30, 30), <, 20);
  /* Left of the block's edge, still white paper. */
  g_assert_true (cp_pdf_view_page_to_widget (f->view, 0, 1980, 2500, &x, &y));
  g_assert_cmpfloat (gray (&p, x - 30, y, 20, 20), >, 245);
  g_free (p.data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      return 77;
    }
  fx = cp_test_pdf_fixtures_new ();

  g_test_add ("/cp/pdf/view/renders", Fixture, NULL, fixture_set_up, test_renders,
              fixture_tear_down);
  g_test_add ("/cp/pdf/view/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/cp/pdf/view/page-follows-scroll", Fixture, NULL, fixture_set_up,
              test_page_follows_scroll, fixture_tear_down);
  g_test_add ("/cp/pdf/view/find-highlight", Fixture, NULL, fixture_set_up,
              test_find_highlight, fixture_tear_down);
  g_test_add ("/cp/pdf/view/links-history", Fixture, NULL, fixture_set_up,
              test_links_history, fixture_tear_down);
  g_test_add ("/cp/pdf/view/selection", Fixture, NULL, fixture_set_up, test_selection,
              fixture_tear_down);
  g_test_add_func ("/cp/pdf/view/open-at-page", test_open_at_page);
  g_test_add ("/cp/pdf/view/placeholder", Fixture, NULL, fixture_set_up, test_placeholder,
              fixture_tear_down);
  g_test_add ("/cp/pdf/view/actions", Fixture, NULL, fixture_set_up, test_actions,
              fixture_tear_down);
  g_test_add ("/cp/pdf/view/night-mode", Fixture, NULL, fixture_set_up, test_night_mode,
              fixture_tear_down);
  g_test_add ("/cp/pdf/view/rotation-dual", Fixture, NULL, fixture_set_up,
              test_rotation_dual, fixture_tear_down);
  g_test_add ("/cp/pdf/view/tiles", Fixture, fx->huge, fixture_set_up, test_tiles,
              fixture_tear_down);

  status = g_test_run ();
  cp_test_pdf_fixtures_free (fx);
  cp_pdf_document_shutdown ();
  return status;
}
