/* cp-store-goals.h: a person's goals, their steps, helpers and barriers (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-goal.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* Goals are agreed with the person, in their own words, and kept in the person's order
 * (position 0, 1, …). Every edit below is one transaction and one undo step, emits
 * CpStore::changed with the tables it touched ("goal", "step", "goal_member",
 * "goal_barrier"), and makes no step when nothing changes. Bad input fails with
 * CP_STORE_ERROR_CONSTRAINT and a message people can read, next to the field it names,
 * and saves nothing; a goal, step or barrier that is gone gives NOT_FOUND. Typing in one
 * goal (or step, or barrier) within a few seconds merges into one undo step.
 *
 * Members of the person's map are named by lineage, never by name (cp-store-netmap.h):
 * a step's owner or a goal's helper must be a lineage on one of the person's maps (or
 * one the person's steps and helpers already name). Deleting a member from the map
 * leaves it on the steps and helpers that name it, "no longer on the map", and undoing
 * the delete brings its name back. "Today" is cp_date_today (). */

/* ---- Reading ------------------------------------------------------------------------- */

/* The person's goals in order (CpGoalInfo with steps, barriers and helpers, member
 * owners and helpers resolved against the current map). NOT_FOUND when the person is
 * gone. For the overview, with the reviews, read cp_store_read_plan () (cp-store-reviews.h). */
GPtrArray    *cp_store_list_goals            (CpStore           *self,
                                              gint64             person_id,
                                              GError           **error);
/* One goal as cp_store_list_goals () reads it; NOT_FOUND when gone. */
CpGoalInfo   *cp_store_get_goal              (CpStore           *self,
                                              gint64             goal_id,
                                              GError           **error);

/* ---- Goals --------------------------------------------------------------------------- */

/* Adds a goal after the person's others, from @goal's text (required), life area, DIALOG+
 * item, prompts, target date, "if it gets hard", GAS levels, baseline level, importance
 * and difficulty (its id, person, status, position, steps and the rest are ignored:
 * every new goal is active). A target date already past is allowed (the UI warns). The
 * new goal's id, or 0. */
gint64        cp_store_add_goal              (CpStore           *self,
                                              gint64             person_id,
                                              const CpGoalInfo  *goal,
                                              GError           **error);
/* Writes the same fields of @goal over goal @goal_id, all or nothing (an editor changes
 * one field of a copy of what it read and passes the whole). "Edit goal". */
gboolean      cp_store_update_goal           (CpStore           *self,
                                              gint64             goal_id,
                                              const CpGoalInfo  *goal,
                                              GError           **error);
/* Achieved or put aside (STOPPED) on @on (YYYY-MM-DD; NULL: today, never later than
 * today), or ACTIVE again (the date is cleared). */
gboolean      cp_store_set_goal_status       (CpStore           *self,
                                              gint64             goal_id,
                                              CpGoalStatus       status,
                                              const char        *on,
                                              GError           **error);
/* Moves the goal to @position (0 first; past the end: last) in the person's order; the
 * others close up. Drag and drop and Alt+Up/Down both come here. */
gboolean      cp_store_move_goal             (CpStore           *self,
                                              gint64             goal_id,
                                              guint              position,
                                              GError           **error);
/* The goal with its steps, helpers, barriers and ratings; undo brings them all back. */
gboolean      cp_store_delete_goal           (CpStore           *self,
                                              gint64             goal_id,
                                              GError           **error);

/* ---- Steps --------------------------------------------------------------------------- */

/* Adds a step at the end of the goal's steps from @step's text (required), owner (with
 * owner_role for SOMEONE, owner_lineage for MEMBER) and due date (may be NULL; never
 * before the goal was made: its creation day, or the day the person's plan was agreed
 * when that is earlier, so a plan copied in from paper keeps its dates). Not done. The
 * new step's id, or 0. */
gint64        cp_store_add_step              (CpStore           *self,
                                              gint64             goal_id,
                                              const CpStepInfo  *step,
                                              GError           **error);
/* Writes @step's text, owner and due date over step @step_id. "Edit step". */
gboolean      cp_store_update_step           (CpStore           *self,
                                              gint64             step_id,
                                              const CpStepInfo  *step,
                                              GError           **error);
/* Done on @done_on (YYYY-MM-DD, not after today), or not done (NULL). */
gboolean      cp_store_set_step_done         (CpStore           *self,
                                              gint64             step_id,
                                              const char        *done_on,
                                              GError           **error);
/* Moves the step to @position among its goal's steps. */
gboolean      cp_store_move_step             (CpStore           *self,
                                              gint64             step_id,
                                              guint              position,
                                              GError           **error);
gboolean      cp_store_delete_step           (CpStore           *self,
                                              gint64             step_id,
                                              GError           **error);

/* ---- Who helps ----------------------------------------------------------------------- */

/* A member of the person's map (by @lineage) who helps with the goal. Adding one twice
 * is CONSTRAINT; removing one who does not help is NOT_FOUND. */
gboolean      cp_store_add_goal_helper       (CpStore           *self,
                                              gint64             goal_id,
                                              gint64             lineage,
                                              GError           **error);
gboolean      cp_store_remove_goal_helper    (CpStore           *self,
                                              gint64             goal_id,
                                              gint64             lineage,
                                              GError           **error);

/* ---- Barriers ------------------------------------------------------------------------ */

/* What gets in the way of the goal (required) and how to tackle it (may be NULL). */
gint64        cp_store_add_goal_barrier      (CpStore           *self,
                                              gint64             goal_id,
                                              const char        *barrier,
                                              const char        *tackle,
                                              GError           **error);
gboolean      cp_store_update_goal_barrier   (CpStore           *self,
                                              gint64             barrier_id,
                                              const char        *barrier,
                                              const char        *tackle,
                                              GError           **error);
gboolean      cp_store_delete_goal_barrier   (CpStore           *self,
                                              gint64             barrier_id,
                                              GError           **error);

G_END_DECLS
