/* test-pdf-fixtures.c
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

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-fixtures"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "test-pdf-fixtures.h"

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

  f->dir = g_dir_make_tmp ("cpkit-pdf-XXXXXX", &error);
  g_assert_no_error (error);

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

static void
remove_file (char *path)
{
  if (path != NULL)
    g_remove (path);
  g_free (path);
}

void
cp_test_pdf_fixtures_free (CpTestPdfFixtures *f)
{
  remove_file (f->sample);
  remove_file (f->many);
  remove_file (f->huge);
  remove_file (f->damaged);
  remove_file (f->empty);
  remove_file (f->not_pdf);
  remove_file (f->encrypted);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f);
}
