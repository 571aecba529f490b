/* cp-store-subject.c: everything the workspace holds about one person, as data
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "cp-store-subject.h"
#include "util/cp-enum.h"

/* Every row linked to the person, by their id or through their maps, goals and reviews.
 * Nothing of any other person on the caseload is read. Every sqlite3_step is checked:
 * a read that fails fails the whole record, so a report is never silently short. */

/* ---- Freeing -------------------------------------------------------------------------- */

static void
member_free (CpSubjectMember *member)
{
  g_free (member->name);
  g_free (member->added_on);
  g_free (member->notes);
  g_free (member);
}

static void
tie_free (CpSubjectTie *tie)
{
  g_free (tie->a_name);
  g_free (tie->b_name);
  g_free (tie);
}

static void
map_free (CpSubjectMap *map)
{
  g_free (map->label);
  g_free (map->taken_on);
  g_free (map->notes);
  g_free (map->created_at);
  g_free (map->updated_at);
  g_ptr_array_unref (map->members);
  g_ptr_array_unref (map->ties);
  g_free (map);
}

void
cp_subject_access_free (CpSubjectAccess *access)
{
  if (access == NULL)
    return;

  g_free (access->name);
  g_free (access->case_ref);
  g_free (access->closed_on);
  g_free (access->next_review);
  g_free (access->check_in_on);
  g_free (access->agreed_on);
  g_free (access->keep_agreed_on);
  g_free (access->plan_agreed_on);
  g_free (access->guide_on);
  g_free (access->sharing);
  g_free (access->interpreter_language);
  g_free (access->communication_other);
  g_free (access->notes);
  g_free (access->created_at);
  g_free (access->updated_at);
  g_clear_pointer (&access->maps, g_ptr_array_unref);
  g_clear_pointer (&access->goals, g_ptr_array_unref);
  g_clear_pointer (&access->reviews, g_ptr_array_unref);
  g_clear_pointer (&access->disclosures, g_ptr_array_unref);
  g_clear_pointer (&access->supervision, g_ptr_array_unref);
  g_free (access);
}

/* ---- Reading -------------------------------------------------------------------------- */

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *members;
  sqlite3_stmt *ties;
} Reader;

typedef gboolean (*RowFunc) (Reader        *r,
                             sqlite3_stmt  *stmt,
                             gpointer       target,
                             GError       **error);

