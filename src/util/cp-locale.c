/* cp-locale.c: the user's language: as documents name it, and its order of words
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-locale"

#include <string.h>

#include "cp-locale.h"

char *
cp_locale_language_tag (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      /* language[_territory][.codeset][@modifier] */
      size_t len = strcspn (name, ".@");
      g_autofree char *locale = g_strndup (name, len);
      char *territory;

      if (len == 0 || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
        continue;

      territory = strchr (locale, '_');
      if (territory != NULL)
        *territory = '-';

      return g_steal_pointer (&locale);
    }

  return g_strdup ("en");
}

char *
cp_locale_sort_key (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  const char *plain;
  char *key;
  size_t len;

  if (text == NULL)
    text = "";

  /* With a locale that is not UTF-8, only GLib knows how to convert. */
  if (!g_get_charset (NULL))
    {
      folded = g_utf8_casefold (text, -1);
      return g_utf8_collate_key (folded, -1);
    }

  /* What g_utf8_collate compares: the case-folded text in its compatibility-composed
   * form, by the locale's rules (strxfrm: its key compares with strcmp as strcoll
   * compares the text). Most names in a caseload of thousands are ASCII, whose case
   * folding is its lower case and which is already in that form: no Unicode tables. */
  if (g_str_is_ascii (text))
    plain = folded = g_ascii_strdown (text, -1);
  else
    {
      folded = g_utf8_casefold (text, -1);
      plain = normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
      if (plain == NULL)    /* not valid UTF-8: as it is, still one order for all */
        plain = folded;
    }

  len = strxfrm (NULL, plain, 0);
  key = g_malloc (len + 1);
  strxfrm (key, plain, len + 1);
  return key;
}
