/* cp-export-plan-private.h: what the files that write a person's plan share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-export-plan.h"
#include "goals/cp-goal-chart.h"
#include "store/cp-person.h"
#include "store/cp-review.h"
#include "typeset/cp-typeset.h"

G_BEGIN_DECLS

typedef struct
{
  GString                    *out;
  CpPerson                   *person;   /* borrowed from the store */
  const CpPlan               *plan;
  const CpPlanExportOptions  *options;
  const char                 *date;     /* the day the copy is made */
  gboolean                    initials_only;  /* members of the map by their initials */
  const char * const         *redact;   /* NULL, or pairs: a word of a name (any case),
                                         * what stands for it in the text */
} PlanWriter;

/* cp-export-plan.c */

/* @text escaped for CommonMark (redacted as @w says); nothing for NULL. */
void         _cp_plan_text              (PlanWriter         *w,
                                         const char         *text);
/* @text with every whole word that @redact names (pairs: word, replacement; compared
 * whatever the case) replaced. */
char        *_cp_plan_redact            (const char         *text,
                                         const char * const *redact);
/* A4 without title page, contents or numbered headings, headed by @header, dated
 * @created (ISO 8601): how every export is set. */
void         _cp_plan_typeset_options   (CpTypesetOptions   *topts,
                                         double              size,
                                         const char         *header,
                                         const char         *created);
/* The chart of @plan's history across reviews (goals/cp-goal-chart) as the figure @name. */
void         _cp_plan_add_history_figure (CpTypesetDocument *doc,
                                          const char        *name,
                                          const CpPlan      *plan,
                                          CpGoalChartMode    mode);
/* "12 January 2027" (new), or NULL for no date. */
char        *_cp_plan_date              (const char         *iso);
/* The symbol figure of a life area, "area-friendships". */
char        *_cp_plan_area_figure       (CpLifeArea          area);
/* The crisis numbers, from their one source, as CommonMark (NULL and @error on a
 * broken source). */
char        *_cp_plan_crisis_markdown   (gboolean            easy_read,
                                         GError            **error);
/* The first word of the person's name: summaries and copies use first names only. */
char        *_cp_plan_first_name        (CpPerson           *person);

/* cp-export-plan-person.c */
gboolean     _cp_plan_write_person      (PlanWriter         *w,
                                         GError            **error);
/* cp-export-plan-practitioner.c */
void         _cp_plan_write_practitioner (PlanWriter        *w);
/* "- **Label:** value", nothing when @value is NULL or empty. */
void         _cp_plan_field             (PlanWriter         *w,
                                         const char         *label,
                                         const char         *value);
/* The same with a date (YYYY-MM-DD) in words; nothing for NULL. */
void         _cp_plan_field_date        (PlanWriter         *w,
                                         const char         *label,
                                         const char         *iso);
/* " text |": a table's cell. */
void         _cp_plan_cell              (PlanWriter         *w,
                                         const char         *text);
/* The goal's steps as a table (step, who, due, done), nothing when it has none. */
void         _cp_plan_write_steps       (PlanWriter         *w,
                                         const CpGoalInfo   *goal);
/* The words for a rating: a GAS level's meaning, or progress; NULL when not rated. */
const char  *_cp_plan_rating_words      (const CpRatingInfo *rating);

G_END_DECLS
