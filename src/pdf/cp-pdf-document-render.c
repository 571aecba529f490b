/* cp-pdf-document-render.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Page rendering (whole pages or tiles → cairo image surfaces), link mapping
 * and named destinations, all run on the worker.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-render"

#include <math.h>

#include "cp-pdf-document-private.h"

G_DEFINE_BOXED_TYPE (CpPdfLink, cp_pdf_link, cp_pdf_link_copy, cp_pdf_link_free)

CpPdfLink *
cp_pdf_link_copy (const CpPdfLink *link)
{
  CpPdfLink *copy = g_new (CpPdfLink, 1);

  *copy = *link;
  copy->dest = g_strdup (link->dest);
  copy->uri = g_strdup (link->uri);
  return copy;
}

void
cp_pdf_link_free (CpPdfLink *link)
{
  if (link == NULL)
    return;
  g_free (link->dest);
  g_free (link->uri);
  g_free (link);
}

/* ---------------------------------------------------------------- render */

static void
apply_rotation (cairo_t *cr,
                guint    rotation,
                double   width,
                double   height,
                double   scale)
{
  switch (rotation)
    {
    case 90:
      cairo_translate (cr, height * scale, 0);
      cairo_rotate (cr, G_PI / 2);
      break;
    case 180:
      cairo_translate (cr, width * scale, height * scale);
      cairo_rotate (cr, G_PI);
      break;
    case 270:
      cairo_translate (cr, 0, width * scale);
      cairo_rotate (cr, 3 * G_PI / 2);
      break;
    default:
      break;
    }
  cairo_scale (cr, scale, scale);
}

static gboolean
render_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  CpPdfRenderSpec *spec = g_task_get_task_data (job->task);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  int full_width, full_height;
  int x0 = 0, y0 = 0, width, height;

  cp_pdf_document_get_render_size (self, spec->page, spec->scale, spec->rotation,
                                   &full_width, &full_height);
  width = full_width;
  height = full_height;
  if (spec->tile_size > 0)
    {
      x0 = spec->tile_x * spec->tile_size;
      y0 = spec->tile_y * spec->tile_size;
      width = MIN ((int) spec->tile_size, full_width - x0);
      height = MIN ((int) spec->tile_size, full_height - y0);
      if (width <= 0 || height <= 0)
        {
          g_task_return_new_error (job->task, CP_PDF_ERROR, CP_PDF_ERROR_INVALID_PAGE,
                                   "Tile %u,%u lies outside page %u",
                                   spec->tile_x, spec->tile_y, spec->page + 1);
          return TRUE;
        }
    }

  if (width > CP_PDF_MAX_SURFACE_SIDE || height > CP_PDF_MAX_SURFACE_SIDE)
    {
      g_task_return_new_error (job->task, CP_PDF_ERROR, CP_PDF_ERROR_TOO_LARGE,
                               "A %d × %d px surface is too large; render in tiles",
                               width, height);
      return TRUE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (job->task, CP_PDF_ERROR, CP_PDF_ERROR_TOO_LARGE,
                               "Cannot make a %d × %d px surface: %s", width, height,
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return TRUE;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -x0, -y0);
  apply_rotation (cr, spec->rotation,
                  self->sizes[2 * spec->page], self->sizes[2 * spec->page + 1], spec->scale);

  page = poppler_document_get_page (self->poppler, spec->page);
  if (page != NULL)
    {
      poppler_page_render (page, cr);
      g_object_unref (page);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
  return TRUE;
}

/**
 * cp_pdf_document_render_async:
 * @spec: what to render (copied)
 * @priority: queue priority, CP_PDF_PRIORITY_*
 *
 * Renders a page or a tile on a white background. Finish with
 * cp_pdf_document_render_finish(), which gives a cairo image surface
 * (CAIRO_FORMAT_ARGB32) of the size cp_pdf_document_get_render_size()
 * announces (or the tile's part of it).
 */
void
cp_pdf_document_render_async (CpPdfDocument         *self,
                              const CpPdfRenderSpec *spec,
                              int                    priority,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  CpPdfJob *job;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));
  g_return_if_fail (spec != NULL);

  task = _cp_pdf_document_new_page_task (self, spec->page, cp_pdf_document_render_async,
                                         "cp-pdf-render", cancellable, callback, user_data);
  if (task == NULL)
    return;
  if (!(spec->scale > 0) || spec->rotation % 90 != 0 || spec->rotation >= 360)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid scale or rotation");
      return;
    }

  g_task_set_task_data (task, g_memdup2 (spec, sizeof *spec), g_free);
  job = _cp_pdf_job_new (g_steal_pointer (&task), priority, render_job);
  job->tag = spec->tag;
  job->generation = spec->generation;
  _cp_pdf_worker_push (job);
}

/**
 * cp_pdf_document_render_finish:
 *
 * Returns: (transfer full): the image surface (free it with
 *   cairo_surface_destroy()), or %NULL with @error set
 *   (G_IO_ERROR_CANCELLED when cancelled or superseded).
 */
cairo_surface_t *
cp_pdf_document_render_finish (CpPdfDocument  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -------------------------------------------------------------- printing */

typedef struct
{
  guint    page;
  cairo_t *cr;
} PrintData;

static void
print_data_free (PrintData *data)
{
  cairo_destroy (data->cr);
  g_free (data);
}

static gboolean
print_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  PrintData *data = g_task_get_task_data (job->task);
  PopplerPage *page = poppler_document_get_page (self->poppler, data->page);

  if (page != NULL)
    {
      cairo_save (data->cr);
      poppler_page_render_for_printing (page, data->cr);
      cairo_restore (data->cr);
      g_object_unref (page);
    }
  g_task_return_boolean (job->task, TRUE);
  return TRUE;
}

