/* cp-netmap-private.h: what the netmap files share among themselves
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-layout.h"

G_BEGIN_DECLS

/* Text sizes, as shares of the names' size */
#define CP_NETMAP_RING_LABEL_SIZE   0.9
#define CP_NETMAP_SECTOR_LABEL_SIZE 1.0
#define CP_NETMAP_CENTRE_LABEL_SIZE 1.15
#define CP_NETMAP_CHIP_TEXT_SIZE    0.85
/* Sector labels wrap at this many em */
#define CP_NETMAP_SECTOR_LABEL_WRAP 7.4

/* The untranslated words (the manuals are typeset in English) */
const char *_cp_netmap_sector_msgid        (CpNetmapSector   sector);
const char *_cp_netmap_ring_msgid          (int              ring);
const char *_cp_netmap_kind_msgid          (CpNetmapKind     kind);

typedef struct
{
  gboolean      shown;
  const char   *text;
  CpNetmapRect  box;
  double        wrap_width;             /* device units, or 0 */
  CpNetmapAlign align;
} CpNetmapLabel;

/* A uniform grid over the map that finds what a rectangle overlaps. */
typedef struct _CpNetmapGrid CpNetmapGrid;

CpNetmapGrid *_cp_netmap_grid_new          (double               cell);
void          _cp_netmap_grid_free         (CpNetmapGrid        *grid);
void          _cp_netmap_grid_clear        (CpNetmapGrid        *grid);
void          _cp_netmap_grid_add          (CpNetmapGrid        *grid,
                                            const CpNetmapRect  *rect);
gboolean      _cp_netmap_grid_hits         (CpNetmapGrid        *grid,
                                            const CpNetmapRect  *rect);
/* How many rectangles the grid holds, and dropping those added after that. */
guint         _cp_netmap_grid_mark         (CpNetmapGrid        *grid);
void          _cp_netmap_grid_truncate     (CpNetmapGrid        *grid,
                                            guint                mark);
gboolean      _cp_netmap_rects_overlap     (const CpNetmapRect  *a,
                                            const CpNetmapRect  *b);

/* A number no other layout of this process has: what a kept picture was drawn from */
guint         _cp_netmap_layout_get_serial   (CpNetmapLayout             *layout);

/* cp-netmap-layout-labels.c: ring and sector labels, and the extents they give */
void          _cp_netmap_place_ring_labels   (const CpNetmapLayoutParams *params,
                                              CpNetmapLabel              *labels);
void          _cp_netmap_place_sector_labels (const CpNetmapLayoutParams *params,
                                              CpNetmapLabel              *labels);
const char   *_cp_netmap_text                (const CpNetmapLayoutParams *params,
                                              const char                 *msgid);

G_END_DECLS
