/* test-window-actions.c: restoring a backup and showing the shortcuts from the window,
 * as a user would
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-window-actions"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "store/cp-store.h"
#include "util/cp-date.h"

typedef struct
{
  CpStore    *store;
  gint64      id;
  const char *name;
  CpWindow   *window;
} Restored;

static gboolean
restored (gpointer data)
{
  Restored *r = data;

  return g_strcmp0 (cp_person_get_name (cp_store_find_person (r->store, r->id)), r->name) == 0
         && cp_test_find_widget (GTK_WIDGET (r->window), GTK_TYPE_LABEL,
                                 "Workspace restored from the backup") != NULL;
}

/* The backups are listed by day as people write dates; choosing one asks first, naming
 * that day, and restoring brings back what the workspace held and says so. */
static void
test_restore_backup (void)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *day = cp_date_format_long (today);
  g_autoptr(GError) error = NULL;
  CpTestWindow f = { 0 };
  Restored r = { NULL, 0, "Before", NULL };
  GtkWidget *list, *row;
  AdwMessageDialog *question;

  cp_test_workspace_init (&f.ws, "restore.cpkit");
  r.store = f.ws.store;
  r.id = cp_test_add_person (r.store, "Before");
  g_assert_true (cp_store_backup_daily (r.store, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_rename_person (r.store, r.id, "After", &error));

  cp_test_window_present (&f, FALSE);
  r.window = f.window;

  gtk_widget_activate_action (GTK_WIDGET (r.window), "win.restore-backup", NULL);
  cp_test_flush_main_context ();
  list = GTK_WIDGET (cp_test_find_window (ADW_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (list);
  gtk_test_widget_wait_for_draw (list);
  row = cp_test_find_widget (list, ADW_TYPE_ACTION_ROW, day);
  g_assert_nonnull (row);

  g_signal_emit_by_name (row, "activated");
  cp_test_flush_main_context ();
  question = cp_test_find_dialog ("Restore This Backup?");
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (r.window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), day));
  /* Asking changed nothing, and the list made way for the question. */
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (r.store, r.id)), ==, "After");
  g_assert_null (cp_test_find_window (ADW_TYPE_PREFERENCES_WINDOW));

  adw_message_dialog_response (question, "restore");
  g_assert_true (cp_test_wait_until (restored, &r));

  cp_test_window_tear_down (&f, NULL);
}

static guint
count_shortcuts_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += GTK_IS_SHORTCUTS_WINDOW (window);
    }
  return n;
}

/* Keyboard Shortcuts (the menu item, Ctrl+?) shows the shortcuts over the window; shown
 * again after it was closed, it is the same window, not a second one. Its page numbers
 * are laid out without a warning (libadwaita 1.2 alone makes them narrower than
 * nothing: the app's style sheet mends that), and warnings are fatal here. */
static void
test_shortcuts_window (void)
{
  CpTestWindow f = { 0 };
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  GtkWindow *shortcuts;

  /* The app's style sheet, as AdwApplication loads it from the resources. */
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  cp_test_workspace_init (&f.ws, "shortcuts.cpkit");
  cp_test_window_present (&f, FALSE);
  g_assert_null (cp_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW));

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-help-overlay", NULL);
  shortcuts = cp_test_wait_for_window (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT,
                                         NULL));

  gtk_window_close (shortcuts);
  cp_test_flush_main_context ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-help-overlay", NULL);
  cp_test_flush_main_context ();
  g_assert_true (cp_test_find_window (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);
  g_assert_cmpuint (count_shortcuts_windows (), ==, 1);
  gtk_window_close (shortcuts);
  cp_test_flush_main_context ();

  /* It goes with the window. */
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &shortcuts);
  cp_test_window_tear_down (&f, NULL);
  cp_test_flush_main_context ();
  g_assert_null (shortcuts);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (style));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/window-actions/restore-backup", test_restore_backup);
  g_test_add_func ("/cp/app/window-actions/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
