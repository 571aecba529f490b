/* test-workspace-care.c: the first run asks what a workspace is for, closed people are
 * offered for erasure and erased for good, and the subject-access file is never named
 * after the person.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app/cp-first-run.h"
#include "app/cp-preferences-window.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page-private.h"
#include "store/cp-store.h"
#include "util/cp-platform.h"

typedef struct
{
  char     *dir;
  char     *path;
  CpStore  *store;
  CpWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "caseload.cpkit", NULL);
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
}

static void
present (Fixture *f)
{
  f->window = cp_window_new (NULL, f->store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  cp_test_flush_main_context ();
  g_clear_object (&f->store);
  cp_test_rm_rf (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

typedef struct
{
  const char       *heading;
  AdwMessageDialog *found;
} DialogLookup;

static gboolean
dialog_shown (gpointer data)
{
  DialogLookup *d = data;
  GList *toplevels = gtk_window_list_toplevels ();

  d->found = NULL;
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), d->heading) == 0)
      d->found = l->data;
  g_list_free (toplevels);
  return d->found != NULL;
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  DialogLookup d = { heading, NULL };

  g_assert_true (cp_test_wait_until (dialog_shown, &d));
  return d.found;
}

/* TRUE when an erase dialog shows up (it must not for an active person). */
static gboolean
wait_for_dialog_briefly (void)
{
  DialogLookup d = { "Erase 1 Person Permanently?", NULL };

  cp_test_flush_main_context ();
  return dialog_shown (&d);
}

/* As a click on a response button does: respond, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cp_test_flush_main_context ();
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(CpStore) again = NULL;
  g_autoptr(GError) error = NULL;
  gboolean known = FALSE;
  gboolean encrypted;

  present (f);
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_UNSET);
  cp_first_run_ask (f->window);
  dialog = wait_for_dialog ("What Is This Workspace For?");
  g_assert_true (adw_message_dialog_has_response (dialog, "practice"));
  g_assert_true (adw_message_dialog_has_response (dialog, "caseload"));

  /* "Later" asks again next time: nothing is recorded. */
  respond (dialog, "later");
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_UNSET);

  cp_first_run_ask (f->window);
  dialog = wait_for_dialog ("What Is This Workspace For?");
  respond (dialog, "caseload");
  g_assert_cmpint (cp_store_get_purpose (f->store), ==, CP_WORKSPACE_PURPOSE_CASELOAD);

  /* A real caseload on a disk not known to be encrypted is warned about. */
  encrypted = cp_platform_path_is_encrypted (f->path, &known);
  if (!encrypted)
    {
      dialog = wait_for_dialog (known ? "This Disk Is Not Encrypted" : "Disk Encryption Unknown");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "IT team"));
    }

  /* Once answered, it is not asked again. */
  cp_first_run_ask (f->window);
  cp_test_flush_main_context ();
  {
    DialogLookup d = { "What Is This Workspace For?", NULL };
    g_assert_false (dialog_shown (&d));
  }
}

static void
test_preferences_say_encryption (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpPreferencesWindow *prefs = cp_preferences_window_new (settings, f->path);
  GtkWidget *row;
  const char *subtitle;

  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  row = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Disk encryption");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  if (cp_platform_path_is_encrypted (f->path, NULL))
    g_assert_nonnull (strstr (subtitle, "is encrypted"));
  else
    g_assert_nonnull (strstr (subtitle, "IT team"));
}

static void
test_erase_closed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CpPeoplePage *page;
  AdwMessageDialog *dialog;
  gint64 old, recent, active;

  old = cp_store_add_person (f->store, "Closed Long Ago", &error);
  recent = cp_store_add_person (f->store, "Closed Yesterday", &error);
  active = cp_store_add_person (f->store, "Still Active", &error);
  g_assert_true (cp_store_set_person_status (f->store, old, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, "2020-01-01", &error));
  g_assert_true (cp_store_set_person_status (f->store, recent, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);
  present (f);
  page = CP_PEOPLE_PAGE (f->window->people_page);

  /* Only the person closed longer ago than Preferences says is offered. */
  g_assert_true (gtk_revealer_get_reveal_child (page->erase_revealer));
  g_assert_cmpstr (gtk_label_get_label (page->erase_label), ==,
                   "1 person was closed more than 30 days ago");

  gtk_widget_activate_action (GTK_WIDGET (page), "people.erase-closed", NULL);
  dialog = wait_for_dialog ("Erase 1 Person Permanently?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "backups"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  respond (dialog, "erase");

  g_assert_null (cp_store_find_person (f->store, old));
  g_assert_nonnull (cp_store_find_person (f->store, recent));
  g_assert_nonnull (cp_store_find_person (f->store, active));
  g_assert_false (gtk_revealer_get_reveal_child (page->erase_revealer));
  /* Erasing is not an undo step, and it cleared the history that held the person. */
  g_assert_false (cp_store_can_undo (f->store));

  /* Erase from the person's menu: only for a closed person. */
  cp_people_page_open_person (page, cp_store_find_person (f->store, active));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL)
                  && wait_for_dialog_briefly ());
  cp_people_page_open_person (page, cp_store_find_person (f->store, recent));
  gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL);
  dialog = wait_for_dialog ("Erase 1 Person Permanently?");
  respond (dialog, "cancel");
  g_assert_nonnull (cp_store_find_person (f->store, recent));
}

static void
test_subject_access_name (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 with_ref = cp_store_add_person (f->store, "Wilhelmina Canary", &error);
  gint64 without = cp_store_add_person (f->store, "Bartholomew Canary", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (cp_store_set_person_case_ref (f->store, with_ref, "RIO/12 345", &error));
  a = _cp_people_page_subject_access_name (cp_store_find_person (f->store, with_ref));
  b = _cp_people_page_subject_access_name (cp_store_find_person (f->store, without));
  g_assert_cmpstr (a, ==, "subject-access-RIO-12-345.pdf");
  g_assert_null (strstr (b, "Canary"));
  g_assert_true (g_str_has_prefix (b, "subject-access-record-"));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/ui/care/first-run", Fixture, NULL, fixture_set_up, test_first_run,
              fixture_tear_down);
  g_test_add ("/ui/care/preferences-say-encryption", Fixture, NULL, fixture_set_up,
              test_preferences_say_encryption, fixture_tear_down);
  g_test_add ("/ui/care/erase-closed", Fixture, NULL, fixture_set_up, test_erase_closed,
              fixture_tear_down);
  g_test_add ("/ui/care/subject-access-file-name", Fixture, NULL, fixture_set_up,
              test_subject_access_name, fixture_tear_down);

  return g_test_run ();
}
