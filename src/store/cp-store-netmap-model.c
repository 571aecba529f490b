/* cp-store-netmap-model.c: a map as a CpNetmapModel, and a model into a map
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <math.h>

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

#define MEMBER_COLUMNS \
  "id, lineage, kind, name, sector, ring, angle, depth, helps_me, hard_going, want_more, " \
  "met_through_us, mostly_online, died, caution, frequency, years_known, support_types, " \
  "direction, paid, added_on"

/* ---- Checking a member ---------------------------------------------------------------- */

static gboolean
is_share (double value)
{
  return !isnan (value) && value >= 0.0 && value <= 1.0;
}

gboolean
_cp_store_check_member (const CpNetmapMember  *m,
                        GError               **error)
{
  g_autofree char *name = g_strstrip (g_strdup (m->name ? m->name : ""));

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    return _cp_store_constraint (error, _("Someone or something on the map needs a name or a role."));
  if ((guint) m->kind >= CP_NETMAP_N_KINDS)
    return _cp_store_constraint (error, _("A member of the map is a person, a place or an activity."));
  if ((guint) m->sector >= CP_NETMAP_N_SECTORS)
    return _cp_store_constraint (error, _("That is not one of the map’s six sectors."));
  if (m->ring < 1 || m->ring > CP_NETMAP_N_RINGS)
    return _cp_store_constraint (error, _("A map has three rings and an outer zone."));
  if (!is_share (m->angle) || !is_share (m->depth))
    return _cp_store_constraint (error, _("That place is not on the map."));
  if (m->frequency < CP_NETMAP_NOT_RECORDED || m->frequency > 4 ||
      m->years_known < CP_NETMAP_NOT_RECORDED || m->years_known > 2 ||
      (guint) m->support > 15 ||
      (guint) m->direction > CP_NETMAP_DIRECTION_FROM_THEM ||
      m->paid < CP_NETMAP_NOT_RECORDED || m->paid > 1)
    return _cp_store_constraint (error, _("Those support details cannot be recorded."));

  return TRUE;
}

/* ---- Reading a map -------------------------------------------------------------------- */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static int
int_or_not_recorded (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CP_NETMAP_NOT_RECORDED;

  return sqlite3_column_int (stmt, column);
}

static void
read_member (CpNetmapModel *model,
             sqlite3_stmt  *stmt)
{
  CpNetmapMember *m;

  m = cp_netmap_model_add (model, sqlite3_column_int64 (stmt, 1),
                           cp_enum_from_nick (CP_TYPE_NETMAP_KIND, column_text (stmt, 2),
                                              CP_NETMAP_KIND_PERSON),
                           column_text (stmt, 3) ? column_text (stmt, 3) : "",
                           cp_enum_from_nick (CP_TYPE_NETMAP_SECTOR, column_text (stmt, 4),
                                              CP_NETMAP_SECTOR_FAMILY),
                           CLAMP (sqlite3_column_int (stmt, 5), 1, CP_NETMAP_N_RINGS));
  if (m == NULL)
    return;

  m->id = sqlite3_column_int64 (stmt, 0);
  m->angle = sqlite3_column_double (stmt, 6);
  m->depth = sqlite3_column_double (stmt, 7);
  m->helps_me = sqlite3_column_int (stmt, 8) != 0;
  m->hard_going = sqlite3_column_int (stmt, 9) != 0;
  m->want_more = sqlite3_column_int (stmt, 10) != 0;
  m->met_through_us = sqlite3_column_int (stmt, 11) != 0;
  m->mostly_online = sqlite3_column_int (stmt, 12) != 0;
  m->died = sqlite3_column_int (stmt, 13) != 0;
  m->caution = sqlite3_column_int (stmt, 14) != 0;
  m->frequency = int_or_not_recorded (stmt, 15);
  m->years_known = int_or_not_recorded (stmt, 16);
  m->support = (CpNetmapSupport) (sqlite3_column_int (stmt, 17) & 0xf);
  m->direction = cp_enum_from_nick (CP_TYPE_NETMAP_DIRECTION, column_text (stmt, 18),
                                    CP_NETMAP_DIRECTION_NOT_RECORDED);
  m->paid = int_or_not_recorded (stmt, 19);
  m->added_on = g_strdup (column_text (stmt, 20));
}

CpNetmapModel *
_cp_store_read_model (sqlite3  *db,
                      gint64    snapshot_id,
                      GError  **error)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) ties = NULL;
  const CpDbValue values[] = { CP_DB_INT (snapshot_id) };
  gboolean found = FALSE;
  gint64 unused = 0;
  int rc;

  if (!_cp_store_query_int64 (db, "SELECT id FROM snapshot WHERE id = ?1", values, 1,
                              &unused, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_MAP_GONE));
      return NULL;
    }

  if (!(members = _cp_db_prepare (db, "SELECT " MEMBER_COLUMNS " FROM member "
                                      "WHERE snapshot_id = ?1 ORDER BY id", error)) ||
      !(ties = _cp_db_prepare (db, "SELECT a.lineage, b.lineage, t.strength FROM tie t "
                                   "JOIN member a ON a.id = t.a_id "
                                   "JOIN member b ON b.id = t.b_id "
                                   "WHERE t.snapshot_id = ?1 ORDER BY t.id", error)))
    return NULL;

  sqlite3_bind_int64 (members, 1, snapshot_id);
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    read_member (model, members);
  if (rc != SQLITE_DONE)
    goto fail;

  sqlite3_bind_int64 (ties, 1, snapshot_id);
  while ((rc = sqlite3_step (ties)) == SQLITE_ROW)
    cp_netmap_model_set_tie (model, sqlite3_column_int64 (ties, 0),
                             sqlite3_column_int64 (ties, 1),
                             cp_enum_from_nick (CP_TYPE_NETMAP_TIE_STRENGTH,
                                                column_text (ties, 2), CP_NETMAP_TIE_STRONG));
  if (rc != SQLITE_DONE)
    goto fail;

  return g_steal_pointer (&model);

