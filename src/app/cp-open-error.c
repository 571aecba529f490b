/* cp-open-error.c
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

#define G_LOG_DOMAIN "cp-open-error"

#include "config.h"

#include <glib/gi18n.h>

#include "cp-open-error.h"
#include "store/cp-store.h"
#include "util/cp-date.h"

static char *
workspace_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (g_str_has_suffix (base, ".cpkit"))
    base[strlen (base) - strlen (".cpkit")] = '\0';
  return g_steal_pointer (&base);
}

AdwMessageDialog *
cp_open_error_dialog_new (GtkWindow    *parent,
                          const char   *path,
                          const GError *error,
                          const char   *newest_backup)
{
  g_autofree char *name = workspace_name (path);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *backup_label = NULL;
  gboolean offer_read_only = FALSE;
  gboolean offer_backup = FALSE;
  AdwMessageDialog *dialog;
  const char *default_response = CP_OPEN_RESPONSE_OTHER;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == CP_STORE_ERROR)
    {
      switch ((CpStoreError) error->code)
        {
        case CP_STORE_ERROR_LOCKED:
          heading = g_strdup (_("Workspace Already Open"));
          body = g_strdup_printf (_("“%s” is open in another window of Connecting People "
                                    "Kit. Only one window can change a workspace at a time."
                                    "\n\nSwitch to that window, or open it here read-only to "
                                    "look without changing anything."), name);
          offer_read_only = TRUE;
          default_response = CP_OPEN_RESPONSE_READ_ONLY;
          break;

        case CP_STORE_ERROR_READ_ONLY:
          heading = g_strdup (_("Workspace Cannot Be Changed"));
          body = g_strdup_printf (_("“%s” or its folder is read-only, so changes could not "
                                    "be saved.\n\nOpen it read-only to look at it; from there "
                                    "you can save a copy somewhere you can write to."), name);
          offer_read_only = TRUE;
          default_response = CP_OPEN_RESPONSE_READ_ONLY;
          break;

        case CP_STORE_ERROR_CORRUPT:
          heading = g_strdup (_("Workspace Is Damaged"));
          body = g_strdup_printf (_("“%s” failed its integrity check. It has not been "
                                    "changed or repaired.\n\nOpen the latest backup "
                                    "read-only and save a copy of it, and keep the damaged "
                                    "file for your IT team."), name);
          offer_backup = TRUE;
          break;

        case CP_STORE_ERROR_NOT_SQLITE:
          heading = g_strdup (_("Not a Workspace"));
          body = g_strdup_printf (_("“%s” is not a Connecting People Kit workspace, or it "
                                    "is empty. It has not been changed.\n\nChoose the "
                                    "workspace file you meant to open."), name);
          offer_backup = TRUE;
          break;

        case CP_STORE_ERROR_TOO_NEW:
          heading = g_strdup (_("Made by a Newer Version"));
          body = g_strdup_printf (_("“%s” was saved by a newer version of Connecting People "
                                    "Kit, which this version cannot read safely. It has not "
                                    "been changed.\n\nUpdate the app to open it."), name);
          break;

        case CP_STORE_ERROR_FULL:
          heading = g_strdup (_("Disk Full"));
          body = g_strdup_printf (_("“%s” could not be written: the disk is full or failed. "
                                    "Nothing has been changed.\n\nFree some space and try "
                                    "again."), name);
          break;

        case CP_STORE_ERROR_OPEN:
        case CP_STORE_ERROR_MIGRATION:
        case CP_STORE_ERROR_CONSTRAINT:
        case CP_STORE_ERROR_NOT_FOUND:
        case CP_STORE_ERROR_FAILED:
        default:
          break;
        }
    }

  if (heading == NULL)
    {
      heading = g_strdup (_("Could Not Open Workspace"));
      body = g_strdup_printf (_("“%s” could not be opened: %s\n\nThe file has not been "
                                "changed."), name, error->message);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_CLOSE, _("_Close"));
  adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_OTHER, _("Choose _Another File…"));
  if (offer_read_only)
    adw_message_dialog_add_response (dialog, CP_OPEN_RESPONSE_READ_ONLY, _("Open _Read-Only"));
  if (offer_backup && newest_backup != NULL)
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
