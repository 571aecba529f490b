/* cp-test-util-pdf.c: PDF fixtures drawn at run time, and reading PDFs back
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-test-util"

#include <math.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cp-test-util.h"

/* ---- Fixtures ------------------------------------------------------------------------ */

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *font,
           const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static void
heading (cairo_t    *cr,
         const char *dest,
         const char *text)
{
  g_autofree char *attrs = NULL;

  if (dest != NULL)
    {
      attrs = g_strdup_printf ("name='%s' x=72 y=72", dest);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, attrs);
    }
  show_text (cr, 72, 72, "DejaVu Sans Bold 24", text);
  if (dest != NULL)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
write_sample (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, SAMPLE_WIDTH, SAMPLE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *link = NULL;
  g_autofree char *uri = NULL;
  int top;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Sample document");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2025-01-01T00:00:00Z");
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Introduction",
                                 "dest='intro'", 0);
  top = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Chapter 2",
                                       "dest='chapter2'", CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline (surface, top, "Chapter 3", "dest='chapter3'", 0);

  /* Page 1 */
  cairo_pdf_surface_set_page_label (surface, "i");
  heading (cr, "intro", "Introduction");
  show_text (cr, 72, 140, "DejaVu Sans 14", "alpha zebrafish");
  link = g_strdup_printf ("dest='chapter3' rect=[%g %g %g %g]", SAMPLE_LINK_X, SAMPLE_LINK_Y,
                          SAMPLE_LINK_W, SAMPLE_LINK_H);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  show_text (cr, SAMPLE_LINK_X, SAMPLE_LINK_Y, "DejaVu Sans 14", "Go to chapter three");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  uri = g_strdup_printf ("uri='%s' rect=[%g %g %g %g]", SAMPLE_URI, SAMPLE_URI_X, SAMPLE_URI_Y,
                         SAMPLE_URI_W, SAMPLE_URI_H);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, uri);
  show_text (cr, SAMPLE_URI_X, SAMPLE_URI_Y, "DejaVu Sans 14", "Visit the project site");
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, SAMPLE_BLOCK_X, SAMPLE_BLOCK_Y, SAMPLE_BLOCK_W, SAMPLE_BLOCK_H);
  cairo_fill (cr);
  cairo_show_page (cr);

  /* Page 2 */
  cairo_pdf_surface_set_page_label (surface, "ii");
  heading (cr, "chapter2", "Chapter 2");
  show_text (cr, 72, 140, "DejaVu Sans 14", "bravo zebrafish");
  cairo_show_page (cr);

  /* Page 3 */
  cairo_pdf_surface_set_page_label (surface, "iii");
  heading (cr, "chapter3", "Chapter 3");
  show_text (cr, 72, 140, "DejaVu Sans 14", "charlie zebrafish zebrafish");
  cairo_show_page (cr);

  /* Page 4: an outline entry by page number (backward page= entries work). */
  cairo_pdf_surface_set_page_label (surface, "A-1");
  heading (cr, NULL, "Appendix");
  show_text (cr, 72, 140, "DejaVu Sans 14", "delta walrus");
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Appendix", "page=4", 0);
  cairo_show_page (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
cp_test_pdf_write_many (const char *path,
                        guint       n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, SAMPLE_WIDTH, SAMPLE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2025-01-01T00:00:00Z");
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *title = g_strdup_printf ("Page %u", i);

      show_text (cr, 72, 72, "DejaVu Sans Bold 24", title);
      for (guint line = 0; line < 30; line++)
        show_text (cr, 72, 140 + line * 20, "DejaVu Sans 11",
                   "The quick brown fox jumps over the lazy dog, again and again.");
      if (i % 10 == 0)
        show_text (cr, 72, 110, "DejaVu Sans 14", "needle");
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
write_huge (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, HUGE_SIDE, HUGE_SIDE);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2025-01-01T00:00:00Z");
  show_text (cr, 100, 100, "DejaVu Sans 72", "Huge page");
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 2000, 2000, 1000, 1000);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static char *
write_encrypted (const char *dir,
                 const char *sample)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  char *out = g_build_filename (dir, "encrypted.pdf", NULL);
  /* qpdf warns about cairo 1.16's link annotations; pages and text survive. */
  const char *argv[] = {
    qpdf, "--warning-exit-0", "--encrypt", "user", "owner", "256", "--", sample, out, NULL
  };
  int status = 0;

  if (qpdf == NULL
      || !g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_free (out);
      return NULL;
    }
  return out;
}

