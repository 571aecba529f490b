/* test-netmap-io-tools.c: the exported network read by a researcher's tools: networkx
 * for GraphML, Python's csv module (as a spreadsheet reads it) for CSV
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-io"

#include <string.h>

#include "test-netmap-io-util.h"
#include "export/cp-export-network.h"
#include "util/cp-date.h"
#include "util/cp-enum.h"

typedef struct
{
  CpTestWorkspace  ws;
  gint64           person;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "tools.cpkit");
  f->person = netmap_io_fill (f->ws.store, NETMAP_IO_CASE_REF, NULL);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  cp_test_workspace_clear (&f->ws);
  cp_date_set_today_for_testing (NULL);
}

static GStrv
export (Fixture         *f,
        CpNetworkFormat  format,
        gboolean         identifiable,
        const char      *name)
{
  return netmap_io_export (f->ws.store, f->person, format, identifiable, f->ws.dir, name);
}

/* What tests/netmap-io-read.py saw, one line each (every line ends in a tab) */
static GStrv
read_with_python (const char *mode,
                  const char *path,
                  const char *ties)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "netmap-io-read.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, mode, path, ties, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cp_test_run (argv, NULL, NULL, &out, &err);

  if (status != 0)
    g_error ("netmap-io-read.py %s failed (%d): %s", mode, status, err);
  g_test_message ("%s", out);
  return g_strsplit (out, "\n", -1);
}

/* The one line that starts with @start and holds @cell ("\tname=str:Sam\t"); NULL when
 * @cell is NULL and no line starts with @start. Fails on two. */
static const char *
find_line (GStrv       lines,
           const char *start,
           const char *cell)
{
  const char *found = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start) && (cell == NULL || strstr (lines[i], cell) != NULL))
      {
        if (found != NULL)
          g_error ("two lines start “%s” and hold “%s”", start, cell);
        found = lines[i];
      }
  if (found == NULL)
    g_error ("no line starts “%s” and holds “%s”", start, cell);
  return found;
}

static void
assert_holds (const char *line,
              const char *key,
              const char *type,
              const char *value)
{
  g_autofree char *cell = g_strdup_printf ("\t%s=%s:%s\t", key, type, value);

  if (strstr (line, cell) == NULL)
    g_error ("“%s” does not hold “%s”", line, cell);
}

static void
assert_lacks (const char *line,
              const char *key)
{
  g_autofree char *cell = g_strdup_printf ("\t%s=", key);

  if (strstr (line, cell) != NULL)
    g_error ("“%s” holds “%s”", line, key);
}

/* "m3" from "node\tm3\t…" (the word after the first tab) */
static char *
id_of (const char *line)
{
  const char *start = strchr (line, '\t') + 1;

  return g_strndup (start, strcspn (start, "\t"));
}

/* Every tie, as the lines "@kind\tA\tB\t" (ids sorted) with its strength, where @ids
 * holds each member's id in the file */
static void
assert_ties (GStrv       lines,
             const char *kind,
             GPtrArray  *ids)
{
  for (guint i = 0; i < netmap_io_n_ties; i++)
    {
      const char *a = g_ptr_array_index (ids, netmap_io_ties[i].a);
      const char *b = g_ptr_array_index (ids, netmap_io_ties[i].b);
      g_autofree char *start = g_strdup_printf ("%s\t%s\t%s\t", kind, strcmp (a, b) < 0 ? a : b,
                                                strcmp (a, b) < 0 ? b : a);

      assert_holds (find_line (lines, start, NULL), "strength", "str",
                    cp_enum_to_nick (CP_TYPE_NETMAP_TIE_STRENGTH, netmap_io_ties[i].strength));
    }
}

static const char *
py_bool (gboolean value)
{
  return value ? "True" : "False";
}

/* networkx reads the GraphML export as an undirected graph with typed attributes: the
 * person at the centre, every member with what was recorded (numbers as numbers,
 * yes/no as booleans), every tie, and nothing of caution flags. */
