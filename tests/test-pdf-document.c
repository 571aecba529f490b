/* test-pdf-document.c
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

/* The PDF document layer: opening, metadata, outline, links, destinations,
 * text, find, rendering, cancellation, priorities and errors. No display. */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-document"

#include <string.h>

#include "pdf/cp-pdf-document.h"
#include "test-pdf-fixtures.h"
#include "test-pdf-util.h"

static CpTestPdfFixtures *fx;

static CpPdfDocument *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  CpPdfDocument *doc = cp_test_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GdkTexture *
render (CpPdfDocument          *doc,
        const CpPdfRenderSpec  *spec,
        GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cp_pdf_document_render_async (doc, spec, CP_PDF_PRIORITY_VISIBLE, NULL,
                                cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  return cp_pdf_document_render_finish (doc, result, error);
}

/* Average brightness (0 black … 255 white) of a rectangle of a texture. */
static double
brightness (GdkTexture *texture,
            int         x,
            int         y,
            int         w,
            int         h)
{
  int tw = gdk_texture_get_width (texture);
  int th = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) tw * th * 4);
  double sum = 0;
  int n = 0;

  gdk_texture_download (texture, data, tw * 4);
  for (int j = MAX (y, 0); j < MIN (y + h, th); j++)
    for (int i = MAX (x, 0); i < MIN (x + w, tw); i++)
      {
        guchar *p = data + (gsize) j * tw * 4 + i * 4;

        sum += (p[0] + p[1] + p[2]) / 3.0;
        n++;
      }
  g_assert_cmpint (n, >, 0);
  return sum / n;
}

static void
test_open_metadata (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  double w, h;

  g_assert_cmpuint (cp_pdf_document_get_n_pages (doc), ==, 4);
  g_assert_cmpstr (cp_pdf_document_get_title (doc), ==, "Sample document");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (cp_pdf_document_get_page_size (doc, i, &w, &h));
      g_assert_cmpfloat_with_epsilon (w, SAMPLE_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (h, SAMPLE_HEIGHT, 0.01);
    }
  g_assert_false (cp_pdf_document_get_page_size (doc, 4, &w, &h));
  g_assert_cmpstr (cp_pdf_document_get_page_label (doc, 3), ==, "A-1");
  g_assert_cmpint (cp_pdf_document_find_page_by_label (doc, "A-1"), ==, 3);
  g_assert_cmpstr (cp_pdf_document_get_page_label (doc, 1), ==, "ii");
  g_assert_cmpint (cp_pdf_document_find_page_by_label (doc, "ii"), ==, 1);
  /* A page number from 1 works too. */
  g_assert_cmpint (cp_pdf_document_find_page_by_label (doc, "3"), ==, 2);
  g_assert_cmpint (cp_pdf_document_find_page_by_label (doc, "99"), ==, -1);
  g_assert_cmpuint (cp_pdf_document_get_id (doc), !=, 0);
}

static void
test_open_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(CpPdfDocument) doc = NULL;
  g_autoptr(CpPdfDocument) none = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fx->sample, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  cp_pdf_document_new_for_bytes_async (bytes, NULL, NULL, cp_test_store_result_cb, &result);
  cp_pdf_document_new_for_resource_async ("/io/github/cpkit/ConnectingPeople/no-such.pdf",
                                          NULL, NULL, cp_test_store_result_cb, &missing);
  cp_test_wait_result (&result);
  cp_test_wait_result (&missing);

  doc = cp_pdf_document_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (doc), ==, 4);

  none = cp_pdf_document_new_finish (missing, &error);
  g_assert_null (none);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

static void
assert_open_fails (const char *path,
                   const char *password,
                   GQuark      domain,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) doc = cp_test_open (path, password, &error);

  g_assert_null (doc);
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
}

