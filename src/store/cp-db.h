/* cp-db.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Private to src/store: the SQLite handle, its pragmas, errors and small helpers.
 * SQL lives only in src/store/ and resources/sql/. */

/* "cpkt" in PRAGMA application_id marks a Connecting People Kit workspace. */
#define CP_DB_APPLICATION_ID 1668303732

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct
{
  gboolean exists;
  goffset  size;
  int      user_version;
  gint32   application_id;
  int      n_objects;       /* rows in sqlite_master */
  gboolean wal_unreadable;  /* its -wal holds frames that could not be read */
} CpDbInfo;

/* Sets @error from an SQLite result code with a message for people, never SQL text. */
void           _cp_db_set_error      (GError     **error,
                                      sqlite3     *db,
                                      int          rc);
gboolean       _cp_db_exec           (sqlite3     *db,
                                      const char  *sql,
                                      GError     **error);
sqlite3_stmt  *_cp_db_prepare        (sqlite3     *db,
                                      const char  *sql,
                                      GError     **error);
/* Binds @text, or NULL when @text is NULL. */
void           _cp_db_bind_text      (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);
/* Steps @stmt to SQLITE_DONE. */
gboolean       _cp_db_step_done      (sqlite3_stmt *stmt,
                                      GError      **error);
/* A value to bind to a statement's parameter: CP_DB_INT (n), CP_DB_REAL (x),
 * CP_DB_TEXT (s) (NULL binds NULL) or CP_DB_NULL. */
typedef enum
{
  CP_DB_VALUE_NULL,
  CP_DB_VALUE_INT,
  CP_DB_VALUE_REAL,
  CP_DB_VALUE_TEXT,
} CpDbValueType;

typedef struct
{
  CpDbValueType type;
  union
  {
    gint64      i;
    double      r;
    const char *t;
  } v;
} CpDbValue;

#define CP_DB_NULL     ((CpDbValue) { .type = CP_DB_VALUE_NULL })
#define CP_DB_INT(n)   ((CpDbValue) { .type = CP_DB_VALUE_INT, .v.i = (gint64) (n) })
#define CP_DB_REAL(x)  ((CpDbValue) { .type = CP_DB_VALUE_REAL, .v.r = (double) (x) })
#define CP_DB_TEXT(s)  ((CpDbValue) { .type = CP_DB_VALUE_TEXT, .v.t = (s) })

/* Binds @values to ?1, ?2, …; values past the statement's highest parameter are not
 * bound (so one list can serve statements that use fewer of them). */
gboolean       _cp_db_bind_values    (sqlite3_stmt     *stmt,
                                      const CpDbValue  *values,
                                      guint             n_values,
                                      GError          **error);
/* Prepares @sql, binds @values and steps it to the end. @out_n_touched (may be NULL)
 * gets the rows it returned plus the rows it changed. */
gboolean       _cp_db_run            (sqlite3          *db,
                                      const char       *sql,
                                      const CpDbValue  *values,
                                      guint             n_values,
                                      guint            *out_n_touched,
                                      GError          **error);
gboolean       _cp_db_get_int        (sqlite3     *db,
                                      const char  *sql,
                                      int         *out_value,
                                      GError     **error);
/* Runs PRAGMA foreign_key_check; FALSE with CP_STORE_ERROR_CONSTRAINT when any row. */
gboolean       _cp_db_foreign_key_check (sqlite3  *db,
                                         GError  **error);

/* Both opens give a connection for one thread at a time (SQLITE_OPEN_NOMUTEX: SQLite's
 * multi-thread mode, no lock taken on every call). That is how the app uses every
 * connection: the window's store on the window's thread (after the worker that opened
 * it returned it), and each worker on a connection of its own (cp-store-async.c). */

/* Opens @path read-write and sets the pragmas (WAL, foreign keys, synchronous=FULL,
 * secure_delete). The file must exist. */
sqlite3       *_cp_db_open_rw        (const char  *path,
                                      GError     **error);
/* Opens @path read-only; @immutable when its WAL cannot be written. */
sqlite3       *_cp_db_open_ro        (const char  *path,
                                      gboolean     immutable,
                                      GError     **error);
/* Opens @path read-only. When its -wal holds frames (committed work a crash or a live
 * writer left there), never immutable: those frames are read, even when the file or its
 * folder is read-only. Immutable when there is no such -wal and nothing could write the
 * file (no write bit on it or its folder, EACCES, EROFS) or the look is @brief (a probe,
 * a check), so that a look leaves no -shm file behind; and, as a last resort, when the
 * -wal cannot be read at all (no -shm, and none can be made in a read-only folder):
 * then @out_stale (may be NULL) is set, for the caller to say that recent changes could
 * not be read. */
sqlite3       *_cp_db_open_ro_auto   (const char  *path,
                                      gboolean     brief,
                                      gboolean    *out_stale,
                                      GError     **error);
/* READ_ONLY: its recent changes (the -wal) cannot be read here (see _cp_db_open_ro_auto). */
void           _cp_db_set_wal_unreadable_error (GError **error);
/* FALSE when the mode bits or access() say @path or its folder cannot be written. */
gboolean       _cp_db_can_write      (const char  *path);
/* Classifies @path without writing it: missing, empty, not SQLite, and reads the
 * header facts through a read-only connection. */
gboolean       _cp_db_probe          (const char  *path,
                                      CpDbInfo    *info,
                                      GError     **error);
/* Copies @src into @dest_path (0600) with the backup API, published whole
 * (cp_file_publish): without @replace, fails when a file is there. */
gboolean       _cp_db_backup_to_file (sqlite3     *src,
                                      const char  *dest_path,
                                      gboolean     replace,
                                      GError     **error);
/* The same, then runs @then_sql (may be NULL) on the copy before it is published. */
gboolean       _cp_db_copy_to_file   (sqlite3     *src,
                                      const char  *dest_path,
                                      gboolean     replace,
                                      const char  *then_sql,
                                      GError     **error);
/* Copies the whole of @src into @dest with the backup API, as one write transaction on
 * @dest. */
gboolean       _cp_db_copy           (sqlite3     *dest,
                                      sqlite3     *src,
                                      GError     **error);
/* Creates @path (0600) and its folder (0700) when missing. */
gboolean       _cp_db_create_file    (const char  *path,
                                      GError     **error);
/* Sets 0600 on @path's -wal and -shm files when they exist. */
void           _cp_db_fix_side_modes (const char  *path);

/* ISO-8601 UTC timestamp with milliseconds, e.g. 2026-11-26T04:33:30.123Z */
char          *_cp_db_now            (void);

G_END_DECLS
