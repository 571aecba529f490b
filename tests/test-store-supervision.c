/* test-store-supervision.c: the supervision record, its undo, bad input, the caseload a
 * supervisor reads, and the migration that brought them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-supervision"

#include <string.h>

#include "store/cp-migrations.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-supervision.h"
#include "test-store-netmap-util.h"
#include "util/cp-date.h"

static gboolean
is_uuid (const char *text)
{
  static const char pattern[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (text == NULL || strlen (text) != strlen (pattern))
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '-' ? text[i] != '-' : !g_ascii_isxdigit (text[i]) ||
        g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

/* ---- The migration -------------------------------------------------------------------- */

/* A workspace of version 7 with an active person with a map, a goal and a step, a paused
 * person and a closed one: after opening, the paused person is paused since the day of
 * their record's last change and no one else is, the workspace has a UUID of its own,
 * every row is there, the children still follow their parents, and the supervision
 * tables are there and empty. */
static void
test_migration (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.cpkit", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  guint n_steps;
  sqlite3 *db;


  db = cp_test_db_open_before (path, "0008", &n_steps);
  cp_test_db_exec (db,
                   "PRAGMA foreign_keys = ON;"
                   "INSERT INTO person (id, name, case_ref, next_review, guide_on, created_at, "
                   "updated_at) VALUES (1, 'Active', 'CR-1', '2026-04-01', '2026-01-05', "
                   "'2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z');"
                   "INSERT INTO person (id, name, status, pause_reason, check_in_on, "
                   "created_at, updated_at) VALUES (2, 'Paused', 'paused', 'hospital', "
                   "'2026-03-10', '2026-01-01T00:00:00Z', '2026-02-14T09:30:00Z');"
                   "INSERT INTO person (id, name, status, closed_on, created_at, updated_at) "
                   "VALUES (3, 'Closed', 'closed', '2026-02-01', '2026-01-01T00:00:00Z', "
                   "'2026-02-01T00:00:00Z');"
                   "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, "
                   "updated_at) VALUES (1, 1, 'Baseline', '2026-01-02', "
                   "'2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');"
                   "INSERT INTO member (snapshot_id, lineage, name, sector, ring, added_on, "
                   "created_at, updated_at) VALUES (1, 1, 'Sam', 'friends', 1, '2026-01-02', "
                   "'2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');"
                   "INSERT INTO goal (id, person_id, text, created_at, updated_at) VALUES "
                   "(1, 1, 'See Sam', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');"
                   "INSERT INTO step (goal_id, text, owner, owner_lineage, due_on, created_at, "
                   "updated_at) VALUES (1, 'Ring Sam', 'member', 1, '2026-01-20', "
                   "'2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');"
                   "INSERT INTO disclosure (person_id, what, made_at) VALUES "
                   "(1, 'person_copy', '2026-01-03T10:00:00Z');");
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, _cp_migrations_get_latest ());
  db = _cp_store_get_db (store);

  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person WHERE id = 2 "
                                       "AND paused_on = '2026-02-14' AND check_in_on = "
                                       "'2026-03-10' AND pause_reason = 'hospital'"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person "
                                       "WHERE paused_on IS NOT NULL"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person WHERE id = 1 "
                                       "AND case_ref = 'CR-1' AND next_review = '2026-04-01' "
                                       "AND guide_on = '2026-01-05' "
                                       "AND updated_at = '2026-01-03T00:00:00Z'"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM person WHERE id = 3 "
                                       "AND closed_on = '2026-02-01'"), ==, 1);
  g_assert_cmpint (cp_person_get_status (cp_store_find_person (store, 2)), ==,
                   CP_PERSON_STATUS_PAUSED);

  uuid = cp_store_dup_workspace_uuid (store);
  g_assert_true (is_uuid (uuid));
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sqlite_master WHERE type = "
                                       "'table' AND name IN ('supervision_session', "
                                       "'supervision_person', 'supervision_comment', "
                                       "'supervision_action', 'supervision_signoff', "
                                       "'worker_reflection', 'sent_pack', 'sent_pack_person') "
                                       "AND sql LIKE '%) STRICT'"), ==, 8);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_session"), ==, 0);

  /* The rows that refer to person survived its rebuild, and still follow it. */
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM step"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure"), ==, 1);
  g_assert_true (cp_store_delete_person (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM step"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure"), ==, 0);

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

