/* cp-reviews-page.h: a person's reviews: the next one, recording one, and the history
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

/* The Reviews tab of a person's page. At the top the next review (a date typed as
 * YYYY-MM-DD, or the "review-weeks" setting's suggestion; overdue in red), then "Record a
 * Review", which opens the review form (cp-review-form.h) in place, and the history: the
 * chart across reviews (cp-goal-chart-view.h: the T-score with Goal Attainment Scaling,
 * else goals further on) with its words, each goal's ratings over time, and the past
 * reviews, newest first. It follows the store: an undo shows at once.
 *
 * "with-person": the with-person view: no score, chart, notes, barriers or status (the
 * view says the next meeting); levels in words, not numbers; the person's
 * own view and ratings can still be recorded.
 * Action: "reviews.record" (shows the form). */

#define CP_TYPE_REVIEWS_PAGE (cp_reviews_page_get_type ())
G_DECLARE_FINAL_TYPE (CpReviewsPage, cp_reviews_page, CP, REVIEWS_PAGE, GtkWidget)

GtkWidget *cp_reviews_page_new  (CpStore  *store,
                                 CpPerson *person);

G_END_DECLS
