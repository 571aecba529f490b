/* cp-typeset-crisis.h: the crisis numbers, from their one source, as CommonMark
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The crisis numbers are kept in one file, resources/crisis/crisis-numbers.ini (compiled
 * into the app as the core resource crisis/crisis-numbers.ini). The service user guide
 * takes them where a chapter has the line {{crisis-numbers}} (cp-mkmanual), and the
 * person's copy of their plan prints them (src/export): both through these calls, so a
 * number corrected in the file changes both.
 *
 * The file: group [crisis] with heading= (the box's title) and numbers= (a ';' list of
 * groups, in order); each of those groups has call= (what to do, with the number) and
 * when= (when to do it), CommonMark inline text. */

/* The line a chapter holds where the box goes. */
#define CP_TYPESET_CRISIS_PLACEHOLDER "{{crisis-numbers}}"

typedef enum
{
  CP_TYPESET_CRISIS_BOX,        /* a call-out: the heading in bold, one item per number */
  CP_TYPESET_CRISIS_EASY_READ,  /* the same, each call and each "when" on a line of its own */
} CpTypesetCrisisStyle;

/* The numbers in @crisis as a CommonMark block (ending in a newline). DATA naming @file_name
 * when a group or key is missing. */
char      *cp_typeset_crisis_markdown    (GKeyFile              *crisis,
                                          const char            *file_name,
                                          CpTypesetCrisisStyle   style,
                                          GError               **error);
/* Loads the file's @data (UTF-8 checked); DATA naming @file_name when it is not one. */
GKeyFile  *cp_typeset_crisis_load        (const char            *data,
                                          gsize                  length,
                                          const char            *file_name,
                                          GError               **error);
/* @text with every line that is exactly CP_TYPESET_CRISIS_PLACEHOLDER replaced by
 * @markdown; a copy of @text when it has none. */
char      *cp_typeset_crisis_expand      (const char            *text,
                                          const char            *markdown);

G_END_DECLS
