/* cp-pdf-view-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The instance struct of CpPdfView, shared by its files:
 *   cp-pdf-view.c            GObject, properties, public setters
 *   cp-pdf-view-layout.c     layout, geometry, scrolling, sizing, zoom
 *   cp-pdf-view-history.c    jumps and back/forward history
 *   cp-pdf-view-render.c     snapshot, render requests, cache, placeholders
 *   cp-pdf-view-input.c      keys, pointer, gestures, zoom, links, actions
 *   cp-pdf-view-selection.c  text layouts, selection, copy, find highlights
 */

#pragma once

#include "cp-pdf-cache.h"
#include "cp-pdf-view.h"

G_BEGIN_DECLS

/* Logical pixels per PDF point at 100 % (96 dpi screens, 72 pt per inch). */
#define CP_PDF_VIEW_PX_PER_PT (96.0 / 72.0)
/* Gap around and between pages, logical pixels. */
#define CP_PDF_VIEW_GAP 12.0

enum {
  CP_PDF_VIEW_PROP_0,
  CP_PDF_VIEW_PROP_DOCUMENT,
  CP_PDF_VIEW_PROP_PAGE,
  CP_PDF_VIEW_PROP_ZOOM,
  CP_PDF_VIEW_PROP_SIZING_MODE,
  CP_PDF_VIEW_PROP_DUAL_PAGE,
  CP_PDF_VIEW_PROP_ROTATION,
  CP_PDF_VIEW_PROP_NIGHT_MODE,
  CP_PDF_VIEW_PROP_CAN_GO_BACK,
  CP_PDF_VIEW_PROP_CAN_GO_FORWARD,
  CP_PDF_VIEW_PROP_HAS_SELECTION,
  CP_PDF_VIEW_N_PROPS
};

extern GParamSpec *_cp_pdf_view_pspecs[CP_PDF_VIEW_N_PROPS];

typedef struct
{
  guint  page;
  double top;    /* points from the top of the rotated page */
} CpPdfLocation;

/* Things loaded once per page (links, text layouts): NULL until loaded. */
typedef struct
{
  GPtrArray *items;
  guint8    *requested;
} CpPdfPageSlots;

/* An async request about one page; holds the view until it completes. */
typedef struct
{
  CpPdfView *view;
  guint      page;
} CpPdfPageRequest;

struct _CpPdfView
{
  GtkWidget        parent_instance;

  CpPdfDocument   *document;
  CpPdfCache      *cache;
  GCancellable    *cancellable;      /* everything asked of this document */

  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  double           zoom;
  CpPdfSizingMode  sizing_mode;
  guint            rotation;
  guint            page;
  gboolean         dual_page;
  gboolean         night_mode;

  /* Layout, in content coordinates (logical px): one rect per page. */
  graphene_rect_t *rects;
  double           content_width;
  double           content_height;
  double           scale;            /* logical px per point */
  double           previous_scale;   /* for stretched stand-ins while re-rendering */
  double           rendered_scale;   /* the last scale a page arrived at */
  gboolean         layout_valid;
  gboolean         laid_out;         /* since the document was set */

  /* Render requests in flight: "page:tx:ty" → Request. */
  GHashTable      *pending;
  GHashTable      *failed;           /* keys that failed for good, until relayout */
  guint            generation;

  /* Where to put a page point after the next layout (zoom anchor, jumps). */
  gboolean         has_anchor;
  guint            anchor_page;
  double           anchor_px;
  double           anchor_py;
  double           anchor_wx;
  double           anchor_wy;

  /* Per page. */
  CpPdfPageSlots   links;            /* GPtrArray of CpPdfLink */
  CpPdfPageSlots   layouts;          /* CpPdfTextLayout */

  /* Selection: (page, character index) at both ends, in drag order. */
  gboolean         has_selection;
  guint            sel_page[2];
  double           sel_point[2][2];  /* page points of both ends */

  /* Find highlights. */
  GPtrArray       *hits;
  int              current_hit;

