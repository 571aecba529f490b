/* test-privacy.c: a person's name never leaves through the side doors — log output,
 * settings, the recent-files list, caches — while the app is used as a practitioner uses it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-privacy"

#include <string.h>

#include "app/cp-application.h"
#include "app/cp-preferences-window.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "ui/cp-date-row.h"

/* In the name, the notes and what may be shared: wherever it turns up, it came from here. */
#define CANARY "Quillon Vexmoor-5521"

/* Every message logged, debug included. */
static GString *logs;

/* Every file below @dir holding @needle (UTF-8, UTF-16LE or UTF-16BE), one per line,
 * except the workspace @workspace, its companions and its backups, which hold the name by
 * design. Counts the files read in *@n_read. */
static void
find_in_tree (const char *dir,
              const char *needle,
              const char *workspace,
              GString    *found,
              guint      *n_read)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *backups = g_build_filename (workspace, "..", "backups", NULL);
  g_autofree char *backups_dir = g_canonicalize_filename (backups, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize len = 0;

      if (g_str_equal (path, backups_dir)
          || (g_str_has_prefix (path, workspace)
              && (path[strlen (workspace)] == '\0' || path[strlen (workspace)] == '-')))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          find_in_tree (path, needle, workspace, found, n_read);
          continue;
        }
      if (!g_file_get_contents (path, &contents, &len, NULL))
        continue;
      (*n_read)++;
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      if (cp_test_bytes_hold (bytes, needle))
        g_string_append_printf (found, "%s\n", path);
    }
}