/* ---- The workspace's UUID and paused_on ----------------------------------------------- */

/* Two fresh workspaces differ; a copy gets a new one and the workspace keeps its own. */
static void
test_workspace_uuid (NetmapFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.cpkit", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.cpkit", NULL);
  g_autofree char *uuid = cp_store_dup_workspace_uuid (f->store);
  g_autofree char *copy_uuid = NULL;
  g_autofree char *other_uuid = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CpStore) copy = NULL;
  g_autoptr(CpStore) other = NULL;

  g_assert_true (is_uuid (uuid));

  g_assert_true (cp_store_save_copy (f->store, copy_path, FALSE, &error));
  g_assert_no_error (error);
  copy = cp_store_open (copy_path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  copy_uuid = cp_store_dup_workspace_uuid (copy);
  g_assert_true (is_uuid (copy_uuid));
  g_assert_cmpstr (copy_uuid, !=, uuid);
  /* The copy is the workspace otherwise. */
  g_assert_nonnull (cp_store_find_person (copy, f->person));

  after = cp_store_dup_workspace_uuid (f->store);
  g_assert_cmpstr (after, ==, uuid);

  other = cp_store_open (other_path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  other_uuid = cp_store_dup_workspace_uuid (other);
  g_assert_true (is_uuid (other_uuid));
  g_assert_cmpstr (other_uuid, !=, uuid);
}

static char *
paused_on (NetmapFixture *f)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (_cp_store_get_db (f->store),
                                       "SELECT paused_on FROM person WHERE id = ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, f->person);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Pausing dates the pause; a new reason keeps the day; going active clears it; undo
 * brings the day back. */
static void
test_paused_on (NetmapFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *day;

  day = paused_on (f);
  g_assert_null (day);

  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  g_assert_no_error (error);
  day = paused_on (f);
  g_assert_cmpstr (day, ==, NETMAP_TODAY);
  g_free (day);

  cp_date_set_today_for_testing ("2026-03-09");
  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_CRISIS, NULL, &error));
  day = paused_on (f);
  g_assert_cmpstr (day, ==, NETMAP_TODAY);
  g_free (day);

  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_ACTIVE,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);
  day = paused_on (f);
  g_assert_null (day);

  netmap_fixture_undo (f);
  day = paused_on (f);
  g_assert_cmpstr (day, ==, NETMAP_TODAY);
  g_free (day);

  /* Closed: not paused. */
  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);
  day = paused_on (f);
  g_assert_null (day);
  g_assert_cmpstr (cp_person_get_closed_on (cp_store_find_person (f->store, f->person)), ==,
                   "2026-03-09");
}

/* ---- The record and its undo ---------------------------------------------------------- */

