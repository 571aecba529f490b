/* test-store-practice.c: the practice workspace and `cpkit check`
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-store-practice"

#include <string.h>

#include <glib/gstdio.h>

#include "cp-test-util.h"
#include "store/cp-migrations.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"

static int
count_for (sqlite3    *db,
           const char *sql,
           gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return sqlite3_column_int (stmt, 0);
}

static guint
count_items (GKeyFile   *keyfile,
             const char *group,
             const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);
  g_auto(GStrv) items = NULL;

  if (value == NULL || *value == '\0')
    return 0;

  items = g_strsplit (value, ";", -1);

  return g_strv_length (items);
}

static char *
text_for (sqlite3    *db,
          const char *sql,
          gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
lineage_of (CpNetmapModel *model,
            const char    *name)
{
  for (guint i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (g_str_equal (m->name, name))
        return m->lineage;
    }

  return 0;
}

/* A person's maps are what the practice data says: the baseline on the day they agreed,
 * the first review's map on its day, and a member of the same name on both is the same
 * member. Returns how many member rows the person has. */
static guint
check_maps (CpStore    *store,
            GKeyFile   *keyfile,
            const char *group,
            gint64      id,
            const char *agreed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = cp_store_list_snapshots (store, id, &error);
  g_autoptr(CpNetmapModel) baseline = NULL;
  g_autoptr(CpNetmapModel) review = NULL;
  g_autofree char *review_on = NULL;
  const CpSnapshotInfo *info;
  guint n_new = 0;
  gint64 current = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 2);
  info = g_ptr_array_index (maps, 0);
  g_assert_cmpstr (info->label, ==, "Baseline");
  g_assert_cmpstr (info->taken_on, ==, agreed);
  baseline = cp_store_load_snapshot (store, info->id, &error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (baseline), ==,
                    count_items (keyfile, group, "members"));

  info = g_ptr_array_index (maps, 1);
  review_on = cp_date_from_today (-g_key_file_get_integer (keyfile, group, "review-days-ago",
                                                           NULL));
  g_assert_cmpstr (info->label, ==, "Review 1");
  g_assert_cmpstr (info->taken_on, ==, review_on);
  g_assert_cmpstr (review_on, >, agreed);
  g_assert_true (cp_store_get_current_snapshot (store, id, &current, &error));
  g_assert_cmpint (current, ==, info->id);
  review = cp_store_load_snapshot (store, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (review), ==,
                    count_items (keyfile, group, "review-members"));

  for (guint i = 0; i < cp_netmap_model_get_n_members (review); i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (review, i);
      gint64 before = lineage_of (baseline, m->name);

      if (before != 0)
        {
          g_assert_cmpint (m->lineage, ==, before);
          g_assert_cmpstr (m->added_on, ==, agreed);
        }
      else
        {
          g_assert_null (cp_netmap_model_find (baseline, m->lineage));
          g_assert_cmpstr (m->added_on, ==, review_on);
          n_new++;
        }
    }

  /* Jo's review: Sam is the same Sam, and four are new (the group, Lena, Mo, the park). */
  if (g_str_equal (group, "person:jo"))
    {
      g_assert_cmpint (lineage_of (review, "Sam (sister)"), !=, 0);
      g_assert_cmpint (lineage_of (review, "Sam (sister)"), ==,
                       lineage_of (baseline, "Sam (sister)"));
      g_assert_cmpuint (n_new, ==, 4);
    }

  return cp_netmap_model_get_n_members (baseline) + cp_netmap_model_get_n_members (review);
}

/* The plan is what the practice data says: goals in order with their life areas and
 * "if it gets hard", steps with who does them (members by lineage, on the current map),
 * helpers, barriers, and the first review with the person's own view, rated in words
 * (never GAS levels, so no T-score is made up). */
