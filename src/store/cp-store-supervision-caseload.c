/* cp-store-supervision-caseload.c: the caseload as a supervisor reads it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include "store/cp-store-enums.h"
#include "cp-store-records-private.h"
#include "cp-store-supervision.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* One statement per question, each over the whole caseload (grouped by person), never
 * one per person: 60 people with 20 goals each read in a few milliseconds. Each
 * statement's first column is the person's id; the rows go to the person's row through
 * a hash table. */

/* The people, with what is one value each. */
static const char people_sql[] =
  "SELECT p.id, p.name, p.case_ref, p.status, p.pause_reason, p.paused_on, p.guide_on, "
  "p.next_review, "
  "(SELECT max (d.made_at) FROM disclosure d "
  " WHERE d.person_id = p.id AND d.what = 'person_copy'), "
  "(SELECT max (s.taken_on) FROM snapshot s WHERE s.person_id = p.id), "
  "(SELECT max (r.held_on) FROM review r WHERE r.person_id = p.id), "
  "(SELECT max (ss.held_on) FROM supervision_person sp "
  " JOIN supervision_session ss ON ss.uuid = sp.session_uuid WHERE sp.person_id = p.id) "
  "FROM person p WHERE p.status IN ('active', 'paused') ORDER BY p.id";

/* Steps of active goals due before today (?1) and not done, by owner. */
static const char overdue_sql[] =
  "SELECT g.person_id, st.owner, count (*) FROM step st JOIN goal g ON g.id = st.goal_id "
  "WHERE g.status = 'active' AND st.done_on IS NULL AND st.due_on < ?1 "
  "GROUP BY g.person_id, st.owner";

/* Active goals: how many, how many with steps, how many linked to a member outside
 * "services & paid support" (a helper or a step's owner, as the newest map that holds
 * them has them; not one who died), and whether one such member is a place or an
 * activity (a community opportunity). */
static const char goals_sql[] =
  "WITH ranked AS MATERIALIZED ("
  "  SELECT s.person_id, m.lineage, m.kind, m.sector, m.died, "
  "         row_number () OVER (PARTITION BY s.person_id, m.lineage "
  "                             ORDER BY " CP_STORE_MAPS_NEWEST_FIRST ("s.") ") AS n "
  "  FROM member m JOIN snapshot s ON s.id = m.snapshot_id), "
  "outside AS MATERIALIZED ("
  "  SELECT person_id, lineage, kind != 'person' AS place FROM ranked "
  "  WHERE n = 1 AND sector != 'services' AND died = 0), "
  "links AS MATERIALIZED ("
  "  SELECT gm.goal_id, gm.lineage FROM goal_member gm "
  "  UNION SELECT st.goal_id, st.owner_lineage FROM step st "
  "  WHERE st.owner_lineage IS NOT NULL), "
  "goal_links AS ("
  "  SELECT g.id AS goal_id, max (o.place) AS place FROM goal g "
  "  JOIN links l ON l.goal_id = g.id "
  "  JOIN outside o ON o.person_id = g.person_id AND o.lineage = l.lineage "
  "  WHERE g.status = 'active' GROUP BY g.id) "
  "SELECT g.person_id, count (*), "
  "  sum (EXISTS (SELECT 1 FROM step st WHERE st.goal_id = g.id)), "
  "  count (gl.goal_id), coalesce (max (gl.place), 0) "
  "FROM goal g LEFT JOIN goal_links gl ON gl.goal_id = g.id "
  "WHERE g.status = 'active' GROUP BY g.person_id";

/* The barriers picked at each person's last review. */
static const char barriers_sql[] =
  "SELECT r.person_id, rb.barrier FROM review r "
  "JOIN review_barrier rb ON rb.review_id = r.id "
  "WHERE r.id = (SELECT r2.id FROM review r2 WHERE r2.person_id = r.person_id "
  "              ORDER BY r2.held_on DESC, r2.id DESC LIMIT 1)";

/* Supervision actions not done. */
static const char actions_sql[] =
  "SELECT person_id, count (*) FROM supervision_action WHERE done_on IS NULL "
  "GROUP BY person_id";

