/* cp-open-error.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-open-error"

#include <glib/gi18n.h>

#include "cp-open-error.h"
#include "store/cp-store.h"
#include "util/cp-date.h"

/* What each refusal says. A body names the workspace with its one "%s". */
typedef struct
{
  CpStoreError  code;
  const char   *heading;
  const char   *body;
  gboolean      offer_read_only;   /* the file is fine; looking at it is safe */
  gboolean      offer_backup;      /* the file is unusable; its newest backup may not be */
} OpenErrorText;

static const OpenErrorText texts[] = {
  { CP_STORE_ERROR_LOCKED, N_("Workspace Already Open"),
    /* xgettext:c-format */
    N_("“%s” is open in another window of Connecting People Kit. Only one window can "
       "change a workspace at a time.\n\nSwitch to that window, or open it here read-only "
       "to look without changing anything."), TRUE, FALSE },
  { CP_STORE_ERROR_READ_ONLY, N_("Workspace Cannot Be Changed"),
    /* xgettext:c-format */
    N_("“%s” or its folder is read-only, so changes could not be saved.\n\nOpen it "
       "read-only to look at it; from there you can save a copy somewhere you can write "
       "to."), TRUE, FALSE },
  { CP_STORE_ERROR_CORRUPT, N_("Workspace Is Damaged"),
    /* xgettext:c-format */
    N_("“%s” failed its integrity check. It has not been changed or repaired.\n\nOpen the "
       "latest backup read-only and save a copy of it, and keep the damaged file for your "
       "IT team."), FALSE, TRUE },
  { CP_STORE_ERROR_NOT_SQLITE, N_("Not a Workspace"),
    /* xgettext:c-format */
    N_("“%s” is not a Connecting People Kit workspace, or it is empty. It has not been "
       "changed.\n\nChoose the workspace file you meant to open."), FALSE, TRUE },
  { CP_STORE_ERROR_TOO_NEW, N_("Made by a Newer Version"),
    /* xgettext:c-format */
    N_("“%s” was saved by a newer version of Connecting People Kit, which this version "
       "cannot read safely. It has not been changed.\n\nUpdate the app to open it."),
    FALSE, FALSE },
  { CP_STORE_ERROR_FULL, N_("Disk Full"),
    /* xgettext:c-format */
    N_("“%s” could not be written: the disk is full or failed. Nothing has been "
       "changed.\n\nFree some space and try again."), FALSE, FALSE },
};

static const OpenErrorText *
find_text (const GError *error)
{
  for (guint i = 0; error->domain == CP_STORE_ERROR && i < G_N_ELEMENTS (texts); i++)
    if (texts[i].code == (CpStoreError) error->code)
      return &texts[i];
  return NULL;
}

AdwMessageDialog *
cp_open_error_dialog_new (GtkWindow    *parent,
                          const char   *path,
                          const GError *error,
                          const char   *newest_backup)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *backup_label = NULL;
  const OpenErrorText *text;
  const char *heading;
  AdwMessageDialog *dialog;
  const char *default_response = CP_OPEN_RESPONSE_OTHER;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  name = cp_store_dup_display_name_for_path (path);
  text = find_text (error);
  if (text != NULL)
    {
      heading = _(text->heading);
      /* The formats are the literals in the table above, each with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      body = g_strdup_printf (_(text->body), name);
#pragma GCC diagnostic pop
    }
  else
    {
      heading = _("Could Not Open Workspace");
      body = g_strdup_printf (_("“%s” could not be opened: %s\n\nThe file has not been "
                                "changed."), name, error->message);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_CLOSE, _("_Close"));
  adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_OTHER, _("Choose _Another File…"));
  if (text != NULL && text->offer_read_only)
    {
      adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_READ_ONLY,
                                       _("Open _Read-Only"));
      default_response = CP_OPEN_RESPONSE_READ_ONLY;
    }
  if (text != NULL && text->offer_backup && newest_backup != NULL)
    {
      g_autofree char *iso = cp_store_dup_backup_date (path, newest_backup);
      g_autofree char *day = cp_date_format_long (iso);

      /* Translators: %s is the date of the backup, e.g. "25 November 2026" */
      backup_label = day ? g_strdup_printf (_("Open _Backup of %s"), day)
                         : g_strdup (_("Open the Latest _Backup"));
      adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_BACKUP, backup_label);
      default_response = CP_OPEN_RESPONSE_BACKUP;
    }
  adw_message_dialog_set_response_appearance (dialog, default_response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, default_response);
  adw_message_dialog_set_close_response (dialog, CP_OPEN_RESPONSE_CLOSE);
  return dialog;
}
