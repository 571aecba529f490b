/* cp-netmap-view-layout.c: the map view's layout, zoom and pan, children and drawing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frames are cheap because the renderer keeps the drawn picture: the layout is made
 * again only when the zoom, the options or the map change, never while a member is
 * dragged or the map panned (panning moves the map by whole pixels, so the kept
 * picture still lines up).
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-view"

#include <math.h>

#include "cp-netmap-view-private.h"

/* Room left around the fitted map, pixels */
#define FIT_MARGIN 8
/* Zoom limits, as shares of the scale that fits the view */
#define MIN_ZOOM 0.5
#define MAX_ZOOM 8.0
#define ZOOM_STEP 1.25
/* Sector names go on the outer zone when around the map they would shrink it below this
 * share of its size with them inside */
#define NARROW_SHARE 0.8

/* ---- layout ---- */

/* Names a little smaller than the text around them; larger in the with-person view */
static double
name_size (CpNetmapView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size = desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 0;
  double dpi = pango_cairo_context_get_resolution (context);

  if (desc != NULL && !pango_font_description_get_size_is_absolute (desc))
    size = size * (dpi > 0 ? dpi : 96) / 72;
  if (size <= 0)
    size = 14.5;
  return round (size * (self->large_text ? 1.25 : 0.9) * 2) / 2;
}

static void
ensure_renderer (CpNetmapView *self)
{
  if (self->renderer == NULL)
    self->renderer = cp_netmap_renderer_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  self->options.font_size = name_size (self);
  self->options.since = self->since;
  self->options.centre_label = self->centre_label;
}

static double
fit_scale (CpNetmapView *self,
           double       *cx,
           double       *cy)
{
  double x = 0;
  double y = 0;
  double scale;

  ensure_renderer (self);
  scale = cp_netmap_renderer_fit (self->renderer, self->model, &self->options,
                                  MAX (self->width - 2 * FIT_MARGIN, 1),
                                  MAX (self->height - 2 * FIT_MARGIN, 1), &x, &y);
  if (cx != NULL)
    *cx = round (x + FIT_MARGIN);
  if (cy != NULL)
    *cy = round (y + FIT_MARGIN);
  return scale;
}

static void
fit (CpNetmapView *self)
{
  double outside;
  double inside;

  if (self->model == NULL || self->width <= 0 || self->height <= 0)
    return;
  /* the sector names go around the map, unless that leaves it much smaller than with
   * them on the outer zone (a narrow window) */
  self->options.sector_labels = CP_NETMAP_SECTOR_LABELS_INSIDE;
  inside = fit_scale (self, NULL, NULL);
  self->options.sector_labels = CP_NETMAP_SECTOR_LABELS_OUTSIDE;
  outside = fit_scale (self, NULL, NULL);
  if (outside < inside * NARROW_SHARE)
    self->options.sector_labels = CP_NETMAP_SECTOR_LABELS_INSIDE;
  _cp_netmap_view_set_scale (self, fit_scale (self, &self->cx, &self->cy));
}

