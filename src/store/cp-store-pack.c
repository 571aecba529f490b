/* cp-store-pack.c: the supervision pack as data: what leaves, in words and as a database
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
#include "cp-store-disclosure.h"
#include "cp-store-pack-private.h"
#include "netmap/cp-netmap-layout.h"

G_DEFINE_QUARK (cp-store-pack-error-quark, cp_store_pack_error)

/* The extract is made in a database attached to the workspace's own connection as
 * "pack": an in-memory copy of this app's empty schema (so the supervisor's app reads
 * it like any workspace), filled by INSERT … SELECT from "main" table by table. Only
 * the tables below are filled, and in each the columns named here are replaced, so a
 * name, a note or a flag is never written into the extract to be overwritten later. */

typedef struct
{
  const char *column;
  const char *expression;   /* over main's row; ?1 is "keep review text", ?2 "keep case ref" */
} Override;

typedef struct
{
  const char     *table;
  const char     *where;      /* which of main's rows go */
  const Override *overrides;  /* { NULL } ended */
} CopyRule;

/* A name is the placeholder 'P' until its initials are set (cp_netmap_pseudonym needs
 * C); pack's secure_delete wipes the placeholder. */
static const Override person_overrides[] = {
  { "name", "'P'" },
  { "case_ref", "CASE WHEN ?2 THEN case_ref END" },
  { "sharing", "''" },
  { "large_print", "0" },
  { "easy_read", "0" },
  { "interpreter", "0" },
  { "interpreter_language", "NULL" },
  { "communication", "''" },
  { "notes", "''" },
  { NULL, NULL }
};
static const Override snapshot_overrides[] = { { "notes", "''" }, { NULL, NULL } };
static const Override member_overrides[] = {
  { "name", "'P'" }, { "caution", "0" }, { "notes", "''" }, { NULL, NULL }
};
static const Override review_overrides[] = {
  { "attended", "CASE WHEN ?1 THEN attended ELSE '' END" },
  { "own_view", "CASE WHEN ?1 THEN own_view ELSE '' END" },
  { "notes", "CASE WHEN ?1 THEN notes ELSE '' END" },
  { "new_contacts", "CASE WHEN ?1 THEN new_contacts ELSE '' END" },
  { "next_steps", "CASE WHEN ?1 THEN next_steps ELSE '' END" },
  { NULL, NULL }
};
static const Override note_overrides[] = {
  { "note", "CASE WHEN ?1 THEN note ELSE '' END" }, { NULL, NULL }
};
static const Override no_overrides[] = { { NULL, NULL } };

#define IN_PACK_PERSON "person_id IN (SELECT id FROM pack.person)"
#define IN_PACK_GOAL   "goal_id IN (SELECT id FROM pack.goal)"
#define IN_PACK_REVIEW "review_id IN (SELECT id FROM pack.review)"

/* Parents before children (foreign keys are on). pack.person is filled first, from the
 * chosen ids. */
static const CopyRule copy_rules[] = {
  { "snapshot", IN_PACK_PERSON, snapshot_overrides },
  { "member", "snapshot_id IN (SELECT id FROM pack.snapshot)", member_overrides },
  { "tie", "snapshot_id IN (SELECT id FROM pack.snapshot)", no_overrides },
  { "goal", IN_PACK_PERSON, no_overrides },
  { "step", IN_PACK_GOAL, no_overrides },
  { "goal_member", IN_PACK_GOAL, no_overrides },
  { "goal_barrier", IN_PACK_GOAL, no_overrides },
  { "review", IN_PACK_PERSON, review_overrides },
  { "review_barrier", IN_PACK_REVIEW, note_overrides },
  { "rating", IN_PACK_REVIEW, note_overrides },
  { "supervision_session",
    "uuid IN (SELECT session_uuid FROM main.supervision_person WHERE " IN_PACK_PERSON ")",
    no_overrides },
  { "supervision_person", IN_PACK_PERSON, no_overrides },
  { "supervision_comment", IN_PACK_PERSON, no_overrides },
  { "supervision_action", IN_PACK_PERSON, no_overrides },
  { "supervision_signoff", IN_PACK_PERSON, no_overrides },
};

/* ---- Shared with the other pack files ------------------------------------------------ */

