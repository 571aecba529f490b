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

G_END_DECLS
