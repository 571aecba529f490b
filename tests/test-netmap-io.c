/* test-netmap-io.c: a network map out as GraphML, CSV, PNG, SVG and PDF, and back in
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-io"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-netmap-io-util.h"
#include "export/cp-export-network.h"
#include "export/cp-import-network.h"
#include "export/cp-network-private.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"
#include "util/cp-date.h"

typedef struct
{
  CpTestWorkspace  ws;
  gint64           person;
  gint64           snapshot;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "io.cpkit");
  f->person = netmap_io_fill (f->ws.store, NETMAP_IO_CASE_REF, &f->snapshot);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  cp_test_workspace_clear (&f->ws);
  cp_date_set_today_for_testing (NULL);
}

/* Exports the current map; returns the paths written. */
static GStrv
export (Fixture         *f,
        CpNetworkFormat  format,
        gboolean         identifiable,
        const char      *name)
{
  return netmap_io_export (f->ws.store, f->person, format, identifiable, f->ws.dir, name);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static guint
count_disclosures (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = cp_store_list_disclosures (f->ws.store, f->person, &error);

  g_assert_no_error (error);
  return log->len;
}

/* ---- file names -------------------------------------------------------------------------- */

static char *
file_name (Fixture         *f,
           CpNetworkFormat  format)
{
  CpNetworkExportOptions options = { .format = format };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetworkExport) e = cp_network_export_new (f->ws.store, f->person, 0, &options,
                                                        &error);

  g_assert_no_error (error);
  return cp_network_export_dup_file_name (e);
}

/* Named by the case reference and the map's date, or the record number: never a name. */
static void
test_file_names (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const want[] = {
    "PRACTICE-0001-network-2026-12-06.graphml", "PRACTICE-0001-network-2026-12-06.csv",
    "PRACTICE-0001-network-2026-12-06.png", "PRACTICE-0001-network-2026-12-06.svg",
    "PRACTICE-0001-network-2026-12-06.pdf",
  };
  g_autoptr(GError) error = NULL;
  CpNetworkExportOptions csv = { .format = CP_NETWORK_FORMAT_CSV };
  g_autoptr(CpNetworkExport) e = NULL;
  g_auto(GStrv) in_folder = NULL;
  g_auto(GStrv) by_prefix = NULL;
  g_autofree char *record = NULL;
  g_autofree char *named = NULL;
  g_autofree char *prefix = g_build_filename (f->ws.dir, "out.csv", NULL);

  for (int format = 0; format < CP_NETWORK_N_FORMATS; format++)
    {
      g_autofree char *name = file_name (f, format);

      g_assert_cmpstr (name, ==, want[format]);
    }

  /* No case reference: the record number */
  g_assert_true (cp_store_set_person_case_ref (f->ws.store, f->person, NULL, &error));
  record = g_strdup_printf ("person-%" G_GINT64_FORMAT "-network-2026-12-06.pdf", f->person);
  named = file_name (f, CP_NETWORK_FORMAT_PDF);
  g_assert_cmpstr (named, ==, record);
  /* A case reference holding the person's name is not used either */
  g_assert_true (cp_store_set_person_case_ref (f->ws.store, f->person, "TAYLOR/42", &error));
  g_free (named);
  named = file_name (f, CP_NETWORK_FORMAT_PDF);
  g_assert_cmpstr (named, ==, record);
  /* Odd characters in a reference become dashes */
  g_assert_true (cp_store_set_person_case_ref (f->ws.store, f->person, "../A B/7", &error));
  g_free (named);
  named = file_name (f, CP_NETWORK_FORMAT_PDF);
  g_assert_cmpstr (named, ==, "A-B-7-network-2026-12-06.pdf");

  /* CSV: two files, in a folder or by a prefix */
  e = cp_network_export_new (f->ws.store, f->person, 0, &csv, &error);
  g_assert_no_error (error);
  in_folder = cp_network_export_dup_paths (e, f->ws.dir);
  g_assert_cmpuint (g_strv_length (in_folder), ==, 2);
  g_assert_true (g_str_has_suffix (in_folder[0], "/A-B-7-network-2026-12-06-members.csv"));
  g_assert_true (g_str_has_suffix (in_folder[1], "/A-B-7-network-2026-12-06-ties.csv"));
  by_prefix = cp_network_export_dup_paths (e, prefix);
  g_assert_true (g_str_has_suffix (by_prefix[0], "/out-members.csv"));
  g_assert_true (g_str_has_suffix (by_prefix[1], "/out-ties.csv"));
}

