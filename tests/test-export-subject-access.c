/* test-export-subject-access.c: "everything held about this person" as a PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-export-subject-access"

#include <string.h>

#include "cp-test-util.h"
#include "export/cp-export-subject-access.h"

typedef CpTestWorkspace Fixture;

/* The practice workspace, with its fictional people. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = cp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "practice.cpkit", NULL);
  g_assert_true (cp_store_create_practice (f->path, &error));
  f->store = cp_store_open (f->path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
}

/* All the text of the PDF, and the size of the first character of page 1's body. */
static char *
pdf_text (const char *path,
          char      **title,
          double     *body_size)
{
  PopplerDocument *doc = cp_test_poppler_open (path);
  GString *all = g_string_new (NULL);

  *title = poppler_document_get_title (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
      if (i == 0)
        {
          GList *attrs = poppler_page_get_text_attributes (page);
          g_autoptr(GHashTable) chars = g_hash_table_new (g_direct_hash, g_direct_equal);
          int best = 0;

          /* The body size is the one most characters are set in. */
          for (GList *l = attrs; l; l = l->next)
            {
              PopplerTextAttributes *a = l->data;
              gpointer key = GINT_TO_POINTER ((int) (a->font_size * 10 + 0.5));
              int n = GPOINTER_TO_INT (g_hash_table_lookup (chars, key))
                      + a->end_index - a->start_index + 1;

              g_hash_table_insert (chars, key, GINT_TO_POINTER (n));
              if (n > best)
                {
                  best = n;
                  *body_size = GPOINTER_TO_INT (key) / 10.0;
                }
            }
          poppler_page_free_text_attributes (attrs);
        }
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (all, FALSE);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "subject-access-PRACTICE-0001.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->store, "Jo");
  double size = 0;

  g_assert_true (cp_export_subject_access_pdf (f->store, cp_person_get_id (jo), path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);

  text = pdf_text (path, &title, &size);
  /* Metadata never names the person. */
  g_assert_cmpstr (title, ==, "Everything held about this person");
  /* The person's own records are there … */
  g_assert_nonnull (strstr (text, "Jo"));
  g_assert_nonnull (strstr (text, "PRACTICE-0001"));
  g_assert_nonnull (strstr (text, "running"));
  /* … third parties are marked for redaction, and no one else on the caseload appears. */
  g_assert_nonnull (strstr (text, "[REDACT: Sam (sister)]"));
  g_assert_null (strstr (text, "Edna"));
  g_assert_null (strstr (text, "Tariq"));
  g_assert_null (strstr (text, "PRACTICE-0002"));
  g_assert_cmpfloat (size, <, 13.0);
}

static void
test_large_print (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "subject-access-PRACTICE-0002.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) edna = cp_test_dup_person (f->store, "Edna");
  double size = 0;

  /* Edna asked for large print: her copy follows it. */
  g_assert_true (cp_person_get_communication_needs (edna) & CP_COMMUNICATION_LARGE_PRINT);
  g_assert_true (cp_export_subject_access_pdf (f->store, cp_person_get_id (edna), path, &error));
  g_assert_no_error (error);
  text = pdf_text (path, &title, &size);
  g_assert_cmpfloat (size, >=, 16.0);
}

static void
test_markdown_escapes (void)
{
  g_autofree char *md = cp_export_subject_access_markdown ("Everything held\n"
                                                           "== The person ==\n"
                                                           "Name: *Jo* [REDACT: Al_b]\n"
                                                           "- Step: call # now\n");

  g_assert_cmpstr (md, ==, "# Everything held {#subject-access}\n\n"
                           "\n## The person {#record-1}\n\n"
                           "- **Name:** \\*Jo\\* \\[REDACT: Al\\_b\\]\n"
                           "- **Step:** call \\# now\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cp/export/subject-access/report", Fixture, NULL, fixture_set_up, test_report,
              cp_test_workspace_tear_down);
  g_test_add ("/cp/export/subject-access/large-print", Fixture, NULL, fixture_set_up,
              test_large_print, cp_test_workspace_tear_down);
  g_test_add_func ("/cp/export/subject-access/markdown-escapes", test_markdown_escapes);

  return g_test_run ();
}
