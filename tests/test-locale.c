/* test-locale.c: the order of names, as the People list and the caseload sort them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-locale"

#include <locale.h>
#include <string.h>

#include "util/cp-locale.h"

/* ASCII and not, in case pairs; composed and decomposed accents; a ligature that
 * compatibility composition spells out; punctuation; the empty name. */
static const char * const names[] = {
  "Adams", "adams", "ADAMS", "Adams-Smith", "Adam Smith", "O'Brien", "obrien",
  "Zoë", "Zoe\xcc\x88", "zoe", "Zoe Adams", "Émile", "E\xcc\x81mile", "emile", "Emily",
  "Ångström", "angstrom", "Øystein", "Dvořák", "dvorak", "Nguyễn", "nguyen",
  "\xef\xac\x81ona", "Fiona", "fiona", "Mary-Jane", "mary jane", "Ölçer", "olcer",
  "Σωκράτης", "σωκρατης", "李", "", "123", "Person 00042", "person 0042",
};

static int
sign (int v)
{
  return (v > 0) - (v < 0);
}

/* Each pair compares by its keys as g_utf8_collate compares the case-folded names. */
static void
check_order (void)
{
  char *keys[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    keys[i] = cp_locale_sort_key (names[i]);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      {
        g_autofree char *a = g_utf8_casefold (names[i], -1);
        g_autofree char *b = g_utf8_casefold (names[j], -1);
        int want = sign (g_utf8_collate (a, b));
        int got = sign (strcmp (keys[i], keys[j]));

        if (want != got)
          g_error ("“%s” against “%s”: the keys say %d, the locale %d", names[i],
                   names[j], got, want);
      }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (keys[i]);
}

static void
assert_same_key (const char *a,
                 const char *b)
{
  g_autofree char *ka = cp_locale_sort_key (a);
  g_autofree char *kb = cp_locale_sort_key (b);

  g_assert_cmpstr (ka, ==, kb);
}

static void
test_sort_key_c (void)
{
  check_order ();
  /* What a user would see as the same name sorts as the same. */
  assert_same_key ("Adams", "aDAMS");
  assert_same_key ("Zoë", "Zoe\xcc\x88");
  assert_same_key ("\xef\xac\x81ona", "Fiona");
  assert_same_key (NULL, "");
  /* Not valid UTF-8 still gets a key rather than none. */
  {
    g_autofree char *key = cp_locale_sort_key ("Bad\xff name");

    g_assert_nonnull (key);
  }
}

/* A language with rules of its own, when the machine has one: Å and Ö among the other
 * letters, not after z. */
static void
test_sort_key_language (void)
{
  static const char * const locales[] = { "en_GB.UTF-8", "en_US.UTF-8", "de_DE.UTF-8" };
  g_autofree char *was = g_strdup (setlocale (LC_COLLATE, NULL));
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_COLLATE, locales[i]) != NULL)
      found = locales[i];
  if (found == NULL)
    {
      g_test_skip ("No UTF-8 locale with a language is installed here");
      return;
    }

  check_order ();
  {
    g_autofree char *a = cp_locale_sort_key ("Ångström");
    g_autofree char *b = cp_locale_sort_key ("Brown");

    g_assert_cmpint (strcmp (a, b), <, 0);
  }
  setlocale (LC_COLLATE, was);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locale/sort-key", test_sort_key_c);
  g_test_add_func ("/locale/sort-key-language", test_sort_key_language);

  return g_test_run ();
}
