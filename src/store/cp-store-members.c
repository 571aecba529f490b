/* cp-store-members.c: the members of a network map and the ties between them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "netmap/cp-netmap-geometry.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* Each edit is one undo step through _cp_store_edit (); its input is checked first, with
 * the same rules as an import (_cp_store_check_member ()), so bad input never reaches
 * the workspace and the message says what was wrong. */

/* Checks a member's place and kind as if it were a new member there. */
static gboolean
check_place (CpNetmapKind     kind,
             const char      *name,
             CpNetmapSector   sector,
             int              ring,
             double           angle,
             double           depth,
             GError         **error)
{
  CpNetmapMember m = {
    .kind = kind, .name = (char *) name, .sector = sector, .ring = ring,
    .angle = angle, .depth = depth, .frequency = CP_NETMAP_NOT_RECORDED,
    .years_known = CP_NETMAP_NOT_RECORDED, .direction = CP_NETMAP_DIRECTION_NOT_RECORDED,
    .paid = CP_NETMAP_NOT_RECORDED,
  };

  return _cp_store_check_member (&m, error);
}

/* The map and lineage of a member, inside the edit's transaction. */
static gboolean
read_member_map (sqlite3  *db,
                 gint64    member_id,
                 gint64   *out_snapshot,
                 gint64   *out_lineage,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, "SELECT snapshot_id, lineage FROM member WHERE id = ?1",
                               error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_MEMBER_GONE));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  *out_snapshot = sqlite3_column_int64 (stmt, 0);
  if (out_lineage != NULL)
    *out_lineage = sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* ---- Adding and moving ---------------------------------------------------------------- */

typedef struct
{
  gint64          snapshot_id;
  gint64          member_id;    /* the member to move; out for a new one */
  CpNetmapKind    kind;
  const char     *name;
  CpNetmapSector  sector;
  int             ring;
  double          angle;
  double          depth;
  gboolean        helps_me;     /* the quick chips, for a new member */
  gboolean        hard_going;
  gboolean        want_more;
  gboolean        at_spot;      /* a new member at (angle, depth), not a free spot */
} Placing;

static gboolean
add_member (CpStore   *store,
            sqlite3   *db,
            gpointer   user_data,
            GError   **error)
{
  Placing *p = user_data;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *today = cp_date_today ();
  const CpDbValue map[] = { CP_DB_INT (p->snapshot_id) };
  gint64 person_id = 0;
  gint64 lineage = 0;

  if (!(model = _cp_store_read_model (db, p->snapshot_id, error)) ||
      !_cp_store_query_int64 (db, "SELECT person_id FROM snapshot WHERE id = ?1", map, 1,
                              &person_id, NULL, error) ||
      !_cp_store_read_max_lineage (db, person_id, &lineage, error))
    return FALSE;

  if (!p->at_spot)
    cp_netmap_free_spot (model, p->sector, p->ring, 0, &p->angle, &p->depth);

  {
    const CpDbValue values[] = {
      CP_DB_INT (p->snapshot_id), CP_DB_INT (lineage + 1),
      CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_NETMAP_KIND, p->kind)), CP_DB_TEXT (p->name),
      CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, p->sector)), CP_DB_INT (p->ring),
      CP_DB_REAL (p->angle), CP_DB_REAL (p->depth), CP_DB_TEXT (today), CP_DB_TEXT (now),
      CP_DB_INT (p->helps_me != FALSE), CP_DB_INT (p->hard_going != FALSE),
      CP_DB_INT (p->want_more != FALSE),
    };

    if (!_cp_db_run (db,
                     "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, angle, "
                     "depth, added_on, created_at, updated_at, helps_me, hard_going, want_more) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13)",
                     values, G_N_ELEMENTS (values), NULL, error))
      return FALSE;
  }

  p->member_id = sqlite3_last_insert_rowid (db);

  return TRUE;
}

gint64
cp_store_add_member (CpStore         *self,
                     gint64           snapshot_id,
                     CpNetmapKind     kind,
                     const char      *name,
                     CpNetmapSector   sector,
                     int              ring,
                     GError         **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  Placing p = { snapshot_id, 0, kind, clean, sector, ring, 0.5, 0.5 };

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_place (kind, clean, sector, ring, 0.5, 0.5, error) ||
      !_cp_store_edit (self, _("Add to map"), NULL, add_member, &p, error))
    return 0;

  return p.member_id;
}

