/* cp-summary-dialog.h: copy a person's plan into the case record, after a preview
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* "Copy Summary for the Case Record…": a dialog over @from's window previewing exactly
 * the plain text that will be copied (cp_export_summary_text (), headed with the role
 * from the practitioner-role setting). "Copy" logs it in the person's disclosure log
 * (nothing is copied when that fails), puts it on the clipboard, says so in a toast,
 * and clears the clipboard two minutes later if it still holds that text. "Cancel" or
 * Escape copies nothing. Returns the dialog, already shown; NULL when the summary could
 * not be written (the error is shown as a toast). */
AdwMessageDialog *cp_summary_dialog_present (GtkWidget *from,
                                             CpStore   *store,
                                             gint64     person_id);

/* How long the copied summary stays on the clipboard, in milliseconds (two minutes);
 * tests shorten it. */
#define CP_SUMMARY_CLIPBOARD_MS (2 * 60 * 1000)
void              cp_summary_dialog_set_clear_delay (guint ms);

G_END_DECLS
