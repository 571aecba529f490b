/* cp-export-supervision-write.c: the supervision sheet's words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-plan-private.h"
#include "cp-export-supervision-private.h"
#include "goals/cp-goal-words.h"
#include "netmap/cp-netmap-metrics.h"
#include "netmap/cp-netmap-words.h"

/* The sheet as CommonMark for the typesetter: "# Supervision sheet", then a "##" part
 * per person (their plan, then what supervision said); on a session's sheet each next
 * person starts a chapter (a new page) and the worker's reflection is the last. Everything typed goes through the plan writer's text (escaped, each
 * word of a name on the sheet turned into that person's initials). */

static void
text (PlanWriter *w,
      const char *s)
{
  _cp_plan_text (w, s);
}

static void
para (PlanWriter *w,
      const char *s)
{
  text (w, s);
  g_string_append (w->out, "\n\n");
}

static void
bold_para (PlanWriter *w,
           const char *s)
{
  g_string_append (w->out, "**");
  text (w, s);
  g_string_append (w->out, "**\n\n");
}

/* The start of a heading of @level (1: "# "). */
static void
heading (PlanWriter *w,
         guint       level)
{
  for (guint i = 0; i < level; i++)
    g_string_append_c (w->out, '#');
  g_string_append_c (w->out, ' ');
}

/* "AB · PRACTICE-0001" */
static char *
person_title (const SheetPerson *p)
{
  return g_strdup_printf ("%s · %s", p->initials, p->reference);
}

/* ---- The person's plan ------------------------------------------------------------------ */

static const char *
status_words (CpPerson *person)
{
  switch (cp_person_get_status (person))
    {
    case CP_PERSON_STATUS_PAUSED:
      return C_("person", "Paused");
    case CP_PERSON_STATUS_CLOSED:
      return C_("person", "Closed");
    case CP_PERSON_STATUS_ACTIVE:
    default:
      return C_("person", "Active");
    }
}

static void
write_map (PlanWriter        *w,
           const SheetPerson *p,
           guint              level)
{
  g_autofree char *now_on = _cp_plan_date (p->map_on);
  g_autofree char *caption = NULL;
  CpNetmapMetrics now;

  heading (w, level);
  g_string_append_printf (w->out, "%s\n\n", _("Network map"));
  if (p->map == NULL)
    {
      para (w, _("No map yet."));
      return;
    }
  cp_netmap_metrics_compute (p->map, &now);
  /* TRANSLATORS: a figure's caption: the map's label and date */
  caption = g_strdup_printf (_("The current map, “%s” of %s, members by their initials"),
                             p->map_label, now_on);
  g_string_append (w->out, "![");
  text (w, caption);
  g_string_append_printf (w->out, "](figure:map-%u)\n\n", p->index);

  if (p->baseline == NULL)
    {
      g_autofree char *line = NULL;
      guint n = (guint) now.values[CP_NETMAP_MEASURE_SIZE].value;

      line = g_strdup_printf (ngettext ("One map so far: %u member in its rings.",
                                        "One map so far: %u members in its rings.", n), n);
      para (w, line);
    }
  else
    {
      g_autoptr(CpNetmapChange) change = cp_netmap_change_new (p->baseline, p->map);
      /* the maps' names are initials already */
      g_autoptr(GPtrArray) sentences = cp_netmap_change_sentences (change, p->baseline, p->map,
                                                                   FALSE);
      g_autofree char *then_on = _cp_plan_date (p->baseline_on);
      g_autofree char *sizes = NULL;
      guint n_then = (guint) change->before.values[CP_NETMAP_MEASURE_SIZE].value;
      guint n_now = (guint) change->after.values[CP_NETMAP_MEASURE_SIZE].value;

      /* TRANSLATORS: "Members in its rings: 5 at the baseline (“Baseline”, 1 March 2026),
       * 8 now (“Review 1”, 1 December 2026)." */
      sizes = g_strdup_printf (_("Members in its rings: %u at the baseline (“%s”, %s), %u now "
                                 "(“%s”, %s)."), n_then, p->baseline_label, then_on, n_now,
                               p->map_label, now_on);
      para (w, sizes);
      bold_para (w, _("Since the baseline"));
      for (guint i = 0; i < sentences->len; i++)
        {
          g_string_append (w->out, "- ");
          text (w, g_ptr_array_index (sentences, i));
          g_string_append_c (w->out, '\n');
        }
      g_string_append_c (w->out, '\n');
    }
}

