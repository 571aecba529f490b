/* test-pack-ui.c: supervision packs as the user meets them: the Preferences switch, the
 * send dialog, opening a pack with its passphrase, the pack's window, Export Reply and
 * Import Supervision Reply
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-pack-ui"

#include <glib/gstdio.h>

#include "app/cp-application-private.h"
#include "app/cp-preferences-window.h"
#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-pack-passphrase-dialog.h"
#include "ui/cp-menu-button.h"
#include "supervision/cp-pack-reply.h"
#include "supervision/cp-pack-send-dialog.h"
#include "supervision/cp-supervision-pack.h"
#include "util/cp-date.h"

typedef CpTestWindow Fixture;

static const char *PASSPHRASE = "river maple stone cloud";
static const char *REPLY_PASSPHRASE = "lemon pine harbour kite";

static void
set_packs (gboolean on)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "supervision-packs", on);
}

/* The practice workspace (Jo, Edna, Tariq paused) in the window; packs as they ship. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "supervision-packs");
  g_settings_reset (settings, "practitioner-role");
  cp_test_workspace_set_up_practice (&f->ws, NULL);
  cp_test_window_present (f, TRUE);
}

/* ---- Helpers ---------------------------------------------------------------------------- */

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, "action", "s", &item_action)
          && g_strcmp0 (item_action, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkMenuButton *
find_main_menu (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child)
          && cp_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL
          && menu_has_action (cp_menu_button_get_menu_model (GTK_MENU_BUTTON (child)),
                              "win.save-copy"))
        return GTK_MENU_BUTTON (child);
      if ((found = find_main_menu (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether the open Main Menu shows an item labelled @label. */
static gboolean
main_menu_shows (CpWindow   *window,
                 const char *label)
{
  GtkMenuButton *button = find_main_menu (GTK_WIDGET (window));
  GtkPopover *popover;
  gboolean shown;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  shown = cp_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LABEL, label) != NULL;
  gtk_menu_button_popdown (button);
  cp_test_flush_main_context ();
  return shown;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = cp_test_find_named (root, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static guint
count_windows (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window));
    }
  return n;
}

static CpWindow *
find_pack_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CP_IS_WINDOW (window) && cp_store_is_pack (cp_window_get_store (CP_WINDOW (window))))
        return CP_WINDOW (window);
    }
  return NULL;
}

static gboolean
pack_window_there (gpointer data)
{
  return find_pack_window () != NULL;
}

static gboolean
no_passphrase_dialog (gpointer data)
{
  return cp_test_find_window (CP_TYPE_PACK_PASSPHRASE_DIALOG) == NULL;
}

static guint
n_disclosures (CpStore *store,
               gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = cp_store_list_disclosures (store, person_id, &error);

  g_assert_no_error (error);
  return log->len;
}

/* Types @passphrase into the open passphrase dialog and presses its button. */
static GtkWindow *
answer_passphrase (const char *passphrase)
{
  GtkWindow *dialog = cp_test_wait_for_window (CP_TYPE_PACK_PASSPHRASE_DIALOG);

  gtk_editable_set_text (GTK_EDITABLE (cp_test_find_named (GTK_WIDGET (dialog),
                                                           "passphrase-row")), passphrase);
  g_signal_emit_by_name (cp_test_find_named (GTK_WIDGET (dialog), "accept-button"), "clicked");
  return dialog;
}

