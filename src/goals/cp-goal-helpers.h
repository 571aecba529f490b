/* cp-goal-helpers.h: who on the map helps with a goal, and what gets in its way
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-goal.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

/* A part of the goal editor (cp-ui): the members of the person's map who help with the
 * goal (picked from the current map, never typed; one taken off the map since reads
 * "… — no longer on the map") and, for the practitioner, the barriers and how to
 * tackle them. Every change goes straight to the store. */

#define CP_TYPE_GOAL_HELPERS (cp_goal_helpers_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalHelpers, cp_goal_helpers, CP, GOAL_HELPERS, GtkWidget)

void       cp_goal_helpers_set_store   (CpGoalHelpers    *self,
                                        CpStore          *store);
/* Shows @goal's helpers and barriers (barriers not @with_person). */
void       cp_goal_helpers_show_goal   (CpGoalHelpers    *self,
                                        const CpGoalInfo *goal,
                                        gboolean          with_person);

G_END_DECLS
