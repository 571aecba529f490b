/* test-store-half-apply.c: undo and restore either apply whole or leave things as they were
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-half-apply"

#include <string.h>

#include <glib/gstdio.h>

#include "store/cp-migrations.h"
#include "cp-test-util.h"

/* A step that no longer fits the workspace (its row was changed outside the history, as
 * another program or an older app could) is dropped with a message that says so, and
 * the next Ctrl+Z undoes the step below it instead of failing the same way again. */
static void
test_undo_conflict_dropped (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.cpkit", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  gint64 ann, bilal;

  g_assert_no_error (error);
  ann = cp_store_add_person (store, "Ann", &error);
  g_assert_no_error (error);
  bilal = cp_store_add_person (store, "Bilal", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_rename_person (store, ann, "Anna", &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("UPDATE person SET name = 'Annie' WHERE id = %" G_GINT64_FORMAT, ann);
  cp_test_db_exec (_cp_store_get_db (store), sql);

  /* The rename cannot be undone: it says so, changes nothing and leaves the list. */
  g_assert_cmpstr (cp_store_get_undo_label (store), ==, "Rename person");
  g_assert_false (cp_store_undo (store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "can no longer be undone"));
  g_assert_nonnull (strstr (error->message, "Rename person"));
  g_clear_error (&error);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (store), "SELECT count(*) FROM person "
                                   "WHERE name = 'Annie'"), ==, 1);
  g_assert_false (cp_store_can_redo (store));

  /* The next Ctrl+Z reaches the step below. */
  g_assert_true (cp_store_can_undo (store));
  g_assert_cmpstr (cp_store_get_undo_label (store), ==, "Add person");
  g_assert_true (cp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (cp_store_find_person (store, bilal));
  g_assert_nonnull (cp_store_find_person (store, ann));

  /* The same for redo. */
  g_assert_true (cp_store_can_redo (store));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO person (id, name, created_at, updated_at) VALUES "
                         "(%" G_GINT64_FORMAT ", 'Someone', '2026-01-01T00:00:00Z', "
                         "'2026-01-01T00:00:00Z')", bilal);
  cp_test_db_exec (_cp_store_get_db (store), sql);
  g_assert_false (cp_store_redo (store, &error));
  g_assert_nonnull (strstr (error->message, "can no longer be redone"));
  g_clear_error (&error);
  g_assert_false (cp_store_can_redo (store));

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

/* A backup that cannot be brought up to date (here a crafted library row that the
 * latest schema refuses) is not restored: the workspace keeps its data, its version and
 * its undo history. One that can is restored whole, with the history cleared. */
static void
test_restore_migrates_a_copy (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "w.cpkit", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad-backup.cpkit", NULL);
  g_autofree char *good = g_build_filename (dir, "good-backup.cpkit", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  const char *paths[] = { bad, good };
  sqlite3 *db;

  /* Two version-4 backups, one with a row the latest schema refuses. */
  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      db = cp_test_db_open_raw (paths[i]);
      g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 4, NULL, NULL,
                                         &error));
      g_assert_no_error (error);
      cp_test_db_exec (db, "INSERT INTO person (name, created_at, updated_at) VALUES "
                           "('From the backup', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
      if (i == 0)
        cp_test_db_exec (db, "INSERT INTO document (key, sha256, added_at, updated_at) "
                             "VALUES ('sha256:' || printf ('%.62c', '.') || '/x', "
                             "printf ('%.62c', '.') || '/x', "
                             "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
      sqlite3_close (db);
    }

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  cp_store_add_person (store, "Here now", &error);
  g_assert_no_error (error);
  before = cp_test_db_dump (_cp_store_get_db (store));

  g_assert_false (cp_store_restore_backup (store, bad, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "not restored"));
  g_clear_error (&error);

  /* Nothing changed: data, version, models, history. */
  after = cp_test_db_dump (_cp_store_get_db (store));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (store), "PRAGMA user_version"), ==,
                   _cp_migrations_get_latest ());
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  g_assert_cmpstr (cp_store_get_undo_label (store), ==, "Add person");
  g_assert_true (cp_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_redo (store, &error));
  g_assert_no_error (error);

  /* No prepared copy is left behind in backups/. */
  {
    g_autofree char *backups = g_build_filename (dir, "backups", NULL);
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      g_assert_null (strstr (name, ".part-"));
  }

  /* The good one is restored whole, migrated, with the history gone. */
  g_assert_true (cp_store_restore_backup (store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 1);
  {
    g_autoptr(CpPerson) person = g_list_model_get_item (cp_store_get_people (store), 0);

    g_assert_cmpstr (cp_person_get_name (person), ==, "From the backup");
  }
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (store), "PRAGMA user_version"), ==,
                   _cp_migrations_get_latest ());
  g_assert_cmpint (cp_store_get_schema_version (store), ==, _cp_migrations_get_latest ());
  g_assert_false (cp_store_can_undo (store));
  g_assert_false (cp_store_can_redo (store));

  /* And it is what the file holds. */
  g_clear_object (&store);
  db = cp_test_db_open_raw (path);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person WHERE name = "
                                      "'From the backup'"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, _cp_migrations_get_latest ());
  sqlite3_close (db);

  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/store/half-apply/undo-conflict-dropped", test_undo_conflict_dropped);
  g_test_add_func ("/cp/store/half-apply/restore-migrates-a-copy", test_restore_migrates_a_copy);

  return g_test_run ();
}
