/* cp-store.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cp-person.h"

G_BEGIN_DECLS

/* The workspace: one SQLite file. No GTK here.
 *
 * Every edit is one transaction, committed before the call returns TRUE, and one undo
 * step (a changeset of the rows it changed, kept in memory, at least 100 steps).
 * After any edit, undo or redo the store refreshes its models on the main thread and
 * emits ::changed.
 *
 * Properties (read-only, notify only on change): "path", "read-only", "can-undo",
 * "can-redo", "undo-label", "redo-label".
 * Signal: ::changed (CpStore *store, const char * const *tables, gpointer user_data):
 * the names of the tables the edit, undo, redo or restore touched, e.g. { "person",
 * "snapshot", "member", "tie", NULL } for deleting a person with a map.
 * Error messages are written for people (never SQL) and may be shown as they are.
 * Core code that adds records of its own uses cp-store-private.h. */

#define CP_STORE_ERROR (cp_store_error_quark ())

/* What the UI switches on when cp_store_open () fails. The file is never changed in
 * any of these cases (same bytes, same mtime); every message says what happened in plain
 * words, never SQL and never a person's name, and may be shown as it is.
 *   LOCKED      another process has it open for writing; the message names the process
 *               (cp_store_get_lock_holder () gives pid and host). Offer "Open
 *               read-only": CP_STORE_OPEN_READ_ONLY works while the lock is held.
 *   READ_ONLY   the file or its folder cannot be written (mode bits, owner, read-only
 *               medium). Offer "Open read-only".
 *   CORRUPT     an SQLite file that fails PRAGMA quick_check. Offer the backups.
 *   NOT_SQLITE  not an SQLite database at all, an empty (0-byte) file, or another
 *               program's database.
 *   TOO_NEW     written by a newer version of the app.
 *   OPEN        missing (read-only open) or cannot be read at all.
 * When an edit fails because a write failed or the disk is full, the edit returns FULL
 * ("The disk is full or could not be written. The change was not saved."); the models
 * and the undo history stay at the last committed state, and the workspace stays valid.
 * The UI shows the message and keeps going; the next edit may work once there is room.
 * When the commit itself fails (a failed sync), the store closes and reopens the file
 * and reads what it holds before it answers (cp-store-settle.c): FULL when the change is
 * not there; TRUE when it is and the disk confirmed it after all; UNCERTAIN when it is
 * there but the disk still fails (the models and the undo history show it). The same
 * goes for undo and redo. If the file cannot be opened for writing again, the store
 * goes on read-only ("read-only" notifies). */

typedef enum
{
  CP_STORE_ERROR_OPEN,        /* could not open or create the file */
  CP_STORE_ERROR_NOT_SQLITE,  /* the file is not an SQLite database (or is empty and not ours) */
  CP_STORE_ERROR_CORRUPT,     /* quick_check failed */
  CP_STORE_ERROR_TOO_NEW,     /* written by a newer version of the app */
  CP_STORE_ERROR_MIGRATION,   /* a migration failed; the file was left as it was */
  CP_STORE_ERROR_LOCKED,      /* open in another process */
  CP_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  CP_STORE_ERROR_FULL,        /* disk full or a write failed: the edit was not saved */
  CP_STORE_ERROR_CONSTRAINT,  /* the edit broke a rule (empty name, bad date …) */
  CP_STORE_ERROR_NOT_FOUND,   /* no such row */
  CP_STORE_ERROR_FAILED,      /* anything else */
  CP_STORE_ERROR_UNCERTAIN,   /* the disk failed while saving: the change is in the
                               * workspace now (models, undo), but may not be on the disk */
} CpStoreError;

typedef enum
{
  CP_STORE_OPEN_DEFAULT   = 0,
  CP_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, never migrate, never back up */
  CP_STORE_OPEN_NO_BACKUP = 1 << 1,  /* skip the daily backup (tests, benchmarks) */
} CpStoreOpenFlags;

/* Things about an open workspace the UI should tell the user (cp_store_get_warnings);
 * cp_store_dup_warning_messages words them. */
