/* cp-db-file.c: the workspace as a file: what it is before it is opened, making a new
 * one, the modes of its side files, and whole copies of it (backups)
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

static gboolean
read_facts (sqlite3   *db,
            CpDbInfo  *info,
            GError   **error)
{
  int app_id = 0;

  if (!_cp_db_get_int (db, "SELECT count(*) FROM sqlite_master", &info->n_objects, error) ||
      !_cp_db_get_int (db, "PRAGMA user_version", &info->user_version, error) ||
      !_cp_db_get_int (db, "PRAGMA application_id", &app_id, error))
    return FALSE;

  info->application_id = app_id;

  return TRUE;
}

gboolean
_cp_db_probe (const char  *path,
              CpDbInfo    *info,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  GStatBuf st;
  char header[100];
  gssize n;
  int fd;
  sqlite3 *db;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  memset (info, 0, sizeof *info);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        return TRUE;

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN,
                   _("The workspace could not be read: %s."), g_strerror (saved));
      return FALSE;
    }

  info->exists = TRUE;
  info->size = st.st_size;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("This is not a file."));
      return FALSE;
    }

  if (st.st_size == 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("The file is empty."));
      return FALSE;
    }

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    {
      int saved = errno;

      g_set_error (error, CP_STORE_ERROR,
                   saved == EACCES ? CP_STORE_ERROR_READ_ONLY : CP_STORE_ERROR_OPEN,
                   _("The workspace could not be read: %s."), g_strerror (saved));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("The file is not a workspace: it is not an SQLite database."));
      return FALSE;
    }

  /* A read-only connection never writes the database file. */
  db = _cp_db_open_ro_auto (path, TRUE, &info->wal_unreadable, &local_error);
  ok = db != NULL && read_facts (db, info, &local_error);

  if (ok)
    {
      int rc;
      g_autoptr(sqlite3_stmt) stmt = _cp_db_prepare (db, "PRAGMA quick_check(1)", &local_error);

      if (stmt == NULL)
        ok = FALSE;
      else if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          _cp_db_set_error (&local_error, db, rc);
          ok = FALSE;
        }
      else if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
        {
          g_set_error_literal (&local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                               _("The workspace file is damaged."));
          ok = FALSE;
        }
    }

  sqlite3_close_v2 (db);

  if (!ok)
    {
      /* It starts like SQLite, so it is a damaged database rather than a stranger. */
      if (g_error_matches (local_error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE))
        {
          g_clear_error (&local_error);
          g_set_error_literal (&local_error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT,
                               _("The workspace file is damaged."));
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cp_db_create_file (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, CP_STORE_ERROR,
                       (saved == EACCES || saved == EROFS) ? CP_STORE_ERROR_READ_ONLY
                                                           : CP_STORE_ERROR_OPEN,
                       _("The workspace folder could not be made: %s."), g_strerror (saved));
          return FALSE;
        }
      g_chmod (dir, 0700);
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CP_STORE_ERROR,
                   (saved == EACCES || saved == EROFS) ? CP_STORE_ERROR_READ_ONLY
                                                       : CP_STORE_ERROR_OPEN,
                   _("The workspace could not be made: %s."), g_strerror (saved));
      return FALSE;
    }

  /* The umask may have taken bits away, never added them; make it exact. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("fchmod failed: %s", g_strerror (errno));
  close (fd);

  return TRUE;
}

void
_cp_db_fix_side_modes (const char *path)
{
  static const char *suffixes[] = { "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (side, &st) == 0 && (st.st_mode & 0077) != 0)
        g_chmod (side, 0600);
    }
}

typedef struct
{
  sqlite3    *src;
  const char *then_sql;   /* run on the copy before it is published, or NULL */
} BackupJob;

/* Writes a consistent copy of the job's source connection into the temporary file at
 * @tmp_path with the backup API; the destination syncs it (synchronous=FULL). */
static gboolean
write_backup (const char  *tmp_path,
              gpointer     user_data,
              GError     **error)
{
  BackupJob *job = user_data;
  sqlite3 *dest = NULL;
  int rc;

  gboolean ok;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, dest, rc);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  sqlite3_exec (dest, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
  ok = _cp_db_copy (dest, job->src, error) &&
       (job->then_sql == NULL || _cp_db_exec (dest, job->then_sql, error));
  sqlite3_close_v2 (dest);

  return ok;
}

gboolean
_cp_db_copy (sqlite3  *dest,
             sqlite3  *src,
             GError  **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup != NULL)
    {
      sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
    }
  rc = sqlite3_errcode (dest);
  if (rc != SQLITE_OK)
    {
      _cp_db_set_error (error, dest, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cp_db_backup_to_file (sqlite3     *src,
                       const char  *dest_path,
                       gboolean     replace,
                       GError     **error)
{
  return _cp_db_copy_to_file (src, dest_path, replace, NULL, error);
}

gboolean
_cp_db_copy_to_file (sqlite3     *src,
                     const char  *dest_path,
                     gboolean     replace,
                     const char  *then_sql,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CpStoreError code = CP_STORE_ERROR_FAILED;
  BackupJob job = { src, then_sql };

  if (cp_file_publish (dest_path, replace, write_backup, &job, &local_error))
    return TRUE;

  if (local_error->domain == CP_STORE_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    code = CP_STORE_ERROR_FULL;
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    code = CP_STORE_ERROR_READ_ONLY;

  g_set_error_literal (error, CP_STORE_ERROR, code, local_error->message);
  return FALSE;
}
