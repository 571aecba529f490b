/* cp-pdf-viewer-private.h: shared between the files of CpPdfViewer
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cp-pdf-viewer.h"

G_BEGIN_DECLS

/* One entry of the flattened outline, in document order. */
typedef struct
{
  CpPdfOutlineItem *item;
  GtkWidget        *row;
  int               page;
  double            top;
  guint             depth;
} CpOutlineEntry;

struct _CpPdfViewer
{
  GtkWidget          parent_instance;

  CpStore           *store;
  CpPdfDocument     *document;
  char              *key;
  char              *pending_dest;
  GCancellable      *open_cancellable;
  GtkWidget         *open_after_frame_of; /* the window whose first frame the open waits for */
  GFile             *open_file;          /* what is being opened, for a password retry */
  char              *open_resource;
  guint              save_id;
  guint              header_idle_id;
  guint              spinner_id;      /* the spinner shows if loading takes a while */
  gboolean           folded;
  gboolean           loaded;
  gboolean           restoring;
  int                night_choice;       /* CpLibraryNightMode */

  /* outline */
  GPtrArray         *outline;            /* CpOutlineEntry */
  CpOutlineEntry    *current_section;
  guint              section_idle_id;

  /* find */
  GCancellable      *find_cancellable;
  GPtrArray         *hits;               /* CpPdfFindHit */
  char              *find_text;
  int                current_hit;
  gboolean           find_done;

  /* template */
  GtkWidget         *box;
  AdwHeaderBar      *header;
  GtkWidget         *back_button;
  GtkToggleButton   *outline_button;
  GtkMenuButton     *page_button;
  GtkPopover        *page_popover;
  GtkEntry          *page_entry;
  GtkLabel          *page_hint;
  AdwWindowTitle    *window_title;
  GtkMenuButton     *menu_button;
  GMenuModel        *viewer_menu;
  GtkToggleButton   *find_button;
  GtkWidget         *add_button;
  GtkSearchBar      *find_bar;
  GtkSearchEntry    *find_entry;
  GtkLabel          *find_count;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkPasswordEntry  *password_entry;     /* made when first asked for */
  AdwFlap           *flap;
  GtkStack          *sidebar_stack;
  GtkStack          *outline_stack;
  GtkStack          *nav_stack;
  GtkSearchEntry    *marks_search;
  GtkListBox        *marks_list;
  GtkListView       *thumbs_view;
  gboolean           marks_updating;
  GtkScrolledWindow *outline_scroller;
  GtkListBox        *outline_list;
  GtkListBox        *results_list;
  GtkScrolledWindow *scroller;
  CpPdfView         *view;
  GtkWidget         *zoom_box;
  GtkButton         *zoom_reset_button;
};

/* Property ids that other files notify. */
#define CP_PDF_VIEWER_PROP_TITLE  3
#define CP_PDF_VIEWER_PROP_LOADED 4

/* cp-pdf-viewer.c */
void        _cp_pdf_viewer_notify              (CpPdfViewer   *self,
                                                guint          prop_id);
void        _cp_pdf_viewer_apply_night_mode    (CpPdfViewer   *self);
void        _cp_pdf_viewer_update_page_button  (CpPdfViewer   *self);
void        _cp_pdf_viewer_update_zoom_label   (CpPdfViewer   *self);
void        _cp_pdf_viewer_update_actions      (CpPdfViewer   *self);
const char *_cp_pdf_viewer_document_title      (CpPdfViewer   *self);

/* cp-pdf-viewer-actions.c */
void        _cp_pdf_viewer_class_init_actions  (GtkWidgetClass *widget_class);

/* cp-pdf-viewer-open.c */
void        _cp_pdf_viewer_set_loaded          (CpPdfViewer   *self,
                                                gboolean       loaded);
void        _cp_pdf_viewer_go_to_dest          (CpPdfViewer   *self,
                                                const char    *dest);
void        _cp_pdf_viewer_password_unlock     (CpPdfViewer   *self);
void        _cp_pdf_viewer_stop_waiting_for_frame (CpPdfViewer *self);
void        _cp_pdf_viewer_link_activated      (CpPdfViewer     *self,
                                                const CpPdfLink *link);

/* cp-pdf-viewer-outline.c */
void     _cp_pdf_viewer_outline_init        (CpPdfViewer   *self);
void     _cp_pdf_viewer_outline_load        (CpPdfViewer   *self);
void     _cp_pdf_viewer_outline_clear       (CpPdfViewer   *self);
void     _cp_pdf_viewer_outline_queue_sync  (CpPdfViewer   *self);
void     _cp_pdf_viewer_outline_row_activated (CpPdfViewer *self,
                                               GtkListBoxRow *row);

/* The entry of the section holding (page, top in points), or NULL. */
const CpOutlineEntry *_cp_pdf_viewer_outline_entry_at (CpPdfViewer *self,
                                                       guint        page,
                                                       double       top);

/* cp-pdf-viewer-marks.c */
void     _cp_pdf_viewer_marks_init          (CpPdfViewer   *self);
void     _cp_pdf_viewer_marks_reload        (CpPdfViewer   *self);
void     _cp_pdf_viewer_mark_row_activated  (CpPdfViewer   *self,
                                             GtkListBoxRow *row);

/* cp-pdf-viewer-thumbnails.c */
void     _cp_pdf_viewer_thumbs_init         (CpPdfViewer   *self);
void     _cp_pdf_viewer_thumbs_load         (CpPdfViewer   *self);
void     _cp_pdf_viewer_thumbs_sync         (CpPdfViewer   *self);
void     _cp_pdf_viewer_thumb_activated     (CpPdfViewer   *self,
                                             guint          position);

/* cp-pdf-viewer-find.c */
void     _cp_pdf_viewer_find_clear          (CpPdfViewer   *self);
void     _cp_pdf_viewer_find_show           (CpPdfViewer   *self);
void     _cp_pdf_viewer_find_changed        (CpPdfViewer   *self);
void     _cp_pdf_viewer_find_step           (CpPdfViewer   *self,
                                             int            direction);
void     _cp_pdf_viewer_find_stop           (CpPdfViewer   *self);
void     _cp_pdf_viewer_find_result_activated (CpPdfViewer *self,
                                               GtkListBoxRow *row);

G_END_DECLS
