/* cp-netmap-layout.h: where each member, name and label of a map goes at one scale
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-geometry.h"

G_BEGIN_DECLS

/* A layout places everything a map draws, in map units (cp-netmap-geometry.h), for one
 * scale and text size: the members' shapes, their names, the ring and sector labels and
 * the "+N more" marks of crowded cells. Text keeps its size on the device while the map
 * scales, so a layout is made again when the zoom or the map changes; drawing, hit
 * testing, tooltips and the view's focusable children all read the same layout.
 *
 * What a member's name becomes (CpNetmapLabelMode), decided cell by cell:
 *
 *  1. A cell starts sparse: each member is a small shape at its place (moved apart just
 *     enough that no two shapes touch) with its name beside it. A name goes to the first
 *     free spot of: right (left on the left half of the map), left, below, above and the
 *     four diagonals, where it overlaps no shape, no other name and no label and stays
 *     inside the map. It tries, in turn, the FULL name on one line, the FULL name on at
 *     most two lines of 8 em, the SHORT name and the INITIALS.
 *     SHORT: the name without a trailing "(…)"; then, if longer than 12 characters, cut
 *     at the last space within 11 characters (or after 10) and ended with "…".
 *     INITIALS: the first letter of each of the first three words, outside any "(…)",
 *     upper-cased ("Saturday beginners' group" → "SBG", "Mum" → "M").
 *  2. If any name of a sparse cell finds no spot, or its shapes cannot be kept apart, the
 *     cell turns crowded: every member becomes a CHIP, its shape a little larger with up to
 *     two of its initials inside (and no chip marks), all of one size, packed in rows
 *     along the cell's arc: inner row first, clockwise.
 *  3. If even the chips do not fit, the last chip places of the cell (in clockwise order)
 *     give way to one "+N more" mark, and the members that would have gone there are
 *     FOLDED: not drawn, listed by the fold. The pinned member (the focused one) is never
 *     folded.
 *
 * The full name is always the member's name: for the tooltip and the accessible name.
 * Nothing a layout places overlaps anything else it places, with one exception: at a
 * scale where not even a "+N" mark finds room in a crowded cell, the mark sits in the
 * middle of the cell. */

typedef enum
{
  CP_NETMAP_LABEL_FULL,
  CP_NETMAP_LABEL_SHORT,
  CP_NETMAP_LABEL_INITIALS,
  CP_NETMAP_LABEL_CHIP,
  CP_NETMAP_LABEL_FOLDED,
} CpNetmapLabelMode;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CpNetmapRect;

/* How a label's lines line up in its box */
typedef enum
{
  CP_NETMAP_ALIGN_LEFT,
  CP_NETMAP_ALIGN_CENTRE,
  CP_NETMAP_ALIGN_RIGHT,
} CpNetmapAlign;

/* How far a shape and its chip marks reach from its centre, in shape radii (a diamond's
 * corners are at 1.2) */
#define CP_NETMAP_SHAPE_EXTENT 1.4

typedef struct
{
  CpNetmapMember    *member;
  double             x;            /* centre of the shape */
  double             y;
  double             radius;       /* half the shape's width */
  CpNetmapLabelMode  mode;
  const char        *label;        /* what is drawn beside the shape, or inside a chip;
                                    * NULL when folded or when no name fits */
  CpNetmapRect       label_box;    /* where the label goes */
  double             wrap_width;   /* device units, when the name takes two lines; else 0 */
  CpNetmapAlign      align;
  int                fold;         /* the fold it is counted in, or -1 */
} CpNetmapSpot;

typedef struct
{
  CpNetmapSector     sector;
  int                ring;
  double             x;            /* centre of the "+N more" mark */
  double             y;
  CpNetmapRect       box;
  const char        *text;         /* "+N more" */
  GArray            *lineages;     /* gint64: the folded members, clockwise */
} CpNetmapFold;

typedef enum
{
  CP_NETMAP_SECTOR_LABELS_OUTSIDE,  /* around the map */
  CP_NETMAP_SECTOR_LABELS_INSIDE,   /* on the outer zone (the blank worksheet) */
  CP_NETMAP_SECTOR_LABELS_NONE,
} CpNetmapSectorLabels;

