/* test-netmap-io-util.h: the map the export and import tests write and read back
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-test-util.h"
#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

/* "Today" for these maps */
#define NETMAP_IO_TODAY     "2026-12-06"
/* The person and what must never leave the app about them and their members */
#define NETMAP_IO_PERSON    "Robin Marsh-Taylor"
#define NETMAP_IO_CASE_REF  "PRACTICE-0001"
#define NETMAP_IO_NOTE      "Secret note about Fenwick"

typedef struct
{
  const char     *name;
  const char     *initials;     /* what a pseudonymised export shows */
  CpNetmapKind    kind;
  CpNetmapSector  sector;
  int             ring;
  gboolean        helps_me;
  gboolean        hard_going;
  gboolean        want_more;
  gboolean        met_through_us;
  gboolean        mostly_online;
  gboolean        died;
  gboolean        caution;
  int             frequency;    /* -1 not recorded */
  int             years_known;
  CpNetmapSupport support;
  CpNetmapDirection direction;
  int             paid;
} NetmapIoMember;

typedef struct
{
  guint               a;        /* indices into netmap_io_members */
  guint               b;
  CpNetmapTieStrength strength;
} NetmapIoTie;

extern const NetmapIoMember netmap_io_members[];
extern const guint          netmap_io_n_members;
extern const NetmapIoTie    netmap_io_ties[];
extern const guint          netmap_io_n_ties;
/* Every word of a name above (three letters or more): none may be in a pseudonymised file */
extern const char * const   netmap_io_name_words[];

/* Sets today, adds the person (case reference @case_ref, may be NULL) with a map of the
 * members and ties above (the caution flag and NETMAP_IO_NOTE on one of them); returns
 * the person's id and the map's in @out_snapshot. */
gint64  netmap_io_fill               (CpStore     *store,
                                      const char  *case_ref,
                                      gint64      *out_snapshot);
/* Asserts that @model holds the members and ties above by name (in any order), with
 * every field as recorded, and no caution flag. */
void    netmap_io_assert_same        (CpNetmapModel *model);
/* Exports @person's current map as @format into @dir/@name and asserts it worked;
 * returns the paths written (two for CSV). */
GStrv   netmap_io_export             (CpStore     *store,
                                      gint64       person,
                                      int          format,
                                      gboolean     identifiable,
                                      const char  *dir,
                                      const char  *name);
/* The text of every page of the PDF at @path (poppler) */
char   *netmap_io_pdf_text           (const char    *path);

G_END_DECLS
