/* test-store-undo.c: one undo step per user action, across every table
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-undo"

#include "cp-test-util.h"

#define T "'2026-01-01T00:00:00Z'"

typedef struct
{
  CpTestWorkspace ws;
  CpStore        *store;
  gint64          clock;
  GPtrArray      *states;   /* the dumps a step by step undo must come back through */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "undo.cpkit");
  f->store = f->ws.store;
  f->clock = 1000 * G_USEC_PER_SEC;
  _cp_store_set_now_for_testing (f->store, f->clock);
  f->states = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->states);
  cp_test_workspace_clear (&f->ws);
}

/* Moves the store's clock on, past the notes merge window unless told otherwise. */
static void
tick (Fixture *f,
      gint64   seconds)
{
  f->clock += seconds * G_USEC_PER_SEC;
  _cp_store_set_now_for_testing (f->store, f->clock);
}

/* Runs @sql, then fails: the edit must leave nothing behind. */
static gboolean
exec_sql_then_fail (CpStore   *store,
                    sqlite3   *db,
                    gpointer   sql,
                    GError   **error)
{
  if (_cp_db_exec (db, sql, error))
    g_set_error_literal (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED, "Stopped half way");
  return FALSE;
}

static void
action (CpStore    *store,
        const char *label,
        const char *sql)
{
  cp_test_edit (store, label, sql);
}

static char *
dump (CpStore *store)
{
  return cp_test_db_dump (_cp_store_get_db (store));
}

/* Remembers what the workspace holds now: the state before the next step, or after
 * the last. */
static void
remember (Fixture *f)
{
  g_ptr_array_add (f->states, dump (f->store));
}

static void
assert_state (Fixture *f,
              guint    i)
{
  g_autofree char *now = dump (f->store);

  g_assert_cmpstr (now, ==, g_ptr_array_index (f->states, i));
}

/* Undoes every step there is, one at a time: each brings back exactly the state before
 * it, down to the first remembered, and then nothing is left to undo. Redo then brings
 * each state back in turn. */
static void
assert_undo_redo_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint n = f->states->len - 1;

  assert_state (f, n);
  for (guint i = n; i > 0; i--)
    {
      g_assert_true (cp_store_can_undo (f->store));
      g_assert_true (cp_store_undo (f->store, &error));
      g_assert_no_error (error);
      assert_state (f, i - 1);
    }
  g_assert_false (cp_store_can_undo (f->store));
  g_assert_null (cp_store_get_undo_label (f->store));

  for (guint i = 1; i <= n; i++)
    {
      g_assert_true (cp_store_can_redo (f->store));
      g_assert_true (cp_store_redo (f->store, &error));
      g_assert_no_error (error);
      assert_state (f, i);
    }
  g_assert_false (cp_store_can_redo (f->store));
}

