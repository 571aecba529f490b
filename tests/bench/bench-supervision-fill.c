/* bench-supervision-fill.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-supervision"

#include <stdlib.h>

#include "bench-supervision-fill.h"
#include "store/cp-store-private.h"

#define N_PEOPLE  BENCH_SUPERVISION_PEOPLE
#define N_GOALS   20
#define N_STEPS   3
#define N_MEMBERS 15
#define T         "'2026-01-01T00:00:00Z'"

void
bench_supervision_fill (CpStore *store)
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

  if (!_cp_db_exec (_cp_store_get_db (store), sql->str, &error)
      || !_cp_store_reload (store, &error))
    {
      g_printerr ("bench: filling the caseload: %s\n", error->message);
      exit (1);
    }
}
