/* test-export-decision.c: the supervision decision copied for the case record
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exact text with a sign-off and actions (one done, one due, one undated), and
 * without either; never the worker's reflection, which no subject access report holds
 * either; a person not discussed, or a session gone, is NOT_FOUND.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-export-decision"

#include <string.h>

#include "cp-test-util.h"
#include "export/cp-export-decision.h"
#include "export/cp-export-subject-access.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

#define REFLECTION "Robin has my personal mobile number and texts me at night."

typedef struct
{
  CpTestWorkspace  ws;
  gint64           robin;
  gint64           alex;
  char            *session;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 both[2];

  cp_date_set_today_for_testing ("2026-03-01");
  cp_test_workspace_set_up (&f->ws, NULL);
  f->robin = cp_test_add_person (f->ws.store, "Robin Lee");
  f->alex = cp_test_add_person (f->ws.store, "Alex Moss");
  both[0] = f->robin;
  both[1] = f->alex;
  f->session = cp_store_add_supervision_session (f->ws.store, "2026-02-27",
                                                 "team manager\n\npractitioner\n", both, 2,
                                                 &error);
  g_assert_no_error (error);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_free (f->session);
  cp_test_workspace_tear_down (&f->ws, NULL);
  cp_date_set_today_for_testing (NULL);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;
  g_autofree char *access = NULL;

  g_free (cp_store_add_supervision_action (f->ws.store, f->session, f->robin,
                                           "Look for a walking group near Robin",
                                           "practitioner", "2026-03-14", &error));
  done = cp_store_add_supervision_action (f->ws.store, f->session, f->robin,
                                          "Ring the housing officer", "team manager", NULL,
                                          &error);
  g_free (cp_store_add_supervision_action (f->ws.store, f->session, f->robin,
                                           "Ask Robin what the choir means to them",
                                           "practitioner", NULL, &error));
  g_free (cp_store_add_supervision_action (f->ws.store, f->session, f->alex,
                                           "Alex's action", "practitioner", NULL, &error));
  g_assert_true (cp_store_set_supervision_action_done (f->ws.store, done, "2026-02-28",
                                                       &error));
  g_free (cp_store_add_supervision_comment (f->ws.store, f->session, f->robin,
                                            "The steps are all the worker's.", &error));
  g_assert_true (cp_store_sign_off_supervision (f->ws.store, f->session, f->robin, "Pat Lee",
                                                "Team manager", "2026-02-28", &error));
  g_assert_true (cp_store_set_worker_reflection (f->ws.store, f->session, REFLECTION,
                                                 &error));
  g_assert_no_error (error);

  text = cp_export_decision_text (f->ws.store, f->session, f->robin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Supervision decision · from Connecting People Kit\n"
                   "About: Robin\n"
                   "Session: 27 February 2026, with team manager, practitioner\n"
                   "\n"
                   "Plan reviewed in supervision on 28 February 2026 by Pat Lee, Team manager.\n"
                   "\n"
                   "Agreed actions\n"
                   "- Look for a walking group near Robin — practitioner, by 14 March 2026\n"
                   "- Ring the housing officer — team manager, done on 28 February 2026\n"
                   "- Ask Robin what the choir means to them — practitioner\n");
  g_assert_null (strstr (text, "mobile"));

  /* The reflection is about the worker: never in what the person can ask for. */
  access = cp_export_subject_access_text (f->ws.store, f->robin, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (access, "Robin"));
  g_assert_null (strstr (access, "mobile"));
}

static void
test_nothing_yet (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 robin[1];
  g_autofree char *bare = NULL;

  text = cp_export_decision_text (f->ws.store, f->session, f->alex, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "Supervision decision · from Connecting People Kit\n"
                   "About: Alex\n"
                   "Session: 27 February 2026, with team manager, practitioner\n"
                   "\n"
                   "The plan is not signed off yet.\n"
                   "\n"
                   "Agreed actions\n"
                   "- None agreed.\n");

  /* No one said who was there. */
  robin[0] = f->robin;
  bare = cp_store_add_supervision_session (f->ws.store, "2026-02-01", NULL, robin, 1, &error);
  g_clear_pointer (&text, g_free);
  text = cp_export_decision_text (f->ws.store, bare, f->robin, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "Supervision decision · from Connecting People Kit\n"
                                         "About: Robin\n"
                                         "Session: 1 February 2026\n\n"));
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 carol = cp_test_add_person (f->ws.store, "Carol");

  g_assert_null (cp_export_decision_text (f->ws.store, f->session, carol, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cp_store_delete_supervision_session (f->ws.store, f->session, &error));
  g_assert_null (cp_export_decision_text (f->ws.store, f->session, f->robin, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cp/supervision/decision/text", Fixture, NULL, set_up, test_text, tear_down);
  g_test_add ("/cp/supervision/decision/nothing-yet", Fixture, NULL, set_up, test_nothing_yet,
              tear_down);
  g_test_add ("/cp/supervision/decision/not-found", Fixture, NULL, set_up, test_not_found,
              tear_down);

  return g_test_run ();
}
