/* cp-goal-editor.h: one goal of a person, to add or to change
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* The goals tab's editor (cp-ui). A new goal is written in full and saved with "Add
 * Goal" (its text is required: without it a message shows under the field and nothing
 * is saved); from then on every change is saved as it is made, one undo step each, and
 * the goal's steps, helpers and barriers can be added. With the person, only the goal's
 * wording, prompts, target date, steps and helpers show: no status, life area, barriers
 * or scores. With goal scaling on, the practitioner sees the five levels, the baseline,
 * importance and difficulty.
 *
 * Signal ::closed (): the user went back, or the goal is gone (removed, or undone). */

#define CP_TYPE_GOAL_EDITOR (cp_goal_editor_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalEditor, cp_goal_editor, CP, GOAL_EDITOR, GtkWidget)

void       cp_goal_editor_set_store        (CpGoalEditor *self,
                                            CpStore      *store);
/* Starts on goal @goal_id of person @person_id, or on a new goal when @goal_id is 0. */
void       cp_goal_editor_edit             (CpGoalEditor *self,
                                            gint64        person_id,
                                            gint64        goal_id);
/* The goal being edited; 0 for a new one not yet added. */
gint64     cp_goal_editor_get_goal_id      (CpGoalEditor *self);
void       cp_goal_editor_set_with_person  (CpGoalEditor *self,
                                            gboolean      with_person);
void       cp_goal_editor_set_goal_scaling (CpGoalEditor *self,
                                            gboolean      goal_scaling);
/* Saves typing that waits for a pause. */
void       cp_goal_editor_flush            (CpGoalEditor *self);

G_END_DECLS
