/* bench-netmap-util.h: what the network map benchmarks share: the big map, timing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

#define BENCH_NETMAP_MEMBERS 300
#define BENCH_NETMAP_TIES    1000

/* A made-up map of 300 members and 1,000 ties, the same every run, tidied */
CpNetmapModel *bench_netmap_big_map   (void);
/* The member with the most ties */
gint64         bench_netmap_most_tied (CpNetmapModel *model);

/* CPU time of this thread, ms (the machine may be shared: wall time would measure the
 * others too) */
double         bench_now_ms           (void);
/* Prints the median and worst of @ms (sorting it) beside @goal */
void           bench_report           (const char    *what,
                                       GArray        *ms,
                                       const char    *goal);

G_END_DECLS
