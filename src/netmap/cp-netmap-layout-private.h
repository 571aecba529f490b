/* cp-netmap-layout-private.h: what the layout's files share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-private.h"

G_BEGIN_DECLS

#define CP_NETMAP_N_CELLS (CP_NETMAP_N_SECTORS * CP_NETMAP_N_RINGS)

struct _CpNetmapLayout
{
  guint                 serial;
  CpNetmapLayoutParams  params;
  CpNetmapModel        *model;
  GArray               *spots;          /* CpNetmapSpot, in the model's order */
  GArray               *folds;          /* CpNetmapFold */
  GHashTable           *index;          /* lineage -> spot index */
  GStringChunk         *strings;
  CpNetmapLabel         ring_labels[CP_NETMAP_N_RINGS];
  CpNetmapLabel         sector_labels[CP_NETMAP_N_SECTORS];

  /* while laying out, in map units */
  CpNetmapGrid         *grid;
  GArray               *cells[CP_NETMAP_N_CELLS]; /* guint spot indices, clockwise */
  gboolean              crowded[CP_NETMAP_N_CELLS];
  double                fs;             /* name size */
  double                r;              /* shape radius */
  double                gap;
  double                line;           /* height of one line of names */
};

static inline CpNetmapSpot *
_cp_netmap_spot_at (CpNetmapLayout *self,
                    guint           index)
{
  return &g_array_index (self->spots, CpNetmapSpot, index);
}

static inline CpNetmapRect
_cp_netmap_square (double x,
                   double y,
                   double half)
{
  return (CpNetmapRect) { x - half, y - half, 2 * half, 2 * half };
}

/* The size of @text in names' size, in map units */
void      _cp_netmap_layout_measure (CpNetmapLayout     *self,
                                     const char         *text,
                                     gboolean            bold,
                                     double              wrap,
                                     double             *w,
                                     double             *h);
/* Whether a shape reaching @e around (x, y) sits in the cell: clear of the sector's lines
 * and between the ring's edges; a ring thinner than the shape takes it in its middle. */
gboolean  _cp_netmap_disc_in_cell   (double              x,
                                     double              y,
                                     double              e,
                                     CpNetmapSector      sector,
                                     int                 ring);
gboolean  _cp_netmap_box_in_circle  (const CpNetmapRect *b,
                                     double              radius);

/* cp-netmap-layout-chips.c: a crowded cell's chips and its "+N more" mark */
void      _cp_netmap_place_chips    (CpNetmapLayout     *self,
                                     int                 cell);

G_END_DECLS
