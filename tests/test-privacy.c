/* test-privacy.c: a person's name never leaves through the side doors — log output,
 * the recent-files list, settings and caches.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-privacy"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cp-test-ui.h"

#define CANARY "Quillon Vexmoor-5521"

/* Every file under @dir whose bytes contain @needle, as a newline-separated list. */
static void
find_in_tree (const char *dir,
              const char *needle,
              GString    *found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        find_in_tree (path, needle, found);
      /* The workspace and its backups hold the name by design; nothing else may. */
      else if (!g_str_has_suffix (name, ".cpkit") && !g_str_has_suffix (name, ".cpkit-wal")
               && !g_str_has_suffix (name, ".cpkit-shm")
               && g_file_get_contents (path, &contents, &len, NULL)
               && g_strstr_len (contents, len, needle) != NULL)
        g_string_append_printf (found, "%s\n", path);
    }
}

static void
test_name_stays_in_the_workspace (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (dir, "caseload.cpkit", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  gint64 id;

  /* The canary is in every field a person has. */
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  id = cp_store_add_person (store, CANARY, &error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (cp_store_set_person_notes (store, id, "Notes about " CANARY, &error));
  g_assert_true (cp_store_set_person_case_ref (store, id, CANARY, &error));
  cp_store_close (store);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  g_subprocess_launcher_setenv (launcher, "CPKIT_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CPKIT_BIN"),
                                      "--workspace", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);

  /* The app ran, logged at debug level, drew its window and quit. */
  g_assert_nonnull (strstr (out, "first-frame"));
  g_assert_null (strstr (out, CANARY));
  g_assert_null (strstr (err, CANARY));

  /* Nothing it wrote beside the workspace (settings, recent files, caches) names them. */
  find_in_tree (data, CANARY, found);
  find_in_tree (dir, CANARY, found);
  g_assert_cmpstr (found->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/privacy/name-stays-in-the-workspace",
                   test_name_stays_in_the_workspace);

  return g_test_run ();
}
