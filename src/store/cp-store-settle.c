/* cp-store-settle.c: after a commit the disk refused, find out what the file holds
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-private.h"

/* A COMMIT in WAL mode writes its frames to the -wal and then syncs it. When the sync
 * (or a write) fails, SQLite reports the error and rolls back in memory, but the frames
 * may already be in the -wal with good checksums: WAL recovery after a crash, or a later
 * open, can bring the edit back. SQLite cannot take them out again, and Linux may drop
 * the dirty pages after a failed fsync and report a retry as clean, so re-reading the
 * page cache proves nothing either. So:
 *
 *  1. close the connection (its close may checkpoint: then the frames are gone), and
 *     open it again: recovery reads the -wal as the disk has it now;
 *  2. checkpoint with TRUNCATE: every committed page is written into the file again and
 *     synced, and the -wal emptied, so nothing left in it can come back later. When that
 *     works the state is certain; when the disk still fails, it is not;
 *  3. read whether the edit is there (its changeset applies backwards without a
 *     conflict), and reload the models from the file.
 *
 * The caller then says exactly that: not saved (and not there), saved, or there now but
 * perhaps not on the disk. */

static int
note_conflict (void                   *user_data,
               int                     conflict,
               sqlite3_changeset_iter *iter)
{
  *(gboolean *) user_data = TRUE;

  return SQLITE_CHANGESET_ABORT;
}

/* Whether the rows @changeset leads to are what the workspace holds: its inverse applies
 * with no conflict. Tried in a transaction that is rolled back. */
static gboolean
changeset_is_there (sqlite3    *db,
                    int         n,
                    const void *changeset)
{
  gboolean conflict = FALSE;
  void *inverse = NULL;
  int n_inverse = 0;
  int rc;

  if (n <= 0 || sqlite3changeset_invert (n, changeset, &n_inverse, &inverse) != SQLITE_OK)
    return FALSE;

  if (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_free (inverse);
      return FALSE;
    }

  rc = sqlite3changeset_apply (db, n_inverse, inverse, NULL, note_conflict, &conflict);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  sqlite3_free (inverse);

  return rc == SQLITE_OK && !conflict;
}

static gboolean
checkpoint_truncate (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = _cp_db_prepare (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

gboolean
_cp_store_settle (CpStore     *self,
                  int          n_changeset,
                  const void  *changeset,
                  gboolean    *out_certain)
{
  g_autoptr(GError) local_error = NULL;
  gboolean there;

  *out_certain = FALSE;

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  _cp_store_forget_statements (self);
  g_clear_pointer (&self->db, sqlite3_close_v2);

  if (!(self->db = _cp_db_open_rw (self->real_path, &local_error)))
    {
      /* The disk will not even open for writing: show what can be read, and no more. */
      g_debug ("Reopening for writing failed: %s", local_error->message);
      self->db = _cp_db_open_ro_auto (self->real_path, FALSE, NULL, NULL);
      if (!self->read_only)
        {
          self->read_only = TRUE;
          _cp_store_notify_read_only (self);
        }
      if (self->db == NULL)
        {
          _cp_store_reload (self, NULL);
          return FALSE;
        }
    }
  else
    *out_certain = checkpoint_truncate (self->db);

  there = changeset_is_there (self->db, n_changeset, changeset);
  g_debug ("After a failed commit the edit is %s (%s)", there ? "there" : "not there",
           *out_certain ? "certain" : "the disk still fails");

  if (!_cp_store_reload (self, NULL))
    *out_certain = FALSE;

  return there;
}

void
_cp_store_set_uncertain_error (GError **error)
{
  g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_UNCERTAIN,
                       _("The disk reported an error while saving. The change is in the "
                         "workspace now, but the disk may not keep it: save a copy on "
                         "another disk, and have this one checked."));
}