static void
test_record (NetmapFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autoptr(CpSupervisionSession) session = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *action = NULL;
  g_autofree char *reflection = NULL;
  const CpSupervisionDiscussed *robin;
  gint64 alex = cp_test_add_person (f->store, "Alex");
  gint64 both[] = { f->person, f->person };

  NETMAP_EDIT (f, "Record supervision", "supervision_session",
               uuid = cp_store_add_supervision_session (f->store, "2026-02-27",
                                                        "team manager\npractitioner", both, 2,
                                                        error));
  g_assert_true (is_uuid (uuid));
  NETMAP_EDIT (f, "Add person to supervision", "supervision_person",
               cp_store_add_supervision_person (f->store, uuid, alex, error));
  NETMAP_EDIT (f, "Edit supervision session", "supervision_session",
               cp_store_update_supervision_session (f->store, uuid, "2026-02-28",
                                                    "team manager", error));
  NETMAP_EDIT (f, "Add supervision comment", "supervision_comment",
               comment = cp_store_add_supervision_comment (f->store, uuid, f->person,
                                                           "The steps are all the worker's.",
                                                           error));
  g_assert_true (is_uuid (comment));
  NETMAP_EDIT (f, "Edit supervision comment", "supervision_comment",
               cp_store_update_supervision_comment (f->store, comment, "Let Robin own a step.",
                                                    error));
  NETMAP_EDIT (f, "Add supervision action", "supervision_action",
               action = cp_store_add_supervision_action (f->store, uuid, f->person,
                                                         "Look for a group near Robin",
                                                         " practitioner ", "2026-03-14",
                                                         error));
  NETMAP_EDIT (f, "Edit supervision action", "supervision_action",
               cp_store_update_supervision_action (f->store, action, "Look for a walking group",
                                                   "practitioner", NULL, error));
  NETMAP_EDIT (f, "Mark action done", "supervision_action",
               cp_store_set_supervision_action_done (f->store, action, NETMAP_TODAY, error));
  NETMAP_EDIT (f, "Sign off plan", "supervision_signoff",
               cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                              "Team manager", "2026-02-28", error));
  NETMAP_EDIT (f, "Sign off plan", "supervision_signoff",
               cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                              "Senior practitioner", NULL, error));
  NETMAP_EDIT (f, "Edit reflection", "worker_reflection",
               cp_store_set_worker_reflection (f->store, uuid, "Robin has my mobile number.",
                                               error));

  /* What was written reads back; the reflection only on its own. */
  session = cp_store_get_supervision_session (f->store, uuid, &err);
  g_assert_no_error (err);
  g_assert_cmpstr (session->held_on, ==, "2026-02-28");
  g_assert_cmpstr (session->attended, ==, "team manager");
  g_assert_cmpuint (session->people->len, ==, 2);
  robin = cp_supervision_session_find (session, f->person);
  g_assert_nonnull (robin);
  g_assert_cmpuint (robin->comments->len, ==, 1);
  g_assert_cmpstr (((CpSupervisionComment *) robin->comments->pdata[0])->text, ==,
                   "Let Robin own a step.");
  g_assert_cmpuint (robin->actions->len, ==, 1);
  {
    const CpSupervisionAction *a = robin->actions->pdata[0];

    g_assert_cmpstr (a->uuid, ==, action);
    g_assert_cmpstr (a->owner, ==, "practitioner");
    g_assert_null (a->due_on);
    g_assert_cmpstr (a->done_on, ==, NETMAP_TODAY);
  }
  g_assert_nonnull (robin->signoff);
  g_assert_cmpstr (robin->signoff->name, ==, "Pat Lee");
  g_assert_cmpstr (robin->signoff->role, ==, "Senior practitioner");
  g_assert_cmpstr (robin->signoff->signed_on, ==, NETMAP_TODAY);
  g_assert_cmpuint (cp_supervision_session_find (session, alex)->comments->len, ==, 0);
  reflection = cp_store_dup_worker_reflection (f->store, uuid, &err);
  g_assert_cmpstr (reflection, ==, "Robin has my mobile number.");

  /* Typing in one comment merges into one step; a no-op makes none. */
  {
    guint n = f->n_changed;

    g_assert_true (cp_store_update_supervision_comment (f->store, comment, "Let Robin own",
                                                        &err));
    g_assert_true (cp_store_update_supervision_comment (f->store, comment,
                                                        "Let Robin own two steps.", &err));
    netmap_fixture_undo (f);
    g_clear_pointer (&session, cp_supervision_session_free);
    session = cp_store_get_supervision_session (f->store, uuid, &err);
    robin = cp_supervision_session_find (session, f->person);
    g_assert_cmpstr (((CpSupervisionComment *) robin->comments->pdata[0])->text, ==,
                     "Let Robin own a step.");
    netmap_fixture_redo (f);
    n = f->n_changed;
    g_assert_true (cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                                  "Senior practitioner", NULL, &err));
    g_assert_cmpuint (f->n_changed, ==, n);
  }

  NETMAP_EDIT (f, "Edit reflection", "worker_reflection",
               cp_store_set_worker_reflection (f->store, uuid, " ", error));
  NETMAP_EDIT (f, "Remove sign-off", "supervision_signoff",
               cp_store_remove_supervision_signoff (f->store, uuid, f->person, error));
  NETMAP_EDIT (f, "Delete supervision action", "supervision_action",
               cp_store_delete_supervision_action (f->store, action, error));
  NETMAP_EDIT (f, "Delete supervision comment", "supervision_comment",
               cp_store_delete_supervision_comment (f->store, comment, error));
  NETMAP_EDIT (f, "Take person off supervision", "supervision_person",
               cp_store_remove_supervision_person (f->store, uuid, alex, error));

  sessions = cp_store_list_supervision_sessions (f->store, &err);
  g_assert_no_error (err);
  g_assert_cmpuint (sessions->len, ==, 1);

  NETMAP_EDIT (f, "Delete supervision session", "supervision_session",
               cp_store_delete_supervision_session (f->store, uuid, error));
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM supervision_person"), ==, 0);

  /* Gone: NOT_FOUND, nothing written. */
  g_assert_null (cp_store_get_supervision_session (f->store, uuid, &err));
  g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&err);
  g_assert_false (cp_store_delete_supervision_session (f->store, uuid, &err));
  g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* ---- Bad input ------------------------------------------------------------------------ */

