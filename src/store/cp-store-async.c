/* cp-store-async.c: the heavy work on a workspace, off the main thread
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store-async"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cp-migrations.h"
#include "cp-store-async.h"
#include "cp-store-private.h"

static guint delay_for_testing;

void
_cp_store_async_set_delay_for_testing (guint msec)
{
  g_atomic_int_set (&delay_for_testing, msec);
}

static void
wait_for_testing (void)
{
  guint msec = (guint) g_atomic_int_get (&delay_for_testing);

  if (msec > 0)
    g_usleep ((gulong) msec * 1000);
}

/* ---- Jobs on a worker store ------------------------------------------------------------ */

/* What a job needs of the window's store, copied on the main thread. */
typedef struct
{
  char              *path;
  CpStoreOpenFlags   flags;
  guint              backup_keep;
  gboolean           read_only;
  CpStoreWorkerFunc  func;
  gpointer           data;
  GDestroyNotify     destroy;
} Job;

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job->path);
  g_free (job);
}

/* A store of its own on @job's file, for one thread: its own read-only connection (a
 * reader beside the window's writer), no lock (the window's store holds it), no undo. */
static CpStore *
new_worker_store (Job     *job,
                  GError **error)
{
  g_autoptr(CpStore) worker = g_object_new (CP_TYPE_STORE, NULL);

  worker->path = g_strdup (job->path);
  worker->flags = job->flags;
  worker->backup_keep = job->backup_keep;
  worker->read_only = job->read_only;
  if (!(worker->db = _cp_db_open_ro_auto (job->path, FALSE, error)) ||
      !_cp_db_get_int (worker->db, "PRAGMA user_version", &worker->schema_version, error))
    return NULL;
  return g_steal_pointer (&worker);
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CpStore) worker = NULL;
  g_autoptr(GError) error = NULL;

  wait_for_testing ();
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(worker = new_worker_store (job, &error)) ||
      !job->func (worker, job->data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
cp_store_run_async (CpStore             *self,
                    CpStoreWorkerFunc    func,
                    gpointer             data,
                    GDestroyNotify       destroy,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (CP_IS_STORE (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_store_run_async);
  g_task_set_name (task, "cp-store-worker");

  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->flags = self->flags;
  job->backup_keep = self->backup_keep;
  job->read_only = self->read_only;
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (self->db == NULL)
    {
      g_task_return_new_error (task, CP_STORE_ERROR, CP_STORE_ERROR_FAILED, "%s",
                               _("The workspace is closed."));
      return;
    }
  g_task_run_in_thread (task, run_worker);
}

gboolean
cp_store_run_finish (CpStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Opening -------------------------------------------------------------------------- */

typedef struct
{
  char             *path;
  CpStoreOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  CpStore *store;

  wait_for_testing ();
  if (g_task_return_error_if_cancelled (task))
    return;
  if ((store = cp_store_open (data->path, data->flags, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
cp_store_open_async (const char          *path,
                     CpStoreOpenFlags     flags,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_store_open_async);
  g_task_set_name (task, "cp-store-open");
  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_worker);
}

CpStore *
cp_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Backup and copy ------------------------------------------------------------------- */

static gboolean
backup_daily_func (CpStore       *worker,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return cp_store_backup_daily (worker, error);
}

void
cp_store_backup_daily_async (CpStore             *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  cp_store_run_async (self, backup_daily_func, NULL, NULL, cancellable, callback, user_data);
}

gboolean
cp_store_backup_daily_finish (CpStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return cp_store_run_finish (self, result, error);
}

static gboolean
save_copy_func (CpStore       *worker,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  return cp_store_save_copy (worker, data, error);
}

void
cp_store_save_copy_async (CpStore             *self,
                          const char          *dest_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (dest_path != NULL);

  cp_store_run_async (self, save_copy_func, g_strdup (dest_path), g_free, cancellable,
                      callback, user_data);
}

gboolean
cp_store_save_copy_finish (CpStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return cp_store_run_finish (self, result, error);
}

/* ---- Restore --------------------------------------------------------------------------- */

typedef struct
{
  char *backup_path;
  char *staged;        /* the backup, copied beside the workspace and migrated */
} Restore;

static void
restore_free (Restore *restore)
{
  if (restore->staged != NULL)
    g_unlink (restore->staged);
  g_free (restore->backup_path);
  g_free (restore->staged);
  g_free (restore);
}

/* The backup must be one of this app's workspaces, and not from a newer version. */
static gboolean
check_backup (const char  *path,
              int         *out_version,
              GError     **error)
{
  CpDbInfo info;

  if (!_cp_db_probe (path, &info, error))
    return FALSE;
  if (!info.exists)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND,
                           _("That backup is no longer there."));
      return FALSE;
    }
  if (info.application_id != CP_DB_APPLICATION_ID)
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE,
                           _("That file is not a backup of a workspace."));
      return FALSE;
    }
  if (info.user_version > _cp_migrations_get_latest ())
    {
      g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW,
                           _("That backup was made by a newer version of the app."));
      return FALSE;
    }
  *out_version = info.user_version;
  return TRUE;
}