/* The editor's row titled @title, for typing into. */
static GtkEditable *
entry_row (CpWindow   *window,
           const char *title)
{
  GtkWidget *row;

  /* The record is the Details tab (Ctrl+5). */
  gtk_widget_activate_action (window->people_page, "person.tab", "i", 4);
  row = cp_test_find_widget (window->people_page, ADW_TYPE_ENTRY_ROW, title);
  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* As a practitioner does: answers the first-run questions, adds the person, corrects the
 * name, writes notes, records the agreement, reads a manual, changes a preference. */
static void
use_the_app (CpApplication *app,
             CpWindow      *window)
{
  CpStore *store = cp_window_get_store (window);
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(CpPerson) person = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 2, 0, 0, 0);
  GtkWidget *add_entry, *notes, *date_row, *button, *calendar, *viewer, *spin;
  GtkTextBuffer *buffer;
  GtkWindow *prefs;

  cp_test_respond (cp_test_wait_for_dialog ("What Is This Workspace For?"), "caseload");
  if (cp_test_find_dialog (NULL) != NULL)
    cp_test_respond (cp_test_find_dialog (NULL), "ok");

  gtk_widget_activate_action (window->people_page, "people.add", NULL);
  g_assert_true (cp_test_wait_for_widget (window->people_page, GTK_TYPE_POPOVER, NULL, TRUE));
  add_entry = cp_test_find_widget (cp_test_find_widget (window->people_page, GTK_TYPE_POPOVER,
                                                        NULL),
                                   GTK_TYPE_ENTRY, NULL);
  cp_test_type_text (GTK_EDITABLE (add_entry), "Quillon");
  g_signal_emit_by_name (add_entry, "activate");
  cp_test_flush_main_context ();

  cp_test_type_text (entry_row (window, "Preferred name or initials"), " Vexmoor-5521");
  notes = cp_test_find_widget (window->people_page, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (notes);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_widget_grab_focus (notes);
  gtk_text_buffer_insert_at_cursor (buffer, "Met " CANARY " at the allotment.", -1);
  cp_test_type_text (entry_row (window, "What may be shared, and with whom"),
                     "Only what " CANARY " agrees, with her GP");
  date_row = cp_test_find_widget (window->people_page, CP_TYPE_DATE_ROW, "Agreed to the work on");
  g_assert_nonnull (date_row);
  /* The day is chosen on the row's own calendar, left in its popover: where a popover
   * lands on a slow X server is beside the point here. */
  button = cp_test_find_widget (date_row, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  calendar = gtk_widget_get_first_child (calendar);
  g_assert_true (GTK_IS_CALENDAR (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  cp_test_flush_main_context ();
  g_signal_emit_by_name (window->people_page, "flush");

  /* All of it is in the workspace. */
  person = cp_test_dup_person (store, CANARY);
  g_assert_true (g_str_has_prefix (cp_person_get_notes (person), "Met " CANARY));
  g_assert_true (g_str_has_prefix (cp_person_get_sharing (person), "Only what " CANARY));
  g_assert_cmpstr (cp_person_get_agreed_on (person), ==, "2026-03-02");

  g_assert_true (gtk_widget_activate_action (widget, "win.open-manual", "(ss)",
                                             "training-manual", "goal-planning"));
  viewer = cp_test_find_widget (widget, CP_TYPE_PDF_VIEWER, NULL);
  g_assert_nonnull (viewer);
  cp_test_pdf_viewer_wait_loaded (CP_PDF_VIEWER (viewer));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = cp_test_wait_for_window (CP_TYPE_PREFERENCES_WINDOW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  spin = cp_test_find_widget (cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW,
                                                   "_Days of Backups to Keep"),
                              GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 12);
  g_assert_cmpuint (g_settings_get_uint (cp_application_get_settings (app), "backup-days"), ==,
                    12);
  gtk_window_close (prefs);
  cp_test_flush_main_context ();
}

/* The real executable, started on the same workspace with the same folders, logging at
 * debug level: it draws its first frame and quits. Its own session bus keeps it apart
 * from other instances of the app. */
static void
run_the_executable (const char *workspace)
{
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *direct[] = { g_getenv ("CPKIT_BIN"), "--workspace", workspace, NULL };
  const char *with_bus[] = { dbus, "--", g_getenv ("CPKIT_BIN"), "--workspace", workspace, NULL };

  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "all", TRUE);
  envp = g_environ_setenv (envp, "CPKIT_BENCH_FIRST_FRAME", "1", TRUE);
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  g_assert_cmpint (cp_test_run (dbus != NULL ? with_bus : direct, NULL, envp, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "first-frame"));
  g_assert_false (cp_test_data_has (out, strlen (out), CANARY));
  g_assert_false (cp_test_data_has (err, strlen (err), CANARY));
}

static gboolean
store_closed (gpointer data)
{
  return *(CpStore **) data == NULL;
}

static void
test_name_stays_in_the_workspace (void)
{
  const char *home = cp_test_ui_get_home ();
  g_autofree char *workspace = cp_store_dup_default_path ();
  g_autofree char *keyfile = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *settings = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(CpApplication) app = cp_application_new ();
  CpWindow *window;
  CpStore *store;
  guint n_read = 0;

  /* The workspace where the app keeps it, inside the private HOME. */
  g_assert_true (g_str_has_prefix (workspace, home));
  cp_test_register_app (G_APPLICATION (app));
  cp_application_open_workspace (app, workspace, FALSE);
  /* The workspace opens in a worker, so the window comes a little after the call. */
  window = CP_WINDOW (cp_test_wait_for_window (CP_TYPE_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  use_the_app (app, window);
  store = cp_window_get_store (window);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  gtk_window_close (GTK_WINDOW (window));
  /* The workspace is let go once the window and any worker still on it (today's backup,
   * on a busy machine) are done: the executable below would find it open here. */
  g_assert_true (cp_test_wait_until (store_closed, &store));
  g_settings_sync ();

  /* Settings went to a file in the private HOME (so a name there would be found) … */
  g_assert_true (g_file_get_contents (keyfile, &settings, NULL, NULL));
  g_assert_nonnull (strstr (settings, "backup-days=12"));
  g_assert_nonnull (strstr (settings, "last-section='library'"));
  /* … the name went into the workspace … */
  g_assert_true (cp_test_workspace_files_hold (workspace, CANARY, NULL));
  /* … and nowhere else: not the log, at any level … */
  g_assert_cmpuint (logs->len, >, 0);
  g_assert_false (cp_test_data_has (logs->str, logs->len, CANARY));

  run_the_executable (workspace);
  cp_pdf_document_shutdown ();

  /* … nor any file the app wrote beside it: settings, recent files, caches. */
  find_in_tree (home, CANARY, workspace, found, &n_read);
  g_assert_cmpstr (found->str, ==, "");
  g_assert_cmpuint (n_read, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Settings in a file below the private HOME, where anything written stays to be read;
   * debug messages on, to be captured. Both before GTK and GSettings start. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  logs = cp_test_capture_logs ();
  cp_test_ui_init (&argc, &argv);
  /* Again, for the handler GTest installed meanwhile. */
  cp_test_capture_logs ();

  g_test_add_func ("/cp/app/privacy/name-stays-in-the-workspace",
                   test_name_stays_in_the_workspace);

  return g_test_run ();
}
