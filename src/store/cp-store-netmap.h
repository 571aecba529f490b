/* cp-store-netmap.h: a person's network maps in the workspace (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"
#include "netmap/cp-netmap-model.h"

G_BEGIN_DECLS

/* A person's maps are snapshots, each dated: the first is the baseline, and each review
 * map starts as a copy of the current one. A member keeps one identity, its lineage,
 * across all of the person's maps: the store gives a new member the person's highest
 * lineage + 1 (counting every map, and the goals and steps that name a member), so a
 * lineage is never handed to someone else while anything still refers to it; "Start
 * review map" keeps every lineage; an import gets fresh ones.
 *
 * The current map is the one with the latest taken_on, and of those the one made last
 * (highest id). cp_store_get_current_snapshot () is the one place that decides it; the
 * list, the lineage look-up and everything built on them follow it.
 *
 * Every edit is one undo step and emits CpStore::changed with the tables it touched
 * ("snapshot", "member", "tie"). A no-op makes no step. Bad input fails with
 * CP_STORE_ERROR_CONSTRAINT and a message people can read, and changes nothing; a map
 * or a member that is gone gives NOT_FOUND. The map's words (sectors, rings, kinds) are
 * the network map model's (cp_netmap_sector_label () …). "Today" is cp_date_today (). */

typedef struct
{
  gint64  id;
  char   *label;      /* "Baseline", "Review 1", … as the practitioner named it */
  char   *taken_on;   /* YYYY-MM-DD */
  char   *notes;      /* "" when none */
} CpSnapshotInfo;

void            cp_snapshot_info_free            (CpSnapshotInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSnapshotInfo, cp_snapshot_info_free)

/* ---- Snapshots ----------------------------------------------------------------------- */

/* The person's maps, oldest first (taken_on, then id): the last is the current one.
 * CpSnapshotInfo, owned by the array. NOT_FOUND when the person is gone. */
GPtrArray      *cp_store_list_snapshots          (CpStore      *self,
                                                  gint64        person_id,
                                                  GError      **error);
/* The current map's id in @out_id, 0 when the person has no map yet. */
gboolean        cp_store_get_current_snapshot    (CpStore      *self,
                                                  gint64        person_id,
                                                  gint64       *out_id,
                                                  GError      **error);
/* The first map, "Baseline", dated today. CONSTRAINT when the person has a map already.
 * The new map's id, or 0. */
gint64          cp_store_start_map               (CpStore      *self,
                                                  gint64        person_id,
                                                  GError      **error);
/* "Start review map": copies the current map (members with their lineages, places,
 * chips, details, marks and notes; ties) into a new map "Review N" dated today, N
 * counting the maps before it. CONSTRAINT when there is no map to copy. */
gint64          cp_store_start_review_map        (CpStore      *self,
                                                  gint64        person_id,
                                                  GError      **error);
gboolean        cp_store_rename_snapshot         (CpStore      *self,
                                                  gint64        snapshot_id,
                                                  const char   *label,
                                                  GError      **error);
/* @taken_on is YYYY-MM-DD. Redating may change which map is current. */
gboolean        cp_store_set_snapshot_date       (CpStore      *self,
                                                  gint64        snapshot_id,
                                                  const char   *taken_on,
                                                  GError      **error);
/* Typing merges into one undo step, like a person's notes. */
gboolean        cp_store_set_snapshot_notes      (CpStore      *self,
                                                  gint64        snapshot_id,
                                                  const char   *notes,
                                                  GError      **error);
/* The map with its members and ties (undo brings them back). */
gboolean        cp_store_delete_snapshot         (CpStore      *self,
                                                  gint64        snapshot_id,
                                                  GError      **error);

/* A model of the map: every member with its id (member.id) and lineage, its place,
 * chips, details and marks; the ties by lineage (their ids are left 0: a tie is known by
 * its two members). Never the notes. Cheap enough to call after every edit: about a
 * millisecond for 300 members and 1,000 ties (bench-store). */
CpNetmapModel  *cp_store_load_snapshot           (CpStore      *self,
                                                  gint64        snapshot_id,
                                                  GError      **error);

/* A new map for the person from @model (read from a GraphML or CSV file): every member
 * gets a fresh lineage, in the model's order, and ties follow their members; the
 * model's own ids and lineages are not kept. @label NULL is "Imported map", @taken_on
 * NULL is today; a member's added_on is kept when it is a date, else @taken_on. One
 * undo step; all or nothing. The new map's id, or 0. */
gint64          cp_store_import_snapshot         (CpStore       *self,
                                                  gint64         person_id,
                                                  CpNetmapModel *model,
                                                  const char    *label,
                                                  const char    *taken_on,
                                                  GError       **error);

/* ---- Members ------------------------------------------------------------------------- */

/* Adds a member at a free spot of its cell (cp_netmap_free_spot () on the map as it is),
 * with the person's next lineage and added_on today; nothing else recorded. The new
 * member's id, or 0. */
gint64          cp_store_add_member              (CpStore         *self,
                                                  gint64           snapshot_id,
                                                  CpNetmapKind     kind,
                                                  const char      *name,
                                                  CpNetmapSector   sector,
                                                  int              ring,
                                                  GError         **error);

