/* cp-pack-ui.h: the parts the pack and reply dialogs share: the passphrase, the writing
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "supervision/cp-pack.h"

G_BEGIN_DECLS

/* ---- The passphrase, when sealing ------------------------------------------------------ */

/* A group with the passphrase to seal with: an entry row (widget name "passphrase-row")
 * filled with cp_pack_suggest_passphrase () and editable in full view, since it is read
 * out over the phone; a button for another suggestion; and the line "Give the passphrase
 * by phone, not with the file. The app does not keep it." */
GtkWidget *cp_pack_passphrase_group_new      (void);
/* The passphrase typed there; wipe it with cp_pack_passphrase_free (). */
char      *cp_pack_passphrase_group_dup      (GtkWidget   *group);
/* Whether it holds something other than white space. */
gboolean   cp_pack_passphrase_group_is_set   (GtkWidget   *group);

/* ---- Words ------------------------------------------------------------------------------ */

/* "6 December 2026": the local day @created (UTC) falls on. */
char      *cp_pack_dup_day                   (GDateTime   *created);
/* The practitioner's role from Preferences ("Your role"), or "Practitioner". */
char      *cp_pack_dup_practitioner_role     (void);
/* Whether Preferences allow supervision packs (the data-protection question). */
gboolean   cp_pack_get_enabled               (void);
/* Tells over @parent (may be NULL) that packs are off, and where to turn them on: the
 * message offers Preferences (app.preferences). */
void       cp_pack_show_disabled             (GtkWindow   *parent,
                                              GApplication *app);
/* Shows @error (its message is written for people) under @heading over @parent. */
void       cp_pack_show_error                (GtkWindow   *parent,
                                              GApplication *app,
                                              const char  *heading,
                                              const GError *error);

/* ---- Writing, in a worker ------------------------------------------------------------------ */

/* Runs on the main thread when the file is written (@error NULL) or not. */
typedef void (*CpPackWrittenFunc) (GtkWidget    *from,
                                   const char   *path,
                                   const GError *error,
                                   gpointer      user_data);

/* Seals @payload with @passphrase (taken: wiped and freed here) under a heading of @kind,
 * @workspace_uuid, @pack_uuid, now and @sender_role, and writes it to @path whole or not
 * at all, in a worker, while the busy banner nearest to @from says @busy_label. Then
 * @written runs, unless @from has left its window meanwhile (nothing is shown then). */
void       cp_pack_write_async               (GtkWidget          *from,
                                              const char         *path,
                                              gboolean            replace,
                                              CpPackKind          kind,
                                              const char         *workspace_uuid,
                                              const char         *pack_uuid,
                                              const char         *sender_role,
                                              GBytes             *payload,
                                              char               *passphrase,
                                              const char         *busy_label,
                                              CpPackWrittenFunc   written,
                                              gpointer            user_data,
                                              GDestroyNotify      destroy);

G_END_DECLS
