/* cp-supervision-sessions-dialog.h: "Record a Session…"
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* A small modal window (cp-ui) asking for a new supervision session: the day it was held
 * (today unless changed), who was there (roles, in words) and whose plans were discussed
 * (the active and paused people, by initials and case reference; at least one). Nothing
 * is made until "Record"; a refusal shows next to the field it is about and the dialog
 * stays. On success it emits ::recorded (const char *uuid) and closes. */

#define CP_TYPE_SUPERVISION_SESSIONS_DIALOG (cp_supervision_sessions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionSessionsDialog, cp_supervision_sessions_dialog, CP,
                      SUPERVISION_SESSIONS_DIALOG, AdwWindow)

CpSupervisionSessionsDialog *cp_supervision_sessions_dialog_new (CpStore   *store,
                                                                 GtkWindow *parent);

G_END_DECLS