static void
check_plan (CpStore    *store,
            GKeyFile   *keyfile,
            const char *group,
            gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPlan) plan = cp_store_read_plan (store, id, &error);
  g_autofree char *own_view = g_key_file_get_string (keyfile, group, "review-own-view", NULL);
  g_autofree char *plan_on = cp_date_from_today (
    -g_key_file_get_integer (keyfile, group, "plan-agreed-days-ago", NULL));
  g_autoptr(GArray) history = NULL;
  const CpReviewInfo *review;
  guint n_member_steps = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (plan->goals->len, ==, count_items (keyfile, group, "goals"));
  g_assert_cmpstr (cp_person_get_plan_agreed_on (cp_store_find_person (store, id)), ==,
                   plan_on);

  for (guint g = 0; g < plan->goals->len; g++)
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, g);
      g_autofree char *key = g_strdup_printf ("helpers-%u", g + 1);

      g_assert_cmpint (goal->life_area, !=, CP_LIFE_AREA_NONE);
      g_assert_cmpstr (goal->made_on, ==, plan_on);
      g_assert_cmpuint (goal->helpers->len, ==, count_items (keyfile, group, key));
      for (guint h = 0; h < goal->helpers->len; h++)
        g_assert_cmpint (((CpGoalHelper *) goal->helpers->pdata[h])->state, ==,
                         CP_LINEAGE_ON_CURRENT_MAP);
      for (guint s = 0; s < goal->steps->len; s++)
        {
          const CpStepInfo *step = g_ptr_array_index (goal->steps, s);

          if (step->due_on != NULL)
            g_assert_cmpstr (step->due_on, >=, goal->made_on);
          if (step->owner == CP_STEP_OWNER_MEMBER)
            {
              g_assert_cmpint (step->owner_state, ==, CP_LINEAGE_ON_CURRENT_MAP);
              g_assert_nonnull (step->owner_name);
              n_member_steps++;
            }
        }
    }
  g_assert_cmpuint (n_member_steps, >, 0);
  g_assert_cmpstr (((CpGoalInfo *) plan->goals->pdata[0])->if_hard, !=, "");
  g_assert_cmpuint (((CpGoalInfo *) plan->goals->pdata[0])->barriers->len, ==, 1);

  g_assert_cmpuint (plan->reviews->len, ==, 1);
  review = g_ptr_array_index (plan->reviews, 0);
  g_assert_cmpstr (review->own_view, ==, own_view);
  g_assert_cmpuint (review->ratings->len, ==, plan->goals->len);
  g_assert_cmpuint (review->barriers->len, >, 0);
  history = cp_plan_dup_history (plan);
  g_assert_false (g_array_index (history, CpGoalChartPoint, 0).has_score);
  g_assert_cmpuint (g_array_index (history, CpGoalChartPoint, 0).n_rated_progress, ==,
                    plan->goals->len);

  /* Jo's step with Lena names her as the current map does. */
  if (g_str_equal (group, "person:jo"))
    {
      const CpGoalInfo *goal = g_ptr_array_index (plan->goals, 0);
      const CpStepInfo *last = g_ptr_array_index (goal->steps, goal->steps->len - 1);

      g_assert_cmpstr (last->owner_name, ==, "Lena (group leader)");
      g_assert_null (last->done_on);
      g_assert_nonnull (((CpStepInfo *) goal->steps->pdata[0])->done_on);
    }
}

