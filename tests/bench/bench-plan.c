/* bench-plan.c: how long each PDF of a person's plan takes to write
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person with 20 goals, 60 steps and 12 reviews (the size the overview is measured
 * at), and Jo from the practice workspace (a real-sized plan). For each: the person's
 * copy as usual, in easy read, in large print and discreet; the practitioner's plan with
 * its chart and rating history; the case-record summary text. Median of 5 runs, against
 * the floor of the subject access PDF of the same person (the same typesetter on a
 * record of similar length). Prints; asserts no time.
 *
 * Usage: bench-plan
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-plan"

#include <glib/gstdio.h>

#include "export/cp-export-plan.h"
#include "export/cp-export-subject-access.h"
#include "export/cp-export-summary.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"
#include "../cp-test-util.h"

#define N_RUNS    5
#define N_GOALS   20
#define N_STEPS   3    /* per goal */
#define N_REVIEWS 12

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-plan: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static gint64
big_person (CpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = cp_store_add_person (store, "Bench", &error);

  if (id == 0 || !cp_store_set_person_case_ref (store, id, "BENCH-1", &error) ||
      !cp_store_set_person_plan_agreed_on (store, id, "2025-01-01", 6, &error))
    die ("person", error);
  for (int g = 0; g < N_GOALS; g++)
    {
      g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
      gint64 goal_id;

      g_free (goal->text);
      goal->text = g_strdup_printf ("Goal %d: I want to meet people who like what I like, "
                                    "and keep seeing them", g + 1);
      goal->life_area = 1 + g % CP_LIFE_AREA_LAST;
      g_free (goal->if_hard);
      goal->if_hard = g_strdup ("I will ring my sister and try again the week after");
      g_free (goal->made_on);
      goal->made_on = g_strdup ("2025-01-01");
      if (!(goal_id = cp_store_add_goal (store, id, goal, &error)))
        die ("goal", error);
      g_array_append_val (goals, goal_id);
      for (int s = 0; s < N_STEPS; s++)
        {
          g_autoptr(CpStepInfo) step = cp_step_info_new ();
          gint64 step_id;

          g_free (step->text);
          step->text = g_strdup_printf ("Step %d of goal %d: find out when it meets", s + 1, g + 1);
          step->owner = s % 2 == 0 ? CP_STEP_OWNER_PERSON : CP_STEP_OWNER_TOGETHER;
          step->due_on = g_strdup_printf ("2025-%02d-10", 2 + s);
          if (!(step_id = cp_store_add_step (store, goal_id, step, &error)))
            die ("step", error);
          if (s == 0 && !cp_store_set_step_done (store, step_id, "2025-02-01", &error))
            die ("done", error);
        }
    }
  for (int r = 0; r < N_REVIEWS; r++)
    {
      g_autoptr(CpReviewInfo) review = cp_review_info_new ();
      g_autofree char *next = g_strdup_printf ("2026-%02d-01", 1 + r % 12);

      g_free (review->held_on);
      review->held_on = g_strdup_printf ("2025-%02d-15", 1 + r);
      g_free (review->own_view);
      review->own_view = g_strdup ("It has been a better month. I went twice.");
      for (guint g = 0; g < goals->len; g++)
        cp_review_info_add_rating (review, g_array_index (goals, gint64, g), CP_GOAL_NOT_SET,
                                   1 + (g + r) % 3, "");
      if (!cp_store_add_review (store, id, review, next, &error))
        die ("review", error);
    }
  return id;
}

typedef enum { PERSON, EASY, LARGE, DISCREET, PRACTITIONER, SUMMARY, SUBJECT } Job;

static const char * const job_names[] = {
  "person's copy", "  easy read", "  large print", "  discreet", "practitioner's plan",
  "summary text", "floor: subject access PDF",
};

static double
run (CpStore    *store,
     gint64      id,
     Job         job,
     const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  CpPlanExportOptions o;

  cp_plan_export_options_init (&o, job == PRACTITIONER ? CP_PLAN_COPY_PRACTITIONER
                                                       : CP_PLAN_COPY_PERSON,
                               cp_store_find_person (store, id));
  o.easy_read = job == EASY;
  o.large_print = job == LARGE;
  o.discreet = job == DISCREET;
  o.team_phone = "0161 496 0000";
  for (int i = 0; i < N_RUNS; i++)
    {
      double t0 = now_ms ();
      gboolean ok;

      g_unlink (path);
      if (job == SUMMARY)
        {
          g_autofree char *text = cp_export_summary_text (store, id, "Social worker", NULL, &error);

          ok = text != NULL;
        }
      else if (job == SUBJECT)
        ok = cp_export_subject_access_pdf (store, id, path, TRUE, &error);
      else
        ok = cp_export_plan_pdf (store, id, &o, path, &error);
      if (!ok)
        die (job_names[job], error);
      g_array_append_vals (ms, (double[]) { now_ms () - t0 }, 1);
    }
  g_array_sort (ms, cp_test_compare_doubles);
  return g_array_index (ms, double, ms->len / 2);
}

static void
bench_person (CpStore    *store,
              gint64      id,
              const char *label,
              const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);

  g_print ("%s\n", label);
  for (Job job = PERSON; job <= SUBJECT; job++)
    {
      double ms = run (store, id, job, path);
      GStatBuf st = { 0 };

      if (job != SUMMARY)
        g_stat (path, &st);
      g_print ("  %-28s %8.1f ms", job_names[job], ms);
      if (job != SUMMARY)
        g_print ("   %6.1f KB", st.st_size / 1024.0);
      g_print ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  GListModel *people;
  gint64 jo = 0;
  gint64 big;

  g_set_prgname ("bench-plan");
  cp_date_set_today_for_testing ("2026-03-01");
  if (!cp_store_create_practice (path, &error) ||
      !(store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error)))
    die ("workspace", error);
  people = cp_store_get_people (store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      if (g_strcmp0 (cp_person_get_name (p), "Jo") == 0)
        jo = cp_person_get_id (p);
    }
  big = big_person (store);

  g_print ("PDF exports of a plan (median of %d)\n", N_RUNS);
  bench_person (store, jo, "practice person Jo: 2 goals, 5 steps, 1 review", dir);
  bench_person (store, big, "20 goals, 60 steps, 12 reviews", dir);
  g_clear_object (&store);
  cp_test_rm_rf (dir);
  return 0;
}