static void
test_bad_input (NetmapFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autofree char *uuid = NULL;
  gint64 alex = cp_test_add_person (f->store, "Alex");
  gint64 robin[] = { f->person };

  /* A session with no one discussed cannot be saved. */
  NETMAP_REFUSED (f, "at least one person",
                  cp_store_add_supervision_session (f->store, NETMAP_TODAY, "", NULL, 0,
                                                    error));
  NETMAP_REFUSED (f, "the day it was held",
                  cp_store_add_supervision_session (f->store, "2026-02-30", "", robin, 1,
                                                    error));

  uuid = cp_store_add_supervision_session (f->store, "2026-02-20", "", robin, 1, &err);
  g_assert_no_error (err);

  /* Nor can its last person be taken off it. */
  NETMAP_REFUSED (f, "at least one person",
                  cp_store_remove_supervision_person (f->store, uuid, f->person, error));
  NETMAP_REFUSED (f, "already",
                  cp_store_add_supervision_person (f->store, uuid, f->person, error));

  /* An action needs an owner and words. */
  NETMAP_REFUSED (f, "someone who will do it",
                  cp_store_add_supervision_action (f->store, uuid, f->person, "Find a group",
                                                   "  ", NULL, error));
  NETMAP_REFUSED (f, "someone who will do it",
                  cp_store_add_supervision_action (f->store, uuid, f->person, "Find a group",
                                                   NULL, "2026-03-10", error));
  NETMAP_REFUSED (f, "some words",
                  cp_store_add_supervision_action (f->store, uuid, f->person, "",
                                                   "practitioner", NULL, error));
  NETMAP_REFUSED (f, "real date",
                  cp_store_add_supervision_action (f->store, uuid, f->person, "Find a group",
                                                   "practitioner", "next week", error));
  NETMAP_REFUSED (f, "some words",
                  cp_store_add_supervision_comment (f->store, uuid, f->person, " \n", error));

  /* A sign-off dated in the future, or before the session, or without name or role. */
  NETMAP_REFUSED (f, "still to come",
                  cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                                 "Team manager", "2026-03-02", error));
  NETMAP_REFUSED (f, "before the session",
                  cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                                 "Team manager", "2026-02-19", error));
  NETMAP_REFUSED (f, "name",
                  cp_store_sign_off_supervision (f->store, uuid, f->person, "",
                                                 "Team manager", NULL, error));
  NETMAP_REFUSED (f, "role",
                  cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee", NULL,
                                                 NULL, error));

  /* A session moved after one of its sign-offs. */
  g_assert_true (cp_store_sign_off_supervision (f->store, uuid, f->person, "Pat Lee",
                                                "Team manager", "2026-02-21", &err));
  g_assert_no_error (err);
  NETMAP_REFUSED (f, "signed off before",
                  cp_store_update_supervision_session (f->store, uuid, "2026-02-25", "",
                                                       error));

  /* Someone not discussed at the session: NOT_FOUND, nothing written. */
  {
    g_autofree char *before = netmap_fixture_dump (f);
    g_autofree char *after = NULL;

    g_assert_null (cp_store_add_supervision_comment (f->store, uuid, alex, "Hello", &err));
    g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&err);
    g_assert_false (cp_store_sign_off_supervision (f->store, uuid, alex, "Pat Lee",
                                                   "Team manager", NULL, &err));
    g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&err);
    g_assert_null (cp_store_add_supervision_session (f->store, NETMAP_TODAY, "",
                                                     (gint64[]) { 999 }, 1, &err));
    g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
    g_clear_error (&err);
    after = cp_test_db_dump (_cp_store_get_db (f->store));
    g_assert_cmpstr (after, ==, before);
  }
}

/* ---- One person, as their overview reads it -------------------------------------------- */

/* The last session that discussed them and their open actions, soonest due first, the
 * undated last; a done action, another person's and a deleted session's are left out. */
