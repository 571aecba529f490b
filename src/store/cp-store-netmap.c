/* cp-store-netmap.c: a person's network maps: snapshots, models, imports and lineages
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-records-private.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

/* A map as a model, and a model into a map, are in cp-store-netmap-model.c; the member
 * edits in cp-store-members.c; what they share in cp-store-records-private.h. */

void
cp_snapshot_info_free (CpSnapshotInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->label);
  g_free (info->taken_on);
  g_free (info->notes);
  g_free (info);
}

/* ---- Shared with the store's other files ---------------------------------------------- */

gboolean
_cp_store_constraint (GError     **error,
                      const char  *message)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

gboolean
_cp_store_delete_row (CpStore     *self,
                      const char  *label,
                      const char  *sql,
                      gint64       id,
                      const char  *gone,
                      GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (id) };
  const CpStoreStatement statements[] = { { sql, values, 1, gone } };

  return _cp_store_edit_statements (self, label, NULL, statements, G_N_ELEMENTS (statements),
                                    NULL, error);
}

gboolean
_cp_store_check_person (CpStore  *self,
                        gint64    person_id,
                        GError  **error)
{
  if (!_cp_store_check_open (self, error))
    return FALSE;

  if (cp_store_find_person (self, person_id) == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_PERSON_GONE));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cp_store_query_int64 (sqlite3          *db,
                       const char       *sql,
                       const CpDbValue  *values,
                       guint             n_values,
                       gint64           *out,
                       gboolean         *found,
                       GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)) ||
      !_cp_db_bind_values (stmt, values, n_values, error))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  if (found != NULL)
    *found = rc == SQLITE_ROW;

  return TRUE;
}

char *
_cp_store_review_label (guint n)
{
  /* Translators: the label of the Nth review map of a person, e.g. "Review 2" */
  return g_strdup_printf (_("Review %u"), n);
}

gboolean
_cp_store_read_current_snapshot (sqlite3  *db,
                                 gint64    person_id,
                                 gint64   *out_id,
                                 GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (person_id) };

  *out_id = 0;

  return _cp_store_query_int64 (db,
                                "SELECT id FROM snapshot WHERE person_id = ?1 ORDER BY "
                                CP_STORE_MAPS_NEWEST_FIRST ("") " LIMIT 1",
                                values, G_N_ELEMENTS (values), out_id, NULL, error);
}

gboolean
_cp_store_read_max_lineage (sqlite3  *db,
                            gint64    person_id,
                            gint64   *out_lineage,
                            GError  **error)
{
  const CpDbValue values[] = { CP_DB_INT (person_id) };

  *out_lineage = 0;

  /* Steps and goal helpers name members by lineage: a lineage they still name is never
   * handed to someone else, even when no map holds it any more. */
  return _cp_store_query_int64 (db,
                                "SELECT coalesce (max (l), 0) FROM ("
                                " SELECT max (m.lineage) AS l FROM member m"
                                "  JOIN snapshot s ON s.id = m.snapshot_id WHERE s.person_id = ?1"
                                " UNION ALL SELECT max (st.owner_lineage) FROM step st"
                                "  JOIN goal g ON g.id = st.goal_id WHERE g.person_id = ?1"
                                " UNION ALL SELECT max (gm.lineage) FROM goal_member gm"
                                "  JOIN goal g ON g.id = gm.goal_id WHERE g.person_id = ?1)",
                                values, G_N_ELEMENTS (values), out_lineage, NULL, error);
}

/* ---- Snapshots ------------------------------------------------------------------------ */

