/* cp-netmap-view-private.h: what the map view's files share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-view.h"

G_BEGIN_DECLS

/* The view is split in four:
 *   cp-netmap-view.c         the object, its properties and signals, focus and style
 *   cp-netmap-view-layout.c  laying out, fitting, zoom and pan, the children (made and
 *                            placed from the layout) and drawing
 *   cp-netmap-view-input.c   pointer, pinch and scroll gestures, keys, focus order, actions
 *   cp-netmap-view-item.c    the child over a member or a "+N more" mark, and its words */

typedef enum
{
  CP_NETMAP_DRAG_NONE,
  CP_NETMAP_DRAG_PENDING,       /* pressed, not yet moved past the threshold */
  CP_NETMAP_DRAG_MEMBER,        /* moving a member */
  CP_NETMAP_DRAG_TIE,           /* drawing a tie from a member */
  CP_NETMAP_DRAG_PAN,
} CpNetmapDragState;

enum
{
  CP_NETMAP_VIEW_MEMBER_ACTIVATED,
  CP_NETMAP_VIEW_MEMBER_DELETE_REQUESTED,
  CP_NETMAP_VIEW_MEMBER_RENAME_REQUESTED,
  CP_NETMAP_VIEW_MEMBER_MOVED,
  CP_NETMAP_VIEW_ADD_REQUESTED,
  CP_NETMAP_VIEW_TIE_REQUESTED,
  CP_NETMAP_VIEW_FOLD_ACTIVATED,
  CP_NETMAP_VIEW_N_SIGNALS
};

extern guint _cp_netmap_view_signals[CP_NETMAP_VIEW_N_SIGNALS];

struct _CpNetmapView
{
  GtkWidget              parent_instance;

  CpNetmapModel         *model;
  CpNetmapModel         *since;
  char                  *centre_label;
  CpNetmapRenderer      *renderer;
  CpNetmapLayout        *layout;          /* NULL: to be made before the next frame */
  GdkTexture            *picture;         /* the renderer's kept picture … */
  guint                  picture_serial;  /* … and its serial */
  CpNetmapRenderOptions  options;
  gboolean               large_text;

  /* map (0, 0) is at (cx, cy) of the view, and a map unit is scale pixels */
  double                 scale;
  double                 cx;
  double                 cy;
  gboolean               fit_mode;        /* follow the view's size: not zoomed or panned */
  int                    width;
  int                    height;

  GHashTable            *items;           /* lineage -> CpNetmapViewItem (the children) */
  GPtrArray             *fold_items;      /* CpNetmapViewItem, one per fold */
  gint64                 focused;         /* the member whose child has the focus, or 0 */
  gint64                 selected;

  /* input */
  CpNetmapDragState      drag;
  gint64                 drag_lineage;    /* the member pressed on, or 0 */
  gboolean               drag_link;       /* Shift was down: a tie */
  double                 drag_x;          /* where the press was, in the view */
  double                 drag_y;
  double                 drag_cx;         /* the pan then */
  double                 drag_cy;
  double                 pointer_x;
  double                 pointer_y;
  double                 pinch_scale;     /* the scale when a pinch began */
  int                    fold_pressed;    /* the fold a click began on, or -1 */
  GtkGesture            *drag_gesture;
  GtkWindow             *window;          /* the root, while it is a window */
};

/* cp-netmap-view.c */
/* Sets the zoom (and makes the layout again) */
void         _cp_netmap_view_set_scale       (CpNetmapView       *self,
                                              double              scale);
/* The map itself takes the focus (not one of its members) */
gboolean     _cp_netmap_view_focus_self      (CpNetmapView       *self);

/* cp-netmap-view-layout.c */
void         _cp_netmap_view_measure         (GtkWidget          *widget,
                                              GtkOrientation      orientation,
                                              int                 for_size,
                                              int                *minimum,
                                              int                *natural,
                                              int                *minimum_baseline,
                                              int                *natural_baseline);