CpTestPdfFixtures *
cp_test_pdf_fixtures_new (void)
{
  CpTestPdfFixtures *f = g_new0 (CpTestPdfFixtures, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  f->dir = cp_test_make_tmpdir ();

  f->sample = g_build_filename (f->dir, "sample.pdf", NULL);
  f->many = g_build_filename (f->dir, "many.pdf", NULL);
  f->huge = g_build_filename (f->dir, "huge.pdf", NULL);
  f->damaged = g_build_filename (f->dir, "damaged.pdf", NULL);
  f->empty = g_build_filename (f->dir, "empty.pdf", NULL);
  f->not_pdf = g_build_filename (f->dir, "notes.pdf", NULL);

  write_sample (f->sample);
  cp_test_pdf_write_many (f->many, MANY_PAGES);
  write_huge (f->huge);

  g_assert_true (g_file_get_contents (f->sample, &contents, &length, &error));
  g_assert_true (g_file_set_contents (f->damaged, contents, length / 2, &error));
  g_assert_true (g_file_set_contents (f->empty, "", 0, &error));
  g_assert_true (g_file_set_contents (f->not_pdf, "Just some notes, not a PDF.\n", -1,
                                      &error));
  f->encrypted = write_encrypted (f->dir, f->sample);
  return f;
}

void
cp_test_pdf_fixtures_free (CpTestPdfFixtures *f)
{
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->sample);
  g_free (f->many);
  g_free (f->huge);
  g_free (f->damaged);
  g_free (f->empty);
  g_free (f->not_pdf);
  g_free (f->encrypted);
  g_free (f);
}

int
cp_test_pdf_run (CpTestPdfFixtures *fixtures)
{
  int status = g_test_run ();

  cp_test_pdf_fixtures_free (fixtures);
  cp_pdf_document_shutdown ();
  return status;
}

/* ---- The document layer ------------------------------------------------------------- */

CpPdfDocument *
cp_test_pdf_open (const char  *path,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cp_pdf_document_new_for_file_async (file, password, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  return cp_pdf_document_new_finish (result, error);
}

CpPdfDocument *
cp_test_pdf_open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  CpPdfDocument *doc = cp_test_pdf_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* ---- Poppler, as a reader ---------------------------------------------------------- */

PopplerDocument *
cp_test_poppler_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

int
cp_test_poppler_dest_page (PopplerDocument *doc,
                           const char      *name)
{
  PopplerDest *dest = poppler_document_find_dest (doc, name);
  int page;

  if (dest == NULL)
    return 0;
  page = dest->page_num;
  poppler_dest_free (dest);
  return page;
}

void
cp_test_poppler_render_page (PopplerDocument *doc,
                             int              index,
                             double           scale)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        MAX (1, (int) ceil (w * scale - 0.01)),
                                        MAX (1, (int) ceil (h * scale - 0.01)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  g_object_unref (page);
}

char *
cp_test_poppler_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
      g_object_unref (page);
    }
  return g_string_free (all, FALSE);
}

gboolean
cp_test_poppler_has_text (PopplerDocument *doc,
                          int              page_num,
                          const char      *text)
{
  PopplerPage *page = poppler_document_get_page (doc, page_num - 1);
  GList *hits;
  gboolean found;

  g_assert_nonnull (page);
  hits = poppler_page_find_text (page, text);
  found = hits != NULL;
  g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  return found;
}

void
cp_test_poppler_walk_links (PopplerDocument *doc,
                            CpTestLinkVisit  visit,
                            gpointer         data)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      GList *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        visit (doc, p + 1, l->data, data);
      poppler_page_free_link_mapping (links);
      g_object_unref (page);
    }
}

static void
walk_structure (PopplerStructureElementIter *iter,
                CpTestStructureVisit         visit,
                gpointer                     data)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child;

      visit (element, data);
      child = poppler_structure_element_iter_get_child (iter);
      if (child != NULL)
        {
          walk_structure (child, visit, data);
          poppler_structure_element_iter_free (child);
        }
      g_object_unref (element);
    }
  while (poppler_structure_element_iter_next (iter));
}

void
cp_test_poppler_walk_structure (PopplerDocument      *doc,
                                CpTestStructureVisit  visit,
                                gpointer              data)
{
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (doc);

  g_assert_nonnull (iter);
  walk_structure (iter, visit, data);
  poppler_structure_element_iter_free (iter);
}