static void
test_person_supervision (NetmapFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *last_on = NULL;
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;
  g_autofree char *done = NULL;
  gint64 alex = cp_test_add_person (f->store, "Alex");
  gint64 robin[] = { f->person };
  gint64 both[] = { f->person, alex };

  /* Nothing yet. */
  g_assert_true (cp_store_read_person_supervision (f->store, f->person, &last_on, &actions,
                                                   &err));
  g_assert_no_error (err);
  g_assert_null (last_on);
  g_assert_cmpuint (actions->len, ==, 0);
  g_clear_pointer (&actions, g_ptr_array_unref);

  early = cp_store_add_supervision_session (f->store, "2026-01-10", "", robin, 1, &err);
  late = cp_store_add_supervision_session (f->store, "2026-02-20", "", both, 2, &err);
  g_assert_no_error (err);
  g_free (cp_store_add_supervision_action (f->store, early, f->person, "Undated", "practitioner",
                                           NULL, &err));
  g_free (cp_store_add_supervision_action (f->store, late, f->person, "Due later",
                                           "practitioner", "2026-04-01", &err));
  g_free (cp_store_add_supervision_action (f->store, early, f->person, "Due sooner",
                                           "team manager", "2026-03-05", &err));
  done = cp_store_add_supervision_action (f->store, late, f->person, "Done already",
                                          "practitioner", "2026-03-01", &err);
  g_free (cp_store_add_supervision_action (f->store, late, alex, "Alex's", "practitioner",
                                           NULL, &err));
  g_assert_true (cp_store_set_supervision_action_done (f->store, done, NETMAP_TODAY, &err));
  g_assert_no_error (err);

  g_assert_true (cp_store_read_person_supervision (f->store, f->person, &last_on, &actions,
                                                   &err));
  g_assert_no_error (err);
  g_assert_cmpstr (last_on, ==, "2026-02-20");
  g_assert_cmpuint (actions->len, ==, 3);
  g_assert_cmpstr (((CpSupervisionAction *) actions->pdata[0])->text, ==, "Due sooner");
  g_assert_cmpstr (((CpSupervisionAction *) actions->pdata[0])->owner, ==, "team manager");
  g_assert_cmpstr (((CpSupervisionAction *) actions->pdata[0])->due_on, ==, "2026-03-05");
  g_assert_cmpstr (((CpSupervisionAction *) actions->pdata[1])->text, ==, "Due later");
  g_assert_cmpstr (((CpSupervisionAction *) actions->pdata[2])->text, ==, "Undated");
  g_assert_null (((CpSupervisionAction *) actions->pdata[2])->due_on);
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_clear_pointer (&last_on, g_free);

  /* The later session gone: the earlier one is the last, with its own actions. */
  g_assert_true (cp_store_delete_supervision_session (f->store, late, &err));
  g_assert_true (cp_store_read_person_supervision (f->store, f->person, &last_on, &actions,
                                                   &err));
  g_assert_no_error (err);
  g_assert_cmpstr (last_on, ==, "2026-01-10");
  g_assert_cmpuint (actions->len, ==, 2);
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_clear_pointer (&last_on, g_free);

  /* Someone not in the workspace. */
  g_assert_false (cp_store_read_person_supervision (f->store, 999, &last_on, &actions, &err));
  g_assert_error (err, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_assert_null (last_on);
  g_assert_null (actions);
}

/* ---- The caseload --------------------------------------------------------------------- */

static const CpSupervisionRow *
find_row (GPtrArray *rows,
          gint64     person_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const CpSupervisionRow *row = rows->pdata[i];

      if (row->person_id == person_id)
        return row;
    }

  return NULL;
}

#define T "'2026-01-01T00:00:00Z'"

/* A crafted caseload ("today" is 2026-03-01, maps older than 8 weeks are stale):
 *   Robin: a current map; three active goals (one with a friend helping, one whose step
 *     a service does, one with nothing) and a put-aside goal with the choir; steps
 *     overdue: the practitioner's, one done together, the person's, the service's (a
 *     member); not overdue: one done, one not yet due. Review overdue; the last review's
 *     barriers; the copy given; discussed in supervision with an open action.
 *   Sky: an old map, where the choir was once under services and now is a group; a goal
 *     with a step the choir does: a community opportunity, outside services.
 *   Jo: paused four weeks ago, no map, no goals, a review date past (not overdue:
 *     paused).
 *   Closed: not on the table. */
