/* test-pdf-util.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Small helpers shared by the pdf tests: waiting on the main context
 * against a deadline, and collecting async results. */

#pragma once

#include <gio/gio.h>

#include "pdf/cp-pdf-document.h"

G_BEGIN_DECLS

#define CP_TEST_DEADLINE_S 20

static inline gboolean
cp_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the default main context until *flag is TRUE; fails the test
 * after CP_TEST_DEADLINE_S seconds. */
static inline void
cp_test_wait_for (const gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, cp_test_wake_cb, NULL);

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static inline void
cp_test_store_result_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Waits until *result is set. */
static inline void
cp_test_wait_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, cp_test_wake_cb, NULL);

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static inline CpPdfDocument *
cp_test_open (const char  *path,
              const char  *password,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cp_pdf_document_new_for_file_async (file, password, NULL, cp_test_store_result_cb, &result);
  cp_test_wait_result (&result);
  return cp_pdf_document_new_finish (result, error);
}

typedef struct
{
  guint   n_rendered;
  guint   n_cancelled;
  guint   n_done;
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

static inline void
wait_count (RenderCount *count,
            guint        n)
{
  gint64 deadline = g_get_monotonic_time () + CP_TEST_DEADLINE_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, cp_test_wake_cb, NULL);

  while (count->n_done < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
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

static inline CpPdfDocument *
cp_test_open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  CpPdfDocument *doc = cp_test_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

G_END_DECLS
