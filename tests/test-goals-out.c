/* test-goals-out.c: the case-record summary dialog and the goals' Preferences rows
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-goals-out"

#include <string.h>

#include "app/cp-preferences-window.h"
#include "app/cp-window.h"
#include "cp-test-ui.h"
#include "export/cp-export-summary.h"
#include "goals/cp-summary-dialog.h"
#include "store/cp-store-disclosure.h"

typedef CpTestWindow Fixture;

/* The main window on a practice workspace, with the practitioner's role set. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  cp_test_workspace_set_up_practice (&f->ws, NULL);
  g_settings_set_string (settings, "practitioner-role", "Social worker");
  cp_test_window_present (f, TRUE);
}

static gint64
jo_id (Fixture *f)
{
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->ws.store, "Jo");

  return cp_person_get_id (jo);
}

static char *
dialog_text (AdwMessageDialog *dialog)
{
  GtkWidget *view = cp_test_find_widget (adw_message_dialog_get_extra_child (dialog),
                                         GTK_TYPE_TEXT_VIEW, NULL);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
n_summaries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = cp_store_list_disclosures (f->ws.store, jo_id (f), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    n += ((CpDisclosure *) log->pdata[i])->what == CP_DISCLOSURE_SUMMARY;
  return n;
}

/* What the clipboard holds now, read without running the main loop (so no timer can
 * fire in between): our own content is local. NULL when empty or not ours. */
static char *
clipboard_text (GdkClipboard *clipboard)
{
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;

  if (content == NULL)
    return NULL;
  g_value_init (&value, G_TYPE_STRING);
  if (!gdk_content_provider_get_value (content, &value, NULL))
    return NULL;
  return g_value_dup_string (&value);
}

static gboolean
clipboard_empty (gpointer data)
{
  return gdk_clipboard_get_content (data) == NULL;
}

static gboolean
timed_out (gpointer data)
{
  gboolean *flag = data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* The preview is exactly what is copied; Copy logs it, and the clipboard is cleared
 * after the delay while it still holds the summary. Cancel copies and logs nothing. */
static void
test_copy_and_clear (Fixture       *f,
                     gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *expected = cp_export_summary_text (f->ws.store, jo_id (f), "Social worker",
                                                      NULL, NULL);
  g_autofree char *shown = NULL;
  g_autofree char *copied = NULL;
  AdwMessageDialog *dialog;

  cp_summary_dialog_set_clear_delay (300);
  gdk_clipboard_set_text (clipboard, "before");

  dialog = cp_summary_dialog_present (GTK_WIDGET (f->window), f->ws.store, jo_id (f));
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  cp_test_save_screenshot (GTK_WIDGET (dialog), "summary-dialog.png");
  shown = dialog_text (dialog);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_nonnull (strstr (shown, "Social worker · from Connecting People Kit"));

  cp_test_respond (dialog, "cancel");
  g_assert_cmpuint (n_summaries (f), ==, 0);
  copied = clipboard_text (clipboard);
  g_assert_cmpstr (copied, ==, "before");
  g_clear_pointer (&copied, g_free);

  /* the response, then a look at the clipboard before the main loop runs again, so the
   * short delay cannot have passed however slow the build */
  dialog = cp_summary_dialog_present (GTK_WIDGET (f->window), f->ws.store, jo_id (f));
  adw_message_dialog_response (dialog, "copy");
  copied = clipboard_text (clipboard);
  g_assert_cmpstr (copied, ==, expected);
  g_assert_cmpuint (n_summaries (f), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (cp_test_wait_until (clipboard_empty, clipboard));
}

/* Copied over in the meantime: the newer text stays. */
static void
test_clear_leaves_newer (Fixture       *f,
                         gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  gboolean waited = FALSE;

  cp_summary_dialog_set_clear_delay (100);
  dialog = cp_summary_dialog_present (GTK_WIDGET (f->window), f->ws.store, jo_id (f));
  adw_message_dialog_response (dialog, "copy");
  gdk_clipboard_set_text (clipboard, "something else");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_timeout_add (300, timed_out, &waited);
  cp_test_wait_for (&waited);
  after = clipboard_text (clipboard);
  g_assert_cmpstr (after, ==, "something else");
}

/* The rows for goals and reviews, bound to their settings; scores said to be the
 * practitioner's. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpPreferencesWindow *prefs = cp_preferences_window_new (settings, f->ws.path);
  GtkWidget *row;
  GtkWidget *toggle;
  GtkWidget *phone;
  GtkWidget *spin;

  gtk_window_set_default_size (GTK_WINDOW (prefs), 520, 900);
  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  row = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "_Goal Attainment Scaling");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "practitioner only"));
  toggle = cp_test_find_widget (row, GTK_TYPE_SWITCH, NULL);
  g_assert_false (g_settings_get_boolean (settings, "goal-scaling"));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "goal-scaling"));

  row = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "_Weeks to the Next Review");
  g_assert_nonnull (row);
  spin = cp_test_find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 8);
  g_assert_cmpuint (g_settings_get_uint (settings, "review-weeks"), ==, 8);

  phone = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "_Team’s Phone Number");
  g_assert_nonnull (phone);
  cp_test_type_text (GTK_EDITABLE (phone), "0161 496 0000");
  {
    g_autofree char *saved = g_settings_get_string (settings, "team-phone");

    g_assert_cmpstr (saved, ==, "0161 496 0000");
  }
  cp_test_save_screenshot (GTK_WIDGET (prefs), "preferences-goals.png");
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/cp/goals/out/" name, Fixture, NULL, fixture_set_up, func, \
              cp_test_window_tear_down)
  ADD ("summary-copy-and-clear", test_copy_and_clear);
  ADD ("summary-clear-leaves-newer", test_clear_leaves_newer);
  ADD ("preferences", test_preferences);
#undef ADD

  return g_test_run ();
}
