/* cp-supervision-page.h: the Supervision section: the caseload as a supervisor sees it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* CpSupervisionPage: the Supervision section. Its first view, "Caseload", is every
 * active and paused person with the supervisor's questions about the work as columns,
 * pseudonymised (initials and case reference) until "Show Names" is pressed (never
 * remembered), with filter chips and sorting by any column. Wide, it is a table; narrow
 * (below about 700 px), one card per person, which is also the form keyboard and
 * screen-reader users read most easily. Activating a person runs win.show-person (x: the
 * person's id), which the window answers by opening them in the People section.
 *
 * The caseload is read when the page is made and again after the workspace changes, once
 * the page is on screen. The weeks behind "Map out of date", "Paused over N weeks" and
 * "Not discussed for N weeks" are the settings supervision-map-weeks,
 * supervision-paused-weeks and supervision-discussed-weeks.
 *
 * Property "folded": TRUE when the window's sidebar is folded away (the page then shows
 * a button back to the sections, action win.show-sections). */

#define CP_TYPE_SUPERVISION_PAGE (cp_supervision_page_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionPage, cp_supervision_page, CP, SUPERVISION_PAGE, GtkWidget)

CpSupervisionPage *cp_supervision_page_new           (CpStore           *store);
/* Adds another view to the section (after the caseload), switched to from the header
 * (at the bottom when narrow). @name names it for adw_view_stack_set_visible_child_name
 * (); @title and @icon_name are the switcher's. */
void               cp_supervision_page_add_view      (CpSupervisionPage *self,
                                                      GtkWidget         *widget,
                                                      const char        *name,
                                                      const char        *title,
                                                      const char        *icon_name);
/* While TRUE, no one's name or initials are in the page's widgets (the screen faces the
 * person supported); FALSE shows the caseload again, read afresh. */
void               cp_supervision_page_set_concealed (CpSupervisionPage *self,
                                                      gboolean           concealed);
/* The caseload as shown, filtered and sorted (CpSupervisionCaseloadItem). */
GListModel        *cp_supervision_page_get_shown     (CpSupervisionPage *self);

G_END_DECLS
