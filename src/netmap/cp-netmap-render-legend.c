/* cp-netmap-render-legend.c: the key below a map: shapes, ties and marks on it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-render-private.h"

#define LEGEND_SIZE 0.95
#define MAX_ITEMS   16

typedef enum
{
  ICON_SHAPE,
  ICON_FRESH,
  ICON_TIE,
  ICON_HELPS,
  ICON_HARD,
  ICON_MORE,
  ICON_DIED,
  ICON_CAUTION,
} Icon;

typedef struct
{
  Icon        icon;
  int         arg;
  const char *text;
} Item;

static const char *
words (const CpNetmapRenderOptions *options,
       const char                  *msgid)
{
  return options->untranslated ? msgid : _(msgid);
}

/* What the map shows: the three kinds always, then only what is drawn on it. */
static guint
collect (CpNetmapModel               *model,
         const CpNetmapRenderOptions *options,
         Item                        *items)
{
  g_autoptr(GHashTable) fresh = _cp_netmap_fresh_lineages (model, options->since);
  gboolean ties[3] = { FALSE, FALSE, FALSE };
  gboolean helps = FALSE;
  gboolean hard = FALSE;
  gboolean more = FALSE;
  gboolean died = FALSE;
  gboolean caution = FALSE;
  guint n = 0;
  guint i;
  int k;

  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      helps |= m->helps_me && !m->died;
      hard |= m->hard_going && !m->died && !options->hide_hard_going;
      more |= m->want_more && !m->died;
      died |= m->died;
      caution |= m->caution && options->show_caution && !m->died;
    }
  for (i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    ties[cp_netmap_model_get_tie (model, i)->strength] = TRUE;
  if (options->hide_hard_going)
    ties[CP_NETMAP_TIE_STRESSFUL] = FALSE;

  for (k = 0; k < CP_NETMAP_N_KINDS; k++)
    items[n++] = (Item) { ICON_SHAPE, k, words (options, _cp_netmap_kind_msgid (k)) };
  if (fresh != NULL && g_hash_table_size (fresh) > 0)
    {
      items[n++] = (Item) { ICON_FRESH, 0, options->since_label != NULL ? options->since_label :
                            words (options, N_("new since the earlier map")) };
    }
  if (ties[CP_NETMAP_TIE_STRONG])
    items[n++] = (Item) { ICON_TIE, CP_NETMAP_TIE_STRONG, words (options, N_("strong tie")) };
  if (ties[CP_NETMAP_TIE_WEAK])
    items[n++] = (Item) { ICON_TIE, CP_NETMAP_TIE_WEAK, words (options, N_("weak tie")) };
  if (ties[CP_NETMAP_TIE_STRESSFUL])
    {
      items[n++] = (Item) { ICON_TIE, CP_NETMAP_TIE_STRESSFUL,
                            words (options, N_("hard-going tie")) };
    }
  if (helps)
    items[n++] = (Item) { ICON_HELPS, 0, words (options, N_("helps me")) };
  if (hard)
    items[n++] = (Item) { ICON_HARD, 0, words (options, N_("hard going")) };
  if (more)
    items[n++] = (Item) { ICON_MORE, 0, words (options, N_("want more")) };
  if (died)
    items[n++] = (Item) { ICON_DIED, 0, words (options, N_("died \xe2\x80\x94 kept on my map")) };
  if (caution)
    items[n++] = (Item) { ICON_CAUTION, 0, words (options, N_("caution: see case record")) };
  g_assert (n <= MAX_ITEMS);
  return n;
}

/* Items flow left to right and wrap at @width; calls @place for each (when not NULL) and
 * returns the height. */
static double
flow (CpNetmapRenderer            *self,
      const CpNetmapRenderOptions *options,
      const Item                  *items,
      guint                        n,
      double                       width,
      void                       (*place) (const Item *item,
                                           double      x,
                                           double      y,
                                           gpointer    data),
      gpointer                     data)
{
  double size = options->font_size * LEGEND_SIZE;
  double icon = size * 1.6;
  double row = size * 1.7;
  double x = 0;
  double y = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      PangoLayout *layout = _cp_netmap_renderer_text (self, items[i].text, size, FALSE, 0);
      PangoRectangle logical;
      double w;

      pango_layout_get_extents (layout, NULL, &logical);
      w = icon + (double) logical.width / PANGO_SCALE;
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += row;
        }
      if (place != NULL)
        place (&items[i], x, y, data);
      x += w + size * 1.4;
    }
  return n > 0 ? y + row : 0;
}