static void
test_networkx (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) named = export (f, CP_NETWORK_FORMAT_GRAPHML, TRUE, "named.graphml");
  g_auto(GStrv) plain = export (f, CP_NETWORK_FORMAT_GRAPHML, FALSE, "plain.graphml");
  g_auto(GStrv) lines = read_with_python ("graphml", named[0], NULL);
  g_auto(GStrv) plain_lines = read_with_python ("graphml", plain[0], NULL);
  g_autofree char *counts = g_strdup_printf ("counts\tnodes=int:%u\tedges=int:%u\t",
                                             netmap_io_n_members + 1, netmap_io_n_ties);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *line;

  line = find_line (lines, "graph\tGraph\t", NULL);
  assert_holds (line, "directed", "bool", "False");
  assert_holds (line, "label", "str", "Baseline");
  assert_holds (line, "taken_on", "str", NETMAP_IO_TODAY);
  assert_holds (line, "pseudonymised", "bool", "False");
  find_line (lines, counts, NULL);

  line = find_line (lines, "node\t", "\tcentre=bool:True\t");
  assert_holds (line, "name", "str", NETMAP_IO_PERSON);
  assert_holds (line, "kind", "str", "person");

  for (guint i = 0; i < netmap_io_n_members; i++)
    {
      const NetmapIoMember *m = &netmap_io_members[i];
      g_autofree char *name = g_strdup_printf ("\tname=str:%s\t", m->name);
      g_autofree char *ring = g_strdup_printf ("%d", m->ring);

      line = find_line (lines, "node\t", name);
      g_ptr_array_add (ids, id_of (line));
      assert_holds (line, "centre", "bool", "False");
      assert_holds (line, "kind", "str", cp_enum_to_nick (CP_TYPE_NETMAP_KIND, m->kind));
      assert_holds (line, "sector", "str", cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, m->sector));
      assert_holds (line, "ring", "int", ring);
      assert_holds (line, "helps_me", "bool", py_bool (m->helps_me));
      assert_holds (line, "hard_going", "bool", py_bool (m->hard_going));
      assert_holds (line, "want_more", "bool", py_bool (m->want_more));
      assert_holds (line, "met_through_us", "bool", py_bool (m->met_through_us));
      assert_holds (line, "mostly_online", "bool", py_bool (m->mostly_online));
      assert_holds (line, "died", "bool", py_bool (m->died));
      assert_holds (line, "added_on", "str", NETMAP_IO_TODAY);
      g_assert_nonnull (strstr (line, "\tangle=float:"));
      if (m->frequency >= 0)
        {
          g_autofree char *frequency = g_strdup_printf ("%d", m->frequency);

          assert_holds (line, "frequency", "int", frequency);
        }
      else
        assert_lacks (line, "frequency");   /* not recorded is not 0 */
      if (m->paid >= 0)
        assert_holds (line, "paid", "bool", py_bool (m->paid));
      else
        assert_lacks (line, "paid");
      g_assert_null (strstr (line, "caution"));
    }
  assert_holds (find_line (lines, "node\t", "\tname=str:Alexandra Quinn\t"), "support", "str",
                "emotional, practical");

  assert_ties (lines, "edge", ids);

  /* Pseudonymised: initials, and the file says so */
  assert_holds (find_line (plain_lines, "graph\tGraph\t", NULL), "pseudonymised", "bool", "True");
  assert_holds (find_line (plain_lines, "node\t", "\tcentre=bool:True\t"), "name", "str", "RM");
  find_line (plain_lines, "node\t", "\tname=str:DEM\t");
}

/* A spreadsheet's reader (Python's csv module, strict) reads both CSV files: a row per
 * member and per tie, UTF-8 names whole, and a name that looks like a formula kept as
 * text behind a '. */
static void
test_csv_module (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(GStrv) paths = export (f, CP_NETWORK_FORMAT_CSV, TRUE, "sheet.csv");
  g_auto(GStrv) lines = read_with_python ("csv", paths[0], paths[1]);
  g_autofree char *members = g_strdup_printf ("members\trows=int:%u\t", netmap_io_n_members);
  g_autofree char *ties = g_strdup_printf ("ties\trows=int:%u\t", netmap_io_n_ties);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  find_line (lines, members, NULL);
  find_line (lines, ties, NULL);
  for (guint i = 0; i < netmap_io_n_members; i++)
    {
      const NetmapIoMember *m = &netmap_io_members[i];
      gboolean formula = strchr ("=+-@", m->name[0]) != NULL;
      g_autofree char *name = g_strdup_printf ("\tname=str:%s%s\t", formula ? "'" : "", m->name);
      g_autofree char *ring = g_strdup_printf ("%d", m->ring);
      const char *line = find_line (lines, "member\t", name);

      g_ptr_array_add (ids, id_of (line));
      assert_holds (line, "kind", "str", cp_enum_to_nick (CP_TYPE_NETMAP_KIND, m->kind));
      assert_holds (line, "sector", "str", cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, m->sector));
      assert_holds (line, "ring", "str", ring);
      assert_holds (line, "died", "str", m->died ? "true" : "false");
      g_assert_null (strstr (line, "caution"));
    }
  assert_ties (lines, "tie", ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cp/netmap/io/tools/networkx", Fixture, NULL, set_up, test_networkx,
              tear_down);
  g_test_add ("/cp/netmap/io/tools/csv-module", Fixture, NULL, set_up, test_csv_module,
              tear_down);

  return g_test_run ();
}