/* ---- what the files hold ------------------------------------------------------------------ */

static void
assert_holds_no_name (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  for (guint i = 0; netmap_io_name_words[i] != NULL; i++)
    if (cp_test_bytes_hold (bytes, netmap_io_name_words[i]))
      g_error ("%s holds “%s”", path, netmap_io_name_words[i]);
  /* never a caution flag, whatever it is called */
  g_assert_false (cp_test_bytes_hold (bytes, "caution"));
  g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);
}

/* By default every format shows initials, never a name, and nothing of notes or caution
 * flags; writing them logs nothing. */
static void
test_pseudonymised (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const names[] = { "p.graphml", "p.csv", "p.png", "p.svg", "p.pdf" };
  g_autofree char *graphml = NULL;
  g_autofree char *pdf_text = NULL;

  for (int format = 0; format < CP_NETWORK_N_FORMATS; format++)
    {
      g_auto(GStrv) paths = export (f, format, FALSE, names[format]);

      for (guint i = 0; paths[i] != NULL; i++)
        assert_holds_no_name (paths[i]);
      if (format == CP_NETWORK_FORMAT_GRAPHML)
        g_assert_true (g_file_get_contents (paths[0], &graphml, NULL, NULL));
      if (format == CP_NETWORK_FORMAT_PDF)
        pdf_text = netmap_io_pdf_text (paths[0]);
    }
  /* The initials are there instead ("P1" for the name without letters), the person's
   * too, and the PDF shows them. */
  for (guint i = 0; i < netmap_io_n_members; i++)
    {
      g_autofree char *data_cell = g_strdup_printf ("<data key=\"name\">%s</data>",
                                                    netmap_io_members[i].initials);

      g_assert_nonnull (strstr (graphml, data_cell));
    }
  g_assert_nonnull (strstr (graphml, "<data key=\"name\">RM</data>"));
  g_assert_nonnull (strstr (graphml, "<data key=\"pseudonymised\">true</data>"));
  g_assert_nonnull (strstr (pdf_text, "DEM"));
  g_assert_nonnull (strstr (pdf_text, "RM"));
  g_assert_cmpuint (count_disclosures (f), ==, 0);
}

/* With names, the names are there, still no notes or caution flags, and the export is in
 * the person's disclosure log, with what, when and to whom. */
