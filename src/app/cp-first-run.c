/* cp-first-run.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-first-run"

#include <glib/gi18n.h>

#include "cp-first-run.h"
#include "cp-window-private.h"
#include "ui/cp-toaster.h"
#include "util/cp-platform.h"

static gboolean
needs_asking (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);

  return !cp_store_get_read_only (store)
         && cp_store_get_purpose (store) == CP_WORKSPACE_PURPOSE_UNSET;
}

static void
warn_if_not_encrypted (CpWindow *window)
{
  CpStore *store = cp_window_get_store (window);
  gboolean known = FALSE;
  GtkWidget *dialog;

  if (cp_platform_path_is_encrypted (cp_store_get_path (store), &known))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                   known ? _("This Disk Is Not Encrypted")
                                         : _("Disk Encryption Unknown"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  known ? _("The workspace is on a disk without full-disk "
                                            "encryption. If this laptop is lost, the records "
                                            "in it could be read.")
                                        : _("The app could not tell whether the disk holding "
                                            "the workspace is encrypted."),
                                  _("Ask your IT team: “Is full-disk encryption turned on "
                                    "for this laptop, and is it approved for keeping health "
                                    "and social care records?” Until they say yes, keep "
                                    "only practice work here. Preferences shows this again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_Understood"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
purpose_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CpWindow         *window)
{
  CpStore *store = cp_window_get_store (window);
  g_autoptr(GError) error = NULL;
  CpWorkspacePurpose purpose;

  if (g_strcmp0 (response, "caseload") == 0)
    purpose = CP_WORKSPACE_PURPOSE_CASELOAD;
  else if (g_strcmp0 (response, "practice") == 0)
    purpose = CP_WORKSPACE_PURPOSE_PRACTICE;
  else
    return;   /* asked again next time */

  if (!cp_store_set_purpose (store, purpose, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (window), error);
      return;
    }
  if (purpose == CP_WORKSPACE_PURPOSE_CASELOAD)
    warn_if_not_encrypted (window);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "app.practice", NULL);
}

void
cp_first_run_ask (CpWindow *window)
{
  GtkWidget *dialog;

  if (!needs_asking (window))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("What Is This Workspace For?"),
                                   _("Connecting People Kit keeps records about people who "
                                     "use mental health services. Keep a real caseload only "
                                     "on a device your organisation has approved for it.\n\n"
                                     "To learn the app first, practise with three fictional "
                                     "people."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("Ask Me _Later"),
                                    "practice", _("_Practise"),
                                    "caseload", _("_Real Caseload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "practice",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "practice");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (purpose_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
people_showing (CpWindow *window)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (window->section_stack), "people") == 0;
}

static void
section_shown_cb (GtkStack   *stack,
                  GParamSpec *pspec,
                  CpWindow   *window)
{
  if (!people_showing (window))
    return;
  g_signal_handlers_disconnect_by_func (stack, section_shown_cb, window);
  cp_first_run_ask (window);
}

void
cp_first_run_ask_on_people (CpWindow *window)
{
  if (!needs_asking (window))
    return;

  if (people_showing (window))
    cp_first_run_ask (window);
  else
    g_signal_connect_object (window->section_stack, "notify::visible-child",
                             G_CALLBACK (section_shown_cb), window, 0);
}
