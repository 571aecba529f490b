/* test-store-open.c: opening a workspace, the people API, errors and durability
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-open"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"
#include "util/cp-date.h"

/* dir/sub/work.cpkit: the store makes the folder. */
#define FILE_NAME "sub/work.cpkit"

typedef CpTestWorkspace Fixture;

static int
count_rows (CpStore    *store,
            const char *sql)
{
  return cp_test_db_int (_cp_store_get_db (store), sql);
}

static void
test_fresh_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *name = cp_store_dup_display_name (f->store);
  sqlite3 *db = _cp_store_get_db (f->store);
  g_autoptr(GError) error = NULL;

  /* Private: folder 0700, file and its WAL companions 0600. */
  g_assert_cmpuint (cp_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cp_test_file_mode (f->path), ==, 0600);
  cp_store_add_person (f->store, "AB", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cp_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (cp_test_file_mode (shm), ==, 0600);

  g_assert_cmpstr (name, ==, "work");
  g_assert_cmpstr (cp_store_get_path (f->store), ==, f->path);
  g_assert_false (cp_store_get_read_only (f->store));
  g_assert_cmpint (cp_store_get_schema_version (f->store), ==, _cp_migrations_get_latest ());
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA user_version"), ==, _cp_migrations_get_latest ());
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA application_id"), ==, CP_DB_APPLICATION_ID);

  /* The pragmas the persistence rules ask for. */
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA secure_delete"), ==, 1);
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  }

  /* Every table STRICT, and none holds what the app must never store. */
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                               "AND sql NOT LIKE '%) STRICT'"), ==, 0);
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM sqlite_master m, pragma_table_info(m.name) c "
                               "WHERE m.type = 'table' AND (c.name LIKE '%birth%' "
                               "OR c.name LIKE '%address%' OR c.name LIKE '%nhs%' "
                               "OR c.name LIKE '%diagnos%' OR c.name LIKE '%legal%')"), ==, 0);
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name "
                               "IN ('person', 'snapshot', 'member', 'tie', 'goal', 'step', "
                               "'goal_member', 'review', 'rating', 'workspace_meta')"), ==, 10);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM sqlite_master "
                                         "WHERE type = 'trigger'"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM workspace_meta "
                                         "WHERE key = 'created-by'"), ==, 1);
}