void
_cp_netmap_view_invalidate (CpNetmapView *self)
{
  g_clear_pointer (&self->layout, cp_netmap_layout_free);
  /* Lay out (and add or remove the members' child widgets) now rather than in the next
   * size_allocate: a child added there queues a resize on the containers around the view
   * after they were allocated, and GTK then refuses to draw them in that frame ("Trying to
   * snapshot … without a current allocation"). */
  _cp_netmap_view_ensure_layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
remove_item (CpNetmapView     *self,
             CpNetmapViewItem *item)
{
  gint64 lineage = _cp_netmap_view_item_get_lineage (item);

  if (lineage != 0)
    g_hash_table_remove (self->items, &lineage);
  gtk_widget_unparent (GTK_WIDGET (item));
}

static gboolean
is_fresh (CpNetmapView *self,
          gint64        lineage)
{
  return self->since != NULL && cp_netmap_model_find (self->since, lineage) == NULL;
}

/* The first child after (or else before) @item that is still on the map */
static GtkWidget *
surviving_neighbour (CpNetmapView *self,
                     GtkWidget    *item,
                     GHashTable   *drawn)
{
  GtkWidget *w;

  for (w = gtk_widget_get_next_sibling (item); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      gint64 lineage = _cp_netmap_view_item_get_lineage (CP_NETMAP_VIEW_ITEM (w));

      if (lineage != 0 && g_hash_table_contains (drawn, &lineage))
        return w;
    }
  for (w = gtk_widget_get_prev_sibling (item); w != NULL; w = gtk_widget_get_prev_sibling (w))
    {
      gint64 lineage = _cp_netmap_view_item_get_lineage (CP_NETMAP_VIEW_ITEM (w));

      if (lineage != 0 && g_hash_table_contains (drawn, &lineage))
        return w;
    }
  return NULL;
}

/* Makes the children match the layout: one per member drawn and one per fold, in Tab
 * order, with their words; the focus stays on its member, or goes to a neighbour when
 * that member has gone. */
static void
sync_children (CpNetmapView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  GHashTableIter iter;
  gpointer value;
  GtkWidget *prev;
  guint n_folds = cp_netmap_layout_get_n_folds (self->layout);
  guint i;

  for (i = 0; i < cp_netmap_layout_get_n_spots (self->layout); i++)
    {
      const CpNetmapSpot *spot = cp_netmap_layout_get_spot (self->layout, i);

      if (spot->mode != CP_NETMAP_LABEL_FOLDED)
        g_hash_table_add (drawn, (gpointer) &spot->member->lineage);
    }

  /* the focus leaves a child that goes (its member gone or folded away) before it goes,
   * to the next member still drawn */
  if (focus != NULL)
    {
      CpNetmapViewItem *item = CP_NETMAP_VIEW_ITEM (focus);
      gint64 lineage = _cp_netmap_view_item_get_lineage (item);

      if (lineage != 0 ? !g_hash_table_contains (drawn, &lineage) :
          (guint) _cp_netmap_view_item_get_fold (item) >= n_folds)
        {
          GtkWidget *next = surviving_neighbour (self, focus, drawn);

          if (next == NULL || !gtk_widget_grab_focus (next))
            _cp_netmap_view_focus_self (self);
        }
    }
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gint64 lineage = _cp_netmap_view_item_get_lineage (value);

      if (!g_hash_table_contains (drawn, &lineage))
        {
          g_hash_table_iter_remove (&iter);
          gtk_widget_unparent (value);
        }
    }

  for (i = 0; i < cp_netmap_layout_get_n_spots (self->layout); i++)
    {
      const CpNetmapSpot *spot = cp_netmap_layout_get_spot (self->layout, i);
      gint64 lineage = spot->member->lineage;
      CpNetmapViewItem *item;

      if (spot->mode == CP_NETMAP_LABEL_FOLDED)
        continue;
      item = g_hash_table_lookup (self->items, &lineage);
      if (item == NULL)
        {
          item = _cp_netmap_view_item_new_member (lineage);
          g_hash_table_insert (self->items, g_memdup2 (&lineage, sizeof lineage), item);
          gtk_widget_set_parent (GTK_WIDGET (item), widget);
        }
      _cp_netmap_view_item_update_member (item, spot, &self->options, is_fresh (self, lineage));
      g_ptr_array_add (order, item);
    }

  while (self->fold_items->len > n_folds)
    {
      CpNetmapViewItem *item = g_ptr_array_steal_index (self->fold_items,
                                                        self->fold_items->len - 1);

      remove_item (self, item);
    }
  for (i = 0; i < n_folds; i++)
    {
      CpNetmapViewItem *item;

      if (i == self->fold_items->len)
        {
          item = _cp_netmap_view_item_new_fold ();
          g_ptr_array_add (self->fold_items, item);
          gtk_widget_set_parent (GTK_WIDGET (item), widget);
        }
      item = g_ptr_array_index (self->fold_items, i);
      _cp_netmap_view_item_update_fold (item, self->layout, (int) i, self->options.initials_only);
      g_ptr_array_add (order, item);
    }

  /* the children in Tab order, which is also the order screen readers list them in */
  g_ptr_array_sort (order, _cp_netmap_view_item_compare);
  prev = NULL;
  for (i = 0; i < order->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (order, i);

      if (gtk_widget_get_prev_sibling (child) != prev)
        gtk_widget_insert_after (child, widget, prev);
      prev = child;
    }

}

void
_cp_netmap_view_ensure_layout (CpNetmapView *self)
{
  if (self->layout != NULL || self->model == NULL || self->width <= 0 || self->height <= 0)
    return;
  ensure_renderer (self);
  if (self->scale <= 0)
    fit (self);
  /* the focused member is never folded away */
  self->options.focused = self->focused;
  self->layout = cp_netmap_renderer_layout (self->renderer, self->model, &self->options,
                                            self->scale);
  sync_children (self);
}

void
_cp_netmap_view_drop_children (CpNetmapView *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->layout, cp_netmap_layout_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->items);
  g_ptr_array_set_size (self->fold_items, 0);
}

/* ---- pan and zoom ---- */

void
_cp_netmap_view_pan_to (CpNetmapView *self,
                        double        cx,
                        double        cy)
{
  /* whole pixels, so that the renderer's kept picture lines up */
  cx = round (cx);
  cy = round (cy);
  if (cx == self->cx && cy == self->cy)
    return;
  self->cx = cx;
  self->cy = cy;
  self->fit_mode = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _cp_netmap_view_update_actions (self);
}

