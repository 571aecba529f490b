/* bench-startup.c: cold start to the first drawn frame of the main window, for the
 * practice workspace, a PDF given on the command line and a workspace of 10,000 people
 * with the list shown, beside a libadwaita hello window in the same run. Prints figures;
 * asserts no time. Run under a display inside a session bus (build-aux/dev bench), so
 * GApplication registers as on a desktop.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-startup"

#include <gio/gio.h>
#include <locale.h>

#include "../cp-test-util.h"
#include "bench-quick.h"
#include "bench-workspace.h"

#define RUNS 10   /* in quick mode 2 */

/* Spawns @argv and returns the ms until it prints "first-frame CPU", or -1; sets @cpu
 * to the CPU time it reports. */
static double
time_to_first_frame (const char * const *argv,
                     char              **envp,
                     double             *cpu)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms = -1;
  char *line;

  *cpu = -1;
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
      gboolean done = g_str_has_prefix (line, "first-frame");

      if (done)
        {
          ms = (g_get_monotonic_time () - start) / 1000.0;
          *cpu = g_ascii_strtod (line + strlen ("first-frame"), NULL);
        }
      g_free (line);
      if (done)
        break;
    }
  g_subprocess_wait (proc, NULL, NULL);
  return ms;
}

static double
median (double *runs,
        int     n)
{
  qsort (runs, n, sizeof (double), cp_test_compare_doubles);
  return (runs[n / 2 - 1] + runs[n / 2]) / 2;
}

typedef struct
{
  const char *label;
  gboolean    no_gl;    /* started with GDK_DEBUG=gl-disable */
  const char *argv[5];
  char      **envp;     /* the run's, or the run's with no_gl */
  double      wall[RUNS];
  double      cpu[RUNS];
} Case;

int
main (int   argc,
      char *argv[])
{
  const char *cpkit = g_getenv ("CPKIT_BIN");
  g_autofree char *bindir = g_path_get_dirname (argv[0]);
  g_autofree char *hello = g_build_filename (bindir, "hello-window", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cpkit-bench-XXXXXX", NULL);
  g_autofree char *big = g_build_filename (dir, "ten-thousand.cpkit", NULL);
  g_autofree char *pdf = g_build_filename (dir, "generated-120.pdf", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) envp_no_gl = NULL;
  /* The first case is the floor. GTK 4 on X11 loads the GL driver as it opens the
   * display, whatever the renderer; cpkit leaves it out (cp-application-early.c). The
   * second row shows the hello window without it too (GDK_DEBUG=gl-disable). */
  Case cases[] = {
    { "libadwaita hello window", FALSE, { hello, NULL } },
    { "  the same, no GL driver", TRUE, { hello, NULL } },
    { "cpkit --practice", FALSE, { cpkit, "--practice", NULL } },
    { "cpkit FILE.pdf (120 pages)", FALSE, { cpkit, pdf, NULL } },
    { "cpkit, 10,000 people, list shown", FALSE, { cpkit, "--workspace", big, NULL } },
  };
  int runs = BENCH_QUICK (RUNS, 2);
  double floor_wall, floor_cpu, unused;

  setlocale (LC_ALL, "");
  if (cpkit == NULL)
    {
      g_printerr ("Set CPKIT_BIN to the cpkit executable (build-aux/dev bench does).\n");
      return 2;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_printerr ("No session bus: run inside dbus-run-session for desktop-like figures.\n");
  envp = g_environ_setenv (envp, "CPKIT_BENCH_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", dir, TRUE);
  envp = g_environ_unsetenv (envp, "GDK_DEBUG");
  envp_no_gl = g_environ_setenv (g_strdupv (envp), "GDK_DEBUG", "gl-disable", TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    cases[c].envp = cases[c].no_gl ? envp_no_gl : envp;

  bench_make_workspace (big, BENCH_QUICK (10000, 300));
  cp_test_pdf_write_many (pdf, BENCH_QUICK (120, 12));

  /* One start of each first, not counted: it creates the practice and default workspaces
   * and warms the page cache. Then the cases take turns, so that a busy moment on the
   * machine falls on all of them alike. */
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    time_to_first_frame (cases[c].argv, cases[c].envp, &unused);
  for (int i = 0; i < runs; i++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        cases[c].wall[i] = time_to_first_frame (cases[c].argv, cases[c].envp,
                                                 &cases[c].cpu[i]);
        if (cases[c].wall[i] < 0)
          {
            g_printerr ("%s: no first frame\n", cases[c].label);
            bench_remove_tree (dir);
            return 1;
          }
      }

  /* The CPU time the process used until then too: on a shared machine the wall clock
   * also counts the time spent waiting for a core. */
  g_print ("Cold start to the first drawn frame (median of %d runs, same run)\n", runs);
  g_print ("  %-36s %10s %8s %10s %8s\n", "", "wall ms", "", "CPU ms", "");
  floor_wall = median (cases[0].wall, runs);
  floor_cpu = median (cases[0].cpu, runs);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double wall = c == 0 ? floor_wall : median (cases[c].wall, runs);
      double cpu = c == 0 ? floor_cpu : median (cases[c].cpu, runs);

      g_print ("  %-36s %10.1f %7.2f× %10.1f %7.2f×%s\n", cases[c].label, wall,
               wall / floor_wall, cpu, cpu / floor_cpu, c == 0 ? "   (floor)" : "");
    }

  bench_remove_tree (dir);
  return 0;
}
