/* cp-people-page-actions.c: what can be done to the chosen person — delete (undoable),
 * erase permanently, and "everything held about this person"
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

#define G_LOG_DOMAIN "cp-people-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "app/cp-window.h"
#include "cp-people-page-private.h"
#include "cp-person-editor.h"
#include "export/cp-export-subject-access.h"

static CpPerson *
chosen (CpPeoplePage *self)
{
  return cp_person_editor_get_person (CP_PERSON_EDITOR (self->editor));
}

void
_cp_people_page_update_actions (CpPeoplePage *self)
{
  CpPerson *person = chosen (self);
  gboolean writable = !cp_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.delete",
                                 person != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.erase",
                                 person != NULL && writable
                                 && cp_person_get_status (person) == CP_PERSON_STATUS_CLOSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.subject-access", person != NULL);
}

/* ---- Delete (undoable) ---------------------------------------------------------------- */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autoptr(GError) error = NULL;
  AdwToast *t;
  gint64 id;

  if (person == NULL)
    return;

  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  id = cp_person_get_id (person);
  cp_people_page_open_person (self, NULL);
  if (!cp_store_delete_person (self->store, id, &error))
    {
      cp_window_report_error (GTK_WIDGET (self), error);
      return;
    }
  /* No name in the toast: the screen may be shared. */
  t = adw_toast_new (_("Person deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo");
  cp_window_toast (GTK_WIDGET (self), t);
}

/* ---- Erase permanently ---------------------------------------------------------------- */

typedef struct
{
  CpPeoplePage *page;
  GArray       *ids;   /* gint64 */
} EraseData;

static void
erase_data_free (gpointer data)
{
  EraseData *d = data;

  g_array_unref (d->ids);
  g_object_unref (d->page);
  g_free (d);
}

static void
erase_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EraseData        *d)
{
  g_autoptr(GError) error = NULL;
  guint erased = 0;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  cp_people_page_open_person (d->page, NULL);
  for (guint i = 0; i < d->ids->len; i++)
    {
      if (!cp_store_erase_person (d->page->store, g_array_index (d->ids, gint64, i), &error))
        {
          cp_window_report_error (GTK_WIDGET (d->page), error);
          break;
        }
      erased++;
    }
  if (erased == 0)
    return;
  message = g_strdup_printf (ngettext ("%u person erased", "%u people erased", erased), erased);
  cp_window_toast (GTK_WIDGET (d->page), adw_toast_new (message));
}

/* Asks before erasing @ids: it cannot be undone. */
static void
confirm_erase (CpPeoplePage *self,
               GArray       *ids)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint keep = g_settings_get_uint (settings, "backup-days");
  EraseData *d = g_new0 (EraseData, 1);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  d->page = g_object_ref (self);
  d->ids = g_array_ref (ids);
  heading = g_strdup_printf (ngettext ("Erase %u Person Permanently?",
                                       "Erase %u People Permanently?", ids->len), ids->len);
  body = g_strdup_printf (ngettext ("Everything recorded about them here — details, network "
                                    "maps, goals and reviews — is removed from this "
                                    "workspace, and the undo history is cleared. This cannot "
                                    "be undone.\n\nThe daily backups beside the workspace keep "
                                    "a copy until they age out, after %u day.",
                                    "Everything recorded about them here — details, network "
                                    "maps, goals and reviews — is removed from this "
                                    "workspace, and the undo history is cleared. This cannot "
                                    "be undone.\n\nThe daily backups beside the workspace keep "
                                    "a copy until they age out, after %u days.", keep), keep);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (erase_response_cb), d,
                         (GClosureNotify) (void (*) (void)) erase_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  if (person == NULL || cp_person_get_status (person) != CP_PERSON_STATUS_CLOSED)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  id = cp_person_get_id (person);
  g_array_append_val (ids, id);
  confirm_erase (self, ids);
}

static guint
erase_after_days (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_uint (settings, "erase-after-days");
}

void
_cp_people_page_update_erasable (CpPeoplePage *self)
{
  g_autoptr(GPtrArray) erasable = NULL;
  g_autofree char *text = NULL;
  guint days = erase_after_days ();

  if (cp_store_get_read_only (self->store))
    {
      gtk_revealer_set_reveal_child (self->erase_revealer, FALSE);
      return;
    }
  erasable = cp_store_list_erasable (self->store, days);
  text = g_strdup_printf (ngettext ("%u person was closed more than %u days ago",
                                    "%u people were closed more than %u days ago",
                                    erasable->len), erasable->len, days);
  gtk_label_set_label (self->erase_label, text);
  gtk_revealer_set_reveal_child (self->erase_revealer, erasable->len > 0);
}

static void
erase_closed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  g_autoptr(GPtrArray) erasable = cp_store_list_erasable (self->store, erase_after_days ());
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < erasable->len; i++)
    {
      gint64 id = cp_person_get_id (g_ptr_array_index (erasable, i));

      g_array_append_val (ids, id);
    }
  if (ids->len > 0)
    confirm_erase (self, ids);
}

/* ---- Everything held about this person ------------------------------------------------ */

typedef struct
{
  CpPeoplePage *page;
  gint64        id;
} ExportData;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportData      *d)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                             _("A file with that name already exists. Choose another name."));
      else if (cp_export_subject_access_pdf (d->page->store, d->id, path, &error))
        cp_window_toast (GTK_WIDGET (d->page),
                         adw_toast_new (_("Saved. Check the [REDACT: …] marks before "
                                          "you send it.")));
      if (error != NULL)
        cp_window_report_error (GTK_WIDGET (d->page), error);
    }
  g_object_unref (d->page);
  g_free (d);
  g_object_unref (chooser);
}

/* "subject-access-REF.pdf": the case-record reference or the record number, never a name. */
char *
_cp_people_page_subject_access_name (CpPerson *person)
{
  const char *ref = cp_person_get_case_ref (person);
  g_autofree char *safe = NULL;

  if (ref == NULL)
    return g_strdup_printf ("subject-access-record-%" G_GINT64_FORMAT ".pdf",
                            cp_person_get_id (person));
  safe = g_strdup (ref);
  g_strcanon (safe, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", '-');
  return g_strdup_printf ("subject-access-%s.pdf", safe);
}

static void
subject_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (widget);
  CpPerson *person = chosen (self);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ExportData *d;

  if (person == NULL)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  d = g_new0 (ExportData, 1);
  d->page = g_object_ref (self);
  d->id = cp_person_get_id (person);
  chooser = gtk_file_chooser_native_new (_("Everything Held About This Person"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = _cp_people_page_subject_access_name (person);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), d);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_cp_people_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "person.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "person.subject-access", NULL,
                                   subject_access_action);
  gtk_widget_class_install_action (widget_class, "people.erase-closed", NULL,
                                   erase_closed_action);
}