/* Size of @text at @size device units (bold or not), on one line, or wrapped at
 * @wrap_width when that is > 0. */
typedef void (*CpNetmapMeasureFunc) (const char *text,
                                     double      size,
                                     gboolean    bold,
                                     double      wrap_width,
                                     double     *width,
                                     double     *height,
                                     gpointer    user_data);

typedef struct
{
  double                scale;          /* device units per map unit */
  double                font_size;      /* names, device units */
  double                node_radius;    /* device units; 0: 0.6 × font_size */
  CpNetmapMeasureFunc   measure;
  gpointer              measure_data;
  gint64                pinned;         /* never folded; 0: none */
  gboolean              initials_only;  /* pseudonymised: initials wherever a name goes */
  GHashTable           *bold;           /* gint64 lineages whose names are bold, or NULL */
  gboolean              ring_labels;    /* name the rings on the top divider */
  CpNetmapSectorLabels  sector_labels;
  gboolean              untranslated;   /* labels in English, as the manuals are */
} CpNetmapLayoutParams;

typedef struct _CpNetmapLayout CpNetmapLayout;

CpNetmapLayout     *cp_netmap_layout_new            (CpNetmapModel              *model,
                                                     const CpNetmapLayoutParams *params);
void                cp_netmap_layout_free           (CpNetmapLayout             *layout);

const CpNetmapLayoutParams *
                    cp_netmap_layout_get_params     (CpNetmapLayout             *layout);
CpNetmapModel      *cp_netmap_layout_get_model      (CpNetmapLayout             *layout);
/* Every member of the model, in the model's order. */
guint               cp_netmap_layout_get_n_spots    (CpNetmapLayout             *layout);
const CpNetmapSpot *cp_netmap_layout_get_spot       (CpNetmapLayout             *layout,
                                                     guint                       index);
const CpNetmapSpot *cp_netmap_layout_find           (CpNetmapLayout             *layout,
                                                     gint64                      lineage);
guint               cp_netmap_layout_get_n_folds    (CpNetmapLayout             *layout);
const CpNetmapFold *cp_netmap_layout_get_fold       (CpNetmapLayout             *layout,
                                                     guint                       index);
/* The drawn member whose shape or name is at (@x, @y), or NULL. */
const CpNetmapSpot *cp_netmap_layout_hit            (CpNetmapLayout             *layout,
                                                     double                      x,
                                                     double                      y);
/* What @spot covers, map units: its shape with its marks, and its name beside it (a
 * chip's initials are inside its shape) */
void                cp_netmap_spot_get_box          (const CpNetmapSpot         *spot,
                                                     CpNetmapRect               *box);
const CpNetmapFold *cp_netmap_layout_hit_fold       (CpNetmapLayout             *layout,
                                                     double                      x,
                                                     double                      y);

/* Ring @ring's label (1..4) and sector @sector's, with their boxes; FALSE when not drawn
 * (turned off, or no room at this scale). A label may take two lines (@wrap_width). */
gboolean            cp_netmap_layout_get_ring_label   (CpNetmapLayout   *layout,
                                                       int               ring,
                                                       const char      **text,
                                                       CpNetmapRect     *box);
gboolean            cp_netmap_layout_get_sector_label (CpNetmapLayout   *layout,
                                                       CpNetmapSector    sector,
                                                       const char      **text,
                                                       CpNetmapRect     *box,
                                                       double           *wrap_width,
                                                       CpNetmapAlign    *align);
/* Everything drawn, map units: the map and the labels around it. The same for every
 * map drawn with @params, so a view can fit the map before laying it out. */
void                cp_netmap_layout_get_extents    (const CpNetmapLayoutParams *params,
                                                     CpNetmapRect               *extents);

/* The name rules above, for the UI's lists too. */
char               *cp_netmap_short_name            (const char                 *name);
char               *cp_netmap_initials              (const char                 *name);
/* What a pseudonymised copy shows for @name: its initials, or "P<n>" (counting up in
 * *@counter) when they hold no letter. Exports and supervision packs use it. */
char               *cp_netmap_pseudonym             (const char                 *name,
                                                     guint                      *counter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpNetmapLayout, cp_netmap_layout_free)

G_END_DECLS
