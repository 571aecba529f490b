/* cp-person-summary.h: one line that says where a person's work stands
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-person.h"

G_BEGIN_DECLS

/* Why a person is paused, as a phrase ("in hospital", "crisis", "their choice"); NULL for
 * no reason. */
const char *cp_pause_reason_words  (CpPauseReason  reason);

/* "Paused — in hospital", "Closed on 3 March 2026", "Review overdue since …",
 * "Next review 3 December 2026", "No review date". Shared by the list and the editor. */
char     *cp_person_dup_summary     (CpPerson   *person,
                                     const char *today);
/* A paused person's check-in on @today: "Check-in 5 January 2027", "Check-in was due
 * 5 January 2027", "No check-in date"; NULL for anyone not paused. A pause must not hide
 * anyone, so the list, the Reviews tab and the overview all show it. */
char     *cp_person_dup_check_in    (CpPerson   *person,
                                     const char *today);
/* TRUE when the person's next meeting needs seeing to on @today (cp_person_get_review_due
 * ()): an active person's review overdue, or a paused person's check-in passed or never
 * set. Never for a closed person, or a paused one whose check-in is still to come. */
gboolean  cp_person_needs_attention (CpPerson   *person,
                                     const char *today);

G_END_DECLS
