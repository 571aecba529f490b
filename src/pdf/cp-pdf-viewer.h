/* cp-pdf-viewer.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfViewer: the chrome around a CpPdfView. A header bar (back to the
 * library, outline toggle, page button with Ctrl+G "go to page", find, a
 * menu with zoom, fit width/page, dual page, rotation and night mode), an
 * AdwFlap sidebar with the outline (the current section is selected as
 * you scroll) or the find results, a find bar, and status pages for
 * loading, errors and passwords.
 *
 * With a store and a key (see cp-store-library.h) it reopens a document at
 * its last page and zoom and remembers them as you read.
 *
 * Actions (widget scope "viewer"): viewer.find (Ctrl+F), viewer.go-to-page
 * (Ctrl+G), viewer.toggle-outline (F9), viewer.zoom-in, viewer.zoom-out,
 * viewer.zoom-reset, viewer.go-back (Alt+Left), viewer.go-forward
 * (Alt+Right), viewer.rotate-left/right, and the property actions
 * viewer.sizing-mode ('free', 'fit-width', 'fit-page'), viewer.dual-page,
 * viewer.night-mode, viewer.add-bookmark (Ctrl+D), viewer.add-highlight.
 * The back button activates "library.show-list".
 *
 * Properties: "folded" (TRUE when the window's sidebar is folded away),
 * "title" (the document's title), "loaded" (a document is shown).
 */

#pragma once

#include <gtk/gtk.h>

#include "cp-pdf-view.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PDF_VIEWER (cp_pdf_viewer_get_type ())

G_DECLARE_FINAL_TYPE (CpPdfViewer, cp_pdf_viewer, CP, PDF_VIEWER, GtkWidget)

/* @store may be NULL: nothing is remembered. */
CpPdfViewer   *cp_pdf_viewer_new               (CpStore        *store);

/* Shows @document. @key (may be NULL) keys the reading state in the store;
 * @dest (may be NULL) is where to open: a named destination, or "page=N"
 * (1-based); NULL opens at the page last read. */
void           cp_pdf_viewer_set_document      (CpPdfViewer    *self,
                                                CpPdfDocument  *document,
                                                const char     *key,
                                                const char     *dest);
/* Opens a file or a resource on the worker (a spinner meanwhile; an error
 * or a password page when it fails), then as cp_pdf_viewer_set_document(). */
void           cp_pdf_viewer_open_file         (CpPdfViewer    *self,
                                                GFile          *file,
                                                const char     *key,
                                                const char     *dest);
void           cp_pdf_viewer_open_resource     (CpPdfViewer    *self,
                                                const char     *resource_path,
                                                const char     *key,
                                                const char     *dest);
/* Drops the document (after saving where the reader was). */
void           cp_pdf_viewer_close             (CpPdfViewer    *self);

/* A named destination or "page=N" in the document shown. */
void           cp_pdf_viewer_go_to             (CpPdfViewer    *self,
                                                const char     *dest);
/* What Ctrl+G does with the text typed: a page label first ("iv", "A-1"),
 * then a page number (1-based). FALSE when there is no such page. */
gboolean       cp_pdf_viewer_go_to_page_text   (CpPdfViewer    *self,
                                                const char     *text);

/* Writes the reading state to the store now (it is also written a moment
 * after every change and when the document is closed). */
void           cp_pdf_viewer_save_state        (CpPdfViewer    *self);

CpPdfView     *cp_pdf_viewer_get_view          (CpPdfViewer    *self);
CpPdfDocument *cp_pdf_viewer_get_document      (CpPdfViewer    *self);
const char    *cp_pdf_viewer_get_key           (CpPdfViewer    *self);
gboolean       cp_pdf_viewer_get_loaded        (CpPdfViewer    *self);
/* The outline entry selected as the current section, or NULL. */
CpPdfOutlineItem *cp_pdf_viewer_get_current_section (CpPdfViewer *self);

/* The file shown when it was opened from a file (else NULL). */
GFile         *cp_pdf_viewer_get_file          (CpPdfViewer    *self);

/* Plain words for why a PDF cannot be opened or added (CP_PDF_ERROR,
 * G_IO_ERROR, CP_STORE_ERROR): a title and a description, for people. */
void           cp_pdf_viewer_describe_error    (const GError   *error,
                                                char          **title,
                                                char          **description);

/* Bookmarks (the line at the top of the view) and highlights (the selected
 * text), stored with the document's key; nothing without a store and key. */
void           cp_pdf_viewer_add_bookmark      (CpPdfViewer    *self);
void           cp_pdf_viewer_add_highlight     (CpPdfViewer    *self);

/* Find: starts a search for @text (as typing it in the find bar does). */
void           cp_pdf_viewer_find              (CpPdfViewer    *self,
                                                const char     *text);
guint          cp_pdf_viewer_get_n_find_hits   (CpPdfViewer    *self);
gboolean       cp_pdf_viewer_get_find_done     (CpPdfViewer    *self);

G_END_DECLS