void
cp_netmap_view_zoom_at (CpNetmapView *self,
                        double        factor,
                        double        x,
                        double        y)
{
  double fitted;
  double scale;
  double mx;
  double my;

  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  if (self->model == NULL || self->scale <= 0 || self->width <= 0 || factor <= 0)
    return;
  fitted = fit_scale (self, NULL, NULL);
  scale = CLAMP (self->scale * factor, fitted * MIN_ZOOM, fitted * MAX_ZOOM);
  if (fabs (scale - self->scale) < 1e-9)
    return;
  mx = (x - self->cx) / self->scale;
  my = (y - self->cy) / self->scale;
  self->cx = x - mx * scale;
  self->cy = y - my * scale;
  self->fit_mode = FALSE;
  _cp_netmap_view_set_scale (self, scale);
  _cp_netmap_view_update_actions (self);
}

void
cp_netmap_view_zoom_in (CpNetmapView *self)
{
  cp_netmap_view_zoom_at (self, ZOOM_STEP, self->width / 2.0, self->height / 2.0);
}

void
cp_netmap_view_zoom_out (CpNetmapView *self)
{
  cp_netmap_view_zoom_at (self, 1 / ZOOM_STEP, self->width / 2.0, self->height / 2.0);
}

void
cp_netmap_view_zoom_fit (CpNetmapView *self)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));

  self->fit_mode = TRUE;
  fit (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _cp_netmap_view_update_actions (self);
}

double
cp_netmap_view_get_scale (CpNetmapView *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), 0);
  return self->scale;
}

void
cp_netmap_view_map_to_widget (CpNetmapView *self,
                              double        map_x,
                              double        map_y,
                              double       *x,
                              double       *y)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));
  *x = self->cx + map_x * self->scale;
  *y = self->cy + map_y * self->scale;
}

void
cp_netmap_view_widget_to_map (CpNetmapView *self,
                              double        x,
                              double        y,
                              double       *map_x,
                              double       *map_y)
{
  g_return_if_fail (CP_IS_NETMAP_VIEW (self));
  *map_x = self->scale > 0 ? (x - self->cx) / self->scale : 0;
  *map_y = self->scale > 0 ? (y - self->cy) / self->scale : 0;
}

/* The child's rectangle in the view, pixels */
static void
item_rect (CpNetmapView     *self,
           CpNetmapViewItem *item,
           GtkAllocation    *rect)
{
  const CpNetmapRect *box = _cp_netmap_view_item_get_box (item);
  double x0 = floor (self->cx + box->x * self->scale);
  double y0 = floor (self->cy + box->y * self->scale);

  rect->x = (int) x0;
  rect->y = (int) y0;
  rect->width = (int) MAX (1, ceil (self->cx + (box->x + box->width) * self->scale) - x0);
  rect->height = (int) MAX (1, ceil (self->cy + (box->y + box->height) * self->scale) - y0);
}

void
_cp_netmap_view_scroll_to_member (CpNetmapView *self,
                                  gint64        lineage)
{
  CpNetmapViewItem *item = g_hash_table_lookup (self->items, &lineage);
  GtkAllocation r;
  double dx = 0;
  double dy = 0;
  int m = FIT_MARGIN;

  if (item == NULL || self->width <= 0)
    return;
  item_rect (self, item, &r);
  if (r.x < m)
    dx = m - r.x;
  else if (r.x + r.width > self->width - m)
    dx = MAX (self->width - m - (r.x + r.width), m - r.x);
  if (r.y < m)
    dy = m - r.y;
  else if (r.y + r.height > self->height - m)
    dy = MAX (self->height - m - (r.y + r.height), m - r.y);
  if (dx != 0 || dy != 0)
    _cp_netmap_view_pan_to (self, self->cx + dx, self->cy + dy);
}

void
_cp_netmap_view_emit_move (CpNetmapView        *self,
                           gint64               lineage,
                           const CpNetmapPlace *place)
{
  g_signal_emit (self, _cp_netmap_view_signals[CP_NETMAP_VIEW_MEMBER_MOVED], 0, lineage,
                 place->sector, place->ring, place->angle, place->depth);
}

/* ---- GtkWidget ---- */

void
_cp_netmap_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Natural: a map still readable with the network page's side panel beside it (the
   * panel folds away over the map only when the page is narrower than both). */
  *minimum = 120;
  *natural = 300;
}

