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

/* Every write to the workspace goes through _cp_store_edit () (cp-store-edit.c): it
 * checks that the store may be written, begins the transaction (BEGIN IMMEDIATE) and the
 * undo session, runs the caller's statements, commits, records the undo step under
 * @label, refreshes the people model and emits CpStore::changed with the names of the
 * tables the edit touched. When the statements fail, or the commit does, it rolls back:
 * the database, the models and the undo history stay as they were, and the SQLite error
 * becomes a CP_STORE_ERROR (FULL for a failed write or a full disk, CONSTRAINT for a
 * broken rule, …) with a message for people. An edit that changes nothing makes no step
 * and emits nothing.
 *
 * For most edits a list of statements is enough:
 *
 *   const CpDbValue values[] = { CP_DB_INT (goal_id), CP_DB_TEXT (now), CP_DB_TEXT (text) };
 *   const CpStoreStatement statements[] = {
 *     { "UPDATE goal SET text = ?3, updated_at = ?2 WHERE id = ?1 AND text IS NOT ?3",
 *       values, G_N_ELEMENTS (values), NULL },
 *   };
 *
 *   return _cp_store_edit_statements (store, _("Edit goal"), NULL, statements,
 *                                     G_N_ELEMENTS (statements), NULL, error);
 *
 * and anything else is a CpStoreEditFunc given to _cp_store_edit ().
 *
 * Labels are sentence case ("Add goal", "Remove from library"). Steps with the same
 * non-NULL @merge_key within a few seconds of each other merge into one (typing in a
 * notes field). A NULL @label commits without an undo step (where a reader stopped,
 * facts about the workspace, erasing). Set updated_at yourself (_cp_db_now ()): no
 * trigger may write, because triggers also fire while undo applies a changeset. */

/* Runs inside the edit's transaction: TRUE when every statement worked, else FALSE with
 * @error set (_cp_db_* helpers set it from SQLite's result). */
typedef gboolean (*CpStoreEditFunc) (CpStore   *store,
                                     sqlite3   *db,
                                     gpointer   user_data,
                                     GError   **error);

/* One statement of an edit. @values are bound to ?1, ?2, … (values past the statement's
 * highest parameter are left out, so statements can share one list). When @not_found is
 * set, a statement that neither returns nor changes a row fails the edit with
 * CP_STORE_ERROR_NOT_FOUND and that message. */
typedef struct
{
  const char      *sql;
  const CpDbValue *values;
  guint            n_values;
  const char      *not_found;
} CpStoreStatement;

/* The message when an edit or a read names a person who is not there. */
#define CP_STORE_PERSON_GONE N_("That person is no longer in the workspace.")

#define CP_STORE_UNDO_LIMIT        200
#define CP_STORE_MERGE_WINDOW_USEC (3 * G_USEC_PER_SEC)

/* Where one edit's time went, in microseconds (bench-store): filled in by every edit
 * while set with _cp_store_set_edit_times (). */
typedef enum
{
  CP_STORE_EDIT_BEGIN,        /* BEGIN IMMEDIATE */
  CP_STORE_EDIT_CAPTURE,      /* the recording of its changes started */
  CP_STORE_EDIT_STATEMENTS,   /* the caller's statements, prepared and run */
  CP_STORE_EDIT_CHANGESET,    /* the changeset made of the changes recorded */
  CP_STORE_EDIT_COMMIT,       /* COMMIT: the durable write */
  CP_STORE_EDIT_UNDO,         /* the undo step pushed */
  CP_STORE_EDIT_REFRESH,      /* people refreshed from the changeset, ::changed emitted */
  CP_STORE_EDIT_NOTIFY,       /* can-undo / can-redo notified */
  CP_STORE_EDIT_N_PHASES
} CpStoreEditPhase;

