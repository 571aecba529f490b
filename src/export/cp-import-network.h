/* cp-import-network.h: a network map read from GraphML or CSV into a new map of a person
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"
#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

/* A file is read whole and checked before anything reaches the workspace: a problem
 * anywhere (a malformed, truncated, huge or hostile file) fails the whole import with a
 * message naming it, and nothing is imported.
 *
 * GraphML is parsed by libxml2 with the network off, no entity substitution, no DTD
 * loading and no "huge" mode; a file declaring a document type (DOCTYPE: where entities
 * come from) is refused outright, and only UTF-8 is read. Member attributes are found by
 * this app's key ids or by their attr.name, so other tools' files that carry name, kind,
 * sector and ring (in words or stored names) work too; the node marked centre = true is
 * the person and is not a member.
 *
 * CSV (RFC 4180, UTF-8, comma or semicolon) is read by its header names: a members file
 * needs name, kind, sector and ring (kind may be left out: "person"), and an id column
 * when there is a ties file, whose source and target name members by those ids. A cell
 * neutralised against formulas (a ' before =, +, -, @) reads back as it was. */

#define CP_NETWORK_IMPORT_ERROR (cp_network_import_error_quark ())

typedef enum
{
  CP_NETWORK_IMPORT_ERROR_INVALID,    /* the content breaks a rule: the message says which */
  CP_NETWORK_IMPORT_ERROR_TOO_LARGE,  /* over CP_NETWORK_IMPORT_MAX_BYTES, or too many members */
  CP_NETWORK_IMPORT_ERROR_UNSAFE,     /* a document type, entities: refused unread */
  CP_NETWORK_IMPORT_ERROR_ENCODING,   /* not UTF-8 */
  CP_NETWORK_IMPORT_ERROR_FORMAT,     /* neither GraphML nor CSV */
} CpNetworkImportError;

/* No file larger than this is read (checked before parsing). */
#define CP_NETWORK_IMPORT_MAX_BYTES (20 * 1000 * 1000)

GQuark         cp_network_import_error_quark (void);

/* Reads @path (GraphML when it ends in .graphml or .xml or starts like XML, else CSV)
 * and, for CSV, the ties file @ties_path (may be NULL) into a model: fresh lineages from
 * 1 in the file's order, no ids. Any thread; touches no store. File errors are
 * G_IO_ERROR. */
CpNetmapModel *cp_network_import_read        (const char     *path,
                                              const char     *ties_path,
                                              GError        **error);
/* The same for data in memory (@ties may be NULL): @graphml says which reader. */
CpNetmapModel *cp_network_import_read_data   (const char     *data,
                                              gsize           length,
                                              const char     *ties,
                                              gsize           ties_length,
                                              gboolean        graphml,
                                              GError        **error);

/* cp_network_import_read (), then cp_store_import_snapshot (): a new map "Imported map"
 * dated today, one undo step. The new map's id, or 0. */
gint64         cp_network_import_file        (CpStore        *store,
                                              gint64          person_id,
                                              const char     *path,
                                              const char     *ties_path,
                                              GError        **error);

G_END_DECLS
