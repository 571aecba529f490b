/* cp-export-supervision-private.h: what the files that make a supervision sheet share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-export-file.h"
#include "cp-export-supervision.h"
#include "netmap/cp-netmap-model.h"
#include "store/cp-review.h"
#include "store/cp-store-supervision.h"

G_BEGIN_DECLS

/* One person on a sheet, as read on the store's thread. */
typedef struct
{
  gint64          person_id;
  CpPerson       *person;       /* a reference; its name is never written */
  char           *initials;
  char           *reference;    /* the case reference, or "Record N" */
  CpPlan         *plan;
  CpNetmapModel  *map;          /* the current map, names as initials; NULL: no map */
  CpNetmapModel  *baseline;     /* the first map when it is not the current one, likewise */
  char           *map_label;
  char           *map_on;
  char           *baseline_label;
  char           *baseline_on;
  gboolean        has_score;    /* a review has a T-score (the chart is drawn) */
  guint           index;        /* 1, 2 … on the sheet: its figures' names */
} SheetPerson;

struct _CpSupervisionSheet
{
  CpSupervisionSheetOptions  options;     /* date is not kept: day is */
  char                      *day;         /* the day it is made */
  char                      *file_name;
  char                      *markdown;    /* the chapters, one after the other */
  GStrv                      chapters;    /* a session's sheet: each person on a new page,
                                           * the worker's reflection on a page of its own */
  GPtrArray                 *people;      /* SheetPerson */
  GPtrArray                 *sessions;    /* CpSupervisionSession: the session, or the
                                           * person's, oldest first */
  gboolean                   for_session; /* a session's sheet, not a person's */
  char                      *reflection;  /* a session's sheet: the worker's, or NULL */
  GStrv                      redact;      /* pairs: a word of a name, its person's initials */
  CpExportStaged             staged;
};

/* cp-export-supervision-write.c: the sheet's text from what was read, by chapters. */
GStrv       _cp_supervision_sheet_write    (CpSupervisionSheet *self);

G_END_DECLS
