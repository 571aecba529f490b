/* test-store-goals.c: goals, steps, helpers and barriers in the store: every edit one
 * undo step, bad input refused with nothing saved, members named by lineage
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-goals"

#include <string.h>

#include "store/cp-goal-list.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "test-store-netmap-util.h"

/* The edit just made is one undo step named @label that changed @table; undo gives
 * @before back exactly and redo the edit's state. Leaves the edit done. */
/* Replaces the text in *@field (a record's field) with a copy of @text. */
static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

#define EDIT NETMAP_EDIT
#define REFUSED NETMAP_REFUSED

static gint64
add_goal (NetmapFixture *f,
          const char    *text)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_text (&goal->text, text);
  id = cp_store_add_goal (f->store, f->person, goal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static CpGoalInfo *
get_goal (NetmapFixture *f,
          gint64         id)
{
  g_autoptr(GError) error = NULL;
  CpGoalInfo *goal = cp_store_get_goal (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (goal);

  return goal;
}

static CpStepInfo *
step_info (const char  *text,
           CpStepOwner  owner,
           const char  *role,
           gint64       lineage,
           const char  *due_on)
{
  CpStepInfo *step = cp_step_info_new ();

  set_text (&step->text, text);
  step->owner = owner;
  set_text (&step->owner_role, role);
  step->owner_lineage = lineage;
  set_text (&step->due_on, due_on);

  return step;
}

/* Adds @step (taken) to @goal: for calls that are refused. */
static gint64
add_step_take (NetmapFixture  *f,
               gint64          goal,
               CpStepInfo     *step,
               GError        **error)
{
  g_autoptr(CpStepInfo) owned = step;

  return cp_store_add_step (f->store, goal, owned, error);
}

/* ---- Goals ---------------------------------------------------------------------------- */

static void
test_add_goal (NetmapFixture *f,
               gconstpointer  data)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(CpGoalInfo) read = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GError) err = NULL;
  gint64 id = 0;
  gint64 second;

  set_text (&goal->text, "  I want to run with other people again ");
  goal->life_area = CP_LIFE_AREA_PHYSICAL_ACTIVITY;
  goal->dialog_domain = CP_DIALOG_DOMAIN_LEISURE;
  set_text (&goal->measurable, "I go on Saturdays");
  set_text (&goal->target_on, "2026-06-01");
  set_text (&goal->if_hard, "I will walk the route with Sam instead");
  set_text (&goal->levels[CP_GOAL_LEVEL_INDEX (2)], "Running each week with the group");
  goal->baseline_level = -2;
  goal->importance = 3;
  goal->difficulty = 2;
  goal->status = CP_GOAL_STATUS_ACHIEVED;   /* ignored: a new goal is active */

  EDIT (f, "Add goal", "goal", id = cp_store_add_goal (f->store, f->person, goal, error));

  read = get_goal (f, id);
  g_assert_cmpstr (read->text, ==, "I want to run with other people again");
  g_assert_cmpint (read->life_area, ==, CP_LIFE_AREA_PHYSICAL_ACTIVITY);
  g_assert_cmpint (read->dialog_domain, ==, CP_DIALOG_DOMAIN_LEISURE);
  g_assert_cmpstr (read->measurable, ==, "I go on Saturdays");
  g_assert_cmpstr (read->specific, ==, "");
  g_assert_cmpstr (read->target_on, ==, "2026-06-01");
  g_assert_cmpstr (read->if_hard, ==, "I will walk the route with Sam instead");
  g_assert_cmpstr (read->levels[4], ==, "Running each week with the group");
  g_assert_cmpstr (read->levels[0], ==, "");
  g_assert_cmpint (read->baseline_level, ==, -2);
  g_assert_cmpint (read->importance, ==, 3);
  g_assert_cmpint (read->difficulty, ==, 2);
  g_assert_cmpint (read->status, ==, CP_GOAL_STATUS_ACTIVE);
  g_assert_null (read->status_on);
  g_assert_cmpstr (read->made_on, ==, NETMAP_TODAY);
  g_assert_cmpint (read->position, ==, 0);

  /* A target date already past is allowed (the page warns); the next goal goes last. */
  set_text (&goal->text, "Sing again");
  set_text (&goal->target_on, "2026-01-01");
  second = cp_store_add_goal (f->store, f->person, goal, &err);
  g_assert_no_error (err);
  goals = cp_store_list_goals (f->store, f->person, &err);
  g_assert_no_error (err);
  g_assert_cmpuint (goals->len, ==, 2);
  g_assert_cmpint (((CpGoalInfo *) goals->pdata[0])->id, ==, id);
  g_assert_cmpint (((CpGoalInfo *) goals->pdata[1])->id, ==, second);
  g_assert_cmpint (((CpGoalInfo *) goals->pdata[1])->position, ==, 1);

  /* Edit: every field written at once; a copy changed in one place. */
  set_text (&read->if_hard, "I will ring my worker");
  read->importance = CP_GOAL_NOT_SET;
  read->life_area = CP_LIFE_AREA_NONE;
  EDIT (f, "Edit goal", "goal", cp_store_update_goal (f->store, id, read, error));
  {
    g_autoptr(CpGoalInfo) again = get_goal (f, id);

    g_assert_cmpstr (again->if_hard, ==, "I will ring my worker");
    g_assert_cmpint (again->importance, ==, CP_GOAL_NOT_SET);
    g_assert_cmpint (again->life_area, ==, CP_LIFE_AREA_NONE);
    g_assert_cmpint (again->difficulty, ==, 2);
  }

  /* The same again changes nothing: no undo step. */
  {
    guint before = f->n_changed;

    g_assert_true (cp_store_update_goal (f->store, id, read, &err));
    g_assert_no_error (err);
    g_assert_cmpuint (f->n_changed, ==, before);
  }
}

