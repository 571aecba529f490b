/* cp-review-form.h: one review, filled in within a few minutes, by keyboard alone if need be
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-person.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

/* The review form: the date it was held (today unless changed; a day still to come is
 * refused next to the field), who attended, the person's own view in their words, what
 * happened, new contacts, what got in the way (quick picks, each with a note; "safety"
 * takes none and says to record it in the case record), a rating and a note per active
 * goal (with Goal Attainment Scaling the level, and which goals count for the score;
 * without it further on / about the same / harder), next steps and the next review (the
 * review's date plus the "review-weeks" setting until typed over). Tab goes through it in
 * that order; Ctrl+Enter records it, Escape cancels. Recording is one undo step
 * (cp_store_add_review ()); bad input gets a message next to its field and saves nothing.
 *
 * In the with-person view ("with-person" TRUE) it keeps to what the person shares: the
 * date, who attended, their own view, their ratings and notes, next steps and the next
 * review; never what happened, barriers or which goals count for a score.
 *
 * Actions: "review.record", "review.cancel". Signals: ::recorded (gint64 review id) after
 * the review is saved, ::cancelled. */

#define CP_TYPE_REVIEW_FORM (cp_review_form_get_type ())
G_DECLARE_FINAL_TYPE (CpReviewForm, cp_review_form, CP, REVIEW_FORM, GtkWidget)

GtkWidget *cp_review_form_new     (CpStore      *store,
                                   CpPerson     *person);
/* Empties the form for a new review of the person's active goals as they are now, and
 * puts the keyboard on its first field. */
void       cp_review_form_reset   (CpReviewForm *self);
/* What "review.record" does: checks the form and records the review; FALSE (with the
 * messages shown) when nothing was saved. */
gboolean   cp_review_form_record  (CpReviewForm *self);

G_END_DECLS
