/* cp-netmap-layout-labels.c: ring and sector labels, shortened names and initials, and the
 * grid that finds overlaps
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cp-netmap-private.h"

#define SHORT_MAX 12

const char *
_cp_netmap_text (const CpNetmapLayoutParams *params,
                 const char                 *msgid)
{
  return params->untranslated ? msgid : _(msgid);
}

/* ---- ring and sector labels ---- */

/* Ring names sit on the top divider, on a patch of background; a name is left out when
 * it is wider than the chord of the two sectors beside the divider at the ring's middle
 * (1.7 times that radius) or taller than its ring. */
void
_cp_netmap_place_ring_labels (const CpNetmapLayoutParams *params,
                              CpNetmapLabel              *labels)
{
  double s = params->scale;
  double pad = 2 / s;
  int ring;

  for (ring = 1; ring <= CP_NETMAP_N_RINGS; ring++)
    {
      CpNetmapLabel *l = &labels[ring - 1];
      double inner = cp_netmap_ring_inner (ring);
      double outer = cp_netmap_ring_outer (ring);
      double mid = (inner + outer) / 2;
      double w;
      double h;

      memset (l, 0, sizeof *l);
      if (!params->ring_labels)
        continue;
      l->text = _cp_netmap_text (params, _cp_netmap_ring_msgid (ring));
      params->measure (l->text, params->font_size * CP_NETMAP_RING_LABEL_SIZE, FALSE, 0,
                       &w, &h, params->measure_data);
      w /= s;
      h /= s;
      l->box = (CpNetmapRect) { -w / 2 - pad, -mid - h / 2 - pad, w + 2 * pad, h + 2 * pad };
      l->align = CP_NETMAP_ALIGN_CENTRE;
      l->shown = w <= 1.7 * mid && h + 2 * pad <= outer - inner;
    }
}

void
_cp_netmap_place_sector_labels (const CpNetmapLayoutParams *params,
                                CpNetmapLabel              *labels)
{
  double s = params->scale;
  double size = params->font_size * CP_NETMAP_SECTOR_LABEL_SIZE;
  int sector;

  for (sector = 0; sector < CP_NETMAP_N_SECTORS; sector++)
    {
      CpNetmapLabel *l = &labels[sector];
      double a = (cp_netmap_sector_start (sector) + cp_netmap_sector_end (sector)) / 2;
      double w;
      double h;

      memset (l, 0, sizeof *l);
      if (params->sector_labels == CP_NETMAP_SECTOR_LABELS_NONE)
        continue;
      l->text = _cp_netmap_text (params, _cp_netmap_sector_msgid (sector));
      l->shown = TRUE;
      if (params->sector_labels == CP_NETMAP_SECTOR_LABELS_OUTSIDE)
        {
          /* beside the circle, lined up away from it */
          double lx = (1 + 6 / s) * cos (a);
          double ly = (1 + 6 / s) * sin (a);

          l->wrap_width = size * CP_NETMAP_SECTOR_LABEL_WRAP;
          params->measure (l->text, size, TRUE, l->wrap_width, &w, &h, params->measure_data);
          w /= s;
          h /= s;
          l->align = cos (a) > 0.3 ? CP_NETMAP_ALIGN_LEFT :
                     cos (a) < -0.3 ? CP_NETMAP_ALIGN_RIGHT : CP_NETMAP_ALIGN_CENTRE;
          l->box.x = l->align == CP_NETMAP_ALIGN_LEFT ? lx :
                     l->align == CP_NETMAP_ALIGN_RIGHT ? lx - w : lx - w / 2;
          l->box.y = sin (a) > 0.3 ? ly : sin (a) < -0.3 ? ly - h : ly - h / 2;
        }
      else
        {
          /* on the outer zone; the two beside the top divider move clear of the ring names */
          double rr = (cp_netmap_ring_inner (CP_NETMAP_RING_OUTER) + 1.0) / 2;
          double pad = 2 / s;

          a += sector == 0 ? 0.2 : sector == CP_NETMAP_N_SECTORS - 1 ? -0.2 : 0;
          l->wrap_width = size * 8;
          params->measure (l->text, size, TRUE, l->wrap_width, &w, &h, params->measure_data);
          w = w / s + 2 * pad;
          h = h / s + 2 * pad;
          l->align = CP_NETMAP_ALIGN_CENTRE;
          l->box.x = rr * cos (a) - w / 2;
          l->box.y = rr * sin (a) - h / 2;
        }
      l->box.width = w;
      l->box.height = h;
    }
}

