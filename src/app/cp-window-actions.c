/* cp-window-actions.c: workspace-file actions of the window (save a copy, restore)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-window-private.h"

/* ---- Save a copy ---------------------------------------------------------------------- */

static void
save_copy_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       CpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("A file with that name already exists. Choose another name."));
          cp_window_show_error (self, error);
        }
      else if (!cp_store_save_copy (self->store, path, &error))
        cp_window_show_error (self, error);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Copy of the workspace saved")));
    }
  g_object_unref (chooser);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autofree char *display_name = cp_store_dup_display_name (self->store);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: file name of a copy of the workspace; %s is the workspace's name */
  suggested = g_strdup_printf (_("%s (copy).cpkit"), display_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Restore from backup -------------------------------------------------------------- */

typedef struct
{
  CpWindow *window;
  char     *backup;
} RestoreData;

static void
restore_data_free (gpointer data)
{
  RestoreData *rd = data;

  g_free (rd->backup);
  g_free (rd);
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RestoreData      *rd)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  if (!cp_store_restore_backup (rd->window->store, rd->backup, &error))
    cp_window_show_error (rd->window, error);
  else
    adw_toast_overlay_add_toast (rd->window->toast_overlay,
                                 adw_toast_new (_("Workspace restored from the backup")));
}

static RestoreData *
restore_data_new (CpWindow   *window,
                  const char *backup)
{
  RestoreData *rd = g_new0 (RestoreData, 1);

  rd->window = window;
  rd->backup = g_strdup (backup);
  return rd;
}

static void
restore_row_activated_cb (AdwActionRow *row,
                          RestoreData  *row_data)
{
  GtkWidget *dialog;
  RestoreData *rd = restore_data_new (row_data->window, row_data->backup);
  GtkRoot *list_window = gtk_widget_get_root (GTK_WIDGET (row));

  dialog = adw_message_dialog_new (GTK_WINDOW (rd->window), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The workspace goes back to how it was on %s. "
                                    "Its present state is backed up first, so this "
                                    "can be reversed by restoring that backup."),
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_confirm_cb), rd,
                         (GClosureNotify) (void (*) (void)) restore_data_free, 0);
  gtk_window_destroy (GTK_WINDOW (list_window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_auto(GStrv) backups = cp_store_list_backups (self->store);
  AdwPreferencesWindow *prefs;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  prefs = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_title (GTK_WINDOW (prefs), _("Restore from Backup"));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (prefs), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 420, 480);
  adw_preferences_window_set_search_enabled (prefs, FALSE);
  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Daily Backups"));
  adw_preferences_group_set_description (group,
                                         _("A copy of this workspace is kept each day it is "
                                           "opened. Choose the day to go back to."));

  for (guint i = 0; backups != NULL && backups[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = cp_store_dup_backup_date (cp_store_get_path (self->store),
                                                        backups[i]);
      g_autofree char *title = date ? g_steal_pointer (&date) : g_path_get_basename (backups[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect_data (row, "activated", G_CALLBACK (restore_row_activated_cb),
                             restore_data_new (self, backups[i]),
                             (GClosureNotify) (void (*) (void)) restore_data_free, 0);
      adw_preferences_group_add (group, row);
    }

  if (backups == NULL || backups[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("The first one is taken the next time the workspace "
                                     "is opened on a new day."));
      adw_preferences_group_add (group, row);
    }

  adw_preferences_page_add (page, group);
  adw_preferences_window_add (prefs, page);
  gtk_window_present (GTK_WINDOW (prefs));
}

void
_cp_window_class_init_workspace_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
}

void
_cp_window_init_workspace_actions (CpWindow *self)
{
  gboolean writable = !cp_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", writable);
}
