/* cp-export-network.h: a person's network map as files: GraphML, CSV, PNG, SVG, PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

/* What an export holds, in every format:
 *   - the map's members (the person at the centre): names as initials unless the user
 *     asked for names ("P1", "P2" … for a name without letters); kind, sector, ring,
 *     the chips, the support details as recorded, "met through our work", "mostly
 *     online", "died"; the ties with their strength;
 *   - never the notes (the map model holds none) and never a caution flag.
 * GraphML (for network analysis tools): typed <key>s, the person as the node "centre"
 * (centre = true), members "m1", "m2" …, undirected edges with a strength; the map's
 * label and date as graph data. CSV: a members file and a ties file (RFC 4180, UTF-8,
 * CRLF, a header row; ties name members by the members file's ids); a cell a
 * spreadsheet would read as a formula starts with a '. Pictures go through the one map
 * renderer, with "hard going" left out unless asked for.
 *
 * Files are named by the person's case reference, or their record number when they have
 * none, never by a name: "REF-network-YYYY-MM-DD.graphml". They are written beside
 * their place, synced, and renamed into it (cp-export-file.h); an existing file is never
 * replaced. An identifiable export is logged in the person's disclosure log
 * (cp-store-disclosure.h) before its files appear. */

typedef enum
{
  CP_NETWORK_FORMAT_GRAPHML,
  CP_NETWORK_FORMAT_CSV,
  CP_NETWORK_FORMAT_PNG,
  CP_NETWORK_FORMAT_SVG,
  CP_NETWORK_FORMAT_PDF,
} CpNetworkFormat;

#define CP_NETWORK_N_FORMATS 5

typedef struct
{
  CpNetworkFormat  format;
  gboolean         identifiable;  /* names instead of initials */
  gboolean         hard_going;    /* pictures: show "hard going" chips and ties */
  const char      *to_whom;       /* for the disclosure log; NULL when not said */
} CpNetworkExportOptions;

/* "graphml", "csv", "png", "svg", "pdf", and back (-1 for another word) */
const char      *cp_network_format_to_string   (CpNetworkFormat  format);
int              cp_network_format_from_string (const char      *word);
/* One sentence saying what the file will hold, for the export dialog. */
char            *cp_network_export_describe    (const CpNetworkExportOptions *options);

typedef struct _CpNetworkExport CpNetworkExport;

/* Reads what the export will hold from @store (main thread): the person, the map
 * (@snapshot_id, or the current one when 0) and its members. NOT_FOUND when the person
 * is gone or the map is not theirs; CONSTRAINT when they have no map yet. */
CpNetworkExport *cp_network_export_new         (CpStore                      *store,
                                                gint64                        person_id,
                                                gint64                        snapshot_id,
                                                const CpNetworkExportOptions *options,
                                                GError                      **error);
void             cp_network_export_free        (CpNetworkExport              *self);
/* The name to offer: "PRACTICE-0001-network-2026-12-06.graphml" ("….csv" for CSV, whose
 * two files are then "…-members.csv" and "…-ties.csv"). */
char            *cp_network_export_dup_file_name (CpNetworkExport            *self);
/* The files an export to @path writes: @path itself, or for CSV two: in the folder
 * @path (named as cp_network_export_dup_file_name () says) or, when @path is not a
 * folder, @path without ".csv" followed by "-members.csv" and "-ties.csv". */
GStrv            cp_network_export_dup_paths   (CpNetworkExport              *self,
                                                const char                   *path);
/* Writes the files to temporary names beside their places and syncs them (any thread;
 * touches no store). Fails when one of them exists already, unless @replace (the user
 * said yes to "Replace?" for @path; a CSV's ties file goes with it). */
gboolean         cp_network_export_stage       (CpNetworkExport              *self,
                                                const char                   *path,
                                                gboolean                      replace,
                                                GError                      **error);
/* Main thread, after a stage: logs an identifiable export in @store's disclosure log,
 * then puts the files in their places. */
gboolean         cp_network_export_publish     (CpNetworkExport              *self,
                                                CpStore                      *store,
                                                GError                      **error);

/* All of the above at once (the headless `cpkit export-network`). The paths written go
 * to @out_paths when not NULL. */
gboolean         cp_network_export_write       (CpStore                      *store,
                                                gint64                        person_id,
                                                gint64                        snapshot_id,
                                                const CpNetworkExportOptions *options,
                                                const char                   *path,
                                                GStrv                        *out_paths,
                                                GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpNetworkExport, cp_network_export_free)

G_END_DECLS
