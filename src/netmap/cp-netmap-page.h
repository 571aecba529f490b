/* cp-netmap-page.h: a person's network map tab: the map, its tools, details and numbers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* The Network tab of a person's page. With no map yet it offers to start one; otherwise
 * it shows the current map (or the one chosen in the map selector) in a CpNetmapView
 * with a toolbar (add, zoom, list entry, hard going, initials only, compare, start a
 * review map, tidy, export and import), a side panel with the chosen member's details
 * or, with none chosen, the map's numbers in words, and a comparison of two maps.
 * Every edit is one store call, so one undo step; the page follows CpStore::changed.
 *
 * Facing the person (cp_netmap_page_new_facing (), the with-person view): larger text,
 * no caution flags, no notes, no exports, no comparison, numbers only as counts and
 * what is new since the map before; the widgets for practitioner-only fields are never
 * made, so nothing of them is in the widget tree.
 *
 * Signal: ::edited () after each edit the page made through the store.
 * Actions (netmap.*): add (Ctrl+N while the focus is in the page), zoom-in, zoom-out,
 * zoom-fit, start, start-review, tidy (i: the sector), export, import, list, compare,
 * initials, hide-hard-going. */

#define CP_TYPE_NETMAP_PAGE (cp_netmap_page_get_type ())
G_DECLARE_FINAL_TYPE (CpNetmapPage, cp_netmap_page, CP, NETMAP_PAGE, GtkWidget)

GtkWidget *cp_netmap_page_new           (CpStore      *store);
GtkWidget *cp_netmap_page_new_facing    (CpStore      *store);

/* Shows @person_id's maps (0: nobody), the current map first. */
void       cp_netmap_page_set_person    (CpNetmapPage *self,
                                         gint64        person_id);
gint64     cp_netmap_page_get_person    (CpNetmapPage *self);
/* The map shown, or 0 when the person has none. */
gint64     cp_netmap_page_get_snapshot  (CpNetmapPage *self);
/* Shows another of the person's maps. */
void       cp_netmap_page_set_snapshot  (CpNetmapPage *self,
                                         gint64        snapshot_id);
/* Saves notes and names still waiting for a pause in typing. */
void       cp_netmap_page_flush         (CpNetmapPage *self);

G_END_DECLS
