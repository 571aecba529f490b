/* cp-pdf-view-layout.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfView's page layout, geometry (page points ↔ widget), scrolling,
 * sizing and zoom around a point.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view-layout"

#include <math.h>

#include "cp-pdf-view-private.h"

/* ---------------------------------------------------------------- layout */

static void
rotated_size (CpPdfView *self,
              guint      page,
              double    *width,
              double    *height)
{
  double w = 0, h = 0;

  cp_pdf_document_get_page_size (self->document, page, &w, &h);
  if (self->rotation == 90 || self->rotation == 270)
    {
      *width = h;
      *height = w;
    }
  else
    {
      *width = w;
      *height = h;
    }
}

static guint
per_row (CpPdfView *self)
{
  return self->dual_page ? 2 : 1;
}

/* The widest row and the tallest row, in points. */
static void
largest_row (CpPdfView *self,
             double    *row_width,
             double    *row_height)
{
  guint n = cp_pdf_document_get_n_pages (self->document);

  *row_width = 1;
  *row_height = 1;
  for (guint i = 0; i < n; i += per_row (self))
    {
      double width = 0, height = 0;

      for (guint j = i; j < MIN (n, i + per_row (self)); j++)
        {
          double w, h;

          rotated_size (self, j, &w, &h);
          width += w;
          height = MAX (height, h);
        }
      *row_width = MAX (*row_width, width);
      *row_height = MAX (*row_height, height);
    }
}

static double
fit_zoom (CpPdfView *self,
          int        width,
          int        height)
{
  double row_width, row_height, zoom;
  double gaps = 2 * CP_PDF_VIEW_GAP + (self->dual_page ? CP_PDF_VIEW_GAP : 0);

  largest_row (self, &row_width, &row_height);
  zoom = (width - gaps) / (row_width * CP_PDF_VIEW_PX_PER_PT);
  if (self->sizing_mode == CP_PDF_SIZING_FIT_PAGE)
    zoom = MIN (zoom, (height - 2 * CP_PDF_VIEW_GAP) / (row_height * CP_PDF_VIEW_PX_PER_PT));

  /* Fitting may go below the free minimum (a poster on a small window). */
  return CLAMP (zoom, 0.02, CP_PDF_VIEW_MAX_ZOOM);
}

static void
compute_layout (CpPdfView *self,
                int        width,
                int        height)
{
  guint n = cp_pdf_document_get_n_pages (self->document);
  double y = CP_PDF_VIEW_GAP;
  double row_width, row_height;

  self->scale = self->zoom * CP_PDF_VIEW_PX_PER_PT;
  largest_row (self, &row_width, &row_height);
  self->content_width = row_width * self->scale + 2 * CP_PDF_VIEW_GAP
                        + (self->dual_page ? CP_PDF_VIEW_GAP : 0);

  g_free (self->rects);
  self->rects = g_new0 (graphene_rect_t, n);

  for (guint i = 0; i < n; i += per_row (self))
    {
      guint end = MIN (n, i + per_row (self));
      double width_px = 0, height_px = 0, x;

      for (guint j = i; j < end; j++)
        {
          double w, h;

          rotated_size (self, j, &w, &h);
          width_px += w * self->scale;
          height_px = MAX (height_px, h * self->scale);
        }
      width_px += (end - i - 1) * CP_PDF_VIEW_GAP;

      x = floor ((MAX (self->content_width, width) - width_px) / 2);
      for (guint j = i; j < end; j++)
        {
          double w, h;

          rotated_size (self, j, &w, &h);
          graphene_rect_init (&self->rects[j], x, y, w * self->scale, h * self->scale);
          x += w * self->scale + CP_PDF_VIEW_GAP;
        }
      y += floor (height_px) + CP_PDF_VIEW_GAP;
    }

  self->content_height = y;
  self->layout_valid = TRUE;
}

void
_cp_pdf_view_ensure_layout (CpPdfView *self)
{
  if (!self->layout_valid && self->document != NULL)
    compute_layout (self, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)));
}

/* ------------------------------------------------------------- geometry */

void
_cp_pdf_view_page_to_content (CpPdfView *self,
                              guint      page,
                              double     px,
                              double     py,
                              double    *cx,
                              double    *cy)
{
  double w = 0, h = 0, x, y, s = self->scale;

  cp_pdf_document_get_page_size (self->document, page, &w, &h);
  switch (self->rotation)
    {
    case 90:
      x = (h - py) * s;
      y = px * s;
      break;
    case 180:
      x = (w - px) * s;
      y = (h - py) * s;
      break;
    case 270:
      x = py * s;
      y = (w - px) * s;
      break;
    default:
      x = px * s;
      y = py * s;
      break;
    }
  *cx = self->rects[page].origin.x + x;
  *cy = self->rects[page].origin.y + y;
}

