/* cp-export-plan-person.c: the person's copy of their plan, in their words and format
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-plan-private.h"
#include "goals/cp-gas.h"
#include "goals/cp-goal-words.h"

/* Written to the person ("my goals", "my worker"), in the order they would look for
 * things: their goals, what their worker will do, what they have done, when they meet
 * next, who to ring. Never a score, a status, the focus of the work, "hard going" or a
 * caution flag: none of those is read here (scores only when the copy asks for them).
 *
 * Easy read puts one idea on a line: every "Who", "When" and step is a paragraph of its
 * own, and each goal has the symbol of its area of life beside the area's name. */

/* Who does a step, as the person says it; NULL when not known (a member gone from every
 * map). */
static const char *
step_who (const CpStepInfo *step)
{
  switch (step->owner)
    {
    case CP_STEP_OWNER_PERSON:
      return _("Me");
    case CP_STEP_OWNER_PRACTITIONER:
      return _("My worker");
    case CP_STEP_OWNER_TOGETHER:
      return _("Me and my worker");
    case CP_STEP_OWNER_SOMEONE:
      return step->owner_role != NULL && *step->owner_role != '\0' ? step->owner_role : NULL;
    case CP_STEP_OWNER_MEMBER:
    default:
      return step->owner_name;
    }
}

/* A line: "**Label** text" as a paragraph of its own. */
static void
line (PlanWriter *w,
      const char *label,
      const char *text)
{
  if (label != NULL)
    g_string_append_printf (w->out, "**%s** ", label);
  _cp_plan_text (w, text);
  g_string_append (w->out, "\n\n");
}

static void
write_step (PlanWriter       *w,
            const CpStepInfo *step)
{
  const char *who = step_who (step);
  g_autofree char *due = _cp_plan_date (step->due_on);

  if (w->options->easy_read)
    {
      line (w, _("Step:"), step->text);
      if (who != NULL)
        line (w, _("Who:"), who);
      if (due != NULL)
        line (w, _("When:"), due);
      return;
    }
  g_string_append (w->out, "- ");
  _cp_plan_text (w, step->text);
  if (who != NULL)
    {
      g_string_append_printf (w->out, " — %s ", _("who:"));
      _cp_plan_text (w, who);
    }
  if (due != NULL)
    {
      g_string_append_printf (w->out, " — %s ", _("by"));
      _cp_plan_text (w, due);
    }
  g_string_append_c (w->out, '\n');
}

static void
write_goal (PlanWriter       *w,
            const CpGoalInfo *goal,
            guint             n)
{
  gboolean easy = w->options->easy_read;
  guint open_steps = 0;

  if (easy)
    {
      g_autofree char *figure = _cp_plan_area_figure (goal->life_area);
      const char *area = goal->life_area != CP_LIFE_AREA_NONE ? cp_life_area_label (goal->life_area)
                                                              : _("My goal");

      g_string_append (w->out, "![");
      _cp_plan_text (w, area);
      g_string_append_printf (w->out, "](figure:%s)\n\n", figure);
    }
  g_string_append (w->out, "### ");
  _cp_plan_text (w, goal->text);
  g_string_append_printf (w->out, " {#goal-%u}\n\n", n);
  if (!easy && goal->life_area != CP_LIFE_AREA_NONE)
    line (w, _("Part of my life:"), cp_life_area_label (goal->life_area));

  for (guint i = 0; i < goal->steps->len; i++)
    open_steps += ((CpStepInfo *) g_ptr_array_index (goal->steps, i))->done_on == NULL;
  if (open_steps > 0)
    {
      g_string_append_printf (w->out, "**%s**\n\n", _("My next steps"));
      for (guint i = 0; i < goal->steps->len; i++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, i);

          if (step->done_on == NULL)
            write_step (w, step);
        }
      g_string_append_c (w->out, '\n');
    }

  if (goal->helpers->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_named = 0;

      for (guint i = 0; i < goal->helpers->len; i++)
        {
          const CpGoalHelper *helper = g_ptr_array_index (goal->helpers, i);

          if (helper->name == NULL || *helper->name == '\0')
            continue;
          /* easy read: one name a line, the label on the first */
          if (easy)
            line (w, n_named == 0 ? _("Who helps:") : NULL, helper->name);
          else
            g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", helper->name);
          n_named++;
        }
      if (!easy && names->len > 0)
        line (w, _("Who helps:"), names->str);
    }
  if (goal->if_hard != NULL && *goal->if_hard != '\0')
    line (w, _("If it gets hard:"), goal->if_hard);
}