  /* The user's own highlights (CpPdfFindHit: page and rectangle). */
  GPtrArray       *marks;

  /* History. */
  GArray          *back;
  GArray          *forward;

  /* Pointer. */
  double           pointer_x;
  double           pointer_y;
  double           drag_x;
  double           drag_y;
  gboolean         dragging;
  double           zoom_gesture_start;
};

/* cp-pdf-view.c */
gboolean          _cp_pdf_page_slots_claim    (CpPdfPageSlots  *slots,
                                               guint            n_pages,
                                               GDestroyNotify   free_func,
                                               guint            page);
gpointer          _cp_pdf_page_slots_get      (CpPdfPageSlots  *slots,
                                               guint            page);
void              _cp_pdf_page_slots_clear    (CpPdfPageSlots  *slots);
CpPdfPageRequest *_cp_pdf_page_request_new    (CpPdfView       *self,
                                               guint            page);
void              _cp_pdf_page_request_free   (CpPdfPageRequest *request);

/* cp-pdf-view-layout.c */
void     _cp_pdf_view_measure              (GtkWidget       *widget,
                                            GtkOrientation   orientation,
                                            int              for_size,
                                            int             *minimum,
                                            int             *natural,
                                            int             *minimum_baseline,
                                            int             *natural_baseline);
void     _cp_pdf_view_size_allocate        (GtkWidget       *widget,
                                            int              width,
                                            int              height,
                                            int              baseline);
void     _cp_pdf_view_set_adjustment       (CpPdfView       *self,
                                            GtkAdjustment  **slot,
                                            GtkAdjustment   *adjustment);
void     _cp_pdf_view_set_page_internal    (CpPdfView       *self,
                                            guint            page);
void     _cp_pdf_view_update_current_page  (CpPdfView       *self);
void     _cp_pdf_view_ensure_layout        (CpPdfView       *self);
void     _cp_pdf_view_page_to_content      (CpPdfView       *self,
                                            guint            page,
                                            double           px,
                                            double           py,
                                            double          *cx,
                                            double          *cy);

/* cp-pdf-view-history.c */
void     _cp_pdf_view_relayout_keep_page   (CpPdfView       *self,
                                            gboolean         keep_offset);
void     _cp_pdf_view_set_zoom_at          (CpPdfView       *self,
                                            double           zoom,
                                            double           wx,
                                            double           wy);
void     _cp_pdf_view_scroll_by            (CpPdfView       *self,
                                            double           dx,
                                            double           dy);
void     _cp_pdf_view_visible_range        (CpPdfView       *self,
                                            guint           *first,
                                            guint           *last);
void     _cp_pdf_view_push_history         (CpPdfView       *self);
gboolean _cp_pdf_view_page_rect_to_widget  (CpPdfView       *self,
                                            guint            page,
                                            const CpPdfRect *rect,
                                            graphene_rect_t *out);

/* cp-pdf-view-render.c */
void     _cp_pdf_view_snapshot             (GtkWidget       *widget,
                                            GtkSnapshot     *snapshot);
void     _cp_pdf_view_update_requests      (CpPdfView       *self);
void     _cp_pdf_view_cancel_requests      (CpPdfView       *self);

/* cp-pdf-view-input.c */
void     _cp_pdf_view_init_input           (CpPdfView       *self);
void     _cp_pdf_view_class_init_input     (GtkWidgetClass  *widget_class);
void     _cp_pdf_view_update_actions       (CpPdfView       *self);
void     _cp_pdf_view_ensure_links         (CpPdfView       *self,
                                            guint            page);

/* cp-pdf-view-selection.c */
void     _cp_pdf_view_ensure_text_layout   (CpPdfView       *self,
                                            guint            page);
void     _cp_pdf_view_snapshot_highlights  (CpPdfView       *self,
                                            GtkSnapshot     *snapshot,
                                            guint            page);
void     _cp_pdf_view_reset_document_data  (CpPdfView       *self);

G_END_DECLS