static void
write_goals (PlanWriter        *w,
             const SheetPerson *p,
             guint              level)
{
  heading (w, level);
  g_string_append_printf (w->out, "%s\n\n", _("Goals"));
  if (p->plan->goals->len == 0)
    {
      para (w, _("No goals yet."));
      return;
    }
  for (guint i = 0; i < p->plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (p->plan->goals, i);
      const CpReviewInfo *review = NULL;
      const CpRatingInfo *rating = cp_plan_get_latest_rating (p->plan, goal->id, &review);
      const char *words = rating != NULL ? _cp_plan_rating_words (rating) : NULL;

      g_string_append_printf (w->out, "**%u. ", i + 1);
      text (w, goal->text);
      g_string_append (w->out, "**\n\n");
      _cp_plan_field (w, _("Status:"), cp_goal_status_label (goal->status));
      if (words != NULL)
        {
          g_autofree char *held = _cp_plan_date (review->held_on);
          /* TRANSLATORS: a goal's latest rating and the review that gave it */
          g_autofree char *latest = g_strdup_printf (_("%s (review of %s)"), words, held);

          _cp_plan_field (w, _("Latest rating:"), latest);
        }
      else
        _cp_plan_field (w, _("Latest rating:"), _("Not rated yet"));
      g_string_append_c (w->out, '\n');
      _cp_plan_write_steps (w, goal);
      if (goal->steps->len == 0)
        para (w, _("No steps yet."));
    }
}

static void
write_trend (PlanWriter        *w,
             const SheetPerson *p,
             guint              level)
{
  g_autoptr(GArray) history = cp_plan_dup_history (p->plan);
  g_autofree char *described = NULL;

  heading (w, level);
  g_string_append_printf (w->out, "%s\n\n", _("Goal Attainment Scaling across reviews"));
  described = cp_goal_chart_describe ((const CpGoalChartPoint *) (gpointer) history->data,
                                      history->len, CP_GOAL_CHART_T_SCORE);
  /* An empty chart says nothing its words do not. */
  if (!p->has_score)
    {
      para (w, described);
      return;
    }
  g_string_append (w->out, "![");
  text (w, described);
  g_string_append_printf (w->out, "](figure:trend-%u)\n\n", p->index);
}

static void
write_barriers (PlanWriter        *w,
                const SheetPerson *p,
                guint              level)
{
  const CpReviewInfo *last;
  g_autofree char *held = NULL;
  g_autoptr(GString) picks = g_string_new (NULL);

  heading (w, level);
  g_string_append_printf (w->out, "%s\n\n", _("What got in the way at the last review"));
  if (p->plan->reviews->len == 0)
    {
      para (w, _("No review yet."));
      return;
    }
  last = g_ptr_array_index (p->plan->reviews, p->plan->reviews->len - 1);
  held = _cp_plan_date (last->held_on);
  /* The picks only: the notes are free text, and stay with the review. */
  for (guint i = 0; i < last->barriers->len; i++)
    {
      const CpReviewBarrier *barrier = g_ptr_array_index (last->barriers, i);

      g_string_append_printf (picks, "%s%s", picks->len > 0 ? ", " : "",
                              cp_barrier_label (barrier->barrier));
    }
  {
    /* TRANSLATORS: a field's label: "Review of 1 December 2026:" */
    g_autofree char *label = g_strdup_printf (_("Review of %s:"), held);

    _cp_plan_field (w, label, picks->len > 0 ? picks->str : _("Nothing picked"));
  }
  g_string_append_c (w->out, '\n');
}

