/* cp-export-subject-goals.c: a person's goals and reviews in the subject access report
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-subject-private.h"
#include "goals/cp-goal-words.h"

/* Every field of every goal, step, barrier, helper, review, rating and barrier pick,
 * labelled in everyday words with the same words the goals pages use
 * (goals/cp-goal-words.h). Texts in anyone's words have third parties marked. */

/* A level (@of_3 FALSE: "+1") or importance or difficulty (@of_3: "2 of 3"), if set. */
static void
optional_number (Writer     *w,
                 const char *label,
                 int         value,
                 gboolean    of_3)
{
  g_autofree char *text = NULL;

  if (value != CP_GOAL_NOT_SET && of_3)
    /* Translators: importance or difficulty of a goal, e.g. "2 of 3" */
    text = g_strdup_printf (_("%d of 3"), value);
  else if (value != CP_GOAL_NOT_SET)
    text = g_strdup_printf ("%+d", value);
  _cp_subject_field (w, label, text);
}

static char *
dated (const char *what,
       const char *date)
{
  if (date == NULL)
    return g_strdup (what);

  /* Translators: a state and the day it began, e.g. "Achieved on 2026-03-01" */
  return g_strdup_printf (_("%s on %s"), what, date);
}

static char *
step_owner (Writer           *w,
            const CpStepInfo *step)
{
  switch (step->owner)
    {
    case CP_STEP_OWNER_MEMBER:
      return g_strdup (_cp_subject_lineage_name (w, step->owner_lineage));
    case CP_STEP_OWNER_PRACTITIONER:
      return g_strdup (_("the practitioner"));
    case CP_STEP_OWNER_TOGETHER:
      return g_strdup (_("the person and the practitioner together"));
    case CP_STEP_OWNER_SOMEONE:
      return _cp_subject_mark_names_in (w, step->owner_role);
    case CP_STEP_OWNER_PERSON:
    default:
      return g_strdup (_("the person"));
    }
}

static void
write_steps (Writer           *w,
             const CpGoalInfo *goal)
{
  for (guint j = 0; j < goal->steps->len; j++)
    {
      const CpStepInfo *step = g_ptr_array_index (goal->steps, j);
      g_autofree char *text = _cp_subject_mark_names_in (w, step->text);
      g_autofree char *who = step_owner (w, step);
      /* Translators: a step of a goal: its words; who does it; when due; when done */
      g_autofree char *line = g_strdup_printf (_("%s; who: %s; due: %s; done: %s"), text, who,
                                               step->due_on ? step->due_on
                                                            : C_("due", "not set"),
                                               step->done_on ? step->done_on
                                                             : C_("done", "not yet"));

      _cp_subject_item (w, _("Step"), line);
    }

  for (guint j = 0; j < goal->helpers->len; j++)
    {
      const CpGoalHelper *helper = g_ptr_array_index (goal->helpers, j);

      _cp_subject_item (w, _("Helps with this goal"),
                        _cp_subject_lineage_name (w, helper->lineage));
    }

  for (guint j = 0; j < goal->barriers->len; j++)
    {
      const CpGoalBarrier *barrier = g_ptr_array_index (goal->barriers, j);
      g_autofree char *what = _cp_subject_mark_names_in (w, barrier->barrier);
      g_autofree char *tackle = _cp_subject_mark_names_in (w, barrier->tackle);
      /* Translators: what gets in the way of a goal, and how to tackle it */
      g_autofree char *line = g_strdup_printf (_("%s; how to tackle it: %s"), what,
                                               *tackle ? tackle : _("(none)"));

      _cp_subject_item (w, _("Gets in the way"), line);
    }
}

void
_cp_subject_write_goals (Writer                *w,
                         const CpSubjectAccess *access)
{
  for (guint i = 0; i < access->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (access->goals, i);
      g_autofree char *status = dated (cp_goal_status_label (goal->status), goal->status_on);

      _cp_subject_heading (w, _("Goal"));
      _cp_subject_text_field (w, _("Goal"), goal->text);
      _cp_subject_field (w, _("Area of life"), goal->life_area != CP_LIFE_AREA_NONE
                                               ? cp_life_area_label (goal->life_area) : NULL);
      _cp_subject_field (w, _("DIALOG+ item"), goal->dialog_domain != CP_DIALOG_DOMAIN_NONE
                                               ? cp_dialog_domain_label (goal->dialog_domain)
                                               : NULL);
      _cp_subject_text_field (w, _("What exactly"), goal->specific);
      _cp_subject_text_field (w, _("How we will know"), goal->measurable);
      _cp_subject_text_field (w, _("Is it doable"), goal->achievable);
      _cp_subject_text_field (w, _("Why it matters"), goal->relevant);
      _cp_subject_field (w, _("Target date"), goal->target_on);
      _cp_subject_text_field (w, _("If it gets hard, I or we will"), goal->if_hard);
      for (int level = -2; level <= 2; level++)
        {
          /* Translators: a Goal Attainment Scaling level and what it means, e.g.
           * "Level +1 (more than expected)" */
          g_autofree char *label = g_strdup_printf (_("Level %+d (%s)"), level,
                                                    cp_gas_level_label (level));

          _cp_subject_text_field (w, label, goal->levels[CP_GOAL_LEVEL_INDEX (level)]);
        }
      optional_number (w, _("Level at the start"), goal->baseline_level, FALSE);
      optional_number (w, _("Importance"), goal->importance, TRUE);
      optional_number (w, _("Difficulty"), goal->difficulty, TRUE);
      _cp_subject_field (w, _("Status"), status);
      _cp_subject_field (w, _("Agreed on"), goal->made_on);
      _cp_subject_field (w, _("Record made"), goal->created_at);
      _cp_subject_field (w, _("Record last changed"), goal->updated_at);
      write_steps (w, goal);
    }
}

