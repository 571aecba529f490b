/* cp-pack-ui.c: the parts the pack and reply dialogs share: the passphrase, the writing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack-ui"

#include <glib/gi18n.h>

#include "cp-pack-ui.h"
#include "supervision/cp-supervision-pack.h"
#include "ui/cp-a11y.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

/* ---- The passphrase, when sealing ------------------------------------------------------ */

static GtkWidget *
passphrase_row (GtkWidget *group)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (group), "cp-passphrase-row");

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  return row;
}

static void
suggest_another_cb (GtkEditable *row)
{
  char *words = cp_pack_suggest_passphrase ();

  gtk_editable_set_text (row, words);
  cp_pack_passphrase_free (words);
}

GtkWidget *
cp_pack_passphrase_group_new (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *another = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *phone = gtk_label_new (_("Give the passphrase by phone, not with the file. "
                                      "The app does not keep it."));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Passphrase"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Pass_phrase"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (row, "passphrase-row");
  suggest_another_cb (GTK_EDITABLE (row));

  /* An icon only: the tooltip shows its words, the label says them. */
  gtk_widget_set_tooltip_text (another, _("Suggest Another Passphrase"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (another), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggest Another Passphrase"), -1);
  gtk_widget_set_valign (another, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (another, "flat");
  gtk_widget_set_name (another, "another-passphrase");
  g_signal_connect_object (another, "clicked", G_CALLBACK (suggest_another_cb), row,
                           G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), another);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  gtk_label_set_wrap (GTK_LABEL (phone), TRUE);
  gtk_label_set_xalign (GTK_LABEL (phone), 0);
  gtk_widget_set_margin_top (phone, 12);
  gtk_widget_add_css_class (phone, "heading");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), phone);

  g_object_set_data (G_OBJECT (group), "cp-passphrase-row", row);
  cp_a11y_fix_names (group);
  return group;
}

char *
cp_pack_passphrase_group_dup (GtkWidget *group)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (passphrase_row (group))));
}

gboolean
cp_pack_passphrase_group_is_set (GtkWidget *group)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (passphrase_row (group)));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* ---- Words ------------------------------------------------------------------------------ */

char *
cp_pack_dup_day (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);
  g_autofree char *iso = cp_date_to_iso (local);

  return cp_date_format_long (iso);
}

char *
cp_pack_dup_practitioner_role (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *role = g_settings_get_string (settings, "practitioner-role");

  g_strstrip (role);
  return *role != '\0' ? g_steal_pointer (&role) : g_strdup (_("Practitioner"));
}

gboolean
cp_pack_get_enabled (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "supervision-packs");
}

static void
message_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GApplication     *app)
{
  if (g_strcmp0 (response, "preferences") == 0 && app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
}

static AdwMessageDialog *
message_new (GtkWindow    *parent,
             GApplication *app,
             const char   *heading,
             const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), parent != NULL);
  /* With no window (a pack opened from the file manager), the message keeps the app. */
  if (GTK_IS_APPLICATION (app))
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (app));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  heading, -1);
  return ADW_MESSAGE_DIALOG (dialog);
}

void
cp_pack_show_disabled (GtkWindow    *parent,
                       GApplication *app)
{
  AdwMessageDialog *dialog =
    message_new (parent, app, _("Supervision Packs Are Off"),
                 _("Sending and opening supervision packs is turned off. It can be turned "
                   "on in Preferences, under Supervision Packs, once your organisation’s "
                   "data-protection impact assessment covers this flow of data."));

  adw_message_dialog_add_response (dialog, "preferences", _("Open _Preferences"));
  adw_message_dialog_set_default_response (dialog, "preferences");
  g_signal_connect (dialog, "response", G_CALLBACK (message_response_cb), app);
  cp_a11y_fix_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cp_pack_show_error (GtkWindow    *parent,
                    GApplication *app,
                    const char   *heading,
                    const GError *error)
{
  AdwMessageDialog *dialog = message_new (parent, app, heading, error->message);

  cp_a11y_fix_names (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Writing, in a worker ------------------------------------------------------------------ */

typedef struct
{
  GtkWidget         *from;
  char              *path;
  gboolean           replace;
  CpPackKind         kind;
  char              *workspace_uuid;
  char              *pack_uuid;
  char              *sender_role;
  GBytes            *payload;
  char              *passphrase;
  CpBusy            *busy;
  CpPackWrittenFunc  written;
  gpointer           user_data;
  GDestroyNotify     destroy;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  cp_busy_end (job->busy);
  cp_pack_passphrase_free (job->passphrase);
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_object_unref (job->from);
  g_free (job->path);
  g_free (job->workspace_uuid);
  g_free (job->pack_uuid);
  g_free (job->sender_role);
  g_bytes_unref (job->payload);
  g_free (job);
}

static void
write_worker (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (cp_supervision_pack_write (job->path, job->kind, job->workspace_uuid, job->pack_uuid,
                                 job->sender_role, job->payload, job->passphrase,
                                 job->replace, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  /* The widget that asked may have left its window meanwhile: no one to tell. */
  if (gtk_widget_get_root (job->from) == NULL)
    return;
  job->written (job->from, job->path, error, job->user_data);
}

void
cp_pack_write_async (GtkWidget         *from,
                     const char        *path,
                     gboolean           replace,
                     CpPackKind         kind,
                     const char        *workspace_uuid,
                     const char        *pack_uuid,
                     const char        *sender_role,
                     GBytes            *payload,
                     char              *passphrase,
                     const char        *busy_label,
                     CpPackWrittenFunc  written,
                     gpointer           user_data,
                     GDestroyNotify     destroy)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (path != NULL && payload != NULL && written != NULL);

  job = g_new0 (WriteJob, 1);
  job->from = g_object_ref (from);
  job->path = g_strdup (path);
  job->replace = replace;
  job->kind = kind;
  job->workspace_uuid = g_strdup (workspace_uuid);
  job->pack_uuid = g_strdup (pack_uuid);
  job->sender_role = g_strdup (sender_role);
  job->payload = g_bytes_ref (payload);
  job->passphrase = passphrase;
  job->written = written;
  job->user_data = user_data;
  job->destroy = destroy;
  job->busy = cp_toaster_begin_busy (from, busy_label);

  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_source_tag (task, cp_pack_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_worker);
}
