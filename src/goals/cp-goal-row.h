/* cp-goal-row.h: one goal in the goals tab's list
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-goal.h"

G_BEGIN_DECLS

/* A row of the goals tab (cp-ui): the goal in the person's words, its steps done and
 * target date (and, for the practitioner, its life area and when it was achieved or
 * put aside). Activating it opens the goal ("goals.open"); its menu moves it up or down
 * ("goals.move-up", "goals.move-down", also Alt+Up and Alt+Down on the page); dragging
 * it onto another row moves it there ("goals.move-to" (dragged, onto)). The page
 * installs those actions. */

#define CP_TYPE_GOAL_ROW (cp_goal_row_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalRow, cp_goal_row, CP, GOAL_ROW, AdwActionRow)

GtkWidget  *cp_goal_row_new      (CpGoal    *goal,
                                  gboolean   with_person);
CpGoal     *cp_goal_row_get_goal (CpGoalRow *self);

G_END_DECLS
