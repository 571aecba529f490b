/* cp-with-person-view.h: the window turned to face the person supported
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-person.h"

G_BEGIN_DECLS

#define CP_TYPE_WITH_PERSON_VIEW (cp_with_person_view_get_type ())
G_DECLARE_FINAL_TYPE (CpWithPersonView, cp_with_person_view, CP, WITH_PERSON_VIEW, GtkWidget)

GtkWidget *cp_with_person_view_new        (void);
/* Shows @person's shareable pages only; NULL shows nothing. */
void       cp_with_person_view_set_person (CpWithPersonView *self,
                                           CpPerson         *person);

G_END_DECLS
