/* cp-netmap-metrics.h: the numbers a map gives, and how they change between two maps
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-model.h"

G_BEGIN_DECLS

/* What is counted (as the training manual's chapter on network mapping explains it):
 *
 *  - n, the size, counts everything in the three rings: people, places and activities
 *    alike. The outer zone ("I'd like / lost touch") holds wishes and lost ties, not
 *    connections to draw on: it is counted on its own (OUTER_ZONE) and is in no share.
 *  - Members who have died ("kept on my map") are in no measure but DIED: not in n, not
 *    in any share, not in the support profile, and their ties are not counted.
 *  - Per ring, sector and kind, the shares, sectors present, diversity, the support
 *    profile, hard going and met through our work are over n (all kinds). Density and
 *    reciprocity are about people, so they count only the people in n.
 *  - Counts are always a number, 0 included. A share needs something to share out: when
 *    fewer than two are counted it is NOT_ENOUGH ("not enough to say"), never 0.
 *  - A measure built on details that are optional is NOT_RECORDED ("not recorded"), never
 *    0, when none of them is recorded: density when the map has no member–member ties at
 *    all; the support profile when no member of n has any detail recorded; reciprocity
 *    when no person in n has the direction of help recorded; paid when no member of n has
 *    paid or unpaid recorded. A member whose detail is not recorded is left out of that
 *    measure's base, not counted as "no".
 *  - "Hard going" (HARD_GOING_SHARE) is the member's chip. Hard-going ties between
 *    members (strength "stressful") are counted on their own (STRESSFUL_TIES), among
 *    members who have not died, in any ring. */

typedef enum
{
  CP_NETMAP_VALUE_KNOWN,
  CP_NETMAP_VALUE_NOT_ENOUGH,     /* "not enough to say" */
  CP_NETMAP_VALUE_NOT_RECORDED,   /* "not recorded" */
} CpNetmapValueState;

typedef struct
{
  CpNetmapValueState state;
  double             value;       /* the count, or the share 0..1, or the index */
  guint              count;       /* how many have it (shares) */
  guint              base;        /* how many were counted (shares) */
} CpNetmapValue;

typedef enum
{
  CP_NETMAP_MEASURE_SIZE,
  CP_NETMAP_MEASURE_PEOPLE,
  CP_NETMAP_MEASURE_PLACES,
  CP_NETMAP_MEASURE_ACTIVITIES,
  CP_NETMAP_MEASURE_CLOSEST,
  CP_NETMAP_MEASURE_IMPORTANT,
  CP_NETMAP_MEASURE_AROUND,
  CP_NETMAP_MEASURE_OUTER_ZONE,
  CP_NETMAP_MEASURE_FAMILY,
  CP_NETMAP_MEASURE_FRIENDS,
  CP_NETMAP_MEASURE_NEIGHBOURS,
  CP_NETMAP_MEASURE_WORK,
  CP_NETMAP_MEASURE_GROUPS,
  CP_NETMAP_MEASURE_SERVICES,
  CP_NETMAP_MEASURE_SECTORS_PRESENT,
  CP_NETMAP_MEASURE_FAMILY_SHARE,
  CP_NETMAP_MEASURE_SERVICES_SHARE,
  CP_NETMAP_MEASURE_PAID_SHARE,
  CP_NETMAP_MEASURE_DIVERSITY,
  CP_NETMAP_MEASURE_DENSITY,
  CP_NETMAP_MEASURE_EMOTIONAL,
  CP_NETMAP_MEASURE_PRACTICAL,
  CP_NETMAP_MEASURE_INFORMATION,
  CP_NETMAP_MEASURE_COMPANY,
  CP_NETMAP_MEASURE_RECIPROCITY,
  CP_NETMAP_MEASURE_HARD_GOING_SHARE,
  CP_NETMAP_MEASURE_STRESSFUL_TIES,
  CP_NETMAP_MEASURE_MET_THROUGH_US,
  CP_NETMAP_MEASURE_DIED,
} CpNetmapMeasure;

#define CP_NETMAP_N_MEASURES (CP_NETMAP_MEASURE_DIED + 1)

typedef struct
{
  CpNetmapValue values[CP_NETMAP_N_MEASURES];
  guint         ties;             /* L: ties between people in n (density's numerator) */
} CpNetmapMetrics;

void         cp_netmap_metrics_compute   (CpNetmapModel         *model,
                                          CpNetmapMetrics       *metrics);

/* Whether the measure is a count (the others are shares or indices, 0..1). */
gboolean     cp_netmap_measure_is_count  (CpNetmapMeasure        measure);
/* Its name and its formula in words, translated: the formula is what the map's summary
 * shows on hover. */
const char  *cp_netmap_measure_label     (CpNetmapMeasure        measure);
const char  *cp_netmap_measure_formula   (CpNetmapMeasure        measure);
/* "8", "0.63", "not enough to say" or "not recorded". */
char        *cp_netmap_value_format      (CpNetmapMeasure        measure,
                                          const CpNetmapValue   *value);

/* Between two maps of one person, matched by lineage. Lists hold lineages (gint64) in
 * the order of the map they come from; ties as CpNetmapTie (the later map's, or for
 * removed ties the earlier map's). */
typedef struct
{
  CpNetmapMetrics before;
  CpNetmapMetrics after;
  /* after − before when both are known; otherwise NOT_RECORDED if either is not
   * recorded, else NOT_ENOUGH */
  CpNetmapValue   delta[CP_NETMAP_N_MEASURES];
  GArray         *added;          /* new on the later map */
  GArray         *not_now;        /* on the earlier map, not on this map now */
  GArray         *closer;         /* moved to a ring nearer the centre */
  GArray         *further;        /* moved to a ring further out */
  GArray         *other_sector;   /* same ring, another sector */
  GArray         *died;           /* marked as died since the earlier map */
  GArray         *ties_added;
  GArray         *ties_removed;
  GArray         *ties_changed;   /* the same pair, another strength */
} CpNetmapChange;

CpNetmapChange *cp_netmap_change_new     (CpNetmapModel         *before,
                                          CpNetmapModel         *after);
void            cp_netmap_change_free    (CpNetmapChange        *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpNetmapChange, cp_netmap_change_free)

G_END_DECLS