static void
test_open_errors (void)
{
  g_autofree char *missing = g_build_filename (fx->dir, "missing.pdf", NULL);

  assert_open_fails (fx->damaged, NULL, CP_PDF_ERROR, CP_PDF_ERROR_DAMAGED);
  assert_open_fails (fx->empty, NULL, CP_PDF_ERROR, CP_PDF_ERROR_EMPTY);
  assert_open_fails (fx->not_pdf, NULL, CP_PDF_ERROR, CP_PDF_ERROR_NOT_PDF);
  assert_open_fails (missing, NULL, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_open_encrypted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfDocument) doc = NULL;

  if (fx->encrypted == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  assert_open_fails (fx->encrypted, NULL, CP_PDF_ERROR, CP_PDF_ERROR_NEEDS_PASSWORD);
  assert_open_fails (fx->encrypted, "guess", CP_PDF_ERROR, CP_PDF_ERROR_WRONG_PASSWORD);

  doc = cp_test_open (fx->encrypted, "user", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (doc), ==, 4);
}

static void
test_outline (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  GListModel *outline = cp_pdf_document_get_outline (doc);
  g_autoptr(CpPdfOutlineItem) intro = NULL;
  g_autoptr(CpPdfOutlineItem) chapter2 = NULL;
  g_autoptr(CpPdfOutlineItem) chapter3 = NULL;
  g_autoptr(CpPdfOutlineItem) appendix = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (outline), ==, 3);
  intro = g_list_model_get_item (outline, 0);
  chapter2 = g_list_model_get_item (outline, 1);
  appendix = g_list_model_get_item (outline, 2);

  g_assert_cmpstr (cp_pdf_outline_item_get_title (intro), ==, "Introduction");
  g_assert_cmpint (cp_pdf_outline_item_get_page (intro), ==, 0);
  g_assert_cmpstr (cp_pdf_outline_item_get_dest (intro), ==, "intro");
  g_assert_cmpuint (g_list_model_get_n_items (cp_pdf_outline_item_get_children (intro)), ==, 0);

  g_assert_cmpstr (cp_pdf_outline_item_get_title (chapter2), ==, "Chapter 2");
  g_assert_cmpint (cp_pdf_outline_item_get_page (chapter2), ==, 1);
  g_assert_cmpfloat_with_epsilon (cp_pdf_outline_item_get_top (chapter2), 72, 1);
  g_assert_true (cp_pdf_outline_item_get_expanded (chapter2));
  g_assert_cmpuint (g_list_model_get_n_items (cp_pdf_outline_item_get_children (chapter2)),
                    ==, 1);
  chapter3 = g_list_model_get_item (cp_pdf_outline_item_get_children (chapter2), 0);
  g_assert_cmpstr (cp_pdf_outline_item_get_title (chapter3), ==, "Chapter 3");
  g_assert_cmpint (cp_pdf_outline_item_get_page (chapter3), ==, 2);
  g_assert_cmpstr (cp_pdf_outline_item_get_dest (chapter3), ==, "chapter3");

  g_assert_cmpstr (cp_pdf_outline_item_get_title (appendix), ==, "Appendix");
  g_assert_cmpint (cp_pdf_outline_item_get_page (appendix), ==, 3);
  g_assert_null (cp_pdf_outline_item_get_dest (appendix));
}

static GPtrArray *
get_links (CpPdfDocument *doc,
           guint          page)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *links;

  cp_pdf_document_get_links_async (doc, page, CP_PDF_PRIORITY_VISIBLE, NULL,
                                   cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  links = cp_pdf_document_get_links_finish (doc, result, &error);
  g_assert_no_error (error);
  return links;
}

