/* cp-netmap-words.h: what a map's numbers and the change between two maps say, in words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-metrics.h"

G_BEGIN_DECLS

/* A measure's value as the map's summary shows it, translated: a count ("8"), a share
 * with what it is made of ("3 of 8 (38%)"), an index ("0.63"), "not enough to say" or
 * "not recorded". */
char      *cp_netmap_value_describe     (CpNetmapMeasure        measure,
                                         const CpNetmapValue   *value);
/* The change of a measure between two maps: "2 more", "1 fewer", "no change", "up 0.12",
 * "up 5 points" (shares), or NULL when it cannot be said (either map has too little). */
char      *cp_netmap_delta_describe     (CpNetmapMeasure        measure,
                                         const CpNetmapValue   *delta);

/* The change between two maps of one person as sentences, translated, in this order:
 * who is new, who is not on this map now, who moved closer, who moved further out, who
 * is in another sector, who was marked as died, new ties, ties not on this map now, ties
 * that changed. Never "lost" or "gone". One sentence "Nothing changed between these
 * maps." when nothing did. Names as on the maps, or their initials with @initials_only.
 * The array owns the strings. */
GPtrArray *cp_netmap_change_sentences   (const CpNetmapChange  *change,
                                         CpNetmapModel         *before,
                                         CpNetmapModel         *after,
                                         gboolean               initials_only);

/* "Sam, Mum and the shop": @lineages (gint64) by their names on @model (initials with
 * @initials_only); NULL when the array is empty. */
char      *cp_netmap_join_names         (CpNetmapModel         *model,
                                         const GArray          *lineages,
                                         gboolean               initials_only);

G_END_DECLS
