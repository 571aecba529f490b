/* cp-restore.c: putting a backup back, whole or not at all
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-backup"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-migrations.h"
#include "cp-store-private.h"

/* A restore never leaves the workspace half way:
 *
 *  1. prepare: the backup is copied (backup API, which reads its -wal too) into a private
 *     temporary file in backups/, and that copy is brought up to the app's schema. A
 *     backup that cannot be migrated fails here, before anything of the workspace changes.
 *  2. the present state is backed up ("before-restore").
 *  3. the undo history is cleared: from here on its steps would apply to other data.
 *  4. swap: the prepared copy is copied into the open workspace with the backup API, as
 *     one transaction through the workspace's own WAL: all of it or nothing, with the
 *     other connections (a reader, a worker) seeing either state. Nothing is renamed over
 *     the workspace, so no stale -wal or -shm of another file can be replayed onto it.
 *  5. the store reloads its models and emits ::changed.
 *
 * 1, 2 and 4 need no store: a worker thread can run them on a connection of its own
 * (_cp_restore_stage, _cp_restore_swap_in), with 3 and 5 on the main thread
 * (_cp_store_clear_undo before, _cp_store_finish_restore after). cp_store_restore_backup
 * does it all in place; cp_store_restore_backup_async (cp-store-async.c) runs 1 and 2 in
 * one worker and 4 in another, each on a connection of its own. */

void
_cp_restore_discard (const char *prepared)
{
  static const char * const sides[] = { "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (prepared, sides[i], NULL);

      g_unlink (side);
    }
  if (g_unlink (prepared) != 0)
    g_debug ("Could not remove a prepared restore: %s", g_strerror (errno));
}

char *
_cp_restore_prepare (const char  *real_path,
                     const char  *backup_path,
                     GError     **error)
{
  g_autofree char *dir = _cp_store_dup_backup_dir (real_path);
  g_autofree char *tmp = NULL;
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) local_error = NULL;
  CpDbInfo info;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  if (!_cp_db_probe (backup_path, &info, error))
    return NULL;

  if (!info.exists)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That backup is no longer there."));
      return NULL;
    }

  if (info.application_id != CP_DB_APPLICATION_ID)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("That file is not a backup of a workspace."));
      return NULL;
    }

  if (info.user_version > _cp_migrations_get_latest ())
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                           _("That backup was made by a newer version of the app."));
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("The backup folder could not be made: %s."), g_strerror (errno));
      return NULL;
    }

  /* Named like an unfinished copy, so that a crash leaves nothing the next daily backup
   * does not clear. */
  tmp = g_build_filename (dir, "restore.cpkit.part-XXXXXX", NULL);
  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      g_set_error (error, CP_STORE_ERROR,
                   errno == ENOSPC ? CP_STORE_ERROR_FULL : CP_STORE_ERROR_FAILED,
                   _("The backup could not be prepared: %s."), g_strerror (errno));
      return NULL;
    }
  close (fd);

  if (!(src = _cp_db_open_ro_auto (backup_path, TRUE, NULL, &local_error)))
    goto fail;

  rc = sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (&local_error, dest, rc);
      goto fail;
    }
  if (!_cp_db_copy (dest, src, &local_error))
    goto fail;
  g_clear_pointer (&src, sqlite3_close_v2);

  /* The copy is the one migrated; the backup file itself stays as it was, and is the
   * backup of what the copy was before. */
  if (info.user_version < _cp_migrations_get_latest () &&
      (!_cp_migrations_load (&schema, &steps, &local_error) ||
       !_cp_migrations_run (dest, NULL, (const char * const *) steps, g_strv_length (steps),
                            NULL, NULL, &local_error)))
    {
      if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION))
        {
          g_clear_error (&local_error);
          g_set_error_literal (&local_error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION,
                               _("That backup could not be brought up to this version of "
                                 "the app, so it was not restored. The workspace is as it "
                                 "was."));
        }
      goto fail;
    }

  if (sqlite3_close (dest) != SQLITE_OK)
    {
      _cp_db_set_error (&local_error, dest, sqlite3_errcode (dest));
      goto fail;
    }

  return g_steal_pointer (&tmp);

fail:
  sqlite3_close_v2 (src);
  sqlite3_close_v2 (dest);
  _cp_restore_discard (tmp);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

char *
_cp_restore_stage (const char  *real_path,
                   sqlite3     *db,
                   const char  *backup_path,
                   GError     **error)
{
  g_autofree char *prepared = NULL;
  g_autofree char *safety = NULL;

  if (!(prepared = _cp_restore_prepare (real_path, backup_path, error)))
    return NULL;

  /* First keep what is there now, so that the restore itself can be undone by hand. */
  if (!(safety = _cp_backup_new_path (real_path, "before-restore", error)) ||
      !_cp_db_backup_to_file (db, safety, FALSE, error))
    {
      _cp_restore_discard (prepared);
      return NULL;
    }

  return g_steal_pointer (&prepared);
}

gboolean
_cp_restore_swap_in (sqlite3     *db,
                     const char  *prepared,
                     GError     **error)
{
  sqlite3 *src;
  gboolean ok;

  /* Nothing else has the prepared copy (closed whole, its WAL folded in): immutable, so
   * that reading it leaves no -wal or -shm beside it. */
  if (!(src = _cp_db_open_ro (prepared, TRUE, error)))
    return FALSE;

  /* One write transaction on the workspace: it commits whole, or not at all. */
  ok = _cp_db_copy (db, src, error);
  sqlite3_close_v2 (src);
  if (!ok)
    return FALSE;

  /* The copy's header said "rollback journal": the workspace stays in WAL mode. */
  return _cp_db_exec (db, "PRAGMA journal_mode = WAL", error);
}

static GStrv
dup_table_names (sqlite3 *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = _cp_db_prepare (db,
                                                 "SELECT name FROM sqlite_master "
                                                 "WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                                 NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

gboolean
_cp_store_finish_restore (CpStore  *self,
                          GError  **error)
{
  g_auto(GStrv) tables = NULL;

  _cp_store_clear_undo (self);
  /* The file under the connection is another one now: nothing prepared on the old one. */
  _cp_store_forget_statements (self);
  self->schema_version = _cp_migrations_get_latest ();
  if (!_cp_store_reload (self, error))
    return FALSE;

  tables = dup_table_names (self->db);
  _cp_store_emit_changed (self, (const char * const *) tables);

  return TRUE;
}

gboolean
cp_store_restore_backup (CpStore     *self,
                         const char  *backup_path,
                         GError     **error)
{
  g_autofree char *prepared = NULL;
  gboolean ok;

  g_return_val_if_fail (CP_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->capture == NULL, FALSE);

  if (!_cp_store_check_writable (self, error) ||
      !(prepared = _cp_restore_stage (self->real_path, self->db, backup_path, error)))
    return FALSE;

  /* From here the workspace changes under the history: it goes first. */
  _cp_store_clear_undo (self);
  ok = _cp_restore_swap_in (self->db, prepared, error);
  _cp_restore_discard (prepared);

  /* Swapped or not, the models show what the file holds. */
  if (!ok)
    {
      _cp_store_reload (self, NULL);
      return FALSE;
    }

  return _cp_store_finish_restore (self, error);
}
