/* cp-netmap-render.c: the one drawing of a network map: text, fitting, frames and files
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-render-private.h"

/* Laid-out text kept between frames; dropped all at once past this many */
#define TEXT_CACHE_MAX 4096

G_DEFINE_FINAL_TYPE (CpNetmapRenderer, cp_netmap_renderer, G_TYPE_OBJECT)

/* Greys differ enough to tell the kinds apart in print; colour only adds to them. */
static const CpNetmapPaletteColours palettes[] = {
  [CP_NETMAP_PALETTE_LIGHT] = {
    .background = { 1, 1, 1 },
    .shade = { 0.945, 0.949, 0.957 },
    .outer_shade = 0.05,
    .lines = { 0.55, 0.56, 0.58 },
    .text = { 0.1, 0.1, 0.12 },
    .quiet_text = { 0.3, 0.3, 0.33 },
    .centre = { 0.21, 0.22, 0.25 },
    .centre_text = { 1, 1, 1 },
    .outline = { 0.1, 0.1, 0.12 },
    .kind = { { 1, 1, 1 }, { 0.72, 0.74, 0.78 }, { 0.36, 0.38, 0.42 } },
    .kind_text = { { 0.1, 0.1, 0.12 }, { 0.1, 0.1, 0.12 }, { 1, 1, 1 } },
    .muted = { 0.62, 0.62, 0.64 },
    .highlight = { 0.11, 0.44, 0.85 },
    .accent = { 0.21, 0.52, 0.89 },
    .tie = { { 0.25, 0.26, 0.3 }, { 0.42, 0.43, 0.47 }, { 0.75, 0.11, 0.16 } },
    .helps = { 0.15, 0.64, 0.41 },
    .hard = { 0.75, 0.11, 0.16 },
    .more = { 0.11, 0.44, 0.85 },
    .caution = { 0.9, 0.65, 0.04 },
    .caution_text = { 0, 0, 0 },
    .fold = { 0.87, 0.88, 0.9 },
  },
  [CP_NETMAP_PALETTE_DARK] = {
    .background = { 0.14, 0.14, 0.14 },
    .shade = { 0.18, 0.18, 0.19 },
    .outer_shade = 0.06,
    .lines = { 0.5, 0.5, 0.53 },
    .text = { 0.93, 0.93, 0.94 },
    .quiet_text = { 0.75, 0.75, 0.78 },
    .centre = { 0.85, 0.86, 0.88 },
    .centre_text = { 0.1, 0.1, 0.12 },
    .outline = { 0.9, 0.9, 0.92 },
    .kind = { { 0.2, 0.2, 0.21 }, { 0.48, 0.5, 0.54 }, { 0.78, 0.8, 0.83 } },
    .kind_text = { { 0.93, 0.93, 0.94 }, { 0.1, 0.1, 0.12 }, { 0.1, 0.1, 0.12 } },
    .muted = { 0.45, 0.45, 0.47 },
    .highlight = { 0.47, 0.68, 0.93 },
    .accent = { 0.47, 0.68, 0.93 },
    .tie = { { 0.8, 0.8, 0.83 }, { 0.62, 0.62, 0.66 }, { 0.96, 0.38, 0.32 } },
    .helps = { 0.34, 0.89, 0.54 },
    .hard = { 0.96, 0.38, 0.32 },
    .more = { 0.47, 0.68, 0.93 },
    .caution = { 0.96, 0.83, 0.18 },
    .caution_text = { 0, 0, 0 },
    .fold = { 0.27, 0.27, 0.29 },
  },
  [CP_NETMAP_PALETTE_PRINT] = {
    .background = { 1, 1, 1 },
    .shade = { 0.95, 0.95, 0.95 },
    .outer_shade = 0.05,
    .lines = { 0.45, 0.45, 0.45 },
    .text = { 0, 0, 0 },
    .quiet_text = { 0.2, 0.2, 0.2 },
    .centre = { 0.25, 0.25, 0.25 },
    .centre_text = { 1, 1, 1 },
    .outline = { 0, 0, 0 },
    .kind = { { 1, 1, 1 }, { 0.75, 0.75, 0.75 }, { 0.35, 0.35, 0.35 } },
    .kind_text = { { 0, 0, 0 }, { 0, 0, 0 }, { 1, 1, 1 } },
    .muted = { 0.6, 0.6, 0.6 },
    .highlight = { 0, 0, 0 },
    .accent = { 0, 0, 0 },
    .tie = { { 0.15, 0.15, 0.15 }, { 0.35, 0.35, 0.35 }, { 0, 0, 0 } },
    .helps = { 0, 0, 0 },
    .hard = { 0, 0, 0 },
    .more = { 0, 0, 0 },
    .caution = { 0.6, 0.6, 0.6 },
    .caution_text = { 0, 0, 0 },
    .fold = { 0.88, 0.88, 0.88 },
  },
};

