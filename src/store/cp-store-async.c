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

#include "cp-store-async.h"
#include "cp-store-private.h"

static guint delay_for_testing;

void
_cp_store_async_set_delay_for_testing (guint msec)
{
  g_atomic_int_set (&delay_for_testing, msec);
}

/* ---- Tasks in a thread ---------------------------------------------------------------- */

/* A task of @self's (boolean result: cp_store_run_finish), its data @data. */
static GTask *
task_new (CpStore             *self,
          gpointer             source_tag,
          const char          *name,
          gpointer             data,
          GDestroyNotify       destroy,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, data, destroy);
  return task;
}

/* Runs @task in a thread, unless the workspace is closed (then it fails at once). */
static void
task_run (GTask           *task,
          GTaskThreadFunc  thread_func)
{
  g_autoptr(GError) error = NULL;

  if (!_cp_store_check_open (g_task_get_source_object (task), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, thread_func);
}

/* In the thread, first: FALSE when the task was cancelled meanwhile (it has returned). */
static gboolean
thread_may_start (GTask *task)
{
  guint msec = (guint) g_atomic_int_get (&delay_for_testing);

  if (msec > 0)
    g_usleep ((gulong) msec * 1000);
  return !g_task_return_error_if_cancelled (task);
}

/* Returns TRUE, or @error (taken) when not @ok. */
static void
task_return (GTask    *task,
             gboolean  ok,
             GError   *error)
{
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ---- Jobs on a worker store ------------------------------------------------------------ */

/* What a job needs of the window's store, copied on the main thread. */
typedef struct
{
  char              *path;
  char              *real_path;
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
  g_free (job->real_path);
  g_free (job);
}

/* A store of its own on @job's file, for one thread: its own read-only connection (a
 * reader beside the window's writer, through the same -wal and -shm), no lock (the
 * window's store holds it: a reader of the same name needs none, cp-lock.c), no undo. */
static CpStore *
new_worker_store (Job     *job,
                  GError **error)
{
  g_autoptr(CpStore) worker = g_object_new (CP_TYPE_STORE, NULL);

  worker->path = g_strdup (job->path);
  worker->real_path = g_strdup (job->real_path);
  worker->flags = job->flags;
  worker->backup_keep = job->backup_keep;
  worker->read_only = job->read_only;
  if (!(worker->db = _cp_db_open_ro_auto (job->real_path, FALSE, NULL, error)) ||
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
  GError *error = NULL;
  gboolean ok;

  if (!thread_may_start (task))
    return;
  ok = (worker = new_worker_store (job, &error)) != NULL &&
       job->func (worker, job->data, cancellable, &error);
  task_return (task, ok, error);
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

  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->real_path = g_strdup (self->real_path);
  job->flags = self->flags;
  job->backup_keep = self->backup_keep;
  job->read_only = self->read_only;
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  task = task_new (self, cp_store_run_async, "cp-store-worker", job, (GDestroyNotify) job_free,
                   cancellable, callback, user_data);
  task_run (task, run_worker);
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

  if (!thread_may_start (task))
    return;
  /* The store takes the lock; it stays the store's when this thread has gone. */
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
  /* A read-only workspace is never written, and nor is anything beside it. */
  if (worker->read_only)
    return TRUE;

  return _cp_backup_take_daily (worker->real_path, worker->path, worker->db,
                                worker->backup_keep, TRUE, error);
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

typedef struct
{
  char     *real_path;
  char     *dest_path;
  gboolean  replace;
} SaveCopy;

static void
save_copy_free (SaveCopy *copy)
{
  g_free (copy->real_path);
  g_free (copy->dest_path);
  g_free (copy);
}

/* No worker store: _cp_backup_save_copy_for_path opens a reader of its own. */
static void
save_copy_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveCopy *copy = task_data;
  GError *error = NULL;
  gboolean ok;

  if (!thread_may_start (task))
    return;
  ok = _cp_backup_save_copy_for_path (copy->real_path, copy->dest_path, copy->replace,
                                      &error);
  task_return (task, ok, error);
}

void
cp_store_save_copy_async (CpStore             *self,
                          const char          *dest_path,
                          gboolean             replace,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveCopy *copy;

  g_return_if_fail (CP_IS_STORE (self));
  g_return_if_fail (dest_path != NULL);

  copy = g_new0 (SaveCopy, 1);
  copy->real_path = g_strdup (self->real_path);
  copy->dest_path = g_strdup (dest_path);
  copy->replace = replace;
  task = task_new (self, cp_store_save_copy_async, "cp-store-save-copy", copy,
                   (GDestroyNotify) save_copy_free, cancellable, callback, user_data);
  task_run (task, save_copy_worker);
}

gboolean
cp_store_save_copy_finish (CpStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return cp_store_run_finish (self, result, error);
}

/* ---- Restore --------------------------------------------------------------------------- */

/* cp-restore.c's steps, each where it belongs: 1 and 2 (_cp_restore_stage) in a worker on
 * a worker store; 3 (the history goes) on the main thread; 4 (_cp_restore_swap_in) in a
 * worker on a read-write connection of its own, so that copying a large workspace in
 * never holds up the window; 5 (reload, ::changed) on the main thread. The store refuses
 * edits, undo and redo from the start to the end (LOCKED): one made after the
 * "before-restore" backup would be in neither file. */

typedef struct
{
  char *backup_path;
  char *real_path;
  char *prepared;      /* the backup's migrated copy, in backups/ */
} Restore;

static void
restore_free (Restore *restore)
{
  if (restore->prepared != NULL)
    _cp_restore_discard (restore->prepared);
  g_free (restore->backup_path);
  g_free (restore->real_path);
  g_free (restore->prepared);
  g_free (restore);
}

/* Ends the restore on the main thread (@error taken): edits may go on. */
static void
restore_return (GTask  *task,
                GError *error)
{
  CpStore *self = g_task_get_source_object (task);

  self->restoring = FALSE;
  task_return (task, error == NULL, error);
}

static gboolean
stage_func (CpStore       *worker,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Restore *restore = data;

  restore->prepared = _cp_restore_stage (worker->real_path, worker->db,
                                         restore->backup_path, error);
  return restore->prepared != NULL;
}

static void
swap_in_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Restore *restore = task_data;
  GError *error = NULL;
  sqlite3 *db;
  gboolean ok;

  /* Not cancellable any more: the history is gone, the swap is what the user asked. */
  ok = (db = _cp_db_open_rw (restore->real_path, &error)) != NULL &&
       _cp_restore_swap_in (db, restore->prepared, &error);
  sqlite3_close_v2 (db);
  task_return (task, ok, error);
}

static void
swapped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CpStore *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);
  GError *error = NULL;

  _cp_restore_discard (restore->prepared);
  g_clear_pointer (&restore->prepared, g_free);

  /* Swapped or not, the models show what the file holds (unless it was closed). */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->db != NULL)
        _cp_store_reload (self, NULL);
    }
  else if (_cp_store_check_open (self, &error))
    _cp_store_finish_restore (self, &error);
  restore_return (task, error);
}