typedef enum
{
  CP_STORE_WARNING_NONE             = 0,
  CP_STORE_WARNING_HARD_LINKED      = 1 << 0,  /* the file has other names (hard links) */
  CP_STORE_WARNING_FOLDER_SHARED    = 1 << 1,  /* its folder can be listed by other users */
  CP_STORE_WARNING_RECENT_UNREADABLE = 1 << 2, /* read-only: recent changes (its -wal) could
                                                * not be read, so it shows an older state */
  CP_STORE_WARNING_MADE_PRIVATE     = 1 << 3,  /* the file was open to other users; it is
                                                * 0600 now */
  CP_STORE_WARNING_NOT_PRIVATE      = 1 << 4,  /* the file is open to other users and could
                                                * not be made private (FAT, another owner) */
} CpStoreWarnings;

#define CP_TYPE_STORE (cp_store_get_type ())
G_DECLARE_FINAL_TYPE (CpStore, cp_store, CP, STORE, GObject)

GQuark       cp_store_error_quark          (void);

/* Opens @path, creating it (folder 0700, file 0600) when missing, migrating it when older
 * (after a backup), refusing it when newer. Unless CP_STORE_OPEN_NO_BACKUP, it takes
 * today's backup when there is none yet, but prunes none: set the number of days to keep
 * (cp_store_set_backup_keep), then cp_store_backup_daily prunes. */
CpStore     *cp_store_open                 (const char        *path,
                                            CpStoreOpenFlags   flags,
                                            GError           **error);
/* Which process has @path open for writing, when known (read from PATH.lock while the
 * lock is held): its process id and host name (free it). FALSE when no one holds it
 * or it cannot tell. */
gboolean     cp_store_get_lock_holder      (const char  *path,
                                            int         *out_pid,
                                            char       **out_hostname);
/* $XDG_DATA_HOME/cpkit/workspace.cpkit */
char        *cp_store_dup_default_path     (void);
/* $XDG_DATA_HOME/cpkit/practice.cpkit */
char        *cp_store_dup_practice_path    (void);

/* The name it was opened by (for display); cp_store_get_real_path gives the file it
 * resolves to (symlinks followed), from which the lock, backups/ and library/ are found. */
const char  *cp_store_get_path             (CpStore *self);
const char  *cp_store_get_real_path        (CpStore *self);
/* See CpStoreWarnings; set at open. */
CpStoreWarnings cp_store_get_warnings      (CpStore *self);
/* One plain sentence per warning that is set (translated); NULL-terminated, maybe empty. */
GStrv        cp_store_dup_warning_messages (CpStore *self);
/* The workspace's display name: the file name without ".cpkit". Never a person's name. */
char        *cp_store_dup_display_name     (CpStore *self);
/* The name a workspace at @path is shown by: its file name without ".cpkit". */
char        *cp_store_dup_display_name_for_path (const char *path);
gboolean     cp_store_get_read_only        (CpStore *self);
int          cp_store_get_schema_version   (CpStore *self);

/* Closes the database now (the object stays usable only for get_path). */
void         cp_store_close                (CpStore *self);

/* ---- People ------------------------------------------------------------------------ */

/* A GListModel of CpPerson, ordered by id; the same objects are updated in place. */
GListModel  *cp_store_get_people           (CpStore *self);
/* The same people for a list that sorts them (the sort then finds them in order): in
 * name order as the workspace opened, people added since at the end. */
GListModel  *cp_store_get_people_by_name   (CpStore *self);
/* TRUE while that is still in name order: no person added, changed or read again since
 * it was sorted (removals keep the order). */
gboolean     cp_store_get_people_by_name_in_order (CpStore *self);
CpPerson    *cp_store_find_person          (CpStore *self,
                                            gint64   id);   /* borrowed, or NULL */

gint64       cp_store_add_person           (CpStore     *self,
                                            const char  *name,
                                            GError     **error);   /* 0 on error */
gboolean     cp_store_rename_person        (CpStore     *self,
                                            gint64       id,
                                            const char  *name,
                                            GError     **error);
gboolean     cp_store_set_person_case_ref  (CpStore     *self,
                                            gint64       id,
                                            const char  *case_ref,  /* NULL or "" clears */
                                            GError     **error);
