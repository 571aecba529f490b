/* cp-store-async.h: the heavy work on a workspace, off the main thread
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* Opening a workspace (quick_check, migrations), the daily backup, Save a Copy, a restore
 * and anything that reads the whole file run in a GTask thread, so the window keeps
 * drawing and taking input while they work. Each job opens its own SQLite connection
 * from the workspace's path: a reader, which WAL lets run beside the window's connection
 * (edits go on committing meanwhile), and never the window's connection, whose mutex the
 * main thread would otherwise wait on. Results come back on the main thread; a store's
 * models and signals are only ever touched there. A job started on a read-only store
 * reads it the same way. */

/* Runs in the worker with a store of its own on the same file (a "worker store": its
 * own read-only connection, no lock (the store it came from holds it), no undo, empty
 * models). Any store call that only reads works on it (cp_store_read_subject_access,
 * cp_store_save_copy …). */
typedef gboolean (*CpStoreWorkerFunc) (CpStore       *worker,
                                       gpointer       data,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Runs @func (@data) in a thread on a worker store of @self; @destroy frees @data (on the
 * main thread, once the result is delivered). */
void      cp_store_run_async              (CpStore              *self,
                                           CpStoreWorkerFunc     func,
                                           gpointer              data,
                                           GDestroyNotify        destroy,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  cp_store_run_finish             (CpStore              *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* cp_store_open () in a thread: the probe, quick_check and any migration (after its
 * backup) never hold up the main thread. The same errors, for the same dialog; the store
 * returned holds the workspace's lock (an open-file-description lock: it belongs to the
 * store, not to the thread that took it) and its warnings (cp_store_get_warnings). */
void      cp_store_open_async             (const char           *path,
                                           CpStoreOpenFlags      flags,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
CpStore  *cp_store_open_finish            (GAsyncResult         *result,
                                           GError              **error);

/* cp_store_backup_daily () on a worker store, keeping as many as @self keeps (set it
 * first: cp_store_set_backup_keep); nothing on a read-only store. */
void      cp_store_backup_daily_async     (CpStore              *self,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  cp_store_backup_daily_finish    (CpStore              *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* cp_store_save_copy () on a reader of its own: the copy shows the last committed
 * state. @replace as there (the user said yes to "Replace?"). */
void      cp_store_save_copy_async        (CpStore              *self,
                                           const char           *dest_path,
                                           gboolean              replace,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  cp_store_save_copy_finish       (CpStore              *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* cp_store_restore_backup () with the heavy steps in workers (cp-restore.c): a private
 * copy of the backup is brought up to date and the present state kept as
 * "before-restore" (a failure leaves the workspace and its history as they were); then
 * the undo history is cleared and the copy goes into the workspace as one transaction,
 * on a read-write connection of the worker's own; then the models reload (::changed).
 * From the call until the result, the store refuses edits, undo and redo with LOCKED (an
 * edit made after the "before-restore" backup would be in neither file): the window
 * blocks them too, so that no one types into a page that will not be saved. */
void      cp_store_restore_backup_async   (CpStore              *self,
                                           const char           *backup_path,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  cp_store_restore_backup_finish  (CpStore              *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* Makes every job wait @msec in its thread before it starts (tests: a slow disk). */
void      _cp_store_async_set_delay_for_testing (guint msec);

G_END_DECLS
