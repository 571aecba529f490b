/* cp-pdf-texture.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-texture"

#include "cp-pdf-texture.h"

/**
 * cp_pdf_texture_new_for_surface:
 * @surface: a CAIRO_FORMAT_ARGB32 image surface, flushed
 *
 * Returns: (transfer full): a texture of the surface's pixels; it holds a
 *   reference on @surface instead of copying them.
 */
GdkTexture *
cp_pdf_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout (premultiplied, native endian). */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * cp_pdf_texture_render_finish:
 *
 * cp_pdf_document_render_finish() as a texture.
 *
 * Returns: (transfer full): the texture, or %NULL with @error set
 *   (G_IO_ERROR_CANCELLED when cancelled or superseded).
 */
GdkTexture *
cp_pdf_texture_render_finish (CpPdfDocument  *document,
                              GAsyncResult   *result,
                              GError        **error)
{
  cairo_surface_t *surface = cp_pdf_document_render_finish (document, result, error);
  GdkTexture *texture;

  if (surface == NULL)
    return NULL;
  texture = cp_pdf_texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}