static void
test_bad_goal (NetmapFixture *f,
               gconstpointer  data)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  gint64 id = add_goal (f, "Get out twice a week");
  g_autoptr(CpGoalInfo) read = get_goal (f, id);

  REFUSED (f, "needs some words", cp_store_add_goal (f->store, f->person, goal, error));
  set_text (&goal->text, " \t ");
  REFUSED (f, "needs some words", cp_store_add_goal (f->store, f->person, goal, error));

  set_text (&goal->text, "Swim");
  goal->importance = 4;
  REFUSED (f, "from 0 to 3", cp_store_add_goal (f->store, f->person, goal, error));
  goal->importance = 1;
  goal->difficulty = -1;
  REFUSED (f, "from 0 to 3", cp_store_add_goal (f->store, f->person, goal, error));
  goal->difficulty = 1;
  goal->baseline_level = 3;
  REFUSED (f, "between −2 and +2", cp_store_add_goal (f->store, f->person, goal, error));
  goal->baseline_level = CP_GOAL_NOT_SET;
  set_text (&goal->target_on, "2026-02-30");
  REFUSED (f, "real date", cp_store_add_goal (f->store, f->person, goal, error));
  g_clear_pointer (&goal->target_on, g_free);
  set_text (&goal->made_on, "2026-03-02");
  REFUSED (f, "still to come", cp_store_add_goal (f->store, f->person, goal, error));
  g_clear_pointer (&goal->made_on, g_free);
  goal->life_area = CP_LIFE_AREA_LAST + 1;
  REFUSED (f, "area of life", cp_store_add_goal (f->store, f->person, goal, error));

  /* An edit is all or nothing: a good text with a bad importance saves neither. */
  set_text (&read->text, "Get out three times a week");
  read->importance = 9;
  REFUSED (f, "from 0 to 3", cp_store_update_goal (f->store, id, read, error));
  set_text (&read->text, "");
  read->importance = 1;
  REFUSED (f, "needs some words", cp_store_update_goal (f->store, id, read, error));

  /* A person or goal that is gone. */
  {
    g_autoptr(GError) error = NULL;

    goal->life_area = CP_LIFE_AREA_NONE;
    g_assert_cmpint (cp_store_add_goal (f->store, 999, goal, &error), ==, 0);
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (cp_store_update_goal (f->store, 999, goal, &error));
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_goal_status (NetmapFixture *f,
                  gconstpointer  data)
{
  gint64 id = add_goal (f, "Sing again");

  EDIT (f, "Mark goal achieved", "goal",
        cp_store_set_goal_status (f->store, id, CP_GOAL_STATUS_ACHIEVED, NULL, error));
  {
    g_autoptr(CpGoalInfo) goal = get_goal (f, id);

    g_assert_cmpint (goal->status, ==, CP_GOAL_STATUS_ACHIEVED);
    g_assert_cmpstr (goal->status_on, ==, NETMAP_TODAY);
  }

  EDIT (f, "Put goal aside", "goal",
        cp_store_set_goal_status (f->store, id, CP_GOAL_STATUS_STOPPED, "2026-02-10", error));
  {
    g_autoptr(CpGoalInfo) goal = get_goal (f, id);

    g_assert_cmpint (goal->status, ==, CP_GOAL_STATUS_STOPPED);
    g_assert_cmpstr (goal->status_on, ==, "2026-02-10");
  }

  REFUSED (f, "still to come",
           cp_store_set_goal_status (f->store, id, CP_GOAL_STATUS_ACHIEVED, "2026-03-02",
                                     error));
  REFUSED (f, "real date",
           cp_store_set_goal_status (f->store, id, CP_GOAL_STATUS_ACHIEVED, "2026-13-01",
                                     error));

  /* Active again: the date goes. */
  EDIT (f, "Make goal active again", "goal",
        cp_store_set_goal_status (f->store, id, CP_GOAL_STATUS_ACTIVE, "2026-02-11", error));
  {
    g_autoptr(CpGoalInfo) goal = get_goal (f, id);

    g_assert_cmpint (goal->status, ==, CP_GOAL_STATUS_ACTIVE);
    g_assert_null (goal->status_on);
  }
}

static void
assert_order (NetmapFixture *f,
              const gint64  *ids,
              guint          n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = cp_store_list_goals (f->store, f->person, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (goals, i);

      g_assert_cmpint (goal->id, ==, ids[i]);
      g_assert_cmpint (goal->position, ==, (int) i);
    }
}

static void
test_reorder (NetmapFixture *f,
              gconstpointer  data)
{
  gint64 a = add_goal (f, "First");
  gint64 b = add_goal (f, "Second");
  gint64 c = add_goal (f, "Third");
  g_autoptr(CpGoalList) list = cp_goal_list_new (f->store, f->person);
  guint position = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Keyboard (Alt+Up twice) or a drop on the top: the third goes first. */
  EDIT (f, "Move goal", "goal", cp_store_move_goal (f->store, c, 0, error));
  assert_order (f, (gint64[]) { c, a, b }, 3);
  g_assert_true (cp_goal_list_find (list, c, &position));
  g_assert_cmpuint (position, ==, 0);
  {
    g_autoptr(CpGoal) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_cmpstr (cp_goal_get_text (first), ==, "Third");
  }

  /* Past the end: last. */
  EDIT (f, "Move goal", "goal", cp_store_move_goal (f->store, c, 99, error));
  assert_order (f, (gint64[]) { a, b, c }, 3);

  /* Where it already is: no step. */
  {
    g_autoptr(GError) error = NULL;
    guint before = f->n_changed;

    g_assert_true (cp_store_move_goal (f->store, c, 2, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (f->n_changed, ==, before);
  }

  /* Undo puts the list back too. */
  netmap_fixture_undo (f);
  assert_order (f, (gint64[]) { c, a, b }, 3);
  g_assert_true (cp_goal_list_find (list, c, &position));
  g_assert_cmpuint (position, ==, 0);

  /* Deleting a goal takes it out of the list; undo brings it back in its place. */
  EDIT (f, "Delete goal", "goal", cp_store_delete_goal (f->store, a, error));
  g_assert_false (cp_goal_list_find (list, a, &position));
  netmap_fixture_undo (f);
  g_assert_true (cp_goal_list_find (list, a, &position));
  g_assert_cmpuint (position, ==, 1);
}

/* ---- Steps ---------------------------------------------------------------------------- */

static void
test_steps (NetmapFixture *f,
            gconstpointer  data)
{
  gint64 goal = add_goal (f, "Cook for other people");
  gint64 first = 0, second = 0, third = 0;
  g_autoptr(CpStepInfo) mine = step_info ("Visit the kitchen", CP_STEP_OWNER_TOGETHER, NULL, 0,
                                          "2026-03-10");
  g_autoptr(CpStepInfo) theirs = step_info ("Send the form", CP_STEP_OWNER_SOMEONE,
                                            " the volunteer lead ", 0, NULL);
  g_autoptr(CpStepInfo) worker = step_info ("Ring the kitchen", CP_STEP_OWNER_PRACTITIONER,
                                            "ignored", 0, NULL);

  EDIT (f, "Add step", "step", first = cp_store_add_step (f->store, goal, mine, error));
  EDIT (f, "Add step", "step", second = cp_store_add_step (f->store, goal, theirs, error));
  EDIT (f, "Add step", "step", third = cp_store_add_step (f->store, goal, worker, error));

  {
    g_autoptr(CpGoalInfo) read = get_goal (f, goal);
    const CpStepInfo *s;

    g_assert_cmpuint (read->steps->len, ==, 3);
    s = cp_goal_info_find_step (read, first);
    g_assert_cmpint (s->owner, ==, CP_STEP_OWNER_TOGETHER);
    g_assert_cmpstr (s->due_on, ==, "2026-03-10");
    g_assert_null (s->done_on);
    s = cp_goal_info_find_step (read, second);
    g_assert_cmpint (s->owner, ==, CP_STEP_OWNER_SOMEONE);
    g_assert_cmpstr (s->owner_role, ==, "the volunteer lead");
    g_assert_null (cp_goal_info_find_step (read, third)->owner_role);
    g_assert_cmpint (((CpStepInfo *) read->steps->pdata[1])->id, ==, second);
  }

  EDIT (f, "Mark step done", "step", cp_store_set_step_done (f->store, first, "2026-02-28",
                                                             error));
  {
    g_autoptr(CpGoalInfo) read = get_goal (f, goal);

    g_assert_cmpstr (cp_goal_info_find_step (read, first)->done_on, ==, "2026-02-28");
  }
  EDIT (f, "Mark step not done", "step", cp_store_set_step_done (f->store, first, NULL, error));

  EDIT (f, "Move step", "step", cp_store_move_step (f->store, third, 0, error));
  {
    g_autoptr(CpGoalInfo) read = get_goal (f, goal);

    g_assert_cmpint (((CpStepInfo *) read->steps->pdata[0])->id, ==, third);
    g_assert_cmpint (((CpStepInfo *) read->steps->pdata[1])->id, ==, first);
  }

  g_free (mine->text);
  mine->text = g_strdup ("Visit the kitchen on Thursday");
  EDIT (f, "Edit step", "step", cp_store_update_step (f->store, first, mine, error));
  EDIT (f, "Delete step", "step", cp_store_delete_step (f->store, second, error));

  /* Bad input: nothing saved, a message for the field. */
  g_free (mine->text);
  mine->text = g_strdup ("  ");
  REFUSED (f, "needs some words", cp_store_add_step (f->store, goal, mine, error));
  REFUSED (f, "by their role", add_step_take (f, goal,
                                                  step_info ("Call", CP_STEP_OWNER_SOMEONE,
                                                             " ", 0, NULL), error));
  REFUSED (f, "due before its goal",
           add_step_take (f, goal,
                              step_info ("Call", CP_STEP_OWNER_PERSON, NULL, 0, "2026-02-01"),
                              error));
  REFUSED (f, "real date",
           add_step_take (f, goal,
                              step_info ("Call", CP_STEP_OWNER_PERSON, NULL, 0, "2026-02-29"),
                              error));
  REFUSED (f, "still to come", cp_store_set_step_done (f->store, first, "2026-03-02", error));
  REFUSED (f, "from the person’s map",
           add_step_take (f, goal,
                              step_info ("Call", CP_STEP_OWNER_MEMBER, NULL, 0, NULL), error));
  REFUSED (f, "not on this person’s map",
           add_step_take (f, goal,
                              step_info ("Call", CP_STEP_OWNER_MEMBER, NULL, 42, NULL), error));
}

/* ---- Members of the map, by lineage --------------------------------------------------- */

static CpNetmapMember *
find_member (NetmapFixture *f,
             gint64         map,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = cp_store_load_snapshot (f->store, map, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (g_strcmp0 (m->name, name) == 0)
        {
          CpNetmapMember *copy = g_new0 (CpNetmapMember, 1);

          copy->id = m->id;
          copy->lineage = m->lineage;
          return copy;
        }
    }

  g_error ("no member %s", name);
  return NULL;
}

/* Who does a step and who helps, as the goals page reads them. */
static void
assert_owner (NetmapFixture  *f,
              gint64          goal,
              gint64          step,
              CpLineageState  state,
              const char     *name)
{
  g_autoptr(CpGoalInfo) read = get_goal (f, goal);
  const CpStepInfo *s = cp_goal_info_find_step (read, step);
  const CpGoalHelper *helper;

  g_assert_nonnull (s);
  g_assert_cmpint (s->owner, ==, CP_STEP_OWNER_MEMBER);
  g_assert_cmpint (s->owner_state, ==, state);
  g_assert_cmpstr (s->owner_name, ==, name);
  g_assert_cmpuint (read->helpers->len, ==, 1);
  helper = g_ptr_array_index (read->helpers, 0);
  g_assert_cmpint (helper->lineage, ==, s->owner_lineage);
  g_assert_cmpint (helper->state, ==, state);
  g_assert_cmpstr (helper->name, ==, name);
}

/* A step is Sam's and Sam helps with the goal, by lineage. Sam renamed on the map is
 * renamed on the step; Sam deleted from the map stays on the step and the goal, "no
 * longer on the map"; undo brings the name back. */
static void
test_member_lineage (NetmapFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autofree CpNetmapMember *sam = NULL;
  g_autofree CpNetmapMember *sam_review = NULL;
  g_autoptr(CpStepInfo) by_sam = NULL;
  gint64 map, review, other_person, other_map, stranger;
  gint64 goal = add_goal (f, "Meet at the park on Sundays");
  gint64 step = 0;

  map = cp_store_start_map (f->store, f->person, &err);
  g_assert_no_error (err);
  g_assert_cmpint (cp_store_add_member (f->store, map, CP_NETMAP_KIND_PERSON, "Sam",
                                        CP_NETMAP_SECTOR_FAMILY, 1, &err), >, 0);
  g_assert_no_error (err);
  sam = find_member (f, map, "Sam");

  by_sam = step_info ("Ask Sam about Sunday", CP_STEP_OWNER_MEMBER, NULL, sam->lineage, NULL);
  EDIT (f, "Add step", "step", step = cp_store_add_step (f->store, goal, by_sam, error));
  EDIT (f, "Add helper", "goal_member",
        cp_store_add_goal_helper (f->store, goal, sam->lineage, error));
  assert_owner (f, goal, step, CP_LINEAGE_ON_CURRENT_MAP, "Sam");
  REFUSED (f, "already helps", cp_store_add_goal_helper (f->store, goal, sam->lineage, error));

  /* Only members of this person's maps. */
  other_person = cp_store_add_person (f->store, "Kit", &err);
  other_map = cp_store_start_map (f->store, other_person, &err);
  stranger = cp_store_add_member (f->store, other_map, CP_NETMAP_KIND_PERSON, "Stranger",
                                  CP_NETMAP_SECTOR_FRIENDS, 2, &err);
  g_assert_no_error (err);
  g_assert_cmpint (stranger, >, 0);
  {
    g_autofree CpNetmapMember *s = find_member (f, other_map, "Stranger");

    if (s->lineage != sam->lineage)
      REFUSED (f, "not on this person’s map",
               cp_store_add_goal_helper (f->store, goal, s->lineage, error));
  }
  REFUSED (f, "not on this person’s map",
           cp_store_add_goal_helper (f->store, goal, 4242, error));

  /* Renamed on the map: the step follows (it holds the lineage, not the name). */
  g_assert_true (cp_store_rename_member (f->store, sam->id, "Sam (sister)", &err));
  g_assert_no_error (err);
  assert_owner (f, goal, step, CP_LINEAGE_ON_CURRENT_MAP, "Sam (sister)");

  /* A review map drawn later without Sam: the baseline still has Sam. */
  review = cp_store_start_review_map (f->store, f->person, &err);
  g_assert_no_error (err);
  sam_review = find_member (f, review, "Sam (sister)");
  EDIT (f, "Remove from map", "member", cp_store_delete_member (f->store, sam_review->id, error));
  assert_owner (f, goal, step, CP_LINEAGE_NO_LONGER_ON_MAP, "Sam (sister)");

  /* Undo the delete: Sam is on the current map again. */
  netmap_fixture_undo (f);
  assert_owner (f, goal, step, CP_LINEAGE_ON_CURRENT_MAP, "Sam (sister)");

  /* Deleted from every map: the step and the goal keep the lineage, with no name. */
  g_assert_true (cp_store_delete_snapshot (f->store, review, &err));
  g_assert_true (cp_store_delete_member (f->store, sam->id, &err));
  g_assert_no_error (err);
  assert_owner (f, goal, step, CP_LINEAGE_NEVER_ON_MAP, NULL);
  /* …and a step may still be edited and keep it. */
  g_free (by_sam->text);
  by_sam->text = g_strdup ("Ask Sam about Saturday");
  EDIT (f, "Edit step", "step", cp_store_update_step (f->store, step, by_sam, error));
  netmap_fixture_undo (f);
  netmap_fixture_undo (f);
  assert_owner (f, goal, step, CP_LINEAGE_ON_CURRENT_MAP, "Sam (sister)");

  EDIT (f, "Remove helper", "goal_member",
        cp_store_remove_goal_helper (f->store, goal, sam->lineage, error));
  {
    g_autoptr(GError) local = NULL;

    g_assert_false (cp_store_remove_goal_helper (f->store, goal, sam->lineage, &local));
    g_assert_error (local, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  }
}

/* ---- Barriers, and deleting a goal with everything on it ------------------------------ */

static void
test_barriers_and_delete (NetmapFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autoptr(CpStepInfo) step = step_info ("Get the timetable", CP_STEP_OWNER_PERSON, NULL, 0,
                                          NULL);
  gint64 goal = add_goal (f, "Go to the coffee morning");
  gint64 barrier = 0;
  g_autofree char *before_delete = NULL;
  g_autofree char *after_undo = NULL;

  EDIT (f, "Add barrier", "goal_barrier",
        barrier = cp_store_add_goal_barrier (f->store, goal, " The bus is confusing ",
                                             "Ride it once together", error));
  EDIT (f, "Edit barrier", "goal_barrier",
        cp_store_update_goal_barrier (f->store, barrier, "The bus is confusing",
                                      "Ride it twice together", error));
  REFUSED (f, "gets in the way", cp_store_add_goal_barrier (f->store, goal, "  ", NULL, error));
  {
    g_autoptr(CpGoalInfo) read = get_goal (f, goal);
    const CpGoalBarrier *b = g_ptr_array_index (read->barriers, 0);

    g_assert_cmpuint (read->barriers->len, ==, 1);
    g_assert_cmpstr (b->barrier, ==, "The bus is confusing");
    g_assert_cmpstr (b->tackle, ==, "Ride it twice together");
  }

  g_assert_cmpint (cp_store_add_step (f->store, goal, step, &err), >, 0);
  g_assert_no_error (err);

  /* Deleting the goal takes its steps and barriers in one step; undo brings them all. */
  before_delete = cp_test_db_dump (_cp_store_get_db (f->store));
  EDIT (f, "Delete goal", "goal", cp_store_delete_goal (f->store, goal, error));
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM step"), ==, 0);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM goal_barrier"), ==, 0);
  netmap_fixture_undo (f);
  after_undo = cp_test_db_dump (_cp_store_get_db (f->store));
  g_assert_cmpstr (after_undo, ==, before_delete);

  EDIT (f, "Delete barrier", "goal_barrier",
        cp_store_delete_goal_barrier (f->store, barrier, error));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  NETMAP_TEST_ADD ("/cp/goals/store/add-goal", test_add_goal);
  NETMAP_TEST_ADD ("/cp/goals/store/bad-goal", test_bad_goal);
  NETMAP_TEST_ADD ("/cp/goals/store/status", test_goal_status);
  NETMAP_TEST_ADD ("/cp/goals/store/reorder", test_reorder);
  NETMAP_TEST_ADD ("/cp/goals/store/steps", test_steps);
  NETMAP_TEST_ADD ("/cp/goals/store/member-lineage", test_member_lineage);
  NETMAP_TEST_ADD ("/cp/goals/store/barriers-and-delete", test_barriers_and_delete);

  return g_test_run ();
}
