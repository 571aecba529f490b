/* cp-locale.c: the user's language, as documents name it
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
