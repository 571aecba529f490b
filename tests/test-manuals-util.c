/* test-manuals-util.c: the bundled manuals, their sources and what the tests read of them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-manuals-pdf"

#include <string.h>

#include "test-manuals-util.h"

const Manual manuals[] = {
  { "training-manual.pdf", "training-manual", FALSE, 18000 },
  { "your-guide.pdf", "your-guide", FALSE, 3000 },
  { "your-guide-large-print.pdf", "your-guide", TRUE, 3000 },
};

char *
pdf_path (const Manual *m)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "data", "manuals", m->pdf, NULL);
}

char *
source_dir (const Manual *m)
{
  return g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "data", "manuals", m->dir, NULL);
}

PopplerDocument *
open_pdf (const Manual *m)
{
  g_autofree char *path = pdf_path (m);

  return cp_test_poppler_open (path);
}

GKeyFile *
load_ini (const Manual *m)
{
  g_autofree char *dir = source_dir (m);
  g_autofree char *path = g_build_filename (dir, "manual.ini", NULL);
  GKeyFile *ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  return ini;
}

/* Chapter files in order, with the id and title of each first line. */
GArray *
load_chapters (const Manual *m,
               GPtrArray    *all_ids,
               int          *n_links)
{
  g_autoptr(GKeyFile) ini = load_ini (m);
  g_autofree char *dir = source_dir (m);
  g_auto(GStrv) files = g_key_file_get_string_list (ini, "manual", "chapters", NULL, NULL);
  g_autoptr(GRegex) heading = g_regex_new ("^#{1,3} +(.*?) *\\{#([A-Za-z0-9_.-]+)\\} *$",
                                           G_REGEX_MULTILINE, 0, NULL);
  GArray *chapters = g_array_new (FALSE, TRUE, sizeof (Chapter));
  int i;

  g_assert_nonnull (files);
  for (i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      gboolean first = TRUE;
      const char *p;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_regex_match (heading, text, 0, &match);
      while (g_match_info_matches (match))
        {
          if (first)
            {
              Chapter c = { g_match_info_fetch (match, 2), g_match_info_fetch (match, 1) };

              g_array_append_val (chapters, c);
              first = FALSE;
            }
          if (all_ids != NULL)
            g_ptr_array_add (all_ids, g_match_info_fetch (match, 2));
          g_match_info_next (match, NULL);
        }
      g_assert_false (first);
      for (p = text; n_links != NULL && (p = strstr (p, "](#")) != NULL; p++)
        (*n_links)++;
    }
  return chapters;
}

void
chapters_free (GArray *chapters)
{
  guint i;

  for (i = 0; i < chapters->len; i++)
    {
      g_free (g_array_index (chapters, Chapter, i).id);
      g_free (g_array_index (chapters, Chapter, i).title);
    }
  g_array_unref (chapters);
}

int
count_words (const char *text)
{
  int n = 0;
  gboolean in_word = FALSE;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}
