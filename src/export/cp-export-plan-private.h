/* cp-export-plan-private.h: what the files that write a person's plan share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-export-plan.h"
#include "store/cp-person.h"
#include "store/cp-review.h"

G_BEGIN_DECLS

typedef struct
{
  GString                    *out;
  CpPerson                   *person;   /* borrowed from the store */
  const CpPlan               *plan;
  const CpPlanExportOptions  *options;
  const char                 *date;     /* the day the copy is made */
} PlanWriter;

/* cp-export-plan.c */

/* @text escaped for CommonMark; nothing for NULL. */
void         _cp_plan_text              (PlanWriter         *w,
                                         const char         *text);
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
/* The words for a rating: a GAS level's meaning, or progress; NULL when not rated. */
const char  *_cp_plan_rating_words      (const CpRatingInfo *rating);

G_END_DECLS
