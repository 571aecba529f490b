/* cp-supervision-sheet-dialog.h: "Supervision Sheet…": where to save one, then saving it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Offers a file chooser over @from's window with the sheet's own name (the case
 * reference or the session's date, never a name; export/cp-export-supervision.h says
 * what a sheet holds). Once a file is chosen the sheet is read, then written in a worker
 * while the window's busy banner shows, logged in the disclosure log of everyone on it
 * and put in place; a toast says where it went, or why it could not be saved (then
 * nothing is left and nothing is logged). Cancel does nothing. Goal Attainment Scaling
 * comes from Preferences. A person or session that is gone is said at once. */
void  cp_supervision_sheet_save_for_person  (GtkWidget  *from,
                                             CpStore    *store,
                                             gint64      person_id);
void  cp_supervision_sheet_save_for_session (GtkWidget  *from,
                                             CpStore    *store,
                                             const char *session_uuid);

/* As either of the above with @file chosen in the chooser (tests: no chooser to drive):
 * a session's sheet when @session_uuid is not NULL, else @person_id's. */
void  cp_supervision_sheet_save_to          (GtkWidget  *from,
                                             CpStore    *store,
                                             gint64      person_id,
                                             const char *session_uuid,
                                             GFile      *file);

G_END_DECLS