/* Copies @backup_path to a new file beside the workspace and brings it up to date. */
static char *
stage_copy (CpStore     *worker,
            const char  *backup_path,
            int          version,
            GError     **error)
{
  g_autofree char *staged = NULL;
  sqlite3 *src;
  gboolean ok;

  for (guint i = 0; staged == NULL || g_file_test (staged, G_FILE_TEST_EXISTS); i++)
    {
      g_free (staged);
      staged = g_strdup_printf ("%s.restoring-%u", worker->path, i);
    }

  if (!(src = _cp_db_open_ro_auto (backup_path, TRUE, error)))
    return NULL;
  ok = _cp_db_backup_to_file (src, staged, error);
  sqlite3_close_v2 (src);
  if (!ok)
    return NULL;

  if (version < _cp_migrations_get_latest ())
    {
      g_autofree char *schema = NULL;
      g_auto(GStrv) steps = NULL;
      sqlite3 *db = _cp_db_open_rw (staged, error);

      /* The backup itself stays as it was: no backup of the copy before migrating. */
      ok = db != NULL
           && _cp_migrations_load (&schema, &steps, error)
           && _cp_migrations_run (db, NULL, (const char * const *) steps,
                                  g_strv_length (steps), NULL, NULL, error);
      if (db != NULL)
        sqlite3_close_v2 (db);
      if (!ok)
        {
          g_unlink (staged);
          return NULL;
        }
    }
  return g_steal_pointer (&staged);
}

static gboolean
stage_restore_func (CpStore       *worker,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Restore *restore = data;
  g_autofree char *safety = NULL;
  int version = 0;

  if (!check_backup (restore->backup_path, &version, error))
    return FALSE;

  /* First keep what is there now, so that the restore itself can be undone by hand. */
  if (!(safety = _cp_store_new_backup_path (worker->path, "before-restore", error)) ||
      !_cp_db_backup_to_file (worker->db, safety, error))
    return FALSE;

  return (restore->staged = stage_copy (worker, restore->backup_path, version, error)) != NULL;
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      if (fsync (fd) != 0)
        g_debug ("Could not sync the workspace folder: %s", g_strerror (errno));
      close (fd);
    }
}

/* Main thread: puts @staged in the workspace's place and reopens it. */
static gboolean
swap_in (CpStore     *self,
         const char  *staged,
         GError     **error)
{
  static const char * const sides[] = { "-wal", "-shm" };
  g_auto(GStrv) tables = NULL;

  /* The history describes the file that goes: it goes first. */
  _cp_store_clear_undo (self);

  /* Nothing of the old file may be replayed onto the new one. */
  if (sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Checkpoint before the restore failed: %s", sqlite3_errmsg (self->db));
  _cp_store_forget_statements (self);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *side = g_strconcat (self->path, sides[i], NULL);

      g_unlink (side);
    }

  if (g_rename (staged, self->path) != 0)
    {
      int saved = errno;

      g_set_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED,
                   _("The backup could not be put in place: %s."), g_strerror (saved));
      /* The workspace is as it was: open it again. */
      self->db = _cp_db_open_rw (self->path, NULL);
      return FALSE;
    }
  sync_folder_of (self->path);

  if (!(self->db = _cp_db_open_rw (self->path, error)))
    return FALSE;
  _cp_db_fix_side_modes (self->path);
  if (!_cp_db_get_int (self->db, "PRAGMA user_version", &self->schema_version, error) ||
      !_cp_store_reload (self, error))
    return FALSE;

  tables = _cp_store_dup_table_names (self);
  _cp_store_emit_changed (self, (const char * const *) tables);
  return TRUE;
}

static void
staged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CpStore *self = CP_STORE (source);
  Restore *restore = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!cp_store_run_finish (self, result, &error) ||
      g_task_return_error_if_cancelled (task) ||
      !_cp_store_check_writable (self, &error) ||
      !swap_in (self, restore->staged, &error))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&restore->staged, g_free);
  g_task_return_boolean (task, TRUE);
}

void
cp_store_restore_backup_async (CpStore             *self,
                               const char          *backup_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Restore *restore;

  g_return_if_fail (CP_IS_STORE (self));
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cp_store_restore_backup_async);
  restore = g_new0 (Restore, 1);
  restore->backup_path = g_strdup (backup_path);
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);

  if (!_cp_store_check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cp_store_run_async (self, stage_restore_func, restore, NULL, cancellable, staged_cb,
                      g_steal_pointer (&task));
}

gboolean
cp_store_restore_backup_finish (CpStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
