/* cp-pdf-view-history.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * CpPdfView's jumps (to a page, a point, a named destination) and the
 * back/forward history they build.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-view-history"

#include "cp-pdf-view-private.h"

static void
current_location (CpPdfView     *self,
                  CpPdfLocation *location)
{
  double top = gtk_adjustment_get_value (self->vadjustment) + CP_PDF_VIEW_GAP;

  location->page = self->page;
  location->top = 0;
  if (self->layout_valid && self->page < cp_pdf_document_get_n_pages (self->document))
    location->top = (top - self->rects[self->page].origin.y) / self->scale;
}

/* Puts a point of the rotated page (top in points from its top edge) at
 * the top of the viewport, now or after the next layout. */
static void
go_to_location (CpPdfView           *self,
                const CpPdfLocation *location)
{
  double w = 0, h = 0, px = 0;
  double py = MAX (location->top, 0);

  /* Express the rotated-page point as an unrotated page point. */
  cp_pdf_document_get_page_size (self->document, location->page, &w, &h);
  switch (self->rotation)
    {
    case 90:
      px = py;
      py = h;
      break;
    case 180:
      px = w;
      py = h - py;
      break;
    case 270:
      px = w - py;
      py = 0;
      break;
    default:
      break;
    }

  if (self->layout_valid)
    {
      double cx, cy;

      _cp_pdf_view_page_to_content (self, location->page, px, py, &cx, &cy);
      gtk_adjustment_set_value (self->vadjustment, cy - CP_PDF_VIEW_GAP);
      _cp_pdf_view_update_current_page (self);
      return;
    }

  /* After the next layout: the point goes to the viewport's top-left. */
  self->has_anchor = TRUE;
  self->anchor_page = location->page;
  self->anchor_px = px;
  self->anchor_py = py;
  self->anchor_wx = 0;
  self->anchor_wy = CP_PDF_VIEW_GAP;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Lays the pages out again (zoom, rotation, dual page changed), keeping the
 * current page at the top; keep_offset keeps the place within it too. */
void
_cp_pdf_view_relayout_keep_page (CpPdfView *self,
                                 gboolean   keep_offset)
{
  CpPdfLocation here = { 0, 0 };

  if (self->document != NULL && self->layout_valid)
    current_location (self, &here);
  if (!keep_offset)
    here.top = 0;
  self->layout_valid = FALSE;
  _cp_pdf_view_cancel_requests (self);
  if (self->document != NULL)
    go_to_location (self, &here);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
notify_history (CpPdfView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), _cp_pdf_view_pspecs[CP_PDF_VIEW_PROP_CAN_GO_FORWARD]);
  _cp_pdf_view_update_actions (self);
}

void
_cp_pdf_view_push_history (CpPdfView *self)
{
  CpPdfLocation here;

  if (self->document == NULL)
    return;
  current_location (self, &here);
  g_array_append_val (self->back, here);
  g_array_set_size (self->forward, 0);
  notify_history (self);
}

/**
 * cp_pdf_view_scroll_to_location:
 * @top: points from the top of the (unrotated) page, or -1 for its top
 *
 * Jumps to a point of a page and pushes the place left onto the history
 * (unless the document has not been shown yet).
 */
void
cp_pdf_view_scroll_to_location (CpPdfView *self,
                                guint      page,
                                double     top)
{
  CpPdfLocation target;

  g_return_if_fail (CP_IS_PDF_VIEW (self));

  if (self->document == NULL || page >= cp_pdf_document_get_n_pages (self->document))
    return;

  /* A jump before the document was ever shown (reopening at the last page
   * read) leaves no history. */
  if (self->laid_out)
    _cp_pdf_view_push_history (self);
  target.page = page;
  target.top = top < 0 ? 0 : top;
  if (self->rotation != 0)
    target.top = 0;
  go_to_location (self, &target);
  _cp_pdf_view_set_page_internal (self, page);
}

void
cp_pdf_view_scroll_to_page (CpPdfView *self,
                            guint      page)
{
  cp_pdf_view_scroll_to_location (self, page, -1);
}

static void
find_dest_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CpPdfView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint page;
  double top;

  if (!cp_pdf_document_find_dest_finish (CP_PDF_DOCUMENT (source), result, &page, &top, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Named destination not found: %s", error->message);
      return;
    }
  if (CP_PDF_DOCUMENT (source) == self->document)
    cp_pdf_view_scroll_to_location (self, page, top);
}

void
cp_pdf_view_scroll_to_dest (CpPdfView  *self,
                            const char *name)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));
  g_return_if_fail (name != NULL);

  if (self->document == NULL)
    return;
  cp_pdf_document_find_dest_async (self->document, name, self->cancellable, find_dest_cb,
                                   g_object_ref (self));
}

static void
travel (CpPdfView *self,
        GArray    *from,
        GArray    *to)
{
  CpPdfLocation here, there;

  if (from->len == 0)
    return;
  current_location (self, &here);
  there = g_array_index (from, CpPdfLocation, from->len - 1);
  g_array_set_size (from, from->len - 1);
  g_array_append_val (to, here);
  go_to_location (self, &there);
  _cp_pdf_view_set_page_internal (self, there.page);
  notify_history (self);
}

void
cp_pdf_view_go_back (CpPdfView *self)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));
  travel (self, self->back, self->forward);
}

void
cp_pdf_view_go_forward (CpPdfView *self)
{
  g_return_if_fail (CP_IS_PDF_VIEW (self));
  travel (self, self->forward, self->back);
}

gboolean
cp_pdf_view_get_can_go_back (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);
  return self->back->len > 0;
}

gboolean
cp_pdf_view_get_can_go_forward (CpPdfView *self)
{
  g_return_val_if_fail (CP_IS_PDF_VIEW (self), FALSE);
  return self->forward->len > 0;
}