void
_cp_netmap_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  GtkWidget *child;

  if (width != self->width || height != self->height)
    {
      /* keep the middle of the view where it was, or fit again */
      if (self->width > 0 && !self->fit_mode)
        {
          self->cx = round (self->cx + (width - self->width) / 2.0);
          self->cy = round (self->cy + (height - self->height) / 2.0);
        }
      self->width = width;
      self->height = height;
      if (self->fit_mode)
        fit (self);
    }
  _cp_netmap_view_ensure_layout (self);

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation rect;
      int min;

      /* GTK asks for a measure before an allocation; the children have no size of their own */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      item_rect (self, CP_NETMAP_VIEW_ITEM (child), &rect);
      gtk_widget_size_allocate (child, &rect, -1);
    }
}

/* The kept picture as a texture, made again only when the renderer's picture changes */
static GdkTexture *
picture_texture (CpNetmapView    *self,
                 cairo_surface_t *surface,
                 guint            serial)
{
  if (self->picture == NULL || self->picture_serial != serial)
    {
      int stride = cairo_image_surface_get_stride (surface);
      int height = cairo_image_surface_get_height (surface);
      g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                                             (gsize) stride * height);

      g_clear_object (&self->picture);
      /* cairo's ARGB32 is GDK's default memory format */
      self->picture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                              GDK_MEMORY_DEFAULT, bytes, stride);
      self->picture_serial = serial;
    }
  return self->picture;
}

/* The overlay (focus, selection, the member being dragged) in a cairo node of its own
 * size, so that a frame draws again only that part of the window */
static void
snapshot_overlay (CpNetmapView                *self,
                  GtkSnapshot                 *snapshot,
                  const CpNetmapRenderOptions *options)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x;
  double y;
  double w;
  double h;

  cp_netmap_renderer_draw_overlay (self->renderer, cr, self->layout, options, self->cx,
                                   self->cy);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (x) - 1, floor (y) - 1,
                                                   ceil (w) + 3, ceil (h) + 3);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

void
_cp_netmap_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CpNetmapView *self = CP_NETMAP_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  CpNetmapRenderOptions options;
  cairo_surface_t *picture;
  GdkRGBA background = { 0, 0, 0, 1 };
  double r;
  double g;
  double b;
  double x;
  double y;
  guint serial;

  if (width <= 0 || height <= 0)
    return;
  ensure_renderer (self);
  options = self->options;
  /* the focus ring only when the keyboard is in use, as GTK draws its own */
  options.focused = self->focused != 0 && self->window != NULL &&
                    gtk_window_get_focus_visible (self->window) ? self->focused : 0;
  options.selected = self->selected;
  options.raster_scale = gtk_widget_get_scale_factor (widget);

  /* The children draw nothing: the renderer draws the members. Each frame is the
   * background, the picture the renderer keeps, as a texture, and the overlay: GTK draws
   * again only what differs from the last frame, which while a member is dragged is the
   * overlay alone. */
  cp_netmap_palette_get_background (options.palette, &r, &g, &b);
  background.red = r;
  background.green = g;
  background.blue = b;
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL)
    return;
  picture = cp_netmap_renderer_get_picture (self->renderer, self->layout, &options, self->cx,
                                            self->cy, &x, &y, &serial);
  if (picture == NULL)
    {
      /* too large to keep (far zoomed in): drawn afresh */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));

      cp_netmap_renderer_draw (self->renderer, cr, self->layout, &options, self->cx, self->cy);
      cairo_destroy (cr);
      return;
    }
  gtk_snapshot_append_texture (snapshot, picture_texture (self, picture, serial),
                               &GRAPHENE_RECT_INIT (x, y,
                                                    cairo_image_surface_get_width (picture) /
                                                    options.raster_scale,
                                                    cairo_image_surface_get_height (picture) /
                                                    options.raster_scale));
  snapshot_overlay (self, snapshot, &options);
}

GtkWidget *
cp_netmap_view_get_member_widget (CpNetmapView *self,
                                  gint64        lineage)
{
  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), NULL);

  _cp_netmap_view_ensure_layout (self);
  return g_hash_table_lookup (self->items, &lineage);
}

gboolean
cp_netmap_view_get_member_point (CpNetmapView *self,
                                 gint64        lineage,
                                 double       *x,
                                 double       *y)
{
  const CpNetmapSpot *spot;

  g_return_val_if_fail (CP_IS_NETMAP_VIEW (self), FALSE);

  _cp_netmap_view_ensure_layout (self);
  spot = self->layout != NULL ? cp_netmap_layout_find (self->layout, lineage) : NULL;
  if (spot == NULL || spot->mode == CP_NETMAP_LABEL_FOLDED)
    return FALSE;
  cp_netmap_view_map_to_widget (self, spot->x, spot->y, x, y);
  return TRUE;
}
