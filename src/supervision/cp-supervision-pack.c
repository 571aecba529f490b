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
#include "export/cp-export-file.h"
#include "store/cp-store-supervision.h"

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

static gboolean
check_kind (const CpPackHeader  *header,
            CpPackKind           kind,
            GError             **error)
{
  if (header->kind == kind)
    return TRUE;
  if (kind == CP_PACK_KIND_PACK)
    g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND,
                         _("This is a supervision reply, not a pack. Import it into the "
                           "workspace the pack came from."));
  else
    g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_WRONG_KIND,
                         _("This is a supervision pack, not a reply. Open it to read it."));
  return FALSE;
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  /* A pack is at most a little over CP_PACK_MAX_PAYLOAD: refuse to read more. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > CP_PACK_MAX_PAYLOAD + (CP_PACK_MAX_PAYLOAD / 64))
    {
      g_set_error_literal (error, CP_PACK_ERROR, CP_PACK_ERROR_TOO_LARGE,
                           _("The file is too large to be a supervision pack or reply."));
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(CpExportFile) file = NULL;
  gsize size;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (workspace_uuid != NULL && g_uuid_string_is_valid (workspace_uuid),
                        FALSE);
  g_return_val_if_fail (pack_uuid != NULL && g_uuid_string_is_valid (pack_uuid), FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  header = cp_pack_header_new (kind, workspace_uuid, pack_uuid, now,
                               sender_role ? sender_role : "");
  if (!(sealed = cp_pack_seal (header, payload, passphrase, error)))
    return FALSE;

  data = g_bytes_get_data (sealed, &size);
  if (!(file = cp_export_file_new (path, replace, error)) ||
      !cp_export_file_write (file, data, size, error) ||
      !cp_export_file_sync (file, error) ||
      !cp_export_file_publish (file, error))
    return FALSE;
  return TRUE;
}

CpPackHeader *
cp_supervision_pack_peek (const char  *path,
                          CpPackKind   kind,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CpPackHeader) header = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_file (path, error)) ||
      !(header = cp_pack_peek_header (bytes, error)) ||
      !check_kind (header, kind, error))
    return NULL;
  return g_steal_pointer (&header);
}

GBytes *
cp_supervision_pack_read (const char    *path,
                          CpPackKind     kind,
                          const char    *passphrase,
                          CpPackHeader **header_out,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CpPackHeader) peeked = NULL;
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GBytes) payload = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The kind is checked before the key is made: a reply given as a pack says so at
   * once, and again once authenticated. */
  if (!(bytes = read_file (path, error)) ||
      !(peeked = cp_pack_peek_header (bytes, error)) ||
      !check_kind (peeked, kind, error) ||
      !(payload = cp_pack_open (bytes, passphrase, &header, error)) ||
      !check_kind (header, kind, error))
    return NULL;

  if (header_out != NULL)
    *header_out = g_steal_pointer (&header);
  return g_steal_pointer (&payload);
}

CpStore *
cp_supervision_pack_open_file (const char    *path,
                               const char    *passphrase,
                               CpPackHeader **header_out,
                               GError       **error)
{
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *pack = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(payload = cp_supervision_pack_read (path, CP_PACK_KIND_PACK, passphrase, &header,
                                            error)) ||
      !(store = cp_store_open_pack (payload, error)))
    return NULL;

  /* The heading names what the sealed content is. */
  workspace = cp_store_dup_workspace_uuid (store);
  pack = cp_store_dup_pack_uuid (store);
  if (g_strcmp0 (workspace, header->workspace_uuid) != 0 ||
      g_strcmp0 (pack, header->pack_uuid) != 0)
    {
      g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_A_PACK,
                           _("The file does not hold a supervision pack this app can read."));
      return NULL;
    }

  if (header_out != NULL)
    *header_out = g_steal_pointer (&header);
  return g_steal_pointer (&store);
}

gboolean
cp_supervision_reply_import (CpStore             *store,
                             const CpPackHeader  *header,
                             GBytes              *payload,
                             guint               *n_merged,
                             GError             **error)
{
  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_merged != NULL)
    *n_merged = 0;

  return check_kind (header, CP_PACK_KIND_REPLY, error) &&
         cp_store_check_reply (store, header->workspace_uuid, header->pack_uuid, error) &&
         cp_store_import_reply (store, header->pack_uuid, payload, n_merged, error);
}

gboolean
cp_supervision_reply_import_file (CpStore     *store,
                                  const char  *path,
                                  const char  *passphrase,
                                  guint       *n_merged,
                                  GError     **error)
{
  g_autoptr(CpPackHeader) peeked = NULL;
  g_autoptr(CpPackHeader) header = NULL;
  g_autoptr(GBytes) payload = NULL;

  g_return_val_if_fail (CP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_merged != NULL)
    *n_merged = 0;

  return (peeked = cp_supervision_pack_peek (path, CP_PACK_KIND_REPLY, error)) != NULL &&
         cp_store_check_reply (store, peeked->workspace_uuid, peeked->pack_uuid, error) &&
         (payload = cp_supervision_pack_read (path, CP_PACK_KIND_REPLY, passphrase, &header,
                                              error)) != NULL &&
         cp_supervision_reply_import (store, header, payload, n_merged, error);
}
