/* test-typeset-api.c: the typesetting library as the app uses it for its own PDF exports
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-typeset-api"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cp-test-util.h"
#include "typeset/cp-typeset.h"

static char *
tmp_pdf (const char **dir)
{
  *dir = cp_test_tmpdir ();
  return g_build_filename (*dir, "out.pdf", NULL);
}

/* Whether page @page_num (from 1) shows its own number where the typesetter puts it:
 * centred under the text, in the bottom margin. */
static gboolean
has_page_number (PopplerDocument        *pdf,
                 int                     page_num,
                 const CpTypesetOptions *options)
{
  PopplerPage *page = poppler_document_get_page (pdf, page_num - 1);
  g_autofree char *number = g_strdup_printf ("%d", page_num);
  GList *hits = poppler_page_find_text (page, number);
  double centre = options->margin_left
                  + (options->page_width - options->margin_left - options->margin_right) / 2;
  gboolean found = FALSE;

  for (GList *l = hits; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;

      /* find_text measures from the bottom of the page: the foot is below the body's last
       * line, which stops a line or more above margin_bottom + the number's height. */
      if (fabs ((r->x1 + r->x2) / 2 - centre) < 3
          && MIN (r->y1, r->y2) > options->margin_bottom - 3
          && MAX (r->y1, r->y2) < options->margin_bottom + 2 * options->base_font_size)
        found = TRUE;
    }
  g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (page);
  return found;
}

/* A plain export: no title page, no contents, a running header, several pages. */
static void
test_export (void)
{
  const char *dir = NULL;
  g_autofree char *path = tmp_pdf (&dir);
  g_autoptr(GString) body = g_string_new ("# My plan {#plan}\n\n");
  g_autoptr(CpTypesetDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  CpTypesetOptions options;
  CpTypesetMetadata meta = { "Goal plan", NULL, "A worker", "Plan", "plan", "en-GB", NULL };
  PopplerDocument *pdf;
  int i;

  for (i = 0; i < 60; i++)
    g_string_append_printf (body, "Step %d: walk to the park with Sam and talk about the week. "
                            "Then write down what went well.\n\n", i + 1);
  g_string_append (body, "## Who helps {#helps}\n\nSam, and the [plan](#plan) itself.\n");

  cp_typeset_options_init_a4 (&options, 11);
  options.title_page = FALSE;
  options.contents = FALSE;
  options.number_headings = FALSE;
  options.header_text = "Goal plan";
  doc = cp_typeset_document_new (&options, &meta);
  g_assert_true (cp_typeset_document_add_chapter (doc, "plan.md", body->str, -1, &error));
  g_assert_no_error (error);
  g_assert_true (cp_typeset_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_count_files (dir), ==, 1);
  /* private to its owner from the start: an export may hold personal data */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpuint (cp_typeset_document_get_page (doc, "plan"), ==, 1);
  g_assert_cmpuint (cp_typeset_document_get_n_pages (doc), >=, 2);
  g_assert_cmpuint (cp_typeset_document_get_page (doc, "helps"), ==,
                    cp_typeset_document_get_n_pages (doc));
  /* writing again gives the same bytes */
  {
    g_autofree char *again = g_build_filename (dir, "again.pdf", NULL);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize la = 0;
    gsize lb = 0;

    g_assert_true (cp_typeset_document_write_pdf (doc, again, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &a, &la, NULL));
    g_assert_true (g_file_get_contents (again, &b, &lb, NULL));
    g_assert_cmpuint (la, ==, lb);
    g_assert_true (memcmp (a, b, la) == 0);
  }

  pdf = cp_test_poppler_open (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) cp_typeset_document_get_n_pages (doc));
  g_assert_true (cp_test_poppler_has_text (pdf, 1, "My plan"));
  g_assert_true (cp_test_poppler_has_text (pdf, 1, "Step 1: walk to the park"));
  /* the running header on the following pages, not on the first */
  g_assert_false (cp_test_poppler_has_text (pdf, 1, "Goal plan"));
  g_assert_true (cp_test_poppler_has_text (pdf, 2, "Goal plan"));
  /* every page numbered at its foot */
  for (int p = 1; p <= poppler_document_get_n_pages (pdf); p++)
    g_assert_true (has_page_number (pdf, p, &options));
  g_object_unref (pdf);
}

static void
test_all_in_one (void)
{
  const char *dir = NULL;
  g_autofree char *path = tmp_pdf (&dir);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "a.md", "b.md" };
  const char *texts[] = { "# A {#a}\n\nSee [B](#b).\n", "# B {#b}\n\nBack to [A](#a).\n" };
  CpTypesetOptions options;

  cp_typeset_options_init_a4 (&options, 10.5);
  g_assert_true (cp_typeset_write_pdf (&options, NULL, names, texts, 2, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

typedef struct
{
  const char *name;
  const char *b_text;
  int         code;
  const char *prefix;
} Bad;

static const Bad bad[] = {
  { "duplicate-id", "# B {#b}\n\n## Again {#a}\n", CP_TYPESET_ERROR_DUPLICATE_ID, "b.md:3: " },
  { "missing-id", "# B {#b}\n\nText\nand [a link](#nowhere).\n", CP_TYPESET_ERROR_MISSING_ID, "b.md:4: " },
  { "unknown-figure", "# B {#b}\n\n![Caption](figure:nope)\n", CP_TYPESET_ERROR_UNKNOWN_FIGURE, "b.md:3: " },
  { "figure-without-data", "# B {#b}\n\n![Jo](figure:network-map-jo)\n", CP_TYPESET_ERROR_DATA, "b.md:3: " },
  { "bad-utf8", "# B {#b}\n\n\xc3\x28\n", CP_TYPESET_ERROR_INVALID_UTF8, "b.md:3: " },
  { "missing-glyph", "# B {#b}\n\nA sign \xe4\xb8\xad here.\n", CP_TYPESET_ERROR_MISSING_GLYPH, "b.md:3: " },
  { "deep-heading", "# B {#b}\n\n#### Four {#four}\n", CP_TYPESET_ERROR_SYNTAX, "b.md:3: " },
  { "bad-id", "# B {#b c}\n", CP_TYPESET_ERROR_SYNTAX, "b.md:1: " },
  { "table-too-wide", "# B {#b}\n\n| Neighbourhoods | Volunteering | Relationships | Opportunities | Transportation | Accessibility |\n|---|---|---|---|---|---|\n| a | b | c | d | e | f |\n",
    CP_TYPESET_ERROR_SYNTAX, "b.md:3: " },
};

static void
test_errors (gconstpointer data)
{
  const Bad *c = data;
  const char *dir = NULL;
  g_autofree char *path = tmp_pdf (&dir);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "a.md", "b.md" };
  const char *texts[] = { "# A {#a}\n\nText.\n", c->b_text };
  CpTypesetOptions options;

  cp_typeset_options_init_a4 (&options, 10.5);
  g_assert_false (cp_typeset_write_pdf (&options, NULL, names, texts, 2, path, &error));
  g_assert_error (error, CP_TYPESET_ERROR, c->code);
  if (!g_str_has_prefix (error->message, c->prefix))
    g_error ("'%s' does not start with '%s'", error->message, c->prefix);
  g_assert_cmpuint (cp_test_count_files (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/typeset/api/export", test_export);
  g_test_add_func ("/cp/typeset/api/all-in-one", test_all_in_one);
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *p = g_strdup_printf ("/cp/typeset/api/error-%s", bad[i].name);

      g_test_add_data_func (p, &bad[i], test_errors);
    }
  return g_test_run ();
}