/* The person's part, headed at @level, its blocks one level below. */
static void
write_plan (PlanWriter               *w,
            const CpSupervisionSheet *self,
            const SheetPerson        *p,
            guint                     level)
{
  g_autofree char *title = person_title (p);
  g_autofree char *last_review = NULL;

  heading (w, level);
  text (w, title);
  g_string_append_printf (w->out, " {#person-%u}\n\n", p->index);
  _cp_plan_field (w, _("Status:"), status_words (p->person));
  _cp_plan_field_date (w, _("Next review:"), cp_person_get_next_review (p->person));
  if (p->plan->reviews->len > 0)
    {
      const CpReviewInfo *last = g_ptr_array_index (p->plan->reviews, p->plan->reviews->len - 1);

      _cp_plan_field_date (w, _("Last review:"), last->held_on);
    }
  g_string_append_c (w->out, '\n');

  write_map (w, p, level + 1);
  write_goals (w, p, level + 1);
  if (self->options.goal_scaling)
    write_trend (w, p, level + 1);
  write_barriers (w, p, level + 1);
}

/* ---- What supervision said ------------------------------------------------------------- */

static void
write_discussed (PlanWriter                   *w,
                 const CpSupervisionDiscussed *d)
{
  bold_para (w, _("Comments"));
  for (guint i = 0; i < d->comments->len; i++)
    {
      const CpSupervisionComment *comment = g_ptr_array_index (d->comments, i);

      g_string_append (w->out, "- ");
      text (w, comment->text);
      g_string_append_c (w->out, '\n');
    }
  if (d->comments->len == 0)
    para (w, _("None written."));
  else
    g_string_append_c (w->out, '\n');

  bold_para (w, _("Agreed actions"));
  if (d->actions->len > 0)
    {
      g_string_append_printf (w->out, "| %s | %s | %s | %s |\n|---|---|---|---|\n",
                              _("Action"), _("Who"), _("By"), _("Done"));
      for (guint i = 0; i < d->actions->len; i++)
        {
          const CpSupervisionAction *action = g_ptr_array_index (d->actions, i);
          g_autofree char *due = _cp_plan_date (action->due_on);
          g_autofree char *done = _cp_plan_date (action->done_on);

          g_string_append (w->out, "|");
          _cp_plan_cell (w, action->text);
          _cp_plan_cell (w, action->owner);
          _cp_plan_cell (w, due);
          _cp_plan_cell (w, done != NULL ? done : _("Open"));
          g_string_append_c (w->out, '\n');
        }
      g_string_append_c (w->out, '\n');
    }
  else
    para (w, _("None agreed."));

  bold_para (w, _("Sign-off"));
  if (d->signoff != NULL)
    {
      g_autofree char *on = _cp_plan_date (d->signoff->signed_on);
      /* TRANSLATORS: the sign-off: the date, the supervisor's name and role */
      g_autofree char *line = g_strdup_printf (_("Plan reviewed in supervision on %s by %s, %s."),
                                               on, d->signoff->name, d->signoff->role);

      para (w, line);
    }
  else
    para (w, _("Not signed off."));
}

/* "Social worker, Team manager": who was there, one a line as typed. */
static char *
attended_words (const CpSupervisionSession *session)
{
  g_auto(GStrv) lines = g_strsplit (session->attended, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", lines[i]);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE)
                      : g_strdup (_("Not recorded"));
}

/* ---- The sheets ------------------------------------------------------------------------- */

static void
write_person_sheet (PlanWriter               *w,
                    const CpSupervisionSheet *self)
{
  const SheetPerson *p = g_ptr_array_index (self->people, 0);

  write_plan (w, self, p, 2);
  g_string_append_printf (w->out, "## %s {#sessions}\n\n", _("Supervision sessions"));
  if (self->sessions->len == 0)
    para (w, _("Not discussed at a supervision session yet."));
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const CpSupervisionSession *session = g_ptr_array_index (self->sessions, i);
      g_autofree char *held = _cp_plan_date (session->held_on);
      /* TRANSLATORS: a heading: "Session of 1 December 2026" */
      g_autofree char *title = g_strdup_printf (_("Session of %s"), held);
      g_autofree char *attended = attended_words (session);

      g_string_append (w->out, "### ");
      text (w, title);
      g_string_append_printf (w->out, " {#session-%u}\n\n", i + 1);
      _cp_plan_field (w, _("Who was there:"), attended);
      g_string_append_c (w->out, '\n');
      write_discussed (w, cp_supervision_session_find (session, p->person_id));
    }
}

