/* test-netmap-io-dialogs.c: "Export Map…" and "Import Map…" as the Network tab opens
 * them: the choices, the file chooser, the work in a worker, and what the user sees when
 * a file is refused
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-io"

#include <string.h>

#include "cp-test-ui.h"
#include "test-netmap-io-util.h"
#include "export/cp-export-network.h"
#include "netmap/cp-netmap-export-dialog.h"
#include "netmap/cp-netmap-import-dialog.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-netmap.h"
#include "util/cp-date.h"

/* GTK 4.8's own file chooser (what GtkFileChooserNative builds with no portal) leaks in
 * GTK, GIO and libcloudproviders under LeakSanitizer (see test-dialogs.c): these tests
 * run in the normal build only. */
#if defined(__SANITIZE_ADDRESS__)
#define SKIP_UNDER_ASAN() \
  G_STMT_START { g_test_skip ("GTK's fallback file chooser leaks under LeakSanitizer"); \
                 return; } G_STMT_END
#else
#define SKIP_UNDER_ASAN() G_STMT_START { } G_STMT_END
#endif

typedef struct
{
  CpTestWorkspace  ws;
  gint64           person;
  GtkWidget       *button;   /* where the dialogs are opened from, in a window */
  char            *out;      /* a folder for the files */
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();

  cp_test_workspace_init (&f->ws, "dialogs.cpkit");
  f->person = netmap_io_fill (f->ws.store, NETMAP_IO_CASE_REF, NULL);
  f->out = cp_test_make_tmpdir ();
  f->button = gtk_button_new_with_label ("Map");
  gtk_window_set_child (GTK_WINDOW (window), f->button);
  gtk_window_present (GTK_WINDOW (window));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  GtkWindow *window;

  while ((window = cp_test_find_window (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  cp_test_flush_main_context ();
  cp_test_workspace_clear (&f->ws);
  cp_test_rm_rf (f->out);
  g_free (f->out);
  cp_date_set_today_for_testing (NULL);
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} Showing;

static gboolean
shows_folder (gpointer data)
{
  Showing *s = data;
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (s->chooser);

  return current != NULL && g_file_equal (current, s->file);
}

static gboolean
has_file (gpointer data)
{
  Showing *s = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (s->chooser);

  return chosen != NULL && g_file_equal (chosen, s->file);
}

/* The open file chooser (GTK's own, built by GtkFileChooserNative with no portal) */
static GtkFileChooser *
wait_for_chooser (void)
{
  return GTK_FILE_CHOOSER (cp_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

/* As the user does: goes to @path's folder, picks or names @path, accepts. */
static void
accept_file (GtkFileChooser *chooser,
             const char     *path,
             gboolean        save)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  if (save)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
      g_assert_true (cp_test_wait_until (shows_folder, &(Showing) { chooser, folder }));
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
      g_assert_true (cp_test_wait_until (has_file, &(Showing) { chooser, file }));
    }
  g_assert_no_error (error);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
}

static gboolean
exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static guint
count_maps (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (f->ws.store, f->person, &error);

  g_assert_no_error (error);
  return maps->len;
}

static gboolean
has_maps (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];

  return count_maps (f) == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

/* The dialog says what the file will hold; the chooser offers a name made from the case
 * reference (never the person's); the file is written with initials, and nothing is
 * logged. Asking for names logs the export, to whom it went. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *graphml = g_build_filename (f->out, "map.graphml", NULL);
  g_autofree char *pdf = g_build_filename (f->out, "named.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *format;
  GtkSwitch *names;
  GtkWidget *to_whom;
  GtkFileChooser *chooser;
  const char *holds;

  SKIP_UNDER_ASAN ();
  cp_netmap_export_dialog_present (f->button, f->ws.store, f->person, 0);
  dialog = cp_test_wait_for_dialog ("Export Map");
  holds = gtk_label_get_text (GTK_LABEL (cp_test_find_named (GTK_WIDGET (dialog),
                                                             "netmap-export-holds")));
  g_assert_nonnull (strstr (holds, "initials"));
  g_assert_null (strstr (holds, "disclosure log"));
  format = ADW_COMBO_ROW (cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL));
  to_whom = cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_null (to_whom);   /* only when names are asked for */
  adw_combo_row_set_selected (format, 3);
  g_assert_nonnull (strstr (adw_combo_row_get_selected_item (format) != NULL ?
                            gtk_string_object_get_string (adw_combo_row_get_selected_item (format)) :
                            "", "GraphML"));
  cp_test_respond (dialog, "export");

  chooser = wait_for_chooser ();
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==,
                   NETMAP_IO_CASE_REF "-network-" NETMAP_IO_TODAY ".graphml");
  accept_file (chooser, graphml, TRUE);
  g_assert_true (cp_test_wait_until (exists, graphml));
  g_assert_true (g_file_get_contents (graphml, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<data key=\"name\">AQ</data>"));
  g_assert_null (strstr (text, "Alexandra"));
  g_assert_cmpuint (cp_test_count_files (f->out), ==, 1);   /* no temporary file left */

  /* With names, a PDF for the team lead: logged */
  cp_netmap_export_dialog_present (f->button, f->ws.store, f->person, 0);
  dialog = cp_test_wait_for_dialog ("Export Map");
  names = GTK_SWITCH (cp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL));
  gtk_switch_set_active (names, TRUE);
  holds = gtk_label_get_text (GTK_LABEL (cp_test_find_named (GTK_WIDGET (dialog),
                                                             "netmap-export-holds")));
  g_assert_nonnull (strstr (holds, "by name"));
  g_assert_nonnull (strstr (holds, "disclosure log"));
  to_whom = cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (to_whom);
  gtk_editable_set_text (GTK_EDITABLE (to_whom), "Team lead");
  cp_test_save_screenshot (GTK_WIDGET (dialog), "netmap-export-dialog.png");
  cp_test_respond (dialog, "export");
  chooser = wait_for_chooser ();
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (chooser), ".pdf"));
  g_assert_null (strstr (gtk_file_chooser_get_current_name (chooser), "Robin"));
  accept_file (chooser, pdf, TRUE);
  g_assert_true (cp_test_wait_until (exists, pdf));
  log = cp_store_list_disclosures (f->ws.store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (((CpDisclosure *) g_ptr_array_index (log, 0))->to_whom, ==, "Team lead");
}

