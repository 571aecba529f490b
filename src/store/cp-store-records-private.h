/* cp-store-records-private.h: what the files that keep a person's maps, disclosure log
 * and subject access report share (inside src/store only)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-goal.h"
#include "cp-review.h"
#include "cp-store-disclosure.h"
#include "cp-store-netmap.h"
#include "cp-store-private.h"

G_BEGIN_DECLS

/* A person's maps newest first: the current map comes first. Every query that picks "the
 * current map" or "the newest map that has …" orders by this, with the snapshot table
 * (or its alias) named @s. */
#define CP_STORE_MAPS_NEWEST_FIRST(s) s "taken_on DESC, " s "id DESC"

#define CP_STORE_MAP_GONE    N_("That map is no longer in the workspace.")
#define CP_STORE_MEMBER_GONE N_("That member is no longer on the map.")
#define CP_STORE_GOAL_GONE   N_("That goal is no longer in the workspace.")
#define CP_STORE_STEP_GONE   N_("That step is no longer in the workspace.")
#define CP_STORE_REVIEW_GONE N_("That review is no longer in the workspace.")

/* cp-store-netmap.c */

/* Sets CONSTRAINT with @message (for people); FALSE. */
gboolean        _cp_store_constraint             (GError          **error,
                                                  const char       *message);
/* Deletes the row @sql names by ?1 = @id as one undo step named @label; NOT_FOUND with
 * @gone when there is no such row. */
gboolean        _cp_store_delete_row             (CpStore          *self,
                                                  const char       *label,
                                                  const char       *sql,
                                                  gint64            id,
                                                  const char       *gone,
                                                  GError          **error);
/* FAILED when the workspace is closed, NOT_FOUND when the person is not in it. */
gboolean        _cp_store_check_person           (CpStore          *self,
                                                  gint64            person_id,
                                                  GError          **error);
/* Runs @sql with @values bound; @out gets the first column of its first row, and
 * @found (may be NULL) whether there was one (@out is left alone when not). */
gboolean        _cp_store_query_int64            (sqlite3          *db,
                                                  const char       *sql,
                                                  const CpDbValue  *values,
                                                  guint             n_values,
                                                  gint64           *out,
                                                  gboolean         *found,
                                                  GError          **error);

/* The person's current map (0 when none) as the database says inside the caller's
 * transaction. */
gboolean        _cp_store_read_current_snapshot  (sqlite3          *db,
                                                  gint64            person_id,
                                                  gint64           *out_id,
                                                  GError          **error);
/* The highest lineage the person has ever used (maps, steps, goal helpers); 0 if none. */
gboolean        _cp_store_read_max_lineage       (sqlite3          *db,
                                                  gint64            person_id,
                                                  gint64           *out_lineage,
                                                  GError          **error);
/* "Review 1", "Review 2", … */
char           *_cp_store_review_label           (guint             n);

/* cp-store-netmap-model.c */

/* CONSTRAINT unless every field of @member is one the workspace can hold. */
gboolean        _cp_store_check_member           (const CpNetmapMember *member,
                                                  GError              **error);
/* The map as a model (see cp_store_load_snapshot ()); NOT_FOUND when it is gone. */
CpNetmapModel  *_cp_store_read_model             (sqlite3          *db,
                                                  gint64            snapshot_id,
                                                  GError          **error);
/* Writes @model's members and ties into map @snapshot_id. With @first_lineage 0 the
 * members keep the model's lineages; else they get @first_lineage, @first_lineage + 1, …
 * in the model's order. added_on is the member's when it is a date, else
 * @default_added_on. Checks every member first. */
gboolean        _cp_store_insert_model           (sqlite3          *db,
                                                  gint64            snapshot_id,
                                                  CpNetmapModel    *model,
                                                  gint64            first_lineage,
                                                  const char       *default_added_on,
                                                  GError          **error);

/* cp-store-goals-read.c: a row's columns: a copy of the text (NULL for NULL, or "" for
 * NULL), an int (@if_null for NULL), an enum by its nick (@fallback for NULL or unknown). */
char           *_cp_store_column_dup             (sqlite3_stmt     *stmt,
                                                  int               column);
char           *_cp_store_column_dup_or_empty    (sqlite3_stmt     *stmt,
                                                  int               column);
int             _cp_store_column_int_or          (sqlite3_stmt     *stmt,
                                                  int               column,
                                                  int               if_null);
int             _cp_store_column_enum            (sqlite3_stmt     *stmt,
                                                  int               column,
                                                  GType             type,
                                                  int               fallback);

/* cp-store-goals-read.c: one read transaction (BEGIN; COMMIT when @ok, else ROLLBACK;
 * FALSE unless both worked), so every part of a record shows the same moment. */
gboolean        _cp_store_begin_read             (CpStore          *self,
                                                  GError          **error);
gboolean        _cp_store_end_read               (CpStore          *self,
                                                  gboolean          ok,
                                                  GError          **error);
/* Appends the person's goals (CpGoalInfo, in order, with steps, barriers and helpers,
 * member owners and helpers resolved) to @out. */
gboolean        _cp_store_read_goals             (sqlite3          *db,
                                                  gint64            person_id,
                                                  GPtrArray        *out,
                                                  GError          **error);
/* Appends the person's reviews (CpReviewInfo, oldest first, with ratings and barriers). */
gboolean        _cp_store_read_reviews           (sqlite3          *db,
                                                  gint64            person_id,
                                                  GPtrArray        *out,
                                                  GError          **error);

/* cp-store-goals.c: CONSTRAINT unless @lineage is on one of the person's maps or already
 * named by one of the person's steps or helpers. */
gboolean        _cp_store_check_lineage          (sqlite3          *db,
                                                  gint64            person_id,
                                                  gint64            lineage,
                                                  GError          **error);
/* Moves row @id to @position (0 first; past the end: last) among its siblings and numbers
 * them 0, 1, … : @list_sql lists the siblings' ids in order with ?1 = @parent_id;
 * @update_sql sets one row's position (?1 id, ?2 position, ?3 the time now) and should
 * change nothing when it is already there. NOT_FOUND with @gone when @id is not listed. */
gboolean        _cp_store_move_row               (sqlite3          *db,
                                                  const char       *list_sql,
                                                  const char       *update_sql,
                                                  gint64            parent_id,
                                                  gint64            id,
                                                  guint             position,
                                                  const char       *gone,
                                                  GError          **error);

/* cp-practice-plan.c: the goals, steps, barriers, helpers and first review of the
 * practice data's [@group] (after its maps), as rows of person @person_id. */
gboolean        _cp_practice_insert_plan         (sqlite3          *db,
                                                  const char       *now,
                                                  GKeyFile         *keyfile,
                                                  const char       *group,
                                                  gint64            person_id,
                                                  const char       *agreed_on,
                                                  GError          **error);

/* cp-store-disclosure.c: appends the person's entries (CpDisclosure) to @out. */
gboolean        _cp_store_read_disclosures       (sqlite3          *db,
                                                  gint64            person_id,
                                                  GPtrArray        *out,
                                                  GError          **error);

/* cp-store-supervision-read.c: appends the supervision sessions (CpSupervisionSession)
 * that discussed @person_id to @out, newest first, each holding only that person's part
 * (never anyone else's comments, and never the worker's reflection, which is not in a
 * CpSupervisionSession). */
gboolean        _cp_store_read_person_sessions   (sqlite3          *db,
                                                  gint64            person_id,
                                                  GPtrArray        *out,
                                                  GError          **error);

G_END_DECLS