void         _cp_netmap_view_size_allocate   (GtkWidget          *widget,
                                              int                 width,
                                              int                 height,
                                              int                 baseline);
void         _cp_netmap_view_snapshot        (GtkWidget          *widget,
                                              GtkSnapshot        *snapshot);
/* Removes every child and the layout */
void         _cp_netmap_view_drop_children   (CpNetmapView       *self);
/* Makes the layout if there is none (it needs the view's size) */
void         _cp_netmap_view_ensure_layout   (CpNetmapView       *self);
/* The layout is out of date (zoom, options or map): made again before the next frame */
void         _cp_netmap_view_invalidate      (CpNetmapView       *self);
/* Puts the map's centre at (@cx, @cy) of the view, on whole pixels; the user has panned */
void         _cp_netmap_view_pan_to          (CpNetmapView       *self,
                                              double              cx,
                                              double              cy);
/* Pans as little as needs be to show the member's child whole */
void         _cp_netmap_view_scroll_to_member (CpNetmapView      *self,
                                               gint64             lineage);
void         _cp_netmap_view_emit_move       (CpNetmapView       *self,
                                              gint64              lineage,
                                              const CpNetmapPlace *place);

/* cp-netmap-view-input.c */
void         _cp_netmap_view_init_input      (CpNetmapView       *self);
void         _cp_netmap_view_class_init_input (GtkWidgetClass    *widget_class);
/* The focus vfunc: Tab and arrows among the children */
gboolean     _cp_netmap_view_focus           (GtkWidget          *widget,
                                              GtkDirectionType    direction);
gboolean     _cp_netmap_view_grab_focus      (GtkWidget          *widget);
void         _cp_netmap_view_update_actions  (CpNetmapView       *self);
/* Stops a drag or a half-made tie; FALSE when there was none */
gboolean     _cp_netmap_view_cancel_drag     (CpNetmapView       *self);

/* cp-netmap-view-item.c: the child over a member or a fold */
#define CP_TYPE_NETMAP_VIEW_ITEM (cp_netmap_view_item_get_type ())
G_DECLARE_FINAL_TYPE (CpNetmapViewItem, cp_netmap_view_item, CP, NETMAP_VIEW_ITEM, GtkWidget)

CpNetmapViewItem *_cp_netmap_view_item_new_member (gint64             lineage);
CpNetmapViewItem *_cp_netmap_view_item_new_fold   (void);
/* The member's lineage; 0 for a fold */
gint64       _cp_netmap_view_item_get_lineage (CpNetmapViewItem  *item);
/* The fold's index in the layout; -1 for a member */
int          _cp_netmap_view_item_get_fold   (CpNetmapViewItem   *item);
/* Words and place from the layout (the place in map units: the shape with its name) */
void         _cp_netmap_view_item_update_member (CpNetmapViewItem            *item,
                                                 const CpNetmapSpot          *spot,
                                                 const CpNetmapRenderOptions *options,
                                                 gboolean                     fresh);
void         _cp_netmap_view_item_update_fold (CpNetmapViewItem  *item,
                                               CpNetmapLayout    *layout,
                                               int                fold,
                                               gboolean           initials_only);
const CpNetmapRect *_cp_netmap_view_item_get_box (CpNetmapViewItem *item);
/* The middle of the shape or mark, map units */
void         _cp_netmap_view_item_get_centre (CpNetmapViewItem   *item,
                                              double             *x,
                                              double             *y);
/* Tab order: sector by sector clockwise from family & home, in each sector ring by ring
 * outwards, in each cell clockwise, a cell's "+N more" last */
int          _cp_netmap_view_item_compare    (gconstpointer       a,
                                              gconstpointer       b);
/* The accessible name of a member: "Sam, person, friends, closest to me, helps me" */
char        *_cp_netmap_view_describe_member (const CpNetmapMember       *member,
                                              const CpNetmapRenderOptions *options,
                                              gboolean                    fresh);

G_END_DECLS
