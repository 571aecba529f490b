/* cp-pdf-view-render.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Drawing the pages of CpPdfView and asking the document layer for them:
 * whole pages while a page stays below TILE_THRESHOLD device pixels, tiles
 * of TILE_SIZE beyond; visible pages first, then NEAR_AHEAD pages below and
 * NEAR_BEHIND above, so the next page is there before it scrolls in, and
 * requests for pages scrolled away are cancelled. The view's cache keeps
 * that range at the current scale and nothing else. A page not rendered yet
 * shows a light grey placeholder with its number, or the page at the
 * previous zoom stretched while the new one renders.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view-render"

#include <math.h>

#include "cp-pdf-texture.h"
#include "cp-pdf-view-private.h"

#define TILE_SIZE      1024
#define TILE_THRESHOLD 2048
#define NEAR_AHEAD     2
#define NEAR_BEHIND    1

typedef struct
{
  CpPdfView       *view;
  char            *key;
  CpPdfRenderSpec  spec;
  double           logical_scale;
  GCancellable    *cancellable;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->view);
  g_free (request->key);
  g_object_unref (request->cancellable);
  g_free (request);
}

static double
device_scale (CpPdfView *self)
{
  return self->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
page_is_tiled (CpPdfView *self,
               guint      page,
               double     scale)
{
  int w, h;

  cp_pdf_document_get_render_size (self->document, page, scale, self->rotation, &w, &h);
  return w > TILE_THRESHOLD || h > TILE_THRESHOLD;
}

static void
init_spec (CpPdfView       *self,
           CpPdfRenderSpec *spec,
           guint            page,
           double           scale,
           gboolean         tiled,
           guint            tx,
           guint            ty)
{
  *spec = (CpPdfRenderSpec) {
    .page = page,
    .scale = scale,
    .rotation = self->rotation,
    .tile_x = tiled ? tx : 0,
    .tile_y = tiled ? ty : 0,
    .tile_size = tiled ? TILE_SIZE : 0,
    .tag = self,
    .generation = self->generation,
  };
}

static void
render_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  CpPdfView *self = request->view;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = cp_pdf_texture_render_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (g_hash_table_lookup (self->pending, request->key) == request)
    g_hash_table_remove (self->pending, request->key);

  if (texture != NULL && CP_PDF_DOCUMENT (source) == self->document)
    {
      cp_pdf_cache_insert (self->cache, CP_PDF_DOCUMENT (source), &request->spec, texture);
      self->rendered_scale = request->logical_scale;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (texture == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning_once ("Could not render a page: %s", error->message);
      g_hash_table_add (self->failed, g_strdup (request->key));
    }

  request_free (request);
}

static void
ensure_render (CpPdfView *self,
               guint      page,
               gboolean   tiled,
               guint      tx,
               guint      ty,
               int        priority)
{
  CpPdfRenderSpec spec;
  g_autofree char *key = NULL;
  Request *request;

  init_spec (self, &spec, page, device_scale (self), tiled, tx, ty);
  if (cp_pdf_cache_lookup (self->cache, self->document, &spec) != NULL)
    return;

  key = g_strdup_printf ("%u:%u:%u", page, spec.tile_x, spec.tile_y);
  if (g_hash_table_contains (self->pending, key) || g_hash_table_contains (self->failed, key))
    return;

  request = g_new0 (Request, 1);
  request->view = g_object_ref (self);
  request->key = g_strdup (key);
  request->spec = spec;
  request->logical_scale = self->scale;
  request->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->pending, g_steal_pointer (&key), request);
  cp_pdf_document_render_async (self->document, &spec, priority, request->cancellable,
                                render_cb, request);
}

/* The tiles of a page that meet the viewport (widget coordinates). */
static gboolean
visible_tiles (CpPdfView             *self,
               const graphene_rect_t *page_rect,
               guint                 *tx0,
               guint                 *ty0,
               guint                 *tx1,
               guint                 *ty1)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int sf = gtk_widget_get_scale_factor (widget);
  double x0 = MAX (0, -page_rect->origin.x);
  double y0 = MAX (0, -page_rect->origin.y);
  double x1 = MIN (page_rect->size.width, gtk_widget_get_width (widget) - page_rect->origin.x);
  double y1 = MIN (page_rect->size.height, gtk_widget_get_height (widget) - page_rect->origin.y);

  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  *tx0 = (guint) floor (x0 * sf / TILE_SIZE);
  *ty0 = (guint) floor (y0 * sf / TILE_SIZE);
  *tx1 = (guint) floor ((x1 * sf - 1) / TILE_SIZE);
  *ty1 = (guint) floor ((y1 * sf - 1) / TILE_SIZE);
  return TRUE;
}