static void
test_practice (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *today = cp_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) ids = NULL;
  guint n_members = 0;
  g_autoptr(CpPerson) tariq = NULL;
  sqlite3 *db;

  /* The expected workspace is what the shipped practice data says. */
  bytes = g_resources_lookup_data (RESOURCE_PATH "/practice/practice.ini",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &error));
  ids = g_key_file_get_string_list (keyfile, "workspace", "people", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);

  g_assert_true (cp_store_create_practice (path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cp_test_file_mode (path), ==, 0600);

  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  db = _cp_store_get_db (store);
  g_assert_cmpuint (g_list_model_get_n_items (cp_store_get_people (store)), ==, 3);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *group = g_strconcat ("person:", ids[i], NULL);
      g_autofree char *name = g_key_file_get_string (keyfile, group, "name", NULL);
      g_autofree char *case_ref = g_key_file_get_string (keyfile, group, "case-ref", NULL);
      g_autofree char *status = g_key_file_get_string (keyfile, group, "status", NULL);
      g_autofree char *focus = g_key_file_get_string (keyfile, group, "focus", NULL);
      g_autofree char *notes = g_key_file_get_string (keyfile, group, "notes", NULL);
      g_autofree char *next = cp_date_from_today (
        g_key_file_get_integer (keyfile, group, "next-review-in", NULL));
      g_autofree char *agreed = cp_date_from_today (
        -g_key_file_get_integer (keyfile, group, "agreed-days-ago", NULL));
      guint goals = count_items (keyfile, group, "goals");
      guint steps = 0;
      g_autoptr(CpPerson) person = cp_test_dup_person (store, name);
      gint64 id;

      id = cp_person_get_id (person);
      g_assert_cmpstr (cp_person_get_case_ref (person), ==, case_ref);
      g_assert_cmpstr (cp_person_status_to_string (cp_person_get_status (person)), ==, status);
      g_assert_cmpstr (cp_focus_to_string (cp_person_get_focus (person)), ==, focus);
      g_assert_cmpstr (cp_person_get_next_review (person), ==, next);
      g_assert_cmpstr (cp_person_get_notes (person), ==, notes);
      g_assert_false (cp_person_is_overdue (person, today));

      /* The baseline map on the day the person agreed, and the first review's map. */
      {
        g_autofree char *agreed_on = text_for (db, "SELECT agreed_on FROM person "
                                                   "WHERE id = ?1", id);

        g_assert_cmpstr (agreed_on, ==, agreed);
      }
      n_members += check_maps (store, keyfile, group, id, agreed);
      check_plan (store, keyfile, group, id);

      g_assert_cmpint (count_for (db, "SELECT count(*) FROM goal WHERE person_id = ?1", id),
                       ==, goals);
      for (guint g = 1; g <= goals; g++)
        {
          g_autofree char *key = g_strdup_printf ("steps-%u", g);

          steps += count_items (keyfile, group, key);
        }
      g_assert_cmpint (count_for (db, "SELECT count(*) FROM step JOIN goal "
                                      "ON goal.id = step.goal_id WHERE goal.person_id = ?1",
                                  id), ==, steps);
    }

  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM member"), ==, n_members);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM member "
                                       "WHERE angle <= 0 OR angle >= 1"), ==, 0);
  /* Members that share a cell are spread across it, never on top of each other. */
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM member a JOIN member b "
                                       "ON a.snapshot_id = b.snapshot_id AND a.id < b.id "
                                       "AND a.sector = b.sector AND a.ring = b.ring "
                                       "AND a.angle = b.angle"), ==, 0);
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM workspace_meta "
                                       "WHERE key = 'kind' AND value = 'practice'"), ==, 1);

  /* Tariq's pause is his own choice. */
  tariq = cp_test_dup_person (store, "Tariq");
  g_assert_cmpint (cp_person_get_status (tariq), ==, CP_PERSON_STATUS_PAUSED);
  g_assert_cmpint (cp_person_get_pause_reason (tariq), ==, CP_PAUSE_REASON_CHOICE);
  /* Paused, so never overdue; his check-in after Eid is still to come. */
  g_assert_cmpint (cp_person_get_review_due (tariq, today), ==, CP_REVIEW_DUE_PAUSED);
  {
    g_autofree char *check_in = cp_date_from_today (21);

    g_assert_cmpstr (cp_person_get_check_in_on (tariq), ==, check_in);
  }
  g_assert_cmpint (cp_test_db_int (db, "SELECT count(*) FROM goal WHERE status = 'achieved' "
                                       "AND status_on IS NOT NULL"), ==, 1);

  /* Creation is not an undoable edit. */
  g_assert_false (cp_store_can_undo (store));
  g_clear_object (&store);

  /* Never over an existing file. */
  sum = cp_test_sha256 (path);
  g_assert_false (cp_store_create_practice (path, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  {
    g_autofree char *now = cp_test_sha256 (path);

    g_assert_cmpstr (now, ==, sum);
  }

  g_assert_true (cp_store_check_file (path, report, NULL));
  g_assert_nonnull (strstr (report->str, "People: 3"));
}

/* ---- cpkit check ---------------------------------------------------------------------- */

static gboolean
check (const char  *path,
       GString     *report,
       GError     **error)
{
  g_autofree char *before = g_file_test (path, G_FILE_TEST_EXISTS)
                            ? cp_test_sha256 (path) : NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gboolean ok;

  g_string_truncate (report, 0);
  ok = cp_store_check_file (path, report, error);

  /* Nor beside it: a closed workspace gets no WAL files from a look. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* Never a change to the file. */
  if (before != NULL)
    {
      g_autofree char *after = cp_test_sha256 (path);

      g_assert_cmpstr (after, ==, before);
    }

  g_assert_cmpuint (report->len, >, 0);

  return ok;
}

static char *
make_workspace (const char *dir,
                const char *name,
                guint       n_people)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStore) store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *person = g_strdup_printf ("Secret-name-%u", i);
      g_autofree char *notes = g_strnfill (300, 'n');

      gint64 id = cp_store_add_person (store, person, &error);
      cp_store_set_person_notes (store, id, notes, &error);
      g_assert_no_error (error);
    }

  return path;
}

