/* cp-store-pack-open.c: a supervision pack opened as a store in memory, and its reply
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-migrations.h"
#include "cp-store-pack-private.h"

/* The tables a supervisor may write in a pack. worker_reflection may only lose rows
 * (a session deleted cascades to it; a pack holds none). */
static const char * const supervision_tables[] = {
  "supervision_session", "supervision_person", "supervision_comment",
  "supervision_action", "supervision_signoff",
};

static const char * const allowed_pragmas[] = {
  "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
  "foreign_key_list", "foreign_key_check", "foreign_keys", "defer_foreign_keys",
};

/* ---- Bytes to databases -------------------------------------------------------------- */

gboolean
_cp_pack_db_attach_bytes (sqlite3     *db,
                          const char  *schema,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autofree char *attach = g_strdup_printf ("ATTACH ':memory:' AS \"%s\"", schema);
  gsize size = g_bytes_get_size (bytes);
  unsigned char *copy;
  int rc;

  if (!_cp_db_exec (db, attach, error))
    return FALSE;

  /* SQLite owns the copy from here (FREEONCLOSE), and it never reaches a file. */
  copy = sqlite3_malloc64 (MAX (size, 1));
  if (copy == NULL)
    rc = SQLITE_NOMEM;
  else
    {
      memcpy (copy, g_bytes_get_data (bytes, NULL), size);
      rc = sqlite3_deserialize (db, schema, copy, size, size,
                                SQLITE_DESERIALIZE_FREEONCLOSE |
                                SQLITE_DESERIALIZE_RESIZEABLE);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *detach = g_strdup_printf ("DETACH \"%s\"", schema);

      _cp_db_set_error (error, db, rc);
      sqlite3_exec (db, detach, NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Every object of the schema, in one string, to compare with this app's. */
static char *
dup_schema_text (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, ifnull (sql, '') "
                          "FROM sqlite_master ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return g_string_free (out, TRUE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, i));
  return g_string_free (out, FALSE);
}

static gboolean
same_schema_as_ours (sqlite3 *db)
{
  g_autofree char *ours = NULL;
  g_autofree char *theirs = dup_schema_text (db);
  sqlite3 *empty = _cp_pack_db_new_empty (NULL);

  if (empty == NULL)
    return FALSE;
  ours = dup_schema_text (empty);
  sqlite3_close_v2 (empty);
  return theirs != NULL && g_strcmp0 (ours, theirs) == 0;
}

static gboolean
check_meta (sqlite3     *db,
            const char  *kind,
            GError     **error)
{
  g_autofree char *found = _cp_pack_db_dup_meta (db, "main", "pack-kind");
  g_autofree char *uuid = _cp_pack_db_dup_meta (db, "main", "uuid");
  g_autofree char *pack_uuid = _cp_pack_db_dup_meta (db, "main", "pack-uuid");

  if (found != NULL && !g_str_equal (found, kind) &&
      (g_str_equal (found, CP_PACK_META_KIND_PACK) ||
       g_str_equal (found, CP_PACK_META_KIND_REPLY)))
    {
      if (g_str_equal (kind, CP_PACK_META_KIND_PACK))
        g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND,
                             _("This is a supervision reply, not a pack. Import it into "
                               "the workspace the pack came from."));
      else
        g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND,
                             _("This is a supervision pack, not a reply. Open it to read "
                               "it."));
      return FALSE;
    }

  if (found == NULL || uuid == NULL || pack_uuid == NULL ||
      !g_uuid_string_is_valid (uuid) || !g_uuid_string_is_valid (pack_uuid))
    {
      _cp_pack_set_not_a_pack (error, kind);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_cp_pack_db_open_bytes (GBytes      *bytes,
                        const char  *kind,
                        gboolean     strict,
                        GError     **error)
{
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int app_id = 0;
  int version = 0;
  int odd = 0;
  g_autofree char *check = NULL;
  int latest;

  if (!_cp_migrations_load (&schema, &steps, error))
    return NULL;
  latest = (int) g_strv_length (steps);

  /* The smallest database is one page of 512 bytes. */
  if (g_bytes_get_size (bytes) < 512)
    {
      _cp_pack_set_not_a_pack (error, kind);
      return NULL;
    }

  if (!(db = _cp_pack_db_open_memory (error)))
    return NULL;
  {
    gsize size = g_bytes_get_size (bytes);
    unsigned char *copy = sqlite3_malloc64 (size);
    int rc;

    if (copy == NULL)
      rc = SQLITE_NOMEM;
    else
      {
        memcpy (copy, g_bytes_get_data (bytes, NULL), size);
        rc = sqlite3_deserialize (db, "main", copy, size, size,
                                  SQLITE_DESERIALIZE_FREEONCLOSE |
                                  SQLITE_DESERIALIZE_RESIZEABLE);
      }
    if (rc != SQLITE_OK)
      {
        _cp_db_set_error (error, db, rc);
        sqlite3_close_v2 (db);
        return NULL;
      }
  }

  if (!_cp_db_get_int (db, "PRAGMA application_id", &app_id, NULL) ||
      !_cp_db_get_int (db, "PRAGMA user_version", &version, NULL) ||
      app_id != CP_DB_APPLICATION_ID)
    goto not_a_pack;

  if (version > latest)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_TOO_NEW,
                           _("It was made by a newer version of the app. Update this app "
                             "to open it."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step (stmt) != SQLITE_ROW)
      goto not_a_pack;
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  if (g_strcmp0 (check, "ok") != 0)
    goto not_a_pack;

  /* This app makes no triggers and no views: a payload with any is not its own. */
  if (!_cp_db_get_int (db, "SELECT count(*) FROM sqlite_master "
                       "WHERE type IN ('trigger', 'view')", &odd, NULL) || odd != 0)
    goto not_a_pack;

  if (version < latest)
    {
      if (strict || version < 8 ||
          !_cp_migrations_run (db, schema, (const char * const *) steps, (guint) latest,
                               NULL, NULL, &local_error))
        goto not_a_pack;
    }
  else if (!same_schema_as_ours (db))
    goto not_a_pack;

  if (!check_meta (db, kind, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;

not_a_pack:
  sqlite3_close_v2 (db);
  _cp_pack_set_not_a_pack (error, kind);
  return NULL;
}

/* ---- The pack as a store ------------------------------------------------------------- */

static gboolean
is_supervision_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (supervision_tables); i++)
    if (g_strcmp0 (table, supervision_tables[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Every statement on a pack's connection is judged here when it is prepared: reads,
 * transactions and the connection's own settings pass, and writes only to the
 * supervision record. Anything else fails with SQLITE_AUTH (READ_ONLY for people). */
static int
authorize_cb (void       *data,
              int         action,
              const char *a,
              const char *b,
              const char *schema,
              const char *trigger)
{
  switch (action)
    {
    case SQLITE_READ:
    case SQLITE_SELECT:
    case SQLITE_FUNCTION:
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;

    case SQLITE_PRAGMA:
      /* A pragma with no value reads; these take a table's name, or set the
       * connection's own checks (recording edits and undo use them). */
      if (b == NULL)
        return SQLITE_OK;
      for (guint i = 0; i < G_N_ELEMENTS (allowed_pragmas); i++)
        if (g_ascii_strcasecmp (a, allowed_pragmas[i]) == 0)
          return SQLITE_OK;
      return SQLITE_DENY;

    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      if (g_strcmp0 (schema, "main") != 0)
        return SQLITE_DENY;
      if (is_supervision_table (a))
        return SQLITE_OK;
      if (action == SQLITE_DELETE && g_strcmp0 (a, "worker_reflection") == 0)
        return SQLITE_OK;
      return SQLITE_DENY;

    default:
      return SQLITE_DENY;
    }
}

CpStore *
cp_store_open_pack (GBytes  *payload,
                    GError **error)
{
  g_autoptr(CpStore) self = NULL;
  sqlite3 *db;

  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = _cp_pack_db_open_bytes (payload, CP_PACK_META_KIND_PACK, FALSE, error)))
    return NULL;

  self = g_object_new (CP_TYPE_STORE, NULL);
  self->path = g_strdup ("supervision-pack");
  self->real_path = g_strdup (self->path);
  self->flags = CP_STORE_OPEN_READ_ONLY | CP_STORE_OPEN_NO_BACKUP;
  self->read_only = TRUE;
  self->pack = TRUE;
  self->db = db;
  self->schema_version = _cp_migrations_get_latest ();

  /* What the reply is measured against: the pack as it came (brought up to date). */
  if (!(self->pack_origin = _cp_pack_db_serialize (db, "main", error)))
    return NULL;

  sqlite3_set_authorizer (db, authorize_cb, NULL);

  if (!_cp_store_reload (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
cp_store_is_pack (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return self->pack;
}

gboolean
cp_store_can_edit_supervision (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return self->db != NULL && (self->pack || !self->read_only);
}

CpPackRecipient
cp_store_get_pack_recipient (CpStore *self)
{
  g_autofree char *nick = NULL;

  g_return_val_if_fail (CP_IS_STORE (self), CP_PACK_RECIPIENT_LINE_SUPERVISOR);

  if (!self->pack || self->db == NULL)
    return CP_PACK_RECIPIENT_LINE_SUPERVISOR;
  nick = _cp_pack_db_dup_meta (self->db, "main", "pack-recipient");
  return g_strcmp0 (nick, "practice_educator") == 0 ? CP_PACK_RECIPIENT_PRACTICE_EDUCATOR
                                                     : CP_PACK_RECIPIENT_LINE_SUPERVISOR;
}

char *
cp_store_dup_pack_uuid (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  if (!self->pack || self->db == NULL)
    return NULL;
  return _cp_pack_db_dup_meta (self->db, "main", "pack-uuid");
}

/* ---- The reply ----------------------------------------------------------------------- */

/* Rows of "cur" that "origin" does not hold as they are: what the supervisor added or
 * changed. Sessions and people discussed go when a row needs them or they are new. */
static const char * const reply_sql[] = {
  "INSERT INTO main.supervision_comment SELECT * FROM cur.supervision_comment "
  "  EXCEPT SELECT * FROM origin.supervision_comment",
  "INSERT INTO main.supervision_action SELECT * FROM cur.supervision_action "
  "  EXCEPT SELECT * FROM origin.supervision_action",
  "INSERT INTO main.supervision_signoff SELECT * FROM cur.supervision_signoff "
  "  EXCEPT SELECT * FROM origin.supervision_signoff",
  "INSERT INTO main.supervision_person SELECT * FROM cur.supervision_person "
  "  WHERE (session_uuid, person_id) IN ("
  "    SELECT session_uuid, person_id FROM main.supervision_comment UNION "
  "    SELECT session_uuid, person_id FROM main.supervision_action UNION "
  "    SELECT session_uuid, person_id FROM main.supervision_signoff UNION "
  "    SELECT session_uuid, person_id FROM (SELECT * FROM cur.supervision_person "
  "      EXCEPT SELECT * FROM origin.supervision_person))",
  "INSERT INTO main.supervision_session SELECT * FROM cur.supervision_session "
  "  WHERE uuid IN (SELECT session_uuid FROM main.supervision_person UNION "
  "    SELECT uuid FROM (SELECT * FROM cur.supervision_session "
  "      EXCEPT SELECT * FROM origin.supervision_session))",
};

static sqlite3 *
build_reply (CpStore  *self,
             GError  **error)
{
  g_autoptr(GBytes) current = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *pack_uuid = NULL;
  g_autofree char *recipient = NULL;
  sqlite3 *db;

  if (!self->pack)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND,
                           _("Only a supervision pack has a reply to send."));
      return NULL;
    }
  if (!_cp_store_check_open (self, error))
    return NULL;

  uuid = _cp_pack_db_dup_meta (self->db, "main", "uuid");
  pack_uuid = _cp_pack_db_dup_meta (self->db, "main", "pack-uuid");
  recipient = _cp_pack_db_dup_meta (self->db, "main", "pack-recipient");
  {
    const CpDbValue meta[] = {
      CP_DB_TEXT (uuid), CP_DB_TEXT (pack_uuid), CP_DB_TEXT (recipient ? recipient : "")
    };

    if (!(current = _cp_pack_db_serialize (self->db, "main", error)) ||
        !(db = _cp_pack_db_new_empty (error)))
      return NULL;

    /* The reply holds no person: people are named by the practitioner's ids. */
    if (!_cp_db_exec (db, "PRAGMA foreign_keys = OFF", error) ||
        !_cp_pack_db_attach_bytes (db, "cur", current, error) ||
        !_cp_pack_db_attach_bytes (db, "origin", self->pack_origin, error) ||
        !_cp_db_exec (db, "BEGIN", error))
      goto fail;

    for (guint i = 0; i < G_N_ELEMENTS (reply_sql); i++)
      if (!_cp_db_exec (db, reply_sql[i], error))
        goto fail;

    if (!_cp_db_exec (db, "DELETE FROM main.workspace_meta", error) ||
        !_cp_db_run (db,
                     "INSERT INTO main.workspace_meta (key, value) VALUES "
                     "('uuid', ?1), ('pack-uuid', ?2), "
                     "('pack-kind', '" CP_PACK_META_KIND_REPLY "'), ('pack-recipient', ?3)",
                     meta, G_N_ELEMENTS (meta), NULL, error) ||
        !_cp_db_exec (db, "COMMIT", error) ||
        !_cp_db_exec (db, "DETACH cur; DETACH origin", error))
      goto fail;
  }
  return db;

fail:
  sqlite3_close_v2 (db);
  return NULL;
}

gboolean
cp_store_pack_has_changes (CpStore *self)
{
  sqlite3 *db;
  int n = 0;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  if (!self->pack || self->db == NULL || !(db = build_reply (self, NULL)))
    return FALSE;
  if (!_cp_db_get_int (db, "SELECT (SELECT count(*) FROM supervision_session) + "
                       "(SELECT count(*) FROM supervision_person)", &n, NULL))
    n = 0;
  sqlite3_close_v2 (db);
  return n > 0;
}

GBytes *
cp_store_build_reply_payload (CpStore  *pack_store,
                              GError  **error)
{
  GBytes *payload;
  sqlite3 *db;

  g_return_val_if_fail (CP_IS_STORE (pack_store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(db = build_reply (pack_store, error)))
    return NULL;
  payload = _cp_pack_db_serialize (db, "main", error);
  sqlite3_close_v2 (db);
  return payload;
}