static const char *
goal_text (const CpSubjectAccess *access,
           gint64                 goal_id)
{
  for (guint i = 0; i < access->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (access->goals, i);

      if (goal->id == goal_id)
        return goal->text;
    }

  return "";
}

static char *
rating_words (const CpRatingInfo *rating)
{
  if (rating->level != CP_GOAL_NOT_SET)
    /* Translators: a Goal Attainment Scaling level at a review and what it means */
    return g_strdup_printf (_("level %+d (%s)"), rating->level,
                            cp_gas_level_label (rating->level));

  return g_utf8_strdown (cp_progress_label (rating->progress), -1);
}

void
_cp_subject_write_reviews (Writer                *w,
                           const CpSubjectAccess *access)
{
  for (guint i = 0; i < access->reviews->len; i++)
    {
      const CpReviewInfo *review = g_ptr_array_index (access->reviews, i);
      g_autofree char *title = g_strdup_printf (_("Review: %s"), review->held_on);

      _cp_subject_heading (w, title);
      _cp_subject_text_field (w, _("Who was there"), review->attended);
      _cp_subject_text_field (w, _("The person’s own view"), review->own_view);
      _cp_subject_text_field (w, _("What happened"), review->notes);
      _cp_subject_text_field (w, _("New contacts made"), review->new_contacts);
      _cp_subject_text_field (w, _("Next steps"), review->next_steps);
      _cp_subject_field (w, _("Record made"), review->created_at);
      _cp_subject_field (w, _("Record last changed"), review->updated_at);

      for (guint j = 0; j < review->ratings->len; j++)
        {
          const CpRatingInfo *rating = g_ptr_array_index (review->ratings, j);
          g_autofree char *goal = _cp_subject_mark_names_in (w, goal_text (access,
                                                                           rating->goal_id));
          g_autofree char *note = _cp_subject_mark_names_in (w, rating->note);
          g_autofree char *how = rating_words (rating);
          /* Translators: a goal, how it went by a review, and a note */
          g_autofree char *line = g_strdup_printf (_("%s: %s; note: %s"), goal, how,
                                                   *note ? note : _("(none)"));

          _cp_subject_item (w, _("How the goal went"), line);
        }

      for (guint j = 0; j < review->barriers->len; j++)
        {
          const CpReviewBarrier *pick = g_ptr_array_index (review->barriers, j);
          g_autofree char *note = _cp_subject_mark_names_in (w, pick->note);
          g_autofree char *line = NULL;

          if (pick->barrier == CP_BARRIER_SAFETY)
            line = g_strdup_printf (_("%s (recorded in the case record)"),
                                    cp_barrier_label (pick->barrier));
          else
            /* Translators: something that got in the way, and a note about it */
            line = g_strdup_printf (_("%s; note: %s"), cp_barrier_label (pick->barrier),
                                    *note ? note : _("(none)"));

          _cp_subject_item (w, _("Got in the way"), line);
        }
    }
}

void
_cp_subject_write_supervision (Writer                *w,
                               const CpSubjectAccess *access)
{
  for (guint i = 0; i < access->supervision->len; i++)
    {
      const CpSupervisionSession *session = g_ptr_array_index (access->supervision, i);
      const CpSupervisionDiscussed *theirs = g_ptr_array_index (session->people, 0);
      g_autofree char *title = g_strdup_printf (_("Supervision of the plan: %s"),
                                                session->held_on);

      _cp_subject_heading (w, title);
      _cp_subject_text_field (w, _("Who was there"), session->attended);
      for (guint j = 0; j < theirs->comments->len; j++)
        {
          const CpSupervisionComment *comment = g_ptr_array_index (theirs->comments, j);
          g_autofree char *text = _cp_subject_mark_names_in (w, comment->text);

          _cp_subject_item (w, _("Supervisor’s comment"), text);
        }
      for (guint j = 0; j < theirs->actions->len; j++)
        {
          const CpSupervisionAction *action = g_ptr_array_index (theirs->actions, j);
          g_autofree char *text = _cp_subject_mark_names_in (w, action->text);
          g_autoptr(GString) line = g_string_new (text);
          g_autofree char *who = g_strdup_printf (_("who: %s"), action->owner);
          g_autofree char *due = action->due_on ? g_strdup_printf (_("by: %s"), action->due_on)
                                                : NULL;
          g_autofree char *done = action->done_on
                                  ? g_strdup_printf (_("done on: %s"), action->done_on)
                                  : g_strdup (_("open"));

          _cp_subject_append_part (line, who);
          _cp_subject_append_part (line, due);
          _cp_subject_append_part (line, done);
          _cp_subject_item (w, _("Agreed action"), line->str);
        }
      if (theirs->signoff != NULL)
        {
          /* Translators: the sign-off line of a supervision: a date, a name, a role */
          g_autofree char *line = g_strdup_printf (_("Plan reviewed in supervision on %s by "
                                                     "%s, %s"),
                                                   theirs->signoff->signed_on,
                                                   theirs->signoff->name,
                                                   theirs->signoff->role);

          _cp_subject_item (w, _("Sign-off"), line);
        }
    }
}
