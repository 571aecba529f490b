/* cp-bench-hook.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-bench-hook"

#include <stdio.h>

#include "cp-bench-hook.h"

/* Whether the start-up benchmark asked for the first frame. */
gboolean
cp_bench_hook_wanted (void)
{
  return g_getenv (CP_BENCH_FIRST_FRAME_ENV) != NULL;
}

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  g_print ("first-frame\n");
  fflush (stdout);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
map_cb (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), widget, 0);
}

/**
 * cp_bench_hook_report_first_frame:
 * @window: a window not yet shown
 *
 * Once @window has painted its first frame, prints "first-frame" on stdout and quits
 * the application.
 */
void
cp_bench_hook_report_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
