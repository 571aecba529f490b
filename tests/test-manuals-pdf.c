/* test-manuals-pdf.c: the bundled manuals as built: words, outline, links, key terms,
 * tags, metadata, fonts, qpdf, reproducibility, readability, type size and margins
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-manuals-pdf"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "test-manuals-util.h"

#define MM (72.0 / 25.4)

/* ---- tests ---- */

static void
test_metadata (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      const Manual *m = &manuals[i];
      g_autoptr(GKeyFile) ini = load_ini (m);
      g_autofree char *title = g_key_file_get_string (ini, "manual", "title", NULL);
      g_autofree char *expected = m->large_print ? g_strdup_printf ("%s (large print)", title)
                                                 : g_strdup (title);
      g_autofree char *path = pdf_path (m);
      g_autofree char *data = NULL;
      g_autofree char *doc_title = NULL;
      g_autofree char *author = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *keywords = NULL;
      gsize len = 0;
      PopplerDocument *doc = open_pdf (m);
      int p;

      doc_title = poppler_document_get_title (doc);
      author = poppler_document_get_author (doc);
      subject = poppler_document_get_subject (doc);
      keywords = poppler_document_get_keywords (doc);
      g_assert_cmpstr (doc_title, ==, expected);
      g_assert_cmpstr (author, ==, "Connecting People Kit contributors");
      g_assert_nonnull (subject);
      g_assert_cmpint (strlen (subject), >, 10);
      g_assert_nonnull (keywords);
      g_assert_nonnull (strstr (keywords, "Connecting People"));
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (cp_test_data_has (data, len, "/Lang (en-GB)"));
      for (p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          PopplerPage *page = poppler_document_get_page (doc, p);
          double w;
          double h;

          poppler_page_get_size (page, &w, &h);
          g_assert_cmpfloat (fabs (w - 595.276), <, 0.5);
          g_assert_cmpfloat (fabs (h - 841.89), <, 0.5);
          g_object_unref (page);
        }
      g_object_unref (doc);
    }
}

static void
test_word_counts (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autofree char *path = pdf_path (&manuals[i]);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
      g_autofree char *text = NULL;
      int status;
      int words;

      status = cp_test_run (argv, NULL, NULL, &text, NULL);
      g_assert_cmpint (status, ==, 0);
      words = count_words (text);
      g_test_message ("%s: %d words", manuals[i].pdf, words);
      g_assert_cmpint (words, >=, manuals[i].min_words);
    }
}

static void
test_outline (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autoptr(GArray) chapters = load_chapters (&manuals[i], NULL, NULL);
      PopplerDocument *doc = open_pdf (&manuals[i]);
      PopplerIndexIter *iter = poppler_index_iter_new (doc);
      guint n = 0;

      g_assert_nonnull (iter);
      do
        {
          PopplerAction *action = poppler_index_iter_get_action (iter);
          Chapter *c;
          g_autofree char *expected = NULL;
          g_autofree char *title = NULL;
          g_auto(GStrv) parts = NULL;
          g_auto(GStrv) words = NULL;
          g_autofree char *start = NULL;
          int page;

          g_assert_cmpuint (n, <, chapters->len);
          c = &g_array_index (chapters, Chapter, n);
          expected = g_strdup_printf ("%u %s", n + 1, c->title);
          g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
          /* the tool sets quotes as typographic ones */
          parts = g_strsplit (action->any.title, "\xe2\x80\x99", -1);
          title = g_strjoinv ("'", parts);
          g_assert_cmpstr (title, ==, expected);
          g_assert_cmpint (action->goto_dest.dest->type, ==, POPPLER_DEST_NAMED);
          g_assert_cmpstr (action->goto_dest.dest->named_dest, ==, c->id);
          page = cp_test_poppler_dest_page (doc, c->id);
          g_assert_cmpint (page, >, 1);
          /* the page it points at shows the chapter heading */
          /* (its first words: a large-print heading may wrap) */
          words = g_strsplit (strchr (action->any.title, ' ') + 1, " ", 3);
          if (words[1] != NULL)
            start = g_strdup_printf ("%s %s", words[0], words[1]);
          else
            start = g_strdup (words[0]);
          if (!cp_test_poppler_has_text (doc, page, start))
            g_error ("%s: page %d does not show \"%s\"", manuals[i].pdf, page, action->any.title);
          poppler_action_free (action);
          n++;
        }
      while (poppler_index_iter_next (iter));
      poppler_index_iter_free (iter);
      g_assert_cmpuint (n, ==, chapters->len);
      g_object_unref (doc);
      chapters_free (g_steal_pointer (&chapters));
    }
}

typedef struct
{
  int first_body;
  int n_links;
} LinkCount;