void
_cp_pack_set_not_a_pack (GError     **error,
                         const char  *kind)
{
  if (g_strcmp0 (kind, CP_PACK_META_KIND_REPLY) == 0)
    g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_A_PACK,
                         _("The file does not hold a supervision reply this app can read."));
  else
    g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_A_PACK,
                         _("The file does not hold a supervision pack this app can read."));
}

static void
make_defensive (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
}

sqlite3 *
_cp_pack_db_open_memory (GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                            SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }
  make_defensive (db);
  if (!_cp_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON", error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

sqlite3 *
_cp_pack_db_new_empty (GError **error)
{
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  sqlite3 *db;

  if (!_cp_migrations_load (&schema, &steps, error) || !(db = _cp_pack_db_open_memory (error)))
    return NULL;

  /* Small pages: most of the schema's tables are empty in a pack and all are in a reply,
   * and each table and index takes a page even then (a reply of a few rows was 260 kB at
   * SQLite's 4 kB pages). */
  if (!_cp_db_exec (db, "PRAGMA page_size = 1024", error) ||
      !_cp_migrations_run (db, schema, (const char * const *) steps, g_strv_length (steps),
                           NULL, NULL, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

GBytes *
_cp_pack_db_serialize (sqlite3     *db,
                       const char  *schema,
                       GError     **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data = sqlite3_serialize (db, schema, &size, 0);
  GBytes *bytes;

  if (data == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("There was not enough memory to make the pack."));
      return NULL;
    }
  bytes = g_bytes_new (data, (gsize) size);
  sqlite3_free (data);
  return bytes;
}

char *
_cp_pack_db_dup_meta (sqlite3    *db,
                      const char *schema,
                      const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM \"%s\".workspace_meta "
                                          "WHERE key = ?1", schema);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  _cp_db_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ---- Recipients ---------------------------------------------------------------------- */

const char *
cp_pack_recipient_get_label (CpPackRecipient recipient)
{
  switch (recipient)
    {
    case CP_PACK_RECIPIENT_PRACTICE_EDUCATOR:
      return _("practice educator");
    case CP_PACK_RECIPIENT_LINE_SUPERVISOR:
    default:
      return _("line supervisor");
    }
}

const char *
cp_pack_recipient_get_role (CpPackRecipient recipient)
{
  switch (recipient)
    {
    case CP_PACK_RECIPIENT_PRACTICE_EDUCATOR:
      return _("Practice educator");
    case CP_PACK_RECIPIENT_LINE_SUPERVISOR:
    default:
      return _("Line supervisor");
    }
}

static const char *
recipient_nick (CpPackRecipient recipient)
{
  return recipient == CP_PACK_RECIPIENT_PRACTICE_EDUCATOR ? "practice_educator"
                                                           : "line_supervisor";
}

/* ---- The extract --------------------------------------------------------------------- */

static gboolean
check_choice (CpStore             *self,
              const CpPackChoice  *choice,
              GError             **error)
{
  if (!_cp_store_check_open (self, error))
    return FALSE;

  if (choice->n_people == 0 || choice->person_ids == NULL)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NO_PEOPLE,
                           _("Choose at least one person for the pack."));
      return FALSE;
    }
  for (guint i = 0; i < choice->n_people; i++)
    if (cp_store_find_person (self, choice->person_ids[i]) == NULL)
      {
        g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NO_PEOPLE,
                             _("Someone chosen for the pack is no longer in the workspace."));
        return FALSE;
      }
  return TRUE;
}

/* INSERT INTO pack.T (every column) SELECT (each column, or its override) FROM main.T
 * WHERE @where: the columns come from the schema itself, so a column added later is
 * copied unless a rule here says otherwise. */
static gboolean
copy_table (sqlite3             *db,
            const char          *table,
            const char          *where,
            const Override      *overrides,
            const CpPackChoice  *choice,
            GError             **error)
{
  g_autofree char *info_sql = g_strdup_printf ("PRAGMA pack.table_info (\"%s\")", table);
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *sql = NULL;
  const CpDbValue binds[] = {
    CP_DB_INT (choice->include_review_text ? 1 : 0),
    CP_DB_INT (choice->recipient == CP_PACK_RECIPIENT_LINE_SUPERVISOR ? 1 : 0),
  };

  if (!(info = _cp_db_prepare (db, info_sql, error)))
    return FALSE;

  while (sqlite3_step (info) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (info, 1);
      const char *expression = NULL;

      for (const Override *o = overrides; o->column != NULL; o++)
        if (g_str_equal (o->column, column))
          expression = o->expression;

      g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "", column);
      if (expression != NULL)
        g_string_append_printf (values, "%s%s", values->len ? ", " : "", expression);
      else
        g_string_append_printf (values, "%s\"%s\"", values->len ? ", " : "", column);
    }

  sql = g_strdup_printf ("INSERT INTO pack.\"%s\" (%s) SELECT %s FROM main.\"%s\" WHERE %s",
                         table, columns->str, values->str, table, where);
  return _cp_db_run (db, sql, binds, G_N_ELEMENTS (binds), NULL, error);
}