/* @closed_on is used for CLOSED (NULL: today); @reason for PAUSED (must not be NONE). */
gboolean     cp_store_set_person_status    (CpStore        *self,
                                            gint64          id,
                                            CpPersonStatus  status,
                                            CpPauseReason   reason,
                                            const char     *closed_on,
                                            GError        **error);
gboolean     cp_store_set_person_focus     (CpStore     *self,
                                            gint64       id,
                                            CpFocus      focus,
                                            GError     **error);
gboolean     cp_store_set_person_next_review (CpStore    *self,
                                              gint64      id,
                                              const char *date,   /* YYYY-MM-DD, or NULL */
                                              GError    **error);
/* Consecutive notes edits of one person within a few seconds merge into one undo step. */
gboolean     cp_store_set_person_notes     (CpStore     *self,
                                            gint64       id,
                                            const char  *notes,
                                            GError     **error);
gboolean     cp_store_delete_person        (CpStore     *self,
                                            gint64       id,
                                            GError     **error);

/* ---- Undo -------------------------------------------------------------------------- */

gboolean     cp_store_can_undo             (CpStore *self);   /* also a property */
gboolean     cp_store_can_redo             (CpStore *self);   /* also a property */
/* How many undo steps edits have made since the store was opened; an edit merged into
 * the newest step makes none. A view that allows undoing only its own edits counts the
 * steps made while it shows. */
guint64      cp_store_get_n_undo_steps     (CpStore *self);
/* Label of the step undo/redo would apply, e.g. "Rename person"; NULL when none. */
const char  *cp_store_get_undo_label       (CpStore *self);
const char  *cp_store_get_redo_label       (CpStore *self);
gboolean     cp_store_undo                 (CpStore  *self,
                                            GError  **error);
gboolean     cp_store_redo                 (CpStore  *self,
                                            GError  **error);

/* ---- Backups ----------------------------------------------------------------------- */

/* Backups taken before a migration or a restore are kept this many days (or as many
 * days as the daily ones, when that is longer), then pruned like the daily ones: an
 * erased person stays in a backup only until it ages out. */
#define CP_STORE_SPECIAL_BACKUP_DAYS 30

/* How many daily backups to keep (Preferences; default 7). */
void         cp_store_set_backup_keep      (CpStore *self,
                                            guint    days);
/* Takes today's backup if there is none yet, and prunes the daily ones beyond the
 * number to keep (and the others once they age out). */
gboolean     cp_store_backup_daily         (CpStore  *self,
                                            GError  **error);
/* Paths of the backups beside the workspace, newest first. */
GStrv        cp_store_list_backups         (CpStore *self);
/* The same for a workspace that is not open (it may be damaged): never opens it. */
GStrv        cp_store_list_backups_for_path (const char *workspace_path);
/* The day (YYYY-MM-DD) a backup of @workspace_path was taken, from its name; NULL when
 * @backup_path is not one of its backups. */
char        *cp_store_dup_backup_date      (const char *workspace_path,
                                            const char *backup_path);
/* Puts @backup_path back, whole or not at all: a private copy of it is brought up to
 * this app's schema first (MIGRATION when it cannot be, and nothing changed), the present
 * state is backed up ("before-restore"), the undo history is cleared, and the copy goes
 * into the workspace as one transaction; the store then reloads. */
gboolean     cp_store_restore_backup       (CpStore     *self,
                                            const char  *backup_path,
                                            GError     **error);
/* Writes a consistent copy of the workspace to @dest_path (Save a copy…), published whole
 * (cp_file_publish: works on FAT and exFAT too). Without @replace an existing file is
 * never replaced (FAILED, "already there"); pass TRUE only when the user said yes to
 * "Replace?" for that name. Never over the workspace's own files. */
gboolean     cp_store_save_copy            (CpStore     *self,
                                            const char  *dest_path,
                                            gboolean     replace,
                                            GError     **error);

/* ---- Practice workspace ------------------------------------------------------------ */

/* Makes a fresh practice workspace at @path from the shipped practice data
 * (resource practice/practice.ini); fails when @path exists. */
gboolean     cp_store_create_practice      (const char  *path,
                                            GError     **error);

/* ---- Checks (cpkit check) ---------------------------------------------------------- */