/* Binds @id to ?1 and hands every row to @func. */
static gboolean
each_row (Reader        *r,
          sqlite3_stmt  *stmt,
          gint64         id,
          RowFunc        func,
          gpointer       target,
          GError       **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (r, stmt, target, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, r->db, sqlite3_extended_errcode (r->db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_member (Reader        *r,
             sqlite3_stmt  *stmt,
             gpointer       target,
             GError       **error)
{
  CpSubjectMap *map = target;
  CpSubjectMember *member = g_new0 (CpSubjectMember, 1);

  member->lineage = sqlite3_column_int64 (stmt, 0);
  member->name = _cp_store_column_dup_or_empty (stmt, 1);
  member->kind = _cp_store_column_enum (stmt, 2, CP_TYPE_NETMAP_KIND, CP_NETMAP_KIND_PERSON);
  member->sector = _cp_store_column_enum (stmt, 3, CP_TYPE_NETMAP_SECTOR, CP_NETMAP_SECTOR_FAMILY);
  member->ring = CLAMP (sqlite3_column_int (stmt, 4), CP_NETMAP_RING_CLOSEST,
                        CP_NETMAP_RING_OUTER);
  member->helps_me = sqlite3_column_int (stmt, 5) != 0;
  member->hard_going = sqlite3_column_int (stmt, 6) != 0;
  member->want_more = sqlite3_column_int (stmt, 7) != 0;
  member->frequency = _cp_store_column_int_or (stmt, 8, CP_SUBJECT_NOT_RECORDED);
  member->years_known = _cp_store_column_int_or (stmt, 9, CP_SUBJECT_NOT_RECORDED);
  member->support_types = (CpNetmapSupport) (sqlite3_column_int (stmt, 10) & 0xf);
  member->direction = _cp_store_column_enum (stmt, 11, CP_TYPE_NETMAP_DIRECTION,
                               CP_NETMAP_DIRECTION_NOT_RECORDED);
  member->paid = _cp_store_column_int_or (stmt, 12, CP_SUBJECT_NOT_RECORDED);
  member->met_through_us = sqlite3_column_int (stmt, 13) != 0;
  member->caution = sqlite3_column_int (stmt, 14) != 0;
  member->added_on = _cp_store_column_dup_or_empty (stmt, 15);
  member->notes = _cp_store_column_dup_or_empty (stmt, 16);
  member->mostly_online = sqlite3_column_int (stmt, 17) != 0;
  member->died = sqlite3_column_int (stmt, 18) != 0;
  g_ptr_array_add (map->members, member);

  return TRUE;
}

static gboolean
read_tie (Reader        *r,
          sqlite3_stmt  *stmt,
          gpointer       target,
          GError       **error)
{
  CpSubjectMap *map = target;
  CpSubjectTie *tie = g_new0 (CpSubjectTie, 1);

  tie->a_name = _cp_store_column_dup_or_empty (stmt, 0);
  tie->a_kind = _cp_store_column_enum (stmt, 1, CP_TYPE_NETMAP_KIND, CP_NETMAP_KIND_PERSON);
  tie->b_name = _cp_store_column_dup_or_empty (stmt, 2);
  tie->b_kind = _cp_store_column_enum (stmt, 3, CP_TYPE_NETMAP_KIND, CP_NETMAP_KIND_PERSON);
  tie->strength = _cp_store_column_enum (stmt, 4, CP_TYPE_NETMAP_TIE_STRENGTH, CP_NETMAP_TIE_STRONG);
  g_ptr_array_add (map->ties, tie);

  return TRUE;
}

static gboolean
read_map (Reader        *r,
          sqlite3_stmt  *stmt,
          gpointer       target,
          GError       **error)
{
  CpSubjectAccess *access = target;
  CpSubjectMap *map = g_new0 (CpSubjectMap, 1);
  gint64 snapshot_id = sqlite3_column_int64 (stmt, 0);

  map->label = _cp_store_column_dup_or_empty (stmt, 1);
  map->taken_on = _cp_store_column_dup_or_empty (stmt, 2);
  map->notes = _cp_store_column_dup_or_empty (stmt, 3);
  map->created_at = _cp_store_column_dup_or_empty (stmt, 4);
  map->updated_at = _cp_store_column_dup_or_empty (stmt, 5);
  map->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  map->ties = g_ptr_array_new_with_free_func ((GDestroyNotify) tie_free);
  g_ptr_array_add (access->maps, map);

  return each_row (r, r->members, snapshot_id, read_member, map, error) &&
         each_row (r, r->ties, snapshot_id, read_tie, map, error);
}

static gboolean
read_person (Reader           *r,
             sqlite3_stmt     *stmt,
             gpointer          target,
             GError          **error)
{
  CpSubjectAccess *access = target;

  access->name = _cp_store_column_dup_or_empty (stmt, 0);
  access->case_ref = _cp_store_column_dup (stmt, 1);
  access->status = _cp_store_column_enum (stmt, 2, CP_TYPE_PERSON_STATUS, CP_PERSON_STATUS_ACTIVE);
  access->pause_reason = _cp_store_column_enum (stmt, 3, CP_TYPE_PAUSE_REASON, CP_PAUSE_REASON_NONE);
  access->closed_on = _cp_store_column_dup (stmt, 4);
  access->focus = _cp_store_column_enum (stmt, 5, CP_TYPE_FOCUS, CP_FOCUS_NONE);
  access->next_review = _cp_store_column_dup (stmt, 6);
  access->agreed_on = _cp_store_column_dup (stmt, 7);
  access->keep_agreed_on = _cp_store_column_dup (stmt, 8);
  access->sharing = _cp_store_column_dup_or_empty (stmt, 9);
  access->needs = (sqlite3_column_int (stmt, 10) ? CP_COMMUNICATION_LARGE_PRINT : 0) |
                  (sqlite3_column_int (stmt, 11) ? CP_COMMUNICATION_EASY_READ : 0) |
                  (sqlite3_column_int (stmt, 12) ? CP_COMMUNICATION_INTERPRETER : 0);
  access->interpreter_language = _cp_store_column_dup (stmt, 13);
  access->communication_other = _cp_store_column_dup_or_empty (stmt, 14);
  access->notes = _cp_store_column_dup_or_empty (stmt, 15);
  access->created_at = _cp_store_column_dup_or_empty (stmt, 16);
  access->updated_at = _cp_store_column_dup_or_empty (stmt, 17);
  access->check_in_on = _cp_store_column_dup (stmt, 18);
  access->plan_agreed_on = _cp_store_column_dup (stmt, 19);
  access->guide_on = _cp_store_column_dup (stmt, 20);

  return TRUE;
}

static gboolean
read_all (Reader           *r,
          CpSubjectAccess  *access,
          GError          **error)
{
  g_autoptr(sqlite3_stmt) person = NULL;
  g_autoptr(sqlite3_stmt) maps = NULL;
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) ties = NULL;

  if (!(person = _cp_db_prepare (r->db,
                                 "SELECT name, case_ref, status, pause_reason, closed_on, "
                                 "focus, next_review, agreed_on, keep_agreed_on, sharing, "
                                 "large_print, easy_read, interpreter, interpreter_language, "
                                 "communication, notes, created_at, updated_at, check_in_on, "
                                 "plan_agreed_on, guide_on FROM person WHERE id = ?1",
                                 error)) ||
      !(maps = _cp_db_prepare (r->db,
                               "SELECT id, label, taken_on, notes, created_at, updated_at "
                               "FROM snapshot WHERE person_id = ?1 ORDER BY taken_on, id",
                               error)) ||
      !(members = _cp_db_prepare (r->db,
                                  "SELECT lineage, name, kind, sector, ring, helps_me, "
                                  "hard_going, want_more, frequency, years_known, "
                                  "support_types, direction, paid, met_through_us, caution, "
                                  "added_on, notes, mostly_online, died FROM member "
                                  "WHERE snapshot_id = ?1 "
                                  "ORDER BY id", error)) ||
      !(ties = _cp_db_prepare (r->db,
                               "SELECT a.name, a.kind, b.name, b.kind, t.strength FROM tie t "
                               "JOIN member a ON a.id = t.a_id JOIN member b ON b.id = t.b_id "
                               "WHERE t.snapshot_id = ?1 ORDER BY t.id", error)))
    return FALSE;

  r->members = members;
  r->ties = ties;

  if (!each_row (r, person, access->id, read_person, access, error))
    return FALSE;

  if (access->name == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_PERSON_GONE));
      return FALSE;
    }

  return each_row (r, maps, access->id, read_map, access, error) &&
         _cp_store_read_goals (r->db, access->id, access->goals, error) &&
         _cp_store_read_reviews (r->db, access->id, access->reviews, error) &&
         _cp_store_read_disclosures (r->db, access->id, access->disclosures, error) &&
         _cp_store_read_person_sessions (r->db, access->id, access->supervision, error);
}

CpSubjectAccess *
cp_store_read_subject_access (CpStore     *self,
                              gint64       id,
                              GError     **error)
{
  g_autoptr(CpSubjectAccess) access = NULL;
  Reader r = { NULL, };
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (self->capture == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error))
    return NULL;

  access = g_new0 (CpSubjectAccess, 1);
  access->id = id;
  access->maps = g_ptr_array_new_with_free_func ((GDestroyNotify) map_free);
  access->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_info_free);
  access->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_review_info_free);
  access->disclosures = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_disclosure_free);
  access->supervision = g_ptr_array_new_with_free_func (
    (GDestroyNotify) cp_supervision_session_free);
  r.db = self->db;

  /* One read transaction: every part sees the same state. */
  if (!_cp_store_begin_read (self, error))
    return NULL;

  ok = read_all (&r, access, error);

  if (!_cp_store_end_read (self, ok, error))
    return NULL;

  return g_steal_pointer (&access);
}