static void
test_twenty_edits (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 a, b, c = 0;

  /* Every state is remembered, from the empty workspace on. */
  remember (f);

#define EDIT(label, stmt) G_STMT_START { tick (f, 10); stmt; g_assert_no_error (error); \
                                        g_ptr_array_add (labels, label); remember (f); \
                                      } G_STMT_END

  /* A starting state with a map (members and ties) and a goal. */
  EDIT ("Add person", a = cp_store_add_person (f->store, "A", &error));
  EDIT ("Add person", b = cp_store_add_person (f->store, "B", &error));
  EDIT ("Add map",
        action (f->store, "Add map",
                "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
                "  VALUES (1, 1, 'Baseline', '2026-01-01', " T ", " T ");"
                "INSERT INTO member (id, snapshot_id, lineage, name, sector, ring, added_on, "
                "  created_at, updated_at) VALUES "
                "  (1, 1, 1, 'Sam', 'family', 1, '2026-01-01', " T ", " T "),"
                "  (2, 1, 2, 'Mum', 'family', 2, '2026-01-01', " T ", " T "),"
                "  (3, 1, 3, 'GP', 'services', 3, '2026-01-01', " T ", " T ");"
                "INSERT INTO tie (id, snapshot_id, a_id, b_id, strength, created_at, updated_at) "
                "  VALUES (1, 1, 1, 2, 'strong', " T ", " T "),"
                "         (2, 1, 2, 3, 'weak', " T ", " T ");"));
  EDIT ("Add goal",
        action (f->store, "Add goal",
                "INSERT INTO goal (id, person_id, text, created_at, updated_at) "
                "  VALUES (1, 2, 'Sing again', " T ", " T ");"
                "INSERT INTO step (id, goal_id, text, owner, created_at, updated_at) "
                "  VALUES (1, 1, 'Ask at church', 'person', " T ", " T ");"));
  g_assert_cmpint (a, ==, 1);
  g_assert_cmpint (b, ==, 2);

  /* Twenty edits across every table. */
  EDIT ("Rename person", cp_store_rename_person (f->store, a, "Alex", &error));
  EDIT ("Add person", c = cp_store_add_person (f->store, "C", &error));
  EDIT ("Add map",
        action (f->store, "Add map",
                "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
                "  VALUES (2, 3, 'Baseline', '2026-02-01', " T ", " T ");"
                "INSERT INTO member (id, snapshot_id, lineage, name, sector, ring, added_on, "
                "  created_at, updated_at) VALUES "
                "  (4, 2, 4, 'Yusuf', 'family', 1, '2026-02-01', " T ", " T "),"
                "  (5, 2, 5, 'Kitchen', 'work', 2, '2026-02-01', " T ", " T ");"
                "INSERT INTO tie (id, snapshot_id, a_id, b_id, created_at, updated_at) "
                "  VALUES (3, 2, 4, 5, " T ", " T ");"));
  EDIT ("Edit notes", cp_store_set_person_notes (f->store, b, "Large print.", &error));
  EDIT ("Add tie",
        action (f->store, "Add tie",
                "INSERT INTO tie (id, snapshot_id, a_id, b_id, strength, created_at, "
                "  updated_at) VALUES (4, 1, 1, 3, 'stressful', " T ", " T ");"));
  EDIT ("Move member",
        action (f->store, "Move member",
                "UPDATE member SET ring = 2, angle = 0.25, updated_at = '2026-01-02T00:00:00Z' "
                "  WHERE id = 1;"));
  EDIT ("Add goal",
        action (f->store, "Add goal",
                "INSERT INTO goal (id, person_id, text, created_at, updated_at) "
                "  VALUES (2, 1, 'Run with others', " T ", " T ");"
                "INSERT INTO step (id, goal_id, text, owner, due_on, created_at, updated_at) "
                "  VALUES (2, 2, 'Find a group', 'person', '2026-03-01', " T ", " T "),"
                "         (3, 2, 'Go together', 'practitioner', '2026-03-08', " T ", " T ");"));
  EDIT ("Change status", cp_store_set_person_status (f->store, a, CP_PERSON_STATUS_PAUSED,
                                                     CP_PAUSE_REASON_CRISIS, NULL, &error));
  EDIT ("Tick step",
        action (f->store, "Tick step", "UPDATE step SET done_on = '2026-03-02' WHERE id = 2;"));
  EDIT ("Remove tie", action (f->store, "Remove tie", "DELETE FROM tie WHERE id = 2;"));
  EDIT ("Change focus", cp_store_set_person_focus (f->store, c, CP_FOCUS_MAPPING, &error));
  EDIT ("Record review",
        action (f->store, "Record review",
                "INSERT INTO review (id, person_id, held_on, created_at, updated_at) "
                "  VALUES (1, 2, '2026-04-01', " T ", " T ");"
                "INSERT INTO rating (id, review_id, goal_id, level, created_at, updated_at) "
                "  VALUES (1, 1, 1, 1, " T ", " T ");"));
  /* The cascade: A's map with its members and ties, and A's goal with its steps. */
  EDIT ("Delete person", cp_store_delete_person (f->store, a, &error));
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM member WHERE snapshot_id = 1"), ==, 0);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM tie WHERE snapshot_id = 1"), ==, 0);
  EDIT ("Change next review", cp_store_set_person_next_review (f->store, b, "2026-06-30",
                                                               &error));
  EDIT ("Name workspace",
        action (f->store, "Name workspace",
                "INSERT INTO workspace_meta (key, value) VALUES ('name', 'Team');"));
  EDIT ("Rename person", cp_store_rename_person (f->store, c, "Cy", &error));
  EDIT ("Remove member",
        action (f->store, "Remove member", "DELETE FROM member WHERE id = 5;"));
  EDIT ("Change case reference", cp_store_set_person_case_ref (f->store, b, "R-2", &error));
  EDIT ("Add helper",
        action (f->store, "Add helper",
                "INSERT INTO goal_member (id, goal_id, lineage, created_at) "
                "  VALUES (1, 1, 1, " T ");"));
  EDIT ("Delete person", cp_store_delete_person (f->store, b, &error));

