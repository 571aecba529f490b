/* cp-export-summary.c: a plain-text summary of a person's plan for the case record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <glib/gi18n.h>

#include "cp-export-plan-private.h"
#include "cp-export-summary.h"
#include "goals/cp-goal-words.h"
#include "netmap/cp-netmap-metrics.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"

/* Plain text that pastes cleanly into any case-record system: no markup, short labelled
 * lines, a blank line between parts. */

typedef struct
{
  GString    *out;
  char       *first_name;
  const char *role;
} Summary;

static char *
date_words (const char *iso)
{
  char *words = _cp_plan_date (iso);

  return words != NULL ? words : g_strdup (_("no date"));
}

static void
names_line (Summary       *s,
            const char    *label,
            GArray        *lineages,
            CpNetmapModel *model)
{
  if (lineages == NULL || lineages->len == 0)
    return;
  g_string_append_printf (s->out, "- %s ", label);
  for (guint i = 0; i < lineages->len; i++)
    {
      CpNetmapMember *m = cp_netmap_model_find (model, g_array_index (lineages, gint64, i));

      g_string_append_printf (s->out, "%s%s", i > 0 ? ", " : "", m != NULL ? m->name : "?");
    }
  g_string_append_c (s->out, '\n');
}

static gboolean
write_map (Summary   *s,
           CpStore   *store,
           gint64     person_id,
           GError   **error)
{
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (store, person_id, error);
  g_autoptr(CpNetmapModel) before = NULL;
  g_autoptr(CpNetmapModel) after = NULL;
  g_autoptr(CpNetmapChange) change = NULL;
  const CpSnapshotInfo *then;
  const CpSnapshotInfo *now;
  g_autofree char *then_on = NULL;
  g_autofree char *now_on = NULL;

  if (maps == NULL)
    return FALSE;
  g_string_append_printf (s->out, "%s\n", _("Network map"));
  if (maps->len == 0)
    {
      g_string_append_printf (s->out, "- %s\n\n", _("No map yet."));
      return TRUE;
    }
  now = g_ptr_array_index (maps, maps->len - 1);
  now_on = date_words (now->taken_on);
  if (!(after = cp_store_load_snapshot (store, now->id, error)))
    return FALSE;
  if (maps->len == 1)
    {
      g_string_append_printf (s->out, ngettext ("- One map so far (%s), with %u member.\n\n",
                                                "- One map so far (%s), with %u members.\n\n",
                                                cp_netmap_model_get_n_members (after)),
                              now_on, cp_netmap_model_get_n_members (after));
      return TRUE;
    }
  then = g_ptr_array_index (maps, maps->len - 2);
  then_on = date_words (then->taken_on);
  if (!(before = cp_store_load_snapshot (store, then->id, error)))
    return FALSE;
  change = cp_netmap_change_new (before, after);
  g_string_append_printf (s->out, _("- Changes from %s (%s) to %s (%s):\n"),
                          then->label, then_on, now->label, now_on);
  names_line (s, _("New:"), change->added, after);
  names_line (s, _("No longer on the map:"), change->not_now, before);
  names_line (s, _("Closer:"), change->closer, after);
  names_line (s, _("Further out:"), change->further, after);
  g_string_append_printf (s->out, _("- Members on the map: %u then, %u now\n\n"),
                          cp_netmap_model_get_n_members (before),
                          cp_netmap_model_get_n_members (after));
  return TRUE;
}

static char *
step_who (Summary          *s,
          const CpStepInfo *step)
{
  switch (step->owner)
    {
    case CP_STEP_OWNER_PERSON:
      return g_strdup (s->first_name);
    case CP_STEP_OWNER_PRACTITIONER:
      return g_strdup (s->role);
    case CP_STEP_OWNER_TOGETHER:
      return g_strdup_printf (_("%s with %s"), s->first_name, s->role);
    case CP_STEP_OWNER_SOMEONE:
      return g_strdup (step->owner_role);
    case CP_STEP_OWNER_MEMBER:
    default:
      if (step->owner_name == NULL)
        return g_strdup (_("someone no longer on the map"));
      if (step->owner_state != CP_LINEAGE_ON_CURRENT_MAP)
        return g_strdup_printf (_("%s (no longer on the map)"), step->owner_name);
      return g_strdup (step->owner_name);
    }
}

