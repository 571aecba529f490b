/* test-pdf-cache.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The render cache: lookups by full key, LRU eviction under the memory cap,
 * recency on hits, dropping a document, keeping only what is near a viewport; and the textures it holds, made from
 * the document layer's cairo surfaces. */

#include "config.h"

#define G_LOG_DOMAIN "test-pdf-cache"

#include "pdf/cp-pdf-cache.h"
#include "pdf/cp-pdf-texture.h"

static GdkTexture *
make_texture (int side)
{
  gsize size = (gsize) side * side * 4;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (size), size);

  return gdk_memory_texture_new (side, side, GDK_MEMORY_DEFAULT, bytes, side * 4);
}

static void
test_lookup_key (void)
{
  g_autoptr(CpPdfCache) cache = cp_pdf_cache_new (CP_PDF_CACHE_DEFAULT_MAX_BYTES);
  g_autoptr(CpPdfDocument) a = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  g_autoptr(CpPdfDocument) b = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  g_autoptr(GdkTexture) texture = make_texture (16);
  CpPdfRenderSpec spec = { .page = 3, .scale = 1.5, .rotation = 90 };
  CpPdfRenderSpec other;

  g_assert_cmpuint (cp_pdf_cache_get_max_bytes (cache), ==, 256 * 1024 * 1024);
  cp_pdf_cache_insert (cache, a, &spec, texture);
  g_assert_true (cp_pdf_cache_lookup (cache, a, &spec) == texture);
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (cache), ==, 16 * 16 * 4);

  /* Any part of the key that differs misses. */
  g_assert_null (cp_pdf_cache_lookup (cache, b, &spec));
  other = spec, other.page = 2;
  g_assert_null (cp_pdf_cache_lookup (cache, a, &other));
  other = spec, other.scale = 1.25;
  g_assert_null (cp_pdf_cache_lookup (cache, a, &other));
  other = spec, other.rotation = 0;
  g_assert_null (cp_pdf_cache_lookup (cache, a, &other));
  other = spec, other.tile_size = 1024;
  g_assert_null (cp_pdf_cache_lookup (cache, a, &other));
  /* The generation and tag are not part of the key. */
  other = spec, other.generation = 7;
  g_assert_true (cp_pdf_cache_lookup (cache, a, &other) == texture);

  cp_pdf_cache_drop_document (cache, a);
  g_assert_null (cp_pdf_cache_lookup (cache, a, &spec));
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (cache), ==, 0);
}

static void
test_lru (void)
{
  /* Room for three 32 × 32 textures. */
  g_autoptr(CpPdfCache) cache = cp_pdf_cache_new (3 * 32 * 32 * 4);
  g_autoptr(CpPdfDocument) doc = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  CpPdfRenderSpec spec = { .scale = 1.0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GdkTexture) texture = make_texture (32);

      spec.page = i;
      cp_pdf_cache_insert (cache, doc, &spec, texture);
    }
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 3);

  /* Page 0 becomes the most recent, so page 1 is the one to go. */
  spec.page = 0;
  g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));
  {
    g_autoptr(GdkTexture) texture = make_texture (32);

    spec.page = 3;
    cp_pdf_cache_insert (cache, doc, &spec, texture);
  }
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 3);
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (cache), <=, cp_pdf_cache_get_max_bytes (cache));
  spec.page = 1;
  g_assert_null (cp_pdf_cache_lookup (cache, doc, &spec));
  spec.page = 0;
  g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));
  spec.page = 2;
  g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));

  /* Lowering the cap evicts at once; a texture bigger than the cap is not kept. */
  cp_pdf_cache_set_max_bytes (cache, 32 * 32 * 4);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 1);
  spec.page = 2;
  g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));
  {
    g_autoptr(GdkTexture) big = make_texture (64);

    spec.page = 9;
    cp_pdf_cache_insert (cache, doc, &spec, big);
  }
  g_assert_null (cp_pdf_cache_lookup (cache, doc, &spec));
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (cache), <=, 32 * 32 * 4);

  cp_pdf_cache_clear (cache);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 0);
}

/* Near the viewport: only the range at the current scale and rotation stays; a page at
 * the stand-in scale stays only until the page is there at the current one. */
static void
test_keep_near (void)
{
  g_autoptr(CpPdfCache) cache = cp_pdf_cache_new (CP_PDF_CACHE_DEFAULT_MAX_BYTES);
  g_autoptr(CpPdfDocument) doc = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  g_autoptr(CpPdfDocument) other = g_object_new (CP_TYPE_PDF_DOCUMENT, NULL);
  g_autoptr(GdkTexture) texture = make_texture (8);
  CpPdfRenderSpec spec = { .scale = 1.0 };

  for (guint page = 0; page < 10; page++)
    {
      spec.page = page;
      cp_pdf_cache_insert (cache, doc, &spec, texture);
      cp_pdf_cache_insert (cache, other, &spec, texture);
    }
  spec.scale = 2.0, spec.page = 4;
  cp_pdf_cache_insert (cache, doc, &spec, texture);
  spec.rotation = 90, spec.page = 5;
  cp_pdf_cache_insert (cache, doc, &spec, texture);

  /* Zoomed to 2.0 on pages 3..6: page 4 is there, 3, 5 and 6 still stand in at 1.0. */
  cp_pdf_cache_keep_near (cache, doc, 3, 6, 2.0, 0, 1.0);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 4);
  spec = (CpPdfRenderSpec) { .scale = 2.0, .page = 4 };
  g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));
  spec.scale = 1.0;
  g_assert_null (cp_pdf_cache_lookup (cache, doc, &spec));
  for (guint page = 3; page <= 6; page += (page == 3 ? 2 : 1))
    {
      spec.page = page;
      g_assert_nonnull (cp_pdf_cache_lookup (cache, doc, &spec));
    }
  spec.page = 2;
  g_assert_null (cp_pdf_cache_lookup (cache, doc, &spec));

  /* Without a stand-in scale, only the current scale stays. */
  cp_pdf_cache_keep_near (cache, doc, 3, 6, 2.0, 0, 0);
  g_assert_cmpuint (cp_pdf_cache_get_n_items (cache), ==, 1);
  g_assert_cmpuint (cp_pdf_cache_get_used_bytes (cache), ==, 8 * 8 * 4);
}

/* A rendered page reaches the screen in its own colours: a red and a blue half stay red
 * and blue (not swapped), and the texture outlives the renderer's surface. */
static void
test_texture_from_surface (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 2);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GdkTexture) texture = NULL;
  guint32 pixels[4 * 2];

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 2, 2);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, 2, 0, 2, 2);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  texture = cp_pdf_texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 4);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 2);

  /* gdk_texture_download writes cairo's ARGB32: one native-endian 0xAARRGGBB per pixel. */
  gdk_texture_download (texture, (guchar *) pixels, 4 * sizeof (guint32));
  g_assert_cmphex (pixels[0], ==, 0xffff0000);
  g_assert_cmphex (pixels[1 * 4 + 1], ==, 0xffff0000);
  g_assert_cmphex (pixels[2], ==, 0xff0000ff);
  g_assert_cmphex (pixels[1 * 4 + 3], ==, 0xff0000ff);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/pdf/cache/lookup-key", test_lookup_key);
  g_test_add_func ("/cp/pdf/cache/lru", test_lru);
  g_test_add_func ("/cp/pdf/cache/keep-near", test_keep_near);
  g_test_add_func ("/cp/pdf/cache/texture-from-surface", test_texture_from_surface);

  return g_test_run ();
}