const CpNetmapPaletteColours *
_cp_netmap_palette (CpNetmapPalette palette)
{
  g_return_val_if_fail ((guint) palette < G_N_ELEMENTS (palettes), &palettes[0]);
  return &palettes[palette];
}

void
cp_netmap_palette_get_background (CpNetmapPalette  palette,
                                  double          *red,
                                  double          *green,
                                  double          *blue)
{
  const CpNetmapRgb *c = &_cp_netmap_palette (palette)->background;

  *red = c->r;
  *green = c->g;
  *blue = c->b;
}

void
cp_netmap_render_options_init (CpNetmapRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (CpNetmapRenderOptions) {
    .palette = CP_NETMAP_PALETTE_LIGHT,
    .font_size = 11,
    .ring_labels = TRUE,
    .sector_labels = CP_NETMAP_SECTOR_LABELS_OUTSIDE,
  };
}

static void
cp_netmap_renderer_finalize (GObject *object)
{
  CpNetmapRenderer *self = CP_NETMAP_RENDERER (object);

  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->cache, _cp_netmap_cache_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->family, g_free);

  G_OBJECT_CLASS (cp_netmap_renderer_parent_class)->finalize (object);
}

static void
cp_netmap_renderer_class_init (CpNetmapRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_netmap_renderer_finalize;
}

static void
cp_netmap_renderer_init (CpNetmapRenderer *self)
{
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

CpNetmapRenderer *
cp_netmap_renderer_new (PangoContext *context)
{
  CpNetmapRenderer *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (CP_TYPE_NETMAP_RENDERER, NULL);
  self->context = g_object_ref (context);
  return self;
}

PangoContext *
cp_netmap_renderer_get_context (CpNetmapRenderer *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_RENDERER (self), NULL);
  return self->context;
}

void
cp_netmap_renderer_set_show_layout_func (CpNetmapRenderer       *self,
                                         CpNetmapShowLayoutFunc  func,
                                         gpointer                user_data)
{
  g_return_if_fail (CP_IS_NETMAP_RENDERER (self));

  self->show = func;
  self->show_data = user_data;
}

/* ---- text ---- */

static void
set_family (CpNetmapRenderer *self,
            const char       *family)
{
  if (g_strcmp0 (self->family, family) == 0)
    return;
  g_free (self->family);
  self->family = g_strdup (family);
  g_hash_table_remove_all (self->texts);
}

PangoLayout *
_cp_netmap_renderer_text (CpNetmapRenderer *self,
                          const char       *text,
                          double            size,
                          gboolean          bold,
                          double            wrap_width)
{
  g_autofree char *key = g_strdup_printf ("%ld|%d|%ld|%s", lround (size * 256), bold,
                                          lround (wrap_width * 256), text);
  PangoLayout *layout = g_hash_table_lookup (self->texts, key);
  PangoFontDescription *desc;
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (self->texts) >= TEXT_CACHE_MAX)
    g_hash_table_remove_all (self->texts);

  layout = pango_layout_new (self->context);
  desc = pango_font_description_copy (pango_context_get_font_description (self->context));
  if (self->family != NULL)
    pango_font_description_set_family (desc, self->family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  /* one glyph per character, so that text taken from an SVG or PDF reads right */
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("liga=0, clig=0, dlig=0"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (wrap_width > 0)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
    }
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (self->texts, g_steal_pointer (&key), layout);
  return layout;
}