#undef EDIT

  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 1);

  /* Undo each edit, newest first: the label says which, and the workspace is exactly
   * as it was before that edit; the models follow. */
  for (guint i = labels->len; i > 0; i--)
    {
      g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, g_ptr_array_index (labels, i - 1));
      g_assert_true (cp_store_undo (f->store, &error));
      g_assert_no_error (error);
      assert_state (f, i - 1);
      if (i - 1 == 4)
        {
          /* Back where the twenty edits started: A and B as they were. */
          g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 2);
          g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, a)), ==, "A");
          g_assert_cmpint (cp_person_get_status (cp_store_find_person (f->store, a)), ==,
                           CP_PERSON_STATUS_ACTIVE);
          g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add goal");
        }
    }
  g_assert_false (cp_store_can_undo (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 0);

  /* Redo each, oldest first, back to the end exactly. */
  for (guint i = 0; i < labels->len; i++)
    {
      g_assert_cmpstr (cp_store_get_redo_label (f->store), ==, g_ptr_array_index (labels, i));
      g_assert_true (cp_store_redo (f->store, &error));
      g_assert_no_error (error);
      assert_state (f, i + 1);
    }
  g_assert_false (cp_store_can_redo (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 1);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, c)), ==, "Cy");
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store), "PRAGMA foreign_keys"), ==, 1);
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
} Notifies;

static void
on_undo_label (GObject    *object,
               GParamSpec *pspec,
               Notifies   *n)
{
  n->undo_label++;
}

static void
on_can_undo (GObject    *object,
             GParamSpec *pspec,
             Notifies   *n)
{
  n->can_undo++;
}

static void
on_can_redo (GObject    *object,
             GParamSpec *pspec,
             Notifies   *n)
{
  n->can_redo++;
}

static void
test_people_steps (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Notifies n = { 0 };
  gint64 id;

  g_signal_connect (f->store, "notify::can-undo", G_CALLBACK (on_can_undo), &n);
  g_signal_connect (f->store, "notify::can-redo", G_CALLBACK (on_can_redo), &n);

  g_assert_false (cp_store_can_undo (f->store));
  g_assert_null (cp_store_get_undo_label (f->store));

  g_signal_connect (f->store, "notify::undo-label", G_CALLBACK (on_undo_label), &n);

  remember (f);
  id = cp_store_add_person (f->store, "P", &error);
  remember (f);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);

  /* Two renames in a row: the label notifies once. */
  tick (f, 10);
  g_assert_true (cp_store_rename_person (f->store, id, "P1", &error));
  remember (f);
  tick (f, 10);
  g_assert_true (cp_store_rename_person (f->store, id, "P2", &error));
  remember (f);
  g_assert_cmpuint (n.undo_label, ==, 2);

