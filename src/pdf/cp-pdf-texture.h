/* cp-pdf-texture.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Rendered pages as textures: the document layer hands out cairo image
 * surfaces, the UI shows GdkTextures. The texture shares the surface's
 * pixels (no copy) and keeps the surface alive as long as it lives.
 */

#pragma once

#include <gdk/gdk.h>

#include "cp-pdf-document.h"

G_BEGIN_DECLS

GdkTexture *cp_pdf_texture_new_for_surface (cairo_surface_t  *surface);
GdkTexture *cp_pdf_texture_render_finish   (CpPdfDocument    *document,
                                            GAsyncResult     *result,
                                            GError          **error);

G_END_DECLS
