/* cp-person-editor.h: the person's details, saved as they are typed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_EDITOR (cp_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonEditor, cp_person_editor, CP, PERSON_EDITOR, GtkWidget)

GtkWidget *cp_person_editor_new        (CpStore        *store);
CpPerson  *cp_person_editor_get_person (CpPersonEditor *self);
void       cp_person_editor_set_person (CpPersonEditor *self,
                                        CpPerson       *person);
/* Saves edits still waiting for a pause in typing. */
void       cp_person_editor_flush      (CpPersonEditor *self);

G_END_DECLS