static void
write_worker (PlanWriter *w)
{
  guint n = 0;

  g_string_append_printf (w->out, "## %s {#worker}\n\n", _("What my worker will do"));
  for (guint i = 0; i < w->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (w->plan->goals, i);

      if (goal->status != CP_GOAL_STATUS_ACTIVE)
        continue;
      for (guint j = 0; j < goal->steps->len; j++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, j);
          g_autofree char *due = NULL;

          if (step->done_on != NULL || (step->owner != CP_STEP_OWNER_PRACTITIONER &&
                                        step->owner != CP_STEP_OWNER_TOGETHER))
            continue;
          due = _cp_plan_date (step->due_on);
          if (w->options->easy_read)
            {
              line (w, NULL, step->text);
              if (step->owner == CP_STEP_OWNER_TOGETHER)
                line (w, _("Who:"), _("Me and my worker"));
              if (due != NULL)
                line (w, _("When:"), due);
            }
          else
            {
              g_string_append (w->out, "- ");
              _cp_plan_text (w, step->text);
              if (step->owner == CP_STEP_OWNER_TOGETHER)
                g_string_append_printf (w->out, " (%s)", _("with me"));
              if (due != NULL)
                {
                  g_string_append_printf (w->out, " — %s ", _("by"));
                  _cp_plan_text (w, due);
                }
              g_string_append_c (w->out, '\n');
            }
          n++;
        }
    }
  if (n == 0)
    line (w, NULL, _("Nothing just now. We will agree it together."));
  g_string_append_c (w->out, '\n');
}

static void
write_done (PlanWriter *w)
{
  guint n = 0;

  g_string_append_printf (w->out, "## %s {#done}\n\n", _("What I’ve done"));
  for (guint i = 0; i < w->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (w->plan->goals, i);
      g_autofree char *on = NULL;

      if (goal->status != CP_GOAL_STATUS_ACHIEVED)
        continue;
      on = _cp_plan_date (goal->status_on);
      g_string_append (w->out, w->options->easy_read ? "" : "- ");
      g_string_append_printf (w->out, "**%s** ", _("I did it:"));
      _cp_plan_text (w, goal->text);
      if (on != NULL)
        {
          g_string_append (w->out, w->options->easy_read ? "\n\n" : " — ");
          _cp_plan_text (w, on);
        }
      g_string_append (w->out, w->options->easy_read ? "\n\n" : "\n");
      n++;
    }
  for (guint i = 0; i < w->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (w->plan->goals, i);

      if (goal->status == CP_GOAL_STATUS_STOPPED)
        continue;
      for (guint j = 0; j < goal->steps->len; j++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, j);
          g_autofree char *on = NULL;

          if (step->done_on == NULL)
            continue;
          on = _cp_plan_date (step->done_on);
          g_string_append (w->out, w->options->easy_read ? "" : "- ");
          g_string_append_printf (w->out, "**%s** ", _("Done:"));
          _cp_plan_text (w, step->text);
          g_string_append (w->out, w->options->easy_read ? "\n\n" : " — ");
          _cp_plan_text (w, on);
          g_string_append (w->out, w->options->easy_read ? "\n\n" : "\n");
          n++;
        }
    }
  if (n == 0)
    line (w, NULL, _("Nothing yet. Each step I take will be listed here."));
  g_string_append_c (w->out, '\n');
}

