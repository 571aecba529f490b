/* test-store-migrations.c: schema creation and migrations
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-migrations"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"

static const char *parent_child_v1 =
  "PRAGMA application_id = 1668303732;"
  "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;"
  "CREATE TABLE child (id INTEGER PRIMARY KEY,"
  "  parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE,"
  "  value TEXT NOT NULL) STRICT;";

/* The 12-step rebuild of a parent table: make new, copy, drop, rename. */
static const char *rebuild_parent =
  "CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
  "  colour TEXT NOT NULL DEFAULT 'blue') STRICT;"
  "INSERT INTO parent_new (id, name) SELECT id, name FROM parent;"
  "DROP TABLE parent;"
  "ALTER TABLE parent_new RENAME TO parent;";

static void
fill_parent_child (sqlite3 *db)
{
  cp_test_db_exec (db,
                   "PRAGMA foreign_keys = ON;"
                   "INSERT INTO parent (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');"
                   "INSERT INTO child (parent_id, value) VALUES (1, 'x'), (1, 'y'), (2, 'z'),"
                   "  (3, 'u'), (3, 'v');");
}

typedef struct
{
  guint calls;
  int   from_versions[4];
} BackupLog;

static gboolean
log_backup (sqlite3   *db,
            int        from_version,
            gpointer   user_data,
            GError   **error)
{
  BackupLog *log = user_data;

  if (log->calls < G_N_ELEMENTS (log->from_versions))
    log->from_versions[log->calls] = from_version;
  log->calls++;

  return TRUE;
}

static void
test_rebuild_parent_keeps_children (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rebuild.cpkit", NULL);
  g_autofree char *control_path = g_build_filename (dir, "control.cpkit", NULL);
  const char *steps[] = { parent_child_v1, rebuild_parent };
  g_autoptr(GError) error = NULL;
  BackupLog log = { 0 };
  sqlite3 *db;

  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, steps, 1, log_backup, &log, &error));
  g_assert_no_error (error);
  fill_parent_child (db);

  g_assert_true (_cp_migrations_run (db, NULL, steps, 2, log_backup, &log, &error));
  g_assert_no_error (error);

  /* A backup was asked for before the step that changed data, not for the empty file. */
  g_assert_cmpuint (log.calls, ==, 1);
  g_assert_cmpint (log.from_versions[0], ==, 1);

  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM child"), ==, 5);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM parent WHERE colour = 'blue'"),
                   ==, 3);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA foreign_keys"), ==, 1);
  /* The child's key still works after the rename. */
  cp_test_db_exec (db, "DELETE FROM parent WHERE id = 3");
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM child"), ==, 3);
  sqlite3_close (db);

  /* Control: the same rebuild with foreign keys on loses the children. This is what the
   * runner guards against, so the test above can fail. */
  db = cp_test_db_open_raw (control_path);
  cp_test_db_exec (db, parent_child_v1);
  fill_parent_child (db);
  cp_test_db_exec (db, "BEGIN");
  cp_test_db_exec (db, rebuild_parent);
  cp_test_db_exec (db, "COMMIT");
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM child"), ==, 0);
  sqlite3_close (db);
}

/* Step N is the file numbered N and brings the file to version N, none skipped: the
 * last is 9 (0005-document-sha256, 0006-netmap, 0007-goals-reviews, 0008-supervision,
 * 0009-disclosure-sheet). */
static void
test_steps_numbered (void)
{
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (_cp_migrations_get_latest (), ==, 9);
  g_assert_cmpuint (g_strv_length (steps), ==, 9);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *head = g_strdup_printf ("-- %04u: ", i + 1);
      g_autofree char *version = g_strdup_printf ("(schema version %u)", i + 1);

      g_assert_true (g_str_has_prefix (steps[i], head));
      g_assert_nonnull (strstr (steps[i], version));
    }
  g_assert_true (g_str_has_prefix (steps[4], "-- 0005: a library file name"));
  g_assert_true (g_str_has_prefix (steps[5], "-- 0006: the network map"));
  g_assert_true (g_str_has_prefix (steps[7], "-- 0008: supervision"));
}

