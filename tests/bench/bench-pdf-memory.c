/* bench-pdf-memory.c: peak memory while paging through a long PDF with PgDn, in cpkit
 * and, when they are installed, in Evince and Zathura, beside the poppler floor, all in
 * the same run. Prints figures; asserts nothing. Run under a display with xdotool
 * (build-aux/dev bench).
 *
 * Usage: bench-pdf-memory [FILE.pdf…]. Without files: the training manual and a generated
 * 120-page PDF. Each viewer is started on a fresh profile, its window sized to
 * WIDTH × HEIGHT and focused, then gets PgDn KEYS times, KEY_DELAY_MS apart; its peak RSS
 * (VmHWM) is read before it is stopped. The floor is a process of its own that renders
 * every page reached with a plain poppler_page_render loop at fit-width for the same
 * window, one page at a time. Each viewer starts as a user starts it, with neither
 * GSK_RENDERER nor GDK_DEBUG set; cpkit once more with GSK_RENDERER=gl, the GL renderer a
 * user can opt into, which loads the GL driver.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-pdf-memory"

#include <locale.h>
#include <signal.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "../cp-test-util.h"
#include "bench-quick.h"

#define WIDTH        1000
#define HEIGHT       900
#define KEYS         BENCH_QUICK (130, 5)
#define KEY_DELAY_MS 100

/* VmHWM of @pid in KiB, or -1. */
static long
peak_rss_kib (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

/* ---- The floor: run as "bench-pdf-memory --floor FILE" ------------------------------- */

static int
run_floor (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  int n;

  if (doc == NULL)
    return 1;
  n = MIN (poppler_document_get_n_pages (doc), KEYS);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_object_unref (page);
      cp_test_poppler_render_page (doc, i, (WIDTH - 24) / w);
    }
  g_object_unref (doc);
  g_print ("%ld\n", peak_rss_kib (getpid ()));
  return 0;
}

static long
measure_floor (const char *self,
               const char *path)
{
  const char *argv[] = { self, "--floor", path, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return -1;
  return strtol (out, NULL, 10);
}

/* ---- A viewer driven by xdotool ------------------------------------------------------ */

static gboolean
xdotool (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) "timeout");
  g_ptr_array_add (argv, (char *) "20");
  g_ptr_array_add (argv, (char *) "xdotool");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                       out, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

/* Peak RSS in KiB of @argv paged through with @n_keys PgDn (none: only opened), or -1
 * (the reason on stderr); @opened_kib: the peak once the document was open, before the
 * first key. @renderer: GSK_RENDERER, or NULL for none. */
static long
measure_viewer (const char * const *argv,
                guint               n_keys,
                const char         *renderer,
                const char         *profile,
                long               *opened_kib)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                               | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *pid = NULL;
  g_autofree char *found = NULL;
  g_autofree char *delay = g_strdup_printf ("%d", KEY_DELAY_MS);
  g_autofree char *width = g_strdup_printf ("%d", WIDTH);
  g_autofree char *height = g_strdup_printf ("%d", HEIGHT);
  char *wid;
  long peak;

  static const char *dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };

  /* A new machine: nothing remembered from an earlier run. */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (profile, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_subprocess_launcher_setenv (launcher, dirs[i], dir, TRUE);
    }
  g_subprocess_launcher_unsetenv (launcher, "GDK_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "GSK_RENDERER");
  if (renderer != NULL)
    g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (proc == NULL)
    {
      g_printerr ("  %s: %s\n", argv[0], error->message);
      return -1;
    }
  pid = g_strdup (g_subprocess_get_identifier (proc));
  if (!xdotool (&found, "search", "--sync", "--onlyvisible", "--pid", pid, NULL)
      || found == NULL || *found == '\0')
    {
      g_printerr ("  %s: no window appeared\n", argv[0]);
      g_subprocess_force_exit (proc);
      return -1;
    }
  /* The last window listed; the first line is enough for these viewers. */
  wid = g_strstrip (found);
  if (strchr (wid, '\n') != NULL)
    *strchr (wid, '\n') = '\0';
  xdotool (NULL, "windowsize", "--sync", wid, width, height, NULL);
  xdotool (NULL, "windowfocus", "--sync", wid, NULL);
  settle (2000);   /* opened and the first pages drawn */
  *opened_kib = peak_rss_kib (atoi (pid));

  if (n_keys > 0)
    {
      /* One xdotool for every key: the delay between them is xdotool's own. */
      g_ptr_array_add (keys, (char *) "xdotool");
      g_ptr_array_add (keys, (char *) "key");
      g_ptr_array_add (keys, (char *) "--delay");
      g_ptr_array_add (keys, delay);
      for (guint i = 0; i < n_keys; i++)
        g_ptr_array_add (keys, (char *) "Next");
      g_ptr_array_add (keys, NULL);
      g_spawn_sync (NULL, (char **) keys->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                    NULL, NULL, NULL);
      settle (1500);   /* the last pages drawn */
    }

  peak = peak_rss_kib (atoi (pid));
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, NULL);
  return peak;
}

