/* test-trust-agreement.c: agreement, sharing, communication needs, the workspace's
 * purpose and the encryption check
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-agreement"

#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"
#include "util/cp-platform.h"

typedef CpTestWorkspace Fixture;

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  CpPerson *p;
  gint64 id;
  guint depth;

  id = cp_store_add_person (f->store, "Rhiannon", &error);
  g_assert_no_error (error);
  p = cp_store_find_person (f->store, id);

  /* Nothing recorded yet. */
  g_assert_null (cp_person_get_agreed_on (p));
  g_assert_null (cp_person_get_keep_agreed_on (p));
  g_assert_cmpstr (cp_person_get_sharing (p), ==, "");
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, 0);
  g_assert_null (cp_person_get_interpreter_language (p));
  g_assert_cmpstr (cp_person_get_communication_other (p), ==, "");

  cp_test_collect_notify (p, names);

  g_assert_true (cp_store_set_person_agreed_on (f->store, id, "2026-03-01", &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_set_person_keep_agreed_on (f->store, id, "2026-03-08", &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_set_person_sharing (f->store, id, "Her map with her GP only.",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_set_person_communication (f->store, id,
                                                    CP_COMMUNICATION_LARGE_PRINT |
                                                    CP_COMMUNICATION_INTERPRETER,
                                                    "  Welsh ", " Quiet room ", &error));
  g_assert_no_error (error);

  g_assert_cmpstr (cp_person_get_agreed_on (p), ==, "2026-03-01");
  g_assert_cmpstr (cp_person_get_keep_agreed_on (p), ==, "2026-03-08");
  g_assert_cmpstr (cp_person_get_sharing (p), ==, "Her map with her GP only.");
  g_assert_cmpint (cp_person_get_communication_needs (p), ==,
                   CP_COMMUNICATION_LARGE_PRINT | CP_COMMUNICATION_INTERPRETER);
  g_assert_cmpstr (cp_person_get_interpreter_language (p), ==, "Welsh");
  g_assert_cmpstr (cp_person_get_communication_other (p), ==, "Quiet room");
  g_assert_true (has_name (names, "agreed-on"));
  g_assert_true (has_name (names, "keep-agreed-on"));
  g_assert_true (has_name (names, "sharing"));
  g_assert_true (has_name (names, "communication-needs"));
  g_assert_true (has_name (names, "interpreter-language"));
  g_assert_true (has_name (names, "communication-other"));
  {
    CpCommunicationNeeds needs = 0;

    g_object_get (p, "communication-needs", &needs, NULL);
    g_assert_cmpint (needs, ==, CP_COMMUNICATION_LARGE_PRINT | CP_COMMUNICATION_INTERPRETER);
  }

  /* Each setter was one undo step, with a label that says what it was. */
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Change communication needs");
  depth = g_queue_get_length (&f->store->undo_stack);

  /* A no-op is no step. */
  g_assert_true (cp_store_set_person_agreed_on (f->store, id, "2026-03-01", &error));
  g_assert_true (cp_store_set_person_communication (f->store, id,
                                                    CP_COMMUNICATION_LARGE_PRINT |
                                                    CP_COMMUNICATION_INTERPRETER,
                                                    "Welsh", "Quiet room", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_queue_get_length (&f->store->undo_stack), ==, depth);

  /* Without the interpreter flag, no language is kept. */
  g_assert_true (cp_store_set_person_communication (f->store, id, CP_COMMUNICATION_EASY_READ,
                                                    "Welsh", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, CP_COMMUNICATION_EASY_READ);
  g_assert_null (cp_person_get_interpreter_language (p));
  g_assert_cmpstr (cp_person_get_communication_other (p), ==, "");

  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_person_get_interpreter_language (p), ==, "Welsh");
  g_assert_cmpint (cp_person_get_communication_needs (p), ==,
                   CP_COMMUNICATION_LARGE_PRINT | CP_COMMUNICATION_INTERPRETER);
  for (guint i = 0; i < 4; i++)
    g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_null (cp_person_get_agreed_on (p));
  g_assert_null (cp_person_get_keep_agreed_on (p));
  g_assert_cmpstr (cp_person_get_sharing (p), ==, "");
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
  g_assert_cmpstr (cp_store_get_redo_label (f->store), ==, "Change date of agreement");
  for (guint i = 0; i < 4; i++)
    g_assert_true (cp_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_person_get_agreed_on (p), ==, "2026-03-01");
  g_assert_cmpstr (cp_person_get_keep_agreed_on (p), ==, "2026-03-08");
  g_assert_cmpstr (cp_person_get_interpreter_language (p), ==, "Welsh");

  /* Refusals, in plain words; nothing changes. */
  g_assert_false (cp_store_set_person_agreed_on (f->store, id, "2026-02-30", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "The agreement needs a real date.");
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_keep_agreed_on (f->store, id, "soon", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_communication (f->store, id, 1 << 5, NULL, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_sharing (f->store, id + 100, "x", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (cp_person_get_keep_agreed_on (p), ==, "2026-03-08");

  /* The schema refuses what the API would never write. */
  {
    sqlite3 *db = _cp_store_get_db (f->store);

    g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET interpreter_language = 'Urdu', "
                                   "interpreter = 0", NULL, NULL, NULL) & 0xff,
                     ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET large_print = 2", NULL, NULL, NULL)
                     & 0xff, ==, SQLITE_CONSTRAINT);
  }

  g_signal_handlers_disconnect_by_data (p, names);

  /* It is all on disk. */
  g_clear_object (&f->store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  p = cp_store_find_person (f->store, id);
  g_assert_cmpstr (cp_person_get_keep_agreed_on (p), ==, "2026-03-08");
  g_assert_cmpstr (cp_person_get_sharing (p), ==, "Her map with her GP only.");
}

static void
test_migrate_from_v2 (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v2.cpkit", NULL);
  g_autofree char *schema = NULL;
  g_auto(GStrv) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  sqlite3 *db;
  CpPerson *p;

  g_assert_true (_cp_migrations_load (&schema, &steps, &error));
  db = cp_test_db_open_raw (path);
  g_assert_true (_cp_migrations_run (db, NULL, (const char * const *) steps, 2, NULL, NULL,
                                     &error));
  g_assert_no_error (error);
  cp_test_db_exec (db,
                   "INSERT INTO person (id, name, agreed_on, communication, created_at, "
                   "updated_at) VALUES "
                   "(1, 'Edna', '2026-01-05', 'large print', '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z'), "
                   "(2, 'Tariq', NULL, 'easy read', '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z'), "
                   "(3, 'Jo', NULL, 'Signs BSL', '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z');"
                   "INSERT INTO snapshot (person_id, label, taken_on, created_at, updated_at) "
                   "VALUES (1, 'Baseline', '2026-01-05', '2026-01-01T00:00:00Z', "
                   "'2026-01-01T00:00:00Z');"
                   "PRAGMA journal_mode = DELETE;");
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, _cp_migrations_get_latest ());

  p = cp_store_find_person (store, 1);
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, CP_COMMUNICATION_LARGE_PRINT);
  g_assert_cmpstr (cp_person_get_communication_other (p), ==, "");
  g_assert_cmpstr (cp_person_get_agreed_on (p), ==, "2026-01-05");
  /* No one recorded the agreement to keep records before: not invented. */
  g_assert_null (cp_person_get_keep_agreed_on (p));
  p = cp_store_find_person (store, 2);
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, CP_COMMUNICATION_EASY_READ);
  p = cp_store_find_person (store, 3);
  g_assert_cmpint (cp_person_get_communication_needs (p), ==, 0);
  g_assert_cmpstr (cp_person_get_communication_other (p), ==, "Signs BSL");

  /* The rebuilt person table kept its children and their keys. */
  db = _cp_store_get_db (store);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM snapshot WHERE person_id = 1"),
                   ==, 1);
  g_assert_true (_cp_db_foreign_key_check (db, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_delete_person (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM snapshot"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sqlite_temp_master"), ==, 0);

  g_clear_object (&store);
}

static void
test_practice (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  GListModel *people;
  guint seen = 0;

  g_assert_true (cp_store_create_practice (path, &error));
  g_assert_no_error (error);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_purpose (store), ==, CP_WORKSPACE_PURPOSE_PRACTICE);

  people = cp_store_get_people (store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);
      const char *name = cp_person_get_name (p);

      g_assert_nonnull (cp_person_get_agreed_on (p));
      g_assert_cmpstr (cp_person_get_keep_agreed_on (p), ==, cp_person_get_agreed_on (p));
      if (g_str_equal (name, "Edna"))
        {
          g_assert_cmpint (cp_person_get_communication_needs (p), ==,
                           CP_COMMUNICATION_LARGE_PRINT);
          seen++;
        }
      else if (g_str_equal (name, "Tariq"))
        {
          g_assert_cmpint (cp_person_get_communication_needs (p), ==,
                           CP_COMMUNICATION_EASY_READ);
          seen++;
        }
      else if (g_str_equal (name, "Jo"))
        {
          g_assert_cmpint (cp_person_get_communication_needs (p), ==, 0);
          g_assert_cmpstr (cp_person_get_communication_other (p), ==, "");
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 3);

  g_clear_object (&store);
}

static void
on_changed (CpStore            *store,
            const char * const *tables,
            GPtrArray          *log)
{
  g_ptr_array_add (log, g_strjoinv (",", (char **) tables));
}

static void
test_purpose (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_UNSET);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), log);

  g_assert_true (cp_store_set_purpose (f->store, CP_WORKSPACE_PURPOSE_CASELOAD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_CASELOAD);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "workspace_meta");
  /* Not an undo step. */
  g_assert_false (cp_store_can_undo (f->store));
  /* Setting it again changes nothing and says nothing. */
  g_assert_true (cp_store_set_purpose (f->store, CP_WORKSPACE_PURPOSE_CASELOAD, &error));
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_false (cp_store_set_purpose (f->store, 7, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_signal_handlers_disconnect_by_data (f->store, log);

  /* Kept in the file, readable read-only, not writable read-only. */
  g_clear_object (&f->store);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_CASELOAD);
  g_assert_false (cp_store_set_purpose (f->store, CP_WORKSPACE_PURPOSE_PRACTICE, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  cp_test_workspace_reopen (f);
  g_assert_true (cp_store_set_purpose (f->store, CP_WORKSPACE_PURPOSE_UNSET, &error));
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_UNSET);
}

static void
test_encryption (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "not", "yet", "workspace.cpkit", NULL);
  const char *paths[] = { dir, missing, "/", "/proc/self", "/dev/shm" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      gboolean known = TRUE;
      gboolean encrypted = cp_platform_path_is_encrypted (paths[i], &known);
      GStatBuf st;

      /* Without a block device under it, it cannot tell, and never claims safety. */
      if (g_stat (paths[i], &st) == 0 && major (st.st_dev) == 0)
        g_assert_false (known);
      if (!known)
        g_assert_false (encrypted);
      g_test_message ("%s: %s", paths[i],
                      !known ? "cannot tell" : encrypted ? "encrypted" : "not encrypted");
    }

  /* A workspace that does not exist yet is judged by the folder it would go in. */
  {
    gboolean known_dir = FALSE;
    gboolean known_missing = FALSE;
    gboolean a = cp_platform_path_is_encrypted (dir, &known_dir);
    gboolean b = cp_platform_path_is_encrypted (missing, &known_missing);

    g_assert_cmpint (a, ==, b);
    g_assert_cmpint (known_dir, ==, known_missing);
  }

  /* /proc is never a block device. */
  {
    gboolean known = TRUE;

    g_assert_false (cp_platform_path_is_encrypted ("/proc/self", &known));
    g_assert_false (known);
    g_assert_false (cp_platform_path_is_encrypted ("/proc/self", NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cp/trust/agreement/fields", Fixture, "agree.cpkit",
              cp_test_workspace_set_up, test_fields, cp_test_workspace_tear_down);
  g_test_add_func ("/cp/trust/agreement/migrate-from-v2", test_migrate_from_v2);
  g_test_add_func ("/cp/trust/agreement/practice", test_practice);
  g_test_add ("/cp/trust/agreement/purpose", Fixture, "agree.cpkit",
              cp_test_workspace_set_up, test_purpose, cp_test_workspace_tear_down);
  g_test_add_func ("/cp/trust/agreement/encryption", test_encryption);

  return g_test_run ();
}
