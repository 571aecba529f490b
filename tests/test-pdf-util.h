/* test-pdf-util.h: counting renders in the PDF document tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Requests pushed onto the document layer's worker, counted as they complete: how many
 * rendered, how many were cancelled, and in which order. */

#pragma once

#include "cp-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_rendered;
  guint   n_cancelled;
  guint   n_done;
  guint   n_wanted;     /* what wait_count () waits for */
  GArray *order;        /* tags of completed requests, in order */
} RenderCount;

typedef struct
{
  RenderCount *count;
  guint        tag;
} RenderCall;

static inline void
count_render_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RenderCall *call = user_data;
  RenderCount *count = call->count;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = cp_pdf_document_render_finish (CP_PDF_DOCUMENT (source), result, &error);
  if (surface != NULL)
    count->n_rendered++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    count->n_cancelled++;
  count->n_done++;
  if (count->order != NULL)
    g_array_append_val (count->order, call->tag);
  g_free (call);
  g_clear_pointer (&surface, cairo_surface_destroy);
}

static inline void
push_render (CpPdfDocument         *doc,
             const CpPdfRenderSpec *spec,
             int                    priority,
             GCancellable          *cancellable,
             RenderCount           *count,
             guint                  tag)
{
  RenderCall *call = g_new0 (RenderCall, 1);

  call->count = count;
  call->tag = tag;
  cp_pdf_document_render_async (doc, spec, priority, cancellable, count_render_cb, call);
}

static inline gboolean
count_reached (gpointer data)
{
  const RenderCount *count = data;

  return count->n_done >= count->n_wanted;
}

static inline void
wait_count (RenderCount *count,
            guint        n)
{
  count->n_wanted = n;
  g_assert_true (cp_test_wait_until (count_reached, count));
}

/* Keeps the worker busy for a while (a 4000 px square render of the huge
 * page) so that what the test queues next is still queued when it acts. */
static inline void
push_blocker (CpPdfDocument *huge,
              RenderCount   *count)
{
  CpPdfRenderSpec spec = { .page = 0, .scale = 0.8 };

  push_render (huge, &spec, CP_PDF_PRIORITY_VISIBLE, NULL, count, G_MAXUINT);
}

G_END_DECLS