GPtrArray *
cp_store_list_snapshots (CpStore  *self,
                         gint64    person_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_snapshot_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cp_store_check_person (self, person_id, error) ||
      !(stmt = _cp_db_prepare (self->db,
                               "SELECT id, label, taken_on, notes FROM snapshot "
                               "WHERE person_id = ?1 ORDER BY taken_on, id",
                               error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CpSnapshotInfo *info = g_new0 (CpSnapshotInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->taken_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (out, info);
    }

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
      return NULL;
    }

  return g_steal_pointer (&out);
}

gboolean
cp_store_get_current_snapshot (CpStore  *self,
                               gint64    person_id,
                               gint64   *out_id,
                               GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_id = 0;

  return _cp_store_check_person (self, person_id, error) &&
         _cp_store_read_current_snapshot (self->db, person_id, out_id, error);
}

typedef struct
{
  gint64          person_id;
  gboolean        review;      /* copy the current map */
  CpNetmapModel  *model;       /* import this (fresh lineages) */
  const char     *label;
  const char     *taken_on;
  gint64          snapshot_id; /* out */
} NewMap;

static gboolean
copy_current (sqlite3     *db,
              gint64       from,
              gint64       to,
              const char  *now,
              GError     **error)
{
  const CpDbValue values[] = { CP_DB_INT (from), CP_DB_INT (to), CP_DB_TEXT (now) };

  /* The same members, lineages included, then their ties matched by lineage. */
  return _cp_db_run (db,
                     "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, angle, "
                     "depth, helps_me, hard_going, want_more, frequency, years_known, "
                     "support_types, direction, paid, met_through_us, mostly_online, died, "
                     "added_on, caution, notes, created_at, updated_at) "
                     "SELECT ?2, lineage, kind, name, sector, ring, angle, depth, helps_me, "
                     "hard_going, want_more, frequency, years_known, support_types, direction, "
                     "paid, met_through_us, mostly_online, died, added_on, caution, notes, ?3, ?3 "
                     "FROM member WHERE snapshot_id = ?1 ORDER BY id",
                     values, G_N_ELEMENTS (values), NULL, error) &&
         _cp_db_run (db,
                     "INSERT INTO tie (snapshot_id, a_id, b_id, strength, created_at, updated_at) "
                     "SELECT ?2, min (na.id, nb.id), max (na.id, nb.id), t.strength, ?3, ?3 "
                     "FROM tie t JOIN member oa ON oa.id = t.a_id JOIN member ob ON ob.id = t.b_id "
                     "JOIN member na ON na.snapshot_id = ?2 AND na.lineage = oa.lineage "
                     "JOIN member nb ON nb.snapshot_id = ?2 AND nb.lineage = ob.lineage "
                     "WHERE t.snapshot_id = ?1 ORDER BY t.id",
                     values, G_N_ELEMENTS (values), NULL, error);
}

static gboolean
new_map (CpStore   *store,
         sqlite3   *db,
         gpointer   user_data,
         GError   **error)
{
  NewMap *m = user_data;
  g_autofree char *now = _cp_db_now ();
  g_autofree char *label = g_strstrip (g_strdup (m->label));
  const CpDbValue person[] = { CP_DB_INT (m->person_id) };
  gboolean found = FALSE;
  gint64 current = 0;
  gint64 n_maps = 0;
  gint64 lineage = 0;

  if (!_cp_store_query_int64 (db, "SELECT id FROM person WHERE id = ?1", person, 1,
                              &current, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _(CP_STORE_PERSON_GONE));
      return FALSE;
    }

  if (!_cp_store_query_int64 (db, "SELECT count (*) FROM snapshot WHERE person_id = ?1",
                              person, 1, &n_maps, NULL, error) ||
      !_cp_store_read_current_snapshot (db, m->person_id, &current, error))
    return FALSE;

  if (m->review && current == 0)
    return _cp_store_constraint (error, _("There is no map to start a review map from yet."));
  if (!m->review && m->model == NULL && current != 0)
    return _cp_store_constraint (error, _("This person has a map already: start a review map instead."));

  if (m->review)
    {
      g_free (label);
      label = _cp_store_review_label ((guint) n_maps);
    }

  {
    const CpDbValue values[] = {
      CP_DB_INT (m->person_id), CP_DB_TEXT (label), CP_DB_TEXT (m->taken_on), CP_DB_TEXT (now)
    };

    if (!_cp_db_run (db,
                     "INSERT INTO snapshot (person_id, label, taken_on, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?4)",
                     values, G_N_ELEMENTS (values), NULL, error))
      return FALSE;
    m->snapshot_id = sqlite3_last_insert_rowid (db);
  }

  if (m->review)
    return copy_current (db, current, m->snapshot_id, now, error);

  if (m->model == NULL)
    return TRUE;

  return _cp_store_read_max_lineage (db, m->person_id, &lineage, error) &&
         _cp_store_insert_model (db, m->snapshot_id, m->model, lineage + 1, m->taken_on, error);
}

static gint64
add_map (CpStore     *self,
         const char  *undo_label,
         NewMap      *m,
         GError     **error)
{
  if (!cp_date_is_valid (m->taken_on))
    {
      _cp_store_constraint (error, _("A map needs a real date."));
      return 0;
    }

  if (!_cp_store_edit (self, undo_label, NULL, new_map, m, error))
    return 0;

  return m->snapshot_id;
}

gint64
cp_store_start_map (CpStore  *self,
                    gint64    person_id,
                    GError  **error)
{
  g_autofree char *today = cp_date_today ();
  NewMap m = { .person_id = person_id, .label = _("Baseline"), .taken_on = today };

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return add_map (self, _("Start map"), &m, error);
}

gint64
cp_store_start_review_map (CpStore  *self,
                           gint64    person_id,
                           GError  **error)
{
  g_autofree char *today = cp_date_today ();
  NewMap m = { .person_id = person_id, .review = TRUE, .label = "", .taken_on = today };

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return add_map (self, _("Start review map"), &m, error);
}

gint64
cp_store_import_snapshot (CpStore        *self,
                          gint64          person_id,
                          CpNetmapModel  *model,
                          const char     *label,
                          const char     *taken_on,
                          GError        **error)
{
  g_autofree char *today = cp_date_today ();
  NewMap m = { .person_id = person_id, .model = model,
               .label = label != NULL ? label : _("Imported map"),
               .taken_on = taken_on != NULL ? taken_on : today };

  g_return_val_if_fail (CP_IS_STORE (self), 0);
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (model), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return add_map (self, _("Import map"), &m, error);
}

/* One edit of one snapshot: ?1 its id, ?2 the time now, ?3 the value. */
static gboolean
edit_snapshot (CpStore     *self,
               gint64       snapshot_id,
               const char  *label,
               const char  *merge_key,
               const char  *sql,
               const char  *value,
               GError     **error)
{
  g_autofree char *now = _cp_db_now ();
  const CpDbValue values[] = { CP_DB_INT (snapshot_id), CP_DB_TEXT (now), CP_DB_TEXT (value) };
  const CpStoreStatement statements[] = {
    { "SELECT 1 FROM snapshot WHERE id = ?1", values, 1, _(CP_STORE_MAP_GONE) },
    { sql, values, G_N_ELEMENTS (values), NULL },
  };

  return _cp_store_edit_statements (self, label, merge_key, statements,
                                    G_N_ELEMENTS (statements), NULL, error);
}

gboolean
cp_store_rename_snapshot (CpStore     *self,
                          gint64       snapshot_id,
                          const char  *label,
                          GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label ? label : ""));

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_snapshot (self, snapshot_id, _("Rename map"), NULL,
                        "UPDATE snapshot SET label = ?3, updated_at = ?2 "
                        "WHERE id = ?1 AND label IS NOT ?3",
                        clean, error);
}

