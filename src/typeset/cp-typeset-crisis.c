/* cp-typeset-crisis.c: the crisis numbers, from their one source, as CommonMark
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include <string.h>

#include "cp-typeset.h"
#include "cp-typeset-crisis.h"

static char *
required (GKeyFile    *crisis,
          const char  *file_name,
          const char  *group,
          const char  *key,
          GError     **error)
{
  g_autofree char *value = g_key_file_get_string (crisis, group, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "%s: [%s] needs %s=", file_name, group, key);
      return NULL;
    }
  return g_steal_pointer (&value);
}

GKeyFile *
cp_typeset_crisis_load (const char  *data,
                        gsize        length,
                        const char  *file_name,
                        GError     **error)
{
  g_autoptr(GKeyFile) crisis = g_key_file_new ();
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_INVALID_UTF8,
                   "%s:1: invalid UTF-8", file_name);
      return NULL;
    }
  if (!g_key_file_load_from_data (crisis, data, length, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA, "%s:1: %s", file_name,
                   local->message);
      return NULL;
    }
  return g_steal_pointer (&crisis);
}

char *
cp_typeset_crisis_markdown (GKeyFile              *crisis,
                            const char            *file_name,
                            CpTypesetCrisisStyle   style,
                            GError               **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) numbers = NULL;
  guint n = 0;

  g_return_val_if_fail (crisis != NULL, NULL);

  if ((heading = required (crisis, file_name, "crisis", "heading", error)) == NULL ||
      (list = required (crisis, file_name, "crisis", "numbers", error)) == NULL)
    return NULL;

  g_string_append_printf (out, "> **%s**\n>\n", heading);
  numbers = g_strsplit (list, ";", -1);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *call = NULL;
      g_autofree char *when = NULL;

      g_strstrip (numbers[i]);
      if (*numbers[i] == '\0')
        continue;
      if ((call = required (crisis, file_name, numbers[i], "call", error)) == NULL ||
          (when = required (crisis, file_name, numbers[i], "when", error)) == NULL)
        return NULL;
      if (style == CP_TYPESET_CRISIS_EASY_READ)
        {
          /* one idea a line: the call, then when, each a paragraph of its own */
          if (n > 0)
            g_string_append (out, ">\n");
          g_string_append_printf (out, "> **%s**\n>\n> %s\n", call, when);
        }
      else
        g_string_append_printf (out, "> - **%s** %s\n", call, when);
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, CP_TYPESET_ERROR, CP_TYPESET_ERROR_DATA,
                   "%s: [crisis] numbers= lists no number", file_name);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cp_typeset_crisis_expand (const char *text,
                          const char *markdown)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize placeholder = strlen (CP_TYPESET_CRISIS_PLACEHOLDER);
  gsize md_len;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (markdown != NULL, NULL);

  /* the block stands in for the line, whose own newline follows it */
  md_len = strlen (markdown);
  if (md_len > 0 && markdown[md_len - 1] == '\n')
    md_len--;
  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (len == placeholder && strncmp (p, CP_TYPESET_CRISIS_PLACEHOLDER, len) == 0)
        g_string_append_len (out, markdown, (gssize) md_len);
      else
        g_string_append_len (out, p, (gssize) len);
      if (end == NULL)
        break;
      g_string_append_c (out, '\n');
      p = end + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
