/* test-overview.c: the person's overview and the People list's flags under Xvfb
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview read against the data: overdue in red, active goals with their latest
 * rating and open steps, the last review in two lines, the network's size and change
 * since the baseline, the caution flag and what to book before the session (never in the
 * with-person view); after a review, the overview and the People list's overdue flag
 * change. A paused person is never overdue, but a passed or missing check-in is flagged,
 * and "By next review" sorts them by their check-in.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-overview"

#include "goals/cp-overview-page.h"
#include "goals/cp-reviews-page.h"
#include "people/cp-people-page.h"
#include "people/cp-person-row.h"
#include "ui/cp-person-summary.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "test-reviews-util.h"

typedef ReviewsFixture Fixture;

static GtkWidget *
label (GtkWidget  *root,
       const char *text)
{
  return cp_test_find_widget (root, GTK_TYPE_LABEL, text);
}

static const char *
named_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *widget = cp_test_find_named (root, name);

  g_assert_nonnull (widget);
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
record_review (Fixture    *f,
               const char *next)
{
  g_autoptr(CpReviewInfo) info = cp_review_info_new ();
  g_autoptr(GError) error = NULL;

  g_free (info->held_on);
  info->held_on = g_strdup (TODAY);
  g_free (info->attended);
  info->attended = g_strdup ("Jo and me");
  g_free (info->own_view);
  info->own_view = g_strdup ("I went twice and it was fine");
  cp_review_info_add_rating (info, f->goal_walk, CP_GOAL_NOT_SET, CP_PROGRESS_FURTHER, "");
  g_assert_cmpint (cp_store_add_review (f->ws.store, f->person_id, info, next, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_review_changes_overview (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *page = cp_overview_page_new (f->ws.store, f->person);
  GtkWidget *row = cp_person_row_new ();
  GtkWidget *status;

  g_object_ref_sink (row);
  cp_person_row_set_person (CP_PERSON_ROW (row), f->person);
  reviews_fixture_show (f, page, 1000);

  /* Before: overdue, in red, and flagged in the People list. */
  status = cp_test_find_named (page, "overview-status");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==,
                   "Review overdue since 20 November 2026");
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_true (cp_person_row_get_flagged (CP_PERSON_ROW (row)));
  g_assert_nonnull (label (page, GOAL_WALK));
  g_assert_nonnull (label (page, GOAL_PHONE));
  g_assert_nonnull (label (page, "• " STEP_OPEN " — The person"));
  g_assert_null (label (page, "• Buy walking boots — The person"));
  g_assert_nonnull (label (page, "Not rated yet"));
  g_assert_nonnull (label (page, "No review recorded yet."));
  g_assert_cmpstr (named_text (page, "overview-network"), ==, "No network map yet.");
  g_assert_nonnull (label (page, "What may be shared, and with whom: not recorded yet."));

  /* A review that moves the next one on. */
  record_review (f, "2027-01-14");
  status = cp_test_find_named (page, "overview-status");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Next review 14 January 2027");
  g_assert_false (gtk_widget_has_css_class (status, "error"));
  g_assert_false (cp_person_row_get_flagged (CP_PERSON_ROW (row)));
  g_assert_nonnull (label (page, "Latest: Further on (3 December 2026)"));
  g_assert_cmpstr (named_text (page, "overview-last-review"), ==, "3 December 2026, with Jo and me");
  g_assert_cmpstr (named_text (page, "overview-last-view"), ==, "I went twice and it was fine");
  cp_test_save_screenshot (f->window, "overview-1000.png");

  /* Undo puts it back. */
  g_assert_true (cp_store_undo (f->ws.store, NULL));
  g_assert_true (gtk_widget_has_css_class (cp_test_find_named (page, "overview-status"), "error"));
  g_assert_true (cp_person_row_get_flagged (CP_PERSON_ROW (row)));
  cp_person_row_set_person (CP_PERSON_ROW (row), NULL);
  g_object_unref (row);
}

