/* test-store-reviews.c: reviews in one undo step, the next review's one home, overdue and
 * check-in flags across month ends and leap days, history, and the 0007 migration
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-reviews"

#include <math.h>
#include <string.h>

#include "store/cp-migrations.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-reviews.h"
#include "test-store-netmap-util.h"
#include "util/cp-date.h"

#define REFUSED NETMAP_REFUSED

/* Replaces the text in *@field (a record's field) with a copy of @text. */
static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static gint64
add_goal (NetmapFixture *f,
          gint64         person,
          const char    *text,
          int            importance,
          int            difficulty)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  set_text (&goal->text, text);
  goal->importance = importance;
  goal->difficulty = difficulty;
  id = cp_store_add_goal (f->store, person, goal, &error);
  g_assert_no_error (error);

  return id;
}

static CpReviewInfo *
review_on (const char *held_on)
{
  CpReviewInfo *review = cp_review_info_new ();

  set_text (&review->held_on, held_on);

  return review;
}

static const char *
next_review_of (NetmapFixture *f,
                gint64         person)
{
  return cp_person_get_next_review (cp_store_find_person (f->store, person));
}

/* ---- Recording a review --------------------------------------------------------------- */

static void
test_record_review (NetmapFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpReviewInfo) review = review_on ("2026-02-20");
  g_autoptr(CpPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 run = add_goal (f, f->person, "Run with other people", 3, 2);
  gint64 sing = add_goal (f, f->person, "Sing again", CP_GOAL_NOT_SET, CP_GOAL_NOT_SET);
  const CpReviewInfo *read;
  const CpReviewInfo *latest_review = NULL;
  gint64 id;

  set_text (&review->attended, "Robin, Sam, the worker");
  set_text (&review->own_view, "I went twice and it felt good");
  set_text (&review->new_contacts, "Lena from the group");
  set_text (&review->next_steps, "Go on my own");
  cp_review_info_add_rating (review, run, 1, CP_PROGRESS_NONE, "Went twice");
  cp_review_info_add_rating (review, sing, CP_GOAL_NOT_SET, CP_PROGRESS_HARDER, "");
  cp_review_info_add_barrier (review, CP_BARRIER_TRANSPORT, "The bus was late");
  cp_review_info_add_barrier (review, CP_BARRIER_SAFETY, NULL);

  before = netmap_fixture_dump (f);
  id = cp_store_add_review (f->store, f->person, review, "2026-04-03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Record review");
  netmap_fixture_assert_changed (f, "review");
  netmap_fixture_assert_changed (f, "rating");
  g_assert_cmpstr (next_review_of (f, f->person), ==, "2026-04-03");

  plan = cp_store_read_plan (f->store, f->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->goals->len, ==, 2);
  g_assert_cmpuint (plan->reviews->len, ==, 1);
  read = g_ptr_array_index (plan->reviews, 0);
  g_assert_cmpstr (read->own_view, ==, "I went twice and it felt good");
  g_assert_cmpstr (read->attended, ==, "Robin, Sam, the worker");
  g_assert_cmpuint (read->ratings->len, ==, 2);
  g_assert_cmpint (cp_review_info_find_rating (read, run)->level, ==, 1);
  g_assert_cmpint (cp_review_info_find_rating (read, run)->progress, ==, CP_PROGRESS_NONE);
  g_assert_cmpint (cp_review_info_find_rating (read, sing)->level, ==, CP_GOAL_NOT_SET);
  g_assert_cmpint (cp_review_info_find_rating (read, sing)->progress, ==, CP_PROGRESS_HARDER);
  g_assert_cmpuint (read->barriers->len, ==, 2);
  g_assert_cmpint (((CpReviewBarrier *) read->barriers->pdata[0])->barrier, ==,
                   CP_BARRIER_TRANSPORT);
  g_assert_cmpstr (((CpReviewBarrier *) read->barriers->pdata[0])->note, ==,
                   "The bus was late");
  g_assert_cmpint (((CpReviewBarrier *) read->barriers->pdata[1])->barrier, ==,
                   CP_BARRIER_SAFETY);
  g_assert_true (cp_plan_get_latest_rating (plan, run, &latest_review) ==
                 cp_review_info_find_rating (read, run));
  g_assert_true (latest_review == read);

  /* One undo takes the review, its ratings, picks and the next review date together. */
  after = cp_test_db_dump (_cp_store_get_db (f->store));
  netmap_fixture_undo (f);
  {
    g_autofree char *undone = cp_test_db_dump (_cp_store_get_db (f->store));

    g_assert_cmpstr (undone, ==, before);
    g_assert_null (next_review_of (f, f->person));
  }
  netmap_fixture_redo (f);
  {
    g_autofree char *redone = cp_test_db_dump (_cp_store_get_db (f->store));

    g_assert_cmpstr (redone, ==, after);
  }

  /* Editing replaces the ratings and picks; the next review stays the person's. */
  g_ptr_array_set_size (review->ratings, 0);
  g_ptr_array_set_size (review->barriers, 0);
  cp_review_info_add_rating (review, run, 2, CP_PROGRESS_NONE, "Every week now");
  cp_review_info_add_barrier (review, CP_BARRIER_CONFIDENCE, "");
  g_assert_true (cp_store_update_review (f->store, id, review, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cp_store_get_undo_label (f->store), ==, "Edit review");
  g_clear_pointer (&plan, cp_plan_free);
  plan = cp_store_read_plan (f->store, f->person, &error);
  read = g_ptr_array_index (plan->reviews, 0);
  g_assert_cmpuint (read->ratings->len, ==, 1);
  g_assert_cmpint (cp_review_info_find_rating (read, run)->level, ==, 2);
  g_assert_null (cp_review_info_find_rating (read, sing));
  g_assert_cmpuint (read->barriers->len, ==, 1);
  g_assert_cmpstr (next_review_of (f, f->person), ==, "2026-04-03");

  g_assert_true (cp_store_delete_review (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM rating"), ==, 0);
  g_assert_cmpint (cp_test_db_int (_cp_store_get_db (f->store),
                                   "SELECT count(*) FROM review_barrier"), ==, 0);
}

static void
test_bad_review (NetmapFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autoptr(CpReviewInfo) review = NULL;
  gint64 goal = add_goal (f, f->person, "Sing again", 1, 1);
  gint64 other = cp_store_add_person (f->store, "Kit", &err);
  gint64 theirs = add_goal (f, other, "Kit's goal", 1, 1);

  g_assert_no_error (err);

  review = review_on ("2026-03-02");
  REFUSED (f, "in the future", cp_store_add_review (f->store, f->person, review, NULL, error));
  g_clear_pointer (&review, cp_review_info_free);

  review = review_on ("2026-02-20");
  cp_review_info_add_rating (review, goal, 1, CP_PROGRESS_FURTHER, "");
  REFUSED (f, "not both", cp_store_add_review (f->store, f->person, review, NULL, error));
  g_clear_pointer (&review, cp_review_info_free);

  review = review_on ("2026-02-20");
  cp_review_info_add_rating (review, goal, 3, CP_PROGRESS_NONE, "");
  REFUSED (f, "between −2 and +2",
           cp_store_add_review (f->store, f->person, review, NULL, error));
  g_clear_pointer (&review, cp_review_info_free);

  review = review_on ("2026-02-20");
  cp_review_info_add_barrier (review, CP_BARRIER_SAFETY, "He threatened me");
  REFUSED (f, "record this in the case record",
           cp_store_add_review (f->store, f->person, review, NULL, error));
  g_clear_pointer (&review, cp_review_info_free);

  /* A rating of someone else's goal leaves no review behind. */
  review = review_on ("2026-02-20");
  cp_review_info_add_rating (review, goal, 0, CP_PROGRESS_NONE, "");
  cp_review_info_add_rating (review, theirs, 0, CP_PROGRESS_NONE, "");
  REFUSED (f, "not this person’s",
           cp_store_add_review (f->store, f->person, review, NULL, error));
  g_clear_pointer (&review, cp_review_info_free);

  review = review_on ("2026-02-20");
  REFUSED (f, "before this one",
           cp_store_add_review (f->store, f->person, review, "2026-02-19", error));
  REFUSED (f, "real date",
           cp_store_add_review (f->store, f->person, review, "2026-02-30", error));
}

/* ---- Dates of the plan ---------------------------------------------------------------- */

static void
test_schedule (NetmapFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autofree char *over_month = cp_review_schedule ("2026-01-20", 6);
  g_autofree char *leap = cp_review_schedule ("2028-01-18", 6);
  g_autofree char *not_leap = cp_review_schedule ("2027-01-18", 6);
  g_autofree char *year_end = cp_review_schedule ("2026-12-01", CP_REVIEW_DEFAULT_WEEKS);

  g_assert_cmpstr (over_month, ==, "2026-03-03");
  g_assert_cmpstr (leap, ==, "2028-02-29");
  g_assert_cmpstr (not_leap, ==, "2027-03-01");
  g_assert_cmpstr (year_end, ==, "2027-01-12");
  g_assert_null (cp_review_schedule ("2026-02-29", 6));

  /* The plan agreed: the first review six weeks on, in the same undo step. */
  g_assert_true (cp_store_set_person_plan_agreed_on (f->store, f->person, "2026-01-20",
                                                     CP_REVIEW_DEFAULT_WEEKS, &err));
  g_assert_no_error (err);
  g_assert_cmpstr (cp_person_get_plan_agreed_on (cp_store_find_person (f->store, f->person)),
                   ==, "2026-01-20");
  g_assert_cmpstr (next_review_of (f, f->person), ==, "2026-03-03");
  netmap_fixture_undo (f);
  g_assert_null (next_review_of (f, f->person));
  g_assert_null (cp_person_get_plan_agreed_on (cp_store_find_person (f->store, f->person)));
  netmap_fixture_redo (f);

  /* A next review already set is kept. */
  g_assert_true (cp_store_set_person_plan_agreed_on (f->store, f->person, "2026-01-27",
                                                     CP_REVIEW_DEFAULT_WEEKS, &err));
  g_assert_cmpstr (next_review_of (f, f->person), ==, "2026-03-03");

  REFUSED (f, "still to come",
           cp_store_set_person_plan_agreed_on (f->store, f->person, "2026-03-02", 6, error));
  REFUSED (f, "still to come",
           cp_store_set_person_guide_on (f->store, f->person, "2026-03-05", error));
}

/* Overdue is read off the person on a given day: the day after the next review, across a
 * month end and a leap day. A paused person is never overdue, but their check-in is
 * flagged once it has passed (or when there is none), so a pause hides no one. */
static void
test_overdue (NetmapFixture *f,
              gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  CpPerson *person = cp_store_find_person (f->store, f->person);

  g_assert_cmpint (cp_person_get_review_due (person, "2026-03-01"), ==, CP_REVIEW_DUE_NONE);

  g_assert_true (cp_store_set_person_next_review (f->store, f->person, "2026-01-31", &err));
  g_assert_no_error (err);
  g_assert_cmpint (cp_person_get_review_due (person, "2026-01-31"), ==, CP_REVIEW_DUE_ON_TIME);
  g_assert_cmpint (cp_person_get_review_due (person, "2026-02-01"), ==, CP_REVIEW_DUE_OVERDUE);
  g_assert_true (cp_person_is_overdue (person, "2026-02-01"));

  g_assert_true (cp_store_set_person_next_review (f->store, f->person, "2028-02-29", &err));
  g_assert_cmpint (cp_person_get_review_due (person, "2028-02-29"), ==, CP_REVIEW_DUE_ON_TIME);
  g_assert_cmpint (cp_person_get_review_due (person, "2028-03-01"), ==, CP_REVIEW_DUE_OVERDUE);

  /* Paused: never overdue, even long after the review date. */
  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &err));
  g_assert_no_error (err);
  g_assert_false (cp_person_is_overdue (person, "2029-01-01"));
  g_assert_cmpint (cp_person_get_review_due (person, "2029-01-01"), ==,
                   CP_REVIEW_DUE_CHECK_IN_MISSING);

  g_assert_true (cp_store_set_person_check_in_on (f->store, f->person, "2026-03-31", &err));
  g_assert_no_error (err);
  g_assert_cmpstr (cp_person_get_check_in_on (person), ==, "2026-03-31");
  g_assert_cmpint (cp_person_get_review_due (person, "2026-03-31"), ==, CP_REVIEW_DUE_PAUSED);
  g_assert_cmpint (cp_person_get_review_due (person, "2026-04-01"), ==,
                   CP_REVIEW_DUE_CHECK_IN_PASSED);
  g_assert_true (cp_person_is_check_in_due (person, "2026-04-01"));
  g_assert_false (cp_person_is_overdue (person, "2026-04-01"));

  /* Back from the pause: the check-in goes, the review date counts again. */
  g_assert_true (cp_store_set_person_status (f->store, f->person, CP_PERSON_STATUS_ACTIVE,
                                             CP_PAUSE_REASON_NONE, NULL, &err));
  g_assert_no_error (err);
  g_assert_null (cp_person_get_check_in_on (person));
  g_assert_cmpint (cp_person_get_review_due (person, "2028-03-01"), ==, CP_REVIEW_DUE_OVERDUE);

  /* Undo brings the pause and its check-in back. */
  netmap_fixture_undo (f);
  g_assert_cmpstr (cp_person_get_check_in_on (person), ==, "2026-03-31");

  REFUSED (f, "real date",
           cp_store_set_person_check_in_on (f->store, f->person, "2026-04-31", error));
  netmap_fixture_redo (f);
  REFUSED (f, "Only a paused person",
           cp_store_set_person_check_in_on (f->store, f->person, "2026-04-30", error));
}

/* ---- History -------------------------------------------------------------------------- */

/* T-scores per review from the goals rated with a level; "further on" counts from the
 * goals rated in words; a review rated only in words has no T-score, never an invented
 * one. */
static void
test_history (NetmapFixture *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpReviewInfo) first = review_on ("2026-01-10");
  g_autoptr(CpReviewInfo) second = review_on ("2026-02-20");
  g_autoptr(CpPlan) plan = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GPtrArray) ratings = g_ptr_array_new ();
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();
  gint64 a = add_goal (f, f->person, "A", CP_GOAL_NOT_SET, CP_GOAL_NOT_SET);
  gint64 b = add_goal (f, f->person, "B", CP_GOAL_NOT_SET, CP_GOAL_NOT_SET);
  gint64 c = add_goal (f, f->person, "C", CP_GOAL_NOT_SET, CP_GOAL_NOT_SET);
  const CpGoalChartPoint *p;

  /* Added second but held first: the history runs by date. */
  cp_review_info_add_rating (second, a, 1, CP_PROGRESS_NONE, "");
  cp_review_info_add_rating (second, b, 1, CP_PROGRESS_NONE, "");
  cp_review_info_add_rating (second, c, 0, CP_PROGRESS_NONE, "");
  cp_review_info_add_rating (first, a, CP_GOAL_NOT_SET, CP_PROGRESS_FURTHER, "");
  cp_review_info_add_rating (first, b, CP_GOAL_NOT_SET, CP_PROGRESS_SAME, "");
  g_assert_cmpint (cp_store_add_review (f->store, f->person, second, NULL, &error), >, 0);
  g_assert_cmpint (cp_store_add_review (f->store, f->person, first, NULL, &error), >, 0);
  g_assert_no_error (error);

  plan = cp_store_read_plan (f->store, f->person, &error);
  g_assert_no_error (error);
  points = cp_plan_dup_history (plan);
  g_assert_cmpuint (points->len, ==, 2);

  p = &g_array_index (points, CpGoalChartPoint, 0);
  g_assert_cmpstr (p->held_on, ==, "2026-01-10");
  g_assert_false (p->has_score);
  g_assert_cmpuint (p->n_rated_progress, ==, 2);
  g_assert_cmpuint (p->n_further, ==, 1);

  p = &g_array_index (points, CpGoalChartPoint, 1);
  g_assert_cmpstr (p->held_on, ==, "2026-02-20");
  g_assert_true (p->has_score);
  g_assert_cmpuint (p->n_scored, ==, 3);
  g_assert_cmpfloat (round (p->t_score * 10.0) / 10.0, ==, 59.1);
  g_assert_cmpuint (p->n_rated_progress, ==, 0);

  cp_plan_get_goal_history (plan, a, ratings, reviews);
  g_assert_cmpuint (ratings->len, ==, 2);
  g_assert_cmpint (((CpRatingInfo *) ratings->pdata[0])->progress, ==, CP_PROGRESS_FURTHER);
  g_assert_cmpint (((CpRatingInfo *) ratings->pdata[1])->level, ==, 1);
  g_assert_cmpstr (((CpReviewInfo *) reviews->pdata[1])->held_on, ==, "2026-02-20");
}