static void
test_caseload (NetmapFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *session = NULL;
  g_autofree char *action = NULL;
  g_autofree char *sql = NULL;
  const CpSupervisionRow *row;
  gint64 robin = f->person;
  gint64 sky = cp_test_add_person (f->store, "Sky");
  gint64 jo = cp_test_add_person (f->store, "Jo");
  gint64 closed = cp_test_add_person (f->store, "Closed");

  sql = g_strdup_printf (
    "UPDATE person SET next_review = '2026-02-15', guide_on = '2026-01-20', "
    "case_ref = 'CR-7' WHERE id = %1$" G_GINT64_FORMAT ";"
    "UPDATE person SET next_review = '2026-04-01' WHERE id = %2$" G_GINT64_FORMAT ";"
    "UPDATE person SET next_review = '2026-02-10' WHERE id = %3$" G_GINT64_FORMAT ";"
    "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", 'Baseline', '2026-02-20', " T ", " T "),"
    "(2, %2$" G_GINT64_FORMAT ", 'Baseline', '2025-09-01', " T ", " T "),"
    "(3, %2$" G_GINT64_FORMAT ", 'Review 1', '2025-10-01', " T ", " T ");"
    "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, added_on, "
    "created_at, updated_at) VALUES "
    "(1, 1, 'person', 'Sam', 'friends', 1, '2026-02-20', " T ", " T "),"
    "(1, 2, 'place', 'Day centre', 'services', 2, '2026-02-20', " T ", " T "),"
    "(1, 3, 'activity', 'Choir', 'groups', 3, '2026-02-20', " T ", " T "),"
    "(1, 4, 'person', 'CPN', 'services', 2, '2026-02-20', " T ", " T "),"
    "(2, 1, 'activity', 'Choir', 'services', 3, '2025-09-01', " T ", " T "),"
    "(3, 1, 'activity', 'Choir', 'groups', 3, '2025-09-01', " T ", " T ");"
    "INSERT INTO goal (id, person_id, text, status, status_on, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", 'See Sam', 'active', NULL, " T ", " T "),"
    "(2, %1$" G_GINT64_FORMAT ", 'Sleep better', 'active', NULL, " T ", " T "),"
    "(3, %1$" G_GINT64_FORMAT ", 'Cook', 'active', NULL, " T ", " T "),"
    "(4, %1$" G_GINT64_FORMAT ", 'Sing', 'stopped', '2026-01-10', " T ", " T "),"
    "(5, %2$" G_GINT64_FORMAT ", 'Sing again', 'active', NULL, " T ", " T ");"
    "INSERT INTO goal_member (goal_id, lineage, created_at) VALUES (1, 1, " T "), (4, 3, " T ");"
    "INSERT INTO step (goal_id, text, owner, owner_role, owner_lineage, due_on, done_on, "
    "created_at, updated_at) VALUES "
    "(1, 'Ring Sam', 'practitioner', NULL, NULL, '2026-02-10', NULL, " T ", " T "),"
    "(1, 'Visit Sam', 'together', NULL, NULL, '2026-02-28', NULL, " T ", " T "),"
    "(1, 'Text Sam', 'person', NULL, NULL, '2026-02-01', NULL, " T ", " T "),"
    "(1, 'Meet Sam', 'person', NULL, NULL, '2026-02-01', '2026-02-02', " T ", " T "),"
    "(1, 'Tea with Sam', 'person', NULL, NULL, '2026-03-01', NULL, " T ", " T "),"
    "(2, 'Ask the CPN', 'member', NULL, 4, '2026-02-25', NULL, " T ", " T "),"
    "(2, 'Ask the GP', 'someone', 'the GP', NULL, NULL, NULL, " T ", " T "),"
    "(4, 'Join', 'practitioner', NULL, NULL, '2026-01-01', NULL, " T ", " T "),"
    "(5, 'Go to the choir', 'member', NULL, 1, NULL, NULL, " T ", " T ");"
    "INSERT INTO review (id, person_id, held_on, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", '2026-01-10', " T ", " T "),"
    "(2, %1$" G_GINT64_FORMAT ", '2026-02-10', " T ", " T ");"
    "INSERT INTO review_barrier (review_id, barrier, created_at) VALUES "
    "(1, 'stigma', " T "), (2, 'money', " T "), (2, 'transport', " T ");"
    "INSERT INTO disclosure (person_id, what, made_at) VALUES "
    "(%1$" G_GINT64_FORMAT ", 'person_copy', '2026-02-01T10:00:00Z'),"
    "(%1$" G_GINT64_FORMAT ", 'summary', '2026-02-25T10:00:00Z');",
    robin, sky, jo);
  cp_test_edit (f->store, "Caseload", sql);

  cp_date_set_today_for_testing ("2026-02-01");
  g_assert_true (cp_store_set_person_status (f->store, jo, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_CHOICE, NULL, &err));
  g_assert_true (cp_store_set_person_status (f->store, closed, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &err));
  g_assert_no_error (err);
  cp_date_set_today_for_testing (NETMAP_TODAY);

  session = cp_store_add_supervision_session (f->store, "2026-02-20", "", &robin, 1, &err);
  action = cp_store_add_supervision_action (f->store, session, robin, "Find a group",
                                            "practitioner", NULL, &err);
  g_assert_no_error (err);

  rows = cp_store_read_caseload (f->store, 8, &err);
  g_assert_no_error (err);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_null (find_row (rows, closed));

  row = find_row (rows, robin);
  g_assert_cmpstr (row->name, ==, "Robin");
  g_assert_cmpstr (row->case_ref, ==, "CR-7");
  g_assert_cmpint (row->status, ==, CP_PERSON_STATUS_ACTIVE);
  g_assert_cmpint (row->days_paused, ==, -1);
  g_assert_cmpuint (row->steps_overdue[CP_SUPERVISION_OWNER_PRACTITIONER], ==, 2);
  g_assert_cmpuint (row->steps_overdue[CP_SUPERVISION_OWNER_PERSON], ==, 1);
  g_assert_cmpuint (row->steps_overdue[CP_SUPERVISION_OWNER_OTHERS], ==, 1);
  g_assert_cmpuint (row->n_goals, ==, 3);
  g_assert_cmpuint (row->n_goals_with_steps, ==, 2);
  g_assert_cmpuint (row->n_goals_outside, ==, 1);
  g_assert_false (row->community);
  g_assert_cmpstr (row->map_on, ==, "2026-02-20");
  g_assert_false (row->map_stale);
  g_assert_cmpstr (row->copy_given_on, ==, "2026-02-01");
  g_assert_cmpstr (row->guide_on, ==, "2026-01-20");
  g_assert_cmpuint (row->barriers, ==, (1u << CP_BARRIER_MONEY) | (1u << CP_BARRIER_TRANSPORT));
  g_assert_cmpstr (row->last_review_on, ==, "2026-02-10");
  g_assert_cmpstr (row->next_review, ==, "2026-02-15");
  g_assert_true (row->review_overdue);
  g_assert_cmpstr (row->last_discussed_on, ==, "2026-02-20");
  g_assert_cmpuint (row->open_actions, ==, 1);

  row = find_row (rows, sky);
  g_assert_cmpuint (row->n_goals, ==, 1);
  g_assert_cmpuint (row->n_goals_with_steps, ==, 1);
  g_assert_cmpuint (row->n_goals_outside, ==, 1);
  g_assert_true (row->community);
  g_assert_cmpstr (row->map_on, ==, "2025-10-01");
  g_assert_true (row->map_stale);
  g_assert_false (row->review_overdue);
  g_assert_null (row->copy_given_on);
  g_assert_null (row->last_discussed_on);
  g_assert_cmpuint (row->open_actions, ==, 0);
  g_assert_cmpuint (row->barriers, ==, 0);
  for (guint i = 0; i < CP_SUPERVISION_N_OWNERS; i++)
    g_assert_cmpuint (row->steps_overdue[i], ==, 0);

  row = find_row (rows, jo);
  g_assert_cmpint (row->status, ==, CP_PERSON_STATUS_PAUSED);
  g_assert_cmpint (row->pause_reason, ==, CP_PAUSE_REASON_CHOICE);
  g_assert_cmpstr (row->paused_on, ==, "2026-02-01");
  g_assert_cmpint (row->days_paused, ==, 28);
  g_assert_false (row->review_overdue);
  g_assert_null (row->map_on);
  g_assert_true (row->map_stale);
  g_assert_cmpuint (row->n_goals, ==, 0);

  /* The action done: no longer open. A longer window: Sky's map is current. */
  g_assert_true (cp_store_set_supervision_action_done (f->store, action, NULL, &err));
  g_assert_true (cp_store_set_supervision_action_done (f->store, action, NETMAP_TODAY, &err));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cp_store_read_caseload (f->store, 30, &err);
  g_assert_no_error (err);
  g_assert_cmpuint (find_row (rows, robin)->open_actions, ==, 0);
  g_assert_false (find_row (rows, sky)->map_stale);
  g_assert_true (find_row (rows, jo)->map_stale);
}