static void
test_links (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  g_autoptr(GPtrArray) links = get_links (doc, 0);
  g_autoptr(GPtrArray) none = get_links (doc, 1);
  CpPdfLink *internal = NULL;
  CpPdfLink *external = NULL;

  g_assert_cmpuint (links->len, ==, 2);
  for (guint i = 0; i < links->len; i++)
    {
      CpPdfLink *link = g_ptr_array_index (links, i);

      if (link->kind == CP_PDF_LINK_INTERNAL)
        internal = link;
      else if (link->kind == CP_PDF_LINK_EXTERNAL)
        external = link;
    }
  g_assert_nonnull (internal);
  g_assert_nonnull (external);

  g_assert_cmpint (internal->page, ==, 2);
  g_assert_cmpstr (internal->dest, ==, "chapter3");
  g_assert_cmpfloat_with_epsilon (internal->top, 72, 1);
  g_assert_cmpfloat_with_epsilon (internal->area.x, SAMPLE_LINK_X, 1);
  g_assert_cmpfloat_with_epsilon (internal->area.y, SAMPLE_LINK_Y, 1);
  g_assert_cmpfloat_with_epsilon (internal->area.width, SAMPLE_LINK_W, 1);
  g_assert_cmpfloat_with_epsilon (internal->area.height, SAMPLE_LINK_H, 1);

  g_assert_cmpstr (external->uri, ==, SAMPLE_URI);
  g_assert_cmpfloat_with_epsilon (external->area.y, SAMPLE_URI_Y, 1);

  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_dest (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  guint page = 99;
  double top = -5;

  cp_pdf_document_find_dest_async (doc, "chapter2", NULL, cp_test_store_result_cb, &result);
  cp_pdf_document_find_dest_async (doc, "nowhere", NULL, cp_test_store_result_cb, &missing);
  cp_test_wait_result (&result);
  cp_test_wait_result (&missing);

  g_assert_true (cp_pdf_document_find_dest_finish (doc, result, &page, &top, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat_with_epsilon (top, 72, 1);

  g_assert_false (cp_pdf_document_find_dest_finish (doc, missing, &page, &top, &error));
  g_assert_error (error, CP_PDF_ERROR, CP_PDF_ERROR_NOT_FOUND);
}

static void
test_text (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  g_autoptr(GAsyncResult) text_result = NULL;
  g_autoptr(GAsyncResult) layout_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPdfTextLayout) layout = NULL;
  g_autofree char *text = NULL;
  g_autofree char *word = NULL;
  const char *found;
  int index, at;
  CpPdfRect *r;

  cp_pdf_document_get_text_async (doc, 3, CP_PDF_PRIORITY_DEFAULT, NULL,
                                  cp_test_store_result_cb, &text_result);
  cp_pdf_document_get_text_layout_async (doc, 3, CP_PDF_PRIORITY_DEFAULT, NULL,
                                         cp_test_store_result_cb, &layout_result);
  cp_test_wait_result (&text_result);
  cp_test_wait_result (&layout_result);

  text = cp_pdf_document_get_text_finish (doc, text_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Appendix"));
  g_assert_nonnull (strstr (text, "delta walrus"));

  layout = cp_pdf_document_get_text_layout_finish (doc, layout_result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (layout->text, ==, text);
  g_assert_cmpuint (layout->n_chars, ==, g_utf8_strlen (text, -1));

  found = strstr (layout->text, "walrus");
  index = g_utf8_pointer_to_offset (layout->text, found);
  r = &layout->rects[index];
  /* The line was drawn at y = 140 pt from the top, from x = 72 pt. */
  g_assert_cmpfloat (r->x, >, 72);
  g_assert_cmpfloat (r->x, <, 250);
  g_assert_cmpfloat (r->y, >, 130);
  g_assert_cmpfloat (r->y, <, 170);
  g_assert_cmpfloat (r->width, >, 1);

  /* Pointing at the left half of the "w" puts the caret before it. */
  at = cp_pdf_text_layout_index_at (layout, r->x + 1, r->y + r->height / 2);
  g_assert_cmpint (at, ==, index);
  word = cp_pdf_text_layout_dup_range (layout, index, index + 6);
  g_assert_cmpstr (word, ==, "walrus");
}

typedef struct
{
  GArray       *pages;      /* page numbers seen, in order */
  GPtrArray    *hits;       /* CpPdfFindHit copies */
  gboolean      done;
  guint         n_hits;
  GError       *error;
  GCancellable *cancel_after_first;
  gboolean      freed;
} FindRun;

static void
find_page_cb (CpPdfDocument *doc,
              guint          page,
              GPtrArray     *hits,
              gpointer       user_data)
{
  FindRun *run = user_data;

  g_assert_false (run->done);
  g_array_append_val (run->pages, page);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (run->hits, cp_pdf_find_hit_copy (g_ptr_array_index (hits, i)));
  if (run->cancel_after_first != NULL)
    g_cancellable_cancel (run->cancel_after_first);
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FindRun *run = user_data;

  if (!cp_pdf_document_find_finish (CP_PDF_DOCUMENT (source), result, &run->n_hits,
                                    &run->error))
    g_assert_nonnull (run->error);
  run->done = TRUE;
}

static void
find_run_freed_cb (gpointer data)
{
  ((FindRun *) data)->freed = TRUE;
}

static void
start_find (CpPdfDocument  *doc,
            const char     *text,
            CpPdfFindFlags  flags,
            GCancellable   *cancellable,
            FindRun        *run)
{
  memset (run, 0, sizeof *run);
  run->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  run->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_find_hit_free);
  cp_pdf_document_find_async (doc, text, flags, find_page_cb, run, find_run_freed_cb,
                              cancellable, find_done_cb, run);
}

static void
find_run_clear (FindRun *run)
{
  g_array_unref (run->pages);
  g_ptr_array_unref (run->hits);
  g_clear_error (&run->error);
}

static guint
hits_on_page (FindRun *run,
              guint    page)
{
  guint n = 0;

  for (guint i = 0; i < run->hits->len; i++)
    if (((CpPdfFindHit *) g_ptr_array_index (run->hits, i))->page == page)
      n++;
  return n;
}

static void
test_find (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  FindRun run, upper, upper_cs, walrus;
  CpPdfFindHit *hit;

  start_find (doc, "zebrafish", CP_PDF_FIND_DEFAULT, NULL, &run);
  start_find (doc, "ZEBRAFISH", CP_PDF_FIND_DEFAULT, NULL, &upper);
  start_find (doc, "ZEBRAFISH", CP_PDF_FIND_CASE_SENSITIVE, NULL, &upper_cs);
  start_find (doc, "walrus", CP_PDF_FIND_DEFAULT, NULL, &walrus);
  cp_test_wait_for (&run.done);
  cp_test_wait_for (&upper.done);
  cp_test_wait_for (&upper_cs.done);
  cp_test_wait_for (&walrus.done);

  g_assert_no_error (run.error);
  g_assert_cmpuint (run.n_hits, ==, 4);
  g_assert_cmpuint (run.hits->len, ==, 4);
  /* Streamed once per page, in page order, all before completion. */
  g_assert_cmpuint (run.pages->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (g_array_index (run.pages, guint, i), ==, i);
  g_assert_cmpuint (hits_on_page (&run, 0), ==, 1);
  g_assert_cmpuint (hits_on_page (&run, 1), ==, 1);
  g_assert_cmpuint (hits_on_page (&run, 2), ==, 2);
  g_assert_cmpuint (hits_on_page (&run, 3), ==, 0);
  g_assert_true (run.freed);

  hit = g_ptr_array_index (run.hits, 2);
  g_assert_cmpuint (hit->page, ==, 2);
  g_assert_cmpfloat (hit->rect.y, >, 130);
  g_assert_cmpfloat (hit->rect.y, <, 170);
  g_assert_cmpfloat (hit->rect.x, >, 72);
  g_assert_cmpfloat (hit->rect.width, >, 20);
  g_assert_nonnull (strstr (hit->context, "charlie zebrafish zebrafish"));
  g_assert_cmpuint (hit->match_len, ==, strlen ("zebrafish"));
  g_assert_cmpint (strncmp (hit->context + hit->match_start, "zebrafish", hit->match_len), ==, 0);

  g_assert_cmpuint (upper.n_hits, ==, 4);
  g_assert_cmpuint (upper_cs.n_hits, ==, 0);
  g_assert_cmpuint (walrus.n_hits, ==, 1);
  g_assert_cmpuint (hits_on_page (&walrus, 3), ==, 1);

  find_run_clear (&run);
  find_run_clear (&upper);
  find_run_clear (&upper_cs);
  find_run_clear (&walrus);
}

static void
test_find_cancel (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->many);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FindRun run;

  start_find (doc, "needle", CP_PDF_FIND_DEFAULT, cancellable, &run);
  run.cancel_after_first = cancellable;
  cp_test_wait_for (&run.done);

  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Page 1 was delivered (and cancelled the search); nothing after it. */
  g_assert_cmpuint (run.pages->len, ==, 1);
  g_assert_cmpuint (run.hits->len, ==, 0);
  cp_test_wait_for (&run.freed);
  find_run_clear (&run);
}

static void
test_render (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) page1 = NULL;
  g_autoptr(GdkTexture) page1_x2 = NULL;
  g_autoptr(GdkTexture) rotated = NULL;
  CpPdfRenderSpec spec = { .page = 0, .scale = 1.0 };
  int w, h;

  page1 = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (cp_pdf_document_get_render_size (doc, 0, 1.0, 0, &w, &h));
  g_assert_cmpint (gdk_texture_get_width (page1), ==, w);
  g_assert_cmpint (gdk_texture_get_height (page1), ==, h);
  g_assert_cmpint (w, ==, 596);
  g_assert_cmpint (h, ==, 842);
  /* Black where the block is, white paper elsewhere, dark pixels in the heading. */
  g_assert_cmpfloat (brightness (page1, SAMPLE_BLOCK_X + 5, SAMPLE_BLOCK_Y + 5, 20, 20), <, 10);
  g_assert_cmpfloat (brightness (page1, 500, 700, 40, 40), >, 250);
  g_assert_cmpfloat (brightness (page1, 72, 72, 150, 30), <, 230);

  spec.scale = 2.0;
  page1_x2 = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page1_x2), ==, 1191);
  g_assert_cmpfloat (brightness (page1_x2, 2 * SAMPLE_BLOCK_X + 10, 2 * SAMPLE_BLOCK_Y + 10,
                                 20, 20), <, 10);

  /* 90° clockwise: the block's corner (x, y) goes to (height - y - h, x). */
  spec.scale = 1.0;
  spec.rotation = 90;
  rotated = render (doc, &spec, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (rotated), ==, 842);
  g_assert_cmpint (gdk_texture_get_height (rotated), ==, 596);
  g_assert_cmpfloat (brightness (rotated, SAMPLE_HEIGHT - SAMPLE_BLOCK_Y - SAMPLE_BLOCK_H + 5,
                                 SAMPLE_BLOCK_X + 5, 20, 20), <, 10);
  g_assert_cmpfloat (brightness (rotated, SAMPLE_BLOCK_X + 5, SAMPLE_BLOCK_Y - 100, 20, 20),
                     >, 250);
}

