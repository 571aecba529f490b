/* cp-person-agreement.h: what a person agreed to, and their communication needs
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PERSON_AGREEMENT (cp_person_agreement_get_type ())
G_DECLARE_FINAL_TYPE (CpPersonAgreement, cp_person_agreement, CP, PERSON_AGREEMENT, GtkWidget)

GtkWidget *cp_person_agreement_new        (CpStore           *store);
void       cp_person_agreement_set_person (CpPersonAgreement *self,
                                           CpPerson          *person);
/* Saves typing that waits for a pause. */
void       cp_person_agreement_flush      (CpPersonAgreement *self);

G_END_DECLS
