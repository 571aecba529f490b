/* cp-migrations.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-db.h"

G_BEGIN_DECLS

/* The schema is keyed on PRAGMA user_version. Step i (0-based) takes a workspace from
 * version i to i + 1; the latest version is the number of steps. A fresh (empty) file
 * gets the full schema in one go instead. */

/* Called once, before the first step, on a workspace that holds data (with the version
 * it has before migrating); a FALSE return stops the migration before anything is
 * changed. */
typedef gboolean (*CpMigrationBackupFunc) (sqlite3   *db,
                                           int        from_version,
                                           gpointer   user_data,
                                           GError   **error);

/* The schema version this build writes. */
int       _cp_migrations_get_latest  (void);

/* Loads resources/sql/schema.sql and the numbered steps (NULL-terminated). */
gboolean  _cp_migrations_load        (char       **out_schema,
                                      GStrv       *out_steps,
                                      GError     **error);

/* Brings @db up to version @n_steps. @schema may be NULL (then a fresh file runs every
 * step). Refuses a file newer than @n_steps with CP_STORE_ERROR_TOO_NEW without touching
 * it. Then @backup_func once; for each step: foreign keys off, BEGIN IMMEDIATE, the
 * step, an empty foreign_key_check, user_version, COMMIT, foreign keys on. A failing
 * step leaves the file at the version before it (CP_STORE_ERROR_MIGRATION). */
gboolean  _cp_migrations_run         (sqlite3                *db,
                                      const char             *schema,
                                      const char * const     *steps,
                                      guint                   n_steps,
                                      CpMigrationBackupFunc   backup_func,
                                      gpointer                user_data,
                                      GError                **error);

G_END_DECLS
