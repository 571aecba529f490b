/* cp-pack-reply.c: the supervisor's reply (Export Reply…) and its import (Import Reply…)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pack-reply"

#include <glib/gi18n.h>

#include "cp-pack-reply.h"
#include "cp-pack-passphrase-dialog.h"
#include "cp-pack-ui.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-pack.h"
#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"

/* ---- Supervisor: Export Reply… ------------------------------------------------------------- */

typedef struct
{
  GtkWidget        *from;
  CpStore          *pack_store;
  GtkWidget        *passphrase_group;  /* in the dialog, until it answers */
  char             *passphrase;        /* as it was when the user said Save */
  CpPackReplyDone   done;
  gpointer          user_data;
  gboolean          exported;
} Reply;

/* A reply is shared (g_rc_box) by the dialog, the file chooser and the writing; @done
 * hears how it went when the last of them lets go. */
static void
reply_clear (Reply *reply)
{
  if (reply->done != NULL)
    reply->done (reply->exported, reply->user_data);
  g_object_unref (reply->from);
  g_object_unref (reply->pack_store);
  cp_pack_passphrase_free (reply->passphrase);
}

static void
reply_unref (Reply *reply)
{
  g_rc_box_release_full (reply, (GDestroyNotify) reply_clear);
}

static void
reply_written_cb (GtkWidget    *from,
                  const char   *path,
                  const GError *error,
                  gpointer      user_data)
{
  Reply *reply = user_data;
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *words = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (from);
  GtkWidget *dialog;

  if (error != NULL)
    {
      cp_toaster_report_error (from, error);
      return;
    }
  reply->exported = TRUE;
  name = g_path_get_basename (path);
  escaped_name = g_markup_escape_text (name, -1);
  words = g_markup_escape_text (reply->passphrase, -1);
  /* Translators: %s is the file's name, then the passphrase, in bold */
  body = g_strdup_printf (_("Saved as “%s”. Send it to the practitioner.\n\nThe passphrase "
                            "is <b>%s</b>\n\nGive it by phone, not with the file. The app "
                            "does not keep it."), escaped_name, words);
  cp_pack_passphrase_free (g_steal_pointer (&words));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reply Saved"), NULL);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), TRUE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reply Saved"), -1);
  cp_a11y_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_reply (Reply *reply,
             GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *workspace_uuid = NULL;
  g_autofree char *pack_uuid = NULL;
  const char *role;

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("Choose a folder on this computer."));
  else
    payload = cp_store_build_reply_payload (reply->pack_store, &error);
  if (payload == NULL)
    {
      cp_toaster_report_error (reply->from, error);
      reply_unref (reply);
      return;
    }
  workspace_uuid = cp_store_dup_workspace_uuid (reply->pack_store);
  pack_uuid = cp_store_dup_pack_uuid (reply->pack_store);
  role = cp_pack_recipient_get_role (cp_store_get_pack_recipient (reply->pack_store));
  /* An existing name was already asked about ("Replace?") by the chooser. */
  cp_pack_write_async (reply->from, path, cp_file_dialog_replace_confirmed (file),
                       CP_PACK_KIND_REPLY, workspace_uuid, pack_uuid, role, payload,
                       g_strdup (reply->passphrase), _("Sealing the reply…"),
                       reply_written_cb, reply, (GDestroyNotify) reply_unref);
}

static void
reply_file_chosen_cb (gpointer  owner,
                      GFile    *file,
                      gpointer  user_data)
{
  write_reply (g_rc_box_acquire ((Reply *) user_data), file);
}

/* Takes the reply from @dialog, with the passphrase as it is now. */
static Reply *
steal_reply (AdwMessageDialog *dialog)
{
  Reply *reply = g_object_steal_data (G_OBJECT (dialog), "cp-reply");

  if (reply != NULL && reply->passphrase == NULL)
    reply->passphrase = cp_pack_passphrase_group_dup (reply->passphrase_group);
  return reply;
}

static void
reply_response_cb (AdwMessageDialog *dialog,
                   const char       *response)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  Reply *reply;
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Save the Reply"),
    .accept_label = _("_Save"),
    .kind = CP_FILE_KIND_REPLY,
  };

  if (g_strcmp0 (response, "save") != 0)
    return;
  reply = steal_reply (dialog);
  if (reply == NULL)
    return;
  now = g_date_time_new_now_local ();
  name = cp_supervision_pack_file_name (CP_PACK_KIND_REPLY, now,
                                        cp_pack_recipient_get_role (
                                          cp_store_get_pack_recipient (reply->pack_store)));
  options.suggested_name = name;
  cp_file_dialog_show (reply->from, NULL, &options, reply_file_chosen_cb, reply,
                       (GDestroyNotify) reply_unref);
}