static gboolean
is_pdf (gpointer data)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &text, &length, NULL) && length > 4 &&
         memcmp (text, "%PDF", 4) == 0;
}

static gboolean
find_replace_question (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkWidget **) data = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The file chooser's own question about a name that is there already */
static GtkWidget *
wait_for_replace_question (void)
{
  GtkWidget *question = NULL;

  g_assert_true (cp_test_wait_until (find_replace_question, &question));
  return question;
}

/* A file already there is not replaced: here the ties file of a CSV pair, which the
 * chooser does not know about. The user is told, and nothing is written. */
static void
test_export_never_replaces (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *pair = g_build_filename (f->out, "pair.csv", NULL);
  g_autofree char *taken = g_build_filename (f->out, "pair-ties.csv", NULL);
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *failure;

  SKIP_UNDER_ASAN ();
  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  cp_netmap_export_dialog_present (f->button, f->ws.store, f->person, 0);
  dialog = cp_test_wait_for_dialog ("Export Map");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cp_test_find_widget (GTK_WIDGET (dialog),
                                                                  ADW_TYPE_COMBO_ROW, NULL)),
                              4);
  cp_test_respond (dialog, "export");
  accept_file (wait_for_chooser (), pair, TRUE);
  failure = cp_test_wait_for_dialog ("Map Not Exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (failure), "already exists"));
  g_assert_true (g_file_get_contents (taken, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "mine");
  g_assert_cmpuint (cp_test_count_files (f->out), ==, 1);
}

/* A name the chooser asked "Replace?" about, and the user said yes: the export replaces
 * it, whole (a PDF now, not the old text), and leaves no temporary file beside it. */
static void
test_export_replaces_when_asked (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->out, "again.pdf", NULL);
  AdwMessageDialog *dialog;
  GtkWidget *confirm;

  SKIP_UNDER_ASAN ();
  g_assert_true (g_file_set_contents (pdf, "an older export", -1, NULL));
  cp_netmap_export_dialog_present (f->button, f->ws.store, f->person, 0);
  dialog = cp_test_wait_for_dialog ("Export Map");
  cp_test_respond (dialog, "export");
  /* The chooser asks its own "Replace?", and the user says yes. */
  accept_file (wait_for_chooser (), pdf, TRUE);
  confirm = wait_for_replace_question ();
  g_signal_emit_by_name (confirm, "response", GTK_RESPONSE_ACCEPT);
  g_assert_true (cp_test_wait_until (is_pdf, pdf));
  g_assert_cmpuint (cp_test_count_files (f->out), ==, 1);
}