void
_cp_netmap_renderer_show (CpNetmapRenderer *self,
                          cairo_t          *cr,
                          PangoLayout      *layout,
                          double            x,
                          double            y)
{
  if (self->show != NULL)
    {
      self->show (cr, layout, x, y, self->show_data);
      return;
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
measure_cb (const char *text,
            double      size,
            gboolean    bold,
            double      wrap_width,
            double     *width,
            double     *height,
            gpointer    user_data)
{
  PangoLayout *layout = _cp_netmap_renderer_text (user_data, text, size, bold, wrap_width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

GHashTable *
_cp_netmap_fresh_lineages (CpNetmapModel *model,
                           CpNetmapModel *since)
{
  GHashTable *fresh;
  guint i;

  if (since == NULL)
    return NULL;
  fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (cp_netmap_model_find (since, m->lineage) == NULL)
        g_hash_table_add (fresh, g_memdup2 (&m->lineage, sizeof m->lineage));
    }
  return fresh;
}

/* ---- frames ---- */

static void
layout_params (CpNetmapRenderer            *self,
               const CpNetmapRenderOptions *options,
               double                       scale,
               CpNetmapLayoutParams        *params)
{
  set_family (self, options->font_family);
  *params = (CpNetmapLayoutParams) {
    .scale = scale,
    .font_size = options->font_size,
    .node_radius = options->node_radius,
    .measure = measure_cb,
    .measure_data = self,
    .pinned = options->focused,
    .initials_only = options->initials_only,
    .ring_labels = options->ring_labels,
    .sector_labels = options->sector_labels,
    .untranslated = options->untranslated,
  };
}

CpNetmapLayout *
cp_netmap_renderer_layout (CpNetmapRenderer            *self,
                           CpNetmapModel               *model,
                           const CpNetmapRenderOptions *options,
                           double                       scale)
{
  CpNetmapLayoutParams params;
  CpNetmapLayout *layout;

  g_return_val_if_fail (CP_IS_NETMAP_RENDERER (self), NULL);
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (model), NULL);
  g_return_val_if_fail (options != NULL && options->font_size > 0, NULL);

  layout_params (self, options, scale, &params);
  params.bold = _cp_netmap_fresh_lineages (model, options->since);
  layout = cp_netmap_layout_new (model, &params);
  g_clear_pointer (&params.bold, g_hash_table_unref);
  return layout;
}

double
cp_netmap_renderer_fit (CpNetmapRenderer            *self,
                        CpNetmapModel               *model,
                        const CpNetmapRenderOptions *options,
                        double                       width,
                        double                       height,
                        double                      *cx,
                        double                      *cy)
{
  CpNetmapLayoutParams params;
  CpNetmapRect ext = { -1, -1, 2, 2 };
  double scale = MAX (MIN (width, height) / 2, 1);
  double legend = 0;
  int i;

  g_return_val_if_fail (CP_IS_NETMAP_RENDERER (self), 1);
  g_return_val_if_fail (options != NULL && options->font_size > 0, 1);

  /* the labels keep their size as the map scales, so the fit settles in a few rounds */
  for (i = 0; i < 6; i++)
    {
      layout_params (self, options, scale, &params);
      cp_netmap_layout_get_extents (&params, &ext);
      legend = options->legend ?
               _cp_netmap_legend_height (self, model, options, ext.width * scale) : 0;
      scale = MAX (MIN (width / ext.width, MAX (height - legend, 1) / ext.height), 1e-3);
    }
  layout_params (self, options, scale, &params);
  cp_netmap_layout_get_extents (&params, &ext);
  legend = options->legend ? _cp_netmap_legend_height (self, model, options, ext.width * scale) : 0;
  *cx = width / 2 - (ext.x + ext.width / 2) * scale;
  *cy = (height - legend) / 2 - (ext.y + ext.height / 2) * scale;
  return scale;
}

/* Everything but the overlay */
static void
draw_picture (CpNetmapDraw *d)
{
  _cp_netmap_draw_background (d);
  _cp_netmap_draw_ties (d);
  _cp_netmap_draw_labels (d);
  _cp_netmap_draw_members (d);
  _cp_netmap_draw_centre (d);
  if (d->options->legend)
    {
      CpNetmapRect ext;

      cp_netmap_layout_get_extents (cp_netmap_layout_get_params (d->layout), &ext);
      _cp_netmap_draw_legend (d, d->cx + ext.x * d->s,
                              d->cy + (ext.y + ext.height) * d->s + d->fs * 0.8,
                              ext.width * d->s);
    }
}

static void
draw_begin (CpNetmapDraw                *d,
            CpNetmapRenderer            *self,
            cairo_t                     *cr,
            CpNetmapLayout              *layout,
            const CpNetmapRenderOptions *options,
            double                       cx,
            double                       cy)
{
  const CpNetmapLayoutParams *params = cp_netmap_layout_get_params (layout);

  *d = (CpNetmapDraw) {
    .renderer = self,
    .cr = cr,
    .layout = layout,
    .model = cp_netmap_layout_get_model (layout),
    .options = options,
    .colours = _cp_netmap_palette (options->palette),
    .cx = cx,
    .cy = cy,
    .s = params->scale,
    .fs = params->font_size,
  };
  d->fresh = _cp_netmap_fresh_lineages (d->model, options->since);
}

static void
draw_end (CpNetmapDraw *d)
{
  g_clear_pointer (&d->fresh, g_hash_table_unref);
}

/* The picture (kept, where the target allows) when @picture, then the overlay */
static void
draw (CpNetmapRenderer            *self,
      cairo_t                     *cr,
      CpNetmapLayout              *layout,
      const CpNetmapRenderOptions *options,
      double                       cx,
      double                       cy,
      gboolean                     picture)
{
  CpNetmapDraw d;

  draw_begin (&d, self, cr, layout, options, cx, cy);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (picture && !_cp_netmap_draw_cached (&d, draw_picture))
    draw_picture (&d);
  _cp_netmap_draw_overlay (&d);
  cairo_restore (cr);
  draw_end (&d);
}

void
cp_netmap_renderer_draw (CpNetmapRenderer            *self,
                         cairo_t                     *cr,
                         CpNetmapLayout              *layout,
                         const CpNetmapRenderOptions *options,
                         double                       cx,
                         double                       cy)
{
  g_return_if_fail (CP_IS_NETMAP_RENDERER (self));
  g_return_if_fail (cr != NULL && layout != NULL && options != NULL);

  draw (self, cr, layout, options, cx, cy, TRUE);
}

cairo_surface_t *
cp_netmap_renderer_get_picture (CpNetmapRenderer            *self,
                                CpNetmapLayout              *layout,
                                const CpNetmapRenderOptions *options,
                                double                       cx,
                                double                       cy,
                                double                      *x,
                                double                      *y,
                                guint                       *serial)
{
  cairo_surface_t *picture;
  CpNetmapDraw d;

  g_return_val_if_fail (CP_IS_NETMAP_RENDERER (self), NULL);
  g_return_val_if_fail (layout != NULL && options != NULL, NULL);
  g_return_val_if_fail (x != NULL && y != NULL && serial != NULL, NULL);

  draw_begin (&d, self, NULL, layout, options, cx, cy);
  picture = _cp_netmap_get_picture (&d, draw_picture, x, y, serial);
  draw_end (&d);
  return picture;
}

void
cp_netmap_renderer_draw_overlay (CpNetmapRenderer            *self,
                                 cairo_t                     *cr,
                                 CpNetmapLayout              *layout,
                                 const CpNetmapRenderOptions *options,
                                 double                       cx,
                                 double                       cy)
{
  g_return_if_fail (CP_IS_NETMAP_RENDERER (self));
  g_return_if_fail (cr != NULL && layout != NULL && options != NULL);

  draw (self, cr, layout, options, cx, cy, FALSE);
}

void
cp_netmap_renderer_forget (CpNetmapRenderer *self)
{
  g_return_if_fail (CP_IS_NETMAP_RENDERER (self));

  g_clear_pointer (&self->cache, _cp_netmap_cache_free);
}

void
cp_netmap_renderer_draw_fitted (CpNetmapRenderer            *self,
                                cairo_t                     *cr,
                                CpNetmapModel               *model,
                                const CpNetmapRenderOptions *options,
                                double                       width,
                                double                       height)
{
  g_autoptr(CpNetmapLayout) layout = NULL;
  double cx;
  double cy;
  double scale;

  g_return_if_fail (CP_IS_NETMAP_RENDERER (self));

  scale = cp_netmap_renderer_fit (self, model, options, width, height, &cx, &cy);
  layout = cp_netmap_renderer_layout (self, model, options, scale);
  if (options->background)
    {
      cairo_save (cr);
      _cp_netmap_rgb (cr, &_cp_netmap_palette (options->palette)->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cp_netmap_renderer_draw (self, cr, layout, options, cx, cy);
}


/* A PDF made from the same map with the same options has the same bytes: its dates are
 * the map's, never the time of writing. */
#define EXPORT_DEFAULT_DATE "2026-01-01T00:00:00Z"

gboolean
cp_netmap_renderer_export (CpNetmapRenderer            *self,
                           CpNetmapModel               *model,
                           const CpNetmapRenderOptions *options,
                           CpNetmapFormat               format,
                           double                       width,
                           double                       height,
                           cairo_write_func_t           write_func,
                           gpointer                     closure,
                           GError                     **error)
{
  CpNetmapRenderOptions safe;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (CP_IS_NETMAP_RENDERER (self), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);

  safe = *options;
  safe.show_caution = FALSE;
  safe.focused = 0;
  safe.selected = 0;
  safe.moving = 0;
  safe.linking = 0;
  switch (format)
    {
    case CP_NETMAP_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      safe.background = TRUE;
      break;
    case CP_NETMAP_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_func, closure, width, height);
      break;
    case CP_NETMAP_FORMAT_PDF:
      {
        const char *date = options->date != NULL ? options->date : EXPORT_DEFAULT_DATE;

        surface = cairo_pdf_surface_create_for_stream (write_func, closure, width, height);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
      }
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  cr = cairo_create (surface);
  cp_netmap_renderer_draw_fitted (self, cr, model, &safe, width, height);
  cairo_destroy (cr);
  if (format == CP_NETMAP_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_func, closure);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CP_NETMAP_ERROR, CP_NETMAP_ERROR_WRITE, "%s",
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
