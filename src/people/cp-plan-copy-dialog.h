/* cp-plan-copy-dialog.h: "Person's Copy of the Plan…": which copy, in which format, where
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PLAN_COPY_DIALOG (cp_plan_copy_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpPlanCopyDialog, cp_plan_copy_dialog, CP, PLAN_COPY_DIALOG,
                      AdwMessageDialog)

/* Asks over @from's window which copy to make of @person's plan: their own copy (large
 * print and easy read preset from their communication needs, a discreet copy, and the
 * latest ratings only when asked for) or the practitioner's full plan. "Save…" offers a
 * file chooser with a name from the case reference (never the name); the PDF is then
 * written in a worker while the window's busy banner shows, logged in the person's
 * disclosure log and published; a toast says where it went, or why it could not be
 * saved (then nothing is left and nothing is logged). "Cancel" or Escape does nothing.
 * Team phone and Goal Attainment Scaling come from Preferences. Returns the dialog,
 * already shown. */
CpPlanCopyDialog *cp_plan_copy_dialog_present (GtkWidget        *from,
                                               CpStore          *store,
                                               CpPerson         *person);

/* As "Save…" followed by choosing @file in the chooser: closes the dialog and writes the
 * copy chosen there to @file (tests: no file chooser to drive). */
void              cp_plan_copy_dialog_save_to (CpPlanCopyDialog *self,
                                               GFile            *file);

G_END_DECLS
