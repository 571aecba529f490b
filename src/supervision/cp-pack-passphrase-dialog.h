/* cp-pack-passphrase-dialog.h: opening a sealed pack or reply: its heading, then the passphrase
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "supervision/cp-pack.h"

G_BEGIN_DECLS

#define CP_TYPE_PACK_PASSPHRASE_DIALOG (cp_pack_passphrase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpPackPassphraseDialog, cp_pack_passphrase_dialog, CP,
                      PACK_PASSPHRASE_DIALOG, AdwWindow)

/* Runs on the main thread once the file opened with the passphrase: @payload (wiped
 * when its last reference goes) and its authenticated @header. Return FALSE with
 * @error set to keep the dialog open with the message under the passphrase (nothing
 * done); TRUE closes it. @dialog is the passphrase dialog (a parent for what follows). */
typedef gboolean (*CpPackUnlockedFunc) (GtkWindow           *dialog,
                                        GBytes              *payload,
                                        const CpPackHeader  *header,
                                        gpointer             user_data,
                                        GError             **error);

/* Runs on the main thread with the file's heading, read without the passphrase, before
 * it is asked for: FALSE with @error set says why not (shown under the error heading),
 * and the passphrase is never asked for. */
typedef gboolean (*CpPackCheckFunc)    (const CpPackHeader  *header,
                                        gpointer             user_data,
                                        GError             **error);

typedef struct
{
  CpPackKind          kind;
  const char         *heading;        /* "Open Supervision Pack" */
  const char         *error_heading;  /* "Cannot Open This Pack" */
  const char         *accept_label;   /* "_Open" */
  CpPackCheckFunc     check;          /* or NULL */
  CpPackUnlockedFunc  unlocked;
} CpPackUnlock;

/* Opens @file of @how->kind: reads its heading in a worker (what is wrong with a file
 * that is not a pack, from a newer version, damaged or cut short is said at once, in a
 * message over @parent), runs @how->check, then asks for the passphrase in a
 * CpPackPassphraseDialog over @parent ("From <role>, sealed on <day>"). The file is
 * opened in a worker; a wrong passphrase keeps the dialog open with the message under
 * the entry; once it opens, @how->unlocked runs. @parent may be NULL (a pack opened with
 * no window): @app then keeps the dialogs. @destroy frees @user_data when it is all
 * over, whichever way. */
void cp_pack_unlock (GtkWindow          *parent,
                     GApplication       *app,
                     GFile              *file,
                     const CpPackUnlock *how,
                     gpointer            user_data,
                     GDestroyNotify      destroy);

G_END_DECLS
