/* cp-export-markdown.c: what the exports share to write CommonMark for the typesetter
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export"

#include <string.h>

#include "cp-export-markdown.h"

void
cp_export_markdown_escape (GString    *out,
                           const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]{}<>#|!~&", *p) != NULL)
        g_string_append_c (out, '\\');
      /* a line break in someone's words would end the block: it becomes a space */
      g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}
