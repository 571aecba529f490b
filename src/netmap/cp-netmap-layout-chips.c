/* cp-netmap-layout-chips.c: crowded cells: chips in rows, and "+N more"
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-layout-private.h"

/* A chip is its shape with (up to two) initials inside; all chips of a cell have the
 * same size. A diamond reaches 1.2 times the chip's radius. */
#define CHIP_EXTENT 1.2

static char *
chip_text (const char *name)
{
  g_autofree char *initials = cp_netmap_initials (name);

  glong n = MIN (2, g_utf8_strlen (initials, -1));

  return g_strndup (initials, g_utf8_offset_to_pointer (initials, n) - initials);
}

/* The box of a chip of radius @c, or of a "+N more" mark of (w, h), at (x, y) */
static CpNetmapRect
chip_box (CpNetmapLayout *self,
          double          x,
          double          y,
          double          c,
          double          w,
          double          h,
          gboolean        mark)
{
  if (mark)
    return (CpNetmapRect) { x - w / 2 - self->gap, y - h / 2 - self->gap / 2,
                            w + 2 * self->gap, h + self->gap };
  return _cp_netmap_square (x, y, c * CHIP_EXTENT + self->gap / 2);
}

typedef struct
{
  int    n_rows;
  double rows[64];
  double cursor[64];
  int    row;
} Rows;

/* Finds the next free place along the rows (inner row first, clockwise) for a chip or a
 * mark; FALSE when the cell is full. A chip stays inside its cell; a mark's middle does. */
static gboolean
next_place (CpNetmapLayout *self,
            Rows           *rows,
            int             cell,
            double          c,
            double          w,
            double          h,
            gboolean        mark,
            double         *px,
            double         *py)
{
  CpNetmapSector sector = cell % CP_NETMAP_N_SECTORS;
  int ring = cell / CP_NETMAP_N_SECTORS + 1;

  for (; rows->row < rows->n_rows; rows->row++)
    {
      double rho = rows->rows[rows->row];
      double a1 = cp_netmap_sector_end (sector);
      double dt = MAX (self->fs * 0.2, self->gap) / rho;
      double theta;

      for (theta = rows->cursor[rows->row]; theta <= a1; theta += dt)
        {
          double x = rho * cos (theta);
          double y = rho * sin (theta);
          CpNetmapRect box = chip_box (self, x, y, c, w, h, mark);

          if (_cp_netmap_disc_in_cell (x, y, mark ? 0 : c * CHIP_EXTENT, sector, ring) &&
              !_cp_netmap_grid_hits (self->grid, &box))
            {
              rows->cursor[rows->row] = theta + dt;
              *px = x;
              *py = y;
              _cp_netmap_grid_add (self->grid, &box);
              return TRUE;
            }
        }
      rows->cursor[rows->row] = a1 + dt;
    }
  return FALSE;
}

static void
start_rows (CpNetmapLayout *self,
            int             cell,
            double          height,
            Rows           *rows)
{
  int ring = cell / CP_NETMAP_N_SECTORS + 1;
  double inner = cp_netmap_ring_inner (ring);
  double band = cp_netmap_ring_outer (ring) - inner;
  int k;

  rows->n_rows = CLAMP ((int) floor (band / height), 1, (int) G_N_ELEMENTS (rows->rows));
  for (k = 0; k < rows->n_rows; k++)
    {
      rows->rows[k] = inner + band * (k + 0.5) / rows->n_rows;
      rows->cursor[k] = cp_netmap_sector_start (cell % CP_NETMAP_N_SECTORS);
    }
  rows->row = 0;
}

/* The chips' radius in a cell: room for the widest initials */
static double
chip_radius (CpNetmapLayout *self,
             GArray         *members)
{
  double c = self->r * 0.8;
  guint k;

  for (k = 0; k < members->len; k++)
    {
      CpNetmapSpot *spot = _cp_netmap_spot_at (self, g_array_index (members, guint, k));
      g_autofree char *text = chip_text (spot->member->name);
      double w;
      double h;

      self->params.measure (text, self->params.font_size * CP_NETMAP_CHIP_TEXT_SIZE, FALSE, 0,
                            &w, &h, self->params.measure_data);
      c = MAX (c, (MAX (w, h * 0.8) / 2 + self->params.font_size * 0.15) / self->params.scale);
    }
  return c;
}

/* Places the chips of @order[0..@limit) and, when @limit < order->len, a "+N more" mark;
 * FALSE when they do not all fit (the grid is then as it was). */
