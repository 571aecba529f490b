/* cp-supervision-session-editor.h: one supervision session, to read and change
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* A window (cp-ui), modal to the one it stands over and usable 360 px wide, for session
 * @uuid: the day and who was there; the people discussed (added, taken off: never the
 * last); per person their comments, actions and sign-off (CpSupervisionSessionEditorPerson);
 * and, clearly apart, the worker's own reflection, which never goes into a person's
 * records, copies or packs. Typing is saved as typed; every edit is one undo step, and
 * Ctrl+Z / Shift+Ctrl+Z in the window undo and redo them (what is still being typed is
 * saved first); the window follows the store, and closes when the session is gone.
 * "Delete Session…" asks first, and can be undone. Toasts show in the window. NULL (and
 * a warning) when the session cannot be read. */

#define CP_TYPE_SUPERVISION_SESSION_EDITOR (cp_supervision_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionSessionEditor, cp_supervision_session_editor, CP,
                      SUPERVISION_SESSION_EDITOR, AdwWindow)

GtkWidget  *cp_supervision_session_editor_new      (CpStore                    *store,
                                                    const char                 *uuid);
const char *cp_supervision_session_editor_get_uuid (CpSupervisionSessionEditor *self);
/* Saves typing that waits for a pause. */
void        cp_supervision_session_editor_flush    (CpSupervisionSessionEditor *self);

G_END_DECLS
