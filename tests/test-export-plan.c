/* test-export-plan.c: the person's copy and the practitioner's plan as PDFs, the crisis
 * numbers' one source, and the case-record summary
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-export-plan"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "export/cp-export-plan.h"
#include "export/cp-export-summary.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-reviews.h"
#include "typeset/cp-typeset-crisis.h"
#include "util/cp-date.h"

typedef CpTestWorkspace Fixture;

#define TODAY "2026-12-06"

typedef struct
{
  char   *text;          /* every page's text */
  char   *title;
  double  body_size;     /* the size most characters are set in */
  double  right_edge;    /* points: where the furthest text on page 1 ends */
  int     n_pages;
} PdfRead;

static void
pdf_read_clear (PdfRead *r)
{
  g_free (r->text);
  g_free (r->title);
}

static void
pdf_read (const char *path,
          PdfRead    *r)
{
  PopplerDocument *doc = cp_test_poppler_open (path);
  GString *all = g_string_new (NULL);
  g_autoptr(GHashTable) chars = g_hash_table_new (g_direct_hash, g_direct_equal);
  int best = 0;

  memset (r, 0, sizeof *r);
  r->title = poppler_document_get_title (doc);
  r->n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < r->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      GList *attrs = poppler_page_get_text_attributes (page);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
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
              r->body_size = GPOINTER_TO_INT (key) / 10.0;
            }
        }
      poppler_page_free_text_attributes (attrs);
      if (i == 0)
        {
          PopplerRectangle *boxes = NULL;
          guint n_boxes = 0;

          if (poppler_page_get_text_layout (page, &boxes, &n_boxes))
            for (guint k = 0; k < n_boxes; k++)
              r->right_edge = MAX (r->right_edge, boxes[k].x2);
          g_free (boxes);
        }
      g_object_unref (page);
    }
  g_object_unref (doc);
  r->text = g_string_free (all, FALSE);
}

