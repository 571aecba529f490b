/* cp-export-plan-practitioner.c: the practitioner's full plan, with ratings over time
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-plan-private.h"
#include "goals/cp-goal-chart.h"
#include "goals/cp-goal-words.h"
#include "netmap/cp-netmap-layout.h"

/* Everything on the plan, for the practitioner's file and for supervision: the goals
 * with every field, steps with who and when, barriers, helpers, each goal's ratings
 * over time, the reviews, and the chart of progress across reviews (drawn by
 * goals/cp-goal-chart, the same routine as the screen) with its description in words.
 * Headed by the case reference, never the person's name. */

const char *
_cp_plan_rating_words (const CpRatingInfo *rating)
{
  if (rating->level != CP_GOAL_NOT_SET)
    return cp_gas_level_label (rating->level);
  if (rating->progress != CP_PROGRESS_NONE)
    return cp_progress_label (rating->progress);
  return NULL;
}

void
_cp_plan_field (PlanWriter *w,
                const char *label,
                const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (w->out, "- **%s** ", label);
  _cp_plan_text (w, value);
  g_string_append_c (w->out, '\n');
}

void
_cp_plan_field_date (PlanWriter *w,
                     const char *label,
                     const char *iso)
{
  g_autofree char *date = _cp_plan_date (iso);

  _cp_plan_field (w, label, date);
}

static void
field_number (PlanWriter *w,
              const char *label,
              int         value)
{
  g_autofree char *text = NULL;

  if (value == CP_GOAL_NOT_SET)
    return;
  text = g_strdup_printf ("%d", value);
  _cp_plan_field (w, label, text);
}

static char *
step_who (PlanWriter       *w,
          const CpStepInfo *step)
{
  const char *owner = cp_step_owner_label (step->owner);

  if (step->owner == CP_STEP_OWNER_SOMEONE && step->owner_role != NULL && *step->owner_role)
    return g_strdup_printf ("%s (%s)", owner, step->owner_role);
  if (step->owner == CP_STEP_OWNER_MEMBER)
    {
      g_autofree char *initials = NULL;
      const char *name = step->owner_name;

      if (name != NULL && w->initials_only)
        name = initials = cp_netmap_initials (name);
      if (step->owner_state == CP_LINEAGE_ON_CURRENT_MAP && name != NULL)
        return g_strdup (name);
      if (name != NULL)
        return g_strdup_printf (_("%s (no longer on the map)"), name);
      return g_strdup (_("Someone no longer on the map"));
    }
  return g_strdup (owner);
}

void
_cp_plan_cell (PlanWriter *w,
               const char *text)
{
  g_string_append (w->out, " ");
  _cp_plan_text (w, text);
  g_string_append (w->out, " |");
}

void
_cp_plan_write_steps (PlanWriter       *w,
                      const CpGoalInfo *goal)
{
  if (goal->steps->len == 0)
    return;
  g_string_append_printf (w->out, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
                          _("Step"), _("Who"), _("Due"), _("Done"));
  for (guint i = 0; i < goal->steps->len; i++)
    {
      const CpStepInfo *step = g_ptr_array_index (goal->steps, i);
      g_autofree char *who = step_who (w, step);
      g_autofree char *due = _cp_plan_date (step->due_on);
      g_autofree char *done = _cp_plan_date (step->done_on);

      g_string_append (w->out, "|");
      _cp_plan_cell (w, step->text);
      _cp_plan_cell (w, who);
      _cp_plan_cell (w, due);
      _cp_plan_cell (w, done);
      g_string_append_c (w->out, '\n');
    }
  g_string_append_c (w->out, '\n');
}

