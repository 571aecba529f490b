/* cp-window-actions.c: workspace-file actions of the window (save a copy, restore)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-window"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"
#include "cp-window-private.h"
#include "store/cp-store-async.h"
#include "store/cp-store-pack.h"
#include "util/cp-date.h"

/* ---- Work in a worker ----------------------------------------------------------------- */

/* One job of the window: its banner entry, and the window kept alive until it is done. */
typedef struct
{
  CpWindow *self;
  guint     busy;
} Job;

static Job *
job_begin (CpWindow   *self,
           const char *label,
           gboolean    exclusive)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->busy = _cp_window_begin_busy (self, label, exclusive);
  return job;
}

/* Ends @job; FALSE when the window went meanwhile (then nothing is to be shown). */
static gboolean
job_end (Job          *job,
         const GError *error)
{
  gboolean alive = !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (alive)
    _cp_window_end_busy (job->self, job->busy);
  g_object_unref (job->self);
  g_free (job);
  return alive;
}

/* ---- Daily backup --------------------------------------------------------------------- */

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cp_store_backup_daily_finish (CP_STORE (source), result, &error))
    g_warning ("Daily backup not taken (%s, %d)", g_quark_to_string (error->domain),
               error->code);
  job_end (user_data, error);
}

static void
start_daily_backup (CpWindow *self)
{
  cp_store_backup_daily_async (self->store, self->cancellable, daily_backup_done_cb,
                               job_begin (self, _("Taking today’s backup…"), FALSE));
}

static void
frame_drawn_cb (GdkFrameClock *clock,
                CpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, frame_drawn_cb, self);
  start_daily_backup (self);
}

void
cp_window_take_daily_backup (CpWindow *self,
                             guint     keep)
{
  GdkFrameClock *clock = NULL;

  g_return_if_fail (CP_IS_WINDOW (self));

  if (cp_store_get_read_only (self->store))
    return;
  cp_store_set_backup_keep (self->store, keep);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      start_daily_backup (self);
      return;
    }
  /* Once the window has drawn its next frame (for a window just shown, its first): the
   * backup reads the whole file on another core, and the window is what the user waits
   * for. A frame is asked for, so that one comes even when nothing has changed. */
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (frame_drawn_cb), self, 0);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* ---- Save a copy ---------------------------------------------------------------------- */

static void
save_copy_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(CpWindow) self = g_object_ref (job->self);
  g_autoptr(GError) error = NULL;
  gboolean saved = cp_store_save_copy_finish (CP_STORE (source), result, &error);

  if (!job_end (job, error))
    return;
  if (!saved)
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    cp_toaster_add_toast (GTK_WIDGET (self), adw_toast_new (_("Copy of the workspace saved")));
}

void
cp_window_save_copy_to (CpWindow *self,
                        GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (CP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The copy holds what is saved: edits waiting for the typing pause go in first. An
   * existing name was already asked about ("Replace?") by the chooser. */
  _cp_window_flush_people (self);
  cp_store_save_copy_async (self->store, path, cp_file_dialog_replace_confirmed (file),
                            self->cancellable, save_copy_done_cb,
                            job_begin (self, _("Saving a copy of the workspace…"), FALSE));
}

static void
save_copy_chosen_cb (gpointer  owner,
                     GFile    *file,
                     gpointer  user_data)
{
  cp_window_save_copy_to (CP_WINDOW (owner), file);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);
  g_autofree char *display_name = cp_store_dup_display_name (self->store);
  /* Translators: file name of a copy of the workspace; %s is the workspace's name */
  g_autofree char *suggested = g_strdup_printf (_("%s (copy).cpkit"), display_name);
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Save a Copy"),
    .accept_label = _("_Save"),
    .suggested_name = suggested,
  };

  cp_file_dialog_show (self, NULL, &options, save_copy_chosen_cb, NULL, NULL);
}

/* ---- Restore from backup -------------------------------------------------------------- */

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(CpWindow) self = g_object_ref (job->self);
  g_autoptr(GError) error = NULL;
  gboolean restored = cp_store_restore_backup_finish (CP_STORE (source), result, &error);

  if (!job_end (job, error))
    return;
  if (!restored)
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    cp_toaster_add_toast (GTK_WIDGET (self),
                          adw_toast_new (_("Workspace restored from the backup")));
}

static void
restore_confirmed_cb (GtkWidget *from,
                      gpointer   user_data)
{
  CpWindow *self = CP_WINDOW (from);
  const char *backup = user_data;

  /* Edits still waiting for the typing pause go in before the present state is kept;
   * then edits wait until the backup is in place. */
  _cp_window_flush_people (self);
  cp_store_restore_backup_async (self->store, backup, self->cancellable, restore_done_cb,
                                 job_begin (self, _("Restoring the backup…"), TRUE));
}

static void
restore_row_activated_cb (AdwActionRow *row,
                          const char   *backup)
{
  GtkWindow *list_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (row)));
  GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (list_window));
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("The workspace goes back to how it was on %s. "
                            "Its present state is backed up first, so this "
                            "can be reversed by restoring that backup."),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  cp_confirm (window, _("Restore This Backup?"), body,
              _("_Cancel"), "restore", _("_Restore"), ADW_RESPONSE_DESTRUCTIVE,
              restore_confirmed_cb, g_strdup (backup), g_free);
  /* The list goes (and @backup with it): the question stands over the window. */
  gtk_window_destroy (list_window);
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
      g_autofree char *iso = cp_store_dup_backup_date (cp_store_get_path (self->store),
                                                       backups[i]);
      g_autofree char *day = cp_date_format_long (iso);
      g_autofree char *base = g_path_get_basename (backups[i]);
      /* Row titles are markup; a file name is not ours. */
      g_autofree char *title = day ? g_steal_pointer (&day) : g_markup_escape_text (base, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 cp_a11y_decorative_image_new ("go-next-symbolic"));
      g_signal_connect_data (row, "activated", G_CALLBACK (restore_row_activated_cb),
                             g_strdup (backups[i]), (GClosureNotify) (void (*) (void)) g_free,
                             0);
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
  gboolean practitioner = !_cp_window_get_with_person (self);
  gboolean writable = !cp_store_get_read_only (self->store);
  gboolean busy = self->busy_jobs != NULL && self->busy_jobs->len > 0;

  /* A restore replaces the file: not while anything else reads it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 practitioner && writable && !busy);
  /* A pack is decrypted into memory only: never a copy of it on the disk. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy",
                                 practitioner && !_cp_window_get_blocked (self)
                                 && !cp_store_is_pack (self->store));
  _cp_window_update_pack_actions (self);
}