/* The person's copy of @name's plan with @options, read back. */
static void
export_read (Fixture                   *f,
             const char                *name,
             const CpPlanExportOptions *options,
             const char                *file,
             PdfRead                   *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  const char *keep = g_getenv ("CP_TEST_PLAN_KEEP");

  g_assert_true (cp_export_plan_pdf (f->store, cp_test_person_id (f->store, name), options, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);
  pdf_read (path, r);
  if (keep != NULL)
    {
      /* CP_TEST_PLAN_KEEP=DIR keeps the PDFs to look at */
      g_autofree char *copy = g_build_filename (keep, file, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (g_file_set_contents (copy, data, len, NULL));
    }
}

static void
person_options (Fixture             *f,
                CpPlanExportOptions *o,
                const char          *name)
{
  g_autoptr(CpPerson) person = cp_test_dup_person (f->store, name);

  cp_plan_export_options_init (o, CP_PLAN_COPY_PERSON, person);
  o->date = TODAY;
  o->team_phone = "0161 496 0000";
  o->goal_scaling = TRUE;
}

/* Jo's copy: their goals in their words, who helps as Jo names them, the team's number
 * and the crisis numbers; no rating, status, focus, "hard going" or caution. With
 * "include scores" ticked the ratings appear, so the first check can fail. */
static void
test_person_copy (Fixture       *f,
                  gconstpointer  data)
{
  CpPlanExportOptions o;
  PdfRead r;
  PdfRead scored;

  person_options (f, &o, "Jo");
  export_read (f, "Jo", &o, "jo.pdf", &r);
  g_assert_cmpstr (r.title, ==, "My plan");
  cp_test_assert_has_all (r.text, "I want to run with other people again", NULL);
  cp_test_assert_has_all (r.text, "Walk the route with Lena before the first Saturday",
                                   "Lena (group leader)", NULL);
  cp_test_assert_has_all (r.text, "What my worker will do", "What I’ve done",
                                   "Find two running groups near me", NULL);
  cp_test_assert_has_all (r.text, "0161 496 0000", "116 123", "999", "NHS 111", NULL);
  {
    static const char * const never[] = { "Harder", "About the same", "Active", "Reviewing",
                                          "aution", "ard going", "core", "T-score",
                                          "Went once and did not go back", NULL };

    for (guint i = 0; never[i] != NULL; i++)
      if (strstr (r.text, never[i]) != NULL)
        g_error ("the person's copy holds \"%s\"", never[i]);
  }

  o.include_scores = TRUE;
  export_read (f, "Jo", &o, "jo-scores.pdf", &scored);
  cp_test_assert_has_all (scored.text, "How my goals are going", "Harder", NULL);
  pdf_read_clear (&scored);
  pdf_read_clear (&r);
}

/* A discreet copy has no mental health team heading, anywhere. */
static void
test_discreet (Fixture       *f,
               gconstpointer  data)
{
  CpPlanExportOptions o;
  PdfRead plain;
  PdfRead discreet;

  person_options (f, &o, "Edna");
  export_read (f, "Edna", &o, "edna.pdf", &plain);
  cp_test_assert_has_all (plain.text, "mental health team", "0161 496 0000", NULL);
  o.discreet = TRUE;
  export_read (f, "Edna", &o, "edna-discreet.pdf", &discreet);
  cp_test_assert_has_all (discreet.text, "I would like to sing again", "0161 496 0000", "116 123", NULL);
  g_assert_null (strstr (discreet.text, "mental health team"));
  g_assert_null (strstr (discreet.text, "Connecting People"));
  pdf_read_clear (&plain);
  pdf_read_clear (&discreet);
}

/* Large print is larger type at the usual measure; easy read sets short lines, one idea
 * each, with the area of life's name beside its symbol. */
static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  CpPlanExportOptions o;
  PdfRead normal;
  PdfRead large;
  PdfRead easy;

  person_options (f, &o, "Tariq");
  o.large_print = o.easy_read = FALSE;
  export_read (f, "Tariq", &o, "tariq.pdf", &normal);
  o.large_print = TRUE;
  export_read (f, "Tariq", &o, "tariq-large.pdf", &large);
  o.large_print = FALSE;
  o.easy_read = TRUE;
  export_read (f, "Tariq", &o, "tariq-easy.pdf", &easy);

  g_test_message ("body size normal %.1f, large %.1f, easy %.1f; text ends at %.0f, %.0f, %.0f pt",
                  normal.body_size, large.body_size, easy.body_size,
                  normal.right_edge, large.right_edge, easy.right_edge);
  g_assert_cmpfloat (large.body_size, >=, 16.0);
  g_assert_cmpfloat (normal.body_size, <, large.body_size);
  g_assert_cmpfloat (easy.body_size, >, normal.body_size);
  g_assert_cmpfloat (easy.body_size, !=, large.body_size);
  /* easy read: a markedly shorter line than large print and the usual copy */
  g_assert_cmpfloat (easy.right_edge + 72, <, large.right_edge);
  g_assert_cmpfloat (easy.right_edge + 72, <, normal.right_edge);
  g_assert_cmpuint (easy.n_pages, >, normal.n_pages);
  /* one idea a line: "Who:" and "When:" stand alone, and each goal is headed by its area */
  cp_test_assert_has_all (easy.text, "\nWho: Me\n", "\nWork and volunteering\n", NULL);
  pdf_read_clear (&normal);
  pdf_read_clear (&large);
  pdf_read_clear (&easy);
}

/* A recorded language is noted; the person's recorded format is the default. */
static void
test_language_and_needs (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->store, "Jo");
  CpPlanExportOptions o;
  PdfRead r;

  g_assert_true (cp_store_set_person_communication (f->store, cp_person_get_id (jo),
                                                    CP_COMMUNICATION_INTERPRETER |
                                                    CP_COMMUNICATION_LARGE_PRINT,
                                                    "Polish", NULL, &error));
  g_assert_no_error (error);
  person_options (f, &o, "Jo");
  g_assert_true (o.large_print);
  g_assert_false (o.easy_read);
  export_read (f, "Jo", &o, "jo-polish.pdf", &r);
  cp_test_assert_has_all (r.text, "My language: Polish", NULL);
  g_assert_cmpfloat (r.body_size, >=, 16.0);
  pdf_read_clear (&r);
}

/* The practitioner's plan: every goal with its rating history and the chart's words,
 * never the person's name in the title. Both copies are logged. */
static void
test_practitioner (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->store, "Jo");
  g_autofree char *name = cp_export_plan_file_name (jo, CP_PLAN_COPY_PRACTITIONER);
  g_autofree char *person_name = cp_export_plan_file_name (jo, CP_PLAN_COPY_PERSON);
  CpPlanExportOptions o;
  PdfRead r;
  PdfRead copy;

  g_assert_cmpstr (name, ==, "plan-PRACTICE-0001-practitioner.pdf");
  g_assert_cmpstr (person_name, ==, "plan-PRACTICE-0001.pdf");
  cp_plan_export_options_init (&o, CP_PLAN_COPY_PRACTITIONER, jo);
  o.date = TODAY;
  export_read (f, "Jo", &o, name, &r);
  g_assert_null (strstr (r.title, "Jo"));
  cp_test_assert_has_all (r.text, "PRACTICE-0001", "I want to run with other people again", "Ratings over time",
           "Harder", "Went once and did not go back", "Progress across reviews", "Review of",
           "The big club was too much", NULL);

  person_options (f, &o, "Jo");
  export_read (f, "Jo", &o, "jo.pdf", &copy);
  log = cp_store_list_disclosures (f->store, cp_person_get_id (jo), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpint (((CpDisclosure *) log->pdata[0])->what, ==, CP_DISCLOSURE_IDENTIFIABLE_EXPORT);
  g_assert_cmpint (((CpDisclosure *) log->pdata[1])->what, ==, CP_DISCLOSURE_PERSON_COPY);
  pdf_read_clear (&r);
  pdf_read_clear (&copy);
}