/* Names become initials (P1, P2 … when there are none): the people's, and on each
 * person's maps every member's, the same for a member (lineage) on all their maps. */
static gboolean
pseudonymise (sqlite3  *db,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) people = NULL;
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) set_person = NULL;
  g_autoptr(sqlite3_stmt) set_member = NULL;
  g_autoptr(GHashTable) by_lineage = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_free);
  guint person_counter = 0;
  guint member_counter = 0;
  gint64 last_person = -1;
  int rc;

  if (!(people = _cp_db_prepare (db, "SELECT p.id, m.name FROM pack.person AS p "
                                 "JOIN main.person AS m USING (id) ORDER BY p.id", error)) ||
      !(members = _cp_db_prepare (db,
                                  "SELECT s.person_id, p.id, p.lineage, m.name "
                                  "FROM pack.member AS p JOIN main.member AS m USING (id) "
                                  "JOIN pack.snapshot AS s ON s.id = p.snapshot_id "
                                  "ORDER BY s.person_id, s.taken_on, s.id, p.id", error)) ||
      !(set_person = _cp_db_prepare (db, "UPDATE pack.person SET name = ?2 WHERE id = ?1",
                                     error)) ||
      !(set_member = _cp_db_prepare (db, "UPDATE pack.member SET name = ?2 WHERE id = ?1",
                                     error)))
    return FALSE;

  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    {
      g_autofree char *initials =
        cp_netmap_pseudonym ((const char *) sqlite3_column_text (people, 1), &person_counter);

      sqlite3_bind_int64 (set_person, 1, sqlite3_column_int64 (people, 0));
      _cp_db_bind_text (set_person, 2, initials);
      if (!_cp_db_step_done (set_person, error))
        return FALSE;
      sqlite3_reset (set_person);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return FALSE;
    }

  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (members, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              (gint64) sqlite3_column_int64 (members, 2));
      const char *initials;

      if (person != last_person)
        {
          g_hash_table_remove_all (by_lineage);
          member_counter = 0;
          last_person = person;
        }
      initials = g_hash_table_lookup (by_lineage, key);
      if (initials == NULL)
        {
          char *made = cp_netmap_pseudonym ((const char *) sqlite3_column_text (members, 3),
                                            &member_counter);

          g_hash_table_insert (by_lineage, g_steal_pointer (&key), made);
          initials = made;
        }

      sqlite3_bind_int64 (set_member, 1, sqlite3_column_int64 (members, 1));
      _cp_db_bind_text (set_member, 2, initials);
      if (!_cp_db_step_done (set_member, error))
        return FALSE;
      sqlite3_reset (set_member);
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fill_extract (CpStore             *self,
              sqlite3             *db,
              const CpPackChoice  *choice,
              const char          *pack_uuid,
              GError             **error)
{
  g_autofree char *workspace_uuid = cp_store_dup_workspace_uuid (self);
  g_autofree char *now = _cp_db_now ();
  g_autoptr(GString) ids = g_string_new ("[");
  const CpDbValue meta[] = {
    CP_DB_TEXT (workspace_uuid), CP_DB_TEXT (pack_uuid),
    CP_DB_TEXT (recipient_nick (choice->recipient)), CP_DB_TEXT (now)
  };
  g_autofree char *person_where = NULL;

  if (workspace_uuid == NULL)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                           _("The workspace has no UUID, so a reply could not find it."));
      return FALSE;
    }

  for (guint i = 0; i < choice->n_people; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "", choice->person_ids[i]);
  g_string_append_c (ids, ']');
  person_where = g_strdup_printf ("id IN (SELECT value FROM json_each ('%s'))", ids->str);

  if (!_cp_db_exec (db, "BEGIN", error))
    return FALSE;

  if (!copy_table (db, "person", person_where, person_overrides, choice, error))
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (copy_rules); i++)
    if (!copy_table (db, copy_rules[i].table, copy_rules[i].where, copy_rules[i].overrides,
                     choice, error))
      goto fail;

  if (!pseudonymise (db, error) ||
      !_cp_db_exec (db, "DELETE FROM pack.workspace_meta", error) ||
      !_cp_db_run (db,
                   "INSERT INTO pack.workspace_meta (key, value) VALUES "
                   "('uuid', ?1), ('pack-uuid', ?2), ('pack-kind', '" CP_PACK_META_KIND_PACK "'), "
                   "('pack-recipient', ?3), ('pack-made-at', ?4)",
                   meta, G_N_ELEMENTS (meta), NULL, error) ||
      !_cp_db_exec (db, "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Attaches an empty extract to the workspace's connection as "pack" and fills it. */
static gboolean
attach_extract (CpStore             *self,
                const CpPackChoice  *choice,
                const char          *pack_uuid,
                GError             **error)
{
  sqlite3 *db = _cp_store_get_db (self);
  g_autoptr(GBytes) empty = NULL;
  sqlite3 *template;

  if (!(template = _cp_pack_db_new_empty (error)))
    return FALSE;
  empty = _cp_pack_db_serialize (template, "main", error);
  sqlite3_close_v2 (template);
  if (empty == NULL || !_cp_pack_db_attach_bytes (db, "pack", empty, error))
    return FALSE;

  if (!_cp_db_exec (db, "PRAGMA pack.secure_delete = ON", error) ||
      !fill_extract (self, db, choice, pack_uuid, error))
    {
      sqlite3_exec (db, "DETACH pack", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
detach_extract (CpStore *self)
{
  int rc = sqlite3_exec (_cp_store_get_db (self), "DETACH pack", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_warning ("Could not let go of a supervision pack: %s", sqlite3_errstr (rc));
}

GBytes *
cp_store_build_pack_payload (CpStore             *self,
                             const CpPackChoice  *choice,
                             const char          *pack_uuid,
                             GError             **error)
{
  GBytes *payload;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (choice != NULL, NULL);
  g_return_val_if_fail (pack_uuid != NULL && g_uuid_string_is_valid (pack_uuid), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_choice (self, choice, error) || !attach_extract (self, choice, pack_uuid, error))
    return NULL;

  payload = _cp_pack_db_serialize (_cp_store_get_db (self), "pack", error);
  detach_extract (self);
  return payload;
}

/* ---- The preview --------------------------------------------------------------------- */

static gboolean
describe_person (sqlite3       *db,
                 gint64         id,
                 const CpPackChoice *choice,
                 GString       *out,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *maps = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *sessions = NULL;
  const char *case_ref;
  int n_maps, n_goals, n_steps, n_reviews, n_sessions;

  if (!(stmt = _cp_db_prepare (db,
                               "SELECT name, case_ref, "
                               "(SELECT count(*) FROM pack.snapshot WHERE person_id = ?1), "
                               "(SELECT count(*) FROM pack.goal WHERE person_id = ?1), "
                               "(SELECT count(*) FROM pack.step JOIN pack.goal AS g "
                               "   ON g.id = goal_id WHERE g.person_id = ?1), "
                               "(SELECT count(*) FROM pack.review WHERE person_id = ?1), "
                               "(SELECT count(*) FROM pack.supervision_person "
                               "   WHERE person_id = ?1) "
                               "FROM pack.person WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NO_PEOPLE,
                           _("Someone chosen for the pack is no longer in the workspace."));
      return FALSE;
    }

  case_ref = (const char *) sqlite3_column_text (stmt, 1);
  n_maps = sqlite3_column_int (stmt, 2);
  n_goals = sqlite3_column_int (stmt, 3);
  n_steps = sqlite3_column_int (stmt, 4);
  n_reviews = sqlite3_column_int (stmt, 5);
  n_sessions = sqlite3_column_int (stmt, 6);

  maps = g_strdup_printf (ngettext ("%d map", "%d maps", n_maps), n_maps);
  goals = g_strdup_printf (ngettext ("%d goal", "%d goals", n_goals), n_goals);
  steps = g_strdup_printf (ngettext ("%d step", "%d steps", n_steps), n_steps);
  reviews = g_strdup_printf (ngettext ("%d review", "%d reviews", n_reviews), n_reviews);
  sessions = g_strdup_printf (ngettext ("%d supervision session", "%d supervision sessions",
                                        n_sessions), n_sessions);

  g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
  if (case_ref != NULL)
    /* Translators: the person's case reference */
    g_string_append_printf (out, _("Case reference %s"), case_ref);
  else
    g_string_append (out, _("Case reference left out"));
  g_string_append_c (out, '\n');
  /* Translators: "2 maps, 3 goals, 7 steps, 1 review, 2 supervision sessions" */
  g_string_append_printf (out, _("%s, %s, %s, %s, %s"), maps, goals, steps, reviews,
                          sessions);
  g_string_append_c (out, '\n');
  g_string_append (out, choice->include_review_text
                        ? _("Review notes and rating notes go with it.")
                        : _("Review notes and rating notes are left out."));
  g_string_append (out, "\n\n");
  return TRUE;
}

char *
cp_store_describe_pack (CpStore             *self,
                        const CpPackChoice  *choice,
                        GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *heading = NULL;
  sqlite3 *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (choice != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Counted in the extract itself, so the preview says what the pack holds. */
  if (!check_choice (self, choice, error) || !attach_extract (self, choice, uuid, error))
    return NULL;
  db = _cp_store_get_db (self);

  heading = g_strdup_printf (ngettext ("For a %s: %u person, by initials only.",
                                       "For a %s: %u people, by initials only.",
                                       choice->n_people),
                             cp_pack_recipient_get_label (choice->recipient),
                             choice->n_people);
  g_string_append_printf (out, "%s\n\n", heading);

  {
    g_autoptr(sqlite3_stmt) ids = _cp_db_prepare (db, "SELECT id FROM pack.person ORDER BY id",
                                                  error);

    ok = ids != NULL;
    while (ok && sqlite3_step (ids) == SQLITE_ROW)
      ok = describe_person (db, sqlite3_column_int64 (ids, 0), choice, out, error);
  }
  detach_extract (self);
  if (!ok)
    return NULL;

  g_string_append (out, _("Never in a pack: names, notes, caution flags, what the person "
                          "agreed may be shared, communication needs, the worker's "
                          "reflections, the disclosure log, the library, other people on "
                          "the caseload, and the app's settings."));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Recording what left ------------------------------------------------------------- */

typedef struct
{
  const char         *pack_uuid;
  const CpPackChoice *choice;
  const char         *now;
} SentPack;

static gboolean
record_sent_pack (CpStore   *store,
                  sqlite3   *db,
                  gpointer   user_data,
                  GError   **error)
{
  SentPack *s = user_data;
  const CpDbValue pack[] = {
    CP_DB_TEXT (s->pack_uuid), CP_DB_TEXT (s->now),
    CP_DB_TEXT (recipient_nick (s->choice->recipient))
  };

  if (!_cp_db_run (db, "INSERT INTO sent_pack (uuid, made_at, recipient) VALUES (?1, ?2, ?3)",
                   pack, G_N_ELEMENTS (pack), NULL, error))
    return FALSE;

  for (guint i = 0; i < s->choice->n_people; i++)
    {
      const CpDbValue person[] = {
        CP_DB_TEXT (s->pack_uuid), CP_DB_INT (s->choice->person_ids[i]), CP_DB_TEXT (s->now),
        CP_DB_TEXT (cp_pack_recipient_get_label (s->choice->recipient)),
        CP_DB_TEXT (_("supervision pack, pseudonymised"))
      };

      if (!_cp_db_run (db,
                       "INSERT OR IGNORE INTO sent_pack_person (pack_uuid, person_id) "
                       "VALUES (?1, ?2)", person, 2, NULL, error) ||
          !_cp_db_run (db,
                       "INSERT INTO disclosure (person_id, what, detail, to_whom, made_at) "
                       "VALUES (?2, 'supervision_pack', ?5, ?4, ?3)",
                       person, G_N_ELEMENTS (person), NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cp_store_record_sent_pack (CpStore             *self,
                           const char          *pack_uuid,
                           const CpPackChoice  *choice,
                           GError             **error)
{
  g_autofree char *now = _cp_db_now ();
  SentPack s = { pack_uuid, choice, now };

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_uuid != NULL && g_uuid_string_is_valid (pack_uuid), FALSE);
  g_return_val_if_fail (choice != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_choice (self, choice, error))
    return FALSE;

  /* Like the disclosure log: a fact, not an undo step. */
  return _cp_store_edit (self, NULL, NULL, record_sent_pack, &s, error);
}
