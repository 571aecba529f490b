/* test-erase-notice.c: the erase question says truthfully where copies of the person
 * stay, and for how long
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-erase-notice"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page-private.h"
#include "store/cp-store.h"

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static gboolean
erase_asked (gpointer data)
{
  return find_dialog ("Erase 1 Person Permanently?") != NULL;
}

/* Closes a person, asks to erase them with @keep daily backups set, and returns the
 * question's body. */
static char *
erase_body_for (guint keep)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "caseload.cpkit", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  AdwMessageDialog *dialog;
  CpWindow *window;
  char *body;
  gint64 id;

  g_assert_no_error (error);
  g_settings_set_uint (settings, "backup-days", keep);
  id = cp_store_add_person (store, "Closed Person", &error);
  g_assert_true (cp_store_set_person_status (store, id, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);

  window = cp_window_new (NULL, store, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  cp_people_page_open_person (CP_PEOPLE_PAGE (window->people_page),
                              cp_store_find_person (store, id));
  gtk_widget_activate_action (window->people_page, "person.erase", NULL);
  g_assert_true (cp_test_wait_until (erase_asked, NULL));
  dialog = find_dialog ("Erase 1 Person Permanently?");
  body = g_strdup (adw_message_dialog_get_body (dialog));

  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  cp_test_flush_main_context ();
  /* Asking erased nothing. */
  g_assert_nonnull (cp_store_find_person (store, id));
  cp_store_close (store);
  cp_test_rm_rf (dir);
  return body;
}

/* Each kind of copy is named with how long it keeps the person: the daily backups by the
 * number kept, those before an update or a restore by CP_STORE_SPECIAL_BACKUP_DAYS, and
 * what the user saved or exported until they delete it. */
static void
test_copies_named (void)
{
  g_autofree char *body = erase_body_for (12);
  g_autofree char *special = g_strdup_printf ("before an update or a restore keep a copy for "
                                              "%u days", CP_STORE_SPECIAL_BACKUP_DAYS);

  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "cannot be undone"));
  g_assert_nonnull (strstr (body, "Daily backups keep a copy until 12 newer daily backups "
                                  "have replaced it"));
  g_assert_nonnull (strstr (body, special));
  g_assert_nonnull (strstr (body, "Copies you saved and reports you exported are not touched"));
  g_assert_nonnull (strstr (body, "until you delete them yourself"));
  /* Never the person's name. */
  g_assert_null (strstr (body, "Closed Person"));
}

/* With more daily backups kept than CP_STORE_SPECIAL_BACKUP_DAYS, the special ones stay
 * as long as the daily window (as the store prunes them), and the words follow. */
static void
test_long_keep (void)
{
  g_autofree char *body = erase_body_for (45);

  g_assert_nonnull (strstr (body, "until 45 newer daily backups"));
  g_assert_nonnull (strstr (body, "keep a copy for 45 days"));
}

static void
test_one_backup (void)
{
  g_autofree char *body = erase_body_for (1);

  g_assert_nonnull (strstr (body, "until 1 newer daily backup has replaced it"));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/erase-notice/copies-named", test_copies_named);
  g_test_add_func ("/cp/app/erase-notice/long-keep", test_long_keep);
  g_test_add_func ("/cp/app/erase-notice/one-backup", test_one_backup);

  return g_test_run ();
}