void
cp_netmap_layout_get_extents (const CpNetmapLayoutParams *params,
                              CpNetmapRect               *extents)
{
  CpNetmapLabel labels[CP_NETMAP_N_SECTORS];
  double x0 = -1;
  double y0 = -1;
  double x1 = 1;
  double y1 = 1;
  int i;

  g_return_if_fail (params != NULL && params->measure != NULL && params->scale > 0);

  _cp_netmap_place_sector_labels (params, labels);
  for (i = 0; i < CP_NETMAP_N_SECTORS; i++)
    {
      if (!labels[i].shown)
        continue;
      x0 = MIN (x0, labels[i].box.x);
      y0 = MIN (y0, labels[i].box.y);
      x1 = MAX (x1, labels[i].box.x + labels[i].box.width);
      y1 = MAX (y1, labels[i].box.y + labels[i].box.height);
    }
  *extents = (CpNetmapRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* ---- names ---- */

/* @name without a trailing "(…)", unless that is all there is */
static char *
without_brackets (const char *name)
{
  g_autofree char *s = g_strstrip (g_strdup (name));
  char *open = strrchr (s, '(');

  if (open != NULL && open > s && g_str_has_suffix (s, ")"))
    {
      *open = '\0';
      g_strchomp (s);
    }
  return g_steal_pointer (&s);
}

char *
cp_netmap_short_name (const char *name)
{
  g_autofree char *s = NULL;
  const char *cut;
  const char *space = NULL;
  const char *p;
  glong i;

  g_return_val_if_fail (name != NULL, NULL);

  s = without_brackets (name);
  if (g_utf8_strlen (s, -1) <= SHORT_MAX)
    return g_steal_pointer (&s);
  for (p = s, i = 0; i <= SHORT_MAX - 1 && *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      if (*p == ' ' && i > 0)
        space = p;
    }
  cut = space != NULL ? space : g_utf8_offset_to_pointer (s, SHORT_MAX - 2);
  return g_strdup_printf ("%.*s\xe2\x80\xa6", (int) (cut - s), s);
}

char *
cp_netmap_initials (const char *name)
{
  g_autofree char *s = NULL;
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);
  int n = 0;
  int i;

  g_return_val_if_fail (name != NULL, NULL);

  s = without_brackets (name);
  words = g_strsplit (s, " ", -1);
  for (i = 0; words[i] != NULL && n < 3; i++)
    {
      const char *p;

      for (p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            {
              g_string_append_unichar (out, g_unichar_toupper (c));
              n++;
              break;
            }
        }
    }
  if (out->len == 0 && *s != '\0')
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (s)));
  return g_string_free (out, FALSE);
}

