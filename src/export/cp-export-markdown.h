/* cp-export-markdown.h: what the exports share to write CommonMark for the typesetter
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text with what CommonMark would read as markup escaped, so names, goals and
 * notes print as typed. NULL appends nothing. */
void cp_export_markdown_escape (GString    *out,
                                const char *text);

G_END_DECLS
