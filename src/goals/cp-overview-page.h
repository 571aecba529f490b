/* cp-overview-page.h: the page a practitioner reads in the minute before a session
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

/* The Overview tab of a person's page: where the work stands (status and next review,
 * overdue in red; a paused person's check-in), the active goals with their latest rating
 * and open steps, the last review in two lines, and the network's size and its change
 * since the baseline map when there is a map. For the practitioner it starts with what
 * is needed before the door opens: "caution flag set" when a member of the current map
 * carries one, an interpreter to book and other communication needs, and what may be
 * shared with whom, then when the plan was last discussed in supervision and the
 * supervision actions still open. It follows the store, the person and the settings.
 *
 * "with-person": the with-person view: none of the practitioner's part, no scores. */

#define CP_TYPE_OVERVIEW_PAGE (cp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CpOverviewPage, cp_overview_page, CP, OVERVIEW_PAGE, GtkWidget)

GtkWidget *cp_overview_page_new  (CpStore  *store,
                                  CpPerson *person);

G_END_DECLS