/* Only when "include scores" is ticked for this copy. */
static void
write_scores (PlanWriter *w)
{
  g_autoptr(GArray) history = cp_plan_dup_history (w->plan);

  g_string_append_printf (w->out, "## %s {#scores}\n\n", _("How my goals are going"));
  for (guint i = 0; i < w->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (w->plan->goals, i);
      const CpReviewInfo *review = NULL;
      const CpRatingInfo *rating = cp_plan_get_latest_rating (w->plan, goal->id, &review);
      const char *words = rating != NULL ? _cp_plan_rating_words (rating) : NULL;

      if (goal->status != CP_GOAL_STATUS_ACTIVE || words == NULL)
        continue;
      g_string_append (w->out, "- ");
      _cp_plan_text (w, goal->text);
      g_string_append (w->out, ": ");
      _cp_plan_text (w, words);
      g_string_append_c (w->out, '\n');
    }
  if (w->options->goal_scaling && history->len > 0)
    {
      const CpGoalChartPoint *last = &g_array_index (history, CpGoalChartPoint, history->len - 1);

      if (last->has_score)
        {
          g_autofree char *score = NULL;

          score = g_strdup_printf (_("My score at the last review: %.0f (50 is what we "
                                     "expected)"), last->t_score);

          g_string_append_c (w->out, '\n');
          line (w, NULL, score);
        }
    }
  g_string_append_c (w->out, '\n');
}

gboolean
_cp_plan_write_person (PlanWriter  *w,
                       GError     **error)
{
  const CpPlanExportOptions *o = w->options;
  CpCommunicationNeeds needs = cp_person_get_communication_needs (w->person);
  g_autofree char *made = _cp_plan_date (w->date);
  g_autofree char *next = _cp_plan_date (cp_person_get_next_review (w->person));
  g_autofree char *crisis = _cp_plan_crisis_markdown (o->easy_read, error);
  g_autofree char *made_line = NULL;
  guint n = 0;

  if (crisis == NULL)
    return FALSE;

  g_string_append_printf (w->out, "# %s {#plan}\n\n", _("My plan"));
  if (o->discreet)
    made_line = g_strdup_printf (_("Made with my worker on %s."), made);
  else
    made_line = g_strdup_printf (_("Made with my worker from the mental health team on %s."),
                                 made);
  line (w, NULL, made_line);
  if ((needs & CP_COMMUNICATION_INTERPRETER) != 0)
    {
      const char *language = cp_person_get_interpreter_language (w->person);

      if (language != NULL && *language != '\0')
        line (w, _("My language:"), language);
      else
        line (w, NULL, _("I would like an interpreter."));
    }

  g_string_append_printf (w->out, "## %s {#goals}\n\n", _("My goals"));
  for (guint i = 0; i < w->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (w->plan->goals, i);

      if (goal->status == CP_GOAL_STATUS_ACTIVE)
        write_goal (w, goal, ++n);
    }
  if (n == 0)
    line (w, NULL, _("We will write my goals here when we agree them."));

  write_worker (w);
  write_done (w);
  if (o->include_scores)
    write_scores (w);

  g_string_append_printf (w->out, "## %s {#next}\n\n", _("My next meeting"));
  if (next != NULL)
    {
      g_autofree char *when = g_strdup_printf (_("We meet next on %s."), next);

      line (w, NULL, when);
    }
  else
    line (w, NULL, _("We will agree when we meet next."));

  g_string_append_printf (w->out, "## %s {#phone}\n\n", _("Phone numbers"));
  if (o->team_phone != NULL && *o->team_phone != '\0')
    line (w, o->discreet ? _("My worker’s team:") : _("My mental health team:"), o->team_phone);
  g_string_append (w->out, crisis);
  return TRUE;
}
