/* cp-netmap-view.h: a network map on screen, its members focusable children
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cp-netmap-render.h"

G_BEGIN_DECLS

/* CpNetmapView draws a CpNetmapModel with the one renderer (cp-netmap-render.h) and puts
 * a small focusable child over each member drawn, and over each "+N more" mark, so that
 * keyboard and screen-reader users reach every one: each has an accessible name such as
 * "Sam, person, friends, closest to me, helps me" (the full name, also when the map
 * shows it shortened; initials only in the pseudonymised view), and a tooltip with the
 * full name when the map shortens it.
 *
 * The view never changes the model. What the user does comes out as signals, which the
 * page turns into edits; after changing the model, call cp_netmap_view_model_changed ()
 * (or set another model) before going back to the main loop: the view lays the map out
 * again, keeping the zoom and the pan, and keeps the focus on the same member.
 *
 * Zoom and pan: Ctrl+scroll and pinch zoom about the pointer; scrolling and dragging
 * an empty spot pan; the actions map.zoom-in (Ctrl+plus), map.zoom-out (Ctrl+minus) and
 * map.zoom-fit (Ctrl+0) zoom about the middle. The map fits the view when first shown
 * and follows the view's size until the user zooms or pans.
 *
 * Pointer: a click selects (and focuses) a member; a double-click on a member is
 * "member-activated", on an empty spot of a ring "add-requested"; dragging a member
 * shows it moving and, where it is dropped, "member-moved"; Shift+drag from a member to
 * another is "tie-requested"; Escape cancels a drag.
 *
 * Keys on a focused member (the shortcuts window lists them):
 *   Tab, Shift+Tab          the next and previous member: sector by sector clockwise from
 *                           family & home, in each from the innermost ring out, clockwise
 *   arrow keys              the nearest member in that direction
 *   Alt+Up, Alt+Down        move it one ring in (closer) or out ("member-moved")
 *   Alt+Right, Alt+Left     move it to the next sector clockwise or anticlockwise
 *   Enter, Space            "member-activated" (on "+N more": "fold-activated")
 *   Delete                  "member-delete-requested"
 *   F2                      "member-rename-requested"
 *
 * Signals:
 *   member-activated (gint64 lineage)
 *   member-delete-requested (gint64 lineage)
 *   member-rename-requested (gint64 lineage)
 *   member-moved (gint64 lineage, CpNetmapSector sector, int ring, double angle,
 *                 double depth): the place asked for (cp-netmap-geometry.h); a move by
 *                 keyboard asks for a free spot in the new cell
 *   add-requested (CpNetmapSector sector, int ring, double angle, double depth)
 *   tie-requested (gint64 a, gint64 b)
 *   fold-activated (CpNetmapSector sector, int ring): open the list of that cell
 */

#define CP_TYPE_NETMAP_VIEW (cp_netmap_view_get_type ())
G_DECLARE_FINAL_TYPE (CpNetmapView, cp_netmap_view, CP, NETMAP_VIEW, GtkWidget)

GtkWidget     *cp_netmap_view_new                (void);

CpNetmapModel *cp_netmap_view_get_model          (CpNetmapView   *self);
void           cp_netmap_view_set_model          (CpNetmapView   *self,
                                                  CpNetmapModel  *model);
/* The model changed (members added, removed, moved, renamed, chips, ties). */
void           cp_netmap_view_model_changed      (CpNetmapView   *self);

/* Renderer options, each also a property */
gboolean       cp_netmap_view_get_initials_only  (CpNetmapView   *self);
void           cp_netmap_view_set_initials_only  (CpNetmapView   *self,
                                                  gboolean        initials_only);
gboolean       cp_netmap_view_get_hide_hard_going (CpNetmapView  *self);
void           cp_netmap_view_set_hide_hard_going (CpNetmapView  *self,
                                                   gboolean       hide_hard_going);
/* The practitioner-only caution flag: off by default, never in the with-person view */
gboolean       cp_netmap_view_get_show_caution   (CpNetmapView   *self);
void           cp_netmap_view_set_show_caution   (CpNetmapView   *self,
                                                  gboolean        show_caution);
/* Larger names, for the with-person view */
gboolean       cp_netmap_view_get_large_text     (CpNetmapView   *self);
void           cp_netmap_view_set_large_text     (CpNetmapView   *self,
                                                  gboolean        large_text);
/* Highlights the members not on @since (an earlier map of the person), or none (NULL) */
CpNetmapModel *cp_netmap_view_get_since          (CpNetmapView   *self);
void           cp_netmap_view_set_since          (CpNetmapView   *self,
                                                  CpNetmapModel  *since);
/* The name at the centre; NULL: "me" */
const char    *cp_netmap_view_get_centre_label   (CpNetmapView   *self);
void           cp_netmap_view_set_centre_label   (CpNetmapView   *self,
                                                  const char     *label);

/* The selected member (follows the focus and clicks), or 0 */
gint64         cp_netmap_view_get_selected       (CpNetmapView   *self);
void           cp_netmap_view_set_selected       (CpNetmapView   *self,
                                                  gint64          lineage);
/* The child standing for a member drawn on the map (to focus it, or to point a popover
 * at it), or NULL when it is not drawn (folded into "+N more", or not on the map). */
GtkWidget     *cp_netmap_view_get_member_widget  (CpNetmapView   *self,
                                                  gint64          lineage);
/* Where the member's shape is drawn, in the view's coordinates; FALSE when it is not drawn */
gboolean       cp_netmap_view_get_member_point   (CpNetmapView   *self,
                                                  gint64          lineage,
                                                  double         *x,
                                                  double         *y);

/* Zoom: the scale is in pixels per map unit (the outer ring's radius) */
double         cp_netmap_view_get_scale          (CpNetmapView   *self);
void           cp_netmap_view_zoom_in            (CpNetmapView   *self);
void           cp_netmap_view_zoom_out           (CpNetmapView   *self);
void           cp_netmap_view_zoom_fit           (CpNetmapView   *self);
/* Zooms by @factor keeping the point (@x, @y) of the view where it is */
void           cp_netmap_view_zoom_at            (CpNetmapView   *self,
                                                  double          factor,
                                                  double          x,
                                                  double          y);
/* Between the view's coordinates and map units (cp-netmap-geometry.h) */
void           cp_netmap_view_map_to_widget      (CpNetmapView   *self,
                                                  double          map_x,
                                                  double          map_y,
                                                  double         *x,
                                                  double         *y);
void           cp_netmap_view_widget_to_map      (CpNetmapView   *self,
                                                  double          x,
                                                  double          y,
                                                  double         *map_x,
                                                  double         *map_y);

G_END_DECLS