void
cp_pack_reply_export_to (AdwMessageDialog *dialog,
                         GFile            *file)
{
  Reply *reply;

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (G_IS_FILE (file));

  reply = steal_reply (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (reply != NULL)
    write_reply (reply, file);
}

AdwMessageDialog *
cp_pack_reply_export (GtkWidget       *from,
                      CpStore         *pack_store,
                      CpPackReplyDone  done,
                      gpointer         user_data)
{
  GtkRoot *root;
  GtkWidget *dialog;
  Reply *reply;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (CP_IS_STORE (pack_store), NULL);

  root = gtk_widget_get_root (from);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export Reply"),
                                   _("Your comments, actions and sign-offs go back to the "
                                     "practitioner, sealed with this passphrase. Nothing "
                                     "else in the pack goes back."));
  reply = g_rc_box_new0 (Reply);
  reply->from = g_object_ref (from);
  reply->pack_store = g_object_ref (pack_store);
  reply->passphrase_group = cp_pack_passphrase_group_new ();
  reply->done = done;
  reply->user_data = user_data;
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reply->passphrase_group);
  /* Cancelled or closed: the reply goes with the dialog, and @done hears FALSE. */
  g_object_set_data_full (G_OBJECT (dialog), "cp-reply", reply, (GDestroyNotify) reply_unref);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "save", _("_Save…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (reply_response_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export Reply"), -1);
  cp_a11y_fix_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

/* ---- Practitioner: Import Reply… ------------------------------------------------------------ */

typedef struct
{
  GtkWidget *from;
  CpStore   *store;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->from);
  g_object_unref (import->store);
  g_free (import);
}

static gboolean
check_reply (const CpPackHeader  *header,
             gpointer             user_data,
             GError             **error)
{
  Import *import = user_data;

  return cp_store_check_reply (import->store, header->workspace_uuid, header->pack_uuid,
                               error);
}

static gboolean
reply_unlocked (GtkWindow           *dialog,
                GBytes              *payload,
                const CpPackHeader  *header,
                gpointer             user_data,
                GError             **error)
{
  Import *import = user_data;
  g_autofree char *title = NULL;
  guint n = 0;

  if (!cp_supervision_reply_import (import->store, header, payload, &n, error))
    return FALSE;
  if (n == 0)
    {
      cp_toaster_add_toast (import->from, adw_toast_new (_("Nothing new in this reply")));
      return TRUE;
    }
  title = g_strdup_printf (ngettext ("Supervision reply imported: %u comment, action or "
                                     "sign-off",
                                     "Supervision reply imported: %u comments, actions or "
                                     "sign-offs in all", n), n);
  cp_toaster_add_undoable (import->from, title);
  return TRUE;
}

void
cp_pack_reply_import_file (GtkWidget *from,
                           CpStore   *store,
                           GFile     *file)
{
  GtkRoot *root;
  GtkApplication *app = NULL;
  Import *import;
  CpPackUnlock how = {
    .kind = CP_PACK_KIND_REPLY,
    .heading = _("Import Supervision Reply"),
    .error_heading = _("Cannot Import This Reply"),
    .accept_label = _("_Import"),
    .check = check_reply,
    .unlocked = reply_unlocked,
  };

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  root = gtk_widget_get_root (from);
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  import = g_new0 (Import, 1);
  import->from = g_object_ref (from);
  import->store = g_object_ref (store);
  cp_pack_unlock (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, G_APPLICATION (app), file,
                  &how, import, (GDestroyNotify) import_free);
}

static void
import_file_chosen_cb (gpointer  owner,
                       GFile    *file,
                       gpointer  user_data)
{
  cp_pack_reply_import_file (GTK_WIDGET (owner), user_data, file);
}

void
cp_pack_reply_import (GtkWidget *from,
                      CpStore   *store)
{
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = _("Import Supervision Reply"),
    .accept_label = _("_Open"),
    .kind = CP_FILE_KIND_REPLY,
  };

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));

  cp_file_dialog_show (from, NULL, &options, import_file_chosen_cb, g_object_ref (store),
                       g_object_unref);
}