static void
print_row (const char *who,
           long        kib,
           long        floor_kib,
           long        opened_kib)
{
  if (kib < 0)
    g_print ("  %-34s %s\n", who, "—");
  else if (floor_kib > 0)
    g_print ("  %-34s %7.1f MiB   %.2f× the floor   (%.1f MiB once open, before paging)\n",
             who, kib / 1024.0, (double) kib / floor_kib, opened_kib / 1024.0);
  else
    g_print ("  %-34s %7.1f MiB\n", who, kib / 1024.0);
}

/* FALSE when the viewer could not be measured. */
static gboolean
measure_and_print (const char         *who,
                   const char * const *argv,
                   const char         *renderer,
                   const char         *profile,
                   long                floor_kib)
{
  long opened = -1;
  long peak = measure_viewer (argv, KEYS, renderer, profile, &opened);

  print_row (who, peak, floor_kib, opened);
  cp_test_rm_rf (profile);
  return peak >= 0;
}

/* FALSE when cpkit could not be measured. */
static gboolean
bench_file (const char *self,
            const char *path,
            const char *tmpdir)
{
  static const char *peers[] = { "evince", "zathura" };
  const char *cpkit = g_getenv ("CPKIT_BIN");
  long floor_kib = measure_floor (self, path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *profile = g_build_filename (tmpdir, "profile", NULL);
  gboolean ok = TRUE;

  g_print ("%s: peak RSS after PgDn ×%d, %d ms apart, window %d × %d\n", name, KEYS,
           KEY_DELAY_MS, WIDTH, HEIGHT);
  print_row ("poppler floor (plain render loop)", floor_kib, 0, 0);

  if (cpkit == NULL)
    g_print ("  cpkit: skipped (set CPKIT_BIN; build-aux/dev bench does)\n");
  else
    {
      const char *argv[] = { cpkit, path, NULL };

      /* As it starts, cpkit draws with Cairo and leaves out the GL driver that GTK 4 on
       * X11 would load as it opens the display (cp-application-early.c); GTK 3 does not
       * load it once the visuals are known (see main ()). The second row: opted into
       * GTK's GL renderer. */
      ok &= measure_and_print ("cpkit", argv, NULL, profile, floor_kib);
      ok &= measure_and_print ("cpkit, GSK_RENDERER=gl", argv, "gl", profile, floor_kib);
    }

  for (guint i = 0; i < G_N_ELEMENTS (peers) && !bench_quick (); i++)
    {
      g_autofree char *bin = g_find_program_in_path (peers[i]);
      const char *argv[] = { bin, path, NULL };

      if (bin == NULL)
        {
          g_print ("  %-34s skipped: not installed (apt-get install %s)\n", peers[i],
                   peers[i]);
          continue;
        }
      measure_and_print (peers[i], argv, NULL, profile, floor_kib);
    }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *xdotool_bin = g_find_program_in_path ("xdotool");
  g_autofree char *evince = g_find_program_in_path ("evince");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--floor"))
    return run_floor (argv[2]);

  if (g_getenv ("DISPLAY") == NULL || xdotool_bin == NULL)
    {
      g_print ("skipped: needs a display and xdotool (build-aux/dev bench)\n");
      return 0;
    }

  tmpdir = g_dir_make_tmp ("cpkit-bench-XXXXXX", NULL);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_strdup (argv[i]));
  if (files->len == 0)
    {
      if (!bench_quick ())
        g_ptr_array_add (files, g_build_filename (CPKIT_BUILD_MANUALS_DIR,
                                                  "training-manual.pdf", NULL));
      generated = g_build_filename (tmpdir, "generated-120.pdf", NULL);
      cp_test_pdf_write_many (generated, BENCH_QUICK (120, 12));
      g_ptr_array_add (files, g_strdup (generated));
    }

  g_print ("GSK renderer: cpkit's own choice, Cairo, unless the row names another (the GL "
           "renderer\nunder llvmpipe keeps copies of textures); the GTK 3 peers draw with "
           "Cairo\n");
  /* The first GTK 3 program on a display loads the GL driver to find its visuals and
   * records them on the root window (GDK_VISUALS); later ones read them and load no GL
   * driver, 50 MiB less under llvmpipe. On a desktop that first program ran long ago:
   * one start of Evince first, so that each peer is measured as it runs there. (It lasts
   * on a server started with -noreset, as build-aux/dev's is.) */
  if (evince != NULL && !bench_quick ())
    {
      g_autofree char *profile = g_build_filename (tmpdir, "profile", NULL);
      const char *argv_evince[] = { evince, files->pdata[0], NULL };
      long opened;

      measure_viewer (argv_evince, 0, NULL, profile, &opened);   /* started, not paged */
      cp_test_rm_rf (profile);
    }
  for (guint i = 0; i < files->len; i++)
    ok &= bench_file (argv[0], files->pdata[i], tmpdir);

  cp_test_rm_rf (tmpdir);
  return ok ? 0 : 1;
}
