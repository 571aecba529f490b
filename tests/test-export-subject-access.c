/* test-export-subject-access.c: "everything held about this person" as a PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-export-subject-access"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "export/cp-export-subject-access.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

typedef CpTestWorkspace Fixture;

/* The id of Jo, one of the practice people. */
static gint64
jo_id (Fixture *f)
{
  g_autoptr(CpPerson) jo = cp_test_dup_person (f->store, "Jo");

  return cp_person_get_id (jo);
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

  g_assert_true (cp_export_subject_access_pdf (f->store, cp_person_get_id (jo), path, FALSE,
                                               &error));
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
  g_assert_true (cp_export_subject_access_pdf (f->store, cp_person_get_id (edna), path, FALSE,
                                               &error));
  g_assert_no_error (error);
  text = pdf_text (path, &title, &size);
  g_assert_cmpfloat (size, >=, 16.0);
}

/* The map, goal and link fields read as people say them, never as the store's columns
 * and values: chips, rings, sectors, ratings, direction of help, link strength. */
static void
test_everyday_words (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  gint64 jo = jo_id (f);
  static const char *present[] = {
    "[REDACT: Alex], a person: friends, closest to me",
    "helps me, hard going, want more",
    "in touch about once a week",
    "known for over 5 years",
    "gives emotional support, company",
    "help goes from the person to them",   /* stored as 'to_them' */
    "unpaid",
    "met through our work",
    "caution noted by the practitioner",
    "notes: [REDACT: Alex moved nearby]",
    "Running, an activity: clubs, groups & faith, I’d like / lost touch",
    "Link: Running — [REDACT: Alex] (hard going)",
    "Area of life: Family",
    "Importance: 2 of 3",
    "Level at the start: -1",
    "Step: Call [REDACT: Alex] on Sunday; who: [REDACT: Alex]; due: not set; done: not yet",
  };
  static const char *absent[] = {
    "helps_me", "hard_going", "want_more", "to_them", "stressful", "helps 0", "ring 1",
    "family,", "(bits)",
  };

  sql = g_strdup_printf (
    "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, helps_me, "
    "  hard_going, want_more, frequency, years_known, support_types, direction, paid, "
    "  met_through_us, caution, added_on, notes, created_at, updated_at) "
    "SELECT id, 900, 'person', 'Alex', 'friends', 1, 1, 1, 1, 3, 2, 9, 'to_them', 0, 1, 1, "
    "  '2026-02-01', 'Alex moved nearby', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z' "
    "FROM snapshot WHERE person_id = %" G_GINT64_FORMAT " ORDER BY taken_on, id LIMIT 1;"
    "INSERT INTO tie (snapshot_id, a_id, b_id, strength, created_at, updated_at) "
    "SELECT a.snapshot_id, min (a.id, b.id), max (a.id, b.id), 'stressful', "
    "  '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z' "
    "FROM member a JOIN member b ON b.snapshot_id = a.snapshot_id "
    "WHERE a.lineage = 900 AND b.name = 'Running';"
    "UPDATE goal SET life_area = 'family', importance = 2, baseline_level = -1 "
    "WHERE id = (SELECT min (id) FROM goal WHERE person_id = %" G_GINT64_FORMAT ");"
    "INSERT INTO step (goal_id, text, owner, owner_lineage, created_at, updated_at) "
    "SELECT min (id), 'Call Alex on Sunday', 'member', 900, '2026-02-01T00:00:00Z', "
    "  '2026-02-01T00:00:00Z' FROM goal WHERE person_id = %" G_GINT64_FORMAT,
    jo, jo, jo);
  cp_test_edit (f->store, "Test rows", sql);

  text = cp_export_subject_access_text (f->store, jo, &error);
  g_assert_no_error (error);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    if (strstr (text, present[i]) == NULL)
      g_error ("the report lacks \"%s\"", present[i]);
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    if (strstr (text, absent[i]) != NULL)
      g_error ("the report shows \"%s\"", absent[i]);
}

typedef struct
{
  guint left;     /* SQLite steps until the read is interrupted */
  gboolean fired;
} Interrupt;

static int
interrupt_cb (void *data)
{
  Interrupt *interrupt = data;

  if (interrupt->left == 0)
    return 0;
  if (--interrupt->left == 0)
    {
      interrupt->fired = TRUE;
      return 1;
    }
  return 0;
}

