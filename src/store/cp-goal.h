/* cp-goal.h: a person's goal with its steps, barriers and helpers, as read or to write
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cp-records.h"
#include "cp-store-netmap.h"

G_BEGIN_DECLS

/* Plain data, as cp-store-goals.h reads and writes it. The same structs serve the goals
 * list (CpGoal wraps one), the overview (cp-review.h's CpPlan), the person's copy, the
 * subject access report and the tests. Dates are YYYY-MM-DD, times ISO 8601 UTC. Texts
 * are never NULL once read ("" when empty). */

/* An optional number that was not recorded: baseline level, importance, difficulty, a
 * rating's level. */
#define CP_GOAL_NOT_SET G_MININT

/* The levels of Goal Attainment Scaling, −2 .. +2, as an index into CpGoalInfo.levels. */
#define CP_GOAL_LEVEL_INDEX(level) ((level) + 2)

typedef struct
{
  gint64          id;
  char           *text;
  CpStepOwner     owner;
  char           *owner_role;     /* SOMEONE: the role in words ("the housing officer") */
  gint64          owner_lineage;  /* MEMBER: the member of the person's map; else 0 */
  char           *due_on;         /* NULL when none */
  char           *done_on;        /* NULL while not done */
  int             position;
  char           *created_at;
  char           *updated_at;
  /* Filled when read, for a MEMBER owner, by the rule of cp_store_lookup_lineage (): on
   * the current map, or not (a member removed from every map is NEVER_ON_MAP and has no
   * name; the UI says "no longer on the map" for both). */
  CpLineageState  owner_state;
  char           *owner_name;     /* its name on the newest map that has it, or NULL */
} CpStepInfo;

/* What gets in the way of a goal, and how to tackle it. */
typedef struct
{
  gint64  id;
  char   *barrier;
  char   *tackle;
  int     position;
} CpGoalBarrier;

/* A member of the person's map who helps with a goal, by lineage; state and name as for
 * a step's member owner. */
typedef struct
{
  gint64          lineage;
  CpLineageState  state;
  char           *name;
} CpGoalHelper;

typedef struct
{
  gint64          id;
  gint64          person_id;
  char           *text;            /* in the person's own words; required */
  CpLifeArea      life_area;
  CpDialogDomain  dialog_domain;
  char           *specific;        /* what exactly */
  char           *measurable;      /* how we will know */
  char           *achievable;      /* is it doable */
  char           *relevant;        /* why it matters */
  char           *target_on;       /* NULL when none */
  char           *if_hard;         /* "if it gets hard, I/we will …", in their words */
  char           *levels[5];       /* GAS: what −2, −1, 0, +1, +2 look like for them */
  int             baseline_level;  /* −2 .. +2, or CP_GOAL_NOT_SET */
  int             importance;      /* 0 .. 3, or CP_GOAL_NOT_SET */
  int             difficulty;      /* 0 .. 3, or CP_GOAL_NOT_SET */
  CpGoalStatus    status;
  char           *status_on;       /* the day it was achieved or put aside; NULL if active */
  char           *made_on;         /* the day it was agreed: no step is due before it (NULL
                                    * when not known). To add: NULL for today, or an
                                    * earlier day for a plan agreed on paper; fixed after */
  int             position;        /* 0, 1, … in the person's order */
  char           *created_at;
  char           *updated_at;
  GPtrArray      *steps;           /* CpStepInfo, in order */
  GPtrArray      *barriers;        /* CpGoalBarrier, in order */
  GPtrArray      *helpers;         /* CpGoalHelper, in the order they were added */
} CpGoalInfo;

/* Empty records: texts "", numbers CP_GOAL_NOT_SET, owner PERSON, status ACTIVE, the
 * arrays empty. */
CpGoalInfo     *cp_goal_info_new          (void);
CpGoalInfo     *cp_goal_info_copy         (const CpGoalInfo *info);
/* Every field, steps, barriers and helpers included. */
gboolean        cp_goal_info_equal        (const CpGoalInfo *a,
                                           const CpGoalInfo *b);
void            cp_goal_info_free         (CpGoalInfo       *info);
/* The step called @step_id, or NULL. */
const CpStepInfo *cp_goal_info_find_step  (const CpGoalInfo *info,
                                           gint64            step_id);

CpStepInfo     *cp_step_info_new          (void);
CpStepInfo     *cp_step_info_copy         (const CpStepInfo *info);
void            cp_step_info_free         (CpStepInfo       *info);

void            cp_goal_barrier_free      (CpGoalBarrier    *barrier);
void            cp_goal_helper_free       (CpGoalHelper     *helper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpGoalInfo, cp_goal_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpStepInfo, cp_step_info_free)

/* ---- CpGoal: one goal as an item of a list model ------------------------------------ */

/* An immutable record around a CpGoalInfo, the item type of CpGoalList
 * (cp-goal-list.h). When the goal changes, the list puts a new CpGoal in its place.
 * Properties (read-only): "id", "text", "status", "position". */
#define CP_TYPE_GOAL (cp_goal_get_type ())
G_DECLARE_FINAL_TYPE (CpGoal, cp_goal, CP, GOAL, GObject)

/* Takes @info. */
CpGoal           *cp_goal_new_take         (CpGoalInfo *info);
const CpGoalInfo *cp_goal_get_info         (CpGoal     *self);
gint64            cp_goal_get_id           (CpGoal     *self);
const char       *cp_goal_get_text         (CpGoal     *self);
CpGoalStatus      cp_goal_get_status       (CpGoal     *self);

G_END_DECLS