static void
test_identifiable (Fixture       *f,
                   gconstpointer  data)
{
  CpNetworkExportOptions options = {
    .format = CP_NETWORK_FORMAT_GRAPHML, .identifiable = TRUE, .to_whom = "  Team lead  ",
  };
  g_autofree char *path = g_build_filename (f->ws.dir, "named.graphml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_auto(GStrv) pdf = NULL;
  g_autofree char *pdf_text = NULL;
  const CpDisclosure *entry;

  g_assert_true (cp_network_export_write (f->ws.store, f->person, 0, &options, path, NULL,
                                          &error));
  g_assert_no_error (error);
  bytes = read_bytes (path);
  g_assert_true (cp_test_bytes_hold (bytes, "Alexandra Quinn"));
  g_assert_true (cp_test_bytes_hold (bytes, NETMAP_IO_PERSON));
  g_assert_true (cp_test_bytes_hold (bytes, "<data key=\"pseudonymised\">false</data>"));
  g_assert_false (cp_test_bytes_hold (bytes, "Fenwick"));
  g_assert_false (cp_test_bytes_hold (bytes, "caution"));

  log = cp_store_list_disclosures (f->ws.store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpint (entry->what, ==, CP_DISCLOSURE_IDENTIFIABLE_EXPORT);
  g_assert_cmpstr (entry->to_whom, ==, "Team lead");
  g_assert_nonnull (strstr (entry->detail, "GraphML"));
  g_assert_nonnull (strstr (entry->detail, "Baseline"));
  g_assert_true (g_str_has_prefix (entry->made_at, "20"));

  pdf = export (f, CP_NETWORK_FORMAT_PDF, TRUE, "named.pdf");
  pdf_text = netmap_io_pdf_text (pdf[0]);
  g_assert_nonnull (strstr (pdf_text, "Alexandra"));
  g_assert_null (strstr (pdf_text, "Fenwick"));
  g_assert_cmpuint (count_disclosures (f), ==, 2);
}

static void
test_csv_cells (void)
{
  static const struct
  {
    const char *text;
    const char *cell;
  } cells[] = {
    { "plain", "plain" },
    { "", "" },
    { "=1+1", "\"'=1+1\"" },
    { "+44 Club", "\"'+44 Club\"" },
    { "-Zed", "\"'-Zed\"" },
    { "@Clarissa", "\"'@Clarissa\"" },
    { "\tTab", "\"'\tTab\"" },
    { "a,b", "\"a,b\"" },
    { "a;b", "\"a;b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { " padded", "\" padded\"" },
    { "A=B", "A=B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _cp_network_csv_append_cell (out, cells[i].text);
      g_assert_cmpstr (out->str, ==, cells[i].cell);
    }
}

/* What a spreadsheet would run as a formula is written as text. */
static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(GStrv) paths = export (f, CP_NETWORK_FORMAT_CSV, TRUE, "formulas.csv");
  g_autofree char *members = NULL;
  g_autofree char *ties = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (paths[0], &members, NULL, NULL));
  g_assert_true (g_file_get_contents (paths[1], &ties, NULL, NULL));
  g_assert_nonnull (strstr (members, ",\"'=SUM(A1:A9)\","));
  g_assert_nonnull (strstr (members, ",\"'-Zed Hollingsworth\","));
  g_assert_nonnull (strstr (members, ",\"'@Clarissa\","));
  g_assert_nonnull (strstr (members, ",\"'+44 Club\","));
  /* No cell starts with a formula character: every one follows a delimiter or a line's
   * start, so look there. */
  lines = g_strsplit (members, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, netmap_io_n_members + 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        g_assert_null (strchr ("=+-@", cells[c][0] == '\0' ? 'x' : cells[c][0]));
    }
  g_assert_true (g_str_has_prefix (members, "id,name,kind,sector,ring,"));
  g_assert_true (g_str_has_prefix (ties, "source,target,strength\r\nm1,m2,strong\r\n"));
}

/* ---- round trips ------------------------------------------------------------------------ */

static gint64
max_lineage (CpNetmapModel *model)
{
  gint64 max = 0;

  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    max = MAX (max, cp_netmap_model_get_member (model, i)->lineage);
  return max;
}

static void
round_trip (Fixture         *f,
            CpNetworkFormat  format,
            const char      *name)
{
  g_auto(GStrv) paths = export (f, format, TRUE, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) before = cp_store_load_snapshot (f->ws.store, f->snapshot, &error);
  g_autoptr(CpNetmapModel) after = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  gint64 imported;
  gint64 current;

  imported = cp_network_import_file (f->ws.store, f->person, paths[0], paths[1], &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, f->snapshot);
  after = cp_store_load_snapshot (f->ws.store, imported, &error);
  g_assert_no_error (error);
  netmap_io_assert_same (after);
  /* Fresh lineages: none is the same member as on the map it came from */
  for (guint i = 0; i < cp_netmap_model_get_n_members (after); i++)
    g_assert_cmpint (cp_netmap_model_get_member (after, i)->lineage, >, max_lineage (before));
  /* Places within cells come back too */
  for (guint i = 0; i < cp_netmap_model_get_n_members (after); i++)
    {
      const CpNetmapMember *a = cp_netmap_model_get_member (after, i);
      const CpNetmapMember *b = cp_netmap_model_get_member (before, i);

      g_assert_cmpfloat_with_epsilon (a->angle, b->angle, 1e-4);
      g_assert_cmpfloat_with_epsilon (a->depth, b->depth, 1e-4);
    }
  /* It is the current map now, "Imported map", and one undo step takes it away. */
  g_assert_true (cp_store_get_current_snapshot (f->ws.store, f->person, &current, &error));
  g_assert_cmpint (current, ==, imported);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Import map");
  g_assert_true (cp_store_undo (f->ws.store, &error));
  maps = cp_store_list_snapshots (f->ws.store, f->person, &error);
  g_assert_cmpuint (maps->len, ==, 1);
}

static void
test_round_trip_graphml (Fixture       *f,
                         gconstpointer  data)
{
  round_trip (f, CP_NETWORK_FORMAT_GRAPHML, "trip.graphml");
}

static void
test_round_trip_csv (Fixture       *f,
                     gconstpointer  data)
{
  round_trip (f, CP_NETWORK_FORMAT_CSV, "trip.csv");
}

/* Other tools' files: names in ids or "label", words for sectors and rings, no places in
 * cells; a spreadsheet's CSV with semicolons, a byte order mark and no ids. */
static void
test_foreign_files (void)
{
  g_autofree char *graphml = g_build_filename (CP_TEST_DATA_DIR, "netmap-import", "good",
                                               "networkx.graphml", NULL);
  g_autofree char *csv = g_build_filename (CP_TEST_DATA_DIR, "netmap-import", "good",
                                           "spreadsheet.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) a = cp_network_import_read (graphml, NULL, &error);
  g_autoptr(CpNetmapModel) b = NULL;
  const CpNetmapMember *m;

  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (a), ==, 4);
  g_assert_cmpuint (cp_netmap_model_get_n_ties (a), ==, 2);
  m = cp_netmap_model_get_member (a, 0);
  g_assert_cmpstr (m->name, ==, "Pat");
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_FAMILY);
  g_assert_cmpint (m->ring, ==, 1);
  m = cp_netmap_model_get_member (a, 2);
  g_assert_cmpint (m->kind, ==, CP_NETMAP_KIND_PERSON);
  g_assert_cmpint (m->ring, ==, CP_NETMAP_RING_OUTER);
  m = cp_netmap_model_get_member (a, 3);
  g_assert_cmpstr (m->name, ==, "The library");
  g_assert_cmpint (m->kind, ==, CP_NETMAP_KIND_PLACE);
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_NEIGHBOURS);
  g_assert_cmpint (cp_netmap_model_get_tie (a, 1)->strength, ==, CP_NETMAP_TIE_STRONG);
  /* Two members of one cell are spread across it, not piled in its middle */
  g_assert_cmpfloat (fabs (cp_netmap_model_get_member (a, 0)->angle -
                           cp_netmap_model_get_member (a, 1)->angle), >, 0.1);

  b = cp_network_import_read (csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (b), ==, 3);
  m = cp_netmap_model_get_member (b, 0);
  g_assert_cmpstr (m->name, ==, "Pat; the elder");
  g_assert_true (m->helps_me);
  m = cp_netmap_model_get_member (b, 2);
  g_assert_cmpint (m->kind, ==, CP_NETMAP_KIND_ACTIVITY);
  g_assert_cmpint (m->sector, ==, CP_NETMAP_SECTOR_GROUPS);
  g_assert_cmpint (m->ring, ==, CP_NETMAP_RING_AROUND);
}