/* ---- The migration -------------------------------------------------------------------- */

/* A workspace of the version before 0007 with a goal on an old map sector, a stopped
 * goal, a step, a review that set the next review and a rating: after opening, the life
 * area is the nearest new one, "stopped" is dated, the next review lives on the person,
 * the rating is still a GAS level, and the foreign keys hold. */
static void
test_migration (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(CpPlan) plan = NULL;
  const CpGoalInfo *goal;
  const CpReviewInfo *review;
  guint n_steps;
  sqlite3 *db;


  db = cp_test_db_open_before (path, "0007", &n_steps);
  cp_test_db_exec (db,
                   "PRAGMA foreign_keys = ON;"
                   "INSERT INTO person (id, name, created_at, updated_at) VALUES "
                   "(1, 'Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                   "INSERT INTO goal (id, person_id, text, life_area, importance, difficulty, "
                   "status, position, created_at, updated_at) VALUES "
                   "(1, 1, 'See friends', 'friends', 2, 3, 'active', 0, "
                   "'2026-01-02T10:00:00Z', '2026-01-02T10:00:00Z'),"
                   "(2, 1, 'Allotment', 'services', NULL, NULL, 'stopped', 1, "
                   "'2026-01-02T10:00:00Z', '2026-02-03T09:00:00Z');"
                   "INSERT INTO step (id, goal_id, text, owner, owner_lineage, due_on, "
                   "created_at, updated_at) VALUES (1, 1, 'Ring Sam', 'member', 7, "
                   "'2026-01-20', '2026-01-02T10:00:00Z', '2026-01-02T10:00:00Z');"
                   "INSERT INTO review (id, person_id, held_on, notes, next_review_on, "
                   "created_at, updated_at) VALUES (1, 1, '2026-02-01', 'Went well', "
                   "'2026-03-15', '2026-02-01T10:00:00Z', '2026-02-01T10:00:00Z');"
                   "INSERT INTO rating (review_id, goal_id, level, note, created_at, "
                   "updated_at) VALUES (1, 1, 1, 'Saw Sam', '2026-02-01T10:00:00Z', "
                   "'2026-02-01T10:00:00Z');");
  sqlite3_close (db);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cp_store_get_schema_version (store), ==, (int) n_steps);
  g_assert_cmpstr (cp_person_get_next_review (cp_store_find_person (store, 1)), ==,
                   "2026-03-15");

  plan = cp_store_read_plan (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->goals->len, ==, 2);
  goal = g_ptr_array_index (plan->goals, 0);
  g_assert_cmpint (goal->life_area, ==, CP_LIFE_AREA_FRIENDSHIPS);
  g_assert_cmpint (goal->importance, ==, 2);
  g_assert_cmpint (goal->difficulty, ==, 3);
  g_assert_cmpstr (goal->made_on, ==, "2026-01-02");
  g_assert_cmpuint (goal->steps->len, ==, 1);
  g_assert_cmpint (((CpStepInfo *) goal->steps->pdata[0])->owner_lineage, ==, 7);
  goal = g_ptr_array_index (plan->goals, 1);
  g_assert_cmpint (goal->life_area, ==, CP_LIFE_AREA_PRACTICAL);
  g_assert_cmpint (goal->status, ==, CP_GOAL_STATUS_STOPPED);
  g_assert_cmpstr (goal->status_on, ==, "2026-02-03");
  review = g_ptr_array_index (plan->reviews, 0);
  g_assert_cmpstr (review->notes, ==, "Went well");
  g_assert_cmpint (cp_review_info_find_rating (review, 1)->level, ==, 1);
  g_assert_cmpint (cp_review_info_find_rating (review, 1)->progress, ==, CP_PROGRESS_NONE);

  /* The children still follow their parents (the keys survived the rebuild). */
  g_assert_true (cp_store_delete_goal (store, 1, &error));
  g_assert_no_error (error);
  db = _cp_store_get_db (store);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM step"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM rating"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_clear_object (&store);
  cp_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  NETMAP_TEST_ADD ("/cp/goals/reviews/record", test_record_review);
  NETMAP_TEST_ADD ("/cp/goals/reviews/bad-review", test_bad_review);
  NETMAP_TEST_ADD ("/cp/goals/reviews/schedule", test_schedule);
  NETMAP_TEST_ADD ("/cp/goals/reviews/overdue", test_overdue);
  NETMAP_TEST_ADD ("/cp/goals/reviews/history", test_history);
  g_test_add_func ("/cp/goals/reviews/migration", test_migration);

  return g_test_run ();
}