static int
days_between (const char *from,
              const char *to)
{
  g_autoptr(GDateTime) a = cp_date_parse (from);
  g_autoptr(GDateTime) b = cp_date_parse (to);

  if (a == NULL || b == NULL)
    return -1;

  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static CpSupervisionOwner
owner_of (const char *owner)
{
  if (g_strcmp0 (owner, "practitioner") == 0 || g_strcmp0 (owner, "together") == 0)
    return CP_SUPERVISION_OWNER_PRACTITIONER;
  if (g_strcmp0 (owner, "person") == 0)
    return CP_SUPERVISION_OWNER_PERSON;

  return CP_SUPERVISION_OWNER_OTHERS;
}

static gboolean
read_people (sqlite3     *db,
             const char  *today,
             const char  *stale_before,
             GPtrArray   *out,
             GHashTable  *by_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, people_sql, error)))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSupervisionRow *row = g_new0 (CpSupervisionRow, 1);
      g_autofree char *copy_at = NULL;

      row->person_id = sqlite3_column_int64 (stmt, 0);
      row->name = _cp_store_column_dup_or_empty (stmt, 1);
      row->case_ref = _cp_store_column_dup (stmt, 2);
      row->status = _cp_store_column_enum (stmt, 3, CP_TYPE_PERSON_STATUS,
                                           CP_PERSON_STATUS_ACTIVE);
      row->pause_reason = _cp_store_column_enum (stmt, 4, CP_TYPE_PAUSE_REASON,
                                                 CP_PAUSE_REASON_NONE);
      row->paused_on = _cp_store_column_dup (stmt, 5);
      row->guide_on = _cp_store_column_dup (stmt, 6);
      row->next_review = _cp_store_column_dup (stmt, 7);
      copy_at = _cp_store_column_dup (stmt, 8);
      row->map_on = _cp_store_column_dup (stmt, 9);
      row->last_review_on = _cp_store_column_dup (stmt, 10);
      row->last_discussed_on = _cp_store_column_dup (stmt, 11);

      /* The log keeps a UTC timestamp; the day is enough here. */
      if (copy_at != NULL)
        row->copy_given_on = g_strndup (copy_at, 10);
      row->days_paused = row->status == CP_PERSON_STATUS_PAUSED && row->paused_on != NULL
                         ? MAX (days_between (row->paused_on, today), 0) : -1;
      row->map_stale = row->map_on == NULL || strcmp (row->map_on, stale_before) < 0;
      row->review_overdue = row->status == CP_PERSON_STATUS_ACTIVE &&
                            row->next_review != NULL && strcmp (row->next_review, today) < 0;

      g_ptr_array_add (out, row);
      g_hash_table_insert (by_id, &row->person_id, row);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

typedef enum
{
  PART_OVERDUE,
  PART_GOALS,
  PART_BARRIERS,
  PART_ACTIONS,
  N_PARTS
} Part;

static void
add_part (CpSupervisionRow *row,
          Part              part,
          sqlite3_stmt     *stmt)
{
  switch (part)
    {
    case PART_OVERDUE:
      row->steps_overdue[owner_of ((const char *) sqlite3_column_text (stmt, 1))] +=
        (guint) sqlite3_column_int (stmt, 2);
      break;

    case PART_GOALS:
      row->n_goals = (guint) sqlite3_column_int (stmt, 1);
      row->n_goals_with_steps = (guint) sqlite3_column_int (stmt, 2);
      row->n_goals_outside = (guint) sqlite3_column_int (stmt, 3);
      row->community = sqlite3_column_int (stmt, 4) != 0;
      break;

    case PART_BARRIERS:
      {
        int barrier = _cp_store_column_enum (stmt, 1, CP_TYPE_BARRIER, -1);

        if (barrier >= 0 && barrier < 32)
          row->barriers |= 1u << barrier;
      }
      break;

    case PART_ACTIONS:
      row->open_actions = (guint) sqlite3_column_int (stmt, 1);
      break;

    case N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

GPtrArray *
cp_store_read_caseload (CpStore  *self,
                        guint     stale_weeks,
                        GError  **error)
{
  static const char * const parts[N_PARTS] = {
    [PART_OVERDUE] = overdue_sql,
    [PART_GOALS] = goals_sql,
    [PART_BARRIERS] = barriers_sql,
    [PART_ACTIONS] = actions_sql,
  };
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *today = cp_date_today ();
  g_autofree char *stale_before = NULL;
  const CpDbValue values[] = { CP_DB_TEXT (today) };
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stale_before = cp_date_from_today (-7 * (int) MIN (stale_weeks, 52 * 100));
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_supervision_row_free);

  if (!_cp_store_begin_read (self, error))
    return NULL;
  db = _cp_store_get_db (self);

  ok = read_people (db, today, stale_before, out, by_id, error);
  for (guint p = 0; ok && p < N_PARTS; p++)
    {
      sqlite3_stmt *stmt = _cp_store_prepare_cached (self, parts[p], error);
      int rc;

      if (stmt == NULL || !_cp_db_bind_values (stmt, values, 1, error))
        {
          if (stmt != NULL)
            _cp_store_done_with (stmt);
          ok = FALSE;
          break;
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          CpSupervisionRow *row = g_hash_table_lookup (by_id, &id);

          if (row != NULL)
            add_part (row, p, stmt);
        }
      if (rc != SQLITE_DONE)
        {
          _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
          ok = FALSE;
        }
      _cp_store_done_with (stmt);
    }

  if (!_cp_store_end_read (self, ok, error))
    return NULL;

  return g_steal_pointer (&out);
}
