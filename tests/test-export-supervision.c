/* test-export-supervision.c: the supervision sheet, per person and per session: what it
 * holds, that no name is anywhere in it, the disclosure log, and a failed write
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-export-supervision"

#include <string.h>

#include "cp-test-util.h"
#include "export/cp-export-supervision.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

#define TODAY    "2026-12-06"
#define HELD_ON  "2026-12-01"
/* Jo's surname, which must never reach a sheet, whatever the case */
#define CANARY   "Zanzibarova"
#define REFLECTION "Boundaries mostly holding; I gave out my personal phone once."

typedef struct
{
  CpTestWorkspace  ws;
  gint64           jo;
  gint64           edna;
  char            *session;
} Fixture;

/* The practice workspace, Jo renamed with the canary surname, and one session that
 * discussed Jo and Edna: comments (one naming Jo in full), actions, Jo's plan signed off,
 * the worker's reflection. */
static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *action = NULL;
  gint64 people[2];
  CpStore *store;

  cp_test_workspace_set_up_practice (&f->ws, data);
  store = f->ws.store;
  f->jo = cp_test_person_id (store, "Jo");
  f->edna = cp_test_person_id (store, "Edna");
  g_assert_true (cp_store_rename_person (store, f->jo, "Jo " CANARY, &error));
  g_assert_no_error (error);

  people[0] = f->jo;
  people[1] = f->edna;
  f->session = cp_store_add_supervision_session (store, HELD_ON, "Social worker\nTeam manager",
                                                 people, 2, &error);
  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (store, f->session, f->jo,
                                              "Said jo " CANARY " is keen; the running club is a "
                                              "real community link.", &error);
  g_assert_no_error (error);
  g_clear_pointer (&comment, g_free);
  comment = cp_store_add_supervision_comment (store, f->session, f->edna,
                                              "Ask about the minibus before winter.", &error);
  g_assert_no_error (error);
  action = cp_store_add_supervision_action (store, f->session, f->jo,
                                            "Meet the group leader together", "Practitioner",
                                            "2026-12-20", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_sign_off_supervision (store, f->session, f->jo, "Sam Okafor",
                                                "Team manager", "2026-12-02", &error));
  g_assert_no_error (error);
  g_assert_true (cp_store_set_worker_reflection (store, f->session, REFLECTION, &error));
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_free (f->session);
  cp_test_workspace_tear_down (&f->ws, data);
}

typedef struct
{
  char *text;       /* every page's text */
  char *metadata;   /* title, author, subject, keywords, creator, producer */
} SheetRead;

static void
sheet_read_clear (SheetRead *r)
{
  g_free (r->text);
  g_free (r->metadata);
}

static void
sheet_read (const char *path,
            SheetRead  *r)
{
  PopplerDocument *doc = cp_test_poppler_open (path);
  char *fields[6];

  fields[0] = poppler_document_get_title (doc);
  fields[1] = poppler_document_get_author (doc);
  fields[2] = poppler_document_get_subject (doc);
  fields[3] = poppler_document_get_keywords (doc);
  fields[4] = poppler_document_get_creator (doc);
  fields[5] = poppler_document_get_producer (doc);
  r->metadata = g_strdup_printf ("%s|%s|%s|%s|%s|%s", fields[0], fields[1], fields[2],
                                 fields[3], fields[4], fields[5]);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i]);
  r->text = cp_test_poppler_text (doc);
  g_object_unref (doc);
}

/* No trace of the canary name in the text (any case), the properties, the file's bytes
 * or its name. */
static void
holds_no_name (const char *path,
               SheetRead  *r)
{
  g_autofree char *folded = g_utf8_casefold (r->text, -1);
  g_autofree char *canary = g_utf8_casefold (CANARY, -1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  if (strstr (folded, canary) != NULL)
    g_error ("the sheet's text names Jo:\n%s", r->text);
  g_assert_null (strstr (r->metadata, CANARY));
  g_assert_null (strstr (r->metadata, "Jo"));
  g_assert_null (strstr (base, CANARY));
  g_assert_null (strstr (base, "Jo"));
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  g_assert_false (cp_test_bytes_hold (bytes, CANARY));
}

/* Writes the sheet at @dir/its own name and reads it back; CP_TEST_SHEET_KEEP=DIR keeps
 * a copy to look at. */
static char *
write_read (Fixture            *f,
            CpSupervisionSheet *sheet,
            SheetRead          *r)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->ws.dir, cp_supervision_sheet_get_file_name (sheet), NULL);
  const char *keep = g_getenv ("CP_TEST_SHEET_KEEP");

  cp_supervision_sheet_write (sheet, f->ws.store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);
  sheet_read (path, r);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, cp_supervision_sheet_get_file_name (sheet),
                                                NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_true (g_file_set_contents (copy, data, len, NULL));
    }
  return path;
}

static guint
n_logged (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = cp_store_list_disclosures (f->ws.store, id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      CpDisclosure *entry = g_ptr_array_index (log, i);

      if (g_str_has_prefix (entry->detail, "Supervision sheet"))
        {
          /* logged as what it was, not as a pack */
          g_assert_cmpint (entry->what, ==, CP_DISCLOSURE_SUPERVISION_SHEET);
          n++;
        }
    }
  return n;
}

/* Jo's sheet: their plan by initials and case reference, what the session said about
 * them, the sign-off; never their name, never the worker's reflection. Logged for Jo. */
