/* cp-pack-reply.h: the supervisor's reply (Export Reply…) and its import (Import Reply…)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* ---- Supervisor: Export Reply… ------------------------------------------------------------- */

/* Runs when the reply was written (@exported) or not (the user cancelled or it failed:
 * the pack's changes are still there). */
typedef void (*CpPackReplyDone) (gboolean  exported,
                                 gpointer  user_data);

/* Asks over @from's window for the passphrase (proposed as four words, editable), then
 * where to save the reply to the pack in @pack_store (a name by date and the supervisor's
 * role). The reply is sealed and written in a worker under the busy banner; a message
 * then gives the file's name and the passphrase once more, to give by phone. @done may be
 * NULL. Returns the dialog, already shown. */
AdwMessageDialog *cp_pack_reply_export        (GtkWidget        *from,
                                               CpStore          *pack_store,
                                               CpPackReplyDone   done,
                                               gpointer          user_data);
/* As "Save…" on @dialog (from cp_pack_reply_export) followed by choosing @file (tests). */
void              cp_pack_reply_export_to     (AdwMessageDialog *dialog,
                                               GFile            *file);

/* ---- Practitioner: Import Reply… ------------------------------------------------------------ */

/* Offers a file chooser for a reply, then cp_pack_reply_import_file (). */
void              cp_pack_reply_import        (GtkWidget        *from,
                                               CpStore          *store);
/* Imports the reply @file into @store: its heading is checked first (a reply for another
 * workspace, or to a pack this one never sent, is refused before the passphrase is asked
 * for), then the passphrase dialog opens it in a worker, then the comments, actions and
 * sign-offs merge as one undo step. A toast says how many, with Undo, or that there was
 * nothing new. */
void              cp_pack_reply_import_file   (GtkWidget        *from,
                                               CpStore          *store,
                                               GFile            *file);

G_END_DECLS