static void
test_steps_equal_fresh (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *stepped_path = g_build_filename (dir, "stepped.cpkit", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.cpkit", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *stepped_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  BackupLog log = { 0 };
  sqlite3 *stepped;
  sqlite3 *fresh;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (steps), ==, _cp_migrations_get_latest ());
  g_assert_cmpuint (g_strv_length (steps), >=, 2);

  /* Version 1 with a person in it, then every later step. */
  stepped = cp_test_db_open_raw (stepped_path);
  g_assert_true (_cp_migrations_run (stepped, NULL, (const char * const *) steps, 1,
                                     log_backup, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (stepped, "PRAGMA user_version"), ==, 1);
  cp_test_db_exec (stepped,
                   "INSERT INTO person (name, created_at, updated_at) "
                   "VALUES ('V1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  g_assert_true (_cp_migrations_run (stepped, schema, (const char * const *) steps,
                                     g_strv_length (steps), log_backup, &log, &error));
  g_assert_no_error (error);
  /* One backup of the version-1 file, before the first step that changes it. */
  g_assert_cmpuint (log.calls, ==, 1);

  fresh = cp_test_db_open_raw (fresh_path);
  g_assert_true (_cp_migrations_run (fresh, schema, (const char * const *) steps,
                                     g_strv_length (steps), log_backup, &log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log.calls, ==, 1);   /* no backup of nothing */

  stepped_schema = cp_test_db_schema (stepped);
  fresh_schema = cp_test_db_schema (fresh);
  g_assert_cmpstr (stepped_schema, ==, fresh_schema);
  g_assert_cmpint (cp_test_db_int (stepped, "PRAGMA user_version"), ==,
                   cp_test_db_int (fresh, "PRAGMA user_version"));
  g_assert_cmpint (cp_test_db_int (stepped, "PRAGMA application_id"), ==,
                   cp_test_db_int (fresh, "PRAGMA application_id"));
  g_assert_cmpint (cp_test_db_int (stepped, "SELECT count(*) FROM person"), ==, 1);

  /* Running again does nothing. */
  g_assert_true (_cp_migrations_run (fresh, schema, (const char * const *) steps,
                                     g_strv_length (steps), log_backup, &log, &error));
  g_assert_cmpuint (log.calls, ==, 1);

  sqlite3_close (stepped);
  sqlite3_close (fresh);
}

/* 0009: a version-8 log, which could not tell a supervision sheet from a pack, keeps its
 * entries, and then takes a sheet as a kind of its own. */
static void
test_disclosure_sheet_step (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "log-v8.cpkit", NULL);
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  const char *sheet = "INSERT INTO disclosure (person_id, what, detail, made_at) VALUES "
                      "(1, 'supervision_sheet', 'Supervision sheet', '2026-12-06T10:00:00Z')";
  sqlite3 *db;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  g_assert_cmpuint (g_strv_length (steps), >=, 9);
  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 8, NULL, NULL,
                                     &error));
  g_assert_no_error (error);
  cp_test_db_exec (db,
                   "INSERT INTO person (id, name, created_at, updated_at) VALUES "
                   "(1, 'Jo', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                   "INSERT INTO disclosure (id, person_id, what, detail, to_whom, made_at) "
                   "VALUES (7, 1, 'supervision_pack', 'Supervision sheet (PDF)', 'x', "
                   "'2026-12-01T10:00:00Z')");
  g_assert_cmpint (sqlite3_exec (db, sheet, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

  g_assert_true (_cp_migrations_run (db, schema, (const char * const *) steps,
                                     g_strv_length (steps), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure WHERE id = 7 AND "
                                   "person_id = 1 AND what = 'supervision_pack' AND "
                                   "detail = 'Supervision sheet (PDF)' AND to_whom = 'x' AND "
                                   "made_at = '2026-12-01T10:00:00Z'"), ==, 1);
  cp_test_db_exec (db, sheet);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure"), ==, 2);
  /* it still goes with the person */
  cp_test_db_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM person WHERE id = 1");
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure"), ==, 0);
  sqlite3_close (db);
}

static void
test_open_migrates_with_backup (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.cpkit", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_auto(GStrv) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  CpPerson *person;
  sqlite3 *db;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));

  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 1, NULL, NULL,
                                     &error));
  cp_test_db_exec (db,
                   "INSERT INTO person (name, created_at, updated_at) "
                   "VALUES ('Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, _cp_migrations_get_latest ());
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  person = g_list_model_get_item (cp_store_get_people (store), 0);
  g_assert_cmpstr (cp_person_get_name (person), ==, "Old");
  g_object_unref (person);

  /* The backup taken first holds version 1, privately. */
  list = cp_store_list_backups (store);
  g_assert_cmpuint (g_strv_length (list), ==, 1);
  g_assert_true (g_str_has_suffix (list[0], "-v1.cpkit"));
  g_assert_cmpuint (cp_test_file_mode (backups), ==, 0700);
  g_assert_cmpuint (cp_test_file_mode (list[0]), ==, 0600);
  db = cp_test_db_open_raw (list[0]);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person"), ==, 1);
  sqlite3_close (db);

  g_clear_object (&store);
}