static void
test_render_tiles (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->huge);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) whole = NULL;
  g_autoptr(GdkTexture) inside = NULL;
  g_autoptr(GdkTexture) corner = NULL;
  g_autoptr(GdkTexture) edge = NULL;
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
  g_assert_cmpint (gdk_texture_get_width (inside), ==, 1024);
  g_assert_cmpint (gdk_texture_get_height (inside), ==, 1024);
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
  g_assert_cmpint (gdk_texture_get_width (edge), ==, 40000 - 39 * 1024);
  g_assert_cmpint (gdk_texture_get_height (edge), ==, 1024);
}

typedef struct
{
  guint   n_textures;
  guint   n_cancelled;
  guint   n_done;
  GArray *order;        /* tags of completed requests, in order */
} RenderCount;

typedef struct
{
  RenderCount *count;
  guint        tag;
} RenderCall;

static void
count_render_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RenderCall *call = user_data;
  RenderCount *count = call->count;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = cp_pdf_document_render_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (texture != NULL)
    count->n_textures++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    count->n_cancelled++;
  count->n_done++;
  if (count->order != NULL)
    g_array_append_val (count->order, call->tag);
  g_free (call);
}

static void
push_render (CpPdfDocument         *doc,
             const CpPdfRenderSpec *spec,
             int                    priority,
             GCancellable          *cancellable,
             RenderCount           *count,
             guint                  tag)
{
  RenderCall *call = g_new0 (RenderCall, 1);

  call->count = count;
  call->tag = tag;
  cp_pdf_document_render_async (doc, spec, priority, cancellable, count_render_cb, call);
}