#define STEP(call, label) G_STMT_START { tick (f, 10); g_assert_true (call); \
    g_assert_no_error (error); remember (f); \
    g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, label); } G_STMT_END

  STEP (cp_store_rename_person (f->store, id, "Q", &error), "Rename person");
  STEP (cp_store_set_person_case_ref (f->store, id, "C-1", &error), "Change case reference");
  STEP (cp_store_set_person_status (f->store, id, CP_PERSON_STATUS_PAUSED,
                                    CP_PAUSE_REASON_CHOICE, NULL, &error), "Change status");
  STEP (cp_store_set_person_focus (f->store, id, CP_FOCUS_REVIEWING, &error), "Change focus");
  STEP (cp_store_set_person_next_review (f->store, id, "2026-12-01", &error),
        "Change next review");
  STEP (cp_store_set_person_notes (f->store, id, "n", &error), "Edit notes");
  STEP (cp_store_delete_person (f->store, id, &error), "Delete person");

#undef STEP

  /* can-undo changed once only, when it became TRUE. */
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  /* Each edit is exactly one step: undo of the delete brings "Q" back paused, … */
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpuint (n.can_redo, ==, 1);
  assert_state (f, f->states->len - 2);
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->store, id)), ==, "n");
  g_assert_cmpstr (cp_store_get_redo_label (f->store), ==, "Delete person");
  g_assert_true (cp_store_undo (f->store, &error));
  assert_state (f, f->states->len - 3);
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->store, id)), ==, "");
  g_assert_cmpstr (cp_person_get_next_review (cp_store_find_person (f->store, id)), ==,
                   "2026-12-01");

  /* … and a new edit clears what could be redone. */
  g_assert_true (cp_store_can_redo (f->store));
  g_ptr_array_set_size (f->states, f->states->len - 2);
  g_assert_true (cp_store_rename_person (f->store, id, "R", &error));
  remember (f);
  g_assert_false (cp_store_can_redo (f->store));
  g_assert_cmpuint (n.can_redo, ==, 2);

  /* Add, 3 renames, case ref, status, focus, next review, rename: each undone in turn,
   * back to the empty workspace, and each redone. */
  assert_undo_redo_all (f);
  g_assert_cmpuint (n.can_undo, ==, 3);
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, id)), ==, "R");

  /* Undone to the empty workspace once more: nothing is left to undo. */
  while (cp_store_can_undo (f->store))
    g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 0);
  g_assert_false (cp_store_undo (f->store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (f->store, &n);
}

static void
test_many_steps (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cp_store_add_person (f->store, "N0", &error);
  CpPerson *person = cp_store_find_person (f->store, id);

  for (guint i = 1; i <= 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("N%u", i);

      g_assert_true (cp_store_rename_person (f->store, id, name, &error));
      g_assert_no_error (error);
    }

  /* The newest 200 steps are kept (at least 100 are promised): each undo takes the name
   * back by one, down to N50, and then there is nothing left to undo. */
  g_assert_cmpuint (CP_STORE_UNDO_LIMIT, >=, 100);
  for (guint i = 250; i > 250 - CP_STORE_UNDO_LIMIT; i--)
    {
      g_autofree char *before = g_strdup_printf ("N%u", i - 1);

      g_assert_true (cp_store_undo (f->store, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (cp_person_get_name (person), ==, before);
    }
  g_assert_false (cp_store_can_undo (f->store));
  g_assert_cmpstr (cp_person_get_name (person), ==, "N50");

  /* Redo brings each name back in turn. */
  for (guint i = 51; i <= 250; i++)
    {
      g_autofree char *after = g_strdup_printf ("N%u", i);

      g_assert_true (cp_store_redo (f->store, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (cp_person_get_name (person), ==, after);
    }
  g_assert_false (cp_store_can_redo (f->store));
}

static void
test_notes_merge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = cp_store_add_person (f->store, "A", &error);
  gint64 b = cp_store_add_person (f->store, "B", &error);
  CpPerson *pa = cp_store_find_person (f->store, a);

  /* Typing: three edits a second apart are one step. */
  tick (f, 10);
  cp_store_set_person_notes (f->store, a, "H", &error);
  tick (f, 1);
  cp_store_set_person_notes (f->store, a, "He", &error);
  tick (f, 1);
  cp_store_set_person_notes (f->store, a, "Hello", &error);
  g_assert_no_error (error);

  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpstr (cp_person_get_notes (pa), ==, "");
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
  g_assert_true (cp_store_redo (f->store, &error));
  g_assert_cmpstr (cp_person_get_notes (pa), ==, "Hello");

  /* A pause longer than the window starts a new step. */
  tick (f, 10);
  cp_store_set_person_notes (f->store, a, "Hello there", &error);
  tick (f, 5);
  cp_store_set_person_notes (f->store, a, "Hello there!", &error);
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpstr (cp_person_get_notes (pa), ==, "Hello there");

  /* Another person's notes, or another edit in between, do not merge. */
  tick (f, 10);
  cp_store_set_person_notes (f->store, a, "1", &error);
  tick (f, 1);
  cp_store_set_person_notes (f->store, b, "2", &error);
  tick (f, 1);
  cp_store_rename_person (f->store, b, "Bea", &error);
  tick (f, 1);
  cp_store_set_person_notes (f->store, b, "22", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->store, b)), ==, "2");
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_true (cp_store_undo (f->store, &error));
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->store, b)), ==, "");
  g_assert_cmpstr (cp_person_get_notes (pa), ==, "1");
  g_assert_no_error (error);
}

