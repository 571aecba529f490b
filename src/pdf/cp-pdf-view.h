/* cp-pdf-view.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfView: the page view. A GtkWidget implementing GtkScrollable; put it
 * in a GtkScrolledWindow. Shows every page of a CpPdfDocument in one
 * continuous vertical column (or side by side in pairs), asks the document
 * layer for the visible pages only (plus one ahead), visible first, and
 * cancels what scrolled away. It never calls poppler itself.
 *
 * Properties: document, page (current page, 0-based, follows scrolling;
 * setting it jumps there), zoom (1.0 = 100 %), sizing-mode, dual-page,
 * rotation (0/90/180/270), night-mode, can-go-back, can-go-forward,
 * has-selection.
 *
 * Actions (widget scope "pdf"): pdf.zoom-in, pdf.zoom-out, pdf.zoom-reset,
 * pdf.rotate-left, pdf.rotate-right, pdf.go-back, pdf.go-forward, pdf.copy
 * (Ctrl+C), pdf.select-none.
 * Keys: Page Up/Down, Home/End, arrows, Space/Shift+Space scroll;
 * Ctrl+plus/minus/0 zoom. Ctrl+scroll and pinch zoom around the pointer.
 *
 * Signal "link-activated" (CpPdfLink *link): emitted for every link the user
 * follows. The default handler jumps to internal links (and pushes history);
 * external links (kind CP_PDF_LINK_EXTERNAL, link->uri) are left to the UI,
 * which should confirm before opening them.
 */

#pragma once

#include <gtk/gtk.h>

#include "cp-pdf-document.h"

G_BEGIN_DECLS

typedef enum
{
  CP_PDF_SIZING_FREE,
  CP_PDF_SIZING_FIT_WIDTH,
  CP_PDF_SIZING_FIT_PAGE,
} CpPdfSizingMode;

#define CP_TYPE_PDF_SIZING_MODE (cp_pdf_sizing_mode_get_type ())
GType cp_pdf_sizing_mode_get_type (void) G_GNUC_CONST;

#define CP_PDF_VIEW_MIN_ZOOM 0.25
#define CP_PDF_VIEW_MAX_ZOOM 4.0

#define CP_TYPE_PDF_VIEW (cp_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (CpPdfView, cp_pdf_view, CP, PDF_VIEW, GtkWidget)

GtkWidget       *cp_pdf_view_new                (void);

CpPdfDocument   *cp_pdf_view_get_document       (CpPdfView       *self);
void             cp_pdf_view_set_document       (CpPdfView       *self,
                                                 CpPdfDocument   *document);

guint            cp_pdf_view_get_page           (CpPdfView       *self);
void             cp_pdf_view_set_page           (CpPdfView       *self,
                                                 guint            page);
/* Jumps to the top of page (pushes history). */
void             cp_pdf_view_scroll_to_page     (CpPdfView       *self,
                                                 guint            page);
/* Jumps to a named destination once the worker has resolved it. */
void             cp_pdf_view_scroll_to_dest     (CpPdfView       *self,
                                                 const char      *name);
/* Jumps to a point of a page, top in points (-1: the page's top). */
void             cp_pdf_view_scroll_to_location (CpPdfView       *self,
                                                 guint            page,
                                                 double           top);

double           cp_pdf_view_get_zoom           (CpPdfView       *self);
/* Sets a free zoom (the sizing mode becomes free), clamped to 25–400 %. */
void             cp_pdf_view_set_zoom           (CpPdfView       *self,
                                                 double           zoom);
void             cp_pdf_view_zoom_in            (CpPdfView       *self);
void             cp_pdf_view_zoom_out           (CpPdfView       *self);
CpPdfSizingMode  cp_pdf_view_get_sizing_mode    (CpPdfView       *self);
void             cp_pdf_view_set_sizing_mode    (CpPdfView       *self,
                                                 CpPdfSizingMode  mode);
