/* cp-pdf-marks.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Finding a bookmark or highlight again (core, no widgets). A mark is
 * anchored by the nearest named destination before it, its text and its page:
 * in a rebuilt manual with more pages, the destination gives the place to
 * start, and the text the page it is on now; the page is the last resort.
 */

#pragma once

#include "pdf/cp-pdf-document.h"
#include "store/cp-store-library.h"

G_BEGIN_DECLS

/* The part of @quote to search for: its first line, at most a few words. */
char     *cp_pdf_mark_dup_needle     (const char           *quote);

void      cp_pdf_locate_mark_async   (CpPdfDocument        *document,
                                          const CpLibraryMark  *mark,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Where the mark is now: @page (0-based) and @top in points (-1: the page's
 * top). Only fails when cancelled. */
gboolean  cp_pdf_locate_mark_finish  (CpPdfDocument        *document,
                                          GAsyncResult         *result,
                                          guint                *page,
                                          double               *top,
                                          GError              **error);

G_END_DECLS
