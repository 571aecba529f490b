/* bench-quick.h: the benchmarks' quick mode
 *
 * With CPKIT_BENCH_QUICK set (tests/bench/bench-smoke.sh, which runs with the tests),
 * each benchmark does its work once or twice on small data, so that the tests catch a
 * change that stops a benchmark from running. Its figures then mean nothing.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

static inline gboolean
bench_quick (void)
{
  static int quick = -1;   /* read once: the sizes are asked for in loops */

  if (quick < 0)
    quick = g_getenv ("CPKIT_BENCH_QUICK") != NULL;
  return quick;
}

/* @full, or @quick in quick mode. */
#define BENCH_QUICK(full, quick) (bench_quick () ? (quick) : (full))
