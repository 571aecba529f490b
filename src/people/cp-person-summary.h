/* cp-person-summary.h: one line that says where a person's work stands
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-person.h"

G_BEGIN_DECLS

/* "Paused — in hospital", "Closed on 3 March 2026", "Review overdue since …",
 * "Next review 3 December 2026", "No review date". Shared by the list and the editor. */
char *cp_person_dup_summary (CpPerson   *person,
                             const char *today);

G_END_DECLS