static gboolean
place_chips_upto (CpNetmapLayout *self,
                  int             cell,
                  GArray         *order,
                  guint           limit,
                  double          c,
                  const char     *mark_text)
{
  guint mark = _cp_netmap_grid_mark (self->grid);
  Rows rows;
  guint k;

  start_rows (self, cell, 2 * c * CHIP_EXTENT + self->gap, &rows);
  for (k = 0; k < limit; k++)
    {
      CpNetmapSpot *spot = _cp_netmap_spot_at (self, g_array_index (order, guint, k));
      g_autofree char *text = chip_text (spot->member->name);
      double w;
      double h;
      double x;
      double y;

      if (!next_place (self, &rows, cell, c, 0, 0, FALSE, &x, &y))
        {
          _cp_netmap_grid_truncate (self->grid, mark);
          return FALSE;
        }
      self->params.measure (text, self->params.font_size * CP_NETMAP_CHIP_TEXT_SIZE, FALSE, 0,
                            &w, &h, self->params.measure_data);
      w /= self->params.scale;
      h /= self->params.scale;
      spot->x = x;
      spot->y = y;
      spot->radius = c;
      spot->mode = CP_NETMAP_LABEL_CHIP;
      spot->label = g_string_chunk_insert_const (self->strings, text);
      spot->label_box = (CpNetmapRect) { x - w / 2, y - h / 2, w, h };
      spot->align = CP_NETMAP_ALIGN_CENTRE;
    }
  if (limit < order->len)
    {
      CpNetmapFold fold = { cell % CP_NETMAP_N_SECTORS, cell / CP_NETMAP_N_SECTORS + 1 };
      double w;
      double h;

      /* the mark gets rows of its own height, anywhere the chips left room */
      _cp_netmap_layout_measure (self, mark_text, TRUE, 0, &w, &h);
      start_rows (self, cell, h + self->gap, &rows);
      if (!next_place (self, &rows, cell, 0, w, h, TRUE, &fold.x, &fold.y))
        {
          _cp_netmap_grid_truncate (self->grid, mark);
          return FALSE;
        }
      fold.box = (CpNetmapRect) { fold.x - w / 2, fold.y - h / 2, w, h };
      fold.text = g_string_chunk_insert_const (self->strings, mark_text);
      fold.lineages = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (k = limit; k < order->len; k++)
        {
          CpNetmapSpot *spot = _cp_netmap_spot_at (self, g_array_index (order, guint, k));

          spot->mode = CP_NETMAP_LABEL_FOLDED;
          spot->label = NULL;
          spot->fold = self->folds->len;
          g_array_append_val (fold.lineages, spot->member->lineage);
        }
      g_array_append_val (self->folds, fold);
    }
  return TRUE;
}

/* "+N more", or where that does not fit, "+N" */
static char *
more_text (const CpNetmapLayoutParams *params,
           guint                       n,
           gboolean                    brief)
{
  if (brief)
    return g_strdup_printf ("+%u", n);
  if (params->untranslated)
    return g_strdup_printf ("+%u more", n);
  /* TRANSLATORS: stands for the members of a crowded part of the map that are not drawn */
  return g_strdup_printf (ngettext ("+%u more", "+%u more", n), n);
}

void
_cp_netmap_place_chips (CpNetmapLayout *self,
                        int             cell)
{
  GArray *members = self->cells[cell];
  g_autoptr(GArray) order = g_array_copy (members);
  double c = chip_radius (self, members);
  guint limit;

  if (place_chips_upto (self, cell, order, order->len, c, NULL))
    return;
  for (limit = order->len; limit-- > 0;)
    {
      guint k;
      int brief;

      /* the pinned member takes the last place shown */
      g_array_set_size (order, 0);
      g_array_append_vals (order, members->data, members->len);
      for (k = limit; k < order->len && limit > 0; k++)
        {
          guint index = g_array_index (order, guint, k);

          if (_cp_netmap_spot_at (self, index)->member->lineage == self->params.pinned)
            {
              g_array_remove_index (order, k);
              g_array_insert_val (order, limit - 1, index);
              break;
            }
        }
      for (brief = 0; brief < 2; brief++)
        {
          g_autofree char *text = more_text (&self->params, order->len - limit, brief);

          if (place_chips_upto (self, cell, order, limit, c, text))
            return;
        }
    }
  /* not even the mark fits at this scale: it goes in the middle of the cell */
  {
    CpNetmapFold fold = { cell % CP_NETMAP_N_SECTORS, cell / CP_NETMAP_N_SECTORS + 1 };
    g_autofree char *text = more_text (&self->params, members->len, TRUE);
    double w;
    double h;
    guint k;

    _cp_netmap_layout_measure (self, text, TRUE, 0, &w, &h);
    cp_netmap_cell_centre (fold.sector, fold.ring, &fold.x, &fold.y);
    fold.box = (CpNetmapRect) { fold.x - w / 2, fold.y - h / 2, w, h };
    fold.text = g_string_chunk_insert_const (self->strings, text);
    fold.lineages = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (k = 0; k < members->len; k++)
      {
        CpNetmapSpot *spot = _cp_netmap_spot_at (self, g_array_index (members, guint, k));

        spot->mode = CP_NETMAP_LABEL_FOLDED;
        spot->label = NULL;
        spot->fold = self->folds->len;
        g_array_append_val (fold.lineages, spot->member->lineage);
      }
    _cp_netmap_grid_add (self->grid, &fold.box);
    g_array_append_val (self->folds, fold);
  }
}
