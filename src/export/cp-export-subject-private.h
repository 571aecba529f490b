/* cp-export-subject-private.h: what the files that word the subject access report share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-export-subject-access.h"

G_BEGIN_DECLS

/* The text being written, and the third parties to mark in it. */
typedef struct
{
  GString    *out;
  GPtrArray  *third_names;    /* names to mark inside free text, longest first */
  GHashTable *lineage_names;  /* lineage (gint64) -> name as written (marked for people) */
} Writer;

/* cp-export-subject-text.c */

/* @text with every whole-word occurrence of a third party's name marked [REDACT: …]. */
char        *_cp_subject_mark_names_in  (Writer     *w,
                                         const char *text);
/* A member by lineage as written (marked when a person), or "someone no longer on the
 * map". */
const char  *_cp_subject_lineage_name   (Writer     *w,
                                         gint64      lineage);
void         _cp_subject_heading        (Writer     *w,
                                         const char *title);
/* "Label: value", "(none)" when @value is NULL or empty. */
void         _cp_subject_field          (Writer     *w,
                                         const char *label,
                                         const char *value);
/* The same for a text in someone's own words: third parties marked. */
void         _cp_subject_text_field     (Writer     *w,
                                         const char *label,
                                         const char *value);
/* "- Label: value", one item of a list. */
void         _cp_subject_item           (Writer     *w,
                                         const char *label,
                                         const char *value);
/* Adds @part to @line after "; " (none before the first); nothing for NULL. */
void         _cp_subject_append_part    (GString    *line,
                                         const char *part);

/* cp-export-subject-goals.c: the goals, steps, barriers and helpers; the reviews with
 * their ratings and barrier picks. */
void         _cp_subject_write_goals    (Writer                *w,
                                         const CpSubjectAccess *access);
void         _cp_subject_write_reviews  (Writer                *w,
                                         const CpSubjectAccess *access);
/* What supervision wrote about their plan (never the worker's reflection). */
void         _cp_subject_write_supervision (Writer                *w,
                                            const CpSubjectAccess *access);

G_END_DECLS