static void
write_goal (PlanWriter       *w,
            const CpGoalInfo *goal,
            guint             n)
{
  g_autoptr(GPtrArray) ratings = g_ptr_array_new ();
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();
  g_autofree char *status = NULL;
  g_autofree char *status_on = _cp_plan_date (goal->status_on);

  g_string_append_printf (w->out, "### %u. ", n);
  _cp_plan_text (w, goal->text);
  g_string_append_printf (w->out, " {#goal-%u}\n\n", n);

  if (status_on != NULL)
    status = g_strdup_printf ("%s (%s)", cp_goal_status_label (goal->status), status_on);
  else
    status = g_strdup (cp_goal_status_label (goal->status));
  _cp_plan_field (w, _("Status:"), status);
  if (goal->life_area != CP_LIFE_AREA_NONE)
    _cp_plan_field (w, _("Area of life:"), cp_life_area_label (goal->life_area));
  if (goal->dialog_domain != CP_DIALOG_DOMAIN_NONE)
    _cp_plan_field (w, _("DIALOG+ item:"), cp_dialog_domain_label (goal->dialog_domain));
  _cp_plan_field_date (w, _("Agreed on:"), goal->made_on);
  _cp_plan_field_date (w, _("Target date:"), goal->target_on);
  _cp_plan_field (w, _("What exactly:"), goal->specific);
  _cp_plan_field (w, _("How we will know:"), goal->measurable);
  _cp_plan_field (w, _("Is it doable:"), goal->achievable);
  _cp_plan_field (w, _("Why it matters:"), goal->relevant);
  _cp_plan_field (w, _("If it gets hard:"), goal->if_hard);
  if (w->options->goal_scaling)
    {
      if (goal->baseline_level != CP_GOAL_NOT_SET)
        _cp_plan_field (w, _("Baseline:"), cp_gas_level_label (goal->baseline_level));
      field_number (w, _("Importance (0–3):"), goal->importance);
      field_number (w, _("Difficulty (0–3):"), goal->difficulty);
      for (int level = -2; level <= 2; level++)
        {
          const char *words = goal->levels[CP_GOAL_LEVEL_INDEX (level)];
          g_autofree char *label = NULL;

          if (words == NULL || *words == '\0')
            continue;
          label = g_strdup_printf ("%+d %s:", level, cp_gas_level_label (level));
          _cp_plan_field (w, label, words);
        }
    }
  g_string_append_c (w->out, '\n');
  _cp_plan_write_steps (w, goal);

  if (goal->helpers->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < goal->helpers->len; i++)
        {
          const CpGoalHelper *helper = g_ptr_array_index (goal->helpers, i);
          g_autofree char *name = NULL;

          if (helper->state == CP_LINEAGE_ON_CURRENT_MAP && helper->name != NULL)
            name = g_strdup (helper->name);
          else
            name = g_strdup_printf (_("%s (no longer on the map)"),
                                    helper->name != NULL ? helper->name : _("someone"));
          g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", name);
        }
      _cp_plan_field (w, _("Who helps:"), names->str);
    }
  for (guint i = 0; i < goal->barriers->len; i++)
    {
      const CpGoalBarrier *barrier = g_ptr_array_index (goal->barriers, i);
      g_autofree char *text = barrier->tackle != NULL && *barrier->tackle != '\0'
                              ? g_strdup_printf (_("%s; how to tackle it: %s"), barrier->barrier,
                                                 barrier->tackle)
                              : g_strdup (barrier->barrier);

      _cp_plan_field (w, _("In the way:"), text);
    }
  g_string_append_c (w->out, '\n');

  cp_plan_get_goal_history (w->plan, goal->id, ratings, reviews);
  if (ratings->len > 0)
    {
      g_string_append_printf (w->out, "**%s**\n\n| %s | %s | %s |\n|---|---|---|\n",
                              _("Ratings over time"), _("Review"), _("Rating"), _("Note"));
      for (guint i = 0; i < ratings->len; i++)
        {
          const CpRatingInfo *rating = g_ptr_array_index (ratings, i);
          const CpReviewInfo *review = g_ptr_array_index (reviews, i);
          g_autofree char *held = _cp_plan_date (review->held_on);
          const char *words = _cp_plan_rating_words (rating);

          g_string_append (w->out, "|");
          _cp_plan_cell (w, held);
          _cp_plan_cell (w, words != NULL ? words : _("Not rated"));
          _cp_plan_cell (w, rating->note);
          g_string_append_c (w->out, '\n');
        }
      g_string_append_c (w->out, '\n');
    }
}

