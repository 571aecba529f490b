/* test-pdf-render.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Rendering through the worker: pixels, sizes, rotation, tiles beyond
 * cairo's limit, invalid pages, cancellation, superseding and priorities. */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-render"

#include <string.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "pdf/cp-pdf-document.h"
#include "test-pdf-util.h"

static CpTestPdfFixtures *fx;

/* A rendered page or tile: a cairo image surface in ARGB32 (NULL on error). */
static cairo_surface_t *
render (CpPdfDocument          *doc,
        const CpPdfRenderSpec  *spec,
        GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  cairo_surface_t *surface;

  cp_pdf_document_render_async (doc, spec, CP_PDF_PRIORITY_VISIBLE, NULL,
                                cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  surface = cp_pdf_document_render_finish (doc, result, error);
  if (surface != NULL)
    {
      g_assert_cmpint (cairo_surface_get_type (surface), ==, CAIRO_SURFACE_TYPE_IMAGE);
      g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
    }
  return surface;
}

/* Average brightness (0 black … 255 white) of a rectangle of a surface. */
static double
brightness (cairo_surface_t *surface,
            int              x,
            int              y,
            int              w,
            int              h)
{
  int sw = cairo_image_surface_get_width (surface);
  int sh = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  double sum = 0;
  int n = 0;

  for (int j = MAX (y, 0); j < MIN (y + h, sh); j++)
    for (int i = MAX (x, 0); i < MIN (x + w, sw); i++)
      {
        const guchar *p = data + (gsize) j * stride + i * 4;

        sum += (p[0] + p[1] + p[2]) / 3.0;
        n++;
      }
  g_assert_cmpint (n, >, 0);
  return sum / n;
}

static void
test_render (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *page1, *page1_x2, *rotated;
  CpPdfRenderSpec spec = { .page = 0, .scale = 1.0 };
  int w, h;

  page1 = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (cp_pdf_document_get_render_size (doc, 0, 1.0, 0, &w, &h));
  g_assert_cmpint (cairo_image_surface_get_width (page1), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (page1), ==, h);
  g_assert_cmpint (w, ==, 596);
  g_assert_cmpint (h, ==, 842);
  /* Black where the block is, white paper elsewhere, dark pixels in the heading. */
  g_assert_cmpfloat (brightness (page1, SAMPLE_BLOCK_X + 5, SAMPLE_BLOCK_Y + 5, 20, 20), <, 10);
  g_assert_cmpfloat (brightness (page1, 500, 700, 40, 40), >, 250);
  g_assert_cmpfloat (brightness (page1, 72, 72, 150, 30), <, 230);

  spec.scale = 2.0;
  page1_x2 = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (page1_x2), ==, 1191);
  g_assert_cmpfloat (brightness (page1_x2, 2 * SAMPLE_BLOCK_X + 10, 2 * SAMPLE_BLOCK_Y + 10,
                                 20, 20), <, 10);

  /* 90° clockwise: the block's corner (x, y) goes to (height - y - h, x). */
  spec.scale = 1.0;
  spec.rotation = 90;
  rotated = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (rotated), ==, 842);
  g_assert_cmpint (cairo_image_surface_get_height (rotated), ==, 596);
  g_assert_cmpfloat (brightness (rotated, SAMPLE_HEIGHT - SAMPLE_BLOCK_Y - SAMPLE_BLOCK_H + 5,
                                 SAMPLE_BLOCK_X + 5, 20, 20), <, 10);
  g_assert_cmpfloat (brightness (rotated, SAMPLE_BLOCK_X + 5, SAMPLE_BLOCK_Y - 100, 20, 20),
                     >, 250);

  cairo_surface_destroy (page1);
  cairo_surface_destroy (page1_x2);
  cairo_surface_destroy (rotated);
}

static void
test_render_tiles (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->huge);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *whole, *inside, *corner, *edge;
  CpPdfRenderSpec spec = { .page = 0, .scale = 8.0 };
  int w, h;

  /* 40,000 px square: beyond cairo's limit as one surface… */
  whole = render (doc, &spec, &error);
  g_assert_error (error, CP_PDF_ERROR, CP_PDF_ERROR_TOO_LARGE);
  g_assert_null (whole);
  g_clear_error (&error);

  /* …but fine in tiles: tile (20, 20) lies inside the black block (2000–3000 pt). */
  spec.tile_size = 1024;
  spec.tile_x = 20;
  spec.tile_y = 20;
  inside = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (inside), ==, 1024);
  g_assert_cmpint (cairo_image_surface_get_height (inside), ==, 1024);
  g_assert_cmpfloat (brightness (inside, 0, 0, 1024, 1024), <, 5);

  /* Tile (5, 5) covers 640–768 pt: blank paper. */
  spec.tile_x = 5;
  spec.tile_y = 5;
  corner = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (brightness (corner, 0, 0, 1024, 1024), >, 250);

  /* The last tile is clipped at the page's edge. */
  g_assert_true (cp_pdf_document_get_render_size (doc, 0, 8.0, 0, &w, &h));
  g_assert_cmpint (w, ==, 40000);
  spec.tile_x = 39;
  spec.tile_y = 0;
  edge = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (edge), ==, 40000 - 39 * 1024);
  g_assert_cmpint (cairo_image_surface_get_height (edge), ==, 1024);

  cairo_surface_destroy (inside);
  cairo_surface_destroy (corner);
  cairo_surface_destroy (edge);
}

