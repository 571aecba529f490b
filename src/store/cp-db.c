/* cp-db.c: the SQLite handle, its pragmas, errors and file helpers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-db"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-db.h"
#include "cp-store.h"
#include "util/cp-file.h"

static const struct
{
  const char *key;      /* part of SQLite's message: a constraint name or table.column */
  const char *message;
} constraint_messages[] = {
  { "person_name", N_("A person needs a name or initials.") },
  { "person.name", N_("A person needs a name or initials.") },
  { "person_case_ref", N_("A case reference cannot be blank.") },
  { "person_status", N_("That is not a status the workspace knows.") },
  { "person_pause_reason", N_("A pause needs a reason: hospital, crisis or the person’s choice.") },
  { "person_closed_on", N_("Closing needs a real date.") },
  { "person_focus", N_("That is not a focus the workspace knows.") },
  { "person_next_review", N_("The next review needs a real date.") },
  { "person_agreed_on", N_("The agreement needs a real date.") },
  { "snapshot_label", N_("A map needs a label.") },
  { "snapshot_taken_on", N_("A map needs a real date.") },
  { "member_name", N_("Someone or something on the map needs a name or a role.") },
  { "member.name", N_("Someone or something on the map needs a name or a role.") },
  { "member_kind", N_("A member of the map is a person, a place or an activity.") },
  { "member.kind", N_("A member of the map is a person, a place or an activity.") },
  { "member_sector", N_("That is not one of the map’s six sectors.") },
  { "member.sector", N_("That is not one of the map’s six sectors.") },
  { "member_ring", N_("A map has three rings and an outer zone.") },
  { "member_angle", N_("That place is not on the map.") },
  { "member_depth", N_("That place is not on the map.") },
  { "member_added_on", N_("A member needs the real date it was added.") },
  { "member_lineage", N_("That member is already on this map.") },
  { "member_chips", N_("A chip or a mark is either on or off.") },
  { "member_marks", N_("A chip or a mark is either on or off.") },
  { "member_frequency", N_("Those support details cannot be recorded.") },
  { "member_years_known", N_("Those support details cannot be recorded.") },
  { "member_support_types", N_("Those support details cannot be recorded.") },
  { "member_direction", N_("Those support details cannot be recorded.") },
  { "member_paid", N_("Those support details cannot be recorded.") },
  { "tie_", N_("Those two can be linked only once, and not to themselves.") },
  { "person_check_in_on", N_("A check-in date is for a paused person, and needs a real date.") },
  { "person_plan_agreed_on", N_("The day the plan was agreed needs a real date.") },
  { "person_guide_on", N_("Going through the guide needs a real date.") },
  { "goal_text", N_("A goal needs some words.") },
  { "goal_life_area", N_("That is not an area of life the workspace knows.") },
  { "goal_dialog_domain", N_("That is not one of the DIALOG+ items.") },
  { "goal_target_on", N_("A target date needs to be a real date.") },
  { "goal_baseline_level", N_("A goal level is between −2 and +2.") },
  { "goal_importance", N_("Importance and difficulty go from 0 to 3.") },
  { "goal_difficulty", N_("Importance and difficulty go from 0 to 3.") },
  { "goal_status_on", N_("An achieved or put-aside goal needs the real date it happened.") },
  { "goal_status", N_("A goal is active, achieved or put aside.") },
  { "goal_made_on", N_("A goal needs the real date it was agreed.") },
  { "goal_member.goal_id", N_("That member already helps with this goal.") },
  { "goal_barrier_text", N_("Say what gets in the way.") },
  { "step_text", N_("A step needs some words.") },
  { "step_owner_role", N_("Say who else does this step, by their role.") },
  { "step_owner", N_("Say who does this step.") },
  { "step_due_on", N_("A due date needs to be a real date.") },
  { "step_done_on", N_("A step needs the real date it was done.") },
  { "review_held_on", N_("A review needs the real date it was held.") },
  { "review_barrier.review_id", N_("Each thing that got in the way is picked once.") },
  { "review_barrier_kind", N_("That is not something the review knows got in the way.") },
  { "review_barrier_safety", N_("Safety takes no note here: record this in the case record.") },
  { "rating.review_id", N_("Each goal is rated once at a review.") },
  { "rating_level", N_("A goal level is between −2 and +2.") },
  { "rating_progress", N_("A goal is further on, about the same, or harder.") },
  { "rating_kind", N_("A goal is rated with a level or in words, not both.") },
  { "disclosure_what", N_("That is not something the disclosure log knows.") },
  { "FOREIGN KEY", N_("That refers to something that is no longer in the workspace.") },
};

void
_cp_db_set_error (GError  **error,
                  sqlite3  *db,
                  int       rc)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  /* SQLite's messages name constraints and tables, never values: safe for the debug log,
   * but not for people to read. */
  g_debug ("SQLite error %d: %s", rc, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_IOERR:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL,
                           _("The disk is full or could not be written. "
                             "The change was not saved."));
      break;

    case SQLITE_CONSTRAINT:
      for (guint i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
        {
          if (strstr (detail, constraint_messages[i].key) != NULL)
            {
              g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                                   _(constraint_messages[i].message));
              return;
            }
        }
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("The change breaks a rule of the workspace and was not saved."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("The workspace cannot be written."));
      break;

    case SQLITE_AUTH:
      /* Only a supervision pack's connection refuses statements (cp-store-pack-open.c). */
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("This is a supervision pack: only supervision comments, "
                             "actions and sign-offs can be changed in it."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_LOCKED,
                           _("The workspace is in use by another program."));
      break;

    case SQLITE_CORRUPT:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                           _("The workspace file is damaged."));
      break;

    case SQLITE_NOTADB:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("The file is not a workspace."));
      break;

    case SQLITE_CANTOPEN:
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                           _("The workspace could not be opened."));
      break;

    default:
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("Something went wrong in the workspace (%s)."), sqlite3_errstr (rc));
      break;
    }
}

