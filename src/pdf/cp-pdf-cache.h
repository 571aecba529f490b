/* cp-pdf-cache.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfCache: rendered pages and tiles (GdkTexture) keyed by (document,
 * page, scale, rotation, tile). Each view keeps one and sizes it by what is
 * near its viewport (cp_pdf_cache_keep_near ()); the memory cap (default
 * 256 MiB, least recently used first out) only guards against the unusual.
 * Main thread only.
 */

#pragma once

#include <gdk/gdk.h>

#include "cp-pdf-document.h"

G_BEGIN_DECLS

#define CP_PDF_CACHE_DEFAULT_MAX_BYTES (256 * 1024 * 1024)

#define CP_TYPE_PDF_CACHE (cp_pdf_cache_get_type ())

G_DECLARE_FINAL_TYPE (CpPdfCache, cp_pdf_cache, CP, PDF_CACHE, GObject)

CpPdfCache *cp_pdf_cache_new             (gsize                  max_bytes);
CpPdfCache *cp_pdf_cache_get_default     (void);
gsize       cp_pdf_cache_get_max_bytes   (CpPdfCache            *self);
void        cp_pdf_cache_set_max_bytes   (CpPdfCache            *self,
                                          gsize                  max_bytes);
gsize       cp_pdf_cache_get_used_bytes  (CpPdfCache            *self);
guint       cp_pdf_cache_get_n_items     (CpPdfCache            *self);
/* Borrowed texture, or NULL; a hit makes the entry the most recent. */
GdkTexture *cp_pdf_cache_lookup          (CpPdfCache            *self,
                                          CpPdfDocument         *document,
                                          const CpPdfRenderSpec *spec);
void        cp_pdf_cache_insert          (CpPdfCache            *self,
                                          CpPdfDocument         *document,
                                          const CpPdfRenderSpec *spec,
                                          GdkTexture            *texture);
void        cp_pdf_cache_drop_document   (CpPdfCache            *self,
                                          CpPdfDocument         *document);
void        cp_pdf_cache_clear           (CpPdfCache            *self);
/* Drops at once everything but @document's pages @first..@last at @scale
 * (device pixels per point) and @rotation, and, for a page of that range not yet at
 * @scale, its whole-page texture at @stand_in_scale (0 for none), which
 * stands in while the page renders. */
void        cp_pdf_cache_keep_near       (CpPdfCache            *self,
                                          CpPdfDocument         *document,
                                          guint                  first,
                                          guint                  last,
                                          double                 scale,
                                          guint                  rotation,
                                          double                 stand_in_scale);

G_END_DECLS
