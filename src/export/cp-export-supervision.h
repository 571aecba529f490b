/* cp-export-supervision.h: the supervision sheet, per person or per session (PDF)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-person.h"
#include "store/cp-store.h"

G_BEGIN_DECLS

/* A sheet for the supervision file, typeset like the plans (src/typeset), GTK-free,
 * headed "Supervision sheet" with the day it was made, every page's foot saying it holds
 * special-category data. Pseudonymised: each person appears by their initials and case
 * reference ("Record N" when they have none, or when it holds a word of their name);
 * their name is nowhere, neither in the text (a word of it typed in a comment becomes
 * their initials), the file's title and properties nor its file name. Members of a map
 * appear by their initials.
 *
 * Per person discussed, the same blocks: the current map (drawn by the one map renderer,
 * initials only, members new since the baseline marked) with its size and the change
 * since the baseline in words; the goals with their steps and latest ratings; with Goal
 * Attainment Scaling on, the T-score across reviews (goals/cp-goal-chart); what got in
 * the way at the last review (the picks). Then what supervision said: comments, agreed
 * actions (what, who, by when, done) and the sign-off ("Plan reviewed in supervision on
 * DATE by NAME, ROLE").
 *
 * A person's sheet: that person, then each session that discussed them, oldest first.
 * A session's sheet: the day and who was there, each person discussed with that
 * session's comments, actions and sign-off, and at the end the worker's own reflection,
 * headed as being about the worker. The reflection is never on a person's sheet.
 *
 * Made in three steps, like the plan (cp-export-plan.h): cp_supervision_sheet_new_* ()
 * reads everything and writes the text (the store's thread); cp_supervision_sheet_stage ()
 * typesets into a temporary file beside the path and syncs it (any thread, no store);
 * cp_supervision_sheet_publish () logs the sheet in the disclosure log of each person on
 * it (a supervision sheet, not undoable) and then puts the file in place (the store's
 * thread). Freeing an unpublished sheet removes its temporary file: a failure while
 * reading or staging leaves no file, no temporary file and no log entry (the log comes
 * before the file, so no sheet is ever out unrecorded). */

typedef struct
{
  gboolean     goal_scaling;  /* Goal Attainment Scaling is on (Preferences) */
  gboolean     replace;       /* replace a file at the path (the user agreed to it) */
  const char  *date;          /* YYYY-MM-DD the sheet is made; NULL: cp_date_today () */
} CpSupervisionSheetOptions;

typedef struct _CpSupervisionSheet CpSupervisionSheet;

/* NOT_FOUND when the person is gone. */
CpSupervisionSheet *cp_supervision_sheet_new_for_person  (CpStore                         *store,
                                                          gint64                           person_id,
                                                          const CpSupervisionSheetOptions *options,
                                                          GError                         **error);
/* NOT_FOUND when the session is gone. */
CpSupervisionSheet *cp_supervision_sheet_new_for_session (CpStore                         *store,
                                                          const char                      *session_uuid,
                                                          const CpSupervisionSheetOptions *options,
                                                          GError                         **error);
/* The name to offer: "supervision-PRACTICE-0001-2026-12-06.pdf" (the case reference as
 * cp_export_file_reference () makes it, or "record-N"; the day it is made: NULL, today)
 * for a person, "supervision-session-2026-12-01.pdf" (the session's day) for a session.
 * Never a name. */
char         *cp_supervision_sheet_person_file_name  (CpPerson          *person,
                                                      const char        *day);
char         *cp_supervision_sheet_session_file_name (const char        *held_on);
const char   *cp_supervision_sheet_get_file_name  (CpSupervisionSheet  *self);
/* The CommonMark the PDF is made from. */
const char   *cp_supervision_sheet_get_markdown   (CpSupervisionSheet  *self);
gboolean      cp_supervision_sheet_stage          (CpSupervisionSheet  *self,
                                                   const char          *path,
                                                   GError             **error);
gboolean      cp_supervision_sheet_publish        (CpSupervisionSheet  *self,
                                                   CpStore             *store,
                                                   GError             **error);
void          cp_supervision_sheet_free           (CpSupervisionSheet  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSupervisionSheet, cp_supervision_sheet_free)

/* Stage and publish at once (the headless `cpkit export-supervision`). */
gboolean      cp_supervision_sheet_write          (CpSupervisionSheet  *self,
                                                   CpStore             *store,
                                                   const char          *path,
                                                   GError             **error);

G_END_DECLS
