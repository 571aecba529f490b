/* bench-supervision.c: how long the Supervision table's caseload takes to read
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 60 people with 20 goals each (3 steps a goal, one helper), a map of 15 members and 3
 * reviews with barrier picks, in one workspace (bench-supervision-fill.c, shared with
 * bench-supervision-page, which times the section opening on screen). The caseload the Supervision table shows
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
#include "bench-supervision-fill.h"

#define N_RUNS    7

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-supervision: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
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
          for (int p = 1; p <= BENCH_SUPERVISION_PEOPLE; p++)
            {
              g_autoptr(CpPlan) plan = cp_store_read_plan (store, p, &error);

              if (plan == NULL)
                die ("plan", error);
            }
        }
      else
        {
          g_autoptr(GPtrArray) rows = cp_store_read_caseload (store, 8, &error);

          if (rows == NULL || rows->len != BENCH_SUPERVISION_PEOPLE)
            die ("caseload", error);
        }
      elapsed = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  g_array_sort (ms, cp_test_compare_doubles);

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
  bench_supervision_fill (store);

  g_print ("Supervision caseload: %s, median of %d\n", BENCH_SUPERVISION_WORKSPACE, N_RUNS);
  g_print ("  the table's caseload (cp_store_read_caseload)   %7.1f ms   (budget 50 ms)\n",
           median_ms (store, FALSE));
  g_print ("  not this way: each person's plan, one at a time  %7.1f ms\n",
           median_ms (store, TRUE));

  g_clear_object (&store);
  cp_test_rm_rf (dir);

  return 0;
}
