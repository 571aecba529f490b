/* cp-supervision-pack.h: supervision packs and replies as files (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "store/cp-store-pack.h"
#include "supervision/cp-pack.h"

G_BEGIN_DECLS

/* The file side of store/cp-store-pack.h: a payload sealed with a passphrase (cp-pack.h)
 * under a clear heading (kind, the practitioner's workspace UUID, the pack UUID, when,
 * the sender's role: never a name), written whole or not at all (a temporary file
 * beside it, synced, then renamed: cp-export-file.h).
 *
 * Threads. The calls that take a CpStore use its connection: make them on the thread
 * that owns the store (the window's); they are quick (an in-memory database). The calls
 * that take only bytes and paths are whole-file work (a key derivation takes about a
 * tenth of a second and 64 MiB, more on a busy machine): run them in a worker
 * (g_task_run_in_thread); they touch no store and are safe on any thread.
 *
 * Sending a pack (practitioner):
 *   window thread   payload = cp_store_build_pack_payload (store, &choice, pack_uuid);
 *                   workspace_uuid = cp_store_dup_workspace_uuid (store)
 *   worker          cp_supervision_pack_write (path, CP_PACK_KIND_PACK, workspace_uuid,
 *                   pack_uuid, _("Practitioner"), payload, passphrase, FALSE)
 *   window thread   cp_store_record_sent_pack (store, pack_uuid, &choice)
 * Opening a pack (supervisor):
 *   worker          payload = cp_supervision_pack_read (path, CP_PACK_KIND_PACK,
 *                   passphrase, &header)
 *   window thread   pack_store = cp_store_open_pack (payload)
 * Sending a reply (supervisor):
 *   window thread   payload = cp_store_build_reply_payload (pack_store)
 *   worker          cp_supervision_pack_write (path, CP_PACK_KIND_REPLY, header's
 *                   workspace UUID and pack UUID, cp_pack_recipient_get_role (...),
 *                   payload, passphrase, FALSE)
 * Importing a reply (practitioner):
 *   worker          header = cp_supervision_pack_peek (path, CP_PACK_KIND_REPLY)
 *   window thread   cp_store_check_reply (store, header->workspace_uuid,
 *                   header->pack_uuid): "for another workspace" before the passphrase
 *   worker          payload = cp_supervision_pack_read (path, CP_PACK_KIND_REPLY,
 *                   passphrase, &header)
 *   window thread   cp_supervision_reply_import (store, header, payload, &n)
 * cp_supervision_pack_open_file () and cp_supervision_reply_import_file () do the two
 * reads in one call, for tests and the command line.
 *
 * Errors: CP_PACK_ERROR from the container (wrong passphrase, truncated, changed
 * bytes …), CP_STORE_PACK_ERROR (a reply where a pack was wanted, another workspace's,
 * a pack never sent, someone not in the pack …), G_IO_ERROR from the file system. */

/* "supervision-pack-YYYY-MM-DD-<role-slug>.cpkpack" or
 * "supervision-reply-YYYY-MM-DD-<role-slug>.cpkreply" for @date (local day) and the
 * sender's @role (lower case, letters and digits, runs of anything else as one '-';
 * "practitioner" when nothing is left). Never a person's name: pass a role. */
char         *cp_supervision_pack_file_name   (CpPackKind            kind,
                                               GDateTime            *date,
                                               const char           *role);

#define CP_SUPERVISION_PACK_SUFFIX  ".cpkpack"
#define CP_SUPERVISION_REPLY_SUFFIX ".cpkreply"

/* Seals @payload (see cp_pack_seal) under a heading made of @kind, @workspace_uuid,
 * @pack_uuid, now and @sender_role, and writes it to @path whole or not at all. Without
 * @replace an existing file is never replaced (G_IO_ERROR_EXISTS). Worker-safe. */
gboolean      cp_supervision_pack_write       (const char           *path,
                                               CpPackKind            kind,
                                               const char           *workspace_uuid,
                                               const char           *pack_uuid,
                                               const char           *sender_role,
                                               GBytes               *payload,
                                               const char           *passphrase,
                                               gboolean              replace,
                                               GError              **error);

/* The heading of the file at @path without the passphrase (cp_pack_peek_header), and
 * WRONG_KIND unless it is of @kind. Worker-safe. */
CpPackHeader *cp_supervision_pack_peek        (const char           *path,
                                               CpPackKind            kind,
                                               GError              **error);

/* Reads and opens the file at @path with @passphrase: its payload (wiped when freed)
 * and, when @header_out is not NULL, its heading. WRONG_KIND unless it is of @kind;
 * every error of cp_pack_open (). Worker-safe. */
GBytes       *cp_supervision_pack_read        (const char           *path,
                                               CpPackKind            kind,
                                               const char           *passphrase,
                                               CpPackHeader        **header_out,
                                               GError              **error);

/* cp_supervision_pack_read () then cp_store_open_pack (): the pack as a store in memory.
 * The store is made on the calling thread and belongs to it. */
CpStore      *cp_supervision_pack_open_file   (const char           *path,
                                               const char           *passphrase,
                                               CpPackHeader        **header_out,
                                               GError              **error);

/* A reply's @header (from cp_supervision_pack_read) checked against @store
 * (cp_store_check_reply), then @payload merged: cp_store_import_reply (). Window
 * thread. */
gboolean      cp_supervision_reply_import     (CpStore              *store,
                                               const CpPackHeader   *header,
                                               GBytes               *payload,
                                               guint                *n_merged,
                                               GError              **error);

/* The heading checked first (before the key is derived), then read, then
 * cp_supervision_reply_import (). On the store's thread (the key derivation blocks it:
 * tests and the command line). */
gboolean      cp_supervision_reply_import_file (CpStore             *store,
                                                const char          *path,
                                                const char          *passphrase,
                                                guint               *n_merged,
                                                GError             **error);

G_END_DECLS
