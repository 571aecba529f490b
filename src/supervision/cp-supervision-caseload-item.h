/* cp-supervision-caseload-item.h: one person of the Supervision caseload, in words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "store/cp-store-supervision.h"

G_BEGIN_DECLS

/* The caseload's columns: the supervisor's questions about the work. */
typedef enum
{
  CP_CASELOAD_PERSON,
  CP_CASELOAD_STEPS,
  CP_CASELOAD_COPY,
  CP_CASELOAD_COMMUNITY,
  CP_CASELOAD_MAP,
  CP_CASELOAD_GOALS,
  CP_CASELOAD_BARRIERS,
  CP_CASELOAD_REVIEW,
  CP_CASELOAD_N_COLUMNS
} CpCaseloadColumn;

/* The column's short heading ("Steps overdue") and the question it answers, in full
 * (its tooltip and accessible description). */
const char *cp_caseload_column_title    (CpCaseloadColumn column);
const char *cp_caseload_column_question (CpCaseloadColumn column);

#define CP_TYPE_SUPERVISION_CASELOAD_ITEM (cp_supervision_caseload_item_get_type ())
G_DECLARE_FINAL_TYPE (CpSupervisionCaseloadItem, cp_supervision_caseload_item, CP,
                      SUPERVISION_CASELOAD_ITEM, GObject)

/* Takes @row (as read on the day: its flags say what is overdue today). */
CpSupervisionCaseloadItem *
            cp_supervision_caseload_item_new       (CpSupervisionRow          *row);
const CpSupervisionRow *
            cp_supervision_caseload_item_get_row   (CpSupervisionCaseloadItem *self);
/* The person as shown: their initials (pseudonymised, the default) or their name. */
const char *cp_supervision_caseload_item_get_person (CpSupervisionCaseloadItem *self,
                                                    gboolean                   names);
/* The column's answer in words ("2 yours, 1 theirs, none others"); for
 * CP_CASELOAD_PERSON the case reference, or "No case reference". */
const char *cp_supervision_caseload_item_get_text  (CpSupervisionCaseloadItem *self,
                                                    CpCaseloadColumn           column);
/* TRUE when the column's answer needs the supervisor's attention (overdue steps or
 * review, a map out of date or missing, no goals, no copy given). */
gboolean    cp_supervision_caseload_item_get_flagged (CpSupervisionCaseloadItem *self,
                                                      CpCaseloadColumn           column);
/* Everything the row says, one sentence per column: what a screen reader reads for it. */
char       *cp_supervision_caseload_item_dup_summary (CpSupervisionCaseloadItem *self,
                                                      gboolean                   names);
/* Orders two items by @column (ties by the person as shown, then the case reference). */
int         cp_supervision_caseload_item_compare   (CpSupervisionCaseloadItem *a,
                                                    CpSupervisionCaseloadItem *b,
                                                    CpCaseloadColumn           column,
                                                    gboolean                   names);

/* Two items that order opposite ways in @column and in every other column, for telling
 * from a sorter which column sorts first (GTK 4.8 does not say): *@low comes first by
 * @column, *@high first by any other. */
void        _cp_supervision_caseload_item_probes   (CpCaseloadColumn           column,
                                                    CpSupervisionCaseloadItem **low,
                                                    CpSupervisionCaseloadItem **high);

G_END_DECLS
