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
int       store_test_int           (sqlite3    *db,
                                    const char *sql);
/* Opens a bare connection (no store) on @path. */
sqlite3  *store_test_open_raw      (const char *path);

G_END_DECLS