static void
wait_count (RenderCount *count,
            guint        n)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, cp_test_wake_cb, NULL);

  while (count->n_done < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static void
test_cancel (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->many);
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

  /* Every request completes once, none with a texture (not even the one
   * that was on the worker when the cancel came). */
  g_assert_cmpuint (count.n_done, ==, n);
  g_assert_cmpuint (count.n_textures, ==, 0);
  g_assert_cmpuint (count.n_cancelled, ==, n);
}

static void
test_supersede (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->many);
  RenderCount count = { 0 };
  static int tag;
  CpPdfRenderSpec spec = { .scale = 1.5, .tag = &tag, .generation = 1 };
  guint n = 20;

  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, i);
    }
  cp_pdf_document_supersede (&tag, 2);
  wait_count (&count, n);

  /* At most the one request already on the worker still renders. */
  g_assert_cmpuint (count.n_textures, <=, 1);
  g_assert_cmpuint (count.n_cancelled, >=, n - 1);

  /* A request of the new generation renders. */
  count = (RenderCount) { 0 };
  spec.generation = 2;
  push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, 0);
  wait_count (&count, 1);
  g_assert_cmpuint (count.n_textures, ==, 1);
  cp_pdf_document_forget_tag (&tag);
}

static void
test_priority (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->many);
  RenderCount count = { 0 };
  CpPdfRenderSpec spec = { .scale = 1.0 };
  guint n = 12;
  guint position = G_MAXUINT;

  count.order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    {
      spec.page = i;
      push_render (doc, &spec, CP_PDF_PRIORITY_BACKGROUND, NULL, &count, i);
    }
  spec.page = 100;
  push_render (doc, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, 100);
  wait_count (&count, n + 1);

  for (guint i = 0; i < count.order->len; i++)
    if (g_array_index (count.order, guint, i) == 100)
      position = i;
  /* The visible page overtakes the queue: at worst one background job was
   * already on the worker. */
  g_assert_cmpuint (position, <=, 1);
  /* Same priority: first come, first served. */
  for (guint i = position == 0 ? 2 : 1; i < count.order->len; i++)
    if (g_array_index (count.order, guint, i) != 100 && g_array_index (count.order, guint, i - 1) != 100)
      g_assert_cmpuint (g_array_index (count.order, guint, i), >,
                        g_array_index (count.order, guint, i - 1));
  g_assert_cmpuint (count.n_textures, ==, n + 1);
  g_array_unref (count.order);
}

