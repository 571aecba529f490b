/* bench-overview.c: how fast a person's overview and the People list open
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (a) the Overview tab of a person with 20 goals, 60 steps, 12 reviews (each rating every
 *     goal) and a baseline and review map, from the widget's constructor to its first
 *     frame in a window (goal ≤ 30 ms); the Reviews tab of the same person beside it;
 * (b) the People list of 10,000 people (a tenth paused, with check-ins before and after
 *     today) sorted "By next review", from the constructor to the first frame, and the
 *     overdue and check-in flags of all 10,000 worked out (goal ≤ 100 ms).
 * The floor of each: an empty window to its first frame. Times are CPU time of this
 * thread (median and worst of N_RUNS); it asserts no time.
 *
 * Usage: bench-overview [person|people]   (default: both)
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-overview"

#include <adwaita.h>
#include <sqlite3.h>

#include "bench-netmap-util.h"
#include "bench-quick.h"
#include "bench-workspace.h"
#include "goals/cp-overview-page.h"
#include "goals/cp-reviews-page.h"
#include "people/cp-people-page.h"
#include "ui/cp-person-summary.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"

#define N_RUNS    BENCH_QUICK (15, 1)
#define N_GOALS   20
#define N_STEPS   3     /* per goal */
#define N_REVIEWS 12
#define N_MEMBERS 24
#define N_PEOPLE  BENCH_QUICK (10000, 300)

typedef GtkWidget *(*MakeWidget) (CpStore  *store,
                                  CpPerson *person);

static void
check (gboolean      ok,
       const GError *error)
{
  if (!ok)
    {
      g_printerr ("bench-overview: %s\n", error != NULL ? error->message : "failed");
      exit (1);
    }
}

/* Constructor to first frame, in a window of its own. */
static double
open_once (MakeWidget  make,
           CpStore    *store,
           CpPerson   *person)
{
  double start = bench_now_ms ();
  GtkWidget *window = gtk_window_new ();
  double ms;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  if (make != NULL)
    gtk_window_set_child (GTK_WINDOW (window), make (store, person));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  ms = bench_now_ms () - start;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return ms;
}

static void
measure (const char *what,
         MakeWidget  make,
         CpStore    *store,
         CpPerson   *person,
         const char *goal)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  open_once (make, store, person);   /* warm: fonts, icons, CSS */
  for (guint i = 0; i < N_RUNS; i++)
    {
      double t = open_once (make, store, person);

      g_array_append_val (ms, t);
    }
  bench_report (what, ms, goal);
}

/* ---- (a) one person's plan ------------------------------------------------------------- */

static void
fill_plan (CpStore *store,
           gint64   person)
{
  g_autoptr(GError) error = NULL;
  gint64 goals[N_GOALS];
  gint64 map;

  check (cp_store_set_person_plan_agreed_on (store, person, "2025-01-06", 0, &error), error);
  for (guint g = 0; g < N_GOALS; g++)
    {
      g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();

      g_free (goal->text);
      goal->text = g_strdup_printf ("Goal %u in the person's own words, a sentence long", g + 1);
      goal->made_on = g_strdup ("2025-01-06");
      goal->importance = 1 + g % 3;
      goal->difficulty = 1 + (g / 3) % 3;
      check ((goals[g] = cp_store_add_goal (store, person, goal, &error)) != 0, error);
      for (guint s = 0; s < N_STEPS; s++)
        {
          g_autoptr(CpStepInfo) step = cp_step_info_new ();

          g_free (step->text);
          step->text = g_strdup_printf ("Step %u of goal %u", s + 1, g + 1);
          step->owner = s % 2 ? CP_STEP_OWNER_TOGETHER : CP_STEP_OWNER_PERSON;
          step->due_on = g_strdup ("2026-12-31");
          check (cp_store_add_step (store, goals[g], step, &error) != 0, error);
        }
    }
  for (guint r = 0; r < N_REVIEWS; r++)
    {
      g_autoptr(CpReviewInfo) review = cp_review_info_new ();
      g_autofree char *next = cp_date_from_today (42);

      g_free (review->held_on);
      review->held_on = g_strdup_printf ("2025-%02u-15", r + 1);
      g_free (review->own_view);
      review->own_view = g_strdup ("It has been a better month; the group on Tuesday helps.");
      g_free (review->attended);
      review->attended = g_strdup ("the person and the practitioner");
      for (guint g = 0; g < N_GOALS; g++)
        cp_review_info_add_rating (review, goals[g], (int) ((g + r) % 5) - 2, CP_PROGRESS_NONE,
                                   "A short note on how it went");
      cp_review_info_add_barrier (review, CP_BARRIER_TRANSPORT, "The bus");
      check (cp_store_add_review (store, person, review, next, &error) != 0, error);
    }
  check ((map = cp_store_start_map (store, person, &error)) != 0, error);
  for (guint m = 0; m < N_MEMBERS; m++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", m + 1);

      check (cp_store_add_member (store, map, CP_NETMAP_KIND_PERSON, name, m % 6, 1 + m % 3,
                                  &error) != 0, error);
    }
  check (cp_store_start_review_map (store, person, &error) != 0, error);
}

