/* cp-export-decision.h: a supervision decision as plain text, for the case record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Exactly the text the practitioner pastes into the person's case record after a
 * supervision session, since management oversight belongs there: a heading line, whom it
 * is about (the first word of their name, as the case-record summary has it), the day
 * of the session and who was there, the sign-off ("Plan reviewed in supervision on DATE
 * by NAME, ROLE.", or that the plan is not signed off yet) and the actions agreed for
 * the person with who will do them, by when, and when done. Nothing else: never the
 * comments' wording beyond that, never the worker's reflection. NOT_FOUND when the
 * session or the person is gone, or the person was not discussed at the session. */
char *cp_export_decision_text (CpStore     *store,
                               const char  *session_uuid,
                               gint64       person_id,
                               GError     **error);

G_END_DECLS
