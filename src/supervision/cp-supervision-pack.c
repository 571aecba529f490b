/* cp-supervision-pack.c: supervision packs and replies as files
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision"

#include <glib/gi18n.h>

#include "cp-supervision-pack.h"

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_YET,
                       _("Supervision packs are not ready yet."));
  return FALSE;
}

/* Lower case letters and digits, runs of anything else as one '-'. */
static char *
role_slug (const char *role)
{
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = role ? role : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }
  if (out->len == 0)
    g_string_append (out, "practitioner");
  return g_string_free (out, FALSE);
}

char *
cp_supervision_pack_file_name (CpPackKind  kind,
                               GDateTime  *date,
                               const char *role)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *slug = role_slug (role);

  g_return_val_if_fail (date != NULL, NULL);

  local = g_date_time_to_local (date);
  day = g_date_time_format (local, "%Y-%m-%d");
  if (kind == CP_PACK_KIND_REPLY)
    return g_strconcat ("supervision-reply-", day, "-", slug, CP_SUPERVISION_REPLY_SUFFIX, NULL);
  return g_strconcat ("supervision-pack-", day, "-", slug, CP_SUPERVISION_PACK_SUFFIX, NULL);
}

gboolean
cp_supervision_pack_write (const char  *path,
                           CpPackKind   kind,
                           const char  *workspace_uuid,
                           const char  *pack_uuid,
                           const char  *sender_role,
                           GBytes      *payload,
                           const char  *passphrase,
                           gboolean     replace,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return not_yet (error);
}

CpPackHeader *
cp_supervision_pack_peek (const char  *path,
                          CpPackKind   kind,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  not_yet (error);
  return NULL;
}

GBytes *
cp_supervision_pack_read (const char    *path,
                          CpPackKind     kind,
                          const char    *passphrase,
                          CpPackHeader **header_out,
                          GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  not_yet (error);
  return NULL;
}

CpStore *
cp_supervision_pack_open_file (const char    *path,
                               const char    *passphrase,
                               CpPackHeader **header_out,
                               GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  not_yet (error);
  return NULL;
}

gboolean
cp_supervision_reply_import (CpStore             *store,
                             const CpPackHeader  *header,
                             GBytes              *payload,
                             guint               *n_merged,
                             GError             **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  return not_yet (error);
}

gboolean
cp_supervision_reply_import_file (CpStore     *store,
                                  const char  *path,
                                  const char  *passphrase,
                                  guint       *n_merged,
                                  GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);

  return not_yet (error);
}
