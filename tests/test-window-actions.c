/* test-window-actions.c: restoring a backup from the window, as a user would
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "store/cp-store.h"
#include "util/cp-date.h"

/* The shown window of @type; for a message dialog, the one asking @heading. */
static gpointer
find_toplevel (GType       type,
               const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (GList *l = toplevels; l != NULL && found == NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data)
        && (heading == NULL
            || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

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
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "restore.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_autofree char *today = cp_date_today ();
  g_autofree char *day = cp_date_format_long (today);
  Restored r = { store, 0, "Before", NULL };
  GtkWidget *list, *row;
  AdwMessageDialog *question;

  g_assert_no_error (error);
  r.id = cp_store_add_person (store, "Before", &error);
  g_assert_cmpint (r.id, >, 0);
  g_assert_true (cp_store_backup_daily (store, &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_rename_person (store, r.id, "After", &error));

  r.window = cp_window_new (NULL, store, FALSE);
  gtk_window_present (GTK_WINDOW (r.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (r.window));

  gtk_widget_activate_action (GTK_WIDGET (r.window), "win.restore-backup", NULL);
  cp_test_flush_main_context ();
  list = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_nonnull (list);
  gtk_test_widget_wait_for_draw (list);
  row = cp_test_find_widget (list, ADW_TYPE_ACTION_ROW, day);
  g_assert_nonnull (row);

  g_signal_emit_by_name (row, "activated");
  cp_test_flush_main_context ();
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Restore This Backup?");
  g_assert_nonnull (question);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (question)) == GTK_WINDOW (r.window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), day));
  /* Asking changed nothing, and the list made way for the question. */
  g_assert_cmpstr (cp_person_get_name (cp_store_find_person (store, r.id)), ==, "After");
  g_assert_null (find_toplevel (ADW_TYPE_PREFERENCES_WINDOW, NULL));

  adw_message_dialog_response (question, "restore");
  g_assert_true (cp_test_wait_until (restored, &r));

  gtk_window_destroy (GTK_WINDOW (question));
  gtk_window_destroy (GTK_WINDOW (r.window));
  cp_test_flush_main_context ();
  cp_store_close (store);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window-actions/restore-backup", test_restore_backup);

  return g_test_run ();
}
