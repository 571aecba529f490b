/* test-manuals-util.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  const char *pdf;          /* file name in <build>/data/manuals */
  const char *dir;          /* sources in data/manuals/<dir> */
  gboolean    large_print;
  int         min_words;
} Manual;

typedef struct
{
  char *id;                 /* of the chapter's level-1 heading */
  char *title;
} Chapter;

/* training manual, guide, guide in large print */
extern const Manual manuals[3];

char            *pdf_path       (const Manual        *m);
char            *source_dir     (const Manual        *m);
PopplerDocument *open_pdf       (const Manual        *m);
GKeyFile        *load_ini       (const Manual        *m);
GArray          *load_chapters  (const Manual        *m,
                                 GPtrArray           *all_ids,
                                 int                 *n_links);
void             chapters_free  (GArray              *chapters);
int              count_words    (const char          *text);

G_END_DECLS
