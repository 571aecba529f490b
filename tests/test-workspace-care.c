/* test-workspace-care.c: the first run asks what a workspace is for, closed people are
 * offered for erasure and erased for good, and the subject-access file is never named
 * after the person.
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-workspace-care"

#include "app/cp-application.h"
#include "app/cp-first-run.h"
#include "app/cp-preferences-window.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "library/cp-library-page.h"
#include "people/cp-people-page-private.h"
#include "pdf/cp-pdf-document.h"
#include "store/cp-store.h"
#include "util/cp-platform.h"

typedef CpTestWindow Fixture;

/* A workspace "caseload"; each test shows the window when it wants it. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "caseload.cpkit");
}

/* TRUE when an erase dialog shows up (it must not for an active person). */
static gboolean
erase_dialog_shown (void)
{
  cp_test_flush_main_context ();
  return cp_test_find_dialog ("Erase 1 Person Permanently?") != NULL;
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

  cp_test_window_present (f, FALSE);
  g_assert_cmpint (cp_store_get_purpose (f->ws.store), ==, CP_WORKSPACE_PURPOSE_UNSET);
  cp_first_run_ask (f->window);
  dialog = cp_test_wait_for_dialog ("What Is This Workspace For?");
  g_assert_true (adw_message_dialog_has_response (dialog, "practice"));
  g_assert_true (adw_message_dialog_has_response (dialog, "caseload"));

  /* "Later" asks again next time: nothing is recorded. */
  cp_test_respond (dialog, "later");
  g_assert_cmpint (cp_store_get_purpose (f->ws.store), ==, CP_WORKSPACE_PURPOSE_UNSET);

  cp_first_run_ask (f->window);
  dialog = cp_test_wait_for_dialog ("What Is This Workspace For?");
  cp_test_respond (dialog, "caseload");
  g_assert_cmpint (cp_store_get_purpose (f->ws.store), ==, CP_WORKSPACE_PURPOSE_CASELOAD);

  /* A real caseload on a disk not known to be encrypted is warned about. */
  encrypted = cp_platform_path_is_encrypted (f->ws.path, &known);
  if (!encrypted)
    {
      dialog = cp_test_wait_for_dialog (known ? "This Disk Is Not Encrypted"
                                              : "Disk Encryption Unknown");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "IT team"));
    }

  /* Once answered, it is not asked again. */
  cp_first_run_ask (f->window);
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_dialog ("What Is This Workspace For?"));
}

/* `cpkit FILE.pdf` on a new machine: the document, with no question in front of it; the
 * question comes when the user first goes to People. */
static void
test_pdf_first (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (cp_test_tmpdir (), "leaflet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(CpApplication) app = cp_application_new ();
  CpPdfViewer *viewer;
  CpWindow *window;

  cp_test_pdf_write_many (pdf, 3);
  cp_test_register_app (G_APPLICATION (app));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = CP_WINDOW (cp_test_wait_for_window (CP_TYPE_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  viewer = cp_library_page_get_viewer (CP_LIBRARY_PAGE (window->library_page));
  cp_test_pdf_viewer_wait_loaded (viewer);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->section_stack), ==, "library");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (viewer)));
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_dialog (NULL));
  g_assert_cmpint (cp_store_get_purpose (cp_window_get_store (window)), ==,
                   CP_WORKSPACE_PURPOSE_UNSET);

  /* Going to People asks, once. */
  _cp_window_show_section (window, "people");
  cp_test_respond (cp_test_wait_for_dialog ("What Is This Workspace For?"), "later");
  _cp_window_show_section (window, "library");
  _cp_window_show_section (window, "people");
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_dialog ("What Is This Workspace For?"));

  gtk_window_close (GTK_WINDOW (window));
  cp_test_flush_main_context ();
}

static void
test_preferences_say_encryption (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpPreferencesWindow *prefs = cp_preferences_window_new (settings, f->ws.path);
  GtkWidget *row;
  const char *subtitle;

  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  row = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Disk encryption");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  if (cp_platform_path_is_encrypted (f->ws.path, NULL))
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

  old = cp_store_add_person (f->ws.store, "Closed Long Ago", &error);
  recent = cp_store_add_person (f->ws.store, "Closed Yesterday", &error);
  active = cp_store_add_person (f->ws.store, "Still Active", &error);
  g_assert_true (cp_store_set_person_status (f->ws.store, old, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, "2020-01-01", &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, recent, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);
  cp_test_window_present (f, FALSE);
  page = CP_PEOPLE_PAGE (f->window->people_page);

  /* Only the person closed longer ago than Preferences says is offered. */
  g_assert_true (gtk_revealer_get_reveal_child (page->erase_revealer));
  g_assert_cmpstr (gtk_label_get_label (page->erase_label), ==,
                   "1 person was closed more than 30 days ago");

  gtk_widget_activate_action (GTK_WIDGET (page), "people.erase-closed", NULL);
  dialog = cp_test_wait_for_dialog ("Erase 1 Person Permanently?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "backups"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  cp_test_respond (dialog, "erase");

  g_assert_null (cp_store_find_person (f->ws.store, old));
  g_assert_nonnull (cp_store_find_person (f->ws.store, recent));
  g_assert_nonnull (cp_store_find_person (f->ws.store, active));
  g_assert_false (gtk_revealer_get_reveal_child (page->erase_revealer));
  /* Erasing is not an undo step, and it cleared the history that held the person. */
  g_assert_false (cp_store_can_undo (f->ws.store));

  /* Erase from the person's menu: only for a closed person. */
  cp_people_page_open_person (page, cp_store_find_person (f->ws.store, active));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL)
                  && erase_dialog_shown ());
  cp_people_page_open_person (page, cp_store_find_person (f->ws.store, recent));
  gtk_widget_activate_action (GTK_WIDGET (page), "person.erase", NULL);
  dialog = cp_test_wait_for_dialog ("Erase 1 Person Permanently?");
  cp_test_respond (dialog, "cancel");
  g_assert_nonnull (cp_store_find_person (f->ws.store, recent));
}

static void
test_subject_access_name (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 with_ref = cp_store_add_person (f->ws.store, "Wilhelmina Canary", &error);
  gint64 without = cp_store_add_person (f->ws.store, "Bartholomew Canary", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (cp_store_set_person_case_ref (f->ws.store, with_ref, "RIO/12 345", &error));
  a = _cp_people_page_subject_access_name (cp_store_find_person (f->ws.store, with_ref));
  b = _cp_people_page_subject_access_name (cp_store_find_person (f->ws.store, without));
  g_assert_cmpstr (a, ==, "subject-access-RIO-12-345.pdf");
  g_assert_null (strstr (b, "Canary"));
  g_assert_true (g_str_has_prefix (b, "subject-access-record-"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cp_test_ui_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/cp/app/workspace-care/" name, Fixture, NULL, fixture_set_up, func, \
              cp_test_window_tear_down)
  ADD ("first-run", test_first_run);
  ADD ("pdf-first", test_pdf_first);
  ADD ("preferences-say-encryption", test_preferences_say_encryption);
  ADD ("erase-closed", test_erase_closed);
  ADD ("subject-access-file-name", test_subject_access_name);
#undef ADD

  status = g_test_run ();
  cp_pdf_document_shutdown ();
  return status;
}
