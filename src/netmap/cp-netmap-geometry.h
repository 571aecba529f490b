/* cp-netmap-geometry.h: rings and sectors, pure maths
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-model.h"

G_BEGIN_DECLS

/* Map units. The person sits at (0, 0) and the outer edge of the outer zone is the
 * circle of radius 1; x grows to the right and y downwards, as on a screen, so angles
 * (atan2 (y, x)) grow clockwise. A view draws map units times its scale.
 *
 * Rings: the centre disc is r < 0.13; ring 1 ("closest to me") is 0.13 <= r < 0.42,
 * ring 2 0.42 <= r < 0.64, ring 3 0.64 <= r < 0.83 and the outer zone 0.83 <= r <= 1.
 * Ring 1 is the widest band because it is the smallest circle: the bands hold roughly
 * the same area.
 *
 * Sectors: six of 60°; sector s spans [-90° + 60°·s, -90° + 60°·(s + 1)), so family &
 * home starts at the top and the others follow clockwise.
 *
 * Every edge belongs to the ring or sector that starts there (half-open intervals),
 * except the outer circle, which belongs to the outer zone. Points within 1e-9 of an
 * edge count as on it, so a place computed from an edge maps back to the same cell.
 *
 * A member's place is (sector, ring, angle, depth): angle runs 0..1 across the cell
 * clockwise, depth 0..1 from the ring's inner to its outer edge. */

#define CP_NETMAP_CENTRE_RADIUS 0.13

typedef struct
{
  CpNetmapSector sector;
  int            ring;          /* 1..4 */
  double         angle;         /* 0..1 */
  double         depth;         /* 0..1 */
} CpNetmapPlace;

typedef enum
{
  CP_NETMAP_HIT_CELL,
  CP_NETMAP_HIT_CENTRE,         /* the person at the centre */
  CP_NETMAP_HIT_OUTSIDE,        /* beyond the outer zone */
} CpNetmapHit;

/* Radii of ring @ring's edges (ring 0 is the centre disc). */
double       cp_netmap_ring_inner      (int                  ring);
double       cp_netmap_ring_outer      (int                  ring);
/* Angles of sector @sector's edges, radians, clockwise from the x axis. */
double       cp_netmap_sector_start    (CpNetmapSector       sector);
double       cp_netmap_sector_end      (CpNetmapSector       sector);

void         cp_netmap_place_to_point  (const CpNetmapPlace *place,
                                        double              *x,
                                        double              *y);
/* The middle of the cell (angle 0.5, depth 0.5). */
void         cp_netmap_cell_centre     (CpNetmapSector       sector,
                                        int                  ring,
                                        double              *x,
                                        double              *y);
CpNetmapHit  cp_netmap_point_to_place  (double               x,
                                        double               y,
                                        CpNetmapPlace       *place);
/* Where a dragged member lands: as cp_netmap_point_to_place (), but the centre disc
 * counts as the inner edge of ring 1 and a point beyond the map as the outer edge of
 * the outer zone. */
void         cp_netmap_point_to_place_clamped (double         x,
                                               double         y,
                                               CpNetmapPlace *place);

/* A place for a new member in the cell (@sector, @ring) as far as can be from the members
 * already there and from the cell's edges (@except is left out: the member being moved,
 * or 0). The same map gives the same spot. */
void         cp_netmap_free_spot       (CpNetmapModel       *model,
                                        CpNetmapSector       sector,
                                        int                  ring,
                                        gint64               except,
                                        double              *angle,
                                        double              *depth);
/* Tidy: re-spaces the members of every ring of @sector evenly across their cell, in the
 * order they sit now, zig-zagging between two depths when a cell holds three or more so
 * that neighbours' labels have room. */
void         cp_netmap_tidy_sector     (CpNetmapModel       *model,
                                        CpNetmapSector       sector);
void         cp_netmap_tidy_cell       (CpNetmapModel       *model,
                                        CpNetmapSector       sector,
                                        int                  ring);

G_END_DECLS