static void
staged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CpStore *self = CP_STORE (source);
  g_autoptr(GTask) swap = NULL;
  GError *error = NULL;

  /* Failed, cancelled (the window went) or closed meanwhile: nothing changed. */
  if (!cp_store_run_finish (self, result, &error) || !_cp_store_check_open (self, &error))
    {
      restore_return (task, error);
      return;
    }

  /* From here the workspace changes under the history: it goes first. */
  _cp_store_clear_undo (self);
  swap = task_new (self, staged_cb, "cp-store-restore", g_task_get_task_data (task), NULL,
                   NULL, swapped_cb, g_object_ref (task));
  g_task_run_in_thread (swap, swap_in_worker);
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

  restore = g_new0 (Restore, 1);
  restore->backup_path = g_strdup (backup_path);
  restore->real_path = g_strdup (self->real_path);
  task = task_new (self, cp_store_restore_backup_async, "cp-store-restore", restore,
                   (GDestroyNotify) restore_free, cancellable, callback, user_data);
  if (!_cp_store_check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->restoring = TRUE;
  cp_store_run_async (self, stage_func, restore, NULL, cancellable, staged_cb,
                      g_steal_pointer (&task));
}

gboolean
cp_store_restore_backup_finish (CpStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return cp_store_run_finish (self, result, error);
}