/* Every link inside the manual leads to a named destination that exists; those on the
 * body pages are counted. */
static void
check_link (PopplerDocument    *doc,
            int                 page_num,
            PopplerLinkMapping *link,
            gpointer            data)
{
  LinkCount *count = data;

  if (link->action->type == POPPLER_ACTION_URI)
    return;
  g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
  g_assert_cmpint (link->action->goto_dest.dest->type, ==, POPPLER_DEST_NAMED);
  g_assert_cmpint (cp_test_poppler_dest_page (doc, link->action->goto_dest.dest->named_dest), >=,
                   1);
  if (page_num >= count->first_body)
    count->n_links++;
}

static void
test_destinations (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      int n_source_links = 0;
      GArray *chapters = load_chapters (&manuals[i], ids, &n_source_links);
      PopplerDocument *doc = open_pdf (&manuals[i]);
      LinkCount count = {
        cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, 0).id), 0
      };
      guint k;

      for (k = 0; k < ids->len; k++)
        {
          const char *id = g_ptr_array_index (ids, k);

          if (cp_test_poppler_dest_page (doc, id) < 1)
            g_error ("%s: heading id '%s' has no destination", manuals[i].pdf, id);
        }
      cp_test_poppler_walk_links (doc, check_link, &count);
      g_test_message ("%s: %u ids, %d links in the sources, %d link areas", manuals[i].pdf,
                      ids->len, n_source_links, count.n_links);
      g_assert_cmpint (count.n_links, >=, n_source_links);
      g_object_unref (doc);
      chapters_free (chapters);
    }
}

typedef struct
{
  gsize       manual;
  const char *chapter;
  const char *term;
} KeyTerm;

static const KeyTerm key_terms[] = {
  { 0, "goal-planning", "T = 50 + 10\xc2\xb7\xce\xa3w\xe1\xb5\xa2x\xe1\xb5\xa2" },
  { 0, "goal-planning", "59.1" },
  { 0, "network-mapping", "closest to me" },
  { 0, "network-mapping", "I\xe2\x80\x99" "d like / lost touch" },
  { 1, "crisis", "116 123" },
  { 1, "crisis", "111" },
  { 1, "your-information", "0303 123 1113" },
  { 1, "your-map", "closest to me" },
  { 2, "crisis", "116 123" },
};

static void
test_key_terms (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (key_terms); i++)
    {
      const KeyTerm *k = &key_terms[i];
      GArray *chapters = load_chapters (&manuals[k->manual], NULL, NULL);
      PopplerDocument *doc = open_pdf (&manuals[k->manual]);
      int from = cp_test_poppler_dest_page (doc, k->chapter);
      int to = poppler_document_get_n_pages (doc);
      gboolean found = FALSE;
      guint c;
      int p;

      g_assert_cmpint (from, >, 1);
      for (c = 0; c + 1 < chapters->len; c++)
        {
          if (g_str_equal (g_array_index (chapters, Chapter, c).id, k->chapter))
            to = cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, c + 1).id);
        }
      for (p = from; p <= to && !found; p++)
        found = cp_test_poppler_has_text (doc, p, k->term);
      if (!found)
        g_error ("%s: '%s' not found on pages %d-%d (chapter '%s')", manuals[k->manual].pdf,
                 k->term, from, to, k->chapter);
      g_object_unref (doc);
      chapters_free (chapters);
    }
}

typedef struct
{
  int roots;
  int headings;
  int paragraphs;
  int lists;
  int figures;
} Counts;

static void
count_element (PopplerStructureElement *e,
               gpointer                 data)
{
  Counts *n = data;

  switch (poppler_structure_element_get_kind (e))
    {
    case POPPLER_STRUCTURE_ELEMENT_HEADING_1:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_2:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_3:
      n->headings++;
      break;
    case POPPLER_STRUCTURE_ELEMENT_PARAGRAPH:
      n->paragraphs++;
      break;
    case POPPLER_STRUCTURE_ELEMENT_LIST:
      n->lists++;
      break;
    case POPPLER_STRUCTURE_ELEMENT_FIGURE:
      {
        g_autofree char *alt = poppler_structure_element_get_alt_text (e);

        g_assert_nonnull (alt);
        g_assert_cmpint (strlen (alt), >, 10);
        n->figures++;
      }
      break;
    default:
      break;
    }
}

