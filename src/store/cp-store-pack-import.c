/* cp-store-pack-import.c: a supervision reply checked and merged into the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-pack-private.h"
#include "util/cp-date.h"

/* The reply is first opened on a connection of its own and checked (this app's schema
 * exactly, nothing but supervision rows, its people in the pack, the rules the store
 * keeps in C); then a copy is attached to the workspace's connection as "reply" and
 * merged as one edit. */

static const char * const reply_tables[] = {
  "supervision_session", "supervision_person", "supervision_comment",
  "supervision_action", "supervision_signoff", "workspace_meta",
};

static void
set_bad_row (GError **error)
{
  g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_BAD_ROW,
                       _("The reply holds something the workspace cannot take. Nothing "
                         "was imported."));
}

gboolean
cp_store_check_reply (CpStore     *self,
                      const char  *workspace_uuid,
                      const char  *pack_uuid,
                      GError     **error)
{
  g_autofree char *ours = NULL;
  const CpDbValue values[] = { CP_DB_TEXT (pack_uuid) };
  int sent = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cp_store_check_open (self, error))
    return FALSE;

  ours = cp_store_dup_workspace_uuid (self);
  if (workspace_uuid == NULL || g_ascii_strcasecmp (workspace_uuid, ours ? ours : "") != 0)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_OTHER_WORKSPACE,
                           _("This reply is for another workspace. Import it into the "
                             "workspace the pack was sent from."));
      return FALSE;
    }

  if (pack_uuid != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = _cp_db_prepare (_cp_store_get_db (self),
                                                     "SELECT count(*) FROM sent_pack "
                                                     "WHERE uuid = lower (?1)", error);

      if (stmt == NULL || !_cp_db_bind_values (stmt, values, 1, error))
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sent = sqlite3_column_int (stmt, 0);
    }
  if (sent == 0)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NEVER_SENT,
                           _("This reply answers a pack this workspace never sent."));
      return FALSE;
    }
  return TRUE;
}

/* Nothing but supervision rows, and the rules the store keeps in C: a sign-off is not
 * dated after today, nor before its session. */
static gboolean
check_reply_rows (sqlite3  *reply,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autofree char *today = cp_date_today ();
  const CpDbValue values[] = { CP_DB_TEXT (today) };
  guint n_bad = 0;

  if (!(tables = _cp_db_prepare (reply, "SELECT name FROM sqlite_master WHERE type = 'table'",
                                 error)))
    return FALSE;
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = NULL;
      int n = 0;

      if (g_strv_contains (reply_tables, table))
        continue;
      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
      if (!_cp_db_get_int (reply, sql, &n, error))
        return FALSE;
      if (n > 0)
        {
          set_bad_row (error);
          return FALSE;
        }
    }

  if (!_cp_db_run (reply,
                   "SELECT 1 FROM supervision_signoff AS f "
                   "LEFT JOIN supervision_session AS s ON s.uuid = f.session_uuid "
                   "WHERE f.signed_on > ?1 OR f.signed_on < s.held_on OR s.uuid IS NULL",
                   values, 1, &n_bad, error))
    return FALSE;
  if (n_bad > 0)
    {
      set_bad_row (error);
      return FALSE;
    }
  return TRUE;
}

/* Every person the reply names was in the pack (still there: erasing a person takes
 * them out of sent_pack_person). */
static gboolean
check_reply_people (CpStore     *self,
                    sqlite3     *reply,
                    const char  *pack_uuid,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) people = NULL;
  g_autoptr(sqlite3_stmt) in_pack = NULL;
  int rc;

  if (!(people = _cp_db_prepare (reply,
                                 "SELECT person_id FROM supervision_person UNION "
                                 "SELECT person_id FROM supervision_comment UNION "
                                 "SELECT person_id FROM supervision_action UNION "
                                 "SELECT person_id FROM supervision_signoff", error)) ||
      !(in_pack = _cp_db_prepare (_cp_store_get_db (self),
                                  "SELECT 1 FROM sent_pack_person "
                                  "WHERE pack_uuid = lower (?1) AND person_id = ?2", error)))
    return FALSE;

  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      _cp_db_bind_text (in_pack, 1, pack_uuid);
      sqlite3_bind_value (in_pack, 2, sqlite3_column_value (people, 0));
      rc = sqlite3_step (in_pack);
      sqlite3_reset (in_pack);
      if (rc != SQLITE_ROW)
        {
          g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_IN_PACK,
                               _("The reply is about someone who was not in the pack. "
                                 "Nothing was imported."));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, reply, rc);
      return FALSE;
    }
  return TRUE;
}

/* ---- The merge ----------------------------------------------------------------------- */

/* Sessions and people discussed are added when missing and never changed: they are the
 * practitioner's record. A comment, action or sign-off is added, or updated when it
 * differs; a sign-off replaces the one the person had at that session. Each statement
 * changes nothing when the row is already as the reply has it, so importing twice makes
 * no second step. A UUID the workspace holds for another session or person is refused. */
static const char * const merge_sql[] = {
  "INSERT INTO main.supervision_session (uuid, held_on, attended, created_at, updated_at) "
  "  SELECT uuid, held_on, attended, created_at, updated_at FROM reply.supervision_session "
  "  WHERE uuid NOT IN (SELECT uuid FROM main.supervision_session)",
  "INSERT INTO main.supervision_person (session_uuid, person_id, created_at) "
  "  SELECT session_uuid, person_id, created_at FROM reply.supervision_person AS r "
  "  WHERE NOT EXISTS (SELECT 1 FROM main.supervision_person AS m "
  "    WHERE m.session_uuid = r.session_uuid AND m.person_id = r.person_id)",
};

