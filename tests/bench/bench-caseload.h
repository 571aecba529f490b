/* bench-caseload.h: the caseload the supervision benchmarks share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

#define BENCH_CASELOAD_PEOPLE  60
#define BENCH_CASELOAD_GOALS   20
#define BENCH_CASELOAD_STEPS   3
#define BENCH_CASELOAD_MEMBERS 15

/* Fills the empty workspace open as @store with BENCH_CASELOAD_PEOPLE people (ids 1 …)
 * with BENCH_CASELOAD_GOALS goals each (BENCH_CASELOAD_STEPS steps a goal, one helper),
 * a map of BENCH_CASELOAD_MEMBERS members and 3 reviews with barrier picks, in one
 * transaction, then reloads the store. Exits on failure. */
void bench_caseload_fill (CpStore *store);

G_END_DECLS
