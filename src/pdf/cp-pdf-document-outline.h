/* cp-pdf-document-outline.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfOutlineItem: one entry of a document's outline (table of contents).
 * The outline is read once when the document opens; items are immutable
 * plain GObjects, safe to use on the main thread without the worker.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CP_TYPE_PDF_OUTLINE_ITEM (cp_pdf_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (CpPdfOutlineItem, cp_pdf_outline_item, CP, PDF_OUTLINE_ITEM, GObject)

/* The entry's title as shown. */
const char *cp_pdf_outline_item_get_title    (CpPdfOutlineItem *self);
/* Target page (0-based), or -1 when the entry has no resolvable page. */
int         cp_pdf_outline_item_get_page     (CpPdfOutlineItem *self);
/* Target top in points on that page, or -1. */
double      cp_pdf_outline_item_get_top      (CpPdfOutlineItem *self);
/* Named destination of the entry, or NULL. */
const char *cp_pdf_outline_item_get_dest     (CpPdfOutlineItem *self);
/* External URI of the entry, or NULL. */
const char *cp_pdf_outline_item_get_uri      (CpPdfOutlineItem *self);
/* Whether the document asks for the entry to be shown expanded. */
gboolean    cp_pdf_outline_item_get_expanded (CpPdfOutlineItem *self);
/* Children (CpPdfOutlineItem); never NULL, possibly empty. */
GListModel *cp_pdf_outline_item_get_children (CpPdfOutlineItem *self);

G_END_DECLS
