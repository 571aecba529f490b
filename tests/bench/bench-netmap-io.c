/* bench-netmap-io.c: a network map of 300 members and 1,000 ties out as GraphML, CSV,
 * PNG, SVG and PDF, and back in
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures, on the map bench-netmap draws (kept in a workspace, as the app keeps it):
 *   (a) each export, written as the app writes it: read from the store, drawn or
 *       formatted, synced and published (goal ≤ 1 s each)
 *   (b) reading the GraphML and the CSV export back, the whole file checked (goal ≤ 1 s)
 *   (c) the import of the GraphML into the workspace as a new map (goal ≤ 1 s)
 * Prints median and worst of several runs beside each goal, in CPU time of this thread;
 * asserts no time.
 *
 * Usage: bench-netmap-io [FOLDER]   (where the files go; default: a temporary folder,
 * removed at the end)
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-netmap-io"

#include <glib/gstdio.h>
#include <locale.h>

#include "export/cp-export-network.h"
#include "export/cp-import-network.h"
#include "store/cp-store-netmap.h"
#include "bench-netmap-util.h"

#define RUNS 3

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-netmap-io: %s: %s\n", what, error->message);
  exit (1);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) map = bench_netmap_big_map ();
  g_autofree char *dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("cp-bench-io-XXXXXX",
                                                                          NULL);
  g_autofree char *workspace = NULL;
  g_autofree char *graphml = NULL;
  g_auto(GStrv) csv = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 person;

  /* the locale's charset for g_print (), so that "≤" prints as itself */
  setlocale (LC_ALL, "");
  if (dir == NULL || g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_printerr ("bench-netmap-io: no folder for the files\n");
      return 1;
    }
  workspace = g_build_filename (dir, "bench-io.cpkit", NULL);
  if (!(store = cp_store_open (workspace, CP_STORE_OPEN_NO_BACKUP, &error)))
    die ("workspace", error);
  if ((person = cp_store_add_person (store, "Bench", &error)) == 0 ||
      cp_store_import_snapshot (store, person, map, NULL, NULL, &error) == 0)
    die ("the map", error);
  g_print ("a map of %u members and %u ties\n", cp_netmap_model_get_n_members (map),
           cp_netmap_model_get_n_ties (map));

  /* (a) exports */
  for (int format = 0; format < CP_NETWORK_N_FORMATS; format++)
    {
      const char *word = cp_network_format_to_string (format);
      g_autofree char *what = g_strdup_printf ("export %s", word);
      goffset bytes = 0;

      g_array_set_size (ms, 0);
      for (guint k = 0; k < RUNS; k++)
        {
          CpNetworkExportOptions options = { .format = format };
          g_autofree char *name = g_strdup_printf ("map-%u.%s", k, word);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_auto(GStrv) written = NULL;
          double t0 = bench_now_ms ();
          double t;

          if (!cp_network_export_write (store, person, 0, &options, path, &written, &error))
            die (what, error);
          t = bench_now_ms () - t0;
          g_array_append_val (ms, t);
          bytes = 0;
          for (guint i = 0; written[i] != NULL; i++)
            {
              GStatBuf st;

              if (g_stat (written[i], &st) == 0)
                bytes += st.st_size;
            }
          if (k == 0 && format == CP_NETWORK_FORMAT_GRAPHML)
            graphml = g_strdup (written[0]);
          if (k == 0 && format == CP_NETWORK_FORMAT_CSV)
            csv = g_strdupv (written);
        }
      bench_report (what, ms, "\xe2\x89\xa4 1000 ms");
      g_print ("  %s: %ld kB\n", word, (long) (bytes / 1024));
    }

  /* (b) reading back */
  g_array_set_size (ms, 0);
  for (guint k = 0; k < RUNS; k++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(CpNetmapModel) back = cp_network_import_read (graphml, NULL, &error);
      double t = bench_now_ms () - t0;

      if (back == NULL)
        die ("read graphml", error);
      g_array_append_val (ms, t);
    }
  bench_report ("read the graphml export", ms, "\xe2\x89\xa4 1000 ms");
  g_array_set_size (ms, 0);
  for (guint k = 0; k < RUNS; k++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(CpNetmapModel) back = cp_network_import_read (csv[0], csv[1], &error);
      double t = bench_now_ms () - t0;

      if (back == NULL)
        die ("read csv", error);
      g_array_append_val (ms, t);
    }
  bench_report ("read the csv export", ms, "\xe2\x89\xa4 1000 ms");

  /* (c) into the workspace */
  g_array_set_size (ms, 0);
  for (guint k = 0; k < RUNS; k++)
    {
      double t0 = bench_now_ms ();
      double t;

      if (cp_network_import_file (store, person, graphml, NULL, &error) == 0)
        die ("import", error);
      t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  bench_report ("import the graphml as a new map", ms, "\xe2\x89\xa4 1000 ms");

  cp_store_close (store);
  if (argc <= 1)
    remove_all (dir);
  return 0;
}
