/* cp-goal-list.h: a person's goals as a list model that follows the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-goal.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* A GListModel of CpGoal: one person's goals in their order (every status: a view
 * filters), kept up to date on CpStore::changed. After an edit, undo or redo only the
 * goals that changed are replaced, in one items-changed: reordering goal 3 to the top
 * replaces positions 0..3, editing one goal's text replaces that goal alone, so a list
 * view keeps its other rows (and can find the moved one again with
 * cp_goal_list_find ()). When the person is deleted the list empties. No GTK. */

#define CP_TYPE_GOAL_LIST (cp_goal_list_get_type ())
G_DECLARE_FINAL_TYPE (CpGoalList, cp_goal_list, CP, GOAL_LIST, GObject)

CpGoalList   *cp_goal_list_new            (CpStore     *store,
                                           gint64       person_id);
gint64        cp_goal_list_get_person_id  (CpGoalList  *self);
/* The position of goal @goal_id in @out_position; FALSE when it is not in the list. */
gboolean      cp_goal_list_find           (CpGoalList  *self,
                                           gint64       goal_id,
                                           guint       *out_position);

G_END_DECLS