static void
write_review (PlanWriter         *w,
              const CpReviewInfo *review,
              guint               n)
{
  g_autofree char *held = _cp_plan_date (review->held_on);
  g_autofree char *title = g_strdup_printf (_("Review of %s"), held);

  g_string_append (w->out, "### ");
  _cp_plan_text (w, title);
  g_string_append_printf (w->out, " {#review-%u}\n\n", n);
  _cp_plan_field (w, _("Who came:"), review->attended);
  _cp_plan_field (w, _("Their own view:"), review->own_view);
  _cp_plan_field (w, _("What happened:"), review->notes);
  _cp_plan_field (w, _("New contacts:"), review->new_contacts);
  for (guint i = 0; i < review->barriers->len; i++)
    {
      const CpReviewBarrier *barrier = g_ptr_array_index (review->barriers, i);
      g_autofree char *text = barrier->note != NULL && *barrier->note != '\0'
                              ? g_strdup_printf ("%s: %s", cp_barrier_label (barrier->barrier),
                                                 barrier->note)
                              : g_strdup (cp_barrier_label (barrier->barrier));

      _cp_plan_field (w, _("Got in the way:"), text);
    }
  _cp_plan_field (w, _("Next steps:"), review->next_steps);
  g_string_append_c (w->out, '\n');
}

void
_cp_plan_write_practitioner (PlanWriter *w)
{
  CpPerson *person = w->person;
  const char *ref = cp_person_get_case_ref (person);
  g_autofree char *made = _cp_plan_date (w->date);
  g_autofree char *fallback = g_strdup_printf (_("Person %" G_GINT64_FORMAT),
                                               cp_person_get_id (person));
  g_autoptr(GArray) history = cp_plan_dup_history (w->plan);
  CpGoalChartMode mode = w->options->goal_scaling ? CP_GOAL_CHART_T_SCORE
                                                  : CP_GOAL_CHART_FURTHER_ON;
  g_autofree char *described = NULL;

  g_string_append_printf (w->out, "# %s {#plan}\n\n", _("Plan"));
  _cp_plan_field (w, _("Case reference:"), ref != NULL && *ref != '\0' ? ref : fallback);
  _cp_plan_field (w, _("Made on:"), made);
  _cp_plan_field_date (w, _("Plan agreed on:"), cp_person_get_plan_agreed_on (person));
  _cp_plan_field_date (w, _("Next review:"), cp_person_get_next_review (person));
  _cp_plan_field_date (w, _("Guide gone through on:"), cp_person_get_guide_on (person));
  g_string_append_c (w->out, '\n');

  g_string_append_printf (w->out, "## %s {#history}\n\n", _("Progress across reviews"));
  described = cp_goal_chart_describe ((const CpGoalChartPoint *) (gpointer) history->data,
                                      history->len, mode);
  g_string_append (w->out, "![");
  _cp_plan_text (w, described);
  g_string_append (w->out, "](figure:plan-history)\n\n");

  g_string_append_printf (w->out, "## %s {#goals}\n\n", _("Goals"));
  for (guint i = 0; i < w->plan->goals->len; i++)
    write_goal (w, g_ptr_array_index (w->plan->goals, i), i + 1);
  if (w->plan->goals->len == 0)
    g_string_append_printf (w->out, "%s\n\n", _("No goals yet."));

  g_string_append_printf (w->out, "## %s {#reviews}\n\n", _("Reviews"));
  for (guint i = 0; i < w->plan->reviews->len; i++)
    write_review (w, g_ptr_array_index (w->plan->reviews, i), i + 1);
  if (w->plan->reviews->len == 0)
    g_string_append_printf (w->out, "%s\n\n", _("No reviews yet."));
}
