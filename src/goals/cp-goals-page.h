/* cp-goals-page.h: the Goals tab of a person
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-person.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

/* The person's goals (cp-ui): active first, then achieved, then put aside, each in the
 * person's order; move one by dragging it, by its menu or by Alt+Up and Alt+Down. "Add
 * Goal" and each goal open the goal editor in the same place (Alt+Left or the back
 * button returns). Everything is saved as it is made, one undo step each (Ctrl+Z is the
 * window's: cp_store_undo ()).
 *
 * Properties: "store" and "person" (construct-only); "with-person" (the with-person
 * view: only the person's goals and steps and their wording, editable; no status, life
 * area, barriers, put-aside goals or scores); "goal-scaling" (Goal Attainment Scaling
 * fields for the practitioner; follows the goal-scaling setting from the start). */

#define CP_TYPE_GOALS_PAGE (cp_goals_page_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalsPage, cp_goals_page, CP, GOALS_PAGE, GtkWidget)

GtkWidget *cp_goals_page_new              (CpStore     *store,
                                           CpPerson    *person);
gboolean   cp_goals_page_get_with_person  (CpGoalsPage *self);
void       cp_goals_page_set_with_person  (CpGoalsPage *self,
                                           gboolean     with_person);
gboolean   cp_goals_page_get_goal_scaling (CpGoalsPage *self);
void       cp_goals_page_set_goal_scaling (CpGoalsPage *self,
                                           gboolean     goal_scaling);
/* Saves typing that waits for a pause (before the page goes away or the view changes). */
void       cp_goals_page_flush            (CpGoalsPage *self);

G_END_DECLS
