/* test-trust-erase.c: closing, erasing permanently, and "everything held about this
 * person"
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-trust-erase"

#include <string.h>

#include "cp-test-util.h"
#include "export/cp-export-subject-access.h"
#include "store/cp-store-disclosure.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-pack.h"
#include "store/cp-store-reviews.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

#define NAME        "Zebedee Quartermaine-7731"
#define OLD_NAME    "Philomena Grisewood-3318"
#define NOTES       "Talked with Cassiopeia Wrenfield-2284 about Vortigern-4409."
#define SHARING     "Share the plan with Hortensia-3390"
#define LANGUAGE    "Tigrinya-2208"
#define SISTER      "Cassiopeia Wrenfield-2284 (sister)"
#define SISTER_SHORT "Cassiopeia Wrenfield-2284"
#define FRIEND      "Barnaby Thistlewood-6650"
#define FRIEND_NOTE "Barnaby drives, Leontyne-7002"
#define PLACE       "Gasworks Cafe-1177"
#define MAP_LABEL   "Baseline Sorrel-6120"
#define GOAL        "Learn to swim with Ignatius-8826"
#define STEP        "Ring Oriel-5530 about lessons"
#define REVIEW      "Reviewed with Lysander-9942"
#define RATING      "Rated by Peregrine-4471"
#define NEWCOMER    "Hyacinth Newcomer-4242"
#define NEWCOMER_NOTE "Met Oswin-5151 at the allotment"
#define RENAMED     "Cassiopeia Wrenfield-2284 (big sister)"
#define SENT_TO     "Mirabel-6363 at the surgery"
#define SENT_WHAT   "Plan for Ptolemy-7474"
#define IF_HARD     "I will ring Tamsin-3141"
#define BARRIER     "Bus fare to Quimby-5656"
#define OWN_VIEW    "Felt brave with Ulrica-7878"
#define PICK_NOTE   "Wexford-9090 moved away"
#define ROLE        "Xanthe-2323 the housing officer"
#define COMMENT     "Supervisor asks about Aurelio-1357"
#define ACTION      "Find Bellamy-2468 a group"
#define OWNER       "Cressida-3579 the link worker"
#define KEEPER      "Keeper Person-1212"
#define KEEPER_MEMBER "Quentin Keeperfriend-1010"

static const char *canaries[] = {
  NAME, OLD_NAME, "Vortigern-4409", "Hortensia-3390", LANGUAGE, SISTER_SHORT, FRIEND,
  "Leontyne-7002", PLACE, MAP_LABEL, "Ignatius-8826", "Oriel-5530", "Lysander-9942",
  "Peregrine-4471", NEWCOMER, "Oswin-5151", "(big sister)", "Mirabel-6363", "Ptolemy-7474",
  "Tamsin-3141", "Quimby-5656", "Ulrica-7878", "Wexford-9090", "Xanthe-2323",
  "Aurelio-1357", "Bellamy-2468", "Cressida-3579",
};

typedef struct
{
  CpTestWorkspace ws;
  gint64          id;
  gint64          keeper;
} Fixture;

static void
exec_action (CpStore    *store,
             const char *sql)
{
  cp_test_edit (store, "Test rows", sql);
}

typedef struct
{
  const char *member;
  const char *friend_name;
  const char *friend_note;
  const char *place;
  const char *map_label;
  const char *goal;
  const char *step;
  const char *review;
  const char *rating;
  const char *newcomer;       /* on the review map only */
  const char *newcomer_note;
  const char *renamed;        /* the first member's name on the review map */
  const char *sent_to;        /* the disclosure log */
  const char *sent_what;
  const char *if_hard;        /* the plan, through the goals and reviews API */
  const char *barrier;
  const char *own_view;
  const char *pick_note;
  const char *role;
  const char *comment;        /* the supervision record */
  const char *action;
  const char *owner;
} Texts;

