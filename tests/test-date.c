/* test-date.c: one rule for calendar dates, the schema's: exactly YYYY-MM-DD, a real day
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-date"

#include <sqlite3.h>

#include "util/cp-date.h"

/* What the workspace's schema says of @text: CHECK (date(x) IS x). */
static gboolean
schema_takes (sqlite3    *db,
              const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gboolean takes;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT date(?1) IS ?1", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  takes = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return takes;
}

static void
test_strict (void)
{
  static const char * const refused[] = {
    "2026-1-5", "2026-01-5", "2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00",
    "2025-02-29", " 2026-01-05", "2026-01-05 ", "", "2026-01-05x", "2026/01/05",
    "20260105", "２０２６-01-05",
  };
  static const char * const accepted[] = {
    "2024-02-29", "2026-12-31", "2026-01-05", "2000-02-29", "0001-01-01",
  };

  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_false (cp_date_is_valid (NULL));
  g_assert_null (cp_date_parse (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GDateTime) parsed = cp_date_parse (refused[i]);

      if (cp_date_is_valid (refused[i]) || parsed != NULL)
        g_error ("\"%s\" was taken for a date", refused[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GDateTime) parsed = cp_date_parse (accepted[i]);
      g_autofree char *back = NULL;

      if (!cp_date_is_valid (accepted[i]) || parsed == NULL)
        g_error ("\"%s\" was refused", accepted[i]);
      /* Whatever the app takes, the file takes. (Not the other way round: SQLite's
       * date() lets a day up to 31 through in any month, so "2026-02-30" passes the
       * schema's CHECK; the app's rule is the stricter one.) */
      g_assert_true (schema_takes (db, accepted[i]));
      /* What is parsed reads back the same. */
      back = cp_date_to_iso (parsed);
      g_assert_cmpstr (back, ==, accepted[i]);
    }

  sqlite3_close (db);
}

static void
test_today (void)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *zero = cp_date_from_today (0);
  g_autofree char *tomorrow = cp_date_from_today (1);
  g_autofree char *yesterday = cp_date_from_today (-1);

  g_assert_true (cp_date_is_valid (today));
  g_assert_true (cp_date_is_valid (tomorrow));
  g_assert_true (cp_date_is_valid (yesterday));
  /* YYYY-MM-DD orders as text. */
  g_assert_cmpstr (yesterday, <, today);
  g_assert_cmpstr (today, <, tomorrow);
  if (g_strcmp0 (today, zero) != 0)
    g_test_skip ("midnight passed between the two calls");
}

/* Tests (and children of tests) move "today"; everything that asks for it follows. */
static void
test_today_for_testing (void)
{
  g_autofree char *real = NULL;

  /* A child process takes it from the environment (read once, before anything else). */
  if (g_test_subprocess ())
    {
      g_autofree char *today = cp_date_today ();
      g_autofree char *next = cp_date_from_today (1);

      g_print ("today=%s next=%s\n", today, next);
      return;
    }

  real = cp_date_today ();

  cp_date_set_today_for_testing ("2024-02-28");
  {
    g_autofree char *today = cp_date_today ();
    g_autofree char *leap = cp_date_from_today (1);
    g_autofree char *march = cp_date_from_today (2);
    g_autofree char *last_year = cp_date_from_today (-59);

    g_assert_cmpstr (today, ==, "2024-02-28");
    g_assert_cmpstr (leap, ==, "2024-02-29");
    g_assert_cmpstr (march, ==, "2024-03-01");
    g_assert_cmpstr (last_year, ==, "2023-12-31");
  }

  cp_date_set_today_for_testing (NULL);
  {
    g_autofree char *today = cp_date_today ();

    if (g_strcmp0 (today, real) != 0)
      g_test_skip ("midnight passed during the test");
    g_assert_cmpstr (today, !=, "2024-02-28");
  }

  g_setenv ("CPKIT_TODAY", "2025-12-31", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("CPKIT_TODAY");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*today=2025-12-31 next=2026-01-01*");
}

static void
test_format_long (void)
{
  g_autofree char *text = cp_date_format_long ("2026-01-05");
  g_autofree char *leap = cp_date_format_long ("2024-02-29");

  /* The C locale's month names; a translation may reorder the parts. */
  g_assert_cmpstr (text, ==, "5 January 2026");
  g_assert_cmpstr (leap, ==, "29 February 2024");
  g_assert_null (cp_date_format_long ("2026-1-5"));
  g_assert_null (cp_date_format_long (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cp/util/date/strict", test_strict);
  g_test_add_func ("/cp/util/date/today", test_today);
  g_test_add_func ("/cp/util/date/today-for-testing", test_today_for_testing);
  g_test_add_func ("/cp/util/date/format-long", test_format_long);

  return g_test_run ();
}
