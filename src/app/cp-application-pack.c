/* cp-application-pack.c: opening a supervision pack (cpkit PACK, Open…) or a reply
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-application"

#include <glib/gi18n.h>

#include "cp-application-private.h"
#include "cp-window.h"
#include "store/cp-store-pack.h"
#include "supervision/cp-pack-passphrase-dialog.h"
#include "supervision/cp-pack-ui.h"
#include "supervision/cp-supervision-pack.h"

gboolean
_cp_application_is_pack_path (const char *path)
{
  return path != NULL && (g_str_has_suffix (path, CP_SUPERVISION_PACK_SUFFIX)
                          || g_str_has_suffix (path, CP_SUPERVISION_REPLY_SUFFIX));
}

/* The pack opened with its passphrase: a window of its own on it, in memory. */
static gboolean
pack_unlocked (GtkWindow           *dialog,
               GBytes              *payload,
               const CpPackHeader  *header,
               gpointer             user_data,
               GError             **error)
{
  g_autoptr(CpStore) store = cp_store_open_pack (payload, error);
  CpWindow *window;

  if (store == NULL)
    return FALSE;
  window = cp_window_new_for_pack (user_data, store, header);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

void
_cp_application_open_pack_file (GApplication *app,
                                GtkWindow    *active,
                                GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);
  CpPackUnlock how = {
    .kind = CP_PACK_KIND_PACK,
    .heading = _("Open Supervision Pack"),
    .error_heading = _("Cannot Open This Pack"),
    .accept_label = _("_Open"),
    .unlocked = pack_unlocked,
  };

  /* A supervisor needs packs turned on too: opening one is part of the same data flow. */
  if (!cp_pack_get_enabled ())
    {
      cp_pack_show_disabled (active, app);
      return;
    }

  if (path != NULL && g_str_has_suffix (path, CP_SUPERVISION_REPLY_SUFFIX))
    {
      /* A reply goes into the workspace that sent the pack: the window in front. */
      if (CP_IS_WINDOW (active))
        cp_window_import_reply (CP_WINDOW (active), file);
      else
        {
          g_autoptr(GError) error =
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                 _("A reply is imported into the workspace that sent the "
                                   "pack: open it, then choose Import Supervision Reply… "
                                   "in the main menu."));
          cp_pack_show_error (active, app, _("Cannot Import This Reply"), error);
        }
      return;
    }

  cp_pack_unlock (active, app, file, &how, app != NULL ? g_object_ref (app) : NULL,
                  app != NULL ? g_object_unref : NULL);
}
