/* test-store-util.h: helpers shared by the store tests
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-db.h"
#include "store/cp-store-private.h"

G_BEGIN_DECLS

/* A fresh temporary folder; remove it with store_test_remove_tree. */
char     *store_test_make_dir      (void);
void      store_test_remove_tree   (const char *path);
/* Every table, ordered by name, every row ordered by rowid, as text. */
char     *store_test_dump          (sqlite3    *db);
/* sqlite_master's CREATE statements, comments dropped, whitespace collapsed, sorted. */
char     *store_test_schema        (sqlite3    *db);
char     *store_test_sha256        (const char *path);
gint64    store_test_mtime_usec    (const char *path);
guint     store_test_mode          (const char *path);
/* Runs SQL on @db and asserts success. */
void      store_test_exec          (sqlite3    *db,
                                    const char *sql);
/* Runs @sql as one store edit (_cp_store_edit: one undo step named @label) and asserts
 * it worked. */
void      store_test_edit          (CpStore    *store,
                                    const char *label,
                                    const char *sql);
int       store_test_int           (sqlite3    *db,
                                    const char *sql);
/* Opens a bare connection (no store) on @path. */
sqlite3  *store_test_open_raw      (const char *path);

/* The helper process of the trust tests (tests/cp-crash-helper.c, env
 * CPKIT_CRASH_HELPER). @argv holds its arguments after the program. @setup runs in the
 * child before exec (may be NULL). Pipes: the child's stdin (write end) and stdout
 * (read end); /dev/null for either when its pointer is NULL. */
GPid      store_test_spawn_helper  (const char * const   *argv,
                                    GSpawnChildSetupFunc  setup,
                                    gpointer              setup_data,
                                    int                  *stdin_fd,
                                    int                  *stdout_fd);
/* Waits for the child to end (polling with a deadline of @timeout_sec) and returns its
 * wait status. */
int       store_test_wait_child    (GPid                  pid,
                                    guint                 timeout_sec);

/* Reads lines from a pipe, polling against a deadline. */
typedef struct
{
  int      fd;
  GString *buf;
  gboolean eof;
} StoreTestLines;

void      store_test_lines_init    (StoreTestLines       *lines,
                                    int                   fd);
void      store_test_lines_clear   (StoreTestLines       *lines);
/* The next line without its newline, or NULL at EOF or when @deadline_usec (monotonic)
 * passes. Free it. */
char     *store_test_lines_next    (StoreTestLines       *lines,
                                    gint64                deadline_usec);

/* TRUE when @haystack's bytes hold @needle as UTF-8 or as UTF-16 (LE or BE). */
gboolean  store_test_bytes_hold    (GBytes               *haystack,
                                    const char           *needle);
/* Whether any of PATH, PATH-wal, PATH-shm holds @needle (see above); names the file. */
gboolean  store_test_files_hold    (const char           *path,
                                    const char           *needle,
                                    char                **out_which);

G_END_DECLS