/* ---- writing safely --------------------------------------------------------------------- */

static void
test_never_replaces (Fixture       *f,
                     gconstpointer  data)
{
  CpNetworkExportOptions graphml = { .format = CP_NETWORK_FORMAT_GRAPHML };
  CpNetworkExportOptions csv = { .format = CP_NETWORK_FORMAT_CSV };
  g_autofree char *path = g_build_filename (f->ws.dir, "there.graphml", NULL);
  g_autofree char *prefix = g_build_filename (f->ws.dir, "pair", NULL);
  g_autofree char *ties = g_build_filename (f->ws.dir, "pair-ties.csv", NULL);
  g_autofree char *members = g_build_filename (f->ws.dir, "pair-members.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint files;

  g_assert_true (g_file_set_contents (path, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (ties, "mine too", -1, NULL));
  files = cp_test_count_files (f->ws.dir);

  g_assert_false (cp_network_export_write (f->ws.store, f->person, 0, &graphml, path, NULL,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);
  g_assert_false (cp_network_export_write (f->ws.store, f->person, 0, &csv, prefix, NULL,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  /* Nothing replaced, nothing half-written left behind */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine");
  g_assert_false (g_file_test (members, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cp_test_count_files (f->ws.dir), ==, files);
}

/* The same map makes the same PDF, dated the map's day. */
static void
test_pdf_reproducible (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(GStrv) one = export (f, CP_NETWORK_FORMAT_PDF, FALSE, "one.pdf");
  g_auto(GStrv) two = export (f, CP_NETWORK_FORMAT_PDF, FALSE, "two.pdf");
  g_autoptr(GBytes) a = read_bytes (one[0]);
  g_autoptr(GBytes) b = read_bytes (two[0]);
  PopplerDocument *doc = cp_test_poppler_open (one[0]);
  GDateTime *created = poppler_document_get_creation_date_time (doc);

  g_assert_true (g_bytes_equal (a, b));
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_get_year (created), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (created), ==, 12);
  g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 6);
  g_date_time_unref (created);
  g_object_unref (doc);
}

/* Which map: the current one, another of the person's, never someone else's. */
static void
test_which_map (Fixture       *f,
                gconstpointer  data)
{
  CpNetworkExportOptions options = { .format = CP_NETWORK_FORMAT_GRAPHML };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetworkExport) review = NULL;
  g_autoptr(CpNetworkExport) none = NULL;
  g_autoptr(CpNetworkExport) other = NULL;
  g_autofree char *name = NULL;
  gint64 stranger = cp_test_add_person (f->ws.store, "Stranger");
  gint64 review_id;

  cp_date_set_today_for_testing ("2027-01-10");
  review_id = cp_store_start_review_map (f->ws.store, f->person, &error);
  g_assert_no_error (error);
  review = cp_network_export_new (f->ws.store, f->person, 0, &options, &error);
  g_assert_no_error (error);
  name = cp_network_export_dup_file_name (review);
  g_assert_cmpstr (name, ==, "PRACTICE-0001-network-2027-01-10.graphml");
  g_clear_pointer (&review, cp_network_export_free);
  g_clear_pointer (&name, g_free);
  review = cp_network_export_new (f->ws.store, f->person, f->snapshot, &options, &error);
  name = cp_network_export_dup_file_name (review);
  g_assert_cmpstr (name, ==, "PRACTICE-0001-network-2026-12-06.graphml");

  none = cp_network_export_new (f->ws.store, stranger, 0, &options, &error);
  g_assert_null (none);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "no map yet"));
  g_clear_error (&error);
  g_assert_cmpint (cp_store_start_map (f->ws.store, stranger, &error), >, 0);
  other = cp_network_export_new (f->ws.store, stranger, review_id, &options, &error);
  g_assert_null (other);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

/* ---- the broken and hostile files ---------------------------------------------------------- */

static void
assert_refused (Fixture    *f,
                const char *path,
                const char *ties,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = cp_network_import_read (path, ties, &error);
  g_autofree char *before = cp_test_db_dump (_cp_store_get_db (f->ws.store));
  g_autofree char *after = NULL;
  g_autofree char *undo = g_strdup (cp_store_get_undo_label (f->ws.store));

  if (model != NULL)
    g_error ("%s was imported", path);
  g_test_message ("%s: %s", path, error->message);
  if (strstr (error->message, says) == NULL)
    g_error ("%s: “%s” does not say “%s”", path, error->message, says);
  g_clear_error (&error);

  /* Through the store too: nothing changes, not even the undo history */
  g_assert_cmpint (cp_network_import_file (f->ws.store, f->person, path, ties, &error), ==, 0);
  g_assert_nonnull (error);
  after = cp_test_db_dump (_cp_store_get_db (f->ws.store));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, undo);
}

static void
test_hostile_corpus (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (CP_TEST_DATA_DIR, "netmap-import", NULL);
  g_autofree char *cases = g_build_filename (dir, "cases.ini", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  g_assert_true (g_key_file_load_from_file (keys, cases, G_KEY_FILE_NONE, &error));
  groups = g_key_file_get_groups (keys, NULL);
  g_assert_cmpuint (g_strv_length (groups), >=, 35);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, groups[i], NULL);
      g_autofree char *says = g_key_file_get_string (keys, groups[i], "says", NULL);
      g_autofree char *ties_name = g_key_file_get_string (keys, groups[i], "ties", NULL);
      g_autofree char *ties = ties_name != NULL ? g_build_filename (dir, ties_name, NULL) : NULL;

      g_assert_nonnull (says);
      g_test_message ("%s", groups[i]);
      assert_refused (f, path, ties, says);
    }
}

