/* test-cli-schema.c: cpkit without its settings schema installed (run from the build
 * folder): --version, --help and check work; the app itself says what is missing and
 * exits, instead of dying on a trap
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-cli-schema"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "store/cp-store.h"

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;   /* the raw wait status */
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

/* Runs cpkit with @args where no settings schema can be found: no GSETTINGS_SCHEMA_DIR,
 * system data folders that hold none, and no display. */
static void
run_without_schema (Run                *run,
                    const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_dirs = g_build_filename (run->dir, "share", NULL);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CPKIT_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_mkdir_with_parents (data_dirs, 0700);
  envp = g_environ_unsetenv (envp, "GSETTINGS_SCHEMA_DIR");
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_DIRS", data_dirs, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", run->dir, TRUE);

  run_clear (run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("%s %s: %s%s", args[0] ? args[0] : "", args[0] ? args[1] : "",
                  run->out, run->err);
  /* Whatever it says, it says it and exits: never a signal (SIGTRAP from g_error). */
  g_assert_true (WIFEXITED (run->status));
}

/* A folder inside this test's own data folder (G_TEST_OPTION_ISOLATE_DIRS removes it). */
static char *
make_dir (void)
{
  g_autofree char *template = g_build_filename (g_get_user_data_dir (), "run-XXXXXX", NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_strdup (g_mkdtemp (template));
}

static int
exit_status (Run *run)
{
  return WEXITSTATUS (run->status);
}

static void
test_version_and_help (void)
{
  g_autofree char *dir = make_dir ();
  Run run = { dir, NULL, NULL, 0 };
  const char *version[] = { "--version", NULL };
  const char *help[] = { "--help", NULL };

  run_without_schema (&run, version);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.out, ==, "Connecting People Kit " PACKAGE_VERSION "\n");

  run_without_schema (&run, help);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "Usage:"));
  g_assert_nonnull (strstr (run.out, "--workspace"));
  g_assert_nonnull (strstr (run.out, "cpkit check"));

  run_clear (&run);
}

static void
test_check (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "team.cpkit", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.cpkit", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { dir, NULL, NULL, 0 };
  const char *good[] = { "check", "--workspace", path, NULL };
  const char *none[] = { "check", "--workspace", missing, NULL };

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_add_person (store, "Checked Person", &error), >, 0);
  cp_store_close (store);

  run_without_schema (&run, good);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "ok"));

  run_without_schema (&run, none);
  g_assert_cmpint (exit_status (&run), ==, 1);

  run_clear (&run);
}

/* Starting the app itself needs the schema: a message that says which and how to get
 * it, and exit status 1. */
static void
test_app_says_why (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "team.cpkit", NULL);
  Run run = { dir, NULL, NULL, 0 };
  const char *plain[] = { NULL };
  const char *workspace[] = { "--workspace", path, NULL };

  run_without_schema (&run, plain);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "settings schema (" APP_ID ") is not installed"));
  g_assert_nonnull (strstr (run.err, "GSETTINGS_SCHEMA_DIR"));
  g_assert_null (strstr (run.err, "GLib-GIO-ERROR"));

  run_without_schema (&run, workspace);
  g_assert_cmpint (exit_status (&run), ==, 1);
  /* It stopped before touching anything. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/app/cli-schema/version-and-help", test_version_and_help);
  g_test_add_func ("/cp/app/cli-schema/check", test_check);
  g_test_add_func ("/cp/app/cli-schema/app-says-why", test_app_says_why);

  return g_test_run ();
}