gint64
cp_store_add_member_full (CpStore              *self,
                          gint64                snapshot_id,
                          const CpNetmapMember *member,
                          GError              **error)
{
  g_autofree char *clean = NULL;
  Placing p = { 0 };
  gboolean at_spot;

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (member != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  clean = g_strstrip (g_strdup (member->name ? member->name : ""));
  at_spot = member->angle >= 0;
  p = (Placing) {
    snapshot_id, 0, member->kind, clean, member->sector, member->ring,
    at_spot ? member->angle : 0.5, at_spot ? member->depth : 0.5,
    member->helps_me, member->hard_going, member->want_more, at_spot,
  };
  if (!check_place (p.kind, clean, p.sector, p.ring, p.angle, p.depth, error) ||
      !_cp_store_edit (self, _("Add to map"), NULL, add_member, &p, error))
    return 0;

  return p.member_id;
}

static gboolean
move_member (CpStore   *store,
             sqlite3   *db,
             gpointer   user_data,
             GError   **error)
{
  Placing *p = user_data;
  g_autofree char *now = _cp_db_now ();
  gint64 lineage = 0;

  if (!read_member_map (db, p->member_id, &p->snapshot_id, &lineage, error))
    return FALSE;

  if (p->angle < 0)
    {
      g_autoptr(CpNetmapModel) model = _cp_store_read_model (db, p->snapshot_id, error);

      if (model == NULL)
        return FALSE;
      cp_netmap_free_spot (model, p->sector, p->ring, lineage, &p->angle, &p->depth);
    }

  {
    const CpDbValue values[] = {
      CP_DB_INT (p->member_id), CP_DB_TEXT (now),
      CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, p->sector)), CP_DB_INT (p->ring),
      CP_DB_REAL (p->angle), CP_DB_REAL (p->depth),
    };

    return _cp_db_run (db,
                       "UPDATE member SET sector = ?3, ring = ?4, angle = ?5, depth = ?6, "
                       "updated_at = ?2 WHERE id = ?1 AND (sector IS NOT ?3 OR ring IS NOT ?4 "
                       "OR angle IS NOT ?5 OR depth IS NOT ?6)",
                       values, G_N_ELEMENTS (values), NULL, error);
  }
}

gboolean
cp_store_move_member (CpStore         *self,
                      gint64           member_id,
                      CpNetmapSector   sector,
                      int              ring,
                      double           angle,
                      double           depth,
                      GError         **error)
{
  gboolean free_spot = angle == CP_STORE_FREE_SPOT;
  Placing p = { 0, member_id, CP_NETMAP_KIND_PERSON, NULL, sector, ring,
                free_spot ? -1 : angle, free_spot ? 0.5 : depth };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_place (CP_NETMAP_KIND_PERSON, "-", sector, ring, free_spot ? 0.5 : angle,
                    p.depth, error))
    return FALSE;

  return _cp_store_edit (self, _("Move on map"), NULL, move_member, &p, error);
}

/* ---- One field of one member ---------------------------------------------------------- */

/* In @sql, ?1 is the member's id, ?2 the time now and ?3 … the @more values. The
 * statement should change nothing when the values are there already. */
static gboolean
edit_member (CpStore          *self,
             gint64            member_id,
             const char       *label,
             const char       *merge_key,
             const char       *sql,
             const CpDbValue  *more,
             guint             n_more,
             GError          **error)
{
  g_autofree char *now = _cp_db_now ();
  CpDbValue values[8] = { CP_DB_INT (member_id), CP_DB_TEXT (now) };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM member WHERE id = ?1", values, 1, _(CP_STORE_MEMBER_GONE) },
    { sql, values, 2 + n_more, NULL },
  };

  g_assert (n_more <= G_N_ELEMENTS (values) - 2);
  for (guint i = 0; i < n_more; i++)
    values[2 + i] = more[i];

  return _cp_store_edit_statements (self, label, merge_key, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_rename_member (CpStore     *self,
                        gint64       member_id,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  const CpDbValue more[] = { CP_DB_TEXT (clean) };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_place (CP_NETMAP_KIND_PERSON, clean, CP_NETMAP_SECTOR_FAMILY, 1, 0.5, 0.5,
                    error))
    return FALSE;

  return edit_member (self, member_id, _("Rename member"), NULL,
                      "UPDATE member SET name = ?3, updated_at = ?2 "
                      "WHERE id = ?1 AND name IS NOT ?3",
                      more, G_N_ELEMENTS (more), error);
}

gboolean
cp_store_set_member_kind (CpStore       *self,
                          gint64         member_id,
                          CpNetmapKind   kind,
                          GError       **error)
{
  const CpDbValue more[] = { CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_NETMAP_KIND, kind)) };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_place (kind, "-", CP_NETMAP_SECTOR_FAMILY, 1, 0.5, 0.5, error))
    return FALSE;

  return edit_member (self, member_id, _("Change member kind"), NULL,
                      "UPDATE member SET kind = ?3, updated_at = ?2 "
                      "WHERE id = ?1 AND kind IS NOT ?3",
                      more, G_N_ELEMENTS (more), error);
}