static void
page_widget_rect (CpPdfView       *self,
                  guint            page,
                  graphene_rect_t *rect)
{
  graphene_rect_offset_r (&self->rects[page],
                          -gtk_adjustment_get_value (self->hadjustment),
                          -gtk_adjustment_get_value (self->vadjustment),
                          rect);
}

static void
request_page (CpPdfView *self,
              guint      page,
              int        priority)
{
  graphene_rect_t rect;
  guint tx0, ty0, tx1, ty1;

  if (!page_is_tiled (self, page, device_scale (self)))
    {
      ensure_render (self, page, FALSE, 0, 0, priority);
      return;
    }

  page_widget_rect (self, page, &rect);
  if (priority == CP_PDF_PRIORITY_AHEAD)
    {
      /* A page below: its first row of tiles under the viewport; a page above: its last. */
      if (rect.origin.y < 0)
        rect.origin.y = gtk_widget_get_height (GTK_WIDGET (self)) - rect.size.height;
      else
        rect.origin.y = 0;
    }
  if (!visible_tiles (self, &rect, &tx0, &ty0, &tx1, &ty1))
    return;
  for (guint ty = ty0; ty <= ty1; ty++)
    for (guint tx = tx0; tx <= tx1; tx++)
      ensure_render (self, page, TRUE, tx, ty, priority);
}

/**
 * _cp_pdf_view_update_requests:
 *
 * Asks for the visible pages (and one ahead), drops requests for pages
 * that left that range, and loads the links of visible pages.
 */
void
_cp_pdf_view_update_requests (CpPdfView *self)
{
  GHashTableIter iter;
  Request *request;
  guint first, last, near_first, near_last, n;

  if (self->document == NULL || !self->layout_valid
      || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return;

  n = cp_pdf_document_get_n_pages (self->document);
  _cp_pdf_view_visible_range (self, &first, &last);
  near_first = first > NEAR_BEHIND ? first - NEAR_BEHIND : 0;
  near_last = MIN (last + NEAR_AHEAD, n - 1);

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &request))
    if (request->spec.page < near_first || request->spec.page > near_last)
      {
        g_cancellable_cancel (request->cancellable);
        g_hash_table_iter_remove (&iter);
      }
  cp_pdf_cache_keep_near (self->cache, self->document, near_first, near_last,
                          device_scale (self), self->rotation,
                          self->previous_scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  for (guint page = first; page <= last; page++)
    {
      request_page (self, page, CP_PDF_PRIORITY_VISIBLE);
      _cp_pdf_view_ensure_links (self, page);
    }
  for (guint page = last + 1; page <= near_last; page++)
    request_page (self, page, CP_PDF_PRIORITY_AHEAD);
  for (guint page = near_first; page < first; page++)
    request_page (self, page, CP_PDF_PRIORITY_AHEAD);
}

/**
 * _cp_pdf_view_cancel_requests:
 *
 * Cancels every request in flight and supersedes what is still queued
 * (zoom, rotation or document changed).
 */
void
_cp_pdf_view_cancel_requests (CpPdfView *self)
{
  GHashTableIter iter;
  Request *request;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &request))
    g_cancellable_cancel (request->cancellable);
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->failed);

  self->generation++;
  cp_pdf_document_supersede (self, self->generation);
}

/* ------------------------------------------------------------ snapshot */

static void
push_night_mode (GtkSnapshot *snapshot)
{
  /* Inverts luminance, keeps hue: out = in + (1 − 2·Y), Y from Rec. 601. */
  static const float w[3] = { 0.299f, 0.587f, 0.114f };
  graphene_matrix_t matrix;
  graphene_vec4_t offset;
  float m[16] = { 0 };

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      m[i * 4 + j] = (i == j ? 1.0f : 0.0f) - 2 * w[i];
  m[15] = 1;
  graphene_matrix_init_from_float (&matrix, m);
  graphene_vec4_init (&offset, 1, 1, 1, 0);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
}

