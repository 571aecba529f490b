/* cp-network-private.h: what the network map's exports and imports share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

/* One column of the CSV members file and one <key> of GraphML, with the same name in
 * both, so a file written by one reads back in the other's terms. */
typedef enum
{
  CP_NETWORK_FIELD_NAME,
  CP_NETWORK_FIELD_KIND,
  CP_NETWORK_FIELD_SECTOR,
  CP_NETWORK_FIELD_RING,
  CP_NETWORK_FIELD_HELPS_ME,
  CP_NETWORK_FIELD_HARD_GOING,
  CP_NETWORK_FIELD_WANT_MORE,
  CP_NETWORK_FIELD_MET_THROUGH_US,
  CP_NETWORK_FIELD_MOSTLY_ONLINE,
  CP_NETWORK_FIELD_DIED,
  CP_NETWORK_FIELD_FREQUENCY,
  CP_NETWORK_FIELD_YEARS_KNOWN,
  CP_NETWORK_FIELD_SUPPORT,
  CP_NETWORK_FIELD_DIRECTION,
  CP_NETWORK_FIELD_PAID,
  CP_NETWORK_FIELD_ADDED_ON,
  CP_NETWORK_FIELD_ANGLE,
  CP_NETWORK_FIELD_DEPTH,
  CP_NETWORK_N_FIELDS,
} CpNetworkField;

typedef struct
{
  const char *name;           /* the column and the key's attr.name */
  const char *graphml_type;   /* string, int, boolean, double */
} CpNetworkFieldInfo;

extern const CpNetworkFieldInfo _cp_network_fields[CP_NETWORK_N_FIELDS];

/* The member's value as written, or NULL when it was not recorded (a detail left
 * blank). Numbers in the C locale; chips and marks "true" or "false". */
char          *_cp_network_field_text     (const CpNetmapMember *member,
                                           CpNetworkField        field);

/* Tie ends and strength: the CSV ties file's columns and GraphML's edge key */
#define CP_NETWORK_COLUMN_ID       "id"
#define CP_NETWORK_COLUMN_SOURCE   "source"
#define CP_NETWORK_COLUMN_TARGET   "target"
#define CP_NETWORK_COLUMN_STRENGTH "strength"
/* GraphML: the person at the centre is a node of its own, marked so */
#define CP_NETWORK_KEY_CENTRE      "centre"
#define CP_NETWORK_CENTRE_ID       "centre"

/* A member's id in an export: "m1", "m2" … in the map's order. */
char          *_cp_network_member_id      (guint                 index);

/* What an export holds, ready to write: names already pseudonymised when they must be,
 * no caution flags. */
typedef struct
{
  CpNetmapModel *model;
  char          *centre;       /* the person: their name, or its initials */
  char          *label;        /* the map's label */
  char          *taken_on;     /* the map's date */
  gboolean       identifiable;
} CpNetworkData;

void           _cp_network_data_clear     (CpNetworkData        *data);
/* @model's copy for an export: caution flags off and, unless @identifiable, each name
 * replaced by its initials ("P1", "P2" … for a name without letters). */
CpNetmapModel *_cp_network_prepare_model  (CpNetmapModel        *model,
                                           gboolean              identifiable);
/* The initials a pseudonymised export shows for @name, or "P<n>" (counting up in
 * *@counter) when they hold no letter. */
char          *_cp_network_pseudonym      (const char           *name,
                                           guint                *counter);

/* cp-export-graphml.c, cp-export-csv.c */
GString       *_cp_network_write_graphml  (const CpNetworkData  *data);
GString       *_cp_network_write_csv_members (const CpNetworkData *data);
GString       *_cp_network_write_csv_ties (const CpNetworkData  *data);
/* A CSV cell as written: quoted when it must be, and neutralised when a spreadsheet would
 * read it as a formula (=, +, -, @, tab or carriage return first: a ' goes before it). */
void           _cp_network_csv_append_cell (GString             *out,
                                            const char          *text);

/* ---- Reading (cp-import-*.c) ----------------------------------------------------------- */

/* Members and ties read from a file, checked as they come, into a model. Each member is
 * known by the file's id for it; its fields come as text by name (_cp_network_fields,
 * and "id"). */
typedef struct _CpNetworkBuilder CpNetworkBuilder;

CpNetworkBuilder *_cp_network_builder_new   (void);
void           _cp_network_builder_free     (CpNetworkBuilder   *self);
/* @line: where the member is in the file (for messages), or 0. @values: field name →
 * text; name, sector and ring are needed, kind is "person" when missing. */
gboolean       _cp_network_builder_add_member (CpNetworkBuilder *self,
                                               const char       *id,
                                               GHashTable       *values,
                                               int               line,
                                               GError          **error);
/* @strength NULL is "strong". */
gboolean       _cp_network_builder_add_tie  (CpNetworkBuilder   *self,
                                             const char         *source,
                                             const char         *target,
                                             const char         *strength,
                                             int                 line,
                                             GError            **error);
/* Ties from now on come from a file of their own: messages name it. */
void           _cp_network_builder_set_ties_file (CpNetworkBuilder *self,
                                                  gboolean          ties_file);
gboolean       _cp_network_builder_has_id   (CpNetworkBuilder   *self,
                                             const char         *id);
/* The model (members without a place in the file are spread across their cells), or
 * NULL with an error when the file held no member. */
CpNetmapModel *_cp_network_builder_finish   (CpNetworkBuilder   *self,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpNetworkBuilder, _cp_network_builder_free)

/* A column header or a key's name as the field it names: lower case, spaces and hyphens
 * as "_", and a few other tools' words ("label" → "name", "type" → "kind", "from" →
 * "source", "to" → "target"). Free it. */
char          *_cp_network_canonical_name   (const char         *name);
/* Sets an INVALID import error: "Line N: " (when @line > 0) and the message. */
void           _cp_network_problem          (GError            **error,
                                             int                 line,
                                             const char         *format,
                                             ...) G_GNUC_PRINTF (3, 4);
/* @text from a file, made safe to show in a message: quoted, at most 32 characters,
 * control characters dropped. */
char          *_cp_network_quote            (const char         *text);

/* The limits every import holds to */
#define CP_NETWORK_MAX_MEMBERS   2000
#define CP_NETWORK_MAX_TIES      10000
#define CP_NETWORK_MAX_NAME      200      /* characters */
#define CP_NETWORK_MAX_ID        200      /* bytes */

/* cp-import-graphml.c, cp-import-csv.c: @data (UTF-8 checked, @length bytes) into the
 * builder. */
gboolean       _cp_network_read_graphml     (const char         *data,
                                             gsize               length,
                                             CpNetworkBuilder   *builder,
                                             GError            **error);
/* @ties: the ties file, or NULL */
gboolean       _cp_network_read_csv         (const char         *members,
                                             gsize               members_length,
                                             const char         *ties,
                                             gsize               ties_length,
                                             CpNetworkBuilder   *builder,
                                             GError            **error);

G_END_DECLS
