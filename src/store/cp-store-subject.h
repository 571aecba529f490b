/* cp-store-subject.h: everything the workspace holds about one person, as data
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-records.h"
#include "cp-review.h"
#include "cp-store.h"
#include "cp-store-disclosure.h"
#include "cp-store-supervision.h"
#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

/* For a subject access request: every row linked to one person (their own fields, their
 * network maps with members and ties, goals with steps, barriers and helpers, reviews
 * with ratings and barrier picks, the disclosure log, and what supervision wrote about
 * their plan), read in one transaction so every
 * part shows the same moment. Goals and reviews are the records the goals pages read
 * (cp_store_read_plan ()). The map's values are the network map model's (CpNetmapKind …). Plain data:
 * src/export words it for people and marks third parties for redaction. Never holds
 * anyone else on the caseload. Dates are YYYY-MM-DD, times ISO 8601 UTC. */

/* An optional number that was never recorded. */
#define CP_SUBJECT_NOT_RECORDED G_MININT

typedef struct
{
  gint64           lineage;         /* the same member across the person's maps */
  char            *name;            /* as the person says it: a first name or a role */
  CpNetmapKind     kind;
  CpNetmapSector   sector;
  int              ring;            /* 1..4 (CP_NETMAP_RING_CLOSEST …) */
  gboolean         helps_me;
  gboolean         hard_going;
  gboolean         want_more;
  int              frequency;       /* 0 hardly ever .. 4 daily, or NOT_RECORDED */
  int              years_known;     /* 0 under 1, 1 one to five, 2 over 5, or NOT_RECORDED */
  CpNetmapSupport  support_types;
  CpNetmapDirection direction;
  int              paid;            /* 1 paid, 0 unpaid, or NOT_RECORDED */
  gboolean         met_through_us;
  gboolean         mostly_online;
  gboolean         died;            /* "died — keep on my map" */
  gboolean         caution;         /* the practitioner's flag */
  char            *added_on;
  char            *notes;           /* "" when none */
} CpSubjectMember;

typedef struct
{
  char                *a_name;
  CpNetmapKind         a_kind;
  char                *b_name;
  CpNetmapKind         b_kind;
  CpNetmapTieStrength  strength;
} CpSubjectTie;

typedef struct
{
  char       *label;
  char       *taken_on;
  char       *notes;
  char       *created_at;
  char       *updated_at;
  GPtrArray  *members;              /* CpSubjectMember, in the order they were added */
  GPtrArray  *ties;                 /* CpSubjectTie */
} CpSubjectMap;

typedef struct
{
  gint64                id;
  char                 *name;
  char                 *case_ref;              /* NULL when none */
  CpPersonStatus        status;
  CpPauseReason         pause_reason;
  char                 *closed_on;             /* NULL unless closed */
  CpFocus               focus;
  char                 *next_review;           /* NULL when none */
  char                 *check_in_on;           /* NULL when none (paused people only) */
  char                 *agreed_on;             /* NULL when not recorded */
  char                 *keep_agreed_on;        /* NULL when not recorded */
  char                 *plan_agreed_on;        /* NULL when not recorded */
  char                 *guide_on;              /* NULL when not recorded */
  char                 *sharing;               /* "" when nothing recorded */
  CpCommunicationNeeds  needs;
  char                 *interpreter_language;  /* NULL when none */
  char                 *communication_other;   /* "" when none */
  char                 *notes;
  char                 *created_at;
  char                 *updated_at;
  GPtrArray            *maps;                  /* CpSubjectMap, oldest first */
  GPtrArray            *goals;                 /* CpGoalInfo (cp-goal.h), in the person's
                                                * order, with steps, barriers, helpers */
  GPtrArray            *reviews;               /* CpReviewInfo (cp-review.h), oldest first,
                                                * with ratings and barrier picks */
  GPtrArray            *disclosures;           /* CpDisclosure, oldest first */
  GPtrArray            *supervision;           /* CpSupervisionSession that discussed
                                                * them, newest first, each with only
                                                * their part (comments, actions,
                                                * sign-off); never the worker's
                                                * reflection */
} CpSubjectAccess;

void              cp_subject_access_free       (CpSubjectAccess *access);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSubjectAccess, cp_subject_access_free)

/* Reads everything held about person @id. NOT_FOUND when there is no such person; any
 * failed read fails the whole call (never a shortened record). */
CpSubjectAccess  *cp_store_read_subject_access (CpStore     *self,
                                                gint64       id,
                                                GError     **error);

G_END_DECLS
