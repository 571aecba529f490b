/* cp-netmap-geometry.c: rings and sectors, pure maths
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <math.h>

#include "cp-netmap-geometry.h"

/* The centre disc's edge, then the outer edge of rings 1..4 */
static const double ring_edges[] = { CP_NETMAP_CENTRE_RADIUS, 0.42, 0.64, 0.83, 1.0 };

#define EDGE_EPSILON 1e-9
#define SECTOR_ANGLE (G_PI / 3)

double
cp_netmap_ring_inner (int ring)
{
  g_return_val_if_fail (ring >= 0 && ring <= CP_NETMAP_N_RINGS, 0);

  return ring == 0 ? 0 : ring_edges[ring - 1];
}

double
cp_netmap_ring_outer (int ring)
{
  g_return_val_if_fail (ring >= 0 && ring <= CP_NETMAP_N_RINGS, 1);

  return ring_edges[ring];
}

double
cp_netmap_sector_start (CpNetmapSector sector)
{
  g_return_val_if_fail ((guint) sector < CP_NETMAP_N_SECTORS, 0);

  return -G_PI / 2 + sector * SECTOR_ANGLE;
}

double
cp_netmap_sector_end (CpNetmapSector sector)
{
  return cp_netmap_sector_start (sector) + SECTOR_ANGLE;
}

void
cp_netmap_place_to_point (const CpNetmapPlace *place,
                          double              *x,
                          double              *y)
{
  double inner;
  double outer;
  double r;
  double a;

  g_return_if_fail (place != NULL);
  g_return_if_fail (place->ring >= 1 && place->ring <= CP_NETMAP_N_RINGS);

  inner = cp_netmap_ring_inner (place->ring);
  outer = cp_netmap_ring_outer (place->ring);
  r = inner + (outer - inner) * CLAMP (place->depth, 0, 1);
  a = cp_netmap_sector_start (place->sector) + SECTOR_ANGLE * CLAMP (place->angle, 0, 1);
  *x = r * cos (a);
  *y = r * sin (a);
}

void
cp_netmap_cell_centre (CpNetmapSector  sector,
                       int             ring,
                       double         *x,
                       double         *y)
{
  CpNetmapPlace p = { sector, ring, 0.5, 0.5 };

  cp_netmap_place_to_point (&p, x, y);
}

/* @v, snapped to the integer it is within EDGE_EPSILON of */
static double
snap (double v)
{
  double n = round (v);

  return fabs (v - n) <= EDGE_EPSILON ? n : v;
}

CpNetmapHit
cp_netmap_point_to_place (double         x,
                          double         y,
                          CpNetmapPlace *place)
{
  double r = hypot (x, y);
  double t;
  int ring;
  int s;

  g_return_val_if_fail (place != NULL, CP_NETMAP_HIT_OUTSIDE);

  if (fabs (r - 1.0) <= EDGE_EPSILON)
    r = 1.0;
  for (ring = 0; ring <= CP_NETMAP_N_RINGS; ring++)
    {
      if (fabs (r - ring_edges[ring]) <= EDGE_EPSILON)
        r = ring_edges[ring];
    }
  if (r < CP_NETMAP_CENTRE_RADIUS)
    return CP_NETMAP_HIT_CENTRE;
  if (r > 1.0)
    return CP_NETMAP_HIT_OUTSIDE;
  for (ring = 1; ring < CP_NETMAP_N_RINGS && r >= ring_edges[ring]; ring++)
    ;

  /* sectors from the top, clockwise, in units of one sector */
  t = snap ((atan2 (y, x) + G_PI / 2) / SECTOR_ANGLE);
  t = fmod (t, CP_NETMAP_N_SECTORS);
  if (t < 0)
    t = snap (t + CP_NETMAP_N_SECTORS);
  if (t >= CP_NETMAP_N_SECTORS)
    t -= CP_NETMAP_N_SECTORS;
  s = CLAMP ((int) floor (t), 0, CP_NETMAP_N_SECTORS - 1);

  place->sector = s;
  place->ring = ring;
  place->angle = CLAMP (t - s, 0, 1);
  place->depth = CLAMP ((r - ring_edges[ring - 1]) / (ring_edges[ring] - ring_edges[ring - 1]),
                        0, 1);
  return CP_NETMAP_HIT_CELL;
}

