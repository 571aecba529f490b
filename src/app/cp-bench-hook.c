/* cp-bench-hook.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-bench-hook"

#include <stdio.h>
#include <sys/resource.h>

#include "cp-bench-hook.h"
#include "cp-window.h"

#define TICK_MS 5

typedef enum
{
  PHASE_OPEN,
  PHASE_BACKUP,
  PHASE_COPY,
  N_PHASES
} Phase;

static const char * const phase_names[N_PHASES] = { "open", "backup", "copy" };
static Phase  phase;
static gint64 last_tick;
static gint64 max_gap[N_PHASES];

/* Whether a benchmark asked for a hook. */
gboolean
cp_bench_hook_wanted (void)
{
  return g_getenv (CP_BENCH_FIRST_FRAME_ENV) != NULL || g_getenv (CP_BENCH_STALL_ENV) != NULL;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > max_gap[phase])
    max_gap[phase] = now - last_tick;
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

void
cp_bench_hook_start (void)
{
  if (g_getenv (CP_BENCH_STALL_ENV) == NULL)
    return;
  phase = PHASE_OPEN;
  last_tick = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, NULL, NULL);
}

static void
quit (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static gboolean
copy_done_cb (gpointer data)
{
  CpWindow *window = data;

  if (cp_window_get_busy (window))
    return G_SOURCE_CONTINUE;
  for (guint i = 0; i < N_PHASES; i++)
    g_print ("stall %s %.1f\n", phase_names[i], max_gap[i] / 1000.0);
  fflush (stdout);
  quit (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static gboolean
backup_done_cb (gpointer data)
{
  CpWindow *window = data;
  g_autoptr(GFile) copy = NULL;

  if (cp_window_get_busy (window))
    return G_SOURCE_CONTINUE;
  phase = PHASE_COPY;
  copy = g_file_new_for_path (g_getenv (CP_BENCH_STALL_ENV));
  cp_window_save_copy_to (window, copy);
  g_timeout_add (10, copy_done_cb, window);
  return G_SOURCE_REMOVE;
}

/* "first-frame" and the CPU time the process has used so far, in ms: on a busy machine
 * the wall-clock figure also counts the time spent waiting for a core. */
static void
print_first_frame (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("first-frame %.1f\n",
           (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  fflush (stdout);
}

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  if (g_getenv (CP_BENCH_STALL_ENV) != NULL)
    {
      phase = PHASE_BACKUP;
      g_timeout_add (10, backup_done_cb, window);
      return;
    }
  print_first_frame ();
  quit (window);
}

static void
map_cb (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), widget, 0);
}

/**
 * cp_bench_hook_watch_window:
 * @window: the workspace's window, not yet shown
 *
 * Follows @window for the benchmark that asked (see the header).
 */
void
cp_bench_hook_watch_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