/* A read that fails part-way fails the report: it is never handed out short. */
static void
test_failed_read (Fixture       *f,
                  gconstpointer  data)
{
  gint64 jo = jo_id (f);
  sqlite3 *db = _cp_store_get_db (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = cp_export_subject_access_text (f->store, jo, &error);
  guint n_failed = 0;
  guint at;

  g_assert_no_error (error);

  for (at = 1; at < 1000000; at += 3)
    {
      Interrupt interrupt = { at, FALSE };
      g_autofree char *text = NULL;

      sqlite3_progress_handler (db, 1, interrupt_cb, &interrupt);
      text = cp_export_subject_access_text (f->store, jo, &error);
      sqlite3_progress_handler (db, 0, NULL, NULL);

      if (!interrupt.fired)
        {
          g_assert_no_error (error);
          break;
        }

      if (text != NULL)
        {
          /* Interrupted after the last read: then it must be the whole record (the
           * lines from the person on; the header holds the minute it was written). */
          g_assert_no_error (error);
          g_assert_cmpstr (strstr (text, "== The person"), ==, strstr (whole, "== The person"));
          continue;
        }

      g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_FAILED);
      g_clear_error (&error);
      n_failed++;
      /* The workspace is left as it was: no transaction stays open. */
      g_assert_true (sqlite3_get_autocommit (db));
    }

  g_test_message ("%u points of failure tried", n_failed);
  g_assert_cmpuint (n_failed, >, 100);
}

/* The PDF says what language it is in, from the user's locale. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  static const struct
  {
    const char *language;
    const char *lc_all;
    const char *tag;
  } cases[] = {
    { "cy_GB", NULL, "/Lang (cy-GB)" },
    { NULL, "de_AT.UTF-8", "/Lang (de-AT)" },
    { NULL, "C", "/Lang (en)" },
  };
  gint64 jo = jo_id (f);
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *old_lc_all = g_strdup (g_getenv ("LC_ALL"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "lang.pdf", NULL);
      g_autofree char *bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;

      if (cases[i].language != NULL)
        g_setenv ("LANGUAGE", cases[i].language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      if (cases[i].lc_all != NULL)
        g_setenv ("LC_ALL", cases[i].lc_all, TRUE);

      g_assert_true (cp_export_subject_access_pdf (f->store, jo, path, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
      if (!cp_test_data_has (bytes, len, cases[i].tag))
        g_error ("the PDF lacks %s", cases[i].tag);
      g_remove (path);
    }

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (old_lc_all != NULL)
    g_setenv ("LC_ALL", old_lc_all, TRUE);
  else
    g_unsetenv ("LC_ALL");
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

/* What supervision wrote about the person's plan is theirs to see: the comments, the
 * actions and the sign-off of each session that discussed them; never another person's
 * part of the same session, and never the worker's reflection. */
static void
test_supervision (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) edna = cp_test_dup_person (f->store, "Edna");
  g_autofree char *uuid = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *action = NULL;
  g_autofree char *other = NULL;
  g_autofree char *text = NULL;
  gint64 jo = jo_id (f);
  gint64 people[2] = { jo, cp_person_get_id (edna) };

  cp_date_set_today_for_testing ("2026-03-10");
  uuid = cp_store_add_supervision_session (f->store, "2026-03-09", "team manager", people, 2,
                                           &error);
  g_assert_no_error (error);
  comment = cp_store_add_supervision_comment (f->store, uuid, jo, "The running goal is hers",
                                              &error);
  g_assert_no_error (error);
  action = cp_store_add_supervision_action (f->store, uuid, jo, "Find the club's times",
                                            "practitioner", "2026-03-20", &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_sign_off_supervision (f->store, uuid, jo, "Pat Lee", "Team manager",
                                                "2026-03-09", &error));
  other = cp_store_add_supervision_comment (f->store, uuid, people[1], "Choir plan for E",
                                            &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_set_worker_reflection (f->store, uuid, "Lifts are getting hard",
                                                 &error));

  text = cp_export_subject_access_text (f->store, jo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Supervision of the plan: 2026-03-09"));
  g_assert_nonnull (strstr (text, "The running goal is hers"));
  g_assert_nonnull (strstr (text, "Find the club's times; who: practitioner; by: 2026-03-20; open"));
  g_assert_nonnull (strstr (text, "Plan reviewed in supervision on 2026-03-09 by Pat Lee, "
                                  "Team manager"));
  g_assert_null (strstr (text, "Choir plan for E"));
  g_assert_null (strstr (text, "Lifts are getting hard"));
  cp_date_set_today_for_testing (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cp/export/subject-access/" name, Fixture, NULL, \
              cp_test_workspace_set_up_practice, func, cp_test_workspace_tear_down)
  ADD ("report", test_report);
  ADD ("large-print", test_large_print);
  ADD ("everyday-words", test_everyday_words);
  ADD ("failed-read", test_failed_read);
  ADD ("language", test_language);
  ADD ("supervision", test_supervision);
#undef ADD
  g_test_add_func ("/cp/export/subject-access/markdown-escapes", test_markdown_escapes);

  return g_test_run ();
}