static void
test_network_and_caution (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *page = cp_overview_page_new (f->ws.store, f->person);
  g_autoptr(GError) error = NULL;
  gint64 map, review_map, member;

  reviews_fixture_show (f, page, 360);
  map = cp_store_start_map (f->ws.store, f->person_id, &error);
  g_assert_no_error (error);
  cp_store_add_member (f->ws.store, map, CP_NETMAP_KIND_PERSON, "Sam", CP_NETMAP_SECTOR_FAMILY, 1, &error);
  cp_store_add_member (f->ws.store, map, CP_NETMAP_KIND_PERSON, "Ali", CP_NETMAP_SECTOR_FRIENDS, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (named_text (page, "overview-network"), ==,
                   "2 connections on the map (the baseline, 3 December 2026).");
  review_map = cp_store_start_review_map (f->ws.store, f->person_id, &error);
  member = cp_store_add_member (f->ws.store, review_map, CP_NETMAP_KIND_PLACE, "The café",
                                CP_NETMAP_SECTOR_NEIGHBOURS, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (named_text (page, "overview-network"), ==,
                   "3 connections on the map: 1 more than at the baseline on 3 December 2026.");
  g_assert_null (cp_test_find_named (page, "overview-caution"));

  g_assert_true (cp_store_set_member_mark (f->ws.store, member, CP_MEMBER_MARK_CAUTION, TRUE, &error));
  g_assert_cmpstr (named_text (page, "overview-caution"), ==,
                   "Caution flag set — check the case record before this session.");
  g_assert_true (cp_store_set_person_communication (f->ws.store, f->person_id,
                                                    CP_COMMUNICATION_INTERPRETER, "Polish", "",
                                                    &error));
  g_assert_no_error (error);
  g_assert_nonnull (label (page, "Book an interpreter (Polish)."));
  cp_test_save_screenshot (f->window, "overview-360.png");

  /* Facing the person: none of it. */
  g_object_set (page, "with-person", TRUE, NULL);
  g_assert_null (cp_test_find_named (page, "overview-caution"));
  g_assert_null (label (page, "Book an interpreter (Polish)."));
  g_assert_nonnull (label (page, GOAL_WALK));
}

/* Paused is never overdue; a check-in that passed, or none at all, is flagged. */
static void
test_paused_check_in (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = cp_overview_page_new (f->ws.store, f->person);
  GtkWidget *row = cp_person_row_new ();
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (row);
  cp_person_row_set_person (CP_PERSON_ROW (row), f->person);
  reviews_fixture_show (f, page, 1000);
  g_assert_true (cp_store_set_person_status (f->ws.store, f->person_id, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_CHOICE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cp_person_is_overdue (f->person, TODAY));
  g_assert_cmpstr (named_text (page, "overview-check-in"), ==, "No check-in date");
  g_assert_true (cp_person_row_get_flagged (CP_PERSON_ROW (row)));

  g_assert_true (cp_store_set_person_check_in_on (f->ws.store, f->person_id, "2026-12-10", &error));
  g_assert_cmpstr (named_text (page, "overview-check-in"), ==, "Check-in 10 December 2026");
  g_assert_false (gtk_widget_has_css_class (cp_test_find_named (page, "overview-check-in"), "error"));
  g_assert_false (cp_person_row_get_flagged (CP_PERSON_ROW (row)));

  g_assert_true (cp_store_set_person_check_in_on (f->ws.store, f->person_id, "2026-12-01", &error));
  g_assert_cmpstr (named_text (page, "overview-check-in"), ==, "Check-in was due 1 December 2026");
  g_assert_true (gtk_widget_has_css_class (cp_test_find_named (page, "overview-check-in"), "error"));
  g_assert_true (cp_person_row_get_flagged (CP_PERSON_ROW (row)));
  cp_person_row_set_person (CP_PERSON_ROW (row), NULL);
  g_object_unref (row);
}

/* "By next review": who is next due to be seen, a paused person by their check-in, the
 * closed last. */
static void
test_sort_by_next_review (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const expected[] = { "Jo", "Bea", "Al", "Cy" };
  g_autoptr(GError) error = NULL;
  gint64 al = cp_test_add_person (f->ws.store, "Al");
  gint64 bea = cp_test_add_person (f->ws.store, "Bea");
  gint64 cy = cp_test_add_person (f->ws.store, "Cy");
  CpPeoplePage *page;
  GListModel *shown;

  g_assert_true (cp_store_set_person_next_review (f->ws.store, al, "2027-02-01", &error));
  g_assert_true (cp_store_set_person_next_review (f->ws.store, bea, "2026-10-01", &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, bea, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  g_assert_true (cp_store_set_person_check_in_on (f->ws.store, bea, "2026-12-10", &error));
  g_assert_true (cp_store_set_person_status (f->ws.store, cy, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  g_assert_no_error (error);

  page = cp_people_page_new (f->ws.store);
  reviews_fixture_show (f, GTK_WIDGET (page), 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "caseload.sort", "s", "review"));
  shown = cp_people_page_get_shown (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CpPerson) person = g_list_model_get_item (shown, i);

      g_assert_cmpstr (cp_person_get_name (person), ==, expected[i]);
    }
  /* Bea is paused: never overdue, and her check-in is still to come. */
  g_assert_false (cp_person_needs_attention (cp_store_find_person (f->ws.store, bea), TODAY));
}

/* Jo of the practice workspace, as a practitioner sees them before a session, at 1280
 * and 360 px: the overview against the practice data, and the Reviews tab with its
 * history and the form (screenshots to look at). */
static void
test_practice (void)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "practice.cpkit", NULL);
  g_autoptr(CpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPerson) jo = NULL;
  static const int widths[] = { 1280, 360 };

  g_assert_true (cp_store_create_practice (path, &error));
  store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  jo = cp_test_dup_person (store, "Jo");
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      ReviewsFixture f = { .window = NULL };
      GtkWidget *page = cp_overview_page_new (store, jo);
      g_autofree char *name = g_strdup_printf ("overview-practice-%d.png", widths[i]);
      const char *network;

      reviews_fixture_show (&f, page, widths[i]);
      network = named_text (page, "overview-network");
      g_assert_true (g_str_has_prefix (network, "8 connections on the map: 4 more than at the baseline"));
      g_assert_nonnull (label (page, "I want to run with other people again"));
      g_assert_nonnull (cp_test_find_named (page, "overview-last-review"));
      cp_test_save_screenshot (f.window, name);
      gtk_window_destroy (GTK_WINDOW (f.window));

      page = cp_reviews_page_new (store, jo);
      reviews_fixture_show (&f, page, widths[i]);
      g_free (name);
      name = g_strdup_printf ("reviews-practice-%d.png", widths[i]);
      cp_test_save_screenshot (f.window, name);
      g_assert_true (gtk_widget_activate_action (page, "reviews.record", NULL));
      g_free (name);
      name = g_strdup_printf ("reviews-form-practice-%d.png", widths[i]);
      cp_test_save_screenshot (f.window, name);
      gtk_window_destroy (GTK_WINDOW (f.window));
    }
  cp_test_flush_main_context ();
  cp_store_close (store);
  cp_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/cp/goals/overview/review-changes-overview", Fixture, NULL,
              reviews_fixture_set_up, test_review_changes_overview, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/overview/network-and-caution", Fixture, NULL,
              reviews_fixture_set_up, test_network_and_caution, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/overview/paused-check-in", Fixture, NULL,
              reviews_fixture_set_up, test_paused_check_in, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/overview/sort-by-next-review", Fixture, NULL,
              reviews_fixture_set_up, test_sort_by_next_review, reviews_fixture_tear_down);

  g_test_add_func ("/cp/goals/overview/practice", test_practice);

  return g_test_run ();
}
