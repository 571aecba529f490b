/* test-store-refresh.c: after every kind of person edit, undo and redo, the people
 * model shows what the file holds, and tells only what changed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-refresh"

#include "cp-test-util.h"
#include "store/cp-store-reviews.h"

typedef CpTestWorkspace Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

/* Reads every person from the file again: nothing in the model may change. */
static void
assert_model_is_file (CpStore    *store,
                      const char *after)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GListModel *people = cp_store_get_people (store);
  guint n = g_list_model_get_n_items (people);
  guint n_changes = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);

      cp_test_collect_notify (person, names);
    }
  g_signal_connect (people, "items-changed", G_CALLBACK (on_items_changed), &n_changes);

  g_assert_true (_cp_store_reload (store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (people, i);

      g_signal_handlers_disconnect_by_data (person, names);
    }
  g_signal_handlers_disconnect_by_data (people, &n_changes);

  if (names->len > 0)
    g_error ("after %s, the model showed %s differently from the file", after,
             (const char *) g_ptr_array_index (names, 0));
  g_assert_cmpuint (n_changes, ==, 0);
}

typedef enum
{
  EDIT_RENAME,
  EDIT_CASE_REF,
  EDIT_CASE_REF_CLEAR,
  EDIT_PAUSE,
  EDIT_CHECK_IN,
  EDIT_CLOSE,
  EDIT_FOCUS,
  EDIT_NEXT_REVIEW,
  EDIT_NOTES,
  EDIT_AGREED_ON,
  EDIT_KEEP_AGREED_ON,
  EDIT_SHARING,
  EDIT_COMMUNICATION,
  EDIT_COMMUNICATION_CLEAR,
  EDIT_PLAN_AGREED_ON,
  EDIT_GUIDE_ON,
  N_EDITS
} Edit;

/* The properties each edit must notify (besides updated-at), space-separated. */
static const char *edit_notifies[N_EDITS] = {
  "name",
  "case-ref",
  "case-ref",
  "status pause-reason",
  "check-in-on",
  "status pause-reason closed-on check-in-on",
  "focus",
  "next-review",
  "notes",
  "agreed-on",
  "keep-agreed-on",
  "sharing",
  "communication-needs interpreter-language communication-other",
  "communication-needs interpreter-language communication-other",
  "plan-agreed-on",
  "guide-on",
};

static gboolean
run_edit (CpStore  *store,
          gint64    id,
          Edit      edit,
          GError  **error)
{
  switch (edit)
    {
    case EDIT_RENAME:
      return cp_store_rename_person (store, id, "Renamed", error);
    case EDIT_CASE_REF:
      return cp_store_set_person_case_ref (store, id, "REF-1", error);
    case EDIT_CASE_REF_CLEAR:
      return cp_store_set_person_case_ref (store, id, NULL, error);
    case EDIT_PAUSE:
      return cp_store_set_person_status (store, id, CP_PERSON_STATUS_PAUSED,
                                         CP_PAUSE_REASON_HOSPITAL, NULL, error);
    case EDIT_CHECK_IN:
      return cp_store_set_person_check_in_on (store, id, "2030-01-02", error);
    case EDIT_CLOSE:
      return cp_store_set_person_status (store, id, CP_PERSON_STATUS_CLOSED,
                                         CP_PAUSE_REASON_NONE, "2026-03-04", error);
    case EDIT_FOCUS:
      return cp_store_set_person_focus (store, id, CP_FOCUS_REVIEWING, error);
    case EDIT_NEXT_REVIEW:
      return cp_store_set_person_next_review (store, id, "2030-05-06", error);
    case EDIT_NOTES:
      return cp_store_set_person_notes (store, id, "Likes the allotment", error);
    case EDIT_AGREED_ON:
      return cp_store_set_person_agreed_on (store, id, "2026-01-02", error);
    case EDIT_KEEP_AGREED_ON:
      return cp_store_set_person_keep_agreed_on (store, id, "2026-01-03", error);
    case EDIT_SHARING:
      return cp_store_set_person_sharing (store, id, "GP only", error);
    case EDIT_COMMUNICATION:
      return cp_store_set_person_communication (store, id,
                                                CP_COMMUNICATION_LARGE_PRINT |
                                                CP_COMMUNICATION_INTERPRETER,
                                                "Polish", "Short sentences", error);
    case EDIT_COMMUNICATION_CLEAR:
      return cp_store_set_person_communication (store, id, CP_COMMUNICATION_EASY_READ,
                                                NULL, NULL, error);
    case EDIT_PLAN_AGREED_ON:
      return cp_store_set_person_plan_agreed_on (store, id, "2026-02-03", 0, error);
    case EDIT_GUIDE_ON:
      return cp_store_set_person_guide_on (store, id, "2026-02-04", error);
    case N_EDITS:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_notified (GPtrArray  *names,
                 const char *expected,
                 const char *after)
{
  g_auto(GStrv) wanted = g_strsplit (expected, " ", -1);
  guint n_wanted = g_strv_length (wanted);
  gboolean has_updated_at = FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (g_str_equal (name, "updated-at"))
        has_updated_at = TRUE;
      else if (!g_strv_contains ((const char * const *) wanted, name))
        g_error ("after %s, %s was notified but did not change", after, name);
    }
  for (guint i = 0; i < n_wanted; i++)
    if (!g_ptr_array_find_with_equal_func (names, wanted[i], g_str_equal, NULL))
      g_error ("after %s, %s changed but was not notified", after, wanted[i]);
  /* Each property once: GObject folds notifications within one update. */
  g_assert_cmpuint (names->len, ==, n_wanted + (has_updated_at ? 1 : 0));
}

static void
test_every_edit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 before = cp_test_add_person (f->store, "Before");
  gint64 id = cp_test_add_person (f->store, "Person");
  gint64 after = cp_test_add_person (f->store, "After");
  CpPerson *person = cp_store_find_person (f->store, id);
  CpPerson *others[] = {
    cp_store_find_person (f->store, before), cp_store_find_person (f->store, after),
  };

  g_assert_nonnull (person);
  cp_test_collect_notify (person, names);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    cp_test_collect_notify (others[i], names);

  for (Edit e = 0; e < N_EDITS; e++)
    {
      g_autofree char *what = g_strdup_printf ("edit %d", e);

      g_ptr_array_set_size (names, 0);
      g_assert_true (run_edit (f->store, id, e, &error));
      g_assert_no_error (error);
      assert_notified (names, edit_notifies[e], what);
      assert_model_is_file (f->store, what);
      g_assert_true (cp_store_find_person (f->store, id) == person);
    }

  /* Back to the start and forward again, one step at a time. */
  for (int e = N_EDITS - 1; e >= 0; e--)
    {
      g_autofree char *what = g_strdup_printf ("undoing edit %d", e);

      g_ptr_array_set_size (names, 0);
      g_assert_true (cp_store_undo (f->store, &error));
      g_assert_no_error (error);
      assert_notified (names, edit_notifies[e], what);
      assert_model_is_file (f->store, what);
    }
  g_assert_cmpstr (cp_person_get_name (person), ==, "Person");
  g_assert_null (cp_person_get_case_ref (person));
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_ACTIVE);
  g_assert_cmpint (cp_person_get_communication_needs (person), ==, 0);

  for (Edit e = 0; e < N_EDITS; e++)
    {
      g_autofree char *what = g_strdup_printf ("redoing edit %d", e);

      g_ptr_array_set_size (names, 0);
      g_assert_true (cp_store_redo (f->store, &error));
      g_assert_no_error (error);
      assert_notified (names, edit_notifies[e], what);
      assert_model_is_file (f->store, what);
    }
  g_assert_cmpstr (cp_person_get_name (person), ==, "Renamed");
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_CLOSED);
  g_assert_cmpstr (cp_person_get_closed_on (person), ==, "2026-03-04");
  g_assert_cmpint (cp_person_get_communication_needs (person), ==, CP_COMMUNICATION_EASY_READ);
  g_assert_null (cp_person_get_interpreter_language (person));

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_signal_handlers_disconnect_by_data (others[i], names);
  g_signal_handlers_disconnect_by_data (person, names);
}