static void
content_to_page (CpPdfView *self,
                 guint      page,
                 double     cx,
                 double     cy,
                 double    *px,
                 double    *py)
{
  double w = 0, h = 0, s = self->scale;
  double x = (cx - self->rects[page].origin.x) / s;
  double y = (cy - self->rects[page].origin.y) / s;

  cp_pdf_document_get_page_size (self->document, page, &w, &h);
  switch (self->rotation)
    {
    case 90:
      *px = y;
      *py = h - x;
      break;
    case 180:
      *px = w - x;
      *py = h - y;
      break;
    case 270:
      *px = w - y;
      *py = x;
      break;
    default:
      *px = x;
      *py = y;
      break;
    }
}

static double
hvalue (CpPdfView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (CpPdfView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The page nearest to a content point; TRUE when the point is on it. */
static gboolean
content_point_to_page (CpPdfView *self,
                       double     cx,
                       double     cy,
                       guint     *page,
                       double    *px,
                       double    *py)
{
  guint n = cp_pdf_document_get_n_pages (self->document);
  double best = G_MAXDOUBLE;
  guint best_page = 0;

  for (guint i = 0; i < n; i++)
    {
      const graphene_rect_t *r = &self->rects[i];
      double dx = MAX (MAX (r->origin.x - cx, 0), cx - (r->origin.x + r->size.width));
      double dy = MAX (MAX (r->origin.y - cy, 0), cy - (r->origin.y + r->size.height));
      double d = dx + 2 * dy;

      if (d < best)
        {
          best = d;
          best_page = i;
        }
      if (r->origin.y > cy + best)
        break;
    }

  *page = best_page;
  content_to_page (self, best_page, cx, cy, px, py);
  return best == 0;
}

gboolean
cp_pdf_view_page_to_widget (CpPdfView *self,
                            guint      page,
                            double     px,
                            double     py,
                            double    *x,
                            double    *y)
{
  double cx, cy;

  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);

  if (self->document == NULL || page >= cp_pdf_document_get_n_pages (self->document))
    return FALSE;
  _cp_pdf_view_ensure_layout (self);
  _cp_pdf_view_page_to_content (self, page, px, py, &cx, &cy);
  *x = cx - hvalue (self);
  *y = cy - vvalue (self);
  return TRUE;
}

/**
 * cp_pdf_view_widget_to_page:
 *
 * Returns: %TRUE when (@x, @y) lies on a page; otherwise the nearest page
 *   and a point outside it are given.
 */
gboolean
cp_pdf_view_widget_to_page (CpPdfView *self,
                            double     x,
                            double     y,
                            guint     *page,
                            double    *px,
                            double    *py)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  _cp_pdf_view_ensure_layout (self);
  return content_point_to_page (self, x + hvalue (self), y + vvalue (self), page, px, py);
}

gboolean
_cp_pdf_view_page_rect_to_widget (CpPdfView       *self,
                                  guint            page,
                                  const CpPdfRect *rect,
                                  graphene_rect_t *out)
{
  double x1, y1, x2, y2;

  if (!cp_pdf_view_page_to_widget (self, page, rect->x, rect->y, &x1, &y1)
      || !cp_pdf_view_page_to_widget (self, page, rect->x + rect->width,
                                      rect->y + rect->height, &x2, &y2))
    return FALSE;

  graphene_rect_init (out, MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1));
  return TRUE;
}

/* Pages that touch the viewport. */
void
_cp_pdf_view_visible_range (CpPdfView *self,
                            guint     *first,
                            guint     *last)
{
  guint n = cp_pdf_document_get_n_pages (self->document);
  double top = vvalue (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  guint lo = 0, hi = n;

  /* Rows are laid out top to bottom: find the first page reaching top. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const graphene_rect_t *r = &self->rects[mid];

      if (r->origin.y + r->size.height < top)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* The other page of a dual row may end higher. */
  if (self->dual_page && lo > 0 && self->rects[lo - 1].origin.y == self->rects[lo].origin.y)
    lo--;

  *first = MIN (lo, n - 1);
  *last = *first;
  while (*last + 1 < n && self->rects[*last + 1].origin.y < bottom)
    (*last)++;
}

/* ---------------------------------------------------------- current page */

void
_cp_pdf_view_set_page_internal (CpPdfView *self,
                                guint      page)
{
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_PAGE]);
}