static void
bench_person (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "overview.cpkit", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gint64 person;

  bench_make_workspace (path, 0);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  check (store != NULL, error);
  person = cp_store_add_person (store, "Bench", &error);
  check (person != 0, error);
  fill_plan (store, person);
  g_settings_set_boolean (settings, "goal-scaling", TRUE);

  g_print ("(a) a person with %u goals, %u steps, %u reviews and two maps\n",
           N_GOALS, N_GOALS * N_STEPS, N_REVIEWS);
  measure ("floor: an empty window, first frame", NULL, store, NULL, "-");
  measure ("Overview tab, constructor to first frame", cp_overview_page_new, store,
           cp_store_find_person (store, person), "<= 30 ms");
  measure ("Reviews tab, constructor to first frame", cp_reviews_page_new, store,
           cp_store_find_person (store, person), "-");
  cp_store_close (store);
}

/* ---- (b) the People list --------------------------------------------------------------- */

/* A tenth of the people paused, their check-ins spread either side of today. */
static void
pause_some (const char *path)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE person SET status = 'paused', pause_reason = 'choice',"
                                     " check_in_on = date('now', ((id * 13) % 60 - 30) || ' days')"
                                     " WHERE id % 10 = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
has_menu_button (GtkWidget  *root,
                 const char *label)
{
  if (GTK_IS_MENU_BUTTON (root) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (has_menu_button (c, label))
      return TRUE;
  return FALSE;
}

static GtkWidget *
people_by_name (CpStore  *store,
                CpPerson *unused)
{
  return GTK_WIDGET (cp_people_page_new (store));
}

static GtkWidget *
people_by_next_review (CpStore  *store,
                       CpPerson *unused)
{
  GtkWidget *page = GTK_WIDGET (cp_people_page_new (store));

  /* The order menu's "By next review": its button then says so. */
  g_assert_true (gtk_widget_activate_action (page, "caseload.sort", "s", "review"));
  g_assert_true (has_menu_button (page, "By next review"));

  return page;
}

static void
bench_people (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "people.cpkit", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = cp_date_today ();
  GListModel *people;
  guint flagged = 0;

  bench_make_workspace (path, N_PEOPLE);
  pause_some (path);
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  check (store != NULL, error);
  people = cp_store_get_people (store);

  g_print ("\n(b) the People list of %u people\n", g_list_model_get_n_items (people));
  measure ("floor: an empty window, first frame", NULL, store, NULL, "-");
  measure ("People list by name, to first frame", people_by_name, store, NULL, "-");
  measure ("People list by next review, to first frame", people_by_next_review, store, NULL,
           "<= 100 ms");
  for (guint run = 0; run < N_RUNS; run++)
    {
      double start = bench_now_ms (), t;

      flagged = 0;
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(CpPerson) person = g_list_model_get_item (people, i);

          flagged += cp_person_needs_attention (person, today);
        }
      t = bench_now_ms () - start;
      g_array_append_val (ms, t);
    }
  bench_report ("overdue and check-in flags of everyone", ms, "<= 100 ms with the list");
  g_print ("  (%u of them flagged)\n", flagged);
  cp_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-overview-XXXXXX", NULL);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (argc < 2 || g_strcmp0 (argv[1], "person") == 0)
    bench_person (dir);
  if (argc < 2 || g_strcmp0 (argv[1], "people") == 0)
    bench_people (dir);
  bench_remove_tree (dir);

  return 0;
}