/* Sends a pack of Jo to a practice educator from the send dialog, into @dir. */
static char *
send_pack_of_jo (Fixture    *f,
                 const char *dir)
{
  CpPerson *jo = cp_test_dup_person (f->ws.store, "Jo");
  g_autofree char *check_name = g_strdup_printf ("person-%" G_GINT64_FORMAT,
                                                 cp_person_get_id (jo));
  g_autofree char *today = cp_date_today ();
  g_autofree char *expected = g_strdup_printf ("supervision-pack-%s-practitioner.cpkpack", today);
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  CpPackSendDialog *dialog;
  GtkWidget *save, *row, *another;
  const char *preview;
  guint logged = n_disclosures (f->ws.store, cp_person_get_id (jo));
  char *path;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send-pack", NULL));
  dialog = CP_PACK_SEND_DIALOG (cp_test_wait_for_window (CP_TYPE_PACK_SEND_DIALOG));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  save = cp_test_find_named (GTK_WIDGET (dialog), "save-button");

  /* No one chosen: nothing to save, and the preview says what to do. */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (dialog), "preview-label"),
                            "Choose at least one person"));
  /* People are listed as the pack shows them: by initials, never by name; closed
   * people are not offered, paused ones are. */
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "J"));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "T"));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Jo"));

  /* Jo to the line supervisor: the case reference goes. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cp_test_find_named (GTK_WIDGET (dialog),
                                                                     check_name)), TRUE);
  preview = label_text (GTK_WIDGET (dialog), "preview-label");
  g_assert_nonnull (strstr (preview, "PRACTICE-0001"));
  g_assert_null (strstr (preview, "Case reference left out"));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* To an external practice educator: it is left out, and the preview says so. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cp_test_find_named (GTK_WIDGET (dialog),
                                                                     "practice-educator")),
                               TRUE);
  preview = label_text (GTK_WIDGET (dialog), "preview-label");
  g_assert_nonnull (strstr (preview, "Case reference left out"));
  g_assert_null (strstr (preview, "PRACTICE-0001"));
  cp_test_save_screenshot (GTK_WIDGET (dialog), "pack-send-dialog.png");
  /* At 360 px wide, everything still fits across. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  cp_test_save_screenshot (GTK_WIDGET (dialog), "pack-send-dialog-360.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);

  /* Four words are proposed; another suggestion replaces them; an empty one cannot
   * seal anything. */
  row = cp_test_find_named (GTK_WIDGET (dialog), "passphrase-row");
  {
    g_autofree char *first = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
    g_auto(GStrv) words = g_strsplit (first, " ", -1);

    g_assert_cmpuint (g_strv_length (words), ==, 4);
    another = cp_test_find_named (GTK_WIDGET (dialog), "another-passphrase");
    g_signal_emit_by_name (another, "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), !=, first);
  }
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Saved under the name the chooser offers: by date and role. */
  name = cp_pack_send_dialog_dup_file_name (dialog);
  g_assert_cmpstr (name, ==, expected);
  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  cp_pack_send_dialog_save_to (dialog, file);
  g_assert_true (cp_test_wait_until (widget_mapped, cp_test_find_named (GTK_WIDGET (dialog),
                                                                        "saved-page")));
  /* The passphrase is shown once more, to give by phone. */
  g_assert_nonnull (strstr (adw_status_page_get_description (
                              ADW_STATUS_PAGE (cp_test_find_named (GTK_WIDGET (dialog),
                                                                   "saved-page"))),
                            PASSPHRASE));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* It has left: Jo's disclosure log says so. */
  g_assert_cmpuint (n_disclosures (f->ws.store, cp_person_get_id (jo)), ==, logged + 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (jo);
  return path;
}

/* ---- Tests ------------------------------------------------------------------------------ */

/* Off as shipped: the Main Menu shows none of it; the Preferences switch (which names the
 * data-protection impact assessment) brings the items, and takes them away again. */
static void
test_preferences_switch (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpPreferencesWindow *prefs;
  GtkWidget *row, *sw;

  g_assert_false (main_menu_shows (f->window, "Send Supervision _Pack…"));
  g_assert_false (main_menu_shows (f->window, "_Import Supervision Reply…"));

  prefs = cp_preferences_window_new (settings, NULL);
  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  row = cp_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW,
                             "Send and Receive Supervision _Packs");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "data-protection impact assessment"));
  sw = cp_test_find_widget (row, GTK_TYPE_SWITCH, NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));

  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (main_menu_shows (f->window, "Send Supervision _Pack…"));
  g_assert_true (main_menu_shows (f->window, "_Import Supervision Reply…"));
  /* Export Reply belongs to a window on a pack. */
  g_assert_false (main_menu_shows (f->window, "_Export Reply…"));

  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_false (main_menu_shows (f->window, "Send Supervision _Pack…"));
  g_assert_false (main_menu_shows (f->window, "_Import Supervision Reply…"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Packs off: opening one says how to turn them on, and asks for no passphrase. */
static void
test_open_when_off (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/x.cpkpack");

  _cp_application_open_pack_file (NULL, GTK_WINDOW (f->window), file);
  cp_test_respond (cp_test_wait_for_dialog ("Supervision Packs Are Off"), "close");
  g_assert_null (cp_test_find_window (CP_TYPE_PACK_PASSPHRASE_DIALOG));
}

/* A file that is no pack, and a reply to a pack this workspace never sent: said at once,
 * before any passphrase. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *not_pack = g_build_filename (dir, "notes.cpkpack", NULL);
  g_autofree char *reply = g_build_filename (dir, "stray.cpkreply", NULL);
  g_autofree char *workspace_uuid = cp_store_dup_workspace_uuid (f->ws.store);
  g_autofree char *pack_uuid = g_uuid_string_random ();
  g_autoptr(GBytes) payload = g_bytes_new_static ("x", 1);
  g_autoptr(GFile) not_pack_file = g_file_new_for_path (not_pack);
  g_autoptr(GFile) reply_file = g_file_new_for_path (reply);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;

  set_packs (TRUE);
  g_assert_true (g_file_set_contents (not_pack, "Dear supervisor, …", -1, NULL));
  _cp_application_open_pack_file (NULL, GTK_WINDOW (f->window), not_pack_file);
  message = cp_test_wait_for_dialog ("Cannot Open This Pack");
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  g_assert_null (cp_test_find_window (CP_TYPE_PACK_PASSPHRASE_DIALOG));
  cp_test_respond (message, "close");

  g_assert_true (cp_supervision_pack_write (reply, CP_PACK_KIND_REPLY, workspace_uuid,
                                            pack_uuid, "Line supervisor", payload,
                                            REPLY_PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  cp_window_import_reply (f->window, reply_file);
  message = cp_test_wait_for_dialog ("Cannot Import This Reply");
  g_assert_null (cp_test_find_window (CP_TYPE_PACK_PASSPHRASE_DIALOG));
  cp_test_respond (message, "close");
  cp_test_rm_rf (dir);
}

/* A button on screen that offers to add a person. */
static gboolean
shows_add_button (GtkWidget *w)
{
  if (GTK_IS_MENU_BUTTON (w) && gtk_widget_is_drawable (w)
      && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (w)), "list-add-symbolic") == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_add_button (c))
      return TRUE;
  return FALSE;
}

