/* test-cli-supervision.c: cpkit export-supervision from the outside: both sheets, their
 * names, no overwrite, and every way of asking wrongly
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-cli-supervision"

#include <string.h>

#include "cp-test-util.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

#define TODAY   "2026-12-06"
#define HELD_ON "2026-12-01"

/* Fails unless cpkit with @args exits 1 saying @words. */
static void
refused (const char * const *args,
         const char         *words)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (cp_test_run_cpkit (args, NULL, &err), ==, 1);
  if (strstr (err, words) == NULL)
    g_error ("expected \"%s\" in: %s", words, err);
}

/* A practice workspace with a session that discussed Jo, closed again. */
static char *
make_workspace (const char  *dir,
                char       **out_jo,
                char       **out_session)
{
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPerson) jo = NULL;
  gint64 id;

  g_assert_true (cp_store_create_practice (path, &error));
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  jo = cp_test_dup_person (store, "Jo");
  id = cp_person_get_id (jo);
  *out_jo = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  *out_session = cp_store_add_supervision_session (store, HELD_ON, "Team manager", &id, 1,
                                                   &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_sign_off_supervision (store, *out_session, id, "Sam Okafor",
                                                "Team manager", NULL, &error));
  cp_store_close (store);
  return g_steal_pointer (&path);
}

static void
test_export_supervision (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *jo = NULL;
  g_autofree char *session = NULL;
  g_autofree char *workspace = make_workspace (dir, &jo, &session);
  g_autofree char *person_path = g_build_filename (dir, "supervision-PRACTICE-0001-" TODAY ".pdf",
                                                   NULL);
  g_autofree char *session_path = g_build_filename (dir, "supervision-session-" HELD_ON ".pdf",
                                                    NULL);
  g_autofree char *missing = g_build_filename (dir, "not-here", "sheet.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.cpkit", NULL);
  g_autofree char *out = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *sha_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const char *person[] = { "export-supervision", "--workspace", workspace, "--person", jo,
                           "--output", dir, NULL };
  const char *by_session[] = { "export-supervision", "--workspace", workspace,
                               "--session", session, "--output", dir, NULL };
  const char *force[] = { "export-supervision", "--workspace", workspace, "--person", jo,
                          "--output", person_path, "--force", NULL };
  const char *both[] = { "export-supervision", "--workspace", workspace, "--person", jo,
                         "--session", session, "--output", dir, NULL };
  const char *neither[] = { "export-supervision", "--workspace", workspace, "--output", dir,
                            NULL };
  const char *no_output[] = { "export-supervision", "--workspace", workspace, "--person", jo,
                              NULL };
  const char *unknown_person[] = { "export-supervision", "--workspace", workspace,
                                   "--person", "9999", "--output", dir, NULL };
  const char *unknown_session[] = { "export-supervision", "--workspace", workspace, "--session",
                                    "00000000-0000-4000-8000-000000000000", "--output", dir,
                                    NULL };
  const char *no_folder[] = { "export-supervision", "--workspace", workspace, "--person", jo,
                              "--output", missing, NULL };
  const char *no_workspace[] = { "export-supervision", "--workspace", nowhere, "--person", jo,
                                 "--output", dir, NULL };
  const char *help[] = { "export-supervision", "--help", NULL };

  /* a folder: each sheet takes its own name, never a person's */
  g_assert_cmpint (cp_test_run_cpkit (person, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, person_path));
  g_assert_cmpuint (cp_test_file_mode (person_path), ==, 0600);
  g_assert_cmpint (cp_test_run_cpkit (by_session, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (session_path, G_FILE_TEST_IS_REGULAR));

  /* never over an existing file, unless asked */
  sha = cp_test_sha256 (person_path);
  refused (person, "--force");
  sha_again = cp_test_sha256 (person_path);
  g_assert_cmpstr (sha, ==, sha_again);
  g_assert_cmpint (cp_test_run_cpkit (force, NULL, NULL), ==, 0);

  refused (both, "give one of them");
  refused (neither, "--person ID or --session ID");
  refused (no_output, "--output PATH");
  refused (unknown_person, "no person has that number");
  refused (unknown_session, "no supervision session has that ID");
  refused (no_folder, "could not be saved");
  refused (no_workspace, "no workspace at that path");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cp_test_run_cpkit (help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--session"));
  g_assert_nonnull (strstr (out, "pseudonymised"));

  /* every sheet made is in Jo's disclosure log; no refused one is */
  store = cp_store_open (workspace, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  log = cp_store_list_disclosures (store, g_ascii_strtoll (jo, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_true (g_str_has_prefix (((CpDisclosure *) log->pdata[1])->detail,
                                   "Supervision sheet of the session on 1 December 2026"));
  g_assert_cmpint (((CpDisclosure *) log->pdata[1])->what, ==, CP_DISCLOSURE_SUPERVISION_SHEET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* "today" for cpkit too: the person's sheet is named by it */
  g_setenv ("CPKIT_TODAY", TODAY, TRUE);
  cp_date_set_today_for_testing (TODAY);
  g_test_add_func ("/cp/app/cli/export-supervision", test_export_supervision);
  return g_test_run ();
}
