/* test-trust-logs.c: no person's name in the log, at any level; no core dumps
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-logs"

#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "cp-test-util.h"
#include "export/cp-export-subject-access.h"
#include "util/cp-platform.h"

#define CANARY       "Wilhelmina Drakesbury-8842"
#define CANARY_OTHER "Octavius Pemberthy-3307"
#define CANARY_NOTES "Notes that mention Seraphine-6613"

static GString *captured;

static void
assert_no_canary (const char *text)
{
  static const char *canaries[] = { CANARY, CANARY_OTHER, "Seraphine-6613", "Drakesbury",
                                    "Pemberthy" };

  for (guint i = 0; i < G_N_ELEMENTS (canaries); i++)
    if (strstr (text, canaries[i]) != NULL)
      g_error ("a name leaked: %s", canaries[i]);
}

/* An expected failure: its message is for people, so it must not name anyone either. */
static void
expect_failure (gboolean   ok,
                GError   **error)
{
  g_assert_false (ok);
  g_assert_nonnull (*error);
  assert_no_canary ((*error)->message);
  g_clear_error (error);
}

static void
test_all_edits (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "logs.cpkit", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.cpkit", NULL);
  g_autofree char *practice = g_build_filename (dir, "practice.cpkit", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) backups = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpStore) second = NULL;
  gint64 id;
  gint64 other;

  g_string_truncate (captured, 0);

  /* A daily backup at open, too. */
  store = cp_store_open (path, CP_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  id = cp_store_add_person (store, CANARY_OTHER, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_rename_person (store, id, CANARY, &error));
  g_assert_true (cp_store_set_person_case_ref (store, id, "CASE-" CANARY, &error));
  g_assert_true (cp_store_set_person_status (store, id, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  g_assert_true (cp_store_set_person_focus (store, id, CP_FOCUS_PLANNING, &error));
  g_assert_true (cp_store_set_person_next_review (store, id, "2027-01-01", &error));
  g_assert_true (cp_store_set_person_notes (store, id, CANARY_NOTES, &error));
  g_assert_true (cp_store_set_person_sharing (store, id, "With " CANARY_OTHER, &error));
  g_assert_true (cp_store_set_person_agreed_on (store, id, "2026-01-01", &error));
  g_assert_true (cp_store_set_person_keep_agreed_on (store, id, "2026-01-02", &error));
  g_assert_true (cp_store_set_person_communication (store, id, CP_COMMUNICATION_INTERPRETER,
                                                    "Farsi", CANARY, &error));
  g_assert_no_error (error);

  /* Refusals of every kind log SQLite's words at debug level: never the values. */
  expect_failure (cp_store_rename_person (store, id, "   ", &error), &error);
  expect_failure (cp_store_set_person_next_review (store, id, "2027-02-30", &error), &error);
  expect_failure (cp_store_set_person_case_ref (store, id + 50, CANARY, &error), &error);
  expect_failure (cp_store_add_person (store, "", &error) != 0, &error);
  cp_test_db_exec (_cp_store_get_db (store), "CREATE TEMP TRIGGER t BEFORE UPDATE ON person "
                   "BEGIN SELECT RAISE(ABORT, 'refused'); END");
  expect_failure (cp_store_rename_person (store, id, CANARY_OTHER, &error), &error);
  cp_test_db_exec (_cp_store_get_db (store), "DROP TRIGGER t");

  for (guint i = 0; i < 4; i++)
    g_assert_true (cp_store_undo (store, &error));
  for (guint i = 0; i < 2; i++)
    g_assert_true (cp_store_redo (store, &error));
  g_assert_no_error (error);
  other = cp_store_add_person (store, CANARY_OTHER, &error);
  g_assert_no_error (error);

  /* A second window: refused, naming a process, not a person. */
  second = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_null (second);
  expect_failure (FALSE, &error);

  g_assert_true (cp_store_save_copy (store, copy, FALSE, &error));
  backups = cp_store_list_backups (store);
  g_assert_nonnull (backups);
  g_assert_nonnull (backups[0]);
  g_assert_true (cp_store_restore_backup (store, copy, &error));
  g_assert_no_error (error);

  text = cp_export_subject_access_text (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, CANARY));   /* it is in the text, not in the log */

  g_assert_true (cp_store_set_person_status (store, id, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_true (cp_store_delete_person (store, other, &error));
  g_assert_true (cp_store_undo (store, &error));
  g_assert_true (cp_store_erase_person (store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (cp_store_check_file (path, report, &error));
  g_assert_no_error (error);
  assert_no_canary (report->str);
  g_assert_true (cp_store_create_practice (practice, &error));
  g_assert_no_error (error);

  /* The capture works (the store does log at debug level) … */
  g_test_message ("%" G_GSIZE_FORMAT " bytes of log messages captured", captured->len);
  g_assert_nonnull (strstr (captured->str, "creating schema version"));
  g_assert_nonnull (strstr (captured->str, "SQLite error"));
  /* … and no name is in it. */
  assert_no_canary (captured->str);
}

/* In a child, so that this test process stays debuggable. */
static void
test_no_core_dumps (void)
{
  if (g_test_subprocess ())
    {
      struct rlimit limit;

      g_assert_true (cp_platform_disable_core_dumps ());
      g_assert_cmpint (getrlimit (RLIMIT_CORE, &limit), ==, 0);
      g_assert_cmpuint (limit.rlim_cur, ==, 0);
      g_assert_cmpuint (limit.rlim_max, ==, 0);
      g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
      return;
    }

  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 1);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything logs. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  captured = cp_test_capture_logs ();
  g_test_add_func ("/cp/trust/logs/no-names", test_all_edits);
  g_test_add_func ("/cp/trust/logs/no-core-dumps", test_no_core_dumps);

  return g_test_run ();
}