static void
test_structure_tree (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autoptr(GArray) chapters = load_chapters (&manuals[i], NULL, NULL);
      PopplerDocument *doc = open_pdf (&manuals[i]);
      PopplerStructureElementIter *iter = poppler_structure_element_iter_new (doc);
      PopplerStructureElement *root;
      Counts n = { 0 };

      /* one Document element holds everything, in reading order */
      g_assert_nonnull (iter);
      root = poppler_structure_element_iter_get_element (iter);
      g_assert_cmpint (poppler_structure_element_get_kind (root), ==,
                       POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
      g_object_unref (root);
      g_assert_false (poppler_structure_element_iter_next (iter));
      poppler_structure_element_iter_free (iter);

      cp_test_poppler_walk_structure (doc, count_element, &n);
      g_test_message ("%s: %d headings, %d paragraphs, %d lists, %d figures", manuals[i].pdf,
                      n.headings, n.paragraphs, n.lists, n.figures);
      g_assert_cmpint (n.headings, >=, (int) chapters->len);
      g_assert_cmpint (n.paragraphs, >, 50);
      g_assert_cmpint (n.lists, >, 0);
      g_assert_cmpint (n.figures, >, 0);
      g_object_unref (doc);
      chapters_free (g_steal_pointer (&chapters));
    }
}

static void
test_fonts_embedded (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autofree char *path = pdf_path (&manuals[i]);
      const char *argv[] = { "pdffonts", path, NULL };
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      int status;
      int fonts = 0;
      int l;

      status = cp_test_run (argv, NULL, NULL, &out, NULL);
      g_assert_cmpint (status, ==, 0);
      lines = g_strsplit (out, "\n", -1);
      for (l = 2; lines[l] != NULL; l++)
        {
          g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[l]), " ", -1);
          g_autoptr(GPtrArray) words = g_ptr_array_new ();
          const char *name;
          int c;

          if (*lines[l] == '\0')
            continue;
          for (c = 0; cols[c] != NULL; c++)
            {
              if (*cols[c] != '\0')
                g_ptr_array_add (words, cols[c]);
            }
          g_assert_cmpuint (words->len, >=, 7);
          /* name ... emb sub uni object-id generation */
          name = g_ptr_array_index (words, 0);
          if (strchr (name, '+') != NULL)
            name = strchr (name, '+') + 1;
          /* only the DejaVu files, embedded */
          g_assert_true (g_str_has_prefix (name, "DejaVuSans"));
          g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
          fonts++;
        }
      g_assert_cmpint (fonts, >, 0);
    }
}

static void
test_qpdf_check (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      g_autofree char *path = pdf_path (&manuals[i]);
      const char *argv[] = { "qpdf", "--check", path, NULL };
      g_autofree char *out = NULL;
      int status;

      status = cp_test_run (argv, NULL, NULL, &out, NULL);
      if (status != 0)
        g_error ("qpdf --check %s: status %d\n%s", manuals[i].pdf, status, out);
    }
}

static void
test_reproducible (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      const Manual *m = &manuals[i];
      const char *tmp = cp_test_tmpdir ();
      g_autofree char *tool = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src",
                                                "tools", "cp-mkmanual", NULL);
      g_autofree char *dir = source_dir (m);
      g_autofree char *practice = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "resources",
                                                    "practice", "practice.ini", NULL);
      g_autofree char *built = pdf_path (m);
      g_autofree char *again = g_build_filename (tmp, "again.pdf", NULL);
      const char *argv[] = { tool, "--manual", dir, "--practice", practice, "--output",
                             "again.pdf", m->large_print ? "--large-print" : NULL, NULL };
      g_auto(GStrv) envp = g_get_environ ();
      g_autofree char *out = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize la = 0;
      gsize lb = 0;
      int status;

      envp = g_environ_setenv (envp, "TZ", "America/Los_Angeles", TRUE);
      envp = g_environ_setenv (envp, "LANG", "de_DE.UTF-8", TRUE);
      envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
      status = cp_test_run (argv, tmp, envp, &out, NULL);
      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_get_contents (built, &a, &la, NULL));
      g_assert_true (g_file_get_contents (again, &b, &lb, NULL));
      g_assert_cmpuint (la, ==, lb);
      g_assert_true (memcmp (a, b, la) == 0);
    }
}