gboolean         cp_pdf_view_get_dual_page      (CpPdfView       *self);
void             cp_pdf_view_set_dual_page      (CpPdfView       *self,
                                                 gboolean         dual_page);
guint            cp_pdf_view_get_rotation       (CpPdfView       *self);
void             cp_pdf_view_set_rotation       (CpPdfView       *self,
                                                 guint            rotation);
gboolean         cp_pdf_view_get_night_mode     (CpPdfView       *self);
void             cp_pdf_view_set_night_mode     (CpPdfView       *self,
                                                 gboolean         night_mode);

/* History of jumps (links, outline, page entry). */
gboolean         cp_pdf_view_get_can_go_back    (CpPdfView       *self);
gboolean         cp_pdf_view_get_can_go_forward (CpPdfView       *self);
void             cp_pdf_view_go_back            (CpPdfView       *self);
void             cp_pdf_view_go_forward         (CpPdfView       *self);

/* Find highlights: hits is a GPtrArray of CpPdfFindHit (the view keeps a
 * reference; pass it again after appending streamed hits, or NULL to
 * clear). current is the index of the distinct current hit, or -1;
 * setting it scrolls the hit into view. */
void             cp_pdf_view_set_find_hits      (CpPdfView       *self,
                                                 GPtrArray       *hits,
                                                 int              current);
void             cp_pdf_view_set_current_hit    (CpPdfView       *self,
                                                 int              current);
int              cp_pdf_view_get_current_hit    (CpPdfView       *self);

/* The user's highlights, drawn under find hits: a GPtrArray of CpPdfFindHit (only page
 * and rect are used; the view keeps a reference), or NULL for none. */
void             cp_pdf_view_set_marks          (CpPdfView       *self,
                                                 GPtrArray       *marks);
/* The selection as one rectangle per line, in page points (CpPdfFindHit without
 * context), in document order; empty when nothing is selected. */
GPtrArray       *cp_pdf_view_dup_selection_rects (CpPdfView      *self);

/* Text selection. */
/* Moves the selection's moving end by @chars characters or @lines lines (Shift+arrows);
 * with no selection, starts at the first character of the page in view (the caret). */
void             cp_pdf_view_extend_selection   (CpPdfView       *self,
                                                 int              chars,
                                                 int              lines);
gboolean         cp_pdf_view_get_has_selection  (CpPdfView       *self);
char            *cp_pdf_view_dup_selected_text  (CpPdfView       *self);
void             cp_pdf_view_copy_selection     (CpPdfView       *self);
void             cp_pdf_view_select_none        (CpPdfView       *self);
/* Selects the text between two widget points, as a pointer drag would. */
void             cp_pdf_view_select_between     (CpPdfView       *self,
                                                 double           x1,
                                                 double           y1,
                                                 double           x2,
                                                 double           y2);

/* Links: the link under a widget point (borrowed; NULL when none or the
 * page's links are not loaded yet), and following one as a click does. */
const CpPdfLink *cp_pdf_view_get_link_at        (CpPdfView       *self,
                                                 double           x,
                                                 double           y);
void             cp_pdf_view_activate_link      (CpPdfView       *self,
                                                 const CpPdfLink *link);

/* Geometry: a point in PDF points on a page (unrotated, top-left origin)
 * to widget coordinates, and back. */
gboolean         cp_pdf_view_page_to_widget     (CpPdfView       *self,
                                                 guint            page,
                                                 double           px,
                                                 double           py,
                                                 double          *x,
                                                 double          *y);
gboolean         cp_pdf_view_widget_to_page     (CpPdfView       *self,
                                                 double           x,
                                                 double           y,
                                                 guint           *page,
                                                 double          *px,
                                                 double          *py);

/* The number of render requests in flight (for tests and benchmarks). */
guint            cp_pdf_view_get_n_pending      (CpPdfView       *self);

G_END_DECLS
