/* test-typeset-tool.c: cp-mkmanual on fixtures: a good manual, broken sources, reproducibility
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-typeset-tool"

#include <string.h>

#include "cp-test-util.h"

typedef struct
{
  int    status;      /* exit status, or -1 when the tool did not exit normally */
  char  *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->err);
}

static char *
tool_path (void)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "tools", "cp-mkmanual",
                           NULL);
}

static char *
practice_path (void)
{
  return g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "resources", "practice",
                           "practice.ini", NULL);
}

static char *
fixture_dir (void)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "manuals", "good", NULL);
}

/* Runs the tool in @cwd with TZ and LANG set as given. */
static void
run_tool (const char *cwd,
          const char *manual,
          const char *output,
          const char *tz,
          const char *lang,
          Run        *r)
{
  g_autofree char *tool = tool_path ();
  g_autofree char *practice = practice_path ();
  const char *argv[] = { tool, "--manual", manual, "--practice", practice, "--output", output, NULL };
  g_auto(GStrv) envp = g_get_environ ();

  envp = g_environ_setenv (envp, "TZ", tz, TRUE);
  envp = g_environ_setenv (envp, "LANG", lang, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", lang, TRUE);
  memset (r, 0, sizeof *r);
  r->status = cp_test_run (argv, cwd, envp, NULL, &r->err);
}

/* ---- the good fixture ---- */

/* The text of the structure tree, element by element, as a screen reader gets it. */
static void
collect_text (PopplerStructureElement *e,
              gpointer                 data)
{
  GString *out = data;

  if (poppler_structure_element_is_content (e))
    {
      g_autofree char *text = poppler_structure_element_get_text (e, POPPLER_STRUCTURE_GET_TEXT_NONE);

      if (text != NULL)
        g_string_append (out, text);
    }
  if (poppler_structure_element_get_kind (e) == POPPLER_STRUCTURE_ELEMENT_PARAGRAPH ||
      poppler_structure_element_get_kind (e) == POPPLER_STRUCTURE_ELEMENT_HEADING_1)
    {
      g_autofree char *text = poppler_structure_element_get_text (e, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);

      g_string_append_printf (out, "\n%s\n", text != NULL ? text : "");
    }
}

/* Every link leads to a named destination past the title page; counted. */
static void
check_link (PopplerDocument    *doc,
            int                 page_num,
            PopplerLinkMapping *link,
            gpointer            data)
{
  int *n_links = data;

  g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
  g_assert_cmpint (cp_test_poppler_dest_page (doc, link->action->goto_dest.dest->named_dest), >,
                   1);
  (*n_links)++;
}

static void
test_good_fixture (void)
{
  const char *tmp = cp_test_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "good.pdf", NULL);
  g_autofree char *manual = fixture_dir ();
  g_autofree char *data = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;
  gsize len = 0;
  PopplerDocument *doc;
  PopplerIndexIter *iter;
  PopplerStructureElementIter *siter;
  const char *ids[] = { "first", "first-lists", "first-table", "a-sub-section-without-an-id",
                        "second", "second-jo", "sheets", "sheets-map", "sheets-goal",
                        "sheets-review", "worksheets" };
  int n_top = 0;
  int n_links = 0;
  int n_figures = 0;
  int i;
  Run r;

  run_tool (tmp, manual, out, "UTC", "C.UTF-8", &r);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_cmpuint (cp_test_count_files (tmp), ==, 1);

  g_assert_true (g_file_get_contents (out, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_assert_true (cp_test_data_has (data, len, "/Lang (en-GB)"));
  g_assert_true (cp_test_data_has (data, len, "/StructTreeRoot"));

  doc = cp_test_poppler_open (out);
  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  subject = poppler_document_get_subject (doc);
  keywords = poppler_document_get_keywords (doc);
  g_assert_cmpstr (title, ==, "Fixture manual for the typesetting tests");
  g_assert_cmpstr (author, ==, "Connecting People Kit contributors");
  g_assert_cmpstr (subject, ==, "Typesetting test fixture");
  g_assert_cmpstr (keywords, ==, "fixture, typesetting, test");

  /* every heading id (explicit or slug) and the worksheets marker resolve */
  for (i = 0; i < (int) G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (cp_test_poppler_dest_page (doc, ids[i]), >, 1);
  g_assert_cmpint (cp_test_poppler_dest_page (doc, "worksheets"), ==, cp_test_poppler_dest_page (doc, "sheets"));
  g_assert_true (cp_test_poppler_has_text (doc, cp_test_poppler_dest_page (doc, "first-table"), "Jo helps to run the group"));
  g_assert_true (cp_test_poppler_has_text (doc, cp_test_poppler_dest_page (doc, "first"), "zebrafish"));

  /* the outline has the three chapters, at the pages of their headings */
  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_assert_cmpint (action->goto_dest.dest->type, ==, POPPLER_DEST_NAMED);
      g_assert_cmpint (cp_test_poppler_dest_page (doc, action->goto_dest.dest->named_dest), >, 1);
      n_top++;
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpint (n_top, ==, 3);

  /* every link goes to a destination that exists */
  cp_test_poppler_walk_links (doc, check_link, &n_links);
  /* 4 in the text, plus contents entries for 3 chapters and 6 sections */
  g_assert_cmpint (n_links, >=, 4 + 9);

  /* the structure tree holds the figures with their captions as alternative text */
  siter = poppler_structure_element_iter_new (doc);
  g_assert_nonnull (siter);
  {
    PopplerStructureElement *root = poppler_structure_element_iter_get_element (siter);
    PopplerStructureElementIter *kids = poppler_structure_element_iter_get_child (siter);

    g_assert_cmpint (poppler_structure_element_get_kind (root), ==,
                     POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
    g_object_unref (root);
    g_assert_nonnull (kids);
    do
      {
        PopplerStructureElement *e = poppler_structure_element_iter_get_element (kids);

        if (poppler_structure_element_get_kind (e) == POPPLER_STRUCTURE_ELEMENT_FIGURE)
          {
            g_autofree char *alt = poppler_structure_element_get_alt_text (e);

            g_assert_nonnull (alt);
            g_assert_cmpint (strlen (alt), >, 10);
            if (n_figures == 0)
              g_assert_cmpstr (alt, ==, "The practice cycle: assess, plan, support, review, with endings leading out");
            n_figures++;
          }
        g_object_unref (e);
      }
    while (poppler_structure_element_iter_next (kids));
    poppler_structure_element_iter_free (kids);
  }
  poppler_structure_element_iter_free (siter);

  /* the tagged text keeps its words apart where lines wrap, and keeps "fi" */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    cp_test_poppler_walk_structure (doc, collect_text, text);
    g_assert_nonnull (strstr (text->str, "Fixture manual for the typesetting tests"));
    g_assert_nonnull (strstr (text->str, "\n1 The first chapter\n"));
    g_assert_nonnull (strstr (text->str, "a link to the second chapter and to a section below."));
    g_assert_nonnull (strstr (text->str, "The zebrafish swims here."));
  }
  g_assert_cmpint (n_figures, ==, 12);

  g_object_unref (doc);
}

static void
test_reproducible (void)
{
  const char *a = cp_test_tmpdir ();
  const char *b = cp_test_tmpdir ();
  g_autofree char *out_a = g_build_filename (a, "one.pdf", NULL);
  g_autofree char *manual = fixture_dir ();
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  g_autofree char *out_b = NULL;
  gsize len_a = 0;
  gsize len_b = 0;
  Run r;

  run_tool (a, manual, out_a, "UTC", "C.UTF-8", &r);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  /* a relative output path, another folder, time zone and language */
  run_tool (b, manual, "two.pdf", "Pacific/Auckland", "en_GB.UTF-8", &r);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  out_b = g_build_filename (b, "two.pdf", NULL);
  g_assert_true (g_file_get_contents (out_a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (out_b, &data_b, &len_b, NULL));
  g_assert_cmpuint (len_a, ==, len_b);
  g_assert_true (memcmp (data_a, data_b, len_a) == 0);
}

/* ---- broken sources ---- */

typedef struct
{
  const char *name;
  const char *file;        /* which file to replace */
  const char *text;        /* its content */
  const char *where;       /* expected "FILE:LINE:" */
  const char *what;        /* expected part of the message */
} Broken;

static const char ini_text[] =
  "[manual]\n"
  "title=Broken\n"
  "author=Tests\n"
  "language=en-GB\n"
  "chapters=01-a.md;02-b.md\n";

static const char a_text[] =
  "# Alpha {#alpha}\n"
  "\n"
  "Some text with a [link](#beta).\n"
  "\n"
  "## Section {#alpha-one}\n"
  "\n"
  "More text.\n";

static const Broken broken[] = {
  { "unknown-figure", "02-b.md", "# Beta {#beta}\n\nText.\n\n![A caption](figure:no-such-figure)\n",
    "02-b.md:5:", "unknown figure 'no-such-figure'" },
  { "missing-id", "02-b.md", "# Beta {#beta}\n\nText.\n\nSee [there](#no-such-id) now.\n",
    "02-b.md:5:", "no heading has the id 'no-such-id'" },
  { "duplicate-id", "02-b.md", "# Beta {#beta}\n\nText.\n\n## Again {#alpha-one}\n",
    "02-b.md:5:", "duplicate heading id 'alpha-one' (first used at" },
  { "missing-chapter", "manual.ini",
    "[manual]\ntitle=Broken\nauthor=Tests\nlanguage=en-GB\nchapters=01-a.md;02-b.md;03-gone.md\n",
    "manual.ini:5:", "'03-gone.md' is listed but missing" },
  { "invalid-utf8", "02-b.md", "# Beta {#beta}\n\nText \xff here.\n",
    "02-b.md:3:", "invalid UTF-8" },
  { "missing-glyph", "02-b.md", "# Beta {#beta}\n\nText.\n\nA character \xe6\xbc\xa2 the font lacks.\n",
    "02-b.md:5:", "U+6F22" },
  { "raw-html", "02-b.md", "# Beta {#beta}\n\n<div>boxed</div>\n",
    "02-b.md:3:", "raw HTML" },
  { "no-title", "02-b.md", "Text before the title.\n\n# Beta {#beta}\n",
    "02-b.md:1:", "a chapter starts with its title" },
  { "crisis-without-source", "02-b.md", "# Beta {#beta}\n\nText.\n\n{{crisis-numbers}}\n",
    "02-b.md:5:", "{{crisis-numbers}} needs crisis=FILE in manual.ini" },
  { "crisis-source-broken", "manual.ini",
    "[manual]\ntitle=Broken\nauthor=Tests\nlanguage=en-GB\nchapters=01-a.md;02-b.md\n"
    "crisis=manual.ini\n",
    "manual.ini:", "[crisis] needs heading=" },
};

static void
test_broken (gconstpointer data)
{
  const Broken *c = data;
  const char *src = cp_test_tmpdir ();
  const char *outdir = cp_test_tmpdir ();
  g_autofree char *out = g_build_filename (outdir, "broken.pdf", NULL);
  g_autofree char *where = NULL;
  Run r;

  cp_test_write_file (src, "manual.ini", ini_text);
  cp_test_write_file (src, "01-a.md", a_text);
  cp_test_write_file (src, "02-b.md", "# Beta {#beta}\n\nText.\n");
  cp_test_write_file (src, c->file, c->text);
  /* a PDF from an earlier good run must not survive a failed one */
  cp_test_write_file (outdir, "broken.pdf", "%PDF-1.5 stale");

  run_tool (outdir, src, out, "UTC", "C.UTF-8", &r);
  g_assert_cmpint (r.status, ==, 1);
  where = g_build_filename (src, c->where, NULL);
  g_assert_true (g_str_has_prefix (r.err, where));
  g_assert_nonnull (strstr (r.err, c->what));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (cp_test_count_files (outdir), ==, 0);
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/typeset/tool/good-fixture", test_good_fixture);
  g_test_add_func ("/cp/typeset/tool/reproducible", test_reproducible);
  for (i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cp/typeset/tool/rejects-%s", broken[i].name);

      g_test_add_data_func (path, &broken[i], test_broken);
    }
  return g_test_run ();
}
