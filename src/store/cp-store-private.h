/* cp-store-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-db.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* For core code that adds records later (maps, goals, reviews): one user action is
 *
 *   if (!_cp_store_action_begin (store, _("Add goal"), NULL, error))
 *     return FALSE;
 *   db = _cp_store_get_db (store);
 *   ... prepared statements with sqlite3_bind_* ...
 *   if (failed)
 *     {
 *       _cp_store_action_rollback (store);
 *       return FALSE;
 *     }
 *   return _cp_store_action_commit (store, error);
 *
 * The commit makes one undo step (the SQLite session extension records every table),
 * refreshes the people model and emits CpStore::changed with the names of the tables
 * the step touched. Steps with the same non-NULL @merge_key within a few seconds of
 * each other merge into one (typing in a notes field). A rollback leaves the database,
 * the models and the undo history as they were. Set updated_at yourself (_cp_db_now ()):
 * no trigger may write, because triggers also fire while undo applies a changeset. */

#define CP_STORE_UNDO_LIMIT        200
#define CP_STORE_MERGE_WINDOW_USEC (3 * G_USEC_PER_SEC)

typedef struct
{
  char   *label;
  char   *merge_key;
  gint64  time_usec;   /* monotonic time of the last edit merged into it */
  int     n_changeset;
  void   *changeset;
} CpUndoStep;

struct _CpStore
{
  GObject           parent_instance;

  char             *path;
  sqlite3          *db;
  CpStoreOpenFlags  flags;
  int               schema_version;
  guint             read_only : 1;

  GListStore       *people;
  GHashTable       *people_by_id;     /* gint64 id -> CpPerson (owned by people) */

  GQueue            undo_stack;       /* CpUndoStep, head is the newest */
  GQueue            redo_stack;
  sqlite3_session  *session;          /* the action in progress, or NULL */
  char             *action_label;
  char             *action_merge_key;

  char             *notified_undo_label;
  char             *notified_redo_label;

  guint             backup_keep;
  gint64            now_for_testing;  /* monotonic usec; 0: the real clock */
  int               lock_fd;
};

sqlite3  *_cp_store_get_db                (CpStore      *self);
/* Fails with READ_ONLY when the store was opened read-only. Starts BEGIN IMMEDIATE. */
gboolean  _cp_store_action_begin          (CpStore      *self,
                                           const char   *label,
                                           const char   *merge_key,
                                           GError      **error);
gboolean  _cp_store_action_commit         (CpStore      *self,
                                           GError      **error);
void      _cp_store_action_rollback       (CpStore      *self);

/* Opens with an explicit schema and migration steps (tests). */
CpStore  *_cp_store_open_with_migrations  (const char          *path,
                                           CpStoreOpenFlags     flags,
                                           const char          *schema,
                                           const char * const  *steps,
                                           guint                n_steps,
                                           GError             **error);
/* Fixes the clock used for merging undo steps (monotonic usec; 0: the real clock). */
void      _cp_store_set_now_for_testing   (CpStore      *self,
                                           gint64        monotonic_usec);

/* One edit of one person as one undo step (cp-store-people.c). In @sql, ?1 is the id,
 * ?2 the time now and ?3 .. ?5 are @a .. @c (NULL binds NULL). The statement should
 * change nothing when the values are already there, so that a no-op edit makes no step.
 * NOT_FOUND when the person is gone. */
gboolean  _cp_store_edit_person           (CpStore      *self,
                                           gint64        id,
                                           const char   *label,
                                           const char   *merge_key,
                                           const char   *sql,
                                           const char   *a,
                                           const char   *b,
                                           const char   *c,
                                           GError      **error);

/* Shared between the store's files. */
gboolean  _cp_store_check_writable        (CpStore      *self,
                                           GError      **error);
void      _cp_store_after_change          (CpStore      *self,
                                           const void   *changeset,
                                           int           n_changeset);
gboolean  _cp_store_reload                (CpStore      *self,
                                           GError      **error);
void      _cp_store_emit_changed          (CpStore            *self,
                                           const char * const *tables);
void      _cp_store_clear_undo            (CpStore      *self);
void      _cp_store_notify_undo           (CpStore      *self,
                                           gboolean      could_undo,
                                           gboolean      could_redo);
char     *_cp_store_dup_backup_dir        (const char   *workspace_path);
char     *_cp_store_dup_base_name         (const char   *workspace_path);
gboolean  _cp_store_backup_before_migration (sqlite3    *db,
                                             int         from_version,
                                             gpointer    user_data,
                                             GError    **error);
void      _cp_undo_step_free              (CpUndoStep   *step);

/* cp-lock.c: the advisory lock on FILE.lock, and whether the file may be written
 * (mode bits, EACCES, EROFS). */
gboolean  _cp_store_check_can_write       (const char   *path,
                                           GError      **error);
gboolean  _cp_store_lock                  (CpStore      *self,
                                           GError      **error);
void      _cp_store_unlock                (CpStore      *self);

G_END_DECLS
