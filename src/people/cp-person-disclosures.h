/* cp-person-disclosures.h: on the Details tab, what the person was given and what about
 * them has left the app
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_DISCLOSURES (cp_person_disclosures_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonDisclosures, cp_person_disclosures, CP, PERSON_DISCLOSURES,
                      GtkWidget)

/* Two groups for the practitioner (never the with-person view): "Given to the Person",
 * the day the guide was gone through with them (a date, or Today; one undo step each)
 * and when their copy of the plan was last given (from the disclosure log), with a way
 * to make one (person.plan-copy); and "What Has Left the App", the person's disclosure
 * log, newest first: what, when (local time) and to whom, kept up to date as entries are
 * added (CpStore::changed with "disclosure"). */
GtkWidget *cp_person_disclosures_new        (CpStore             *store);
void       cp_person_disclosures_set_person (CpPersonDisclosures *self,
                                             CpPerson            *person);

G_END_DECLS
