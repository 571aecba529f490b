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

#include "app/cp-dialogs.h"
#include "app/cp-toaster.h"
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
  gint64 id;

  if (person == NULL)
    return;

  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  id = cp_person_get_id (person);
  cp_people_page_open_person (self, NULL);
  if (!cp_store_delete_person (self->store, id, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  /* No name in the toast: the screen may be shared. */
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Person deleted"));
}

/* ---- Erase permanently ---------------------------------------------------------------- */

static void
erase_confirmed_cb (GtkWidget *from,
                    gpointer   user_data)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (from);
  GArray *ids = user_data;   /* gint64 */
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint erased = 0;

  cp_people_page_open_person (self, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      if (!cp_store_erase_person (self->store, g_array_index (ids, gint64, i), &error))
        {
          cp_toaster_report_error (from, error);
          break;
        }
      erased++;
    }
  if (erased == 0)
    return;
  message = g_strdup_printf (ngettext ("%u person erased", "%u people erased", erased), erased);
  cp_toaster_add_toast (from, adw_toast_new (message));
}

/* Asks before erasing @ids: it cannot be undone. */
static void
confirm_erase (CpPeoplePage *self,
               GArray       *ids)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint keep = g_settings_get_uint (settings, "backup-days");
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

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
  cp_confirm (GTK_WIDGET (self), heading, body, _("_Cancel"), "erase", _("_Erase Permanently"),
              ADW_RESPONSE_DESTRUCTIVE, erase_confirmed_cb, g_array_ref (ids),
              (GDestroyNotify) g_array_unref);
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
  g_autofree char *ago = NULL;
  g_autofree char *text = NULL;
  guint days = erase_after_days ();

  if (cp_store_get_read_only (self->store))
    {
      gtk_revealer_set_reveal_child (self->erase_revealer, FALSE);
      return;
    }
  erasable = cp_store_list_erasable (self->store, days);
  /* Two counts, each with its own plural: the time first, then the sentence around it. */
  /* Translators: how long ago, used in "… were closed more than %s ago" */
  ago = g_strdup_printf (ngettext ("%u day", "%u days", days), days);
  /* Translators: %u is how many people, %s how long ago, e.g. "30 days" */
  text = g_strdup_printf (ngettext ("%u person was closed more than %s ago",
                                    "%u people were closed more than %s ago",
                                    erasable->len), erasable->len, ago);
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

static void
subject_access_chosen_cb (gpointer  owner,
                          GFile    *file,
                          gpointer  user_data)
{
  CpPeoplePage *self = CP_PEOPLE_PAGE (owner);
  gint64 id = *(gint64 *) user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  /* An existing name was already asked about ("Replace?") by the chooser. */
  if (!cp_export_subject_access_pdf (self->store, id, path,
                                     cp_file_dialog_replace_confirmed (file), &error))
    cp_toaster_report_error (GTK_WIDGET (self), error);
  else
    cp_toaster_add_toast (GTK_WIDGET (self),
                          adw_toast_new (_("Saved. Check the [REDACT: …] marks before "
                                           "you send it.")));
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
  gint64 *id;
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Everything Held About This Person"),
    .accept_label = _("_Save"),
    .kind = CP_FILE_KIND_PDF,
  };

  if (person == NULL)
    return;
  cp_person_editor_flush (CP_PERSON_EDITOR (self->editor));
  name = _cp_people_page_subject_access_name (person);
  options.suggested_name = name;
  id = g_new (gint64, 1);
  *id = cp_person_get_id (person);
  cp_file_dialog_show (self, NULL, &options, subject_access_chosen_cb, id, g_free);
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
