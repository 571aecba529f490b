/* cp-store-reviews.h: reviews, the whole plan at once, and when the next one is due
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-review.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* A review is recorded in one go: its date, who attended, the person's own view, what
 * happened, new contacts, the barriers picked, a rating per goal and next steps, and the
 * next review date, as one transaction and one undo step. Edits follow the rules of
 * cp-store-goals.h (one step each, CONSTRAINT with a readable message and nothing saved
 * for bad input, NOT_FOUND for what is gone); ::changed names "review", "rating",
 * "review_barrier" and, when the next review moves, "person".
 *
 * The next review has one home: the person's next review (cp_person_get_next_review ()).
 * A review sets it when it is recorded; after that it is edited on the person
 * (cp_store_set_person_next_review ()). The first one is scheduled from the day the plan
 * was agreed (cp_store_set_person_plan_agreed_on ()), by a number of weeks the caller
 * keeps (Preferences; CP_REVIEW_DEFAULT_WEEKS). Overdue and check-in flags are read off
 * the person: cp_person_get_review_due (). "Today" is cp_date_today (). */

#define CP_REVIEW_DEFAULT_WEEKS 6

/* ---- Reading ------------------------------------------------------------------------- */

/* Everything the overview and the person's copy need, at one moment: goals (as
 * cp_store_list_goals ()) and reviews (as cp_store_list_reviews ()). NOT_FOUND when the
 * person is gone. */
CpPlan       *cp_store_read_plan                  (CpStore             *self,
                                                   gint64               person_id,
                                                   GError             **error);
/* The person's reviews, oldest first (CpReviewInfo with ratings and barriers). */
GPtrArray    *cp_store_list_reviews               (CpStore             *self,
                                                   gint64               person_id,
                                                   GError             **error);

/* ---- Reviews ------------------------------------------------------------------------- */

/* Records a review of person @person_id from @review (held_on, never after today; the
 * texts; ratings of the person's own goals, one each, a GAS level or progress or
 * neither, not both; barrier picks, one each, none with a note for SAFETY) and, when
 * @next_review is not NULL, sets the person's next review to it (not before held_on).
 * All in one undo step, "Record review". The review's id, or 0. */
gint64        cp_store_add_review                 (CpStore             *self,
                                                   gint64               person_id,
                                                   const CpReviewInfo  *review,
                                                   const char          *next_review,
                                                   GError             **error);
/* Writes @review (date, texts, ratings and barriers, replacing the ones recorded) over
 * review @review_id, all or nothing. The next review stays the person's. Typing within a
 * few seconds merges into one undo step. */
gboolean      cp_store_update_review              (CpStore             *self,
                                                   gint64               review_id,
                                                   const CpReviewInfo  *review,
                                                   GError             **error);
/* The review with its ratings and barriers. */
gboolean      cp_store_delete_review              (CpStore             *self,
                                                   gint64               review_id,
                                                   GError             **error);

/* ---- Dates of the plan --------------------------------------------------------------- */

/* @from plus @weeks weeks (a calendar sum across month ends and leap days), YYYY-MM-DD;
 * NULL when @from is not a date. */
char         *cp_review_schedule                  (const char          *from,
                                                   guint                weeks);
/* The day the plan was agreed (NULL or "" clears). When @review_weeks is not 0 and the
 * person has no next review yet, it is set to that day plus @review_weeks weeks in the
 * same undo step. */
gboolean      cp_store_set_person_plan_agreed_on  (CpStore             *self,
                                                   gint64               id,
                                                   const char          *date,
                                                   guint                review_weeks,
                                                   GError             **error);
/* A paused person's check-in date (NULL or "" clears): CONSTRAINT unless the person is
 * paused. Leaving the pause clears it (cp_store_set_person_status ()). */
gboolean      cp_store_set_person_check_in_on     (CpStore             *self,
                                                   gint64               id,
                                                   const char          *date,
                                                   GError             **error);
/* The day the guide was gone through with the person (not after today; NULL clears). */
gboolean      cp_store_set_person_guide_on        (CpStore             *self,
                                                   gint64               id,
                                                   const char          *date,
                                                   GError             **error);

G_END_DECLS
