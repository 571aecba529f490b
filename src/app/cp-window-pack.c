/* cp-window-pack.c: supervision packs in the window: send, import a reply, a window on a pack
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-window"

#include <glib/gi18n.h>

#include "cp-window-private.h"
#include "store/cp-store-pack.h"
#include "supervision/cp-pack-reply.h"
#include "supervision/cp-pack-send-dialog.h"
#include "supervision/cp-pack-ui.h"
#include "ui/cp-a11y.h"

/* ---- Practitioner: send a pack, import a reply ------------------------------------------- */

static gboolean
packs_enabled (CpWindow *self)
{
  return self->pack_settings != NULL
         && g_settings_get_boolean (self->pack_settings, "supervision-packs");
}

/* Whether this window may send packs and import replies: packs on, a writable
 * workspace (not a pack), the practitioner's view, no restore going on. */
static gboolean
can_send (CpWindow *self)
{
  return packs_enabled (self) && !cp_store_is_pack (self->store)
         && !cp_store_get_read_only (self->store)
         && !_cp_window_get_with_person (self)
         && !_cp_window_get_blocked (self);
}

static void
send_pack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  _cp_window_flush_people (self);
  cp_pack_send_dialog_present (GTK_WINDOW (self), self->store);
}

static void
import_reply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  cp_pack_reply_import (widget, self->store);
}

void
cp_window_import_reply (CpWindow *self,
                        GFile    *file)
{
  g_return_if_fail (CP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!can_send (self))
    {
      /* Packs off, a read-only workspace, a pack window: say what stands in the way. */
      if (!packs_enabled (self))
        cp_pack_show_disabled (GTK_WINDOW (self),
                               G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      else
        {
          g_autoptr(GError) error =
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                                 _("A reply is imported into the workspace that sent the "
                                   "pack: open it, writable and outside the person’s view, "
                                   "then choose Import Supervision Reply… in the main "
                                   "menu."));
          cp_pack_show_error (GTK_WINDOW (self), NULL, _("Cannot Import This Reply"), error);
        }
      return;
    }
  cp_pack_reply_import_file (GTK_WIDGET (self), self->store, file);
}

/* ---- A window on a pack ------------------------------------------------------------------------ */

static void
reply_done_cb (gboolean  exported,
               gpointer  user_data)
{
  CpWindow *self = user_data;

  if (exported)
    self->pack_unsent = FALSE;
  g_object_unref (self);
}

static void
export_reply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  CpWindow *self = CP_WINDOW (widget);

  cp_pack_reply_export (widget, self->store, reply_done_cb, g_object_ref (self));
}

static void
close_after_reply_cb (gboolean  exported,
                      gpointer  user_data)
{
  CpWindow *self = user_data;

  if (exported)
    {
      self->pack_unsent = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CpWindow         *self)
{
  self->pack_asking = FALSE;
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->pack_discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "export") == 0)
    cp_pack_reply_export (GTK_WIDGET (self), self->store, close_after_reply_cb,
                          g_object_ref (self));
}

