/* test-netmap-io-cli.c: `cpkit export-network` and `cpkit import-network`, run as a
 * script would run them, with no display
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-io"

#include <string.h>

#include "test-netmap-io-util.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"
#include "util/cp-date.h"

typedef struct
{
  char   *dir;
  char   *path;      /* the workspace, closed between runs */
  gint64  person;
  char   *person_arg;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  CpTestWorkspace ws;

  cp_test_workspace_init (&ws, "cli.cpkit");
  f->person = netmap_io_fill (ws.store, NETMAP_IO_CASE_REF, NULL);
  f->person_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->person);
  cp_store_close (ws.store);
  g_clear_object (&ws.store);
  /* The folder is ours now: cleared in tear_down */
  f->dir = g_steal_pointer (&ws.dir);
  f->path = g_steal_pointer (&ws.path);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  cp_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->person_arg);
  cp_date_set_today_for_testing (NULL);
}

/* Runs `cpkit @args…` with no display, no session bus and a data folder of its own
 * (so it cannot reach any other workspace); returns the exit status. */
static int
cpkit (Fixture             *f,
       const char * const  *args,
       char               **out,
       char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = g_build_filename (f->dir, "data-home", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  char *ignored_err = NULL;
  int status;

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("CPKIT_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  status = cp_test_run ((const char * const *) argv->pdata, NULL, envp, out,
                        err != NULL ? err : &ignored_err);
  if (ignored_err != NULL && *ignored_err != '\0')
    g_test_message ("cpkit %s: %s", args[0], ignored_err);
  g_free (ignored_err);
  return status;
}

static CpStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CpStore *store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  return store;
}

static guint
count_maps (Fixture *f)
{
  g_autoptr(CpStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (store, f->person, &error);

  g_assert_no_error (error);
  cp_store_close (store);
  return maps->len;
}

static gboolean
file_starts (const char *path,
             const char *head,
             gsize       length)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return size >= length && memcmp (data, head, length) == 0;
}

/* Every format, pseudonymised by default, with no display; the workspace is only read:
 * its bytes stay as they were. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  static const struct
  {
    const char *format;
    const char *file;
    const char *head;
    gsize       length;
  } formats[] = {
    { "graphml", "map.graphml", "<?xml", 5 },
    { "csv", "map.csv", "id,name,", 8 },
    { "png", "map.png", "\x89PNG\r\n", 6 },
    { "svg", "map.svg", "<?xml", 5 },
    { "pdf", "map.pdf", "%PDF-", 5 },
  };
  g_autofree char *before = cp_test_sha256 (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *output = g_build_filename (f->dir, formats[i].file, NULL);
      const char *args[] = { "export-network", "--workspace", f->path, "--person",
                             f->person_arg, "--format", formats[i].format, "--output",
                             output, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) written = NULL;
      g_autofree char *sum = NULL;
      guint n_files;

      g_assert_cmpint (cpkit (f, args, &out, NULL), ==, 0);
      /* It prints the files it wrote, a line each (CSV: after a line on the names) */
      written = g_strsplit (g_strstrip (out), "\n", -1);
      n_files = 0;
      for (guint w = 0; written[w] != NULL; w++)
        if (g_file_test (written[w], G_FILE_TEST_IS_REGULAR))
          {
            g_autoptr(GBytes) bytes = NULL;
            char *contents = NULL;
            gsize size;

            g_assert_true (g_file_get_contents (written[w], &contents, &size, NULL));
            bytes = g_bytes_new_take (contents, size);
            g_assert_false (cp_test_bytes_hold (bytes, "Alexandra"));
            g_assert_false (cp_test_bytes_hold (bytes, "Marsh"));
            n_files++;
          }
      g_assert_cmpuint (n_files, ==, strcmp (formats[i].format, "csv") == 0 ? 2 : 1);
      if (strcmp (formats[i].format, "csv") == 0)
        {
          g_autofree char *members = g_build_filename (f->dir, "map-members.csv", NULL);
          g_autofree char *ties = g_build_filename (f->dir, "map-ties.csv", NULL);

          g_assert_true (file_starts (members, formats[i].head, formats[i].length));
          g_assert_true (file_starts (ties, "source,target,strength", 22));
        }
      else
        g_assert_true (file_starts (output, formats[i].head, formats[i].length));
      sum = cp_test_sha256 (f->path);
      g_assert_cmpstr (sum, ==, before);
    }
}