/* What is written so far becomes a chapter: the next starts on a new page. */
static void
new_chapter (PlanWriter *w,
             GPtrArray  *chapters)
{
  g_ptr_array_add (chapters, g_strdup (w->out->str));
  g_string_truncate (w->out, 0);
}

static void
write_session_sheet (PlanWriter               *w,
                     const CpSupervisionSheet *self,
                     GPtrArray                *chapters)
{
  const CpSupervisionSession *session = g_ptr_array_index (self->sessions, 0);
  g_autofree char *attended = attended_words (session);
  g_autoptr(GString) people = g_string_new (NULL);

  for (guint i = 0; i < self->people->len; i++)
    {
      g_autofree char *title = person_title (g_ptr_array_index (self->people, i));

      g_string_append_printf (people, "%s%s", people->len > 0 ? "; " : "", title);
    }
  _cp_plan_field_date (w, _("Session held on:"), session->held_on);
  _cp_plan_field (w, _("Who was there:"), attended);
  _cp_plan_field (w, _("People discussed:"), people->len > 0 ? people->str : _("No one now"));
  g_string_append_c (w->out, '\n');

  for (guint i = 0; i < self->people->len; i++)
    {
      const SheetPerson *p = g_ptr_array_index (self->people, i);

      /* Each next person on a page of their own, under the sheet's title again, so the
       * pages about one person can be filed apart. */
      if (i > 0)
        {
          g_autofree char *held = _cp_plan_date (session->held_on);
          /* TRANSLATORS: a heading: "Supervision sheet: session of 1 December 2026" */
          g_autofree char *title = g_strdup_printf (_("Supervision sheet: session of %s"),
                                                    held);

          new_chapter (w, chapters);
          g_string_append (w->out, "# ");
          text (w, title);
          g_string_append_printf (w->out, " {#sheet-%u}\n\n", i + 1);
        }
      write_plan (w, self, p, 2);
      g_string_append_printf (w->out, "### %s\n\n", _("At this session"));
      write_discussed (w, cp_supervision_session_find (session, p->person_id));
    }

  /* About the worker, not about anyone discussed: last, and only here, on a page of its
   * own (so it can be kept apart from anything filed about a person). */
  new_chapter (w, chapters);
  g_string_append_printf (w->out, "# %s {#reflection}\n\n", _("The worker’s own reflection"));
  g_string_append_c (w->out, '*');
  text (w, _("About the worker, not about the people discussed: it goes on no person’s "
             "record."));
  g_string_append (w->out, "*\n\n");
  para (w, self->reflection != NULL ? self->reflection : _("None written."));
}

GStrv
_cp_supervision_sheet_write (CpSupervisionSheet *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) chapters = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *made = _cp_plan_date (self->day);
  PlanWriter w = {
    .out = out,
    .date = self->day,
    .initials_only = TRUE,
    .redact = (const char * const *) self->redact,
  };

  g_string_append_printf (out, "# %s {#sheet}\n\n", _("Supervision sheet"));
  _cp_plan_field (&w, _("Made on:"), made);
  _cp_plan_field (&w, _("Pseudonymised:"), _("people appear by their initials and case "
                                              "reference; members of a map by initials"));
  if (self->for_session)
    write_session_sheet (&w, self, chapters);
  else
    {
      g_string_append_c (out, '\n');
      write_person_sheet (&w, self);
    }
  new_chapter (&w, chapters);
  g_ptr_array_add (chapters, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&chapters), FALSE);
}
