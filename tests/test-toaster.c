/* test-toaster.c: toasts and failed edits reach the window from any widget inside it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-toaster"

#include "ui/cp-toaster.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "store/cp-store.h"

typedef CpTestWindow Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "toasts.cpkit");
  cp_test_window_present (f, FALSE);
}

/* Waits until the window shows a label whose text, as set (markup), is @label. */
static gboolean
wait_for_label (Fixture    *f,
                const char *label)
{
  return cp_test_wait_for_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL, label, TRUE);
}

/* A failed edit deep inside a page: the toast says "Not saved" and shows the message as
 * written, "&" and "<" included (toast titles are markup). */
static void
test_error_shown_as_written (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                 "Tom & Jerry's <notes> did not fit");
  GtkWidget *deep = cp_test_find_widget (f->window->people_page, ADW_TYPE_STATUS_PAGE, NULL);
  const char *markup = "Not saved: Tom &amp; Jerry&apos;s &lt;notes&gt; did not fit";
  GtkWidget *title;

  g_assert_nonnull (deep);
  cp_toaster_report_error (deep, error);
  g_assert_true (wait_for_label (f, markup));
  /* What the user reads is the message as it was written. */
  title = cp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL, markup);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==,
                   "Not saved: Tom & Jerry's <notes> did not fit");
  cp_test_save_screenshot (GTK_WIDGET (f->window), "toast-error.png");
}

/* A widget in a dialog over the window reaches the window's toasts too. */
static void
test_from_dialog (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("inside a dialog");

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (f->window));
  gtk_window_set_child (GTK_WINDOW (dialog), label);
  gtk_window_present (GTK_WINDOW (dialog));
  cp_toaster_add_toast (label, adw_toast_new ("Sent from a dialog"));
  g_assert_true (wait_for_label (f, "Sent from a dialog"));
  /* …and is not shown in the dialog. */
  g_assert_null (cp_test_find_widget (dialog, GTK_TYPE_LABEL, "Sent from a dialog"));
}

/* An undoable edit: the toast offers Undo, which is the window's undo. */
static void
test_undoable (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *button;

  /* (the Library page is made when first shown) */
  _cp_window_show_section (f->window, "library");
  cp_toaster_add_undoable (f->window->library_page, "Removed");
  g_assert_true (wait_for_label (f, "Removed"));
  button = cp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.undo");
  /* A screen reader says "Undo": the button is named by its mnemonic label alone, not
   * also by its raw text, which GTK 4.8 says first ("_Undo Undo"). */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));
}

/* With no window (a widget shown alone) the toast is dropped, and the failure is logged
 * without its message, which may quote what was typed. */
static void
test_no_window (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                 "Private words");
  GtkWidget *alone = g_object_ref_sink (gtk_label_new ("alone"));
  AdwToast *toast = adw_toast_new ("Nowhere to go");

  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  cp_toaster_add_toast (alone, toast);
  g_assert_null (toast);

  g_test_expect_message ("cp-toaster", G_LOG_LEVEL_WARNING,
                         "Edit not saved (g-io-error-quark, 12)");
  cp_toaster_report_error (alone, error);
  g_test_assert_expected_messages ();
  g_object_unref (alone);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible properties to read */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/cp/app/toaster/error-shown-as-written", Fixture, NULL,
              fixture_set_up, test_error_shown_as_written, cp_test_window_tear_down);
  g_test_add ("/cp/app/toaster/from-dialog", Fixture, NULL,
              fixture_set_up, test_from_dialog, cp_test_window_tear_down);
  g_test_add ("/cp/app/toaster/undoable", Fixture, NULL,
              fixture_set_up, test_undoable, cp_test_window_tear_down);
  g_test_add_func ("/cp/app/toaster/no-window", test_no_window);

  return g_test_run ();
}