gboolean
cp_store_set_member_chips (CpStore     *self,
                           gint64       member_id,
                           gboolean     helps_me,
                           gboolean     hard_going,
                           gboolean     want_more,
                           GError     **error)
{
  const CpDbValue more[] = {
    CP_DB_INT (helps_me != FALSE), CP_DB_INT (hard_going != FALSE), CP_DB_INT (want_more != FALSE)
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_member (self, member_id, _("Change chips"), NULL,
                      "UPDATE member SET helps_me = ?3, hard_going = ?4, want_more = ?5, "
                      "updated_at = ?2 WHERE id = ?1 AND (helps_me IS NOT ?3 "
                      "OR hard_going IS NOT ?4 OR want_more IS NOT ?5)",
                      more, G_N_ELEMENTS (more), error);
}

static CpDbValue
int_or_null (int value)
{
  return value == CP_NETMAP_NOT_RECORDED ? CP_DB_NULL : CP_DB_INT (value);
}

gboolean
cp_store_set_member_details (CpStore            *self,
                             gint64              member_id,
                             int                 frequency,
                             int                 years_known,
                             CpNetmapSupport     support,
                             CpNetmapDirection   direction,
                             int                 paid,
                             GError            **error)
{
  CpNetmapMember m = {
    .name = (char *) "-", .ring = 1, .angle = 0.5, .depth = 0.5, .frequency = frequency,
    .years_known = years_known, .support = support, .direction = direction, .paid = paid,
  };
  const char *direction_nick = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_member (&m, error))
    return FALSE;

  if (direction != CP_NETMAP_DIRECTION_NOT_RECORDED)
    direction_nick = cp_enum_to_nick (CP_TYPE_NETMAP_DIRECTION, direction);

  {
    const CpDbValue more[] = {
      int_or_null (frequency), int_or_null (years_known), CP_DB_INT (support),
      CP_DB_TEXT (direction_nick), int_or_null (paid),
    };

    return edit_member (self, member_id, _("Change support details"), NULL,
                        "UPDATE member SET frequency = ?3, years_known = ?4, "
                        "support_types = ?5, direction = ?6, paid = ?7, updated_at = ?2 "
                        "WHERE id = ?1 AND (frequency IS NOT ?3 OR years_known IS NOT ?4 "
                        "OR support_types IS NOT ?5 OR direction IS NOT ?6 OR paid IS NOT ?7)",
                        more, G_N_ELEMENTS (more), error);
  }
}

static const struct
{
  const char *sql;
  const char *label;
} marks[] = {
  [CP_MEMBER_MARK_MET_THROUGH_US] = {
    "UPDATE member SET met_through_us = ?3, updated_at = ?2 "
    "WHERE id = ?1 AND met_through_us IS NOT ?3",
    N_("Change “met through our work”") },
  [CP_MEMBER_MARK_MOSTLY_ONLINE] = {
    "UPDATE member SET mostly_online = ?3, updated_at = ?2 "
    "WHERE id = ?1 AND mostly_online IS NOT ?3",
    N_("Change “mostly online”") },
  [CP_MEMBER_MARK_DIED] = {
    "UPDATE member SET died = ?3, updated_at = ?2 WHERE id = ?1 AND died IS NOT ?3",
    N_("Change “died — keep on my map”") },
  [CP_MEMBER_MARK_CAUTION] = {
    "UPDATE member SET caution = ?3, updated_at = ?2 WHERE id = ?1 AND caution IS NOT ?3",
    N_("Change caution flag") },
};

gboolean
cp_store_set_member_mark (CpStore       *self,
                          gint64         member_id,
                          CpMemberMark   mark,
                          gboolean       on,
                          GError       **error)
{
  const CpDbValue more[] = { CP_DB_INT (on != FALSE) };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) mark >= G_N_ELEMENTS (marks))
    return _cp_store_constraint (error, _("That is not a mark a member can carry."));

  return edit_member (self, member_id, _(marks[mark].label), NULL, marks[mark].sql,
                      more, G_N_ELEMENTS (more), error);
}

gboolean
cp_store_set_member_notes (CpStore     *self,
                           gint64       member_id,
                           const char  *notes,
                           GError     **error)
{
  g_autofree char *merge_key = g_strdup_printf ("member-notes:%" G_GINT64_FORMAT, member_id);
  const CpDbValue more[] = { CP_DB_TEXT (notes ? notes : "") };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_member (self, member_id, _("Edit member notes"), merge_key,
                      "UPDATE member SET notes = ?3, updated_at = ?2 "
                      "WHERE id = ?1 AND notes IS NOT ?3",
                      more, G_N_ELEMENTS (more), error);
}