static void
test_invalid_page (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  CpPdfRenderSpec spec = { .page = 4, .scale = 1.0 };

  surface = render (doc, &spec, &error);
  g_assert_null (surface);
  g_assert_error (error, CP_PDF_ERROR, CP_PDF_ERROR_INVALID_PAGE);
}

static void
test_cancel (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->many);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  RenderCount count = { 0 };
  CpPdfRenderSpec spec = { .scale = 1.5 };
  guint n = 20;

  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, cancellable, &count, i);
    }
  g_cancellable_cancel (cancellable);
  wait_count (&count, n);

  /* Every request completes once, none with a page (not even the one
   * that was on the worker when the cancel came). */
  g_assert_cmpuint (count.n_done, ==, n);
  g_assert_cmpuint (count.n_rendered, ==, 0);
  g_assert_cmpuint (count.n_cancelled, ==, n);
}

static void
test_supersede (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->many);
  g_autoptr(CpPdfDocument) huge = cp_test_pdf_open_ok (fx->huge);
  RenderCount count = { 0 };
  static int tag;
  CpPdfRenderSpec spec = { .scale = 1.5, .tag = &tag, .generation = 1 };
  guint n = 20;

  push_blocker (huge, &count);
  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, i);
    }
  cp_pdf_document_supersede (&tag, 2);
  wait_count (&count, n + 1);

  /* Only the untagged blocker renders; every superseded request is dropped. */
  g_assert_cmpuint (count.n_rendered, ==, 1);
  g_assert_cmpuint (count.n_cancelled, ==, n);

  /* A request of the new generation renders. */
  count = (RenderCount) { 0 };
  spec.generation = 2;
  push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, 0);
  wait_count (&count, 1);
  g_assert_cmpuint (count.n_rendered, ==, 1);
  cp_pdf_document_forget_tag (&tag);
}

static void
test_priority (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->many);
  g_autoptr(CpPdfDocument) huge = cp_test_pdf_open_ok (fx->huge);
  RenderCount count = { 0 };
  CpPdfRenderSpec spec = { .scale = 1.0 };
  guint n = 12;
  guint position = G_MAXUINT;

  count.order = g_array_new (FALSE, FALSE, sizeof (guint));
  push_blocker (huge, &count);
  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      push_render (doc, &spec, CP_PDF_PRIORITY_BACKGROUND, NULL, &count, i);
    }
  spec.page = 100;
  push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, 100);
  wait_count (&count, n + 2);

  /* The blocker was on the worker; then the visible page overtakes the
   * twelve queued before it, which follow first come, first served. */
  g_assert_cmpuint (g_array_index (count.order, guint, 0), ==, G_MAXUINT);
  position = g_array_index (count.order, guint, 1);
  g_assert_cmpuint (position, ==, 100);
  for (guint i = 2; i < count.order->len; i++)
    g_assert_cmpuint (g_array_index (count.order, guint, i), ==, i - 2);
  g_assert_cmpuint (count.n_rendered, ==, n + 2);
  g_array_unref (count.order);
}

static void
test_print (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
  g_autoptr(CpPdfDocument) printed = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "printed.pdf", NULL);
  g_autoptr(GAsyncResult) text_result = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, SAMPLE_WIDTH, SAMPLE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  /* Pages 3 and 4, as a print operation would ask for them. */
  for (guint page = 2; page < 4; page++)
    {
      g_autoptr(GAsyncResult) result = NULL;

      cp_pdf_document_print_page_async (doc, page, cr, NULL, cp_test_store_result_cb, &result);
      cp_test_wait_result (&result);
      g_assert_true (cp_pdf_document_print_page_finish (doc, result, &error));
      g_assert_no_error (error);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  printed = cp_test_pdf_open_ok (path);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (printed), ==, 2);
  cp_pdf_document_get_text_async (printed, 1, CP_PDF_PRIORITY_DEFAULT, NULL,
                                  cp_test_store_result_cb, &text_result);
  cp_test_wait_result (&text_result);
  text = cp_pdf_document_get_text_finish (printed, text_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "delta walrus"));
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  fx = cp_test_pdf_fixtures_new ();

  g_test_add_func ("/cp/pdf/render/page", test_render);
  g_test_add_func ("/cp/pdf/render/tiles", test_render_tiles);
  g_test_add_func ("/cp/pdf/render/invalid-page", test_invalid_page);
  g_test_add_func ("/cp/pdf/render/cancel", test_cancel);
  g_test_add_func ("/cp/pdf/render/supersede", test_supersede);
  g_test_add_func ("/cp/pdf/render/priority", test_priority);
  g_test_add_func ("/cp/pdf/render/print", test_print);

  return cp_test_pdf_run (fx);
}
