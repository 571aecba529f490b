/* cp-netmap-render-cache.c: the drawn map kept between frames
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thousand antialiased ties cost cairo more than a frame's budget, and a frame on
 * screen seldom changes the picture: hovering, focusing, selecting, panning and dragging
 * one member leave the rest as it was. So for pixel targets (image surfaces, and the
 * recording surfaces GTK snapshots use) the renderer keeps the picture without its
 * overlay (_cp_netmap_draw_overlay ()) in an image, made again only when the layout, the
 * palette, a drawing option, the pixel scale or the sub-pixel offset changes, or when
 * cp_netmap_renderer_forget () says the map changed under the same layout; a frame paints
 * that image, aligned to whole device pixels, and draws the overlay on top. Vector
 * targets (PDF, SVG) are always drawn afresh. A view that composes its frames itself
 * (GTK: the picture as a texture that stays from frame to frame, the overlay over it, so
 * that only the overlay's part of the window is drawn again) takes the image with
 * cp_netmap_renderer_get_picture ().
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <math.h>
#include <string.h>

#include "cp-netmap-render-private.h"

/* The largest picture kept: beyond this, frames draw afresh */
#define CACHE_MAX_PIXELS (4096 * 4096)

typedef struct
{
  guint            layout;
  CpNetmapPalette  palette;
  gboolean         hide_hard_going;
  gboolean         show_caution;
  gboolean         legend;
  gpointer         since;
  guint            since_label;
  guint            centre_label;
  gint64           moving;
  double           raster;
  double           frac_x;
  double           frac_y;
} CacheKey;

struct _CpNetmapCache
{
  CacheKey         key;
  guint            serial;      /* a new one for each picture made */
  cairo_surface_t *surface;
  double           x0;          /* the image's top left, device pixels from the centre */
  double           y0;
};

void
_cp_netmap_cache_free (CpNetmapCache *cache)
{
  if (cache == NULL)
    return;
  g_clear_pointer (&cache->surface, cairo_surface_destroy);
  g_free (cache);
}

/* The uniform pixel scale of @cr's matrix, or 0 when it turns or stretches */
static double
pixel_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx <= 0 || fabs (m.xx - m.yy) > 1e-9)
    return 0;
  return m.xx;
}

/* Makes the kept picture for a drawing whose centre (d->cx, d->cy) lies at (@dev_x, @dev_y)
 * device units of a target with @matrix_scale device units per user unit; FALSE when it
 * is not kept (too large) */
static gboolean
ensure_picture (CpNetmapDraw  *d,
                void         (*draw_picture) (CpNetmapDraw *d),
                double         dev_x,
                double         dev_y,
                double         matrix_scale,
                double         raster)
{
  CpNetmapRenderer *self = d->renderer;
  const CpNetmapRenderOptions *o = d->options;
  CpNetmapRect ext;
  CacheKey key;
  double legend;
  double left;
  double top;
  double w;
  double h;

  /* the picture's extent: the map with its labels, and the legend below it */
  cp_netmap_layout_get_extents (cp_netmap_layout_get_params (d->layout), &ext);
  legend = o->legend ? _cp_netmap_legend_height (self, d->model, o, ext.width * d->s) +
                       d->fs * 0.8 : 0;
  left = ext.x * d->s - 2;
  top = ext.y * d->s - 2;
  w = ext.width * d->s + 4;
  h = ext.height * d->s + legend + 4;
  if (w * raster * h * raster > CACHE_MAX_PIXELS)
    return FALSE;

  /* whole pixels of the image fall on whole pixels of the target */
  memset (&key, 0, sizeof key);
  key.layout = _cp_netmap_layout_get_serial (d->layout);
  key.palette = o->palette;
  key.hide_hard_going = o->hide_hard_going;
  key.show_caution = o->show_caution;
  key.legend = o->legend;
  key.since = o->since;
  key.since_label = o->since_label != NULL ? g_str_hash (o->since_label) : 0;
  key.centre_label = o->centre_label != NULL ? g_str_hash (o->centre_label) : 0;
  key.moving = o->moving;
  key.raster = raster;
  key.frac_x = dev_x * raster / matrix_scale - floor (dev_x * raster / matrix_scale);
  key.frac_y = dev_y * raster / matrix_scale - floor (dev_y * raster / matrix_scale);

  if (self->cache == NULL || memcmp (&self->cache->key, &key, sizeof key) != 0)
    {
      static guint serials;
      CpNetmapDraw picture = *d;
      cairo_t *cr;

      _cp_netmap_cache_free (self->cache);
      self->cache = g_new0 (CpNetmapCache, 1);
      self->cache->key = key;
      self->cache->serial = ++serials;
      self->cache->x0 = floor (left * raster) - 1;
      self->cache->y0 = floor (top * raster) - 1;
      self->cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (w * raster) + 3,
                                                         (int) ceil (h * raster) + 3);
      cairo_surface_set_device_scale (self->cache->surface, raster, raster);
      cr = cairo_create (self->cache->surface);
      picture.cr = cr;
      picture.cx = (key.frac_x - self->cache->x0) / raster;
      picture.cy = (key.frac_y - self->cache->y0) / raster;
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      draw_picture (&picture);
      cairo_destroy (cr);
      cairo_surface_flush (self->cache->surface);
    }
  return TRUE;
}

gboolean
_cp_netmap_draw_cached (CpNetmapDraw *d,
                        void        (*draw_picture) (CpNetmapDraw *d))
{
  CpNetmapRenderer *self = d->renderer;
  cairo_surface_t *target = cairo_get_target (d->cr);
  cairo_surface_type_t type = cairo_surface_get_type (target);
  double matrix_scale = pixel_scale (d->cr);
  double raster = d->options->raster_scale > 0 ? d->options->raster_scale : matrix_scale;
  double dev_x = d->cx;
  double dev_y = d->cy;
  double px;
  double py;
  cairo_matrix_t inverse;

  if ((type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING) ||
      matrix_scale <= 0 || raster <= 0)
    return FALSE;
  cairo_user_to_device (d->cr, &dev_x, &dev_y);
  if (!ensure_picture (d, draw_picture, dev_x, dev_y, matrix_scale, raster))
    return FALSE;

  /* the image's top left, in @cr's user units: px, py are in units of the matrix's
   * scale, back to user space */
  px = (floor (dev_x * raster / matrix_scale) + self->cache->x0) / raster * matrix_scale;
  py = (floor (dev_y * raster / matrix_scale) + self->cache->y0) / raster * matrix_scale;
  cairo_get_matrix (d->cr, &inverse);
  cairo_matrix_invert (&inverse);
  cairo_matrix_transform_point (&inverse, &px, &py);
  cairo_save (d->cr);
  cairo_set_source_surface (d->cr, self->cache->surface, px, py);
  cairo_paint (d->cr);
  cairo_restore (d->cr);
  return TRUE;
}

cairo_surface_t *
_cp_netmap_get_picture (CpNetmapDraw *d,
                        void        (*draw_picture) (CpNetmapDraw *d),
                        double       *x,
                        double       *y,
                        guint        *serial)
{
  CpNetmapCache *cache;
  double raster = d->options->raster_scale > 0 ? d->options->raster_scale : 1;

  if (!ensure_picture (d, draw_picture, d->cx, d->cy, 1, raster))
    return NULL;
  cache = d->renderer->cache;
  *x = (floor (d->cx * raster) + cache->x0) / raster;
  *y = (floor (d->cy * raster) + cache->y0) / raster;
  *serial = cache->serial;
  return cache->surface;
}