static void
test_person_sheet (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSupervisionSheet) sheet = NULL;
  g_autofree char *path = NULL;
  CpSupervisionSheetOptions options = { .goal_scaling = TRUE, .date = TODAY };
  SheetRead r;

  sheet = cp_supervision_sheet_new_for_person (f->ws.store, f->jo, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_supervision_sheet_get_file_name (sheet), ==,
                   "supervision-PRACTICE-0001-" TODAY ".pdf");
  g_assert_cmpuint (n_logged (f, f->jo), ==, 0);
  path = write_read (f, sheet, &r);

  cp_test_assert_has_all (r.text, "Supervision sheet", "6 December 2026", "JZ · PRACTICE-0001",
           "Network map", "I want to run with other people again", "Latest rating",
           "What got in the way at the last review", "Confidence",
           "Goal Attainment Scaling across reviews", "Session of 1 December 2026",
           "Social worker, Team manager", "Said JZ is keen", "community link",
           "Meet the group leader together", "Practitioner", "20 December 2026",
           "Plan reviewed in supervision on 2 December 2026 by Sam Okafor, Team manager.",
           "Special category data (health)", NULL);
  holds_no_name (path, &r);
  g_assert_null (strstr (r.text, "personal phone"));
  g_assert_null (strstr (r.text, "reflection"));
  /* Edna was at the same session, but this is Jo's sheet */
  g_assert_null (strstr (r.text, "minibus before winter"));
  g_assert_cmpuint (n_logged (f, f->jo), ==, 1);
  g_assert_cmpuint (n_logged (f, f->edna), ==, 0);
  sheet_read_clear (&r);
}

/* The session's sheet: its day and who was there, both people with what was said, the
 * worker's reflection at the end, headed as about the worker. Logged for each. */
static void
test_session_sheet (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSupervisionSheet) sheet = NULL;
  g_autofree char *path = NULL;
  CpSupervisionSheetOptions options = { .date = TODAY };
  const char *reflection;
  SheetRead r;

  sheet = cp_supervision_sheet_new_for_session (f->ws.store, f->session, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cp_supervision_sheet_get_file_name (sheet), ==,
                   "supervision-session-" HELD_ON ".pdf");
  path = write_read (f, sheet, &r);

  cp_test_assert_has_all (r.text, "Supervision sheet", "Session held on", "1 December 2026",
           "Social worker, Team manager", "JZ · PRACTICE-0001", "E · PRACTICE-0002",
           "JZ is keen", "Ask about the minibus before winter.",
           "Meet the group leader together",
           "Plan reviewed in supervision on 2 December 2026 by Sam Okafor, Team manager.",
           "Not signed off.", "The worker’s own reflection", "About the worker",
           "personal phone once", NULL);
  holds_no_name (path, &r);
  /* GAS off: no score chart */
  g_assert_null (strstr (r.text, "Goal Attainment Scaling across reviews"));
  /* the reflection comes last, after both people */
  reflection = strstr (r.text, "The worker’s own reflection");
  g_assert_nonnull (strstr (r.text, "Ask about the minibus"));
  g_assert_true (strstr (r.text, "Ask about the minibus") < reflection);
  /* on a page of its own, so it is kept apart from what is filed about a person */
  {
    PopplerDocument *doc = cp_test_poppler_open (path);
    int last = poppler_document_get_n_pages (doc);

    g_assert_true (cp_test_poppler_has_text (doc, last, "The worker’s own reflection"));
    g_assert_false (cp_test_poppler_has_text (doc, last, "PRACTICE-"));
    g_assert_false (cp_test_poppler_has_text (doc, last - 1, "reflection"));
    g_object_unref (doc);
  }
  g_assert_cmpuint (n_logged (f, f->jo), ==, 1);
  g_assert_cmpuint (n_logged (f, f->edna), ==, 1);
  sheet_read_clear (&r);
}

/* A folder that is not there: nothing written, no temporary file, nothing logged; an
 * existing file is not replaced; gone people and sessions are said. */
static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSupervisionSheet) sheet = NULL;
  g_autofree char *missing = g_build_filename (f->ws.dir, "not-here", "sheet.pdf", NULL);
  g_autofree char *existing = g_build_filename (f->ws.dir, "there.pdf", NULL);
  g_autofree char *contents = NULL;
  CpSupervisionSheetOptions options = { .date = TODAY };
  guint before = cp_test_count_files (f->ws.dir);

  sheet = cp_supervision_sheet_new_for_session (f->ws.store, f->session, &options, &error);
  g_assert_no_error (error);
  g_assert_false (cp_supervision_sheet_write (sheet, f->ws.store, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&sheet, cp_supervision_sheet_free);
  g_assert_cmpuint (cp_test_count_files (f->ws.dir), ==, before);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_logged (f, f->jo), ==, 0);
  g_assert_cmpuint (n_logged (f, f->edna), ==, 0);

  cp_test_write_file (f->ws.dir, "there.pdf", "mine");
  sheet = cp_supervision_sheet_new_for_person (f->ws.store, f->jo, &options, &error);
  g_assert_no_error (error);
  g_assert_false (cp_supervision_sheet_write (sheet, f->ws.store, existing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&sheet, cp_supervision_sheet_free);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_cmpuint (cp_test_count_files (f->ws.dir), ==, before + 1);
  g_assert_cmpuint (n_logged (f, f->jo), ==, 0);

  g_assert_null (cp_supervision_sheet_new_for_person (f->ws.store, 9999, &options, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cp_supervision_sheet_new_for_session (f->ws.store,
                                                       "00000000-0000-4000-8000-000000000000",
                                                       &options, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cp_date_set_today_for_testing (TODAY);

#define ADD(name, func) \
  g_test_add ("/cp/export/supervision/" name, Fixture, NULL, set_up, func, tear_down)
  ADD ("person", test_person_sheet);
  ADD ("session", test_session_sheet);
  ADD ("failures", test_failures);
#undef ADD
  return g_test_run ();
}
