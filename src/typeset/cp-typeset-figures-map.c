/* cp-typeset-figures-map.c: rings and sectors, the practice network maps and the blank map
 * worksheet, drawn by the network map's own renderer
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <string.h>

#include "cp-typeset-figures-private.h"
#include "cp-typeset-private.h"
#include "netmap/cp-netmap-render.h"

/* Names and labels on the maps, as a share of the body text size */
#define MAP_TEXT   0.75
#define SHEET_TEXT 0.9

/* "network-map-jo-review" -> person "jo", review TRUE */
static char *
map_person (const char *name,
            gboolean   *review)
{
  const char *p = name + strlen ("network-map-");
  char *person = g_strdup (p);

  *review = g_str_has_suffix (person, "-review");
  if (*review)
    person[strlen (person) - strlen ("-review")] = '\0';
  return person;
}

static CpNetmapModel *
load_map (const CpTypesetFigureContext *ctx,
          const char                   *person,
          gboolean                      review,
          CpNetmapModel               **baseline,
          GError                      **error)
{
  g_autoptr(CpNetmapModel) base = NULL;
  g_autoptr(GError) local = NULL;
  CpNetmapModel *model;
  const char *file = ctx->practice_file != NULL ? ctx->practice_file : "practice data";

  if (ctx->practice == NULL)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "the network-map figures need the practice data file (--practice FILE)");
      return NULL;
    }
  base = cp_netmap_model_new_from_practice (ctx->practice, person, "members", NULL, &local);
  model = base == NULL || !review ? NULL :
          cp_netmap_model_new_from_practice (ctx->practice, person, "review-members", base,
                                             &local);
  if (base == NULL || (review && model == NULL))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA, "%s: %s", file,
                   local->message);
      return NULL;
    }
  if (!review)
    model = g_object_ref (base);
  if (baseline != NULL)
    *baseline = g_steal_pointer (&base);
  return model;
}

gboolean
_cp_fig_map_check (const char                   *name,
                   const CpTypesetFigureContext *ctx,
                   GError                      **error)
{
  g_autofree char *person = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gboolean review;

  if (!g_str_has_prefix (name, "network-map-"))
    return TRUE;
  person = map_person (name, &review);
  model = load_map (ctx, person, review, NULL, error);
  return model != NULL;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             gpointer     user_data)
{
  _cp_ts_show_layout (cr, layout, x, y);
}

/* Every name on the map must be in the embedded fonts, as the body text must. */
static void
check_names (CpFig         *f,
             CpNetmapModel *model,
             double         size)
{
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    _cp_fig_text_width (f, cp_netmap_model_get_member (model, i)->name, size, TRUE);
}

void
_cp_fig_draw_map (CpFig  *f,
                  double  width,
                  double  height)
{
  const CpTypesetFigureContext *ctx = f->ctx;
  gboolean sheet = g_str_equal (f->name, "worksheet-network-map");
  gboolean is_map = g_str_has_prefix (f->name, "network-map-");
  gboolean review = FALSE;
  g_autoptr(CpNetmapRenderer) renderer = cp_netmap_renderer_new (ctx->pango);
  g_autoptr(CpNetmapModel) model = NULL;
  g_autoptr(CpNetmapModel) baseline = NULL;
  g_autofree char *centre = NULL;
  CpNetmapRenderOptions options;
  double size = ctx->font_size * (sheet ? SHEET_TEXT : MAP_TEXT);
  double top = 0;
  double foot = 0;

  cp_netmap_render_options_init (&options);
  options.palette = CP_NETMAP_PALETTE_PRINT;
  options.font_size = size;
  options.font_family = "DejaVu Sans";
  options.untranslated = TRUE;
  options.legend = is_map || sheet;
  cp_netmap_renderer_set_show_layout_func (renderer, show_layout, NULL);

  if (is_map)
    {
      g_autofree char *person = map_person (f->name, &review);
      g_autofree char *group = g_strdup_printf ("person:%s", person);

      model = load_map (ctx, person, review, &baseline, &f->error);
      if (model == NULL)
        return;
      check_names (f, model, size);
      centre = g_key_file_get_string (ctx->practice, group, "name", NULL);
      options.centre_label = centre;
      if (review)
        {
          options.since = baseline;
          options.since_label = "new since the first map";
        }
    }
  else
    model = cp_netmap_model_new ();

  if (sheet)
    {
      _cp_fig_grey (f, 0);
      _cp_fig_text (f, "My name: ______________________      Date: ______________", 0, 0,
                    width, ctx->font_size * 1.1, FALSE, CP_FIG_LEFT);
      top = ctx->font_size * 3;
      {
        const char *how = "Draw people as circles, places as squares and activities as "
                          "diamonds. Put each one in the ring that feels right.";
        double w;
        double h;

        _cp_fig_text_size (f, how, width, ctx->font_size * 0.9, FALSE, &w, &h);
        _cp_fig_text (f, how, 0, height - h, width, ctx->font_size * 0.9, FALSE, CP_FIG_LEFT);
        foot = h + ctx->font_size * 0.6;
      }
      options.sector_labels = CP_NETMAP_SECTOR_LABELS_INSIDE;
    }

  cairo_save (f->cr);
  cairo_translate (f->cr, 0, top);
  cp_netmap_renderer_draw_fitted (renderer, f->cr, model, &options, width,
                                  height - top - foot);
  cairo_restore (f->cr);
}
