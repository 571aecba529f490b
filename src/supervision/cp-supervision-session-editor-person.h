/* cp-supervision-session-editor-person.h: one person's part of a supervision session
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store-supervision.h"

G_BEGIN_DECLS

/* Inside the session editor (cp-ui), for one person discussed, shown by initials and
 * case reference: the supervisor's comments (saved as typed; the person can ask to see
 * them), the actions agreed (what, who, by when; done, removed), the sign-off (name, role,
 * day; "Plan reviewed in supervision on DATE by NAME, ROLE") and "Copy Decision for the
 * Case Record…". The store's refusals show next to the field they are about, and nothing
 * is saved then. The editor hands it the person's part again after every change. */

#define CP_TYPE_SUPERVISION_SESSION_EDITOR_PERSON \
  (cp_supervision_session_editor_person_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionSessionEditorPerson, cp_supervision_session_editor_person,
                      CP, SUPERVISION_SESSION_EDITOR_PERSON, GtkWidget)

GtkWidget *cp_supervision_session_editor_person_new    (CpStore    *store,
                                                        const char *session_uuid,
                                                        gint64      person_id);
gint64     cp_supervision_session_editor_person_get_person_id
                                                       (CpSupervisionSessionEditorPerson *self);
/* Shows @discussed (the person's part as just read), keeping what is being typed. */
void       cp_supervision_session_editor_person_update (CpSupervisionSessionEditorPerson *self,
                                                        const CpSupervisionDiscussed     *discussed);
/* Saves typing that waits for a pause. */
void       cp_supervision_session_editor_person_flush  (CpSupervisionSessionEditorPerson *self);

G_END_DECLS