static void
test_durable (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CpPerson *person;
  gint64 a, b;

  a = cp_store_add_person (f->store, "  Jo  ", &error);
  g_assert_no_error (error);
  b = cp_store_add_person (f->store, "E.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (b, >, a);

  g_assert_true (cp_store_rename_person (f->store, a, "Joanne", &error));
  g_assert_true (cp_store_set_person_case_ref (f->store, a, "REF-1", &error));
  g_assert_true (cp_store_set_person_status (f->store, a, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  g_assert_true (cp_store_set_person_focus (f->store, a, CP_FOCUS_PLANNING, &error));
  g_assert_true (cp_store_set_person_next_review (f->store, a, "2027-02-28", &error));
  g_assert_true (cp_store_set_person_notes (f->store, a, "Likes mornings.", &error));
  g_assert_true (cp_store_set_person_status (f->store, b, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, "2026-10-01", &error));
  g_assert_no_error (error);

  /* Close and reopen: everything is on disk. */
  cp_test_workspace_reopen (f);

  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 2);
  person = cp_store_find_person (f->store, a);
  g_assert_nonnull (person);
  g_assert_cmpstr (cp_person_get_name (person), ==, "Joanne");
  g_assert_cmpstr (cp_person_get_case_ref (person), ==, "REF-1");
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_PAUSED);
  g_assert_cmpint (cp_person_get_pause_reason (person), ==, CP_PAUSE_REASON_HOSPITAL);
  g_assert_null (cp_person_get_closed_on (person));
  g_assert_cmpint (cp_person_get_focus (person), ==, CP_FOCUS_PLANNING);
  g_assert_cmpstr (cp_person_get_next_review (person), ==, "2027-02-28");
  g_assert_cmpstr (cp_person_get_notes (person), ==, "Likes mornings.");
  g_assert_true (g_str_has_suffix (cp_person_get_updated_at (person), "Z"));

  person = cp_store_find_person (f->store, b);
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_CLOSED);
  g_assert_cmpstr (cp_person_get_closed_on (person), ==, "2026-10-01");
  g_assert_cmpint (cp_person_get_pause_reason (person), ==, CP_PAUSE_REASON_NONE);

  /* Back to active clears the reason; clearing the case reference and next review. */
  g_assert_true (cp_store_set_person_status (f->store, a, CP_PERSON_STATUS_ACTIVE,
                                             CP_PAUSE_REASON_CRISIS, NULL, &error));
  g_assert_true (cp_store_set_person_case_ref (f->store, a, "", &error));
  g_assert_true (cp_store_set_person_next_review (f->store, a, NULL, &error));
  g_assert_no_error (error);
  person = cp_store_find_person (f->store, a);
  g_assert_cmpint (cp_person_get_pause_reason (person), ==, CP_PAUSE_REASON_NONE);
  g_assert_null (cp_person_get_case_ref (person));
  g_assert_null (cp_person_get_next_review (person));

  /* Closing with no date means today. */
  g_assert_true (cp_store_set_person_status (f->store, a, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  {
    g_autofree char *today = cp_date_today ();

    g_assert_cmpstr (cp_person_get_closed_on (person), ==, today);
  }
}

static void
test_constraints (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CpPerson *person;
  gint64 id;

  id = cp_store_add_person (f->store, "KM", &error);
  g_assert_no_error (error);
  person = cp_store_find_person (f->store, id);
  before = cp_test_db_dump (_cp_store_get_db (f->store));

  /* An empty name: a clear message, and nothing saved. */
  g_assert_cmpint (cp_store_add_person (f->store, "   ", &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A person needs a name or initials.");
  g_clear_error (&error);

  g_assert_false (cp_store_add_person (f->store, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (cp_store_rename_person (f->store, id, "", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A person needs a name or initials.");
  g_clear_error (&error);

  /* A pause needs a reason. */
  g_assert_false (cp_store_set_person_status (f->store, id, CP_PERSON_STATUS_PAUSED,
                                              CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);

  /* Dates must be real. */
  g_assert_false (cp_store_set_person_next_review (f->store, id, "2026-02-30", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_next_review (f->store, id, "soon", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (cp_store_set_person_status (f->store, id, CP_PERSON_STATUS_CLOSED,
                                              CP_PAUSE_REASON_NONE, "31/12/2026", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* No such person. */
  g_assert_false (cp_store_rename_person (f->store, id + 100, "X", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cp_store_delete_person (f->store, id + 100, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The database, the model and the undo history are as they were. */
  after = cp_test_db_dump (_cp_store_get_db (f->store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 1);
  g_assert_cmpstr (cp_person_get_name (person), ==, "KM");
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_ACTIVE);
  g_assert_null (cp_person_get_next_review (person));
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");

  /* The schema refuses bad rows even from code that skips the API. */
  {
    sqlite3 *db = _cp_store_get_db (f->store);
    char *message = NULL;

    g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET status = 'gone'", NULL, NULL,
                                   &message) & 0xff, ==, SQLITE_CONSTRAINT);
    sqlite3_free (message);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET closed_on = '2026-01-01'", NULL, NULL,
                                   &message) & 0xff, ==, SQLITE_CONSTRAINT);
    sqlite3_free (message);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO snapshot (person_id, label, taken_on, "
                                   "created_at, updated_at) VALUES (999, 'x', '2026-01-01', "
                                   "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", NULL, NULL,
                                   &message) & 0xff, ==, SQLITE_CONSTRAINT);
    sqlite3_free (message);
  }
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_notes = g_strnfill (64 * 1024, 'x');
  sqlite3 *db = _cp_store_get_db (f->store);
  gint64 id;
  int pages;

  id = cp_store_add_person (f->store, "F", &error);
  g_assert_no_error (error);
  before = cp_test_db_dump (db);

  /* No room for one more page: what a full disk looks like to SQLite. */
  pages = cp_test_db_int (db, "PRAGMA page_count");
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %d", pages);

    cp_test_db_exec (db, sql);
  }

  g_assert_false (cp_store_set_person_notes (f->store, id, long_notes, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL);
  g_assert_null (strstr (error->message, "UPDATE"));
  g_clear_error (&error);
  g_assert_cmpint (cp_store_add_person (f->store, long_notes, &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FULL);
  g_clear_error (&error);

  /* Nothing half-saved, the model shows what is on disk, and undo still works. */
  after = cp_test_db_dump (db);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->store, id)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 1);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
  g_assert_true (sqlite3_get_autocommit (db));

  cp_test_db_exec (db, "PRAGMA max_page_count = 1073741823");
  g_assert_true (cp_store_set_person_notes (f->store, id, long_notes, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
test_model (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *people = cp_store_get_people (f->store);
  g_autoptr(CpPerson) second = NULL;
  g_autofree char *before = NULL;
  gboolean moved;
  gint64 ids[4];
  Change *c;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);

      ids[i] = cp_store_add_person (f->store, name, &error);
      g_assert_no_error (error);
    }

  g_signal_connect (people, "items-changed", G_CALLBACK (on_items_changed), changes);
  second = g_list_model_get_item (people, 1);
  cp_test_collect_notify (second, names);

  /* An edit updates the same object in place: no items-changed, a notify for
   * the name, and one for updated-at only if the clock (to the second) moved
   * since the person was added. */
  before = g_strdup (cp_person_get_updated_at (second));
  g_assert_true (cp_store_rename_person (f->store, ids[1], "Q1", &error));
  moved = g_strcmp0 (before, cp_person_get_updated_at (second)) != 0;
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpuint (names->len, ==, moved ? 2 : 1);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "name", g_str_equal, NULL));
  g_assert_true (moved == g_ptr_array_find_with_equal_func (names, "updated-at", g_str_equal, NULL));
  g_assert_true (cp_store_find_person (f->store, ids[1]) == second);

  /* A no-op edit changes nothing and makes no undo step. */
  g_ptr_array_set_size (names, 0);
  g_assert_true (cp_store_rename_person (f->store, ids[1], "Q1", &error));
  g_assert_cmpuint (names->len, ==, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Rename person");

  /* A delete removes exactly one item at its place. */
  g_assert_true (cp_store_delete_person (f->store, ids[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 2);
  g_assert_cmpuint (c->removed, ==, 1);
  g_assert_cmpuint (c->added, ==, 0);
  g_assert_null (cp_store_find_person (f->store, ids[2]));

  /* Undo puts it back at the same place. */
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 2);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 2);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      g_assert_cmpint (cp_person_get_id (p), ==, ids[i]);
    }

  g_signal_handlers_disconnect_by_data (people, changes);
  g_signal_handlers_disconnect_by_data (second, names);
}

static void
test_reload_merge (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  GListModel *people = cp_store_get_people (f->store);
  sqlite3 *db = _cp_store_get_db (f->store);
  g_autoptr(CpPerson) fourth = NULL;
  const gint64 expected[] = { 1, 4, 6, 7, 8 };
  Change *c;

  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);

      g_assert_cmpint (cp_store_add_person (f->store, name, &error), ==, i);
    }
  fourth = g_list_model_get_item (people, 3);

  /* Behind the model's back (as a restore does): remove 2, 3 and 5, add 7 and 8,
   * change 4. One reload brings the model in line with the fewest changes. */
  cp_test_db_exec (db, "DELETE FROM person WHERE id IN (2, 3, 5);"
                       "INSERT INTO person (id, name, created_at, updated_at) VALUES "
                       "(7, 'P7', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                       "(8, 'P8', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                       "UPDATE person SET name = 'Four' WHERE id = 4;");
  g_signal_connect (people, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_assert_true (_cp_store_reload (f->store, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (people, changes);

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      g_assert_cmpint (cp_person_get_id (p), ==, expected[i]);
      g_assert_true (cp_store_find_person (f->store, expected[i]) == p);
    }
  g_assert_null (cp_store_find_person (f->store, 2));
  g_assert_null (cp_store_find_person (f->store, 5));
  g_assert_true (cp_store_find_person (f->store, 4) == fourth);
  g_assert_cmpstr (cp_person_get_name (fourth), ==, "Four");

  /* Three splices: 2-3 out, 5 out, 7-8 in. */
  g_assert_cmpuint (changes->len, ==, 3);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 1);
  g_assert_cmpuint (c->removed, ==, 2);
  g_assert_cmpuint (c->added, ==, 0);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 2);
  g_assert_cmpuint (c->removed, ==, 1);
  g_assert_cmpuint (c->added, ==, 0);
  c = &g_array_index (changes, Change, 2);
  g_assert_cmpuint (c->position, ==, 3);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 2);
}

/* The list sorts by each name's key: case does not matter, accents do as the locale says,
 * and an ASCII name (folded the quick way) gets the key Unicode folding gives it. */
static void
test_name_keys (Fixture       *f,
                gconstpointer  data)
{
  const char *names[] = { "bob", "Anna", "ANNA B", "Émile", "KELVIN", "Zoë", "o'Neill" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = cp_store_add_person (f->store, names[i], &error);
      CpPerson *person;
      g_autofree char *folded = g_utf8_casefold (names[i], -1);
      g_autofree char *key = g_utf8_collate_key (folded, -1);

      g_assert_no_error (error);
      person = cp_store_find_person (f->store, id);
      g_assert_cmpstr (cp_person_get_name_key (person), ==, key);
    }
  {
    CpPerson *upper = cp_store_find_person (f->store, cp_store_add_person (f->store, "Amy",
                                                                           &error));
    CpPerson *lower = cp_store_find_person (f->store, cp_store_add_person (f->store, "amy",
                                                                           &error));

    g_assert_no_error (error);
    g_assert_cmpstr (cp_person_get_name_key (upper), ==, cp_person_get_name_key (lower));
  }
}

static void
test_refuse_foreign (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.cpkit", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.cpkit", NULL);
  g_autofree char *other = g_build_filename (dir, "other.cpkit", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *sum_other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (text, "Not a database at all, just some text.\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  db = cp_test_db_open_raw (other);
  cp_test_db_exec (db, "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)");
  sqlite3_close (db);

  sum = cp_test_sha256 (text);
  sum_other = cp_test_sha256 (other);

  store = cp_store_open (text, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);

  store = cp_store_open (empty, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);

  store = cp_store_open (other, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (store);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_clear_error (&error);

  {
    g_autofree char *now = cp_test_sha256 (text);
    g_autofree char *now_other = cp_test_sha256 (other);

    g_assert_cmpstr (now, ==, sum);
    g_assert_cmpstr (now_other, ==, sum_other);
    g_assert_cmpint (cp_test_file_mode (empty), !=, 0);
    g_assert_true (g_file_test (empty, G_FILE_TEST_EXISTS));
  }
}

static void
test_read_only_flag (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) ro = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.cpkit", NULL);
  gint64 id;

  id = cp_store_add_person (f->store, "RO", &error);
  g_assert_no_error (error);
  g_clear_object (&f->store);
  sum = cp_test_sha256 (f->path);

  ro = cp_store_open (f->path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_get_read_only (ro));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (ro)), ==, 1);

  g_assert_false (cp_store_rename_person (ro, id, "X", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (cp_store_add_person (ro, "Y", &error), ==, 0);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&ro);

  {
    g_autofree char *now = cp_test_sha256 (f->path);

    g_assert_cmpstr (now, ==, sum);
  }

  /* Read-only never creates a file. */
  ro = cp_store_open (missing, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (ro);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_default_paths (void)
{
  g_autofree char *def = cp_store_dup_default_path ();
  g_autofree char *practice = cp_store_dup_practice_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "cpkit", NULL);

  g_assert_true (g_str_has_prefix (def, expected));
  g_assert_true (g_str_has_suffix (def, "/workspace.cpkit"));
  g_assert_true (g_str_has_suffix (practice, "/practice.cpkit"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/cp/store/open/" name, Fixture, FILE_NAME, cp_test_workspace_set_up, func, \
              cp_test_workspace_tear_down)
  ADD ("fresh-file", test_fresh_file);
  ADD ("durable", test_durable);
  ADD ("constraints", test_constraints);
  ADD ("disk-full", test_disk_full);
  ADD ("model", test_model);
  ADD ("reload-merge", test_reload_merge);
  ADD ("read-only-flag", test_read_only_flag);
#undef ADD
  g_test_add ("/cp/store/open/name-keys", Fixture, FILE_NAME, cp_test_workspace_set_up,
              test_name_keys, cp_test_workspace_tear_down);
  g_test_add_func ("/cp/store/open/refuse-foreign", test_refuse_foreign);
  g_test_add_func ("/cp/store/open/default-paths", test_default_paths);

  return g_test_run ();
}
