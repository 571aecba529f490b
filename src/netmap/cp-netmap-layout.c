/* cp-netmap-layout.c: where each member, name and label of a map goes at one scale
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in cp-netmap-layout.h. Everything placed goes into an overlap grid as a
 * rectangle (with half a gap around shapes), and nothing is placed where the grid
 * already has something.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <math.h>
#include <string.h>

#include "cp-netmap-layout-private.h"

/* How far (in half shape spacings) a shape may move from its place to find room */
#define REACH 16
/* Names wrap onto a second line at this many em */
#define NAME_WRAP 8.0

typedef struct
{
  int i;
  int j;
} Offset;

static Offset offsets[(2 * REACH + 1) * (2 * REACH + 1)];

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Offset *p = a;
  const Offset *q = b;
  int dp = p->i * p->i + p->j * p->j;
  int dq = q->i * q->i + q->j * q->j;

  if (dp != dq)
    return dp - dq;
  if (p->j != q->j)
    return p->j - q->j;
  return p->i - q->i;
}

/* Offsets around a place, nearest first */
static const Offset *
get_offsets (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      int n = 0;
      int i;
      int j;

      for (i = -REACH; i <= REACH; i++)
        for (j = -REACH; j <= REACH; j++)
          offsets[n++] = (Offset) { i, j };
      qsort (offsets, n, sizeof (Offset), compare_offsets);
      g_once_init_leave (&done, 1);
    }
  return offsets;
}

static int
cell_of (CpNetmapSector sector,
         int            ring)
{
  return (ring - 1) * CP_NETMAP_N_SECTORS + sector;
}


void
_cp_netmap_layout_measure (CpNetmapLayout *self,
                           const char     *text,
                           gboolean        bold,
                           double          wrap,
                           double         *w,
                           double         *h)
{
  const CpNetmapLayoutParams *p = &self->params;

  p->measure (text, p->font_size, bold, wrap, w, h, p->measure_data);
  *w /= p->scale;
  *h /= p->scale;
}

gboolean
_cp_netmap_disc_in_cell (double          x,
                         double          y,
                         double          e,
                         CpNetmapSector  sector,
                         int             ring)
{
  double inner = cp_netmap_ring_inner (ring);
  double outer = cp_netmap_ring_outer (ring);
  double m = MIN (e, (outer - inner) / 2);
  double rho = hypot (x, y);
  double d = fmod (atan2 (y, x) - cp_netmap_sector_start (sector) + 3 * G_PI, 2 * G_PI) - G_PI;

  return rho - m >= inner - 1e-12 && rho + m <= outer + 1e-12 && d >= 0 && d <= G_PI / 3 &&
         rho * sin (d) >= e && rho * sin (G_PI / 3 - d) >= e;
}

gboolean
_cp_netmap_box_in_circle (const CpNetmapRect *b,
                          double              radius)
{
  double far_x = MAX (fabs (b->x), fabs (b->x + b->width));
  double far_y = MAX (fabs (b->y), fabs (b->y + b->height));

  return far_x * far_x + far_y * far_y <= radius * radius;
}

/* ---- sparse cells: shapes near their places ---- */

static gboolean
place_shapes (CpNetmapLayout *self,
              int             cell)
{
  GArray *members = self->cells[cell];
  const Offset *off = get_offsets ();
  double half = self->r * CP_NETMAP_SHAPE_EXTENT + self->gap / 2;
  double step = half;
  guint k;

  for (k = 0; k < members->len; k++)
    {
      CpNetmapSpot *spot = _cp_netmap_spot_at (self, g_array_index (members, guint, k));
      const CpNetmapMember *m = spot->member;
      /* its place, moved in from the cell's edges just enough for the shape */
      double inner = cp_netmap_ring_inner (m->ring);
      double outer = cp_netmap_ring_outer (m->ring);
      double rho = inner + half > outer - half ? (inner + outer) / 2 :
                   CLAMP (inner + (outer - inner) * m->depth, inner + half, outer - half);
      double a0 = cp_netmap_sector_start (m->sector) + half / rho;
      double a1 = cp_netmap_sector_end (m->sector) - half / rho;
      double theta = a0 > a1 ? (a0 + a1) / 2 :
                     CLAMP (cp_netmap_sector_start (m->sector) + G_PI / 3 * m->angle, a0, a1);
      gboolean placed = FALSE;
      guint n;

      for (n = 0; n < G_N_ELEMENTS (offsets) && !placed; n++)
        {
          double rr = rho + off[n].i * step;
          double x;
          double y;
          CpNetmapRect box;

          if (rr <= 0)
            continue;
          x = rr * cos (theta + off[n].j * step / rr);
          y = rr * sin (theta + off[n].j * step / rr);
          box = _cp_netmap_square (x, y, half);
          if (!_cp_netmap_disc_in_cell (x, y, half, m->sector, m->ring) ||
              _cp_netmap_grid_hits (self->grid, &box))
            continue;
          spot->x = x;
          spot->y = y;
          spot->radius = self->r;
          _cp_netmap_grid_add (self->grid, &box);
          placed = TRUE;
        }
      if (!placed)
        return FALSE;
    }
  return TRUE;
}

