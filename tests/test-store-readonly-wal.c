/* test-store-readonly-wal.c: a read-only workspace whose -wal holds committed work
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-readonly-wal"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"

/* After a crash, the edits of a workspace live in its -wal until the next writer
 * checkpoints them. When the file must be opened read-only (0444, or a read-only
 * folder), a read-only open and `cpkit check` must still read them, or say plainly that
 * they cannot be read (a -wal with no -shm in a folder where none can be made) — never
 * show the older state as if it were the workspace, nor call the file "not a workspace".
 *
 * Root writes through any mode, so the readers run as an unprivileged user (nobody,
 * 65534, through setpriv) when the test runs as root; the files are theirs, as a user's
 * own workspace would be. */

#define NOBODY 65534

typedef enum
{
  SCHEMA_IN_FILE,   /* one person checkpointed into the file, two more in the -wal */
  ALL_IN_WAL,       /* a fresh workspace: even the schema is only in the -wal */
} Layout;

typedef struct
{
  Layout    layout;
  gboolean  folder_writable;
  gboolean  with_shm;
} Case;

/* The files of a workspace with three people, copied while the writer still had them
 * open: as a crash leaves them. */
static void
make_crashed (const char *dir,
              Layout      layout,
              gboolean    with_shm)
{
  g_autofree char *work_dir = g_build_filename (dir, "source", NULL);
  g_autofree char *work = g_build_filename (work_dir, "work.cpkit", NULL);
  static const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;

  g_assert_cmpint (g_mkdir (work_dir, 0700), ==, 0);
  store = cp_store_open (work, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  cp_store_add_person (store, "One", &error);
  g_assert_no_error (error);
  if (layout == SCHEMA_IN_FILE)
    {
      g_clear_object (&store);   /* the last close checkpoints everything */
      store = cp_store_open (work, CP_STORE_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
    }
  cp_store_add_person (store, "Two", &error);
  cp_store_add_person (store, "Three", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (work, suffixes[i], NULL);
      g_autofree char *to_name = g_strconcat ("work.cpkit", suffixes[i], NULL);
      g_autofree char *to = g_build_filename (dir, to_name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (i == 2 && !with_shm)
        continue;
      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      if (i == 1)
        g_assert_cmpuint (len, >, 0);
      g_assert_true (g_file_set_contents_full (to, contents, len, G_FILE_SET_CONTENTS_NONE,
                                               0600, NULL));
      if (geteuid () == 0)
        g_assert_cmpint (chown (to, NOBODY, NOBODY), ==, 0);
    }

  g_clear_object (&store);
  cp_test_rm_rf (work_dir);
}

/* Runs @argv as nobody (when root) with a home of its own; returns its stdout and
 * stderr, and its exit status in @out_status. */
static char *
run_as_user (const char * const *argv,
             const char         *home,
             int                *out_status)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_ptr_array_add (args, (char *) "setpriv");
      g_ptr_array_add (args, (char *) "--reuid=65534");
      g_ptr_array_add (args, (char *) "--regid=65534");
      g_ptr_array_add (args, (char *) "--clear-groups");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_unsetenv (env, "XDG_RUNTIME_DIR");

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &out, &err, out_status, &error));
  g_assert_no_error (error);

  return g_strconcat (out, err, NULL);
}

static void
test_read_only_wal (gconstpointer data)
{
  const Case *c = data;
  const char *helper = g_getenv ("CPKIT_CRASH_HELPER");
  const char *cpkit = g_getenv ("CPKIT_BIN");
  g_autofree char *top = cp_test_make_tmpdir ();
  g_autofree char *home = g_build_filename (top, "home", NULL);
  g_autofree char *dir = g_build_filename (top, "ws", NULL);
  g_autofree char *path = g_build_filename (dir, "work.cpkit", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *look = NULL;
  g_autofree char *check = NULL;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  gboolean readable = c->folder_writable || c->with_shm;
  int status = 0;

  if (helper == NULL || cpkit == NULL)
    {
      g_test_skip ("needs CPKIT_CRASH_HELPER and CPKIT_BIN (run through meson test)");
      return;
    }
  if (geteuid () == 0 && setpriv == NULL)
    {
      g_test_skip ("running as root needs setpriv to test file modes");
      return;
    }

  g_assert_cmpint (g_chmod (top, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  make_crashed (dir, c->layout, c->with_shm);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (home, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (dir, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, c->folder_writable ? 0755 : 0555), ==, 0);
  sum = cp_test_sha256 (path);

  /* What a read-only open shows. */
  {
    const char *argv[] = { helper, "look", path, NULL };

    look = run_as_user (argv, home, &status);
    g_test_message ("look: %s", look);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  if (readable)
    {
      /* All three, with nothing to warn about. */
      g_assert_nonnull (strstr (look, "people 3\n"));
      g_assert_nonnull (strstr (look, "warnings 0\n"));
    }
  else if (c->layout == SCHEMA_IN_FILE)
    {
      g_autofree char *want = g_strdup_printf ("warnings %d\n",
                                               CP_STORE_WARNING_RECENT_UNREADABLE);

      /* What the file alone holds, and a warning that it is not the latest. */
      g_assert_nonnull (strstr (look, "people 1\n"));
      g_assert_nonnull (strstr (look, want));
    }
  else
    {
      g_autofree char *want = g_strdup_printf ("error %d\n", CP_STORE_ERROR_READ_ONLY);

      /* The file alone is not a workspace yet: it is not shown as an empty one. */
      g_assert_nonnull (strstr (look, want));
    }

  /* What `cpkit check` says. */
  {
    const char *argv[] = { cpkit, "check", "--workspace", path, NULL };

    check = run_as_user (argv, home, &status);
    g_test_message ("cpkit check: %s", check);
  }
  g_assert_null (strstr (check, "not a workspace"));
  g_assert_null (strstr (check, "damaged"));
  if (readable)
    {
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      g_assert_nonnull (strstr (check, "People: 3\n"));
      g_assert_nonnull (strstr (check, "Result: ok\n"));
    }
  else
    {
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) != 0);
      g_assert_nonnull (strstr (check, "recent changes"));
      g_assert_nonnull (strstr (check, "cannot be read"));
    }

  /* Read-only means the file itself was never changed. */
  {
    g_autofree char *now = cp_test_sha256 (path);

    g_assert_cmpstr (now, ==, sum);
  }

  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  cp_test_rm_rf (top);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { SCHEMA_IN_FILE, TRUE, FALSE },
    { SCHEMA_IN_FILE, FALSE, TRUE },
    { SCHEMA_IN_FILE, FALSE, FALSE },
    { ALL_IN_WAL, TRUE, FALSE },
    { ALL_IN_WAL, TRUE, TRUE },
    { ALL_IN_WAL, FALSE, FALSE },
  };
  static const char *names[] = {
    "/cp/store/readonly-wal/file-0444",
    "/cp/store/readonly-wal/folder-0555-with-shm",
    "/cp/store/readonly-wal/folder-0555-no-shm",
    "/cp/store/readonly-wal/fresh-file-0444",
    "/cp/store/readonly-wal/fresh-file-0444-with-shm",
    "/cp/store/readonly-wal/fresh-folder-0555-no-shm",
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (names[i], &cases[i], test_read_only_wal);

  return g_test_run ();
}