/* The crisis numbers have one source: the guide's chapter holds only its placeholder,
 * and every number in the source reaches the person's copy. */
static void
test_crisis_one_source (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *chapter_path = g_build_filename (g_getenv ("CPKIT_SOURCE_DIR"), "data",
                                                    "manuals", "your-guide",
                                                    "10-help-in-a-crisis.md", NULL);
  g_autofree char *chapter = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/crisis/crisis-numbers.ini",
                                                     0, NULL);
  g_autoptr(GKeyFile) crisis = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = NULL;
  g_autofree char *box = NULL;
  g_autofree char *expanded = NULL;
  CpPlanExportOptions o;
  PdfRead r;
  gsize len;

  g_assert_true (g_file_get_contents (chapter_path, &chapter, NULL, NULL));
  g_assert_nonnull (strstr (chapter, "\n" CP_TYPESET_CRISIS_PLACEHOLDER "\n"));
  g_assert_null (strstr (chapter, "If you need help now"));

  g_assert_nonnull (bytes);
  crisis = cp_typeset_crisis_load (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes),
                                   "crisis-numbers.ini", &error);
  g_assert_no_error (error);
  box = cp_typeset_crisis_markdown (crisis, "crisis-numbers.ini", CP_TYPESET_CRISIS_BOX, &error);
  g_assert_no_error (error);
  expanded = cp_typeset_crisis_expand ("a\n" CP_TYPESET_CRISIS_PLACEHOLDER "\nb\n", box);
  g_assert_true (g_str_has_prefix (expanded, "a\n> **If you need help now**\n"));
  g_assert_true (g_str_has_suffix (expanded, "troubling you.\nb\n"));

  person_options (f, &o, "Jo");
  export_read (f, "Jo", &o, "jo.pdf", &r);
  numbers = g_key_file_get_string_list (crisis, "crisis", "numbers", NULL, NULL);
  g_assert_cmpuint (g_strv_length (numbers), ==, 3);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autofree char *call = g_key_file_get_string (crisis, numbers[i], "call", NULL);

      cp_test_assert_has_all (r.text, call, NULL);
    }
  pdf_read_clear (&r);
}

/* The case-record summary: the date, the role and where it comes from first; the
 * person's own view in their words; first names only. */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jo = cp_test_person_id (f->store, "Jo");
  g_autofree char *text = NULL;
  g_autofree char *unnamed = NULL;

  g_assert_true (cp_store_rename_person (f->store, jo, "Jo Smithson", &error));
  g_assert_no_error (error);
  text = cp_export_summary_text (f->store, jo, "Social worker", TODAY, &error);
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "6 December 2026 · Social worker · "
                                         "from Connecting People Kit\n"));
  cp_test_assert_has_all (text, "Jo’s own view: “The big club was too much. I want to try a smaller group.”",
           "I want to run with other people again", "Lena (group leader)",
           "Got in the way: Confidence: Felt lost among so many people", "Next review:",
           "Network map", "New:", NULL);
  g_assert_null (strstr (text, "Smithson"));
  g_assert_null (strstr (text, "**"));

  unnamed = cp_export_summary_text (f->store, jo, NULL, TODAY, &error);
  g_assert_true (g_str_has_prefix (unnamed, "6 December 2026 · Practitioner · "));
  g_assert_null (cp_export_summary_text (f->store, 9999, NULL, TODAY, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cp_date_set_today_for_testing (TODAY);

#define ADD(name, func) \
  g_test_add ("/cp/export/" name, Fixture, NULL, cp_test_workspace_set_up_practice, func, \
              cp_test_workspace_tear_down)
  ADD ("plan/person-copy", test_person_copy);
  ADD ("plan/discreet", test_discreet);
  ADD ("plan/formats", test_formats);
  ADD ("plan/language", test_language_and_needs);
  ADD ("plan/practitioner", test_practitioner);
  ADD ("plan/crisis-one-source", test_crisis_one_source);
  ADD ("summary/text", test_summary);
#undef ADD
  return g_test_run ();
}