void
cp_netmap_point_to_place_clamped (double         x,
                                  double         y,
                                  CpNetmapPlace *place)
{
  double r = hypot (x, y);
  double edge;

  switch (cp_netmap_point_to_place (x, y, place))
    {
    case CP_NETMAP_HIT_CELL:
      return;
    case CP_NETMAP_HIT_CENTRE:
      edge = CP_NETMAP_CENTRE_RADIUS;
      break;
    case CP_NETMAP_HIT_OUTSIDE:
      edge = 1.0;
      break;
    default:
      g_assert_not_reached ();
    }
  if (r == 0)
    {
      /* no direction: the top of the map, where family & home starts */
      x = 0;
      y = -1;
      r = 1;
    }
  cp_netmap_point_to_place (x / r * edge, y / r * edge, place);
}

/* ---- free spots and tidying ---- */

/* How much room a candidate has: its distance in map units to the nearest member, or
 * twice its distance to the nearest edge of the cell (two neighbours share the space
 * between them; a member needs only its own half of the space to an edge). */
static double
room (CpNetmapModel  *model,
      CpNetmapSector  sector,
      int             ring,
      gint64          except,
      double          angle,
      double          depth)
{
  CpNetmapPlace p = { sector, ring, angle, depth };
  double inner = cp_netmap_ring_inner (ring);
  double band = cp_netmap_ring_outer (ring) - inner;
  double r = inner + band * depth;
  double x;
  double y;
  double best;
  guint i;

  cp_netmap_place_to_point (&p, &x, &y);
  best = 2 * MIN (MIN (angle, 1 - angle) * SECTOR_ANGLE * r, MIN (depth, 1 - depth) * band);
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);
      CpNetmapPlace q = { m->sector, m->ring, m->angle, m->depth };
      double mx;
      double my;

      if (m->sector != sector || m->ring != ring || m->lineage == except)
        continue;
      cp_netmap_place_to_point (&q, &mx, &my);
      best = MIN (best, hypot (x - mx, y - my));
    }
  return best;
}

void
cp_netmap_free_spot (CpNetmapModel  *model,
                     CpNetmapSector  sector,
                     int             ring,
                     gint64          except,
                     double         *angle,
                     double         *depth)
{
  /* an odd number of columns, so that an empty cell gives its middle */
  const int columns = 25;
  const double depths[] = { 0.5, 0.25, 0.75 };
  double best = -1;
  int i;
  gsize j;

  g_return_if_fail (CP_IS_NETMAP_MODEL (model));
  g_return_if_fail ((guint) sector < CP_NETMAP_N_SECTORS);
  g_return_if_fail (ring >= 1 && ring <= CP_NETMAP_N_RINGS);

  *angle = 0.5;
  *depth = 0.5;
  for (j = 0; j < G_N_ELEMENTS (depths); j++)
    {
      for (i = 0; i < columns; i++)
        {
          /* from the middle outwards, so that ties go to the middle */
          int k = columns / 2 + (i % 2 == 0 ? i / 2 : -(i + 1) / 2);
          double a = (k + 0.5) / columns;
          double score = room (model, sector, ring, except, a, depths[j]);

          if (score > best + 1e-12)
            {
              best = score;
              *angle = a;
              *depth = depths[j];
            }
        }
    }
}

static int
compare_cell_order (gconstpointer a,
                    gconstpointer b)
{
  const CpNetmapMember *x = *(CpNetmapMember * const *) a;
  const CpNetmapMember *y = *(CpNetmapMember * const *) b;

  if (x->angle != y->angle)
    return x->angle < y->angle ? -1 : 1;
  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  return (x->lineage > y->lineage) - (x->lineage < y->lineage);
}

void
cp_netmap_tidy_cell (CpNetmapModel  *model,
                     CpNetmapSector  sector,
                     int             ring)
{
  g_autoptr(GPtrArray) cell = g_ptr_array_new ();
  guint i;

  g_return_if_fail (CP_IS_NETMAP_MODEL (model));

  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (m->sector == sector && m->ring == ring)
        g_ptr_array_add (cell, m);
    }
  g_ptr_array_sort (cell, compare_cell_order);
  for (i = 0; i < cell->len; i++)
    {
      CpNetmapMember *m = g_ptr_array_index (cell, i);

      m->angle = (i + 0.5) / cell->len;
      m->depth = cell->len < 3 ? 0.5 : i % 2 == 0 ? 0.3 : 0.7;
    }
}

void
cp_netmap_tidy_sector (CpNetmapModel  *model,
                       CpNetmapSector  sector)
{
  int ring;

  for (ring = 1; ring <= CP_NETMAP_N_RINGS; ring++)
    cp_netmap_tidy_cell (model, sector, ring);
}