/* The current page is the one that shows the most of itself. */
void
_cp_pdf_view_update_current_page (CpPdfView *self)
{
  double top = vvalue (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  double best = -1;
  guint first, last, best_page = self->page;

  if (self->document == NULL || !self->layout_valid)
    return;

  _cp_pdf_view_visible_range (self, &first, &last);
  for (guint i = first; i <= last; i++)
    {
      const graphene_rect_t *r = &self->rects[i];
      double visible = MIN (bottom, r->origin.y + r->size.height) - MAX (top, r->origin.y);

      if (visible > best + 0.5)
        {
          best = visible;
          best_page = i;
        }
    }
  _cp_pdf_view_set_page_internal (self, best_page);
}

/* ------------------------------------------------------------ adjustments */

static void
configure_adjustments (CpPdfView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    {
      double upper = MAX (self->content_width, width);

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (hvalue (self), 0, upper - width),
                                0, upper, 40, width * 0.9, width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (self->content_height, height);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (vvalue (self), 0, upper - height),
                                0, upper, 40, height * 0.9, height);
    }
}

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             CpPdfView     *self)
{
  if (self->document == NULL)
    return;
  _cp_pdf_view_update_current_page (self);
  _cp_pdf_view_update_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cp_pdf_view_set_adjustment (CpPdfView      *self,
                             GtkAdjustment **slot,
                             GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_cp_pdf_view_scroll_by (CpPdfView *self,
                        double     dx,
                        double     dy)
{
  if (dx != 0 && self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, hvalue (self) + dx);
  if (dy != 0 && self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, vvalue (self) + dy);
}

/* --------------------------------------------------------- size, zoom */

void
_cp_pdf_view_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  CpPdfView *self = CP_PDF_VIEW (widget);

  *minimum = 0;
  *natural = 0;
  if (self->document != NULL && self->layout_valid)
    *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? self->content_width
                                                                      : self->content_height);
}

void
_cp_pdf_view_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CpPdfView *self = CP_PDF_VIEW (widget);
  double old_scale = self->scale;

  if (self->document == NULL)
    {
      self->content_width = 0;
      self->content_height = 0;
      configure_adjustments (self);
      return;
    }

  if (self->sizing_mode != CP_PDF_SIZING_FREE)
    {
      double zoom = fit_zoom (self, width, height);

      if (fabs (zoom - self->zoom) > 1e-6)
        {
          /* Keep what is at the top centre while the fit changes. */
          if (!self->has_anchor && self->layout_valid)
            {
              self->has_anchor = TRUE;
              self->anchor_wx = width / 2.0;
              self->anchor_wy = 0;
              content_point_to_page (self, hvalue (self) + width / 2.0, vvalue (self),
                                     &self->anchor_page, &self->anchor_px, &self->anchor_py);
            }
          self->zoom = zoom;
          g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_ZOOM]);
          _cp_pdf_view_update_actions (self);
        }
    }

  compute_layout (self, width, height);
  self->laid_out = TRUE;
  if (fabs (self->scale - old_scale) > 1e-9)
    {
      /* Stand-ins come from the last zoom that has pages rendered (during a
       * pinch, the zooms in between never get any). */
      if (self->rendered_scale == old_scale)
        self->previous_scale = old_scale;
      _cp_pdf_view_cancel_requests (self);
    }

  configure_adjustments (self);
  if (self->has_anchor)
    {
      double cx, cy;

      self->has_anchor = FALSE;
      _cp_pdf_view_page_to_content (self, self->anchor_page, self->anchor_px, self->anchor_py,
                                    &cx, &cy);
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, cx - self->anchor_wx);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, cy - self->anchor_wy);
    }

  _cp_pdf_view_update_current_page (self);
  _cp_pdf_view_update_requests (self);
}

/* Zooms so that the page point under widget point (wx, wy) stays there. */
void
_cp_pdf_view_set_zoom_at (CpPdfView *self,
                          double     zoom,
                          double     wx,
                          double     wy)
{
  zoom = CLAMP (zoom, CP_PDF_VIEW_MIN_ZOOM, CP_PDF_VIEW_MAX_ZOOM);

  if (self->sizing_mode != CP_PDF_SIZING_FREE)
    {
      self->sizing_mode = CP_PDF_SIZING_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_SIZING_MODE]);
    }
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  if (self->document != NULL && self->layout_valid)
    {
      self->has_anchor = TRUE;
      self->anchor_wx = wx;
      self->anchor_wy = wy;
      content_point_to_page (self, wx + hvalue (self), wy + vvalue (self),
                             &self->anchor_page, &self->anchor_px, &self->anchor_py);
    }
  self->zoom = zoom;
  self->layout_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_ZOOM]);
  _cp_pdf_view_update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
