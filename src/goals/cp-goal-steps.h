/* cp-goal-steps.h: the small steps of one goal, and who does each
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

/* A part of the goal editor (cp-ui): the goal's steps as rows (done, text, who does it,
 * due; edit and remove) and a form to add or edit one. Who does it is the person, the
 * practitioner, the two together, someone else (a role in words) or a member of the
 * person's current map, picked from the map. A member later taken off the map reads
 * "… — no longer on the map". Every change goes straight to the store; the editor
 * shows the result again through cp_goal_steps_show_goal (). */

#define CP_TYPE_GOAL_STEPS (cp_goal_steps_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalSteps, cp_goal_steps, CP, GOAL_STEPS, GtkWidget)

void       cp_goal_steps_set_store     (CpGoalSteps      *self,
                                        CpStore          *store);
/* Shows @goal's steps (re-reading the current map for the picker); the form keeps what
 * is being typed. @with_person: the person's words, for the with-person view. */
void       cp_goal_steps_show_goal     (CpGoalSteps      *self,
                                        const CpGoalInfo *goal,
                                        gboolean          with_person);

G_END_DECLS
