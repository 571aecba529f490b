/* test-cli.c: the cpkit executable from the outside: --version, check, and two launches
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-cli"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <signal.h>
#include <sys/wait.h>

#include "cp-test-ui.h"
#include "store/cp-store.h"

static const char *
cpkit_bin (void)
{
  const char *bin = g_getenv ("CPKIT_BIN");

  g_assert_nonnull (bin);
  return bin;
}

/* Runs cpkit with @args and a private data folder; returns the exit status. */
static int
run_cpkit (const char * const *args,
           const char         *data_home,
           char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);

  g_ptr_array_add (argv, (gpointer) cpkit_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return cp_test_run ((const char * const *) argv->pdata, NULL, envp, out, NULL);
}

static void
test_version (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *out = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (run_cpkit (args, dir, &out), ==, 0);
  g_assert_cmpstr (out, ==, "Connecting People Kit " PACKAGE_VERSION "\n");
}

static void
test_check (void)
{
  static const char * const people[] = { "Check Me", NULL };
  const char *dir = cp_test_tmpdir ();
  g_autofree char *good = cp_test_make_workspace (dir, "good.cpkit", people);
  g_autofree char *bad = g_build_filename (dir, "notes.cpkit", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out_bad = NULL;
  const char *good_args[] = { "check", "--workspace", good, NULL };
  const char *bad_args[] = { "check", "--workspace", bad, NULL };

  g_assert_cmpint (run_cpkit (good_args, dir, &out), ==, 0);
  g_assert_nonnull (strstr (out, "ok"));
  /* The report never repeats what is in the file. */
  g_assert_null (strstr (out, "Check Me"));

  g_assert_true (g_file_set_contents (bad, "These are not the notes you are looking for.\n",
                                      -1, NULL));
  g_assert_cmpint (run_cpkit (bad_args, dir, &out_bad), ==, 1);
}

typedef struct
{
  GPid        pid;
  const char *path;
} Launch;

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* TRUE when the launched process holds the workspace's lock: it has it open. */
static gboolean
launch_has_open (gpointer data)
{
  Launch *l = data;
  g_autofree char *host = NULL;
  int pid = 0;

  return cp_store_get_lock_holder (l->path, &pid, &host) && pid == l->pid;
}

/* Starts cpkit on a new workspace, @name.cpkit in the test's folder, with @envp; then a
 * second launch that hands its command line to the first. Once the second's workspace is
 * open in the first, the first has started and handled a command line. Returns the
 * first's pid. */
static GPid
launch_two (const char *name,
            char      **envp)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *first_name = g_strconcat (name, ".cpkit", NULL);
  g_autofree char *second_name = g_strconcat (name, "-second.cpkit", NULL);
  g_autofree char *first = g_build_filename (dir, first_name, NULL);
  g_autofree char *second = g_build_filename (dir, second_name, NULL);
  const char *argv[] = { cpkit_bin (), "--workspace", first, NULL };
  const char *args2[] = { "--workspace", second, NULL };
  g_autoptr(GError) error = NULL;
  Launch launch = { 0, NULL };

  g_assert_true (g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &launch.pid, &error));
  g_assert_no_error (error);
  launch.path = first;
  g_assert_true (cp_test_wait_until (launch_has_open, &launch));

  /* The second launch hands its command line to the first and exits. */
  g_assert_cmpint (run_cpkit (args2, dir, NULL), ==, 0);
  launch.path = second;
  g_assert_true (cp_test_wait_until (launch_has_open, &launch));
  g_assert_true (file_exists (second));
  return launch.pid;
}

static void
stop_launch (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
}

static gboolean
needs_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return FALSE;
  g_test_skip ("needs a session bus (run under dbus-run-session)");
  return TRUE;
}

static void
test_second_launch_reaches_first (void)
{
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                         cp_test_tmpdir (), TRUE);
  g_autofree char *limits_path = NULL;
  g_autofree char *limits = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean seen = FALSE;
  GPid pid;

  if (needs_session_bus ())
    return;
  pid = launch_two ("first", envp);

  /* The running app keeps no core dumps: they would hold whatever was in memory. */
  limits_path = g_strdup_printf ("/proc/%d/limits", pid);
  g_assert_true (g_file_get_contents (limits_path, &limits, NULL, NULL));
  lines = g_strsplit (limits, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Max core file size"))
        {
          g_auto(GStrv) fields = g_strsplit_set (lines[i] + strlen ("Max core file size"),
                                                 " ", -1);
          guint n = 0;

          for (guint j = 0; fields[j] != NULL; j++)
            if (fields[j][0] != '\0' && n++ < 2)
              g_assert_cmpstr (fields[j], ==, "0");
          seen = TRUE;
        }
    }
  g_assert_true (seen);
  stop_launch (pid);
}

/* Whether @pid has Mesa's GL driver mapped: a DRI driver, or the LLVM it brings. */
static gboolean
maps_gl_driver (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/maps", pid);
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents (path, &maps, NULL, NULL));
  return strstr (maps, "_dri.so") != NULL || strstr (maps, "libLLVM") != NULL
         || strstr (maps, "libgallium") != NULL;
}

/* GTK 4 on X11 loads the GL driver as it opens the display, whatever renderer draws. The
 * app draws with Cairo and leaves the driver out (under llvmpipe about 60 MiB, and 70 ms
 * before the first frame), unless the user names a GL renderer. */
static void
test_no_gl_driver (void)
{
  g_auto(GStrv) plain = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                          cp_test_tmpdir (), TRUE);
  g_auto(GStrv) gl = NULL;
  gboolean with_gl;
  GPid pid;

  if (needs_session_bus ())
    return;
  /* As a user starts it: without the tests' own GTK settings. */
  plain = g_environ_unsetenv (plain, "GSK_RENDERER");
  plain = g_environ_unsetenv (plain, "GDK_DEBUG");
  gl = g_environ_setenv (g_strdupv (plain), "GSK_RENDERER", "gl", TRUE);

  pid = launch_two ("gl", gl);
  with_gl = maps_gl_driver (pid);
  stop_launch (pid);
  if (!with_gl)
    {
      g_test_skip ("this machine has no GL driver for the app to leave out");
      return;
    }

  pid = launch_two ("plain", plain);
  g_assert_false (maps_gl_driver (pid));
  stop_launch (pid);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/cli/version", test_version);
  g_test_add_func ("/cp/app/cli/check", test_check);
  g_test_add_func ("/cp/app/cli/second-launch-reaches-first", test_second_launch_reaches_first);
  g_test_add_func ("/cp/app/cli/no-gl-driver", test_no_gl_driver);

  return g_test_run ();
}
