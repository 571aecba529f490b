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
 * step (recorded with the SQLite session extension, kept in memory, at least 100 steps).
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
} CpStoreError;

typedef enum
{
  CP_STORE_OPEN_DEFAULT   = 0,
  CP_STORE_OPEN_READ_ONLY = 1 << 0,  /* never write, never migrate, never back up */
  CP_STORE_OPEN_NO_BACKUP = 1 << 1,  /* skip the daily backup (tests, benchmarks) */
} CpStoreOpenFlags;

#define CP_TYPE_STORE (cp_store_get_type ())
G_DECLARE_FINAL_TYPE (CpStore, cp_store, CP, STORE, GObject)

GQuark       cp_store_error_quark          (void);

/* Opens @path, creating it (folder 0700, file 0600) when missing, migrating it when older
 * (after a backup), refusing it when newer. */
CpStore     *cp_store_open                 (const char        *path,
                                            CpStoreOpenFlags   flags,
                                            GError           **error);
/* $XDG_DATA_HOME/cpkit/workspace.cpkit */
char        *cp_store_dup_default_path     (void);
/* $XDG_DATA_HOME/cpkit/practice.cpkit */
char        *cp_store_dup_practice_path    (void);

const char  *cp_store_get_path             (CpStore *self);
/* The workspace's display name: the file name without ".cpkit". Never a person's name. */
char        *cp_store_dup_display_name     (CpStore *self);
gboolean     cp_store_get_read_only        (CpStore *self);
int          cp_store_get_schema_version   (CpStore *self);

/* Closes the database now (the object stays usable only for get_path). */
void         cp_store_close                (CpStore *self);

/* ---- People ------------------------------------------------------------------------ */

/* A GListModel of CpPerson, ordered by id; the same objects are updated in place. */
GListModel  *cp_store_get_people           (CpStore *self);
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
/* Label of the step undo/redo would apply, e.g. "Rename person"; NULL when none. */
const char  *cp_store_get_undo_label       (CpStore *self);
const char  *cp_store_get_redo_label       (CpStore *self);
gboolean     cp_store_undo                 (CpStore  *self,
                                            GError  **error);
gboolean     cp_store_redo                 (CpStore  *self,
                                            GError  **error);

/* ---- Backups ----------------------------------------------------------------------- */

/* How many daily backups to keep (Preferences; default 7). */
void         cp_store_set_backup_keep      (CpStore *self,
                                            guint    days);
/* Takes today's backup if there is none yet, and prunes old ones. */
gboolean     cp_store_backup_daily         (CpStore  *self,
                                            GError  **error);
/* Paths of the backups beside the workspace, newest first. */
GStrv        cp_store_list_backups         (CpStore *self);
/* The same for a workspace that is not open (it may be damaged): never opens it. */
GStrv        cp_store_list_backups_for_path (const char *workspace_path);
/* Copies @backup_path over the workspace with the backup API, after backing up the current
 * state; the store then reloads. Undo history is cleared. */
gboolean     cp_store_restore_backup       (CpStore     *self,
                                            const char  *backup_path,
                                            GError     **error);
/* Writes a consistent copy of the workspace to @dest_path (Save a copy…). */
gboolean     cp_store_save_copy            (CpStore     *self,
                                            const char  *dest_path,
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

G_END_DECLS