typedef struct
{
  gint64 usec[CP_STORE_EDIT_N_PHASES];
} CpStoreEditTimes;

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

  char             *path;             /* as given */
  char             *real_path;        /* symlinks resolved: lock, backups, library */
  sqlite3          *db;
  CpStoreOpenFlags  flags;
  int               schema_version;
  guint             read_only : 1;
  guint             restoring : 1;    /* cp_store_restore_backup_async under way */
  guint             pack : 1;         /* a supervision pack in memory (cp-store-pack.c):
                                       * read-only but for the supervision record */
  GBytes           *pack_origin;      /* a pack as it was opened, to find the reply */

  GListStore       *people;
  GListStore       *people_by_name;   /* the same people, for a list that sorts them
                                       * (cp-store-people-by-name.c) */
  gboolean          by_name_in_order; /* nothing added or changed since it was sorted */
  GHashTable       *people_by_id;     /* gint64 id -> CpPerson (owned by people) */

  GQueue            undo_stack;       /* CpUndoStep, head is the newest */
  GQueue            redo_stack;
  guint64           n_undo_steps;     /* steps pushed so far (merges not counted) */
  GByteArray       *capture;          /* the edit in progress: its changes so far, or NULL */
  guint             capture_n_changes;
  gconstpointer     capture_last;     /* the table of the last change recorded */
  int               capture_rc;       /* the first error while recording */
  GHashTable       *capture_tables;   /* name → columns, see cp-store-capture.c */

  char             *notified_undo_label;
  char             *notified_redo_label;

  guint             backup_keep;
  gint64            now_for_testing;  /* monotonic usec; 0: the real clock */
  int               lock_fd;          /* FILE.lock (writers) */
  int               inode_fd;         /* the workspace file, locked (cp-lock.c) */
  CpStoreWarnings   warnings;
  GHashTable       *statements;       /* SQL → sqlite3_stmt, see _cp_store_prepare_cached */
  CpStoreEditTimes *edit_times;       /* bench-store; NULL: not measured */
  gint64            edit_clock;
};

sqlite3  *_cp_store_get_db                (CpStore      *self);

/* cp-store-edit.c: one edit, one transaction, one undo step (see above). */
gboolean  _cp_store_edit                  (CpStore                 *self,
                                           const char              *label,
                                           const char              *merge_key,
                                           CpStoreEditFunc          func,
                                           gpointer                 user_data,
                                           GError                 **error);
/* A prepared statement for @sql, kept for the life of the connection: prepare it once, use it on every edit.
 * Borrowed; reset it and clear its bindings when done (_cp_store_done_with ()), so it
 * holds no read transaction and no values. */
sqlite3_stmt *_cp_store_prepare_cached    (CpStore                 *self,
                                           const char              *sql,
                                           GError                 **error);
void      _cp_store_done_with             (sqlite3_stmt            *stmt);
/* Finalizes the cached statements: before the connection closes. */
void      _cp_store_forget_statements     (CpStore                 *self);

/* cp-store-capture.c: the changes of the edit in progress, as a changeset. */
void      _cp_store_capture_start         (CpStore                 *self);
int       _cp_store_capture_finish        (CpStore                 *self,
                                           int                     *n,
                                           void                   **changeset);
void      _cp_store_capture_stop          (CpStore                 *self);
void      _cp_store_capture_forget_tables (CpStore                 *self);
/* Fills @times (may be NULL to stop) with the phases of every later edit. */
void      _cp_store_set_edit_times        (CpStore                 *self,
                                           CpStoreEditTimes        *times);
/* Runs @statements in order as one edit; @out_last_id (may be NULL) gets the rowid of
 * the last row inserted. */
gboolean  _cp_store_edit_statements       (CpStore                 *self,
                                           const char              *label,
                                           const char              *merge_key,
                                           const CpStoreStatement  *statements,
                                           guint                    n_statements,
                                           gint64                  *out_last_id,
                                           GError                 **error);

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

/* Keep cp_store_get_people_by_name () holding the same people as the id-ordered list
 * (cp-store-people-by-name.c): call after adding @people to it, or removing @gone. */
void      _cp_store_by_name_add           (CpStore      *self,
                                           CpPerson    **people,
                                           guint         n_people);
void      _cp_store_by_name_remove        (CpStore      *self,
                                           CpPerson    **gone,
                                           guint         n_gone);

/* One edit of one person as one undo step (cp-store-people.c). In @sql, ?1 is the id,
 * ?2 the time now and ?3 .. ?5 are @a .. @c (NULL binds NULL). The statement should
 * change nothing when the values are already there, so that a no-op edit makes no step.
 * NOT_FOUND when the person is gone. _cp_store_set_person_date () checks @date first
 * (NULL or "" clears; a date that is not real fails with CONSTRAINT and @invalid). */
gboolean  _cp_store_edit_person           (CpStore      *self,
                                           gint64        id,
                                           const char   *label,
                                           const char   *merge_key,
                                           const char   *sql,
                                           const char   *a,
                                           const char   *b,
                                           const char   *c,
                                           GError      **error);
gboolean  _cp_store_set_person_date       (CpStore      *self,
                                           gint64        id,
                                           const char   *date,
                                           const char   *label,
                                           const char   *invalid,
                                           const char   *sql,
                                           GError      **error);

/* Shared between the store's files. FAILED when the workspace is closed; check_writable
 * also READ_ONLY on a read-only store and LOCKED while a restore is under way. */