/* 60 people with 20 goals of 4 steps each and a map of 15 (the even lineages friends,
 * the odd ones services, every third a place; helpers 1..15 then 1..5: 9 goals linked
 * outside, to places among them): the table
 * reads in a handful of statements, never one per person (the benchmark's budget is
 * 50 ms; this only catches a read that grows with the square of the caseload). */
static void
test_caseload_large (NetmapFixture *f,
                     gconstpointer  data)
{
#define N "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1199) "
  static const char fill[] =
    "BEGIN;"
    N "INSERT INTO person (id, name, next_review, created_at, updated_at) "
    "  SELECT 1000 + i, 'P' || i, printf ('2026-02-%02d', 1 + i % 28), " T ", " T
    "  FROM n WHERE i < 60;"
    N "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) "
    "  SELECT 1000 + i, 1000 + i, 'Baseline', '2026-01-05', " T ", " T " FROM n WHERE i < 60;"
    N "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, added_on, "
    "  created_at, updated_at) "
    "  SELECT 1000 + i / 15, 1 + i % 15, CASE WHEN (1 + i % 15) % 3 THEN 'person' "
    "  ELSE 'place' END, 'M', CASE WHEN (1 + i % 15) % 2 THEN 'services' ELSE 'friends' END, "
    "  2, '2026-01-05', " T ", " T " FROM n WHERE i < 900;"
    N "INSERT INTO goal (id, person_id, text, created_at, updated_at) "
    "  SELECT (1000 + i / 20) * 100 + i % 20, 1000 + i / 20, 'G', " T ", " T
    "  FROM n WHERE i < 1200;"
    "INSERT INTO goal_member (goal_id, lineage, created_at) "
    "  SELECT id, 1 + (id % 100) % 15, " T " FROM goal;"
    N "INSERT INTO step (goal_id, text, owner, owner_lineage, due_on, created_at, updated_at) "
    "  SELECT g.id, 'S', CASE WHEN n.i = 3 THEN 'member' ELSE 'person' END, "
    "  CASE WHEN n.i = 3 THEN 1 END, printf ('2026-%02d-10', 1 + n.i), " T ", " T
    "  FROM goal g, n WHERE n.i < 4;"
    "COMMIT;";
#undef N
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 start;
  gint64 elapsed;

  /* Straight into the file, not as an undo step: this measures reading. */
  cp_test_db_exec (_cp_store_get_db (f->store), fill);
  g_assert_true (_cp_store_reload (f->store, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  rows = cp_store_read_caseload (f->store, 8, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("caseload of 60 people x 20 goals read in %.1f ms", elapsed / 1000.0);
  g_assert_cmpuint (rows->len, ==, 61);
  g_assert_cmpuint (find_row (rows, 1000)->n_goals, ==, 20);
  g_assert_cmpuint (find_row (rows, 1059)->n_goals_with_steps, ==, 20);
  g_assert_cmpuint (find_row (rows, 1000)->n_goals_outside, ==, 9);
  g_assert_true (find_row (rows, 1000)->community);
  /* Due in January and February, by the person: two of each goal's four steps. */
  g_assert_cmpuint (find_row (rows, 1030)->steps_overdue[CP_SUPERVISION_OWNER_PERSON], ==,
                    40);
  g_assert_cmpuint (find_row (rows, 1030)->steps_overdue[CP_SUPERVISION_OWNER_OTHERS], ==, 0);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
}

#undef T

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/supervision/store/migration", test_migration);
  NETMAP_TEST_ADD ("/cp/supervision/store/workspace-uuid", test_workspace_uuid);
  NETMAP_TEST_ADD ("/cp/supervision/store/paused-on", test_paused_on);
  NETMAP_TEST_ADD ("/cp/supervision/store/record", test_record);
  NETMAP_TEST_ADD ("/cp/supervision/store/bad-input", test_bad_input);
  NETMAP_TEST_ADD ("/cp/supervision/store/person", test_person_supervision);
  NETMAP_TEST_ADD ("/cp/supervision/store/caseload", test_caseload);
  NETMAP_TEST_ADD ("/cp/supervision/store/caseload-large", test_caseload_large);

  return g_test_run ();
}