double
_cp_netmap_legend_height (CpNetmapRenderer            *self,
                          CpNetmapModel               *model,
                          const CpNetmapRenderOptions *options,
                          double                       width)
{
  Item items[MAX_ITEMS];
  guint n = collect (model, options, items);

  return flow (self, options, items, n, width, NULL, NULL) + options->font_size * 0.8;
}

typedef struct
{
  CpNetmapDraw *d;
  double        x;
  double        y;
} Place;

static void
draw_item (const Item *item,
           double      x,
           double      y,
           gpointer    data)
{
  Place *p = data;
  CpNetmapDraw *d = p->d;
  cairo_t *cr = d->cr;
  const CpNetmapPaletteColours *c = d->colours;
  double size = d->fs * LEGEND_SIZE;
  double line = MAX (1.0, d->fs * 0.09);
  double ix = p->x + x + size * 0.6;
  double iy = p->y + y + size * 0.65;
  double r = size * 0.42;
  PangoLayout *layout = _cp_netmap_renderer_text (d->renderer, item->text, size, FALSE, 0);
  CpNetmapMember mark = { 0 };

  cairo_save (cr);
  cairo_set_line_width (cr, line);
  switch (item->icon)
    {
    case ICON_SHAPE:
    case ICON_FRESH:
    case ICON_DIED:
      _cp_netmap_draw_shape (d, item->icon == ICON_SHAPE ? item->arg : CP_NETMAP_KIND_PERSON,
                             ix, iy, r);
      if (item->icon == ICON_DIED)
        {
          double dash[] = { line, line * 1.6 };

          cairo_set_source_rgba (cr, c->kind[0].r, c->kind[0].g, c->kind[0].b, 0.45);
          cairo_fill_preserve (cr);
          _cp_netmap_rgb (cr, &c->muted);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        {
          _cp_netmap_rgb (cr, &c->kind[item->icon == ICON_SHAPE ? item->arg : 0]);
          cairo_fill_preserve (cr);
          _cp_netmap_rgb (cr, item->icon == ICON_FRESH ? &c->highlight : &c->outline);
          cairo_set_line_width (cr, item->icon == ICON_FRESH ? line * 2.4 : line);
        }
      cairo_stroke (cr);
      break;
    case ICON_TIE:
      cairo_move_to (cr, ix - size * 0.55, iy);
      cairo_line_to (cr, ix + size * 0.55, iy);
      if (item->arg == CP_NETMAP_TIE_STRESSFUL)
        {
          double t;

          for (t = -size * 0.4; t <= size * 0.41; t += size * 0.4)
            {
              cairo_move_to (cr, ix + t, iy - size * 0.28);
              cairo_line_to (cr, ix + t, iy + size * 0.28);
            }
        }
      if (item->arg == CP_NETMAP_TIE_WEAK)
        {
          double dash[] = { size * 0.22, size * 0.16 };

          cairo_set_dash (cr, dash, 2, 0);
        }
      _cp_netmap_rgb (cr, &c->tie[item->arg]);
      cairo_set_line_width (cr, MAX (1.2, d->fs * 0.12));
      cairo_stroke (cr);
      break;
    case ICON_HELPS:
    case ICON_HARD:
    case ICON_MORE:
    case ICON_CAUTION:
      {
        CpNetmapRenderOptions opts = *d->options;
        CpNetmapDraw only = *d;
        double o = 0.95 * r * 1.2;

        /* the mark alone, where it sits on a shape, moved onto the icon's place */
        mark.helps_me = item->icon == ICON_HELPS;
        mark.hard_going = item->icon == ICON_HARD;
        mark.want_more = item->icon == ICON_MORE;
        mark.caution = item->icon == ICON_CAUTION;
        opts.show_caution = TRUE;
        opts.hide_hard_going = FALSE;
        only.options = &opts;
        _cp_netmap_draw_marks (&only, &mark,
                               ix + (mark.helps_me || mark.hard_going ? -o : o),
                               iy + (mark.helps_me || mark.caution ? o : -o), r * 1.2);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
  _cp_netmap_rgb (cr, &c->text);
  _cp_netmap_renderer_show (d->renderer, cr, layout, p->x + x + size * 1.6, p->y + y);
}

void
_cp_netmap_draw_legend (CpNetmapDraw *d,
                        double        x,
                        double        y,
                        double        width)
{
  Item items[MAX_ITEMS];
  guint n = collect (d->model, d->options, items);
  Place p = { d, x, y };

  flow (d->renderer, d->options, items, n, width, draw_item, &p);
}
