/* cp-with-person-view.h: the window turned to face the person supported
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

#define CP_TYPE_WITH_PERSON_VIEW (cp_with_person_view_get_type ())
G_DECLARE_FINAL_TYPE (CpWithPersonView, cp_with_person_view, CP, WITH_PERSON_VIEW, GtkWidget)

GtkWidget *cp_with_person_view_new        (CpStore          *store);
/* Shows @person's shareable pages only; NULL shows nothing. Forgets what could be undone. */
void       cp_with_person_view_set_person (CpWithPersonView *self,
                                           CpPerson         *person);
/* Saves what waits for a pause in typing. */
void       cp_with_person_view_flush      (CpWithPersonView *self);
/* Whether the newest undo (@redo: redo) step of the store is an edit made in this view
 * since the person was set; the window allows only those while the view is up. */
gboolean   cp_with_person_view_can_undo   (CpWithPersonView *self,
                                           gboolean          redo);
/* The window undid (@redo: redid) one of them. Emits ::undo-changed. */
void       cp_with_person_view_undone     (CpWithPersonView *self,
                                           gboolean          redo);

G_END_DECLS
