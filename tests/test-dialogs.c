/* test-dialogs.c: the confirmation and file-chooser helpers every screen uses
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-dialogs"

#include <glib/gstdio.h>

#include "ui/cp-dialogs.h"
#include "cp-test-ui.h"

typedef struct
{
  guint      confirmed;
  guint      freed;
  GtkWidget *from;
  GFile     *file;
} Calls;

static void
confirmed_cb (GtkWidget *from,
              gpointer   user_data)
{
  Calls *calls = user_data;

  calls->confirmed++;
  calls->from = from;
}

static void
freed_cb (gpointer user_data)
{
  ((Calls *) user_data)->freed++;
}

static GtkWidget *
window_with_button (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_button_new_with_label ("Ask");

  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  return button;
}

/* Cancelling does nothing; confirming runs the action once, for the widget that asked;
 * Enter and Escape both mean cancel. */
static void
test_confirm (void)
{
  GtkWidget *button = window_with_button ();
  GtkRoot *window = gtk_widget_get_root (button);
  Calls calls = { 0 };
  AdwMessageDialog *dialog;
  GtkWidget *asker;

  /* Held, to see it freed with what it was given. */
  dialog = g_object_ref (cp_confirm (button, "Erase It?", "It cannot be undone.", "_Cancel",
                                     "erase", "_Erase", ADW_RESPONSE_DESTRUCTIVE,
                                     confirmed_cb, &calls, freed_cb));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (calls.confirmed, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (calls.freed, ==, 1);

  dialog = g_object_ref (cp_confirm (button, "Erase It?", NULL, "_Cancel", "erase", "_Erase",
                                     ADW_RESPONSE_DESTRUCTIVE, confirmed_cb, &calls, freed_cb));
  adw_message_dialog_response (dialog, "erase");
  g_assert_cmpuint (calls.confirmed, ==, 1);
  g_assert_true (calls.from == button);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (calls.freed, ==, 2);

  /* The widget that asked is gone by the time the answer comes: nothing runs. */
  asker = g_object_ref_sink (gtk_label_new ("Asking"));
  dialog = g_object_ref (cp_confirm (asker, "Erase It?", NULL, "_Cancel", "erase", "_Erase",
                                     ADW_RESPONSE_DESTRUCTIVE, confirmed_cb, &calls, freed_cb));
  g_assert_finalize_object (asker);
  adw_message_dialog_response (dialog, "erase");
  g_assert_cmpuint (calls.confirmed, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (calls.freed, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
chosen_cb (gpointer  owner,
           GFile    *file,
           gpointer  user_data)
{
  Calls *calls = user_data;

  calls->confirmed++;
  calls->from = owner;
  g_set_object (&calls->file, file);
}

typedef struct
{
  GtkNativeDialog *chooser;
  GFile           *folder;
} InFolder;

static gboolean
in_folder (gpointer data)
{
  InFolder *f = data;
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (f->chooser));

  return current != NULL && g_file_equal (current, f->folder);
}

/* A save chooser offers the suggested name in the given folder, lists only the kind of
 * file asked for, and hands back the file the user accepted. */
static void
test_save_file (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GtkWidget *button = window_with_button ();
  Calls calls = { 0 };
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = "Save a Report",
    .accept_label = "_Save",
    .suggested_name = "subject-access-R12.pdf",
    .folder = folder,
    .kind = CP_FILE_KIND_PDF,
  };
  GtkNativeDialog *chooser;
  GtkFileFilter *filter;

#if defined(__SANITIZE_ADDRESS__)
  /* With no portal, even a GtkFileChooserNative builds GTK 4.8's own file chooser, which
   * leaks in GTK, GIO and libcloudproviders as it loads folders and places. This test
   * runs in the normal build; the confirmation test above runs under ASan too. */
  g_test_skip ("GTK's fallback file chooser leaks under LeakSanitizer");
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (button)));
  cp_test_rm_rf (dir);
  return;
#endif

  chooser = g_object_ref (cp_file_dialog_show (button, NULL, &options, chosen_cb, &calls,
                                               freed_cb));
  g_assert_cmpstr (gtk_native_dialog_get_title (chooser), ==, "Save a Report");
  g_assert_cmpstr (gtk_file_chooser_native_get_accept_label (GTK_FILE_CHOOSER_NATIVE (chooser)),
                   ==, "_Save");
  g_assert_true (gtk_native_dialog_get_modal (chooser));
  g_assert_true (gtk_native_dialog_get_transient_for (chooser)
                 == GTK_WINDOW (gtk_widget_get_root (button)));
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "subject-access-R12.pdf");
  g_assert_true (cp_test_wait_until (in_folder, &(InFolder) { chooser, folder }));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PDF documents");

  /* The user accepts: the file comes back, and the chooser is closed. */
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_cmpuint (calls.confirmed, ==, 1);
  g_assert_true (calls.from == (gpointer) button);
  g_assert_nonnull (calls.file);
  g_assert_cmpstr (g_file_peek_path (calls.file) + strlen (dir), ==, "/subject-access-R12.pdf");
  g_assert_cmpuint (calls.freed, ==, 1);
  g_assert_false (gtk_native_dialog_get_visible (chooser));
  g_object_unref (chooser);

  /* A new name: nothing to replace. An existing one came back only after the chooser
   * asked "Replace?" and the user said yes: the save may replace it. */
  g_assert_false (cp_file_dialog_replace_confirmed (calls.file));
  g_assert_true (g_file_set_contents (g_file_peek_path (calls.file), "x", 1, NULL));
  g_assert_true (cp_file_dialog_replace_confirmed (calls.file));
  g_unlink (g_file_peek_path (calls.file));
  g_clear_object (&calls.file);

  /* Given no folder, a save starts in the user's documents (here there are none: home),
   * never where the app was started from. */
  {
    CpFileDialog no_folder = options;
    g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
    g_autofree char *started_in = g_get_current_dir ();

    g_assert_cmpstr (started_in, !=, g_get_home_dir ());
    no_folder.folder = NULL;
    chooser = g_object_ref (cp_file_dialog_show (button, NULL, &no_folder, chosen_cb, &calls,
                                                 freed_cb));
    g_assert_true (cp_test_wait_until (in_folder, &(InFolder) { chooser, home }));
    g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
    g_assert_cmpuint (calls.confirmed, ==, 1);
    g_object_unref (chooser);
  }

  /* The window goes while the chooser is open: it closes, and nothing is called. */
  chooser = g_object_ref (cp_file_dialog_show (button, NULL, &options, chosen_cb, &calls,
                                               freed_cb));
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (button)));
  cp_test_flush_main_context ();
  g_assert_false (gtk_native_dialog_get_visible (chooser));
  g_assert_cmpuint (calls.confirmed, ==, 1);
  g_assert_cmpuint (calls.freed, ==, 3);
  g_object_unref (chooser);
  cp_test_flush_main_context ();
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add_func ("/cp/app/dialogs/confirm", test_confirm);
  g_test_add_func ("/cp/app/dialogs/save-file", test_save_file);

  return g_test_run ();
}
