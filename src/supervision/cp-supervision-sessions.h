/* cp-supervision-sessions.h: the supervision sessions recorded in the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* A view of the Supervision section (cp-ui): every session, newest first, each with its
 * day in words, who was there, the people discussed by initials and case reference
 * (never by name) and how many agreed actions are still open. With none yet, "No
 * supervision recorded yet" and "Record a Session…". "Record a Session…" (also
 * Ctrl+Shift+N inside the view) asks for the day, who was there and whose plans were
 * discussed, then opens the new session in the session editor; activating a session opens
 * it there too. It follows the store (CpStore::changed). */

#define CP_TYPE_SUPERVISION_SESSIONS (cp_supervision_sessions_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionSessions, cp_supervision_sessions, CP, SUPERVISION_SESSIONS,
                      GtkWidget)

GtkWidget *cp_supervision_sessions_new    (CpStore               *store);
/* Asks for a new session ("sessions.record"); returns the dialog, already shown. */
GtkWindow *cp_supervision_sessions_record (CpSupervisionSessions *self);
/* Opens session @uuid in the editor, over this view's window; returns the editor. */
GtkWindow *cp_supervision_sessions_open   (CpSupervisionSessions *self,
                                           const char            *uuid);

/* How supervision shows a person, pseudonymised: their initials and case reference
 * ("RL · CR-104"), or their initials alone. */
char      *cp_supervision_person_label    (CpStore               *store,
                                           gint64                 person_id);

/* Whether supervision can be written in @store: not in a read-only workspace. (A
 * supervisor's pack is read-only but takes supervision edits: once the store says so,
 * cp_store_can_edit_supervision (), this asks it.) */
gboolean   cp_supervision_can_edit        (CpStore               *store);

/* Shows @text (NULL hides it) in @message, under the list (or group of fields) @about,
 * which says it to a screen reader too. */
void       cp_supervision_set_message     (GtkWidget             *about,
                                           GtkLabel              *message,
                                           const char            *text);

G_END_DECLS
