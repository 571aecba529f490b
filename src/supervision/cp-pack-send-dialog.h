/* cp-pack-send-dialog.h: "Send Supervision Pack…": who, to whom, what leaves, the passphrase
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

#define CP_TYPE_PACK_SEND_DIALOG (cp_pack_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpPackSendDialog, cp_pack_send_dialog, CP, PACK_SEND_DIALOG, AdwWindow)

/* Asks over @parent which people go (active and paused ones, shown by initials and case
 * reference), to whom (a line supervisor in the organisation, or an external practice
 * educator, for whom case references are left out), whether what was written at reviews
 * goes, and shows exactly what would leave (cp_store_describe_pack) as the choice
 * changes. The passphrase is proposed as four words and may be changed. "Save…" offers
 * a file chooser with a name by date and role, never a person's; the pack is sealed and
 * written in a worker under the window's busy banner, recorded in each person's
 * disclosure log, and the dialog then shows the file's name and the passphrase once
 * more, to give by phone. Returns the dialog, already shown. */
CpPackSendDialog *cp_pack_send_dialog_present (GtkWindow        *parent,
                                               CpStore          *store);

/* The name the file chooser offers: by today's date and the practitioner's role. */
char             *cp_pack_send_dialog_dup_file_name (CpPackSendDialog *self);
/* As "Save…" followed by choosing @file in the chooser (tests: no chooser to drive). */
void              cp_pack_send_dialog_save_to (CpPackSendDialog *self,
                                               GFile            *file);

G_END_DECLS
