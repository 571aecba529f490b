/* cp-export-summary.h: a plain-text summary of a person's plan for the case record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Exactly the text the practitioner pastes into the organisation's case record: a first
 * line with the date, @practitioner_role (Preferences; NULL or "": "Practitioner") and
 * "from Connecting People Kit"; the network map's changes since the map before the
 * current one (who is new, who is no longer on it, who moved closer or further out, the
 * count); the goals with their steps, who does them and when, and "if it gets hard";
 * the latest review with the person's own view in their words, ratings and what got in
 * the way (a safety pick says "record this in the case record"); the next review date.
 * People are named by first name or role only: the person by the first word of their
 * name, the practitioner by their role, map members as the person names them. Never
 * notes, caution flags, scores of GAS levels' descriptions, or the focus of the work.
 * @today is YYYY-MM-DD (NULL: cp_date_today ()). NOT_FOUND when the person is gone. */
char *cp_export_summary_text (CpStore     *store,
                              gint64       person_id,
                              const char  *practitioner_role,
                              const char  *today,
                              GError     **error);

G_END_DECLS