static void
write_goals (Summary      *s,
             const CpPlan *plan)
{
  g_string_append_printf (s->out, "%s\n", _("Goals and steps"));
  if (plan->goals->len == 0)
    g_string_append_printf (s->out, "- %s\n", _("No goals yet."));
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, i);
      g_autofree char *on = _cp_plan_date (goal->status_on);

      g_string_append_printf (s->out, "%u. %s (%s", i + 1, goal->text,
                              cp_goal_status_label (goal->status));
      if (on != NULL)
        g_string_append_printf (s->out, " %s", on);
      g_string_append (s->out, ")\n");
      for (guint j = 0; j < goal->steps->len; j++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, j);
          g_autofree char *who = step_who (s, step);
          g_autofree char *due = _cp_plan_date (step->due_on);
          g_autofree char *done = _cp_plan_date (step->done_on);

          g_string_append_printf (s->out, "   - %s (%s", step->text, who);
          if (done != NULL)
            g_string_append_printf (s->out, _("; done %s"), done);
          else if (due != NULL)
            g_string_append_printf (s->out, _("; due %s"), due);
          g_string_append (s->out, ")\n");
        }
      if (goal->if_hard != NULL && *goal->if_hard != '\0')
        g_string_append_printf (s->out, "   %s %s\n", _("If it gets hard:"), goal->if_hard);
    }
  g_string_append_c (s->out, '\n');
}

static void
labelled (Summary    *s,
          const char *label,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_string_append_printf (s->out, "%s %s\n", label, text);
}

static void
write_review (Summary      *s,
              const CpPlan *plan)
{
  const CpReviewInfo *review;
  g_autofree char *held = NULL;
  g_autofree char *view_label = NULL;
  g_autofree char *quoted = NULL;

  if (plan->reviews->len == 0)
    {
      g_string_append_printf (s->out, "%s\n- %s\n\n", _("Review"), _("No review yet."));
      return;
    }
  review = g_ptr_array_index (plan->reviews, plan->reviews->len - 1);
  held = date_words (review->held_on);
  g_string_append_printf (s->out, _("Review of %s"), held);
  g_string_append_c (s->out, '\n');
  labelled (s, _("Who came:"), review->attended);
  /* Translators: %s is the person's first name: "Jo's own view:" */
  view_label = g_strdup_printf (_("%s’s own view:"), s->first_name);
  if (review->own_view != NULL && *review->own_view != '\0')
    quoted = g_strdup_printf ("“%s”", review->own_view);
  labelled (s, view_label, quoted);
  labelled (s, _("What happened:"), review->notes);
  labelled (s, _("New contacts:"), review->new_contacts);
  for (guint i = 0; i < review->barriers->len; i++)
    {
      const CpReviewBarrier *b = g_ptr_array_index (review->barriers, i);
      g_autofree char *text = NULL;

      if (b->barrier == CP_BARRIER_SAFETY)
        text = g_strdup_printf ("%s: %s", cp_barrier_label (b->barrier),
                                _("record this in the case record"));
      else if (b->note != NULL && *b->note != '\0')
        text = g_strdup_printf ("%s: %s", cp_barrier_label (b->barrier), b->note);
      else
        text = g_strdup (cp_barrier_label (b->barrier));
      labelled (s, _("Got in the way:"), text);
    }
  for (guint i = 0; i < review->ratings->len; i++)
    {
      const CpRatingInfo *r = g_ptr_array_index (review->ratings, i);
      const CpGoalInfo *goal = cp_plan_find_goal (plan, r->goal_id);
      const char *words = _cp_plan_rating_words (r);
      guint n = 0;

      if (goal == NULL)
        continue;
      for (guint k = 0; k < plan->goals->len; k++)
        if (g_ptr_array_index (plan->goals, k) == goal)
          n = k + 1;
      g_string_append_printf (s->out, _("Goal %u: %s"), n, words != NULL ? words : _("not rated"));
      if (r->note != NULL && *r->note != '\0')
        g_string_append_printf (s->out, " (%s)", r->note);
      g_string_append_c (s->out, '\n');
    }
  labelled (s, _("Next steps:"), review->next_steps);
  g_string_append_c (s->out, '\n');
}

char *
cp_export_summary_text (CpStore     *store,
                        gint64       person_id,
                        const char  *practitioner_role,
                        const char  *today,
                        GError     **error)
{
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *next = NULL;
  g_autofree char *role = NULL;
  CpPerson *person;
  Summary s = { 0 };

  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((person = cp_store_find_person (store, person_id)) == NULL)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer in the workspace."));
      return NULL;
    }
  if (!(plan = cp_store_read_plan (store, person_id, error)))
    return NULL;

  role = g_strstrip (g_strdup (practitioner_role != NULL ? practitioner_role : ""));
  s.out = out;
  s.first_name = _cp_plan_first_name (person);
  s.role = *role != '\0' ? role : _("Practitioner");

  day = today != NULL ? g_strdup (today) : cp_date_today ();
  date = date_words (day);
  /* Translators: the summary's first line: the date, the practitioner's role */
  g_string_append_printf (out, _("%s · %s · from Connecting People Kit"), date, s.role);
  g_string_append_printf (out, "\n%s %s\n\n", _("About:"), s.first_name);

  if (!write_map (&s, store, person_id, error))
    {
      g_free (s.first_name);
      return NULL;
    }
  write_goals (&s, plan);
  write_review (&s, plan);
  next = _cp_plan_date (cp_person_get_next_review (person));
  g_string_append_printf (out, "%s %s\n", _("Next review:"), next != NULL ? next : _("not set"));
  g_free (s.first_name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