/* As cp_store_add_member (), in one undo step, with @member's kind, name, sector, ring
 * and quick chips (helps me, hard going, want more), at @member's angle and depth in the
 * cell, or at a free spot when its angle is CP_STORE_FREE_SPOT (the add form, and a
 * double-click on an empty spot). Everything else of @member is ignored. */
gint64          cp_store_add_member_full         (CpStore              *self,
                                                  gint64                snapshot_id,
                                                  const CpNetmapMember *member,
                                                  GError              **error);

/* For @angle: a free spot of the cell, as for a new member (@depth is then ignored). */
#define CP_STORE_FREE_SPOT (-1.0)

/* Moves a member to (@sector, @ring) at @angle and @depth (each 0..1, see
 * cp-netmap-geometry.h), or to a free spot there. */
gboolean        cp_store_move_member             (CpStore         *self,
                                                  gint64           member_id,
                                                  CpNetmapSector   sector,
                                                  int              ring,
                                                  double           angle,
                                                  double           depth,
                                                  GError         **error);
gboolean        cp_store_rename_member           (CpStore         *self,
                                                  gint64           member_id,
                                                  const char      *name,
                                                  GError         **error);
gboolean        cp_store_set_member_kind         (CpStore         *self,
                                                  gint64           member_id,
                                                  CpNetmapKind     kind,
                                                  GError         **error);
/* The three quick chips, all at once. */
gboolean        cp_store_set_member_chips        (CpStore         *self,
                                                  gint64           member_id,
                                                  gboolean         helps_me,
                                                  gboolean         hard_going,
                                                  gboolean         want_more,
                                                  GError         **error);
/* The support details grid, all at once, with the model's values:
 * CP_NETMAP_NOT_RECORDED for @frequency, @years_known and @paid that were not
 * recorded, @support 0 and CP_NETMAP_DIRECTION_NOT_RECORDED likewise. */
gboolean        cp_store_set_member_details      (CpStore           *self,
                                                  gint64             member_id,
                                                  int                frequency,
                                                  int                years_known,
                                                  CpNetmapSupport    support,
                                                  CpNetmapDirection  direction,
                                                  int                paid,
                                                  GError           **error);

/* The marks a member can carry besides the chips. CAUTION ("caution: see case record")
 * is the practitioner's: never printed, exported or shown in the with-person view. DIED
 * is "died — keep on my map". */
typedef enum
{
  CP_MEMBER_MARK_MET_THROUGH_US,
  CP_MEMBER_MARK_MOSTLY_ONLINE,
  CP_MEMBER_MARK_DIED,
  CP_MEMBER_MARK_CAUTION,
} CpMemberMark;

gboolean        cp_store_set_member_mark         (CpStore         *self,
                                                  gint64           member_id,
                                                  CpMemberMark     mark,
                                                  gboolean         on,
                                                  GError         **error);
/* The practitioner's notes on a member (never in the model). Typing merges into one undo
 * step. */
gboolean        cp_store_set_member_notes        (CpStore         *self,
                                                  gint64           member_id,
                                                  const char      *notes,
                                                  GError         **error);
char           *cp_store_dup_member_notes        (CpStore         *self,
                                                  gint64           member_id,
                                                  GError         **error);
/* Removes the member and its ties; undo brings them back with the same lineage. */
gboolean        cp_store_delete_member           (CpStore         *self,
                                                  gint64           member_id,
                                                  GError         **error);
/* Tidy: re-spaces every ring of @sector (cp_netmap_tidy_sector ()), one undo step. */
gboolean        cp_store_tidy_sector             (CpStore         *self,
                                                  gint64           snapshot_id,
                                                  CpNetmapSector   sector,
                                                  GError         **error);

/* ---- Ties ---------------------------------------------------------------------------- */

/* Links two members of the same map, or changes the link's strength. CONSTRAINT for a
 * member and itself, or members of two maps. */
gboolean        cp_store_set_tie                 (CpStore              *self,
                                                  gint64                member_a,
                                                  gint64                member_b,
                                                  CpNetmapTieStrength   strength,
                                                  GError              **error);
/* NOT_FOUND when they are not linked. */
gboolean        cp_store_remove_tie              (CpStore              *self,
                                                  gint64                member_a,
                                                  gint64                member_b,
                                                  GError              **error);

/* ---- Lineages ------------------------------------------------------------------------ */

typedef enum
{
  CP_LINEAGE_NEVER_ON_MAP,      /* on none of the person's maps */
  CP_LINEAGE_ON_CURRENT_MAP,
  CP_LINEAGE_NO_LONGER_ON_MAP,  /* on an older map, not on the current one */
} CpLineageState;

/* Where @lineage stands for the person, and (@out_name, may be NULL) its name on the
 * newest map that has it, in the current-map order; NULL when never on a map. What a
 * step or a goal that names a member shows ("no longer on the map"). */
gboolean        cp_store_lookup_lineage          (CpStore         *self,
                                                  gint64           person_id,
                                                  gint64           lineage,
                                                  CpLineageState  *out_state,
                                                  char           **out_name,
                                                  GError         **error);

G_END_DECLS
