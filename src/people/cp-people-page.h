/* cp-people-page.h: the caseload and the chosen person's details
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PEOPLE_PAGE (cp_people_page_get_type ())
G_DECLARE_FINAL_TYPE (CpPeoplePage, cp_people_page, CP, PEOPLE_PAGE, GtkWidget)

CpPeoplePage *cp_people_page_new          (CpStore      *store);
/* The list as shown: filtered and sorted. */
GListModel   *cp_people_page_get_shown    (CpPeoplePage *self);
/* Shows @person's details (NULL: none). */
void          cp_people_page_open_person  (CpPeoplePage *self,
                                           CpPerson     *person);

/* The person whose details are shown, or NULL. */
CpPerson     *cp_people_page_dup_person   (CpPeoplePage *self);
/* While TRUE, no one's name or details are in the page's widgets (the screen faces the
 * person supported); FALSE shows the list and the chosen person again. */
void          cp_people_page_set_concealed (CpPeoplePage *self,
                                            gboolean      concealed);

G_END_DECLS