static const Texts canary_texts = {
  SISTER, FRIEND, FRIEND_NOTE, PLACE, MAP_LABEL, GOAL, STEP, REVIEW, RATING,
  NEWCOMER, NEWCOMER_NOTE, RENAMED, SENT_TO, SENT_WHAT, IF_HARD, BARRIER, OWN_VIEW, PICK_NOTE,
  ROLE, COMMENT, ACTION, OWNER
};
static const Texts keeper_texts = {
  KEEPER_MEMBER, "Keeper friend", "Keeper friend note", "Keeper place", "Keeper map",
  "Keeper goal", "Keeper step", "Keeper review", "Keeper rating", "Keeper newcomer",
  "Keeper newcomer note", "Keeper renamed", "Keeper recipient", "Keeper plan", "Keeper if hard",
  "Keeper barrier", "Keeper own view", "Keeper pick note", "Keeper role", "Keeper comment",
  "Keeper action", "Keeper owner"
};

/* Replaces the text in *@field (a record's field) with a copy of @text. */
static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* A goal with "if it gets hard", a barrier and a step someone else does, and a review
 * with the person's own view and a barrier pick, through the store as the goals pages
 * write them (so the undo history holds them too). */
static void
add_plan (CpStore     *store,
          gint64       id,
          const Texts *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(CpStepInfo) step = cp_step_info_new ();
  g_autoptr(CpReviewInfo) review = cp_review_info_new ();
  g_autofree char *today = cp_date_today ();
  gint64 goal_id;

  set_text (&goal->text, "A goal");
  set_text (&goal->if_hard, t->if_hard);
  goal_id = cp_store_add_goal (store, id, goal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_add_goal_barrier (store, goal_id, t->barrier, "", &error), >, 0);
  set_text (&step->text, "A step");
  step->owner = CP_STEP_OWNER_SOMEONE;
  set_text (&step->owner_role, t->role);
  g_assert_cmpint (cp_store_add_step (store, goal_id, step, &error), >, 0);

  g_free (review->held_on);
  review->held_on = g_steal_pointer (&today);
  set_text (&review->own_view, t->own_view);
  cp_review_info_add_rating (review, goal_id, CP_GOAL_NOT_SET, CP_PROGRESS_FURTHER, "");
  cp_review_info_add_barrier (review, CP_BARRIER_MONEY, t->pick_note);
  g_assert_cmpint (cp_store_add_review (store, id, review, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* The review map, through the store as the app makes it: a copy of the baseline (names,
 * notes, ties), a member renamed, a newcomer with notes; and a disclosure. */
static void
add_review_and_log (CpStore     *store,
                    gint64       id,
                    const Texts *t)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 review;
  gint64 newcomer;

  review = cp_store_start_review_map (store, id, &error);
  g_assert_no_error (error);
  model = cp_store_load_snapshot (store, review, &error);
  g_assert_no_error (error);
  g_assert_true (cp_store_rename_member (store, cp_netmap_model_find (model, 1)->id,
                                         t->renamed, &error));
  newcomer = cp_store_add_member (store, review, CP_NETMAP_KIND_PERSON, t->newcomer,
                                  CP_NETMAP_SECTOR_GROUPS, 2, &error);
  g_assert_true (cp_store_set_member_notes (store, newcomer, t->newcomer_note, &error));
  g_assert_true (cp_store_set_member_mark (store, newcomer, CP_MEMBER_MARK_MOSTLY_ONLINE, TRUE,
                                           &error));
  g_assert_true (cp_store_set_tie (store, newcomer, cp_netmap_model_find (model, 2)->id,
                                   CP_NETMAP_TIE_STRONG, &error));
  g_assert_cmpint (cp_store_add_disclosure (store, id, CP_DISCLOSURE_PERSON_COPY, t->sent_what,
                                            t->sent_to, &error), >, 0);
  g_assert_no_error (error);
}

static gint64
add_person_with_everything (CpStore     *store,
                            const char  *name,
                            const Texts *t,
                            gint64       base)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  id = cp_store_add_person (store, name, &error);
  g_assert_no_error (error);

#define B "%1$" G_GINT64_FORMAT
  sql = g_strdup_printf (
    "INSERT INTO snapshot (id, person_id, label, taken_on, notes, created_at, updated_at) "
    "VALUES (" B ", %2$" G_GINT64_FORMAT ", '%7$s', '2026-02-01', "
    "'map notes', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');"
    "INSERT INTO member (id, snapshot_id, lineage, kind, name, sector, ring, added_on, notes, "
    "created_at, updated_at) VALUES "
    "(" B ", " B ", 1, 'person', '%3$s', 'family', 1, "
    "'2026-02-01', '', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'),"
    "(" B " + 1, " B ", 2, 'person', '%4$s', 'friends', "
    "2, '2026-02-01', '%5$s', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'),"
    "(" B " + 2, " B ", 3, 'place', '%6$s', "
    "'neighbours', 3, '2026-02-01', '', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');"
    "INSERT INTO tie (snapshot_id, a_id, b_id, strength, created_at, updated_at) VALUES "
    "(" B ", " B ", " B " + 1, 'weak', "
    "'2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');"
    "INSERT INTO goal (id, person_id, text, created_at, updated_at) VALUES "
    "(" B ", %2$" G_GINT64_FORMAT ", '%8$s', '2026-02-01T00:00:00Z', "
    "'2026-02-01T00:00:00Z');"
    "INSERT INTO step (goal_id, text, owner, owner_lineage, created_at, updated_at) VALUES "
    "(" B ", '%9$s', 'member', 1, '2026-02-01T00:00:00Z', "
    "'2026-02-01T00:00:00Z');"
    "INSERT INTO goal_member (goal_id, lineage, created_at) VALUES "
    "(" B ", 2, '2026-02-01T00:00:00Z');"
    "INSERT INTO review (id, person_id, held_on, notes, created_at, updated_at) VALUES "
    "(" B ", %2$" G_GINT64_FORMAT ", '2026-03-01', '%10$s', "
    "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');"
    "INSERT INTO rating (review_id, goal_id, level, note, created_at, updated_at) VALUES "
    "(" B ", " B ", 1, '%11$s', "
    "'2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');",
    base, id, t->member, t->friend_name, t->friend_note, t->place, t->map_label, t->goal,
    t->step, t->review, t->rating);
#undef B
  exec_action (store, sql);
  add_review_and_log (store, id, t);
  add_plan (store, id, t);

  return id;
}

/* One supervision session that discussed both people, with a comment, an action and a
 * sign-off for each, the worker's reflection, and a pack sent for both, through the store
 * as the supervision section writes them. */
static void
add_supervision (CpStore     *store,
                 gint64       keeper,
                 gint64       id)
{
  const Texts *texts[] = { &keeper_texts, &canary_texts };
  gint64 people[] = { keeper, id };
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  CpPackChoice choice = { CP_PACK_RECIPIENT_LINE_SUPERVISOR, people, G_N_ELEMENTS (people),
                          FALSE };

  session = cp_store_add_supervision_session (store, "2026-03-02", "team manager", people,
                                              G_N_ELEMENTS (people), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *comment = NULL;
      g_autofree char *action = NULL;

      comment = cp_store_add_supervision_comment (store, session, people[i], texts[i]->comment,
                                                  &error);
      action = cp_store_add_supervision_action (store, session, people[i], texts[i]->action,
                                                texts[i]->owner, NULL, &error);
      g_assert_true (cp_store_sign_off_supervision (store, session, people[i], "Pat Lee",
                                                    "Team manager", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (cp_store_set_worker_reflection (store, session, "Boundaries hold", &error));
  g_assert_no_error (error);

  /* The pack as the app records it: sent_pack rows and an entry in each disclosure log. */
  g_assert_true (cp_store_record_sent_pack (store, "0b6f2a52-6a4e-4c1e-9a57-3f1f5b7e2c10",
                                            &choice, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cp_test_workspace_init (&f->ws, "erase.cpkit");
  f->keeper = add_person_with_everything (f->ws.store, KEEPER, &keeper_texts, 100);
  f->id = add_person_with_everything (f->ws.store, OLD_NAME, &canary_texts, 200);
  add_supervision (f->ws.store, f->keeper, f->id);

  /* Older versions of the record in the undo history and in the file's free space. */
  g_assert_true (cp_store_rename_person (f->ws.store, f->id, NAME, &error));
  g_assert_true (cp_store_set_person_notes (f->ws.store, f->id, NOTES, &error));
  g_assert_true (cp_store_set_person_sharing (f->ws.store, f->id, SHARING, &error));
  g_assert_true (cp_store_set_person_agreed_on (f->ws.store, f->id, "2026-01-10", &error));
  g_assert_true (cp_store_set_person_keep_agreed_on (f->ws.store, f->id, "2026-01-12", &error));
  g_assert_true (cp_store_set_person_communication (f->ws.store, f->id,
                                                    CP_COMMUNICATION_INTERPRETER |
                                                    CP_COMMUNICATION_EASY_READ,
                                                    LANGUAGE, "Short sessions", &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, f->id, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, "2025-01-31", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_workspace_clear (&f->ws);
}

static void
test_list_erasable (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 today_closed;
  gint64 active;

  today_closed = cp_store_add_person (f->ws.store, "Closed today", &error);
  g_assert_true (cp_store_set_person_status (f->ws.store, today_closed, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  active = cp_store_add_person (f->ws.store, "Active", &error);
  g_assert_no_error (error);
  g_assert_cmpint (active, >, 0);

  /* Closed on 2025-01-31: erasable after a year, not the one closed today. */
  list = cp_store_list_erasable (f->ws.store, 365);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (cp_store_count_erasable (f->ws.store, 365), ==, 1);
  g_assert_cmpint (cp_person_get_id (g_ptr_array_index (list, 0)), ==, f->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cp_store_list_erasable (f->ws.store, 0);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (cp_store_count_erasable (f->ws.store, 0), ==, 2);
  g_assert_cmpint (cp_person_get_id (g_ptr_array_index (list, 1)), ==, today_closed);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cp_store_list_erasable (f->ws.store, 100000);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (cp_store_count_erasable (f->ws.store, 100000), ==, 0);
}

static void
assert_files_hold (const char *path,
                   const char *canary,
                   gboolean    want)
{
  g_autofree char *which = NULL;
  gboolean held = cp_test_workspace_files_hold (path, canary, &which);

  if (held != want)
    g_error ("%s: canary %s %s", which ? which : path, canary,
             want ? "missing before erasing" : "still there after erasing");
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->ws.dir, "copy.cpkit", NULL);
  g_autofree char *keeper_before = NULL;
  g_autofree char *keeper_after = NULL;
  sqlite3 *db = _cp_store_get_db (f->ws.store);

  /* The control: before erasing, the files hold every canary (so the search works). */
  g_assert_true (cp_store_save_copy (f->ws.store, copy, FALSE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (canaries); i++)
    assert_files_hold (f->ws.path, canaries[i], TRUE);
  g_assert_true (cp_store_can_undo (f->ws.store));
  keeper_before = cp_export_subject_access_text (f->ws.store, f->keeper, &error);
  g_assert_no_error (error);

  g_assert_true (cp_store_erase_person (f->ws.store, f->id, &error));
  g_assert_no_error (error);

  /* Gone from the model, with all of their rows; the undo history is gone too. */
  g_assert_null (cp_store_find_person (f->ws.store, f->id));
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (f->ws.store)), ==, 1);
  g_assert_false (cp_store_can_undo (f->ws.store));
  g_assert_false (cp_store_can_redo (f->ws.store));
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM snapshot"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM member"), ==, 3 + 4);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM tie"), ==, 1 + 2);
  /* The other person's own entry, and the one for the pack sent. */
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM disclosure"), ==, 1 + 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM goal"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM step"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM goal_member"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM goal_barrier"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM review"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM rating"), ==, 2);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM review_barrier"), ==, 1);
  /* The supervision session stays for the other person, with the worker's reflection
   * (about the worker, not about anyone erased), and so does the pack sent. */
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_session"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_person"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_comment"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_action"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_signoff"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM worker_reflection"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sent_pack"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM sent_pack_person"), ==, 1);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM supervision_comment "
                                       "WHERE text = 'Keeper comment'"), ==, 1);

  /* The other person is untouched (their text differs only in its date line). */
  keeper_after = cp_export_subject_access_text (f->ws.store, f->keeper, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (strstr (keeper_after, "== The person"), ==,
                   strstr (keeper_before, "== The person"));

  /* Erasing again: not found. */
  g_assert_false (cp_store_erase_person (f->ws.store, f->id, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No copy stays in the workspace's files, open or closed. */
  for (guint i = 0; i < G_N_ELEMENTS (canaries); i++)
    assert_files_hold (f->ws.path, canaries[i], FALSE);
  assert_files_hold (f->ws.path, KEEPER, TRUE);
  cp_store_close (f->ws.store);
  for (guint i = 0; i < G_N_ELEMENTS (canaries); i++)
    assert_files_hold (f->ws.path, canaries[i], FALSE);
  assert_files_hold (f->ws.path, KEEPER, TRUE);

  /* The workspace is sound. */
  db = cp_test_db_open_raw (f->ws.path);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM pragma_integrity_check "
                                       "WHERE integrity_check != 'ok'"), ==, 0);
  sqlite3_close (db);

  /* Copies made before are not touched (the UI says so). */
  assert_files_hold (copy, NAME, TRUE);
}

static void
test_erase_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) ro = NULL;

  g_clear_object (&f->ws.store);
  ro = cp_store_open (f->ws.path, CP_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (cp_store_erase_person (ro, f->id, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (cp_store_find_person (ro, f->id));
}

/* Every occurrence of @name in @text is inside a [REDACT: …] marker. */
static void
assert_always_redacted (const char *text,
                        const char *name)
{
  guint n = 0;

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      g_autofree char *before = g_strndup (text, p - text);
      const char *open = g_strrstr (before, "[REDACT: ");

      /* Inside a marker: one opened before it and not closed since. */
      g_assert_nonnull (open);
      g_assert_null (strchr (open, ']'));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_subject_access (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cp_export_subject_access_text (f->ws.store, f->id, &error);
  static const char *present[] = {
    NAME, "Vortigern-4409", SHARING, LANGUAGE, "easy read", "Short sessions", MAP_LABEL,
    "2026-02-01", PLACE, GOAL, "Ring Oriel-5530", REVIEW, RATING, "2026-03-01",
    "closed on 2025-01-31", "2026-01-10", "2026-01-12", "Everything held about this person",
    "How the goal went", "level +1", "Link", "Review 1", "mostly online",
    "the person’s own copy of their plan; to: Mirabel-6363 at the surgery; Plan for "
    "Ptolemy-7474", IF_HARD, BARRIER, OWN_VIEW, PICK_NOTE, ROLE, "further on",
  };

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s", text);

  for (guint i = 0; i < G_N_ELEMENTS (present); i++)
    if (strstr (text, present[i]) == NULL)
      g_error ("subject access text lacks %s", present[i]);

  /* Third parties: marked wherever they appear, even inside the person's own notes. */
  g_assert_nonnull (strstr (text, "[REDACT: " SISTER "]"));
  g_assert_nonnull (strstr (text, "[REDACT: " FRIEND "]"));
  g_assert_nonnull (strstr (text, "[REDACT: " FRIEND_NOTE "]"));
  g_assert_nonnull (strstr (text, "Talked with [REDACT: " SISTER_SHORT "]"));
  g_assert_nonnull (strstr (text, "[REDACT: " RENAMED "]"));
  g_assert_nonnull (strstr (text, "[REDACT: " NEWCOMER "]"));
  g_assert_nonnull (strstr (text, "[REDACT: " NEWCOMER_NOTE "]"));
  /* Both maps hold the friend's note: it is marked on each. */
  {
    const char *first = strstr (text, "[REDACT: " FRIEND_NOTE "]");

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, "[REDACT: " FRIEND_NOTE "]"));
  }
  assert_always_redacted (text, NEWCOMER);
  assert_always_redacted (text, "Oswin-5151");
  assert_always_redacted (text, SISTER_SHORT);
  assert_always_redacted (text, FRIEND);
  assert_always_redacted (text, "Leontyne-7002");
  /* A place is not a person. */
  g_assert_null (strstr (text, "[REDACT: " PLACE));

  /* Nothing of the worker's own reflection at supervision: it is about the worker. */
  g_assert_null (strstr (text, "Boundaries hold"));

  /* Nothing of anyone else on the caseload; no earlier name. */
  g_assert_null (strstr (text, KEEPER));
  g_assert_null (strstr (text, KEEPER_MEMBER));
  g_assert_null (strstr (text, OLD_NAME));

  g_clear_pointer (&text, g_free);
  text = cp_export_subject_access_text (f->ws.store, 9999, &error);
  g_assert_null (text);
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cp/trust/erase/list-erasable", test_list_erasable);
  ADD ("/cp/trust/erase/canaries-gone", test_erase);
  ADD ("/cp/trust/erase/read-only", test_erase_read_only);
  ADD ("/cp/trust/subject/everything-held", test_subject_access);
#undef ADD

  return g_test_run ();
}