static void
test_conflict_aborts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = _cp_store_get_db (f->store);
  gint64 a = cp_store_add_person (f->store, "A", &error);
  gint64 b = cp_store_add_person (f->store, "B", &error);

  tick (f, 10);
  /* One step that touches two rows; then one row changes behind the store's back. */
  action (f->store, "Rename both", "UPDATE person SET name = name || '2'");
  cp_test_db_exec (db, "UPDATE person SET name = 'Changed elsewhere' WHERE id = 2");
  before = dump (f->store);

  g_assert_false (cp_store_undo (f->store, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Nothing half-applied: A is still "A2"; the step that cannot apply is dropped, so
   * the next undo reaches the one below (test-store-half-apply.c). */
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Add person");
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (f->store, a)), ==, "A2");
  g_assert_cmpint (cp_test_db_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_true (sqlite3_get_autocommit (db));
  (void) b;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A changeset as sorted lines, one per change: table, operation, whether a cascade made
 * it, and every value before and after ("-" where the change leaves it out), so that two
 * changesets compare whatever order their rows come in. */
static char *
describe_changeset (int   n,
                    void *changeset)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  sqlite3_changeset_iter *iter = NULL;

  if (n == 0)
    return g_strdup ("");
  g_assert_cmpint (sqlite3changeset_start (&iter, n, changeset), ==, SQLITE_OK);
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);
      const char *table;
      int n_columns, op, indirect;

      g_assert_cmpint (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect), ==,
                       SQLITE_OK);
      g_string_append_printf (line, "%s %d%s", table, op, indirect ? " (indirect)" : "");
      for (int side = 0; side < 2; side++)
        for (int i = 0; i < n_columns; i++)
          {
            sqlite3_value *value = NULL;
            int rc = side == 0 ? (op == SQLITE_INSERT ? SQLITE_MISUSE
                                                      : sqlite3changeset_old (iter, i, &value))
                               : (op == SQLITE_DELETE ? SQLITE_MISUSE
                                                      : sqlite3changeset_new (iter, i, &value));

            if (rc != SQLITE_OK || value == NULL)
              g_string_append (line, side == 0 ? " | -" : " > -");
            else
              g_string_append_printf (line, "%s%d:%s", side == 0 ? " | " : " > ",
                                      sqlite3_value_type (value),
                                      (const char *) sqlite3_value_text (value));
          }
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  g_assert_cmpint (sqlite3changeset_finalize (iter), ==, SQLITE_OK);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* What SQLite's session extension records for @sql, run and rolled back. */
static char *
session_records (sqlite3    *db,
                 const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  char *described;
  int n = 0;

  g_assert_true (_cp_db_exec (db, "BEGIN IMMEDIATE", &error));
  g_assert_cmpint (sqlite3session_create (db, "main", &session), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3session_attach (session, NULL), ==, SQLITE_OK);
  g_assert_true (_cp_db_exec (db, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3session_changeset (session, &n, &changeset), ==, SQLITE_OK);
  sqlite3session_delete (session);
  g_assert_true (_cp_db_exec (db, "ROLLBACK", &error));
  described = describe_changeset (n, changeset);
  sqlite3_free (changeset);
  return described;
}

/* The store records each edit itself (cp-store-capture.c): the undo step must hold just
 * what SQLite's session extension would have recorded for the same statements, row for
 * row and value for value, whatever the statements do to the same row in one edit. */
static void
test_same_as_session (Fixture       *f,
                      gconstpointer  data)
{
  static const char *edits[] = {
    "INSERT INTO person (id, name, case_ref, created_at, updated_at) "
    "  VALUES (1, 'Ada', NULL, " T ", " T "), (5000000000, 'Bo', 'R-1', " T ", " T ")",
    /* one column; a value of 200 bytes */
    "UPDATE person SET name = 'Ada Lovelace' WHERE id = 1",
    "UPDATE person SET case_ref = hex (zeroblob (100)), updated_at = " T " WHERE id = 1",
    /* nothing changes */
    "UPDATE person SET name = name",
    /* a map: real numbers, negative and large integers */
    "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
    "  VALUES (1, 1, 'Baseline', '2026-01-01', " T ", " T ");"
    "INSERT INTO member (id, snapshot_id, lineage, name, sector, ring, angle, depth, "
    "  added_on, created_at, updated_at) VALUES "
    "  (1, 1, 1, 'Sam', 'family', 1, 0.125, 0.3333333333333333, '2026-01-01', " T ", " T "),"
    "  (2, 1, -7, 'Mum', 'family', 2, 0.5, 0.5, '2026-01-01', " T ", " T ");"
    "INSERT INTO tie (id, snapshot_id, a_id, b_id, created_at, updated_at) "
    "  VALUES (1, 1, 1, 2, " T ", " T ")",
    /* a row added, then changed twice, in one edit; another changed and changed back */
    "INSERT INTO goal (id, person_id, text, created_at, updated_at) "
    "  VALUES (1, 1, 'Sing', " T ", " T ");"
    "UPDATE goal SET text = 'Sing again' WHERE id = 1;"
    "UPDATE goal SET text = 'Sing in a choir' WHERE id = 1;"
    "UPDATE member SET angle = 0.75 WHERE id = 1;"
    "UPDATE member SET angle = 0.125 WHERE id = 1",
    /* a row changed twice; a row added and taken away again */
    "UPDATE member SET ring = 2 WHERE id = 1; UPDATE member SET ring = 3, depth = 0.9 "
    "  WHERE id = 1;"
    "INSERT INTO goal (id, person_id, text, created_at, updated_at) "
    "  VALUES (2, 1, 'Gone', " T ", " T "); DELETE FROM goal WHERE id = 2",
    /* a primary key changed */
    "INSERT INTO workspace_meta (key, value) VALUES ('test-key', 'a');"
    "UPDATE workspace_meta SET key = 'test-key-2' WHERE key = 'test-key'",
    /* a row taken away and put back as it was; another put back different */
    "DELETE FROM tie WHERE id = 1; INSERT INTO tie (id, snapshot_id, a_id, b_id, "
    "  created_at, updated_at) VALUES (1, 1, 1, 2, " T ", " T ");"
    "DELETE FROM goal WHERE id = 1; INSERT INTO goal (id, person_id, text, created_at, "
    "  updated_at) VALUES (1, 1, 'Swim', " T ", " T ")",
    /* cascades through every table of a person */
    "DELETE FROM person WHERE id = 1",
  };
  sqlite3 *db = _cp_store_get_db (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *expected = session_records (db, edits[i]);
      g_autofree char *recorded = NULL;
      guint64 steps = f->store->n_undo_steps;
      CpUndoStep *step;

      tick (f, 10);
      remember (f);
      cp_test_edit (f->store, "Edit", edits[i]);
      step = g_queue_peek_head (&f->store->undo_stack);
      if (f->store->n_undo_steps == steps)
        recorded = g_strdup ("");   /* no step: nothing was recorded */
      else
        recorded = describe_changeset (step->n_changeset, step->changeset);
      g_assert_cmpstr (recorded, ==, expected);
    }
  g_assert_cmpuint (f->store->n_undo_steps, ==, G_N_ELEMENTS (edits) - 1);
  remember (f);
  /* the edit that changed nothing left no step, and made no state to come back to */
  g_ptr_array_remove_index (f->states, 4);
  assert_undo_redo_all (f);
}

static void
on_changed (CpStore            *store,
            const char * const *tables,
            GStrv              *out)
{
  g_strfreev (*out);
  *out = g_strdupv ((char **) tables);
}

static void
test_changed_and_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tables = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &tables);

  a = cp_store_add_person (f->store, "A", &error);
  g_assert_nonnull (tables);
  g_assert_cmpuint (g_strv_length (tables), ==, 1);
  g_assert_cmpstr (tables[0], ==, "person");

  action (f->store, "Add map",
          "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
          "  VALUES (1, 1, 'Baseline', '2026-01-01', " T ", " T ");"
          "INSERT INTO member (id, snapshot_id, lineage, name, sector, ring, added_on, "
          "  created_at, updated_at) VALUES "
          "  (1, 1, 1, 'Sam', 'family', 1, '2026-01-01', " T ", " T "),"
          "  (2, 1, 2, 'Mum', 'family', 2, '2026-01-01', " T ", " T ");"
          "INSERT INTO tie (snapshot_id, a_id, b_id, created_at, updated_at) "
          "  VALUES (1, 1, 2, " T ", " T ");");
  g_assert_true (g_strv_contains ((const char * const *) tables, "member"));
  g_assert_false (g_strv_contains ((const char * const *) tables, "person"));

  g_assert_true (cp_store_delete_person (f->store, a, &error));
  g_assert_true (g_strv_contains ((const char * const *) tables, "person"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "snapshot"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "member"));
  g_assert_true (g_strv_contains ((const char * const *) tables, "tie"));

  /* A rolled-back action leaves no trace and no step. */
  g_clear_pointer (&tables, g_strfreev);
  before = dump (f->store);
  g_assert_false (_cp_store_edit (f->store, "Half", NULL, exec_sql_then_fail,
                                  "INSERT INTO person (name, created_at, updated_at) "
                                  "VALUES ('Z', " T ", " T ")", &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
  g_clear_error (&error);
  after = dump (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (tables);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Delete person");
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->store)), ==, 0);

  g_signal_handlers_disconnect_by_data (f->store, &tables);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/cp/store/undo/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("twenty-edits", test_twenty_edits);
  ADD ("people-steps", test_people_steps);
  ADD ("many-steps", test_many_steps);
  ADD ("notes-merge", test_notes_merge);
  ADD ("conflict-aborts", test_conflict_aborts);
  ADD ("changed-and-rollback", test_changed_and_rollback);
  ADD ("same-as-session", test_same_as_session);
#undef ADD

  return g_test_run ();
}