/* Send, open as the supervisor (a wrong passphrase first), comment, try to close, export
 * a reply, import it as the practitioner, import it again. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *reply_path = g_build_filename (dir, "reply.cpkreply", NULL);
  g_autofree char *today = cp_date_today ();
  g_autofree char *day = cp_date_format_long (today);
  g_autofree char *want_title = g_strdup_printf ("Supervision pack from Practitioner, %s", day);
  g_autofree char *session = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) reply_file = g_file_new_for_path (reply_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(CpPerson) jo_in_pack = NULL;
  GtkWindow *passphrase;
  CpWindow *pack;
  CpStore *pack_store;
  AdwMessageDialog *dialog;
  GtkWidget *error_label;
  gint64 jo_id;

  set_packs (TRUE);
  path = send_pack_of_jo (f, dir);
  file = g_file_new_for_path (path);

  /* A wrong passphrase: the message shows under the entry, the dialog stays, nothing
   * opens. */
  _cp_application_open_pack_file (NULL, GTK_WINDOW (f->window), file);
  passphrase = answer_passphrase ("river maple stone clout");
  error_label = cp_test_find_named (GTK_WIDGET (passphrase), "passphrase-error");
  g_assert_true (cp_test_wait_until (widget_mapped, error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_true (cp_test_find_window (CP_TYPE_PACK_PASSPHRASE_DIALOG) == passphrase);
  g_assert_null (find_pack_window ());
  g_assert_cmpuint (count_windows (CP_TYPE_WINDOW), ==, 1);

  /* The right one (spaces as typed over the phone do not matter): a window on the pack. */
  answer_passphrase ("  river maple  stone cloud");
  g_assert_true (cp_test_wait_until (pack_window_there, NULL));
  g_assert_true (cp_test_wait_until (no_passphrase_dialog, NULL));
  pack = find_pack_window ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (pack));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (pack)), ==, want_title);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (pack)), "Jo"));
  g_assert_cmpstr (label_text (GTK_WIDGET (pack), "pack-banner-title"), ==, want_title);
  g_assert_true (gtk_widget_get_mapped (cp_test_find_named (GTK_WIDGET (pack),
                                                            "export-reply-button")));
  /* Read-only, but not "Read-only — Save a Copy": a pack never goes to the disk whole. */
  pack_store = cp_window_get_store (pack);
  g_assert_true (cp_store_get_read_only (pack_store));
  g_assert_false (gtk_revealer_get_reveal_child (pack->read_only_revealer));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (pack), GTK_TYPE_LABEL, "Jo"));
  /* the people are the ones sent: no add button, not even greyed out (the practitioner's
   * window has one) */
  g_assert_false (shows_add_button (GTK_WIDGET (pack)));
  g_assert_true (shows_add_button (GTK_WIDGET (f->window)));
  gtk_window_set_default_size (GTK_WINDOW (pack), 1280, 800);
  cp_test_save_screenshot (GTK_WIDGET (pack), "pack-window.png");
  /* At 360 px the banner and its button still fit. */
  gtk_window_set_default_size (GTK_WINDOW (pack), 360, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (pack));
  cp_test_save_screenshot (GTK_WIDGET (pack), "pack-window-360.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (pack)), <=, 360);

  /* The supervisor comments on J.'s plan. */
  jo_in_pack = g_list_model_get_item (cp_store_get_people (pack_store), 0);
  jo_id = cp_person_get_id (jo_in_pack);
  session = cp_store_add_supervision_session (pack_store, today, "Line supervisor", &jo_id, 1,
                                              &error);
  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (pack_store, session, jo_id,
                                              "The community link is a good start.", &error);
  g_assert_no_error (error);

  /* Closing with the comment unsent asks first; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (pack));
  cp_test_respond (cp_test_wait_for_dialog ("Export a Reply First?"), "cancel");
  cp_test_flush_main_context ();
  g_assert_true (find_pack_window () == pack);

  /* Export Reply… from the banner: the passphrase is proposed again. */
  g_signal_emit_by_name (cp_test_find_named (GTK_WIDGET (pack), "export-reply-button"),
                         "clicked");
  dialog = cp_test_wait_for_dialog ("Export Reply");
  gtk_editable_set_text (GTK_EDITABLE (cp_test_find_named (GTK_WIDGET (dialog),
                                                           "passphrase-row")),
                         REPLY_PASSPHRASE);
  cp_pack_reply_export_to (dialog, reply_file);
  dialog = cp_test_wait_for_dialog ("Reply Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), REPLY_PASSPHRASE));
  cp_test_respond (dialog, "close");
  g_assert_true (g_file_test (reply_path, G_FILE_TEST_IS_REGULAR));

  /* Sent: the window closes without asking. */
  gtk_window_close (GTK_WINDOW (pack));
  cp_test_flush_main_context ();
  g_assert_null (find_pack_window ());
  g_assert_null (cp_test_find_dialog ("Export a Reply First?"));

  /* The practitioner imports the reply: one undo step, a toast with Undo. */
  cp_window_import_reply (f->window, reply_file);
  answer_passphrase (REPLY_PASSPHRASE);
  g_assert_true (cp_test_wait_for_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                                          "Supervision reply imported: 1 comment, action or "
                                          "sign-off", TRUE));
  g_assert_true (cp_test_wait_until (no_passphrase_dialog, NULL));
  sessions = cp_store_list_supervision_sessions (f->ws.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_true (cp_store_can_undo (f->ws.store));

  /* Again: nothing new, nothing changed. */
  g_clear_pointer (&sessions, g_ptr_array_unref);
  cp_window_import_reply (f->window, reply_file);
  answer_passphrase (REPLY_PASSPHRASE);
  g_assert_true (cp_test_wait_for_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                                          "Nothing new in this reply", TRUE));
  sessions = cp_store_list_supervision_sessions (f->ws.store, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  cp_test_rm_rf (dir);
}

/* With 120 more people: the people are a list of their own, no taller than a few rows,
 * so the recipient and passphrase below stay in reach; it opens with fifty rows and
 * makes the next as it is scrolled; Jo, ticked first, and someone far down both go. */
static void
test_long_caseload (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->ws.store, "Jo");
  g_autofree char *jo_check = g_strdup_printf ("person-%" G_GINT64_FORMAT, cp_person_get_id (jo));
  g_autofree char *far_check = NULL;
  GtkWidget *dialog, *list, *scroll;
  GtkAdjustment *adjustment;
  gint64 far = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);

      far = cp_test_add_person (f->ws.store, name);
    }
  far_check = g_strdup_printf ("person-%" G_GINT64_FORMAT, far);
  set_packs (TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.send-pack", NULL));
  dialog = GTK_WIDGET (cp_test_wait_for_window (CP_TYPE_PACK_SEND_DIALOG));
  gtk_test_widget_wait_for_draw (dialog);

  list = gtk_widget_get_ancestor (cp_test_find_named (dialog, jo_check), GTK_TYPE_LIST_BOX);
  scroll = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpuint (cp_test_count_rows (list), ==, 50);
  g_assert_cmpint (gtk_widget_get_height (scroll), <=, 360);
  g_assert_true (gtk_widget_get_mapped (cp_test_find_named (dialog, "practice-educator")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cp_test_find_named (dialog, jo_check)), TRUE);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
  for (guint want = 100; want <= 150; want += 50)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
      cp_test_wait_for_rows (list, MIN (want, 123));  /* everyone but the closed: 123 */
      gtk_test_widget_wait_for_draw (dialog);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (cp_test_find_named (dialog, far_check)), TRUE);
  g_assert_true (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (cp_test_find_named (dialog, jo_check))));
  g_assert_nonnull (strstr (label_text (dialog, "preview-label"), ": 2 people, by initials"));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/cp/supervision/pack-ui/" path, Fixture, NULL, fixture_set_up, func, \
              cp_test_window_tear_down)
  ADD ("preferences-switch", test_preferences_switch);
  ADD ("open-when-off", test_open_when_off);
  ADD ("bad-files", test_bad_files);
  ADD ("round-trip", test_round_trip);
  ADD ("long-caseload", test_long_caseload);
#undef ADD
  return g_test_run ();
}
