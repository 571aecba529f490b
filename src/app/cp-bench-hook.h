/* cp-bench-hook.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The benchmarks' hooks into the real app, enabled from the environment:
 *
 * CPKIT_BENCH_FIRST_FRAME (tests/bench/bench-startup): once the main window has painted
 *   its first frame, prints "first-frame CPU" on stdout and quits: the cold-start figure
 *   (CPU: the process's CPU time so far, in ms).
 *
 * CPKIT_BENCH_STALL=FILE (tests/bench/bench-stall): from start-up on, a high-priority
 *   timeout every 5 ms records the longest gap between two of its runs: how long the
 *   main thread was kept from its loop. Once the window has painted its first frame and
 *   the daily backup is done, it saves a copy of the workspace to FILE as Save a Copy
 *   does; then it prints "stall PHASE MS" for each phase (open, backup, copy) and quits.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_BENCH_FIRST_FRAME_ENV "CPKIT_BENCH_FIRST_FRAME"
#define CP_BENCH_STALL_ENV       "CPKIT_BENCH_STALL"

gboolean cp_bench_hook_wanted             (void);
/* At start-up: starts the stall clock when CPKIT_BENCH_STALL is set. */
void     cp_bench_hook_start              (void);
/* @window: the workspace's window, not yet shown. */
void     cp_bench_hook_watch_window       (GtkWindow *window);

G_END_DECLS
