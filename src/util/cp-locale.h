/* cp-locale.h: the user's language: as documents name it, and its order of words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The BCP 47 tag of the user's first language (g_get_language_names: LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG), e.g. "en-GB" for en_GB.UTF-8 or "cy" for cy; "en" when the
 * locale is C or POSIX (the untranslated text is English). For a PDF's /Lang. */
char *cp_locale_language_tag (void);

/* A key that sorts @text (UTF-8, or NULL for "") in the user's language with no regard
 * to case: compare two with strcmp. The same order as g_utf8_collate on the case-folded
 * texts; keys are only meant to be compared with other keys from this function. */
char *cp_locale_sort_key (const char *text);

G_END_DECLS