gboolean  _cp_store_check_open            (CpStore      *self,
                                           GError      **error);
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
/* cp-backup.c: today's backup when there is none yet; with @prune_old, then the old ones
 * beyond the number to keep. */
gboolean  _cp_store_take_daily_backup     (CpStore      *self,
                                           gboolean      prune_old,
                                           GError      **error);

/* Backups and copies without a store, for a worker thread with a connection of its own
 * (@db: any connection to the workspace, read-only will do; @real_path:
 * _cp_store_resolve_path () of the workspace; @given_path: the name it was opened by,
 * to find backups that older versions put beside it, or NULL). */
gboolean  _cp_backup_take_daily           (const char   *real_path,
                                           const char   *given_path,
                                           sqlite3      *db,
                                           guint         keep,
                                           gboolean      prune_old,
                                           GError      **error);
/* A new name in backups/ for a backup taken now, for @why ("v4", "before-restore"). */
char     *_cp_backup_new_path             (const char   *real_path,
                                           const char   *why,
                                           GError      **error);
/* Save a copy: refuses the workspace's own files, then _cp_db_backup_to_file. */
gboolean  _cp_backup_save_copy            (const char   *real_path,
                                           sqlite3      *db,
                                           const char   *dest_path,
                                           gboolean      replace,
                                           GError      **error);
/* The same on a read-only connection of its own, opened and closed here. */
gboolean  _cp_backup_save_copy_for_path   (const char   *workspace_path,
                                           const char   *dest_path,
                                           gboolean      replace,
                                           GError      **error);

/* cp-restore.c (see there): a private copy of @backup_path, migrated to this app's
 * schema, in backups/ (free the path; _cp_restore_swap_in removes nothing); then that copy
 * into the workspace open as @db (read-write), as one transaction; then, on the main
 * thread, the store reloads (after _cp_store_clear_undo before the swap). */
char     *_cp_restore_prepare             (const char   *real_path,
                                           const char   *backup_path,
                                           GError      **error);
/* _cp_restore_prepare, then the present state (read through @db, any connection to the
 * workspace) kept in backups/ as "before-restore"; on failure nothing is left of either.
 * Give the prepared copy back with _cp_restore_discard once swapped in (or not). */
char     *_cp_restore_stage               (const char   *real_path,
                                           sqlite3      *db,
                                           const char   *backup_path,
                                           GError      **error);
void      _cp_restore_discard             (const char   *prepared);
gboolean  _cp_restore_swap_in             (sqlite3      *db,
                                           const char   *prepared,
                                           GError      **error);
gboolean  _cp_store_finish_restore        (CpStore      *self,
                                           GError      **error);
char     *_cp_store_dup_base_name         (const char   *workspace_path);
gboolean  _cp_store_backup_before_migration (sqlite3    *db,
                                             int         from_version,
                                             gpointer    user_data,
                                             GError    **error);
void      _cp_undo_step_free              (CpUndoStep   *step);
/* cp-store-settle.c: after a COMMIT that failed with an I/O error (rolled back), closes
 * and reopens the workspace, makes its state certain if the disk lets it (checkpoint
 * TRUNCATE: @out_certain) and reloads the models; TRUE when the rows @changeset leads to
 * are in the file. */
gboolean  _cp_store_settle                (CpStore      *self,
                                           int           n_changeset,
                                           const void   *changeset,
                                           gboolean     *out_certain);
/* CP_STORE_ERROR_UNCERTAIN with its message. */
void      _cp_store_set_uncertain_error   (GError      **error);
void      _cp_store_notify_read_only      (CpStore      *self);
/* cp-undo.c: pushes a committed changeset as the newest undo step (merged into the newest
 * one when @merge_key matches within the merge window), drops the redo steps. Takes
 * @label, @merge_key and @changeset. */
void      _cp_undo_push                   (CpStore      *self,
                                           char         *label,
                                           char         *merge_key,
                                           int           n_changeset,
                                           void         *changeset);

/* cp-lock.c: the lock on the workspace file (and FILE.lock), and whether the file may be
 * written (mode bits, EACCES, EROFS). _cp_store_lock takes what it can before the file
 * exists; _cp_store_lock_inode locks the file once it does. */
gboolean  _cp_store_check_can_write       (const char   *path,
                                           GError      **error);
gboolean  _cp_store_lock                  (CpStore      *self,
                                           GError      **error);
gboolean  _cp_store_lock_inode            (CpStore      *self,
                                           GError      **error);
void      _cp_store_unlock                (CpStore      *self);
/* @path made absolute with its symlinks resolved (of its folder, when it is not there). */
char     *_cp_store_resolve_path          (const char   *path);

G_END_DECLS
