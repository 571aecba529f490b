/* cp-summary-dialog.h: copy a person's plan into the case record, after a preview
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"
#include "store/cp-store-disclosure.h"

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

/* The same preview for any text about person @person_id that goes into their case record
 * (a supervision decision): @heading is the dialog's ("Copy Decision for the Case
 * Record"), @body the line under it, @text exactly what is copied, @what and @detail what
 * the disclosure log records ("to the case record"), @copied the toast's words once
 * copied. Returns the dialog, already shown. */
AdwMessageDialog *cp_summary_dialog_present_text (GtkWidget        *from,
                                                  CpStore          *store,
                                                  gint64            person_id,
                                                  const char       *heading,
                                                  const char       *body,
                                                  const char       *text,
                                                  CpDisclosureKind  what,
                                                  const char       *detail,
                                                  const char       *copied);

/* How long the copied summary stays on the clipboard, in milliseconds (two minutes);
 * tests shorten it. */
#define CP_SUMMARY_CLIPBOARD_MS (2 * 60 * 1000)
void              cp_summary_dialog_set_clear_delay (guint ms);

G_END_DECLS