/* The names in cp_store_get_people_by_name () order, joined with ", "; and checks that
 * it holds the same people as the id-ordered list. */
static char *
names_by_name (CpStore *store)
{
  GListModel *by_name = cp_store_get_people_by_name (store);
  guint n = g_list_model_get_n_items (by_name);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (cp_store_get_people (store)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (by_name, i);

      g_assert_true (cp_store_find_person (store, cp_person_get_id (person)) == person);
      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", cp_person_get_name (person));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The list the People page sorts holds the caseload in name order (case aside) as the
 * workspace opens, whatever order people were added in, and says it is in order until a
 * rename or an add; later it follows every add and removal, by an edit, an undo or a
 * change another connection made, one or many. */
static void
test_by_name (Fixture       *f,
              gconstpointer  data)
{
  const char *added[] = { "Zoe", "adam", "Mia", "bo", "Carl" };
  g_autoptr(GError) error = NULL;
  char *names;
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    cp_test_add_person (f->store, added[i]);
  cp_test_workspace_reopen (f);
  names = names_by_name (f->store);
  g_assert_cmpstr (names, ==, "adam, bo, Carl, Mia, Zoe");
  g_free (names);
  g_assert_true (cp_store_get_people_by_name_in_order (f->store));
  /* A rename may break the order, and the list says so. */
  g_assert_true (cp_store_rename_person (f->store, cp_test_person_id (f->store, "Carl"),
                                         "Zed", &error));
  g_assert_false (cp_store_get_people_by_name_in_order (f->store));
  g_assert_true (cp_store_undo (f->store, &error));

  cp_test_add_person (f->store, "Aaron");
  g_assert_true (cp_store_delete_person (f->store, cp_test_person_id (f->store, "Mia"), &error));
  g_assert_no_error (error);
  names = names_by_name (f->store);
  g_assert_cmpstr (names, ==, "adam, bo, Carl, Zoe, Aaron");
  g_free (names);
  g_assert_false (cp_store_get_people_by_name_in_order (f->store));
  g_assert_true (cp_store_undo (f->store, &error));
  names = names_by_name (f->store);
  g_assert_cmpstr (names, ==, "adam, bo, Carl, Zoe, Aaron, Mia");
  g_free (names);

  /* Many added and removed behind the store's back, then read again. */
  for (int i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %02d", i);

      cp_test_add_person (f->store, name);
    }
  db = cp_test_db_open_raw (f->path);
  cp_test_db_exec (db, "DELETE FROM person WHERE name LIKE 'Extra %' OR name = 'bo'");
  sqlite3_close (db);
  g_assert_true (_cp_store_reload (f->store, &error));
  g_assert_no_error (error);
  names = names_by_name (f->store);
  g_assert_cmpstr (names, ==, "adam, Carl, Zoe, Aaron, Mia");
  g_free (names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cp/store/refresh/every-edit", Fixture, NULL, cp_test_workspace_set_up,
              test_every_edit, cp_test_workspace_tear_down);
  g_test_add ("/cp/store/refresh/by-name", Fixture, NULL, cp_test_workspace_set_up,
              test_by_name, cp_test_workspace_tear_down);

  return g_test_run ();
}