gboolean
_cp_window_pack_close_request (CpWindow *self)
{
  GtkWidget *dialog;

  if (self->pack_header == NULL || self->pack_discard
      || !self->pack_unsent || !cp_store_pack_has_changes (self->store))
    return FALSE;
  if (self->pack_asking)
    return TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export a Reply First?"),
                                   _("Your comments, actions and sign-offs in this pack are "
                                     "kept only in this window. Closing it without "
                                     "exporting a reply loses them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "export", _("_Export Reply…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export a Reply First?"), -1);
  cp_a11y_fix_names (dialog);
  self->pack_asking = TRUE;
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
pack_changed_cb (CpWindow *self)
{
  self->pack_unsent = TRUE;
}

/* "Supervision pack from Practitioner, 6 December 2026": never a person's name. */
static char *
pack_title (CpWindow *self)
{
  g_autofree char *day = cp_pack_dup_day (self->pack_header->created);

  /* Translators: the first %s is the sender's role (never a name), the second a day */
  return g_strdup_printf (_("Supervision pack from %s, %s"), self->pack_header->sender_role,
                          day);
}

static GtkWidget *
pack_banner_new (CpWindow *self)
{
  GtkWidget *banner = gtk_grid_new ();   /* not a box: see cp-window.ui's banners */
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *text = pack_title (self);
  GtkWidget *title = gtk_label_new (text);
  GtkWidget *kept = gtk_label_new (_("Your comments, actions and sign-offs stay only in "
                                     "this window until you export a reply."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Export Reply…"));

  gtk_widget_add_css_class (banner, "cp-banner");
  gtk_widget_add_css_class (banner, "cp-pack");
  gtk_widget_set_name (banner, "pack-banner");
  gtk_widget_set_name (title, "pack-banner-title");
  gtk_widget_add_css_class (title, "heading");
  for (GtkWidget *label = title; label != NULL; label = label == title ? kept : NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (words), label);
    }
  gtk_widget_set_hexpand (words, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (banner), 12);
  gtk_grid_attach (GTK_GRID (banner), words, 0, 0, 1, 1);

  gtk_widget_set_name (button, "export-reply-button");
  gtk_widget_set_tooltip_text (button, _("Seal your comments, actions and sign-offs in a "
                                         "reply for the practitioner"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.export-reply");
  gtk_grid_attach (GTK_GRID (banner), button, 1, 0, 1, 1);
  return banner;
}

CpWindow *
cp_window_new_for_pack (gpointer            application,
                        CpStore            *pack_store,
                        const CpPackHeader *header)
{
  CpWindow *self;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  GtkWidget *box;

  g_return_val_if_fail (CP_IS_STORE (pack_store) && cp_store_is_pack (pack_store), NULL);
  g_return_val_if_fail (header != NULL, NULL);

  self = cp_window_new (application, pack_store, FALSE);
  self->pack_header = cp_pack_header_new (header->kind, header->workspace_uuid,
                                          header->pack_uuid, header->created,
                                          header->sender_role);
  title = pack_title (self);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, _("Supervision Pack"));
  /* the day only: the banner says whose, and the sidebar keeps its width */
  day = cp_pack_dup_day (header->created);
  adw_window_title_set_subtitle (self->window_title, day);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pack");

  /* The pack's banner says what this is instead of "Read-only": nothing here is saved
   * but the supervision record, and that only in a reply. */
  gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  box = gtk_widget_get_parent (GTK_WIDGET (self->practice_revealer));
  gtk_box_prepend (GTK_BOX (box), pack_banner_new (self));
  cp_a11y_fix_names (box);

  g_signal_connect_object (pack_store, "changed", G_CALLBACK (pack_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _cp_window_init_workspace_actions (self);
  return self;
}

/* ---- Actions ---------------------------------------------------------------------------------- */

void
_cp_window_update_pack_actions (CpWindow *self)
{
  gboolean pack = cp_store_is_pack (self->store);
  gboolean practitioner = can_send (self);

  /* Off, the menu shows none of it (the items hide when their action is off). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-pack", practitioner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-reply", practitioner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-reply", pack);
}

void
_cp_window_pack_init (CpWindow *self)
{
  self->pack_settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->pack_settings, "changed::supervision-packs",
                           G_CALLBACK (_cp_window_update_pack_actions), self,
                           G_CONNECT_SWAPPED);
  _cp_window_update_pack_actions (self);
}

void
_cp_window_pack_finalize (CpWindow *self)
{
  g_clear_object (&self->pack_settings);
  g_clear_pointer (&self->pack_header, cp_pack_header_free);
}

void
_cp_window_class_init_pack_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.send-pack", NULL, send_pack_action);
  gtk_widget_class_install_action (widget_class, "win.import-reply", NULL,
                                   import_reply_action);
  gtk_widget_class_install_action (widget_class, "win.export-reply", NULL,
                                   export_reply_action);
}