fail:
  _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
  return NULL;
}

CpNetmapModel *
cp_store_load_snapshot (CpStore  *self,
                        gint64    snapshot_id,
                        GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error))
    return NULL;

  return _cp_store_read_model (self->db, snapshot_id, error);
}

/* ---- Writing a model into a map ------------------------------------------------------- */

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  int           value)
{
  if (value == CP_NETMAP_NOT_RECORDED)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

gboolean
_cp_store_insert_model (sqlite3        *db,
                        gint64          snapshot_id,
                        CpNetmapModel  *model,
                        gint64          first_lineage,
                        const char     *default_added_on,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) member_stmt = NULL;
  g_autoptr(sqlite3_stmt) tie_stmt = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *now = _cp_db_now ();
  guint n = cp_netmap_model_get_n_members (model);

  for (guint i = 0; i < n; i++)
    {
      if (!_cp_store_check_member (cp_netmap_model_get_member (model, i), error))
        return FALSE;
    }

  if (!(member_stmt = _cp_db_prepare (db,
                                      "INSERT INTO member (snapshot_id, lineage, kind, name, "
                                      "sector, ring, angle, depth, helps_me, hard_going, "
                                      "want_more, met_through_us, mostly_online, died, caution, "
                                      "frequency, years_known, support_types, direction, paid, "
                                      "added_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                                      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                                      "?17, ?18, ?19, ?20, ?21, ?22, ?22)",
                                      error)) ||
      !(tie_stmt = _cp_db_prepare (db,
                                   "INSERT INTO tie (snapshot_id, a_id, b_id, strength, "
                                   "created_at, updated_at) VALUES (?1, min (?2, ?3), "
                                   "max (?2, ?3), ?4, ?5, ?5)",
                                   error)))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);
      g_autofree char *name = g_strstrip (g_strdup (m->name));
      const char *added_on = cp_date_is_valid (m->added_on) ? m->added_on : default_added_on;
      gint64 *key = g_new (gint64, 1);
      gint64 *id = g_new (gint64, 1);

      sqlite3_reset (member_stmt);
      sqlite3_bind_int64 (member_stmt, 1, snapshot_id);
      sqlite3_bind_int64 (member_stmt, 2, first_lineage > 0 ? first_lineage + i : m->lineage);
      _cp_db_bind_text (member_stmt, 3, cp_enum_to_nick (CP_TYPE_NETMAP_KIND, m->kind));
      _cp_db_bind_text (member_stmt, 4, name);
      _cp_db_bind_text (member_stmt, 5, cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, m->sector));
      sqlite3_bind_int (member_stmt, 6, m->ring);
      sqlite3_bind_double (member_stmt, 7, m->angle);
      sqlite3_bind_double (member_stmt, 8, m->depth);
      sqlite3_bind_int (member_stmt, 9, m->helps_me != 0);
      sqlite3_bind_int (member_stmt, 10, m->hard_going != 0);
      sqlite3_bind_int (member_stmt, 11, m->want_more != 0);
      sqlite3_bind_int (member_stmt, 12, m->met_through_us != 0);
      sqlite3_bind_int (member_stmt, 13, m->mostly_online != 0);
      sqlite3_bind_int (member_stmt, 14, m->died != 0);
      sqlite3_bind_int (member_stmt, 15, m->caution != 0);
      bind_int_or_null (member_stmt, 16, m->frequency);
      bind_int_or_null (member_stmt, 17, m->years_known);
      sqlite3_bind_int (member_stmt, 18, (int) m->support);
      _cp_db_bind_text (member_stmt, 19, m->direction == CP_NETMAP_DIRECTION_NOT_RECORDED
                                         ? NULL
                                         : cp_enum_to_nick (CP_TYPE_NETMAP_DIRECTION,
                                                            m->direction));
      bind_int_or_null (member_stmt, 20, m->paid);
      _cp_db_bind_text (member_stmt, 21, added_on);
      _cp_db_bind_text (member_stmt, 22, now);

      if (!_cp_db_step_done (member_stmt, error))
        {
          g_free (key);
          g_free (id);
          return FALSE;
        }

      *key = m->lineage;
      *id = sqlite3_last_insert_rowid (db);
      g_hash_table_insert (ids, key, id);
    }

  for (guint i = 0; i < cp_netmap_model_get_n_ties (model); i++)
    {
      const CpNetmapTie *t = cp_netmap_model_get_tie (model, i);
      const gint64 *a = g_hash_table_lookup (ids, &t->a);
      const gint64 *b = g_hash_table_lookup (ids, &t->b);

      /* A model keeps its ties to its own members; anything else is no tie. */
      if (a == NULL || b == NULL || *a == *b)
        continue;

      sqlite3_reset (tie_stmt);
      sqlite3_bind_int64 (tie_stmt, 1, snapshot_id);
      sqlite3_bind_int64 (tie_stmt, 2, *a);
      sqlite3_bind_int64 (tie_stmt, 3, *b);
      _cp_db_bind_text (tie_stmt, 4, cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, t->strength));
      _cp_db_bind_text (tie_stmt, 5, now);
      if (!_cp_db_step_done (tie_stmt, error))
        return FALSE;
    }

  return TRUE;
}
