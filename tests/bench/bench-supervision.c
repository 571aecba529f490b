/* bench-supervision.c: how long the Supervision table's caseload takes to read
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 60 people with 20 goals each (3 steps a goal, one helper), a map of 15 members and 3
 * reviews with barrier picks, in one workspace. The caseload the Supervision table shows
 * (cp_store_read_caseload: every column for every person), median of 7 runs, against two
 * figures: the budget (50 ms for the table, store and widgets together) and the way the
 * table must not be read, each person's plan one at a time (cp_store_read_plan × 60).
 * Prints; asserts no time.
 *
 * Usage: bench-supervision
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-supervision"

#include <stdlib.h>

#include "store/cp-store-private.h"
#include "store/cp-store-reviews.h"
#include "store/cp-store-supervision.h"
#include "../cp-test-util.h"

#define N_PEOPLE  60
#define N_GOALS   20
#define N_STEPS   3
#define N_MEMBERS 15
#define N_RUNS    7
#define T         "'2026-01-01T00:00:00Z'"

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-supervision: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
fill (CpStore *store)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(GError) error = NULL;

  for (int p = 1; p <= N_PEOPLE; p++)
    {
      g_string_append_printf (sql, "INSERT INTO person (id, name, case_ref, next_review, "
                              "created_at, updated_at) VALUES (%d, 'Person %d', 'CR-%d', "
                              "'2026-%02d-15', " T ", " T ");"
                              "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, "
                              "updated_at) VALUES (%d, %d, 'Baseline', '2025-11-%02d', " T ", "
                              T ");",
                              p, p, p, 1 + p % 12, p, p, 1 + p % 28);
      for (int m = 1; m <= N_MEMBERS; m++)
        g_string_append_printf (sql, "INSERT INTO member (snapshot_id, lineage, kind, name, "
                                "sector, ring, added_on, created_at, updated_at) VALUES "
                                "(%d, %d, '%s', 'Member %d', '%s', %d, '2025-11-01', " T ", "
                                T ");",
                                p, m, m % 4 ? "person" : "place", m,
                                m % 3 ? "friends" : "services", 1 + m % 3);
      for (int g = 0; g < N_GOALS; g++)
        {
          int goal = p * 100 + g;

          g_string_append_printf (sql, "INSERT INTO goal (id, person_id, text, position, "
                                  "created_at, updated_at) VALUES (%d, %d, 'Goal %d', %d, "
                                  T ", " T ");"
                                  "INSERT INTO goal_member (goal_id, lineage, created_at) "
                                  "VALUES (%d, %d, " T ");",
                                  goal, p, g, g, goal, 1 + g % N_MEMBERS);
          for (int s = 0; s < N_STEPS; s++)
            g_string_append_printf (sql, "INSERT INTO step (goal_id, text, owner, due_on, "
                                    "position, created_at, updated_at) VALUES (%d, 'Step', "
                                    "'%s', '2026-0%d-10', %d, " T ", " T ");",
                                    goal, s % 2 ? "practitioner" : "person", 1 + s, s);
        }
      for (int r = 0; r < 3; r++)
        g_string_append_printf (sql, "INSERT INTO review (id, person_id, held_on, created_at, "
                                "updated_at) VALUES (%d, %d, '2025-%02d-20', " T ", " T ");"
                                "INSERT INTO review_barrier (review_id, barrier, created_at) "
                                "VALUES (%d, 'money', " T "), (%d, 'transport', " T ");",
                                p * 10 + r, p, 9 + r, p * 10 + r, p * 10 + r);
    }
  g_string_append (sql, "COMMIT;");

  if (!_cp_db_exec (_cp_store_get_db (store), sql->str, &error))
    die ("fill", error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_ms (CpStore  *store,
           gboolean  per_person)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double elapsed;

      if (per_person)
        {
          for (int p = 1; p <= N_PEOPLE; p++)
            {
              g_autoptr(CpPlan) plan = cp_store_read_plan (store, p, &error);

              if (plan == NULL)
                die ("plan", error);
            }
        }
      else
        {
          g_autoptr(GPtrArray) rows = cp_store_read_caseload (store, 8, &error);

          if (rows == NULL || rows->len != N_PEOPLE)
            die ("caseload", error);
        }
      elapsed = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  g_array_sort (ms, compare_doubles);

  return g_array_index (ms, double, N_RUNS / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bench.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    die ("open", error);
  fill (store);
  if (!_cp_store_reload (store, &error))
    die ("reload", error);

  g_print ("Supervision caseload: %d people x %d goals (%d steps each), maps of %d, "
           "median of %d\n", N_PEOPLE, N_GOALS, N_STEPS, N_MEMBERS, N_RUNS);
  g_print ("  the table's caseload (cp_store_read_caseload)   %7.1f ms   (budget 50 ms)\n",
           median_ms (store, FALSE));
  g_print ("  not this way: each person's plan, one at a time  %7.1f ms\n",
           median_ms (store, TRUE));

  g_clear_object (&store);
  cp_test_rm_rf (dir);

  return 0;
}