/* Whether the box stays between the edges of ring @ring */
static gboolean
box_in_ring (const CpNetmapRect *b,
             int                 ring)
{
  double nx = CLAMP (0, b->x, b->x + b->width);
  double ny = CLAMP (0, b->y, b->y + b->height);
  double fx = MAX (fabs (b->x), fabs (b->x + b->width));
  double fy = MAX (fabs (b->y), fabs (b->y + b->height));

  return hypot (nx, ny) >= cp_netmap_ring_inner (ring) &&
         hypot (fx, fy) <= cp_netmap_ring_outer (ring);
}

/* Tries the name beside the shape, in @text's size at @wrap, where it overlaps nothing
 * (and, with @in_ring, where it stays in the member's ring); TRUE when placed. */
static gboolean
try_label (CpNetmapLayout *self,
           CpNetmapSpot   *spot,
           const char     *text,
           gboolean        bold,
           double          wrap,
           gboolean        in_ring)
{
  double w;
  double h;
  double pad = 1 / self->params.scale;
  /* half a pad more than touching, against rounding */
  double r = spot->radius * CP_NETMAP_SHAPE_EXTENT + self->gap / 2 + pad * 1.5;
  double d = spot->radius * CP_NETMAP_SHAPE_EXTENT * 0.75 + self->gap / 2 + pad * 1.5;
  double x = spot->x;
  double y = spot->y;
  /* right, left, below, above, and the diagonals: up right, down right, up left, down left */
  CpNetmapRect cand[8];
  static const CpNetmapAlign align[8] = {
    CP_NETMAP_ALIGN_LEFT, CP_NETMAP_ALIGN_RIGHT, CP_NETMAP_ALIGN_CENTRE, CP_NETMAP_ALIGN_CENTRE,
    CP_NETMAP_ALIGN_LEFT, CP_NETMAP_ALIGN_LEFT, CP_NETMAP_ALIGN_RIGHT, CP_NETMAP_ALIGN_RIGHT,
  };
  /* names on the left half of the map go outwards, to the left, first */
  static const int right_first[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  static const int left_first[8] = { 1, 0, 2, 3, 6, 7, 4, 5 };
  const int *order = x < 0 ? left_first : right_first;
  int c;

  _cp_netmap_layout_measure (self, text, bold, wrap, &w, &h);
  cand[0] = (CpNetmapRect) { x + r, y - h / 2, w, h };
  cand[1] = (CpNetmapRect) { x - r - w, y - h / 2, w, h };
  cand[2] = (CpNetmapRect) { x - w / 2, y + r, w, h };
  cand[3] = (CpNetmapRect) { x - w / 2, y - r - h, w, h };
  cand[4] = (CpNetmapRect) { x + d, y - d - h, w, h };
  cand[5] = (CpNetmapRect) { x + d, y + d, w, h };
  cand[6] = (CpNetmapRect) { x - d - w, y - d - h, w, h };
  cand[7] = (CpNetmapRect) { x - d - w, y + d, w, h };
  for (c = 0; c < 8; c++)
    {
      int o = order[c];
      CpNetmapRect padded = { cand[o].x - pad, cand[o].y - pad,
                              cand[o].width + 2 * pad, cand[o].height + 2 * pad };

      if (!_cp_netmap_box_in_circle (&padded, 1.0) ||
          (in_ring && !box_in_ring (&padded, spot->member->ring)) ||
          _cp_netmap_grid_hits (self->grid, &padded))
        continue;
      spot->label = g_string_chunk_insert_const (self->strings, text);
      spot->label_box = cand[o];
      spot->align = align[o];
      spot->wrap_width = wrap;
      _cp_netmap_grid_add (self->grid, &padded);
      return TRUE;
    }
  return FALSE;
}

static gboolean
place_label (CpNetmapLayout *self,
             CpNetmapSpot   *spot)
{
  const char *name = spot->member->name;
  gboolean bold = self->params.bold != NULL &&
                  g_hash_table_contains (self->params.bold, &spot->member->lineage);
  g_autofree char *short_name = cp_netmap_short_name (name);
  g_autofree char *initials = cp_netmap_initials (name);
  double wrap = self->params.font_size * NAME_WRAP;

  if (!self->params.initials_only)
    {
      double w;
      double h;
      /* on two lines, when it wraps to no more than two */
      gboolean two_lines;

      _cp_netmap_layout_measure (self, name, bold, wrap, &w, &h);
      two_lines = h < self->line * 2.5 && h > self->line * 1.5;
      spot->mode = CP_NETMAP_LABEL_FULL;
      if (try_label (self, spot, name, bold, 0, TRUE) ||
          (two_lines && try_label (self, spot, name, bold, wrap, TRUE)) ||
          try_label (self, spot, name, bold, 0, FALSE) ||
          (two_lines && try_label (self, spot, name, bold, wrap, FALSE)))
        return TRUE;
      spot->mode = CP_NETMAP_LABEL_SHORT;
      if (!g_str_equal (short_name, name) &&
          (try_label (self, spot, short_name, bold, 0, TRUE) ||
           try_label (self, spot, short_name, bold, 0, FALSE)))
        return TRUE;
    }
  spot->mode = CP_NETMAP_LABEL_INITIALS;
  return try_label (self, spot, initials, bold, 0, FALSE);
}

/* ---- the whole map ---- */

static void
clear_folds (CpNetmapLayout *self)
{
  guint i;

  for (i = 0; i < self->folds->len; i++)
    g_array_unref (g_array_index (self->folds, CpNetmapFold, i).lineages);
  g_array_set_size (self->folds, 0);
}

static int
compare_clockwise (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  CpNetmapLayout *self = data;
  const CpNetmapMember *x = _cp_netmap_spot_at (self, *(const guint *) a)->member;
  const CpNetmapMember *y = _cp_netmap_spot_at (self, *(const guint *) b)->member;

  if (x->angle != y->angle)
    return x->angle < y->angle ? -1 : 1;
  if (x->depth != y->depth)
    return x->depth < y->depth ? -1 : 1;
  return (x->lineage > y->lineage) - (x->lineage < y->lineage);
}

static int
compare_name_width (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  CpNetmapLayout *self = data;
  const CpNetmapMember *x = _cp_netmap_spot_at (self, *(const guint *) a)->member;
  const CpNetmapMember *y = _cp_netmap_spot_at (self, *(const guint *) b)->member;
  double wx;
  double wy;
  double h;

  _cp_netmap_layout_measure (self, x->name, FALSE, 0, &wx, &h);
  _cp_netmap_layout_measure (self, y->name, FALSE, 0, &wy, &h);
  if (wx != wy)
    return wx > wy ? -1 : 1;
  return compare_clockwise (a, b, data);
}

/* One pass; FALSE when a cell had to turn crowded (and the pass must start again). */
static gboolean
lay_out (CpNetmapLayout *self)
{
  gboolean ok = TRUE;
  CpNetmapRect centre = _cp_netmap_square (0, 0, CP_NETMAP_CENTRE_RADIUS * 0.8);
  guint i;
  int c;

  _cp_netmap_grid_clear (self->grid);
  clear_folds (self);
  g_string_chunk_clear (self->strings);
  for (i = 0; i < self->spots->len; i++)
    {
      CpNetmapSpot *spot = _cp_netmap_spot_at (self, i);

      spot->mode = CP_NETMAP_LABEL_FULL;
      spot->label = NULL;
      spot->fold = -1;
      spot->wrap_width = 0;
    }
  _cp_netmap_grid_add (self->grid, &centre);
  for (i = 0; i < CP_NETMAP_N_RINGS; i++)
    {
      if (self->ring_labels[i].shown)
        _cp_netmap_grid_add (self->grid, &self->ring_labels[i].box);
    }
  for (i = 0; i < CP_NETMAP_N_SECTORS; i++)
    {
      if (self->sector_labels[i].shown &&
          self->params.sector_labels == CP_NETMAP_SECTOR_LABELS_INSIDE)
        _cp_netmap_grid_add (self->grid, &self->sector_labels[i].box);
    }

  for (c = 0; c < CP_NETMAP_N_CELLS; c++)
    {
      if (self->cells[c]->len == 0)
        continue;
      if (self->crowded[c])
        _cp_netmap_place_chips (self, c);
      else if (!place_shapes (self, c))
        {
          self->crowded[c] = TRUE;
          ok = FALSE;
        }
    }
  if (!ok)
    return FALSE;
  for (c = 0; c < CP_NETMAP_N_CELLS; c++)
    {
      g_autoptr(GArray) order = NULL;
      guint k;

      if (self->crowded[c])
        continue;
      /* the longest names first, so that short ones take the gaps */
      order = g_array_copy (self->cells[c]);
      g_array_sort_with_data (order, compare_name_width, self);
      for (k = 0; k < order->len; k++)
        {
          if (!place_label (self, _cp_netmap_spot_at (self, g_array_index (order, guint, k))))
            {
              self->crowded[c] = TRUE;
              ok = FALSE;
            }
        }
    }
  return ok;
}

static gint serials;

CpNetmapLayout *
cp_netmap_layout_new (CpNetmapModel              *model,
                      const CpNetmapLayoutParams *params)
{
  CpNetmapLayout *self;
  double w;
  guint i;
  int c;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (model), NULL);
  g_return_val_if_fail (params != NULL && params->measure != NULL, NULL);
  g_return_val_if_fail (params->scale > 0 && params->font_size > 0, NULL);

  self = g_new0 (CpNetmapLayout, 1);
  self->serial = (guint) g_atomic_int_add (&serials, 1) + 1;
  self->params = *params;
  if (self->params.bold != NULL)
    g_hash_table_ref (self->params.bold);
  self->model = g_object_ref (model);
  self->spots = g_array_new (FALSE, TRUE, sizeof (CpNetmapSpot));
  self->folds = g_array_new (FALSE, TRUE, sizeof (CpNetmapFold));
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->strings = g_string_chunk_new (1024);

  self->fs = params->font_size / params->scale;
  self->r = (params->node_radius > 0 ? params->node_radius : params->font_size * 0.6) /
            params->scale;
  self->gap = MAX (self->fs * 0.25, 2 / params->scale);
  _cp_netmap_layout_measure (self, "Ag", FALSE, 0, &w, &self->line);
  self->grid = _cp_netmap_grid_new (MAX (self->fs * 2, 0.05));

  _cp_netmap_place_ring_labels (&self->params, self->ring_labels);
  _cp_netmap_place_sector_labels (&self->params, self->sector_labels);

  for (c = 0; c < CP_NETMAP_N_CELLS; c++)
    self->cells[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (self->spots, cp_netmap_model_get_n_members (model));
  for (i = 0; i < self->spots->len; i++)
    {
      CpNetmapSpot *spot = _cp_netmap_spot_at (self, i);

      spot->member = cp_netmap_model_get_member (model, i);
      spot->fold = -1;
      g_hash_table_insert (self->index, &spot->member->lineage, GUINT_TO_POINTER (i));
      g_array_append_val (self->cells[cell_of (spot->member->sector, spot->member->ring)], i);
    }
  for (c = 0; c < CP_NETMAP_N_CELLS; c++)
    {
      int ring = c / CP_NETMAP_N_SECTORS + 1;
      double inner = cp_netmap_ring_inner (ring);
      double outer = cp_netmap_ring_outer (ring);
      double side = 2 * self->r * CP_NETMAP_SHAPE_EXTENT + self->gap;

      g_array_sort_with_data (self->cells[c], compare_clockwise, self);
      /* a first guess, to save passes on a big map: crowded when the shapes alone would
       * cover half the cell; a pass that finds no room turns more cells crowded */
      self->crowded[c] = self->cells[c]->len * side * side >
                         0.5 * G_PI / 6 * (outer * outer - inner * inner);
    }

  for (c = 0; c <= CP_NETMAP_N_CELLS && !lay_out (self); c++)
    ;

  for (c = 0; c < CP_NETMAP_N_CELLS; c++)
    g_clear_pointer (&self->cells[c], g_array_unref);
  g_clear_pointer (&self->grid, _cp_netmap_grid_free);
  return self;
}

void
cp_netmap_layout_free (CpNetmapLayout *layout)
{
  if (layout == NULL)
    return;
  clear_folds (layout);
  g_array_unref (layout->folds);
  g_array_unref (layout->spots);
  g_hash_table_unref (layout->index);
  g_string_chunk_free (layout->strings);
  g_clear_pointer (&layout->params.bold, g_hash_table_unref);
  g_object_unref (layout->model);
  g_free (layout);
}

const CpNetmapLayoutParams *
cp_netmap_layout_get_params (CpNetmapLayout *layout)
{
  return &layout->params;
}

guint
_cp_netmap_layout_get_serial (CpNetmapLayout *layout)
{
  return layout->serial;
}

CpNetmapModel *
cp_netmap_layout_get_model (CpNetmapLayout *layout)
{
  return layout->model;
}

guint
cp_netmap_layout_get_n_spots (CpNetmapLayout *layout)
{
  return layout->spots->len;
}

const CpNetmapSpot *
cp_netmap_layout_get_spot (CpNetmapLayout *layout,
                           guint           index)
{
  g_return_val_if_fail (index < layout->spots->len, NULL);
  return _cp_netmap_spot_at (layout, index);
}

const CpNetmapSpot *
cp_netmap_layout_find (CpNetmapLayout *layout,
                       gint64          lineage)
{
  gpointer index;

  if (!g_hash_table_lookup_extended (layout->index, &lineage, NULL, &index))
    return NULL;
  return _cp_netmap_spot_at (layout, GPOINTER_TO_UINT (index));
}

guint
cp_netmap_layout_get_n_folds (CpNetmapLayout *layout)
{
  return layout->folds->len;
}

const CpNetmapFold *
cp_netmap_layout_get_fold (CpNetmapLayout *layout,
                           guint           index)
{
  g_return_val_if_fail (index < layout->folds->len, NULL);
  return &g_array_index (layout->folds, CpNetmapFold, index);
}

static gboolean
in_rect (const CpNetmapRect *r,
         double              x,
         double              y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

const CpNetmapSpot *
cp_netmap_layout_hit (CpNetmapLayout *layout,
                      double          x,
                      double          y)
{
  guint i;

  for (i = layout->spots->len; i > 0; i--)
    {
      const CpNetmapSpot *spot = _cp_netmap_spot_at (layout, i - 1);
      CpNetmapRect shape = _cp_netmap_square (spot->x, spot->y,
                                              spot->radius * CP_NETMAP_SHAPE_EXTENT);

      if (spot->mode == CP_NETMAP_LABEL_FOLDED)
        continue;
      if (in_rect (&shape, x, y) || (spot->label != NULL && in_rect (&spot->label_box, x, y)))
        return spot;
    }
  return NULL;
}

void
cp_netmap_spot_get_box (const CpNetmapSpot *spot,
                        CpNetmapRect       *box)
{
  const CpNetmapRect *l = &spot->label_box;

  *box = _cp_netmap_square (spot->x, spot->y, spot->radius * CP_NETMAP_SHAPE_EXTENT);
  if (spot->label != NULL && spot->mode != CP_NETMAP_LABEL_CHIP)
    {
      double x1 = MAX (box->x + box->width, l->x + l->width);
      double y1 = MAX (box->y + box->height, l->y + l->height);

      box->x = MIN (box->x, l->x);
      box->y = MIN (box->y, l->y);
      box->width = x1 - box->x;
      box->height = y1 - box->y;
    }
}

const CpNetmapFold *
cp_netmap_layout_hit_fold (CpNetmapLayout *layout,
                           double          x,
                           double          y)
{
  guint i;

  for (i = 0; i < layout->folds->len; i++)
    {
      const CpNetmapFold *fold = cp_netmap_layout_get_fold (layout, i);

      if (in_rect (&fold->box, x, y))
        return fold;
    }
  return NULL;
}

gboolean
cp_netmap_layout_get_ring_label (CpNetmapLayout  *layout,
                                 int              ring,
                                 const char     **text,
                                 CpNetmapRect    *box)
{
  const CpNetmapLabel *l;

  g_return_val_if_fail (ring >= 1 && ring <= CP_NETMAP_N_RINGS, FALSE);

  l = &layout->ring_labels[ring - 1];
  *text = l->text;
  *box = l->box;
  return l->shown;
}

gboolean
cp_netmap_layout_get_sector_label (CpNetmapLayout  *layout,
                                   CpNetmapSector   sector,
                                   const char     **text,
                                   CpNetmapRect    *box,
                                   double          *wrap_width,
                                   CpNetmapAlign   *align)
{
  const CpNetmapLabel *l;

  g_return_val_if_fail ((guint) sector < CP_NETMAP_N_SECTORS, FALSE);

  l = &layout->sector_labels[sector];
  *text = l->text;
  *box = l->box;
  *wrap_width = l->wrap_width;
  *align = l->align;
  return l->shown;
}