static void
test_check (void)
{
  const char *dir = cp_test_tmpdir ();
  g_autofree char *good = make_workspace (dir, "good.cpkit", 2);
  g_autofree char *empty = g_build_filename (dir, "empty.cpkit", NULL);
  g_autofree char *text = g_build_filename (dir, "text.cpkit", NULL);
  g_autofree char *other = g_build_filename (dir, "other.cpkit", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.cpkit", NULL);
  g_autofree char *newer = make_workspace (dir, "newer.cpkit", 1);
  g_autofree char *orphan = make_workspace (dir, "orphan.cpkit", 1);
  g_autofree char *corrupt = make_workspace (dir, "corrupt.cpkit", 200);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_true (check (good, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "Integrity: ok"));
  g_assert_nonnull (strstr (report->str, "Foreign keys: ok"));
  {
    g_autofree char *want = g_strdup_printf ("Schema version: %d (this app: %d)",
                                             _cp_migrations_get_latest (),
                                             _cp_migrations_get_latest ());

    g_assert_nonnull (strstr (report->str, want));
  }
  g_assert_nonnull (strstr (report->str, "Result: ok"));
  g_assert_null (strstr (report->str, "Secret-name"));

  g_assert_false (check (missing, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_false (check (empty, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (report->str, "empty file"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "name,notes\nJo,hello\n", -1, NULL));
  g_assert_false (check (text, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (report->str, "not an SQLite database"));
  g_clear_error (&error);

  db = cp_test_db_open_raw (other);
  cp_test_db_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
  sqlite3_close (db);
  g_assert_false (check (other, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (report->str, "not a workspace"));
  g_clear_error (&error);

  db = cp_test_db_open_raw (newer);
  cp_test_db_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  g_assert_false (check (newer, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_TOO_NEW);
  {
    g_autofree char *want = g_strdup_printf ("Schema version: 99 (this app: %d)",
                                             _cp_migrations_get_latest ());

    g_assert_nonnull (strstr (report->str, want));
  }
  g_clear_error (&error);

  db = cp_test_db_open_raw (orphan);
  cp_test_db_exec (db, "PRAGMA foreign_keys = OFF;"
                       "INSERT INTO snapshot (person_id, label, taken_on, created_at, updated_at)"
                       " VALUES (999, 'x', '2026-01-01', '2026-01-01T00:00:00Z',"
                       " '2026-01-01T00:00:00Z')");
  sqlite3_close (db);
  g_assert_false (check (orphan, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report->str, "1 row in snapshot refers"));
  g_clear_error (&error);

  /* Scribble over the person table's root page. */
  cp_test_db_scribble (corrupt, "person");
  g_assert_false (check (corrupt, report, &error));
  g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* The store refuses it too, and leaves it alone. */
  {
    g_autofree char *sum = cp_test_sha256 (corrupt);
    g_autofree char *now = NULL;
    CpStore *store = cp_store_open (corrupt, CP_STORE_OPEN_DEFAULT, &error);

    g_assert_null (store);
    g_assert_error (error, CP_STORE_ERROR, CP_STORE_ERROR_CORRUPT);
    now = cp_test_sha256 (corrupt);
    g_assert_cmpstr (now, ==, sum);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cp/store/practice/create", test_practice);
  g_test_add_func ("/cp/store/check/classify", test_check);

  return g_test_run ();
}
