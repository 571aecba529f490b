/* cp-store-pack-private.h: what the pack's files share (src/store only)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store-pack.h"
#include "cp-store-private.h"
#include "cp-store-supervision.h"

G_BEGIN_DECLS

/* workspace_meta 'pack-kind' of a pack and of a reply. */
#define CP_PACK_META_KIND_PACK  "pack"
#define CP_PACK_META_KIND_REPLY "reply"

/* A new, empty in-memory connection: defensive, no trusted schema, foreign keys and
 * secure_delete on. */
sqlite3  *_cp_pack_db_open_memory   (GError       **error);
/* A new in-memory connection with this app's empty schema (the workspace_meta 'uuid'
 * it gets is random: replace it). Defensive, no trusted schema. */
sqlite3  *_cp_pack_db_new_empty     (GError       **error);
/* A new in-memory connection holding a copy of @bytes (never a file). Defensive, no
 * trusted schema. NOT_A_PACK when it is not an SQLite database of this app with the
 * meta 'pack-kind' @kind (WRONG_KIND for the other kind), TOO_NEW when its schema is
 * newer. A pack of an older version is brought up to date in memory. With @strict the
 * schema must be exactly this version's (replies). */
sqlite3  *_cp_pack_db_open_bytes    (GBytes        *bytes,
                                     const char    *kind,
                                     gboolean       strict,
                                     GError       **error);
/* The whole of @schema ("main", "pack" …) of @db as bytes. */
GBytes   *_cp_pack_db_serialize     (sqlite3       *db,
                                     const char    *schema,
                                     GError       **error);
/* workspace_meta @key of @schema in @db, or NULL. */
char     *_cp_pack_db_dup_meta      (sqlite3       *db,
                                     const char    *schema,
                                     const char    *key);
/* Attaches a copy of @bytes to @db as @schema (outside a transaction). */
gboolean  _cp_pack_db_attach_bytes  (sqlite3       *db,
                                     const char    *schema,
                                     GBytes        *bytes,
                                     GError       **error);
/* CP_STORE_PACK_ERROR NOT_A_PACK with its message. */
void      _cp_pack_set_not_a_pack   (GError       **error,
                                     const char    *kind);

G_END_DECLS
