/* test-cli-plan.c: cpkit export-plan from the outside: the file, its name, no overwrite
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-cli-plan"

#include <string.h>

#include "cp-test-util.h"
#include "store/cp-store-disclosure.h"

/* A practice workspace, closed again; Jo's id in @out_id. */
static char *
make_practice (const char *dir,
               char      **out_id)
{
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPerson) jo = NULL;

  g_assert_true (cp_store_create_practice (path, &error));
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  jo = cp_test_dup_person (store, "Jo");
  *out_id = g_strdup_printf ("%" G_GINT64_FORMAT, cp_person_get_id (jo));
  cp_store_close (store);
  return g_steal_pointer (&path);
}

static void
test_export_plan (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *id = NULL;
  g_autofree char *workspace = make_practice (dir, &id);
  g_autofree char *expected = g_build_filename (dir, "plan-PRACTICE-0001.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err_again = NULL;
  g_autofree char *err_bad = NULL;
  g_autofree char *practitioner_path = g_build_filename (dir, "plan-PRACTICE-0001-practitioner.pdf",
                                                        NULL);
  g_autofree char *sha = NULL;
  g_autofree char *sha_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  const char *args[] = { "export-plan", "--workspace", workspace, "--person", id,
                         "--copy", "person", "--format", "pdf", "--output", dir, NULL };
  const char *force[] = { "export-plan", "--workspace", workspace, "--person", id,
                          "--copy", "person", "--output", expected, "--force", NULL };
  const char *practitioner[] = { "export-plan", "--workspace", workspace, "--person", id,
                                 "--copy", "practitioner", "--output", dir, NULL };
  const char *bad_copy[] = { "export-plan", "--workspace", workspace, "--person", id,
                             "--copy", "everyone", "--output", dir, NULL };

  /* a folder: the file is named by the case reference, never the person's name */
  g_assert_cmpint (cp_test_run_cpkit (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (cp_test_file_mode (expected), ==, 0600);
  sha = cp_test_sha256 (expected);

  /* never over an existing file, unless asked */
  g_assert_cmpint (cp_test_run_cpkit (args, NULL, &err_again), ==, 1);
  g_assert_nonnull (strstr (err_again, "exists already"));
  g_assert_nonnull (strstr (err_again, "--force"));
  sha_again = cp_test_sha256 (expected);
  g_assert_cmpstr (sha, ==, sha_again);
  g_assert_cmpint (cp_test_run_cpkit (force, NULL, NULL), ==, 0);

  g_assert_cmpint (cp_test_run_cpkit (practitioner, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (practitioner_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cp_test_run_cpkit (bad_copy, NULL, &err_bad), ==, 1);
  g_assert_nonnull (strstr (err_bad, "person or practitioner"));

  /* every copy made is in Jo's disclosure log */
  store = cp_store_open (workspace, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  log = cp_store_list_disclosures (store, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/app/cli/export-plan", test_export_plan);
  return g_test_run ();
}