static void
test_readability (void)
{
  const Manual *m = &manuals[1];
  g_autofree char *path = pdf_path (m);
  const char *tmp = cp_test_tmpdir ();
  g_autofree char *txt = g_build_filename (tmp, "body.txt", NULL);
  GArray *chapters = load_chapters (m, NULL, NULL);
  PopplerDocument *doc = open_pdf (m);
  int first = cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, 0).id);
  int worksheets = cp_test_poppler_dest_page (doc, "worksheets");
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", worksheets - 1);
  const char *pdftotext[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, path, txt, NULL };
  const char *style[] = { "style", txt, NULL };
  g_autofree char *out = NULL;
  g_autofree char *report = NULL;
  const char *flesch;
  double score;
  int status;

  g_assert_cmpint (first, >, 1);
  g_assert_cmpint (worksheets, >, first);
  status = cp_test_run (pdftotext, NULL, NULL, &out, NULL);
  g_assert_cmpint (status, ==, 0);
  status = cp_test_run (style, NULL, NULL, &report, NULL);
  g_assert_cmpint (status, ==, 0);
  flesch = strstr (report, "Flesch Index: ");
  g_assert_nonnull (flesch);
  score = g_ascii_strtod (flesch + strlen ("Flesch Index: "), NULL);
  g_test_message ("your-guide pages %d-%d: Flesch reading ease %.1f", first, worksheets - 1, score);
  g_assert_cmpfloat (score, >=, 90.0);
  g_object_unref (doc);
  chapters_free (chapters);
}

/* The size most characters of the body pages are set in. */
static double
body_size (PopplerDocument *doc,
           int              from)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  GHashTableIter it;
  gpointer key;
  gpointer value;
  int best = 0;
  int best_count = 0;
  int p;

  for (p = from - 1; p < poppler_document_get_n_pages (doc); p++)
    {
      PopplerPage *page = poppler_document_get_page (doc, p);
      GList *attrs = poppler_page_get_text_attributes (page);
      GList *a;

      for (a = attrs; a != NULL; a = a->next)
        {
          PopplerTextAttributes *ta = a->data;
          int key10 = (int) lround (ta->font_size * 10);
          int n = ta->end_index - ta->start_index + 1;

          g_hash_table_insert (counts, GINT_TO_POINTER (key10),
                               GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (counts, GINT_TO_POINTER (key10))) + n));
        }
      poppler_page_free_text_attributes (attrs);
      g_object_unref (page);
    }
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      if (GPOINTER_TO_INT (value) > best_count)
        {
          best_count = GPOINTER_TO_INT (value);
          best = GPOINTER_TO_INT (key);
        }
    }
  return best / 10.0;
}

static void
test_type_size_and_margins (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (manuals); i++)
    {
      const Manual *m = &manuals[i];
      GArray *chapters = load_chapters (m, NULL, NULL);
      PopplerDocument *doc = open_pdf (m);
      int first = cp_test_poppler_dest_page (doc, g_array_index (chapters, Chapter, 0).id);
      double size = body_size (doc, first);
      int p;

      g_test_message ("%s: body text %.1f pt", m->pdf, size);
      if (m->large_print)
        g_assert_cmpfloat (size, >=, 16.0);
      else
        {
          g_assert_cmpfloat (size, >=, 10.0);
          g_assert_cmpfloat (size, <=, 11.0);
        }
      /* nothing is set outside 20 mm margins: no text runs off the page */
      for (p = 0; p < poppler_document_get_n_pages (doc); p++)
        {
          PopplerPage *page = poppler_document_get_page (doc, p);
          PopplerRectangle *rects = NULL;
          guint n = 0;
          guint r;
          double w;
          double h;

          poppler_page_get_size (page, &w, &h);
          g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
          for (r = 0; r < n; r++)
            {
              PopplerRectangle *b = &rects[r];

              if (b->x2 - b->x1 <= 0.01 || b->y2 - b->y1 <= 0.01)
                continue;
              if (b->x1 < 20 * MM - 0.5 || b->x2 > w - 20 * MM + 0.5 ||
                  b->y1 < 20 * MM - 0.5 || b->y2 > h - 20 * MM + 0.5)
                g_error ("%s page %d: text at (%.1f, %.1f)-(%.1f, %.1f) is inside the 20 mm margin",
                         m->pdf, p + 1, b->x1, b->y1, b->x2, b->y2);
            }
          g_free (rects);
          g_object_unref (page);
        }
      g_object_unref (doc);
      chapters_free (chapters);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/manuals/pdf/metadata", test_metadata);
  g_test_add_func ("/cp/manuals/pdf/word-counts", test_word_counts);
  g_test_add_func ("/cp/manuals/pdf/outline", test_outline);
  g_test_add_func ("/cp/manuals/pdf/destinations", test_destinations);
  g_test_add_func ("/cp/manuals/pdf/key-terms", test_key_terms);
  g_test_add_func ("/cp/manuals/pdf/structure-tree", test_structure_tree);
  g_test_add_func ("/cp/manuals/pdf/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/cp/manuals/pdf/qpdf-check", test_qpdf_check);
  g_test_add_func ("/cp/manuals/pdf/reproducible", test_reproducible);
  g_test_add_func ("/cp/manuals/pdf/readability", test_readability);
  g_test_add_func ("/cp/manuals/pdf/type-size-and-margins", test_type_size_and_margins);
  return g_test_run ();
}
