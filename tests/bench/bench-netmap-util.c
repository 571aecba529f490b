/* bench-netmap-util.c: what the network map benchmarks share: the big map, timing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "bench-netmap-util.h"
#include "../cp-test-util.h"
#include "netmap/cp-netmap-geometry.h"

static const char * const names[] = {
  "Sam", "Mum", "Dad", "Carol (daughter)", "the GP", "Corner shop", "Library coffee morning",
  "Yusuf (brother)", "Choir", "Allotment", "Bea (kitchen volunteer lead)", "Park run",
  "Day centre", "Kasia", "Mosque", "Neighbour at 12", "Football on Sundays", "Lena",
  "Community kitchen", "Pharmacy", "Grandchildren", "Mo", "Ade", "Art class",
};

double
bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

void
bench_report (const char *what,
              GArray     *ms,
              const char *goal)
{
  g_array_sort (ms, cp_test_compare_doubles);
  g_print ("%-44s median %8.2f ms   worst %8.2f ms   (goal %s)\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1),
           goal);
}

/* The member with the most ties */
gint64
bench_netmap_most_tied (CpNetmapModel *model)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  gint64 best = 0;
  guint most = 0;
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (model, i);
      const gint64 *ends[2] = { &t->a, &t->b };
      int e;

      for (e = 0; e < 2; e++)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ends[e])) + 1;

          g_hash_table_insert (counts, (gpointer) ends[e], GUINT_TO_POINTER (n));
          if (n > most)
            {
              most = n;
              best = *ends[e];
            }
        }
    }
  return best;
}

CpNetmapModel *
bench_netmap_big_map (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (300);
  CpNetmapModel *model = cp_netmap_model_new ();
  guint i;
  int s;

  for (i = 0; i < BENCH_NETMAP_MEMBERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i + 1);
      CpNetmapMember *m = cp_netmap_model_add (model, 0, g_rand_int_range (rand, 0, 3), name,
                                               g_rand_int_range (rand, 0, CP_NETMAP_N_SECTORS),
                                               g_rand_int_range (rand, 1, CP_NETMAP_N_RINGS + 1));

      m->angle = g_rand_double (rand);
      m->depth = g_rand_double (rand);
      m->helps_me = g_rand_int_range (rand, 0, 4) == 0;
      m->hard_going = g_rand_int_range (rand, 0, 10) == 0;
      m->want_more = g_rand_int_range (rand, 0, 6) == 0;
      m->died = g_rand_int_range (rand, 0, 50) == 0;
      if (g_rand_boolean (rand))
        {
          m->support = g_rand_int_range (rand, 0, 16);
          m->direction = g_rand_int_range (rand, 0, 4);
          m->paid = g_rand_int_range (rand, -1, 2);
        }
    }
  while (cp_netmap_model_get_n_ties (model) < BENCH_NETMAP_TIES)
    {
      gint64 a = g_rand_int_range (rand, 1, BENCH_NETMAP_MEMBERS + 1);
      gint64 b = g_rand_int_range (rand, 1, BENCH_NETMAP_MEMBERS + 1);

      if (a != b && cp_netmap_model_find_tie (model, a, b) == NULL)
        cp_netmap_model_set_tie (model, a, b, g_rand_int_range (rand, 0, 3));
    }
  for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
    cp_netmap_tidy_sector (model, s);
  return model;
}