/* An exported map comes back as a new map, one undo step; a CSV members file finds its
 * ties file beside it. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *graphml = g_build_filename (f->out, "trip.graphml", NULL);
  g_autofree char *csv = g_build_filename (f->out, "trip.csv", NULL);
  g_autofree char *members = g_build_filename (f->out, "trip-members.csv", NULL);
  CpNetworkExportOptions options = { .format = CP_NETWORK_FORMAT_GRAPHML, .identifiable = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 current = 0;

  SKIP_UNDER_ASAN ();
  g_assert_true (cp_network_export_write (f->ws.store, f->person, 0, &options, graphml, NULL,
                                          &error));
  options.format = CP_NETWORK_FORMAT_CSV;
  g_assert_true (cp_network_export_write (f->ws.store, f->person, 0, &options, csv, NULL,
                                          &error));
  g_assert_no_error (error);

  cp_netmap_import_dialog_present (f->button, f->ws.store, f->person);
  accept_file (wait_for_chooser (), graphml, FALSE);
  g_assert_true (cp_test_wait_until (has_maps, (gpointer[]) { f, GUINT_TO_POINTER (2) }));
  g_assert_true (cp_store_get_current_snapshot (f->ws.store, f->person, &current, &error));
  model = cp_store_load_snapshot (f->ws.store, current, &error);
  g_assert_no_error (error);
  netmap_io_assert_same (model);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Import map");

  cp_netmap_import_dialog_present (f->button, f->ws.store, f->person);
  accept_file (wait_for_chooser (), members, FALSE);
  g_assert_true (cp_test_wait_until (has_maps, (gpointer[]) { f, GUINT_TO_POINTER (3) }));
  g_clear_object (&model);
  g_assert_true (cp_store_get_current_snapshot (f->ws.store, f->person, &current, &error));
  model = cp_store_load_snapshot (f->ws.store, current, &error);
  netmap_io_assert_same (model);   /* the ties came too */
}

/* A hostile file: a dialog says why, and the workspace is as it was. */
static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *laughs = g_build_filename (CP_TEST_DATA_DIR, "netmap-import",
                                              "billion-laughs.graphml", NULL);
  g_autofree char *before = cp_test_db_dump (_cp_store_get_db (f->ws.store));
  g_autofree char *after = NULL;
  AdwMessageDialog *failure;

  SKIP_UNDER_ASAN ();
  cp_netmap_import_dialog_present (f->button, f->ws.store, f->person);
  accept_file (wait_for_chooser (), laughs, FALSE);
  failure = cp_test_wait_for_dialog ("Map Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (failure), "document type"));
  cp_test_save_screenshot (GTK_WIDGET (failure), "netmap-import-refused.png");
  after = cp_test_db_dump (_cp_store_get_db (f->ws.store));
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, set_up, (func), tear_down)

  ADD ("/cp/netmap/io/dialogs/export", test_export);
  ADD ("/cp/netmap/io/dialogs/export-never-replaces", test_export_never_replaces);
  ADD ("/cp/netmap/io/dialogs/export-replaces-when-asked", test_export_replaces_when_asked);
  ADD ("/cp/netmap/io/dialogs/import", test_import);
  ADD ("/cp/netmap/io/dialogs/import-refused", test_import_refused);

  return g_test_run ();
}
