/* bench-supervision-fill.h: the large caseload the Supervision benchmarks read
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

#define BENCH_SUPERVISION_PEOPLE 60
/* What bench_supervision_fill () writes, in words for the figures' heading. */
#define BENCH_SUPERVISION_WORKSPACE \
  "60 people x 20 goals (3 steps each, one helper), maps of 15, 3 reviews with barriers"

/* Writes the caseload into @store's (empty) workspace in one transaction, then has the
 * store read it again; exits the process when it cannot. */
void bench_supervision_fill (CpStore *store);

G_END_DECLS