static void
test_two_documents (void)
{
  g_autoptr(CpPdfDocument) sample = open_ok (fx->sample);
  g_autoptr(CpPdfDocument) many = open_ok (fx->many);
  RenderCount count = { 0 };
  CpPdfRenderSpec spec = { .scale = 1.0 };
  FindRun zebra, needle;

  start_find (sample, "zebrafish", CP_PDF_FIND_DEFAULT, NULL, &zebra);
  start_find (many, "needle", CP_PDF_FIND_DEFAULT, NULL, &needle);
  for (guint i = 0; i < 8; i++)
    {
      spec.page = i % 4;
      push_render (sample, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, i);
      spec.page = i * 10;
      push_render (many, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, &count, i);
    }
  cp_test_wait_for (&zebra.done);
  cp_test_wait_for (&needle.done);
  wait_count (&count, 16);

  g_assert_cmpuint (count.n_textures, ==, 16);
  g_assert_cmpuint (zebra.n_hits, ==, 4);
  g_assert_cmpuint (needle.n_hits, ==, MANY_PAGES / 10);
  for (guint i = 0; i < needle.hits->len; i++)
    g_assert_cmpuint (((CpPdfFindHit *) g_ptr_array_index (needle.hits, i))->page % 10, ==, 9);
  g_assert_cmpuint (needle.pages->len, ==, MANY_PAGES);
  find_run_clear (&zebra);
  find_run_clear (&needle);
}

static void
test_invalid_page (void)
{
  g_autoptr(CpPdfDocument) doc = open_ok (fx->sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  CpPdfRenderSpec spec = { .page = 4, .scale = 1.0 };

  texture = render (doc, &spec, &error);
  g_assert_null (texture);
  g_assert_error (error, CP_PDF_ERROR, CP_PDF_ERROR_INVALID_PAGE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fx = cp_test_pdf_fixtures_new ();

  g_test_add_func ("/cp/pdf/document/open", test_open_metadata);
  g_test_add_func ("/cp/pdf/document/open-bytes", test_open_bytes);
  g_test_add_func ("/cp/pdf/document/open-errors", test_open_errors);
  g_test_add_func ("/cp/pdf/document/open-encrypted", test_open_encrypted);
  g_test_add_func ("/cp/pdf/document/outline", test_outline);
  g_test_add_func ("/cp/pdf/document/links", test_links);
  g_test_add_func ("/cp/pdf/document/dest", test_dest);
  g_test_add_func ("/cp/pdf/document/text", test_text);
  g_test_add_func ("/cp/pdf/document/find", test_find);
  g_test_add_func ("/cp/pdf/document/find-cancel", test_find_cancel);
  g_test_add_func ("/cp/pdf/document/render", test_render);
  g_test_add_func ("/cp/pdf/document/render-tiles", test_render_tiles);
  g_test_add_func ("/cp/pdf/document/invalid-page", test_invalid_page);
  g_test_add_func ("/cp/pdf/document/cancel", test_cancel);
  g_test_add_func ("/cp/pdf/document/supersede", test_supersede);
  g_test_add_func ("/cp/pdf/document/priority", test_priority);
  g_test_add_func ("/cp/pdf/document/two-documents", test_two_documents);

  status = g_test_run ();
  cp_test_pdf_fixtures_free (fx);
  cp_pdf_document_shutdown ();
  return status;
}
