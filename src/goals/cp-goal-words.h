/* cp-goal-words.h: the words people read for goals, steps, ratings and barriers
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-records.h"

G_BEGIN_DECLS

/* One place for the words of the stored values (store/cp-records.h), so the goals pages,
 * the person's copy, the case-record summary and the subject access report say the same
 * thing. Sentence case, translated; never NULL (a value the enum does not know reads as
 * its NONE or first word). */

/* "Friendships", "Work and volunteering", …; NONE: "No area chosen". */
const char *cp_life_area_label       (CpLifeArea      area);
/* The DIALOG+ items: "Mental health", "Job situation", …; NONE: "Not linked". */
const char *cp_dialog_domain_label   (CpDialogDomain  domain);
/* "Active", "Achieved", "Put aside" (STOPPED is stored as 'stopped', read as put aside). */
const char *cp_goal_status_label     (CpGoalStatus    status);
/* Who does a step, as the practitioner reads it: "The person", "The practitioner",
 * "Together", "Someone else", "Someone on the map". */
const char *cp_step_owner_label      (CpStepOwner     owner);
/* "Further on", "About the same", "Harder"; NONE: "Not rated". */
const char *cp_progress_label        (CpProgress      progress);
/* "Money", "Transport", …, "The service didn’t do its part", "Safety", "Other". */
const char *cp_barrier_label         (CpBarrier       barrier);
/* What a Goal Attainment Scaling level means: −2 "Much less than expected" … +2 "Much
 * more than expected"; NULL outside −2 .. +2. */
const char *cp_gas_level_label       (int             level);

G_END_DECLS