gboolean
_cp_db_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_cp_db_prepare (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

void
_cp_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
_cp_db_step_done (sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      sqlite3 *db = sqlite3_db_handle (stmt);

      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cp_db_bind_values (sqlite3_stmt     *stmt,
                    const CpDbValue  *values,
                    guint             n_values,
                    GError          **error)
{
  guint n_params = (guint) sqlite3_bind_parameter_count (stmt);

  for (guint i = 0; i < n_values && i < n_params; i++)
    {
      const CpDbValue *value = &values[i];
      int index = (int) i + 1;
      int rc;

      switch (value->type)
        {
        case CP_DB_VALUE_INT:
          rc = sqlite3_bind_int64 (stmt, index, value->v.i);
          break;
        case CP_DB_VALUE_REAL:
          rc = sqlite3_bind_double (stmt, index, value->v.r);
          break;
        case CP_DB_VALUE_TEXT:
          rc = value->v.t != NULL
               ? sqlite3_bind_text (stmt, index, value->v.t, -1, SQLITE_TRANSIENT)
               : sqlite3_bind_null (stmt, index);
          break;
        case CP_DB_VALUE_NULL:
        default:
          rc = sqlite3_bind_null (stmt, index);
          break;
        }

      if (rc != SQLITE_OK)
        {
          _cp_db_set_error (error, sqlite3_db_handle (stmt), rc);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_cp_db_run (sqlite3          *db,
            const char       *sql,
            const CpDbValue  *values,
            guint             n_values,
            guint            *out_n_touched,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_rows = 0;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)) ||
      !_cp_db_bind_values (stmt, values, n_values, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    n_rows++;

  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  if (out_n_touched != NULL)
    *out_n_touched = n_rows + (sqlite3_stmt_readonly (stmt) ? 0 : (guint) sqlite3_changes (db));

  return TRUE;
}

gboolean
_cp_db_get_int (sqlite3     *db,
                const char  *sql,
                int         *out_value,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out_value = 0;
      return TRUE;
    }

  _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
  return FALSE;
}

gboolean
_cp_db_foreign_key_check (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _cp_db_prepare (db, "PRAGMA foreign_key_check", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_debug ("foreign_key_check: row in %s refers to missing %s",
               (const char *)sqlite3_column_text (stmt, 0),
               (const char *)sqlite3_column_text (stmt, 2));
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT,
                           _("Some records refer to records that are no longer there."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_pragmas (sqlite3  *db,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *mode;

  if (!(stmt = _cp_db_prepare (db, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _cp_db_set_error (error, db, sqlite3_extended_errcode (db));
      return FALSE;
    }

  mode = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("The workspace could not be switched to safe writing (journal mode %s)."),
                   mode ? mode : "?");
      return FALSE;
    }

  return _cp_db_exec (db,
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA secure_delete = ON;"
                      "PRAGMA temp_store = MEMORY;"   /* no temporary files with people's data */
                      "PRAGMA trusted_schema = OFF;",
                      error);
}

sqlite3 *
_cp_db_open_rw (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                           _("The workspace cannot be written."));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);

  if (!apply_pragmas (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

sqlite3 *
_cp_db_open_ro (const char  *path,
                gboolean     immutable,
                GError     **error)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *base_uri = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (!(base_uri = g_filename_to_uri (abs, NULL, NULL)))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                           _("The workspace could not be opened."));
      return NULL;
    }

  uri = g_strconcat (base_uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);
  rc = sqlite3_open_v2 (uri, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, db, rc);
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  if (!_cp_db_exec (db, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;", error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

gboolean
_cp_db_can_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *paths[] = { path, dir };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GStatBuf st;

      if (g_stat (paths[i], &st) != 0)
        continue;
      if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return FALSE;
      if (access (paths[i], W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        return FALSE;
    }

  return TRUE;
}

/* Whether @path-wal holds anything: committed work that the file alone does not show. */
static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

sqlite3 *
_cp_db_open_ro_auto (const char  *path,
                     gboolean     brief,
                     gboolean    *out_stale,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean has_wal = wal_has_frames (path);
  sqlite3 *db;
  int n = 0;

  if (out_stale != NULL)
    *out_stale = FALSE;

  /* Nothing in a -wal to miss: immutable reads everything, and leaves no -shm behind. */
  if (!has_wal && (brief || !_cp_db_can_write (path)))
    return _cp_db_open_ro (path, TRUE, error);

  /* The WAL index is only made (or found) on the first read: try one. A -wal that holds
   * frames is read through it, even when the file or its folder is read-only. */
  db = _cp_db_open_ro (path, FALSE, &local_error);
  if (db != NULL && _cp_db_get_int (db, "SELECT count(*) FROM sqlite_master", &n, &local_error))
    return db;

  g_clear_pointer (&db, sqlite3_close_v2);
  if (!g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN) &&
      !g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* A -wal with no -shm in a folder where none can be made: SQLite cannot read it. The
   * file alone is all there is to read, and the caller must say it is not the latest. */
  if (has_wal)
    {
      g_debug ("The -wal beside a read-only workspace cannot be read");
      if (out_stale != NULL)
        *out_stale = TRUE;
    }

  return _cp_db_open_ro (path, TRUE, error);
}

void
_cp_db_set_wal_unreadable_error (GError **error)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY,
                       _("The workspace’s recent changes (its -wal file) cannot be read "
                         "here: the file and its folder are read-only and there is no -shm "
                         "file. Open it where it can be written, or copy the file together "
                         "with its -wal."));
}

char *
_cp_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (now) / 1000);
}
