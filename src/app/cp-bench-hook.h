/* cp-bench-hook.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The start-up benchmark's hook. With CPKIT_BENCH_FIRST_FRAME set in the environment
 * (tests/bench/bench-startup sets it), the application reports the main window's first
 * painted frame as a line "first-frame" on stdout and quits: the cold-start figure.
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_BENCH_FIRST_FRAME_ENV "CPKIT_BENCH_FIRST_FRAME"

gboolean cp_bench_hook_wanted             (void);
void     cp_bench_hook_report_first_frame (GtkWindow *window);

G_END_DECLS