static void
snapshot_placeholder (CpPdfView             *self,
                      GtkSnapshot           *snapshot,
                      guint                  page,
                      const graphene_rect_t *rect)
{
  GdkRGBA paper = { 0.92f, 0.92f, 0.92f, 1 };
  GdkRGBA ink = { 0.55f, 0.55f, 0.55f, 1 };
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), number);
  int lw, lh;

  gtk_snapshot_append_color (snapshot, &paper, rect);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect->origin.x + (rect->size.width - lw) / 2,
                                                rect->origin.y + (rect->size.height - lh) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* Draws a texture rendered at device resolution pixel for pixel: at its own
 * size, on a whole device pixel. Anything else sends the renderer down its
 * slow, filtered path (and blurs the text). */
static void
append_sharp (GtkSnapshot *snapshot,
              GdkTexture  *texture,
              double       x,
              double       y,
              int          scale_factor)
{
  double sf = scale_factor;

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (round (x * sf) / sf, round (y * sf) / sf,
                                                    gdk_texture_get_width (texture) / sf,
                                                    gdk_texture_get_height (texture) / sf));
}

static void
snapshot_page (CpPdfView             *self,
               GtkSnapshot           *snapshot,
               guint                  page,
               const graphene_rect_t *rect)
{
  double scale = device_scale (self);
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  CpPdfRenderSpec spec;
  GdkTexture *texture;

  if (!page_is_tiled (self, page, scale))
    {
      init_spec (self, &spec, page, scale, FALSE, 0, 0);
      texture = cp_pdf_cache_lookup (self->cache, self->document, &spec);
      if (texture != NULL)
        {
          append_sharp (snapshot, texture, rect->origin.x, rect->origin.y, sf);
          return;
        }
      if (self->previous_scale > 0)
        {
          /* The page at the previous zoom, stretched, while this one renders. */
          init_spec (self, &spec, page, self->previous_scale * sf, FALSE, 0, 0);
          texture = cp_pdf_cache_lookup (self->cache, self->document, &spec);
          if (texture == NULL)
            snapshot_placeholder (self, snapshot, page, rect);
        }
      else
        {
          snapshot_placeholder (self, snapshot, page, rect);
        }
      /* The stand-in is stretched over the page: filtered, but brief. */
      if (texture != NULL)
        gtk_snapshot_append_texture (snapshot, texture, rect);
    }
  else
    {
      guint tx0, ty0, tx1, ty1;

      snapshot_placeholder (self, snapshot, page, rect);
      if (!visible_tiles (self, rect, &tx0, &ty0, &tx1, &ty1))
        return;
      for (guint ty = ty0; ty <= ty1; ty++)
        for (guint tx = tx0; tx <= tx1; tx++)
          {
            init_spec (self, &spec, page, scale, TRUE, tx, ty);
            texture = cp_pdf_cache_lookup (self->cache, self->document, &spec);
            if (texture == NULL)
              continue;
            append_sharp (snapshot, texture, rect->origin.x + (double) tx * TILE_SIZE / sf,
                          rect->origin.y + (double) ty * TILE_SIZE / sf, sf);
          }
    }
}

void
_cp_pdf_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CpPdfView *self = CP_PDF_VIEW (widget);
  static const GdkRGBA frame = { 0, 0, 0, 0.2f };
  guint first, last;

  if (self->document == NULL)
    return;

  _cp_pdf_view_ensure_layout (self);
  _cp_pdf_view_update_requests (self);
  _cp_pdf_view_visible_range (self, &first, &last);

  for (guint page = first; page <= last; page++)
    {
      graphene_rect_t rect;

      page_widget_rect (self, page, &rect);
      /* A hairline frame so white pages stand out on a light background. */
      gtk_snapshot_append_color (snapshot, &frame,
                                 &GRAPHENE_RECT_INIT (rect.origin.x - 1, rect.origin.y - 1,
                                                      rect.size.width + 2, rect.size.height + 2));
      if (self->night_mode)
        push_night_mode (snapshot);
      snapshot_page (self, snapshot, page, &rect);
      if (self->night_mode)
        gtk_snapshot_pop (snapshot);
      _cp_pdf_view_snapshot_highlights (self, snapshot, page);
    }
}
