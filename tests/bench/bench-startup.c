/* bench-startup.c: cold start to the first drawn frame of the main window, for an empty
 * workspace and for one of 10,000 people, beside a bare GTK 4 window. Prints figures;
 * asserts no time. Run under a display (build-aux/dev bench).
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-startup"

#include <gio/gio.h>
#include <locale.h>
#include <glib/gstdio.h>

#include "../cp-test-util.h"
#include "bench-workspace.h"

#define RUNS 5

/* Spawns @argv and returns the ms until it prints "first-frame", or -1. */
static double
time_to_first_frame (const char * const *argv,
                     char              **envp)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms = -1;
  char *line;

  g_subprocess_launcher_set_environ (launcher, envp);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (proc == NULL)
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL)
    {
      gboolean done = g_str_equal (line, "first-frame");

      g_free (line);
      if (done)
        {
          ms = (g_get_monotonic_time () - start) / 1000.0;
          break;
        }
    }
  g_subprocess_wait (proc, NULL, NULL);
  return ms;
}

static double
median_first_frame (const char * const *argv,
                    char              **envp)
{
  double runs[RUNS];

  for (int i = 0; i < RUNS; i++)
    runs[i] = time_to_first_frame (argv, envp);
  qsort (runs, RUNS, sizeof (double), cp_test_compare_doubles);
  return runs[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *cpkit = g_getenv ("CPKIT_BIN");
  g_autofree char *bare = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpkit-bench-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.cpkit", NULL);
  g_autofree char *big = g_build_filename (dir, "ten-thousand.cpkit", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  double t_bare, t_empty, t_big;

  setlocale (LC_ALL, "");
  if (cpkit == NULL)
    {
      g_printerr ("Set CPKIT_BIN to the cpkit executable (build-aux/dev bench does).\n");
      return 2;
    }
  bare = g_build_filename (g_path_get_dirname (argv[0]), "bare-window", NULL);
  envp = g_environ_setenv (envp, "CPKIT_BENCH_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);

  bench_make_workspace (empty, 0);
  bench_make_workspace (big, 10000);

  {
    const char *bare_argv[] = { bare, NULL };
    const char *empty_argv[] = { cpkit, "--workspace", empty, NULL };
    const char *big_argv[] = { cpkit, "--workspace", big, NULL };

    t_bare = median_first_frame (bare_argv, envp);
    t_empty = median_first_frame (empty_argv, envp);
    t_big = median_first_frame (big_argv, envp);
  }

  g_print ("Cold start to the first drawn frame (median of %d runs)\n", RUNS);
  g_print ("  %-44s %8.1f ms   (floor)\n", "bare GTK 4 window", t_bare);
  g_print ("  %-44s %8.1f ms   %.2f× the floor\n", "cpkit, empty workspace", t_empty,
           t_empty / t_bare);
  g_print ("  %-44s %8.1f ms   %.2f× the floor\n", "cpkit, 10,000 people, list shown", t_big,
           t_big / t_bare);

  g_remove (empty);
  g_remove (big);
  return 0;
}