static void
test_too_new (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.cpkit", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *sum = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  gint64 mtime;
  sqlite3 *db;

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  cp_store_add_person (store, "N", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  db = cp_test_db_open_raw (path);
  cp_test_db_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  sum = cp_test_sha256 (path);
  mtime = cp_test_mtime_usec (path);

  store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  store = cp_store_open (path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  {
    g_autofree char *now = cp_test_sha256 (path);

    g_assert_cmpstr (now, ==, sum);
    g_assert_cmpint (cp_test_mtime_usec (path), ==, mtime);
    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }

  /* The runner refuses too, before touching anything. */
  db = cp_test_db_open_raw (path);
  g_assert_false (_cp_migrations_run (db, NULL, NULL, 2, NULL, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW);
  sqlite3_close (db);
}

static void
test_failing_step (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fail.cpkit", NULL);
  const char *bad_sql[] = {
    parent_child_v1,
    "CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;"
    "UPDATE parent SET name = 'changed';"
    "INSERT INTO no_such_table VALUES (1);",
  };
  const char *orphan[] = {
    parent_child_v1,
    "CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;"
    "INSERT INTO child (parent_id, value) VALUES (999, 'orphan');",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  sqlite3 *db;

  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, bad_sql, 1, NULL, NULL, &error));
  fill_parent_child (db);
  before = cp_test_db_dump (db);

  /* A step with an error. */
  g_assert_false (_cp_migrations_run (db, NULL, bad_sql, 2, NULL, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION);
  g_clear_error (&error);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sqlite_master "
                                       "WHERE name = 'extra'"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA foreign_keys"), ==, 1);
  {
    g_autofree char *after = cp_test_db_dump (db);

    g_assert_cmpstr (after, ==, before);
  }

  /* A step that leaves a row pointing nowhere fails the foreign key check. */
  g_assert_false (_cp_migrations_run (db, NULL, orphan, 2, NULL, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION);
  g_clear_error (&error);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM child"), ==, 5);
  sqlite3_close (db);

  /* Through the store: the open fails and the file stays at version 1. */
  {
    g_autoptr(CpStore) store = NULL;

    store = _cp_store_open_with_migrations (path, CP_STORE_OPEN_NO_BACKUP, NULL, bad_sql, 2,
                                            &error);
    g_assert_null (store);
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION);
    g_clear_error (&error);

    db = cp_test_db_open_raw (path);
    g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM child"), ==, 5);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/store/migrations/rebuild-parent-keeps-children",
                   test_rebuild_parent_keeps_children);
  g_test_add_func ("/cp/store/migrations/steps-numbered", test_steps_numbered);
  g_test_add_func ("/cp/store/migrations/steps-equal-fresh", test_steps_equal_fresh);
  g_test_add_func ("/cp/store/migrations/disclosure-sheet", test_disclosure_sheet_step);
  g_test_add_func ("/cp/store/migrations/open-migrates-with-backup",
                   test_open_migrates_with_backup);
  g_test_add_func ("/cp/store/migrations/too-new", test_too_new);
  g_test_add_func ("/cp/store/migrations/failing-step", test_failing_step);

  return g_test_run ();
}