char *
cp_store_dup_member_notes (CpStore     *self,
                           gint64       member_id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_open (self, error) ||
      !(stmt = _cp_db_prepare (self->db, "SELECT notes FROM member WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                         _(CP_STORE_MEMBER_GONE));
  else
    _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));

  return NULL;
}

gboolean
cp_store_delete_member (CpStore     *self,
                        gint64       member_id,
                        GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Its ties go with it (ON DELETE CASCADE), in the same undo step. */
  return _cp_store_delete_row (self, _("Remove from map"), "DELETE FROM member WHERE id = ?1",
                               member_id, _(CP_STORE_MEMBER_GONE), error);
}

/* ---- Tidy ----------------------------------------------------------------------------- */

typedef struct
{
  gint64          snapshot_id;
  CpNetmapSector  sector;
} Tidy;

static gboolean
tidy_sector (CpStore   *store,
             sqlite3   *db,
             gpointer   user_data,
             GError   **error)
{
  Tidy *t = user_data;
  g_autoptr(CpNetmapModel) model = _cp_store_read_model (db, t->snapshot_id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _cp_db_now ();

  if (model == NULL ||
      !(stmt = _cp_db_prepare (db,
                               "UPDATE member SET angle = ?2, depth = ?3, updated_at = ?4 "
                               "WHERE id = ?1 AND (angle IS NOT ?2 OR depth IS NOT ?3)",
                               error)))
    return FALSE;

  cp_netmap_tidy_sector (model, t->sector);

  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (m->sector != t->sector)
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, m->id);
      sqlite3_bind_double (stmt, 2, m->angle);
      sqlite3_bind_double (stmt, 3, m->depth);
      _cp_db_bind_text (stmt, 4, now);
      if (!_cp_db_step_done (stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cp_store_tidy_sector (CpStore         *self,
                      gint64           snapshot_id,
                      CpNetmapSector   sector,
                      GError         **error)
{
  Tidy t = { snapshot_id, sector };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_place (CP_NETMAP_KIND_PERSON, "-", sector, 1, 0.5, 0.5, error))
    return FALSE;

  return _cp_store_edit (self, _("Tidy sector"), NULL, tidy_sector, &t, error);
}

/* ---- Ties ----------------------------------------------------------------------------- */

typedef struct
{
  gint64               a;
  gint64               b;
  CpNetmapTieStrength  strength;
} Link;

static gboolean
set_tie (CpStore   *store,
         sqlite3   *db,
         gpointer   user_data,
         GError   **error)
{
  Link *l = user_data;
  g_autofree char *now = _cp_db_now ();
  gint64 map_a = 0;
  gint64 map_b = 0;

  if (!read_member_map (db, l->a, &map_a, NULL, error) ||
      !read_member_map (db, l->b, &map_b, NULL, error))
    return FALSE;

  if (map_a != map_b)
    return _cp_store_constraint (error, _("Only members of the same map can be linked."));

  {
    const CpDbValue values[] = {
      CP_DB_INT (map_a), CP_DB_INT (MIN (l->a, l->b)), CP_DB_INT (MAX (l->a, l->b)),
      CP_DB_TEXT (cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, l->strength)), CP_DB_TEXT (now),
    };

    return _cp_db_run (db,
                       "INSERT INTO tie (snapshot_id, a_id, b_id, strength, created_at, "
                       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
                       "ON CONFLICT (a_id, b_id) DO UPDATE SET strength = excluded.strength, "
                       "updated_at = excluded.updated_at WHERE strength IS NOT excluded.strength",
                       values, G_N_ELEMENTS (values), NULL, error);
  }
}

gboolean
cp_store_set_tie (CpStore              *self,
                  gint64                member_a,
                  gint64                member_b,
                  CpNetmapTieStrength   strength,
                  GError              **error)
{
  Link l = { member_a, member_b, strength };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (member_a == member_b)
    return _cp_store_constraint (error, _("A member cannot be linked to itself."));
  if (cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, strength) == NULL)
    return _cp_store_constraint (error, _("A link is strong, weak or hard going."));

  return _cp_store_edit (self, _("Link members"), NULL, set_tie, &l, error);
}

gboolean
cp_store_remove_tie (CpStore     *self,
                     gint64       member_a,
                     gint64       member_b,
                     GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (MIN (member_a, member_b)),
                               CP_DB_INT (MAX (member_a, member_b)) };
  const CpStoreStatement statements[] = {
    { "DELETE FROM tie WHERE a_id = ?1 AND b_id = ?2", values, G_N_ELEMENTS (values),
      _("Those two are not linked on this map.") },
  };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _cp_store_edit_statements (self, _("Remove link"), NULL, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}