/**
 * cp_pdf_document_print_page_async:
 * @cr: the context to draw on (referenced until the task completes)
 *
 * Prints @page onto @cr on the worker, at print quality.
 */
void
cp_pdf_document_print_page_async (CpPdfDocument       *self,
                                  guint                page,
                                  cairo_t             *cr,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrintData *data;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  task = _cp_pdf_document_new_page_task (self, page, cp_pdf_document_print_page_async,
                                         "cp-pdf-print", cancellable, callback, user_data);
  if (task == NULL)
    return;
  data = g_new0 (PrintData, 1);
  data->page = page;
  data->cr = cairo_reference (cr);
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);
  _cp_pdf_worker_push (_cp_pdf_job_new (g_steal_pointer (&task), CP_PDF_PRIORITY_DEFAULT,
                                        print_job));
}

gboolean
cp_pdf_document_print_page_finish (CpPdfDocument  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ----------------------------------------------------------------- links */

static gboolean
links_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  guint page_index = GPOINTER_TO_UINT (g_task_get_task_data (job->task));
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_pdf_link_free);
  PopplerPage *page = poppler_document_get_page (self->poppler, page_index);
  GList *mapping;

  if (page == NULL)
    {
      g_task_return_pointer (job->task, links, (GDestroyNotify) g_ptr_array_unref);
      return TRUE;
    }

  mapping = poppler_page_get_link_mapping (page);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerLinkMapping *map = l->data;
      CpPdfLink *link = g_new0 (CpPdfLink, 1);

      link->area = _cp_pdf_rect_from_poppler (self, page_index, &map->area);
      link->page = -1;
      link->top = -1;
      switch (map->action != NULL ? map->action->type : POPPLER_ACTION_NONE)
        {
        case POPPLER_ACTION_GOTO_DEST:
          _cp_pdf_dest_resolve (self, map->action->goto_dest.dest, &link->page, &link->top,
                                &link->dest);
          link->kind = CP_PDF_LINK_INTERNAL;
          break;
        case POPPLER_ACTION_URI:
          link->kind = CP_PDF_LINK_EXTERNAL;
          link->uri = g_strdup (map->action->uri.uri);
          break;
        default:
          link->kind = CP_PDF_LINK_NONE;
          break;
        }
      g_ptr_array_add (links, link);
    }
  poppler_page_free_link_mapping (mapping);
  g_object_unref (page);

  g_task_return_pointer (job->task, links, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/**
 * cp_pdf_document_get_links_async:
 *
 * The links of @page, internal ones with their target page resolved.
 */
void
cp_pdf_document_get_links_async (CpPdfDocument       *self,
                                 guint                page,
                                 int                  priority,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));

  task = _cp_pdf_document_new_page_task (self, page, cp_pdf_document_get_links_async,
                                         "cp-pdf-links", cancellable, callback, user_data);
  if (task == NULL)
    return;
  g_task_set_task_data (task, GUINT_TO_POINTER (page), NULL);
  _cp_pdf_worker_push (_cp_pdf_job_new (g_steal_pointer (&task), priority, links_job));
}

/**
 * cp_pdf_document_get_links_finish:
 *
 * Returns: (transfer full) (element-type CpPdfLink): the links, or %NULL
 */
GPtrArray *
cp_pdf_document_get_links_finish (CpPdfDocument  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------- named destinations */

typedef struct
{
  char   *name;
  int     page;
  double  top;
} DestData;

static void
dest_data_free (DestData *data)
{
  g_free (data->name);
  g_free (data);
}

static gboolean
dest_job (CpPdfJob *job)
{
  CpPdfDocument *self = g_task_get_source_object (job->task);
  DestData *data = g_task_get_task_data (job->task);
  PopplerDest dest = { 0 };

  dest.type = POPPLER_DEST_NAMED;
  dest.named_dest = data->name;
  _cp_pdf_dest_resolve (self, &dest, &data->page, &data->top, NULL);

  if (data->page < 0)
    g_task_return_new_error (job->task, CP_PDF_ERROR, CP_PDF_ERROR_NOT_FOUND,
                             "The document has no destination “%s”", data->name);
  else
    g_task_return_boolean (job->task, TRUE);
  return TRUE;
}

/**
 * cp_pdf_document_find_dest_async:
 * @name: a named destination
 *
 * Looks @name up; CP_PDF_ERROR_NOT_FOUND when the document has no such
 * destination.
 */
void
cp_pdf_document_find_dest_async (CpPdfDocument       *self,
                                 const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  DestData *data;

  g_return_if_fail (CP_IS_PDF_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_pdf_document_find_dest_async);
  g_task_set_name (task, "cp-pdf-dest");
  data = g_new0 (DestData, 1);
  data->name = g_strdup (name);
  data->page = -1;
  data->top = -1;
  g_task_set_task_data (task, data, (GDestroyNotify) dest_data_free);
  _cp_pdf_worker_push (_cp_pdf_job_new (task, CP_PDF_PRIORITY_VISIBLE, dest_job));
}

gboolean
cp_pdf_document_find_dest_finish (CpPdfDocument  *self,
                                  GAsyncResult   *result,
                                  guint          *page,
                                  double         *top,
                                  GError        **error)
{
  DestData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (page != NULL)
    *page = data->page;
  if (top != NULL)
    *top = data->top;
  return TRUE;
}
