/* cp-person-row.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "store/cp-person.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_ROW (cp_person_row_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonRow, cp_person_row, CP, PERSON_ROW, GtkWidget)

GtkWidget *cp_person_row_new        (void);
void       cp_person_row_set_person (CpPersonRow *self,
                                     CpPerson    *person);   /* NULL to unbind */
/* TRUE when the row flags its person: a review overdue, or a paused person's check-in
 * passed or never set (cp_person_needs_attention ()). */
gboolean   cp_person_row_get_flagged (CpPersonRow *self);

G_END_DECLS