gboolean
cp_store_set_snapshot_date (CpStore     *self,
                            gint64       snapshot_id,
                            const char  *taken_on,
                            GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cp_date_is_valid (taken_on))
    return _cp_store_constraint (error, _("A map needs a real date."));

  return edit_snapshot (self, snapshot_id, _("Change map date"), NULL,
                        "UPDATE snapshot SET taken_on = ?3, updated_at = ?2 "
                        "WHERE id = ?1 AND taken_on IS NOT ?3",
                        taken_on, error);
}

gboolean
cp_store_set_snapshot_notes (CpStore     *self,
                             gint64       snapshot_id,
                             const char  *notes,
                             GError     **error)
{
  g_autofree char *merge_key = g_strdup_printf ("map-notes:%" G_GINT64_FORMAT, snapshot_id);

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return edit_snapshot (self, snapshot_id, _("Edit map notes"), merge_key,
                        "UPDATE snapshot SET notes = ?3, updated_at = ?2 "
                        "WHERE id = ?1 AND notes IS NOT ?3",
                        notes ? notes : "", error);
}

gboolean
cp_store_delete_snapshot (CpStore     *self,
                          gint64       snapshot_id,
                          GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Members and ties go with it (ON DELETE CASCADE), in the same undo step. */
  return _cp_store_delete_row (self, _("Delete map"), "DELETE FROM snapshot WHERE id = ?1",
                               snapshot_id, _(CP_STORE_MAP_GONE), error);
}

/* ---- Lineages ------------------------------------------------------------------------- */

gboolean
cp_store_lookup_lineage (CpStore          *self,
                         gint64            person_id,
                         gint64            lineage,
                         CpLineageState   *out_state,
                         char            **out_name,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 current = 0;
  int rc;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_state = CP_LINEAGE_NEVER_ON_MAP;
  if (out_name != NULL)
    *out_name = NULL;

  if (!_cp_store_check_person (self, person_id, error) ||
      !_cp_store_read_current_snapshot (self->db, person_id, &current, error) ||
      !(stmt = _cp_db_prepare (self->db,
                               "SELECT m.name, s.id FROM member m "
                               "JOIN snapshot s ON s.id = m.snapshot_id "
                               "WHERE s.person_id = ?1 AND m.lineage = ?2 ORDER BY "
                               CP_STORE_MAPS_NEWEST_FIRST ("s.") " LIMIT 1",
                               error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, lineage);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _cp_db_set_error (error, self->db, sqlite3_extended_errcode (self->db));
      return FALSE;
    }

  /* The newest map that has it is the current one exactly when it is on the current one. */
  *out_state = sqlite3_column_int64 (stmt, 1) == current ? CP_LINEAGE_ON_CURRENT_MAP
                                                         : CP_LINEAGE_NO_LONGER_ON_MAP;
  if (out_name != NULL)
    *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}