/* A file of @size bytes starting with @head (sparse: nothing is written past it). */
static char *
make_large (const char *dir,
            const char *name,
            const char *head,
            goffset     size)
{
  char *path = g_build_filename (dir, name, NULL);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  g_assert_cmpint (fputs (head, file), >=, 0);
  g_assert_cmpint (ftruncate (fileno (file), size), ==, 0);
  fclose (file);
  return path;
}

/* Huge files are refused before they are read; big ones within the limit are refused by
 * what they hold. */
static void
test_hostile_large (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *huge = make_large (f->ws.dir, "huge.graphml", "<graphml>", 25 * 1024 * 1024);
  g_autofree char *attributes = make_large (f->ws.dir, "attributes.graphml",
                                            "<graphml><graph><node id=\"m1\" x=\"",
                                            100 * 1024 * 1024);
  g_autofree char *long_value = g_build_filename (f->ws.dir, "long-value.graphml", NULL);
  g_autofree char *many = g_build_filename (f->ws.dir, "many.csv", NULL);
  g_autoptr(GString) text = g_string_new ("<graphml><key id=\"name\" for=\"node\"/><graph>"
                                          "<node id=\"m1\" junk=\"");
  g_autoptr(GString) rows = g_string_new ("name,sector,ring\n");

  assert_refused (f, huge, NULL, "at most 20");
  /* Endless, with no size to check first */
  assert_refused (f, "/dev/zero", NULL, "not a file that can be imported");
  assert_refused (f, attributes, NULL, "at most 20");

  /* 15 MB in one attribute value: libxml2's own limit (no XML_PARSE_HUGE) stops it */
  g_string_append_len (text, "", 0);
  for (guint i = 0; i < 15 * 1024; i++)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "\"><data key=\"name\">Sam</data></node></graph></graphml>");
  g_assert_true (g_file_set_contents (long_value, text->str, text->len, NULL));
  assert_refused (f, long_value, NULL, "too long a piece of text");

  /* Nested deeper than libxml2 goes without XML_PARSE_HUGE */
  g_string_assign (text, "<graphml><graph>");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "<node><data>");
  g_assert_true (g_file_set_contents (long_value, text->str, text->len, NULL));
  assert_refused (f, long_value, NULL, "nests its elements too deeply");

  /* More members than a map holds */
  for (guint i = 0; i <= CP_NETWORK_MAX_MEMBERS; i++)
    g_string_append_printf (rows, "Member %u,friends,2\n", i);
  g_assert_true (g_file_set_contents (many, rows->str, rows->len, NULL));
  assert_refused (f, many, NULL, "more than 2000 members");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, set_up, (func), tear_down)

  ADD ("/cp/netmap/io/file-names", test_file_names);
  ADD ("/cp/netmap/io/pseudonymised", test_pseudonymised);
  ADD ("/cp/netmap/io/identifiable", test_identifiable);
  g_test_add_func ("/cp/netmap/io/csv-cells", test_csv_cells);
  ADD ("/cp/netmap/io/csv-formulas", test_csv_formulas);
  ADD ("/cp/netmap/io/round-trip-graphml", test_round_trip_graphml);
  ADD ("/cp/netmap/io/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/cp/netmap/io/foreign-files", test_foreign_files);
  ADD ("/cp/netmap/io/never-replaces", test_never_replaces);
  ADD ("/cp/netmap/io/pdf-reproducible", test_pdf_reproducible);
  ADD ("/cp/netmap/io/which-map", test_which_map);
  ADD ("/cp/netmap/io/hostile-corpus", test_hostile_corpus);
  ADD ("/cp/netmap/io/hostile-large", test_hostile_large);

  return g_test_run ();
}