/* --identifiable writes names and records the export in the disclosure log. */
static void
test_export_identifiable (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *output = g_build_filename (f->dir, "named.graphml", NULL);
  const char *args[] = { "export-network", "--workspace", f->path, "--person", f->person_arg,
                         "--format", "graphml", "--output", output, "--identifiable",
                         "--to", "Team lead", NULL };
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cpkit (f, args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "disclosure log"));
  g_assert_true (g_file_get_contents (output, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Alexandra Quinn"));
  g_assert_null (strstr (text, NETMAP_IO_NOTE));

  store = open_store (f);
  log = cp_store_list_disclosures (store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((CpDisclosure *) g_ptr_array_index (log, 0))->to_whom, ==, "Team lead");
  cp_store_close (store);
}

/* A bad command line, an unknown person, a file in the way: exit 1, a message, nothing
 * written. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *taken = g_build_filename (f->dir, "taken.pdf", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.pdf", NULL);
  const char *bad_format[] = { "export-network", "--workspace", f->path, "--person",
                               f->person_arg, "--format", "docx", "--output", fresh, NULL };
  const char *no_person[] = { "export-network", "--workspace", f->path, "--person", "999",
                              "--format", "pdf", "--output", fresh, NULL };
  const char *in_the_way[] = { "export-network", "--workspace", f->path, "--person",
                               f->person_arg, "--format", "pdf", "--output", taken, NULL };
  const char *no_output[] = { "export-network", "--workspace", f->path, "--person",
                              f->person_arg, "--format", "pdf", NULL };
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  g_assert_cmpint (cpkit (f, bad_format, NULL, &err1), ==, 1);
  g_assert_nonnull (strstr (err1, "graphml, csv, png, svg or pdf"));
  g_assert_cmpint (cpkit (f, no_person, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "no person with that id"));
  g_assert_cmpint (cpkit (f, in_the_way, NULL, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "already exists"));
  g_assert_cmpint (cpkit (f, no_output, NULL, &err4), ==, 1);
  g_assert_nonnull (strstr (err4, "--output"));

  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (taken, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine");
}

/* An export imported back: exit 0, the new map's id on standard output, and the map
 * holds what was exported. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *output = g_build_filename (f->dir, "trip.graphml", NULL);
  const char *export_args[] = { "export-network", "--workspace", f->path, "--person",
                                f->person_arg, "--format", "graphml", "--output", output,
                                "--identifiable", NULL };
  const char *import_args[] = { "import-network", "--workspace", f->path, "--person",
                                f->person_arg, "--input", output, NULL };
  g_autofree char *out = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 current = 0;
  char *end = NULL;

  g_assert_cmpint (cpkit (f, export_args, NULL, NULL), ==, 0);
  g_assert_cmpint (cpkit (f, import_args, &out, NULL), ==, 0);
  id = g_ascii_strtoll (out, &end, 10);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, "\n");

  store = open_store (f);
  g_assert_true (cp_store_get_current_snapshot (store, f->person, &current, &error));
  g_assert_cmpint (current, ==, id);
  model = cp_store_load_snapshot (store, id, &error);
  g_assert_no_error (error);
  netmap_io_assert_same (model);
  cp_store_close (store);

  /* The CSV pair too, the ties file named with --ties */
  {
    g_autofree char *csv = g_build_filename (f->dir, "pair.csv", NULL);
    g_autofree char *members = g_build_filename (f->dir, "pair-members.csv", NULL);
    g_autofree char *ties = g_build_filename (f->dir, "pair-ties.csv", NULL);
    const char *csv_export[] = { "export-network", "--workspace", f->path, "--person",
                                 f->person_arg, "--format", "csv", "--output", csv, NULL };
    const char *csv_import[] = { "import-network", "--workspace", f->path, "--person",
                                 f->person_arg, "--input", members, "--ties", ties, NULL };

    g_assert_cmpint (cpkit (f, csv_export, NULL, NULL), ==, 0);
    g_assert_cmpint (cpkit (f, csv_import, NULL, NULL), ==, 0);
    g_assert_cmpuint (count_maps (f), ==, 3);
  }
}

/* A broken or hostile file, a missing one, a person who is not there: exit 1, a message
 * on standard error, nothing on standard output, and the workspace byte-identical. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *file;     /* in tests/data/netmap-import */
    const char *person;   /* NULL: the fixture's */
    const char *says;
  } cases[] = {
    { "billion-laughs.graphml", NULL, "document type" },
    { "external-entity.graphml", NULL, "document type" },
    { "truncated.graphml", NULL, "cut short" },
    { "tie-to-unknown.graphml", NULL, "Line " },
    { "unterminated-quote.csv", NULL, "" },
    { "no-such-file.graphml", NULL, "No such file" },
    { "good/networkx.graphml", "999", "no person with that id" },
  };
  g_autofree char *before = cp_test_sha256 (f->path);
  guint files = cp_test_count_files (f->dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = g_build_filename (CP_TEST_DATA_DIR, "netmap-import",
                                                 cases[i].file, NULL);
      const char *args[] = { "import-network", "--workspace", f->path, "--person",
                             cases[i].person != NULL ? cases[i].person : f->person_arg,
                             "--input", input, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s", cases[i].file);
      g_assert_cmpint (cpkit (f, args, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "cpkit import-network: "));
      g_assert_nonnull (strstr (err, cases[i].says));
      after = cp_test_sha256 (f->path);
      g_assert_cmpstr (after, ==, before);
      /* A bad file is refused before the workspace is opened at all */
      if (cases[i].person == NULL)
        g_assert_cmpuint (cp_test_count_files (f->dir), ==, files);
    }
  g_assert_cmpuint (count_maps (f), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, set_up, (func), tear_down)

  ADD ("/cp/netmap/io/cli/export", test_export);
  ADD ("/cp/netmap/io/cli/export-identifiable", test_export_identifiable);
  ADD ("/cp/netmap/io/cli/export-refused", test_export_refused);
  ADD ("/cp/netmap/io/cli/import", test_import);
  ADD ("/cp/netmap/io/cli/import-refused", test_import_refused);

  return g_test_run ();
}