char *
cp_netmap_pseudonym (const char *name,
                     guint      *counter)
{
  g_autofree char *initials = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (counter != NULL, NULL);

  initials = cp_netmap_initials (name);
  for (const char *p = initials; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return g_steal_pointer (&initials);
  return g_strdup_printf ("P%u", ++*counter);
}

/* ---- the overlap grid ---- */

#define GRID_HALF 1.6
#define GRID_MAX  64

struct _CpNetmapGrid
{
  int      n;
  double   cell;
  GArray  *rects;               /* CpNetmapRect */
  GArray **buckets;             /* n × n arrays of guint indices into rects */
};

CpNetmapGrid *
_cp_netmap_grid_new (double cell)
{
  CpNetmapGrid *g = g_new0 (CpNetmapGrid, 1);
  int i;

  g->n = CLAMP ((int) ceil (2 * GRID_HALF / MAX (cell, 1e-6)), 1, GRID_MAX);
  g->cell = 2 * GRID_HALF / g->n;
  g->rects = g_array_new (FALSE, FALSE, sizeof (CpNetmapRect));
  g->buckets = g_new0 (GArray *, g->n * g->n);
  for (i = 0; i < g->n * g->n; i++)
    g->buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  return g;
}

void
_cp_netmap_grid_free (CpNetmapGrid *grid)
{
  int i;

  for (i = 0; i < grid->n * grid->n; i++)
    g_array_unref (grid->buckets[i]);
  g_free (grid->buckets);
  g_array_unref (grid->rects);
  g_free (grid);
}

void
_cp_netmap_grid_clear (CpNetmapGrid *grid)
{
  int i;

  for (i = 0; i < grid->n * grid->n; i++)
    g_array_set_size (grid->buckets[i], 0);
  g_array_set_size (grid->rects, 0);
}

static void
grid_span (CpNetmapGrid       *grid,
           const CpNetmapRect *r,
           int                *i0,
           int                *j0,
           int                *i1,
           int                *j1)
{
  *i0 = CLAMP ((int) floor ((r->x + GRID_HALF) / grid->cell), 0, grid->n - 1);
  *j0 = CLAMP ((int) floor ((r->y + GRID_HALF) / grid->cell), 0, grid->n - 1);
  *i1 = CLAMP ((int) floor ((r->x + r->width + GRID_HALF) / grid->cell), 0, grid->n - 1);
  *j1 = CLAMP ((int) floor ((r->y + r->height + GRID_HALF) / grid->cell), 0, grid->n - 1);
}

void
_cp_netmap_grid_add (CpNetmapGrid       *grid,
                     const CpNetmapRect *rect)
{
  guint index = grid->rects->len;
  int i0, j0, i1, j1;
  int i;
  int j;

  g_array_append_val (grid->rects, *rect);
  grid_span (grid, rect, &i0, &j0, &i1, &j1);
  for (j = j0; j <= j1; j++)
    for (i = i0; i <= i1; i++)
      g_array_append_val (grid->buckets[j * grid->n + i], index);
}

gboolean
_cp_netmap_rects_overlap (const CpNetmapRect *a,
                          const CpNetmapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
_cp_netmap_grid_hits (CpNetmapGrid       *grid,
                      const CpNetmapRect *rect)
{
  int i0, j0, i1, j1;
  int i;
  int j;

  grid_span (grid, rect, &i0, &j0, &i1, &j1);
  for (j = j0; j <= j1; j++)
    {
      for (i = i0; i <= i1; i++)
        {
          GArray *bucket = grid->buckets[j * grid->n + i];
          guint k;

          for (k = 0; k < bucket->len; k++)
            {
              guint index = g_array_index (bucket, guint, k);

              if (_cp_netmap_rects_overlap (rect, &g_array_index (grid->rects, CpNetmapRect,
                                                                  index)))
                return TRUE;
            }
        }
    }
  return FALSE;
}

guint
_cp_netmap_grid_mark (CpNetmapGrid *grid)
{
  return grid->rects->len;
}

void
_cp_netmap_grid_truncate (CpNetmapGrid *grid,
                          guint         mark)
{
  int i;

  if (mark >= grid->rects->len)
    return;
  for (i = 0; i < grid->n * grid->n; i++)
    {
      GArray *bucket = grid->buckets[i];

      while (bucket->len > 0 && g_array_index (bucket, guint, bucket->len - 1) >= mark)
        g_array_set_size (bucket, bucket->len - 1);
    }
  g_array_set_size (grid->rects, mark);
}
