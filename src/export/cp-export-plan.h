/* cp-export-plan.h: the person's copy of their plan and the practitioner's full plan (PDF)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Two PDFs of a person's plan, typeset like the manuals (src/typeset), GTK-free:
 *
 * The person's copy, written for them: their goals in their own words first, the steps
 * and who helps (named the way they name them: "Sam (sister)"), what the worker will do,
 * what they have done (goals achieved, steps done), the next meeting, the team's phone
 * number and the crisis numbers (resources/crisis, the same source as the guide). In
 * their format: large print; easy read (short lines, one idea a line, a symbol for each
 * area of life); their recorded language noted. It never holds a score, a status, the
 * focus of the work, "hard going" or a caution flag, unless include_scores is set for
 * that copy (then the latest rating of each goal, in words, and with Goal Attainment
 * Scaling the T-score). A discreet copy has no mental health team heading.
 *
 * The practitioner's plan: every field of every goal, the steps, barriers and helpers,
 * each goal's rating history, the reviews, and the history chart (goals/cp-goal-chart)
 * with its description in words.
 *
 * Neither carries the person's name in its title, metadata or file name; the file name
 * comes from the case reference (cp_export_plan_file_name ()). */

typedef enum
{
  CP_PLAN_COPY_PERSON,
  CP_PLAN_COPY_PRACTITIONER,
} CpPlanCopy;

typedef struct
{
  CpPlanCopy   copy;
  gboolean     large_print;     /* 16 pt */
  gboolean     easy_read;       /* 14 pt (16 with large print), short lines, symbols */
  gboolean     discreet;        /* the person's copy: no mental health team heading */
  gboolean     include_scores;  /* the person's copy: the latest ratings, in words */
  gboolean     goal_scaling;    /* Goal Attainment Scaling is on (Preferences) */
  gboolean     replace;         /* replace a file at the path (the user agreed to it) */
  const char  *team_phone;      /* the team's number (Preferences); NULL or "": none */
  const char  *date;            /* YYYY-MM-DD the copy is made; NULL: cp_date_today () */
} CpPlanExportOptions;

/* A person's copy in the format the person asked for (large print, easy read: their
 * communication needs), everything else off. */
void      cp_plan_export_options_init   (CpPlanExportOptions        *options,
                                         CpPlanCopy                  copy,
                                         CpPerson                   *person);

/* The CommonMark the PDF is made from (tests read it to check words and layout). */
char     *cp_export_plan_markdown       (CpStore                    *store,
                                         gint64                      person_id,
                                         const CpPlanExportOptions  *options,
                                         GError                    **error);

/* Writes the plan to @path (A4, 0600, through a temporary file: nothing is left on
 * error) and logs it in the person's disclosure log (cp-store-disclosure.h): the
 * person's copy as given to the person, the practitioner's plan as an identifiable
 * export. When the log cannot be written (a read-only workspace …) the file is removed
 * and the call fails: no copy leaves unrecorded. NOT_FOUND when there is no such person. */
gboolean  cp_export_plan_pdf            (CpStore                    *store,
                                         gint64                      person_id,
                                         const CpPlanExportOptions  *options,
                                         const char                 *path,
                                         GError                    **error);

/* The three steps of cp_export_plan_pdf (), for a copy written in a worker while the
 * window goes on: cp_plan_export_new () reads the plan and writes its text (main thread:
 * the store's records are read there); cp_plan_export_stage () typesets the PDF into a
 * temporary file beside @path and syncs it (any thread; touches no store; fails as
 * cp_export_plan_pdf () would: the file exists, the folder is missing or read-only);
 * cp_plan_export_publish () logs the copy in the person's disclosure log and then puts
 * the file at @path (main thread). Freeing an export that was not published removes its
 * temporary file, so a failure at any step leaves nothing behind. */
typedef struct _CpPlanExport CpPlanExport;

CpPlanExport *cp_plan_export_new        (CpStore                    *store,
                                         gint64                      person_id,
                                         const CpPlanExportOptions  *options,
                                         GError                    **error);
gboolean  cp_plan_export_stage          (CpPlanExport               *self,
                                         const char                 *path,
                                         GError                    **error);
gboolean  cp_plan_export_publish        (CpPlanExport               *self,
                                         CpStore                    *store,
                                         GError                    **error);
void      cp_plan_export_free           (CpPlanExport               *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpPlanExport, cp_plan_export_free)

/* "plan-PRACTICE-0001.pdf" / "plan-PRACTICE-0001-practitioner.pdf" from the case
 * reference (characters unsafe in a file name become '-'), "plan-person-ID.pdf" when
 * there is none. Never the person's name. */
char     *cp_export_plan_file_name      (CpPerson                   *person,
                                         CpPlanCopy                  copy);

G_END_DECLS
