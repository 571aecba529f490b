/* cp-summary-dialog.c: copy a person's plan into the case record, after a preview
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goals"

#include <glib/gi18n.h>

#include "cp-summary-dialog.h"
#include "export/cp-export-summary.h"
#include "store/cp-store-disclosure.h"
#include "ui/cp-a11y.h"
#include "ui/cp-toaster.h"

static guint clear_delay_ms = CP_SUMMARY_CLIPBOARD_MS;

void
cp_summary_dialog_set_clear_delay (guint ms)
{
  clear_delay_ms = ms;
}

/* ---- Clearing the clipboard ------------------------------------------------------------ */

/* The clipboard and what we put on it: cleared only while it still holds that. */
typedef struct
{
  GdkClipboard       *clipboard;
  GdkContentProvider *provider;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_object_unref (p->clipboard);
  g_object_unref (p->provider);
  g_free (p);
}

static gboolean
clear_clipboard_cb (gpointer data)
{
  Pending *p = data;

  /* someone copied something else meanwhile (here or in another app): leave it */
  if (gdk_clipboard_is_local (p->clipboard) &&
      gdk_clipboard_get_content (p->clipboard) == p->provider)
    gdk_clipboard_set_content (p->clipboard, NULL);
  return G_SOURCE_REMOVE;
}

static void
copy_to_clipboard (GtkWidget  *widget,
                   const char *text)
{
  Pending *p = g_new0 (Pending, 1);

  p->clipboard = g_object_ref (gtk_widget_get_clipboard (widget));
  p->provider = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  gdk_clipboard_set_content (p->clipboard, p->provider);
  g_timeout_add_full (G_PRIORITY_DEFAULT, clear_delay_ms, clear_clipboard_cb, p, pending_free);
}

/* ---- The dialog ------------------------------------------------------------------------ */

typedef struct
{
  CpStore          *store;
  gint64            person_id;
  char             *text;
  CpDisclosureKind  what;
  char             *detail;
  char             *copied;
} Summary;

static void
summary_free (gpointer data,
              GClosure *closure)
{
  Summary *s = data;

  g_object_unref (s->store);
  g_free (s->text);
  g_free (s->detail);
  g_free (s->copied);
  g_free (s);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Summary          *s)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "copy") != 0)
    return;
  /* no copy leaves unrecorded */
  if (cp_store_add_disclosure (s->store, s->person_id, s->what, s->detail,
                               _("the case record"), &error) == 0)
    {
      cp_toaster_report_error (GTK_WIDGET (dialog), error);
      return;
    }
  copy_to_clipboard (GTK_WIDGET (dialog), s->text);
  cp_toaster_add_toast (GTK_WIDGET (dialog), adw_toast_new (s->copied));
}

static char *
practitioner_role (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  settings = g_settings_new (APP_ID);
  return g_settings_get_string (settings, "practitioner-role");
}

AdwMessageDialog *
cp_summary_dialog_present (GtkWidget *from,
                           CpStore   *store,
                           gint64     person_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *role = practitioner_role ();
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  text = cp_export_summary_text (store, person_id, role, NULL, &error);
  if (text == NULL)
    {
      cp_toaster_report_error (from, error);
      return NULL;
    }
  return cp_summary_dialog_present_text (from, store, person_id,
                                         _("Copy Summary for the Case Record"),
                                         _("This is exactly the text that will be copied. "
                                           "People are named by first name or role only."),
                                         text,
                                         CP_DISCLOSURE_SUMMARY, _("a summary of the plan"),
                                         _("Summary copied. It leaves the clipboard in two "
                                           "minutes."));
}

AdwMessageDialog *
cp_summary_dialog_present_text (GtkWidget        *from,
                                CpStore          *store,
                                gint64            person_id,
                                const char       *heading,
                                const char       *body,
                                const char       *text,
                                CpDisclosureKind  what,
                                const char       *detail,
                                const char       *copied)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;
  Summary *s;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (heading != NULL && text != NULL && copied != NULL, NULL);

  root = gtk_widget_get_root (from);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("C_opy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The text that will be copied"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  /* Named by its heading; the response buttons say their words once. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                                  -1);
  cp_a11y_fix_names (dialog);

  s = g_new0 (Summary, 1);
  s->store = g_object_ref (store);
  s->person_id = person_id;
  s->text = g_strdup (text);
  s->what = what;
  s->detail = g_strdup (detail);
  s->copied = g_strdup (copied);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), s, summary_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}