static const char * const merge_counted_sql[] = {
  "INSERT INTO main.supervision_comment (uuid, session_uuid, person_id, text, created_at, "
  "    updated_at) "
  "  SELECT uuid, session_uuid, person_id, text, created_at, updated_at "
  "  FROM reply.supervision_comment WHERE true "
  "  ON CONFLICT (uuid) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at "
  "  WHERE text IS NOT excluded.text",
  "INSERT INTO main.supervision_action (uuid, session_uuid, person_id, text, owner, due_on, "
  "    done_on, created_at, updated_at) "
  "  SELECT uuid, session_uuid, person_id, text, owner, due_on, done_on, created_at, "
  "    updated_at FROM reply.supervision_action WHERE true "
  "  ON CONFLICT (uuid) DO UPDATE SET text = excluded.text, owner = excluded.owner, "
  "    due_on = excluded.due_on, done_on = excluded.done_on, "
  "    updated_at = excluded.updated_at "
  "  WHERE text IS NOT excluded.text OR owner IS NOT excluded.owner "
  "    OR due_on IS NOT excluded.due_on OR done_on IS NOT excluded.done_on",
  "DELETE FROM main.supervision_signoff AS m WHERE EXISTS (SELECT 1 "
  "  FROM reply.supervision_signoff AS r WHERE r.session_uuid = m.session_uuid "
  "  AND r.person_id = m.person_id AND r.uuid != m.uuid)",
  "INSERT INTO main.supervision_signoff (uuid, session_uuid, person_id, name, role, "
  "    signed_on, created_at, updated_at) "
  "  SELECT uuid, session_uuid, person_id, name, role, signed_on, created_at, updated_at "
  "  FROM reply.supervision_signoff WHERE true "
  "  ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, role = excluded.role, "
  "    signed_on = excluded.signed_on, updated_at = excluded.updated_at "
  "  WHERE name IS NOT excluded.name OR role IS NOT excluded.role "
  "    OR signed_on IS NOT excluded.signed_on",
};

typedef struct
{
  guint n_merged;
} Merge;

static gboolean
merge_reply (CpStore   *store,
             sqlite3   *db,
             gpointer   user_data,
             GError   **error)
{
  Merge *merge = user_data;
  guint n_moved = 0;

  /* A known UUID must stay with its session and person. */
  if (!_cp_db_run (db,
                   "SELECT 1 FROM reply.supervision_comment AS r "
                   "  JOIN main.supervision_comment AS m USING (uuid) "
                   "  WHERE r.session_uuid != m.session_uuid OR r.person_id != m.person_id "
                   "UNION ALL SELECT 1 FROM reply.supervision_action AS r "
                   "  JOIN main.supervision_action AS m USING (uuid) "
                   "  WHERE r.session_uuid != m.session_uuid OR r.person_id != m.person_id "
                   "UNION ALL SELECT 1 FROM reply.supervision_signoff AS r "
                   "  JOIN main.supervision_signoff AS m USING (uuid) "
                   "  WHERE r.session_uuid != m.session_uuid OR r.person_id != m.person_id",
                   NULL, 0, &n_moved, error))
    return FALSE;
  if (n_moved > 0)
    {
      set_bad_row (error);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (merge_sql); i++)
    if (!_cp_db_exec (db, merge_sql[i], error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (merge_counted_sql); i++)
    {
      if (!_cp_db_exec (db, merge_counted_sql[i], error))
        return FALSE;
      /* The sign-off a new one replaces is not counted. */
      if (!g_str_has_prefix (merge_counted_sql[i], "DELETE"))
        merge->n_merged += (guint) sqlite3_changes (db);
    }
  return TRUE;
}

gboolean
cp_store_import_reply (CpStore     *self,
                       const char  *pack_uuid,
                       GBytes      *payload,
                       guint       *n_merged,
                       GError     **error)
{
  g_autofree char *reply_workspace = NULL;
  g_autofree char *reply_pack = NULL;
  g_autoptr(GError) local_error = NULL;
  Merge merge = { 0 };
  sqlite3 *reply;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_uuid != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_merged != NULL)
    *n_merged = 0;

  if (!_cp_store_check_writable (self, error) || self->pack)
    {
      if (self->pack)
        g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                             _("A reply goes into the workspace the pack came from, not "
                               "into a pack."));
      return FALSE;
    }

  if (!(reply = _cp_pack_db_open_bytes (payload, CP_PACK_META_KIND_REPLY, TRUE, error)))
    return FALSE;

  reply_workspace = _cp_pack_db_dup_meta (reply, "main", "uuid");
  reply_pack = _cp_pack_db_dup_meta (reply, "main", "pack-uuid");
  ok = cp_store_check_reply (self, reply_workspace, reply_pack, error);
  if (ok && g_ascii_strcasecmp (reply_pack, pack_uuid) != 0)
    {
      /* The heading and the sealed content disagree: not this app's doing. */
      set_bad_row (error);
      ok = FALSE;
    }
  ok = ok && check_reply_rows (reply, error) &&
       check_reply_people (self, reply, reply_pack, error);
  sqlite3_close_v2 (reply);
  if (!ok)
    return FALSE;

  db = _cp_store_get_db (self);
  if (!_cp_pack_db_attach_bytes (db, "reply", payload, error))
    return FALSE;
  ok = _cp_store_edit (self, _("Import supervision reply"), NULL, merge_reply, &merge,
                       &local_error);
  if (sqlite3_exec (db, "DETACH reply", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not let go of a supervision reply");

  if (!ok)
    {
      if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        set_bad_row (error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n_merged != NULL)
    *n_merged = merge.n_merged;
  return TRUE;
}
