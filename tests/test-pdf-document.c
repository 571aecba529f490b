/* test-pdf-document.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The PDF document layer: opening, metadata, outline, links, destinations,
 * text, find, rendering, cancellation, priorities and errors. No display. */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-document"

#include <string.h>

#include "pdf/cp-pdf-document.h"
#include "test-pdf-util.h"

static CpTestPdfFixtures *fx;

static void
test_open_metadata (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open (path, password, &error);

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

  doc = cp_test_pdf_open (fx->encrypted, "user", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_pdf_document_get_n_pages (doc), ==, 4);
}

static void
test_outline (void)
{
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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

/* A run lives in its test's frame, and its page data is let go when the find's task
 * goes, which can be after the find is done: wait for that before the frame ends. */
static void
find_run_clear (FindRun *run)
{
  cp_test_wait_for (&run->freed);
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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->sample);
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
  cp_test_wait_for (&run.freed);

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
  g_autoptr(CpPdfDocument) doc = cp_test_pdf_open_ok (fx->many);
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
test_two_documents (void)
{
  g_autoptr(CpPdfDocument) sample = cp_test_pdf_open_ok (fx->sample);
  g_autoptr(CpPdfDocument) many = cp_test_pdf_open_ok (fx->many);
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

  g_assert_cmpuint (count.n_rendered, ==, 16);
  g_assert_cmpuint (zebra.n_hits, ==, 4);
  g_assert_cmpuint (needle.n_hits, ==, MANY_PAGES / 10);
  for (guint i = 0; i < needle.hits->len; i++)
    g_assert_cmpuint (((CpPdfFindHit *) g_ptr_array_index (needle.hits, i))->page % 10, ==, 9);
  g_assert_cmpuint (needle.pages->len, ==, MANY_PAGES);
  find_run_clear (&zebra);
  find_run_clear (&needle);
}

int
main (int   argc,
      char *argv[])
{
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
  g_test_add_func ("/cp/pdf/document/two-documents", test_two_documents);

  return cp_test_pdf_run (fx);
}
