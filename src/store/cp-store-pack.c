/* cp-store-pack.c: the supervision pack and its reply, as data
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <glib/gi18n.h>

#include "cp-store-pack.h"
#include "cp-store-private.h"

G_DEFINE_QUARK (cp-store-pack-error-quark, cp_store_pack_error)

static gboolean
not_yet (GError **error)
{
  g_set_error_literal (error, CP_STORE_PACK_ERROR, CP_STORE_PACK_ERROR_NOT_YET,
                       _("Supervision packs are not ready yet."));
  return FALSE;
}

const char *
cp_pack_recipient_get_label (CpPackRecipient recipient)
{
  switch (recipient)
    {
    case CP_PACK_RECIPIENT_PRACTICE_EDUCATOR:
      return _("practice educator");
    case CP_PACK_RECIPIENT_LINE_SUPERVISOR:
    default:
      return _("line supervisor");
    }
}

const char *
cp_pack_recipient_get_role (CpPackRecipient recipient)
{
  switch (recipient)
    {
    case CP_PACK_RECIPIENT_PRACTICE_EDUCATOR:
      return _("Practice educator");
    case CP_PACK_RECIPIENT_LINE_SUPERVISOR:
    default:
      return _("Line supervisor");
    }
}

char *
cp_store_describe_pack (CpStore             *self,
                        const CpPackChoice  *choice,
                        GError             **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (choice != NULL, NULL);

  not_yet (error);
  return NULL;
}

GBytes *
cp_store_build_pack_payload (CpStore             *self,
                             const CpPackChoice  *choice,
                             const char          *pack_uuid,
                             GError             **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);
  g_return_val_if_fail (choice != NULL, NULL);
  g_return_val_if_fail (pack_uuid != NULL, NULL);

  not_yet (error);
  return NULL;
}

gboolean
cp_store_record_sent_pack (CpStore             *self,
                           const char          *pack_uuid,
                           const CpPackChoice  *choice,
                           GError             **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return not_yet (error);
}

gboolean
cp_store_check_reply (CpStore     *self,
                      const char  *workspace_uuid,
                      const char  *pack_uuid,
                      GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return not_yet (error);
}

gboolean
cp_store_import_reply (CpStore     *self,
                       const char  *pack_uuid,
                       GBytes      *payload,
                       guint       *n_merged,
                       GError     **error)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  if (n_merged != NULL)
    *n_merged = 0;
  return not_yet (error);
}

CpStore *
cp_store_open_pack (GBytes  *payload,
                    GError **error)
{
  g_return_val_if_fail (payload != NULL, NULL);

  not_yet (error);
  return NULL;
}

gboolean
cp_store_is_pack (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return self->pack;
}

gboolean
cp_store_can_edit_supervision (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return self->db != NULL && (self->pack || !self->read_only);
}

CpPackRecipient
cp_store_get_pack_recipient (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), CP_PACK_RECIPIENT_LINE_SUPERVISOR);

  return CP_PACK_RECIPIENT_LINE_SUPERVISOR;
}

char *
cp_store_dup_pack_uuid (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return NULL;
}

gboolean
cp_store_pack_has_changes (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return FALSE;
}

GBytes *
cp_store_build_reply_payload (CpStore  *pack_store,
                              GError  **error)
{
  g_return_val_if_fail (CP_IS_STORE (pack_store), NULL);

  not_yet (error);
  return NULL;
}