/* Opens @path read-only, runs integrity_check and foreign_key_check, reads the schema
 * version. Appends a human-readable report to @report. Returns TRUE when all is well. */
gboolean     cp_store_check_file           (const char  *path,
                                            GString     *report,
                                            GError     **error);

/* ---- Agreement and communication needs --------------------------------------------- */

/* Each setter is one undo step, like the other person edits; a no-op makes no step.
 * Dates are YYYY-MM-DD; NULL or "" clears. CONSTRAINT for a date that is not real. */
gboolean     cp_store_set_person_agreed_on (CpStore     *self,
                                            gint64       id,
                                            const char  *date,
                                            GError     **error);
/* The day the person agreed to their map and plan being kept in this app. */
gboolean     cp_store_set_person_keep_agreed_on (CpStore     *self,
                                                 gint64       id,
                                                 const char  *date,
                                                 GError     **error);
/* What the person agreed may be shared, and with whom (free text; NULL is ""). Typing
 * merges into one undo step, like notes. */
gboolean     cp_store_set_person_sharing   (CpStore     *self,
                                            gint64       id,
                                            const char  *sharing,
                                            GError     **error);
/* All communication needs at once, one undo step. @interpreter_language is kept only
 * when @needs has CP_COMMUNICATION_INTERPRETER (NULL or blank: language not known);
 * @other is free text for anything else (NULL is ""). Both are trimmed. */
gboolean     cp_store_set_person_communication (CpStore               *self,
                                                gint64                 id,
                                                CpCommunicationNeeds   needs,
                                                const char            *interpreter_language,
                                                const char            *other,
                                                GError               **error);

/* ---- What the workspace is for ----------------------------------------------------- */

typedef enum
{
  CP_WORKSPACE_PURPOSE_UNSET,     /* not asked yet: the first run asks */
  CP_WORKSPACE_PURPOSE_PRACTICE,  /* practice with fictional people */
  CP_WORKSPACE_PURPOSE_CASELOAD,  /* a real caseload on a device the organisation approved */
} CpWorkspacePurpose;

/* Stored in the workspace itself (workspace_meta 'purpose'). A workspace made from the
 * practice data is PRACTICE until set otherwise. */
CpWorkspacePurpose cp_store_get_purpose    (CpStore             *self);
/* Not an undo step and not undoable: a fact about the workspace. Emits ::changed with
 * { "workspace_meta" } when it changes. READ_ONLY on a read-only store. */
gboolean     cp_store_set_purpose          (CpStore             *self,
                                            CpWorkspacePurpose   purpose,
                                            GError             **error);


/* ---- Closing and erasing ----------------------------------------------------------- */

/* People closed (status CLOSED) on or before @days days ago, in id order; new
 * references (free the array). Close a person with cp_store_set_person_status. */
GPtrArray   *cp_store_list_erasable        (CpStore     *self,
                                            guint        days);
/* How many cp_store_list_erasable () would list, without listing them. */
guint        cp_store_count_erasable       (CpStore     *self,
                                            guint        days);
/* Erases a person permanently: deletes them and every row linked to them (maps,
 * members, ties, goals, steps, reviews, ratings, the disclosure log) in one transaction with
 * secure_delete=ON; then drops the WHOLE undo and redo history (it held copies of the
 * person's rows; the UI should say "this cannot be undone"), VACUUMs the file and
 * truncates the -wal file, so no copy stays in the workspace's files. Backups are not
 * touched: they keep a copy until they age out. Emits ::changed. NOT_FOUND when there
 * is no such person; FAILED (with the person already erased) when the -wal file could
 * not be emptied (another process reading the workspace). The VACUUM rewrites the file:
 * about a second for a very large workspace. (secure_delete and the checkpoint alone
 * already pass the canary test; VACUUM is a second line.) */
gboolean     cp_store_erase_person         (CpStore     *self,
                                            gint64       id,
                                            GError     **error);

/* ---- Subject access ---------------------------------------------------------------- */

/* cp-store-subject.h reads everything held about one person as data; src/export words
 * it (cp_export_subject_access_text). A person's network maps are in cp-store-netmap.h,
 * what about them left the app in cp-store-disclosure.h. */

G_END_DECLS
