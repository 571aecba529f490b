/* test-reviews-page.c: the Reviews tab under Xvfb
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A whole review by keyboard alone (Tab moves on, typing fills a field, Space presses a
 * button): a goal rated, the next review moved, all one undo step; a review dated in the
 * future refused with the message next to the date and nothing saved; which goals count
 * for the T-score said per goal; the history and its chart in words; the with-person
 * view without notes, barriers or scores. GTK 4 cannot make key events, so each key is
 * what its binding does: Tab is GtkWindow's move-focus, Space activates the focused
 * widget, and typing inserts at the cursor of the focused field. Each field is reached
 * from the one before it in a press or two (a loaded machine sometimes shows one extra
 * stop on the way).
 */

#include "config.h"

#define G_LOG_DOMAIN "test-reviews-page"

#include "goals/cp-goal-chart-view.h"
#include "goals/cp-review-form.h"
#include "goals/cp-reviews-page.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-reviews.h"
#include "test-reviews-util.h"

typedef ReviewsFixture Fixture;

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_is_drawable (root) && (*n)-- == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = nth_of_type (c, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint      n)
{
  return nth_of_type (root, type, &n);
}

/* The barrier pick that reads @label. */
static GtkWidget *
find_check (GtkWidget  *form,
            const char *label)
{
  GtkWidget *check;

  for (guint i = 0; (check = find_nth (form, GTK_TYPE_CHECK_BUTTON, i)) != NULL; i++)
    {
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
        return check;
    }
  g_assert_not_reached ();
}

/* Typing at the cursor of the text view the window's focus is in (whether or not the
 * window is the active one just then). */
static void
type_in_view (Fixture    *f,
              GtkWidget  *view,
              const char *text)
{
  g_assert_true (reviews_focus (f) == view);
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                                text, -1, TRUE);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* Space on the focused widget. A button is clicked a moment after it is activated (it
 * shows itself pressed first): wait for the click. */
static void
press (Fixture *f)
{
  GtkWidget *focus = reviews_focus (f);
  gboolean clicked = FALSE;
  gulong id = 0;

  g_assert_nonnull (focus);
  if (GTK_IS_BUTTON (focus))
    id = g_signal_connect (focus, "clicked", G_CALLBACK (clicked_cb), &clicked);
  gtk_widget_activate (focus);
  if (id != 0)
    {
      cp_test_wait_for (&clicked);
      g_signal_handler_disconnect (focus, id);
    }
  cp_test_flush_main_context ();
}

static GtkWidget *
show_page (Fixture *f,
           int      width)
{
  GtkWidget *page = cp_reviews_page_new (f->ws.store, f->person);

  reviews_fixture_show (f, page, width);
  return page;
}

static gboolean
has_review (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) reviews = cp_store_list_reviews (f->ws.store, f->person_id, NULL);

  return reviews != NULL && reviews->len == 1;
}

static void
test_keyboard_review (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = show_page (f, 1000);
  GtkWidget *form, *row, *view, *further, *note, *expander;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  const CpReviewInfo *review;
  const CpRatingInfo *rating;

  g_assert_cmpint (cp_person_get_review_due (f->person, TODAY), ==, CP_REVIEW_DUE_OVERDUE);
  g_assert_nonnull (cp_test_find_widget (page, ADW_TYPE_STATUS_PAGE, "No Reviews Yet"));

  /* Tab to "Record a Review" and press it: the form opens on the date, today. */
  reviews_tab_to (f, cp_test_find_widget (page, GTK_TYPE_BUTTON, "_Record a Review"));
  press (f);
  g_assert_true (cp_test_wait_for_widget (page, CP_TYPE_REVIEW_FORM, NULL, TRUE));
  form = cp_test_find_widget (page, CP_TYPE_REVIEW_FORM, NULL);
  row = cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Date held (YYYY-MM-DD)");
  g_assert_true (gtk_widget_is_ancestor (reviews_focus (f), row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, TODAY);
  /* The next review is suggested six weeks on. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW,
                                                                             "Next review (YYYY-MM-DD)"))),
                   ==, "2027-01-14");

  /* Who attended, their view, what happened: each a Tab or two on. (Once, in an ASan
   * run on a loaded machine, one of them took a third press; the test's messages say
   * where each press went.) */
  row = cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Who attended");
  g_assert_cmpuint (reviews_tab_to (f, row), <=, 3);
  cp_test_type_text (GTK_EDITABLE (row), "Jo and me");
  view = find_nth (form, GTK_TYPE_TEXT_VIEW, 0);
  g_assert_cmpuint (reviews_tab_to (f, view), <=, 3);
  type_in_view (f, view, "I went twice and it was fine");
  view = find_nth (form, GTK_TYPE_TEXT_VIEW, 1);
  g_assert_cmpuint (reviews_tab_to (f, view), <=, 3);
  type_in_view (f, view, "Walked with the group twice");

  /* "Transport" got in the way: Space ticks it and its note appears, in the Tab order
   * straight after the last barrier (Shift+Tab from it goes there). Not a count of
   * presses from "Transport": on a loaded machine GTK 4.8 was seen leaving the grid of
   * barriers after "Caring" on the first pass after the tick, and reaching the rest and
   * the note on the next. */
  reviews_tab_to (f, find_check (form, "Transport"));
  press (f);
  note = cp_test_find_widget (form, GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (note);
  reviews_tab_to (f, note);
  g_signal_emit_by_name (f->window, "move-focus", GTK_DIR_TAB_BACKWARD);
  cp_test_flush_main_context ();
  g_assert_true (reviews_focus (f) == find_check (form, "Other"));
  g_assert_cmpuint (reviews_tab_to (f, note), ==, 1);
  cp_test_type_text (GTK_EDITABLE (note), "The bus was late");

  /* The walking goal is further on, with a note. */
  further = reviews_find_toggle (form, "Further on", 0);
  g_assert_nonnull (further);
  reviews_tab_to (f, further);
  press (f);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (further)));
  row = cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Note on this goal");
  reviews_tab_to (f, row);
  cp_test_type_text (GTK_EDITABLE (row), "Easier each week");

  /* Next steps, and the next review moved to 7 January. */
  view = find_nth (form, GTK_TYPE_TEXT_VIEW, 2);
  reviews_tab_to (f, view);
  type_in_view (f, view, "Try the Thursday walk too");
  row = cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Next review (YYYY-MM-DD)");
  g_assert_cmpuint (reviews_tab_to (f, row), <=, 2);
  gtk_editable_delete_text (GTK_EDITABLE (row), 0, -1);   /* Ctrl+A, Delete */
  cp_test_type_text (GTK_EDITABLE (row), "2027-01-07");

  /* Tab to "Record Review" and press it. */
  reviews_tab_to (f, cp_test_find_widget (form, GTK_TYPE_BUTTON, "_Record Review"));
  press (f);
  g_assert_true (cp_test_wait_until (has_review, f));

  reviews = cp_store_list_reviews (f->ws.store, f->person_id, &error);
  g_assert_no_error (error);
  review = g_ptr_array_index (reviews, 0);
  g_assert_cmpstr (review->held_on, ==, TODAY);
  g_assert_cmpstr (review->attended, ==, "Jo and me");
  g_assert_cmpstr (review->own_view, ==, "I went twice and it was fine");
  g_assert_cmpstr (review->next_steps, ==, "Try the Thursday walk too");
  rating = cp_review_info_find_rating (review, f->goal_walk);
  g_assert_nonnull (rating);
  g_assert_cmpint (rating->progress, ==, CP_PROGRESS_FURTHER);
  g_assert_cmpint (rating->level, ==, CP_GOAL_NOT_SET);
  g_assert_cmpstr (rating->note, ==, "Easier each week");
  g_assert_null (cp_review_info_find_rating (review, f->goal_phone));
  g_assert_cmpuint (review->barriers->len, ==, 1);
  g_assert_cmpint (((CpReviewBarrier *) g_ptr_array_index (review->barriers, 0))->barrier, ==,
                   CP_BARRIER_TRANSPORT);
  g_assert_cmpstr (cp_person_get_next_review (f->person), ==, "2027-01-07");
  g_assert_cmpint (cp_person_get_review_due (f->person, TODAY), ==, CP_REVIEW_DUE_ON_TIME);

  /* Back on the history: the goal's latest rating and the next review as the user reads
   * them, and the chart described in words. */
  g_assert_nonnull (cp_test_find_widget (page, GTK_TYPE_LABEL, "Next review 7 January 2027"));
  expander = cp_test_find_widget (page, ADW_TYPE_EXPANDER_ROW, GOAL_WALK);
  g_assert_nonnull (expander);
  g_assert_nonnull (cp_test_find_widget (page, GTK_TYPE_LABEL,
                                         "Latest: Further on — Easier each week (3 December 2026)"));
  /* Opened, the goal lists its ratings one review a row. */
  g_assert_null (cp_test_find_widget (expander, ADW_TYPE_ACTION_ROW, "3 December 2026"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  g_assert_true (cp_test_wait_for_widget (expander, ADW_TYPE_ACTION_ROW, "3 December 2026", TRUE));
  g_assert_nonnull (cp_goal_chart_view_get_description (CP_GOAL_CHART_VIEW (
    cp_test_find_named (page, "review-chart"))));
  cp_test_save_screenshot (f->window, "reviews-page-history.png");

  /* One undo step takes the whole review back, and the next review with it. */
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, "Record review");
  g_assert_true (cp_store_undo (f->ws.store, &error));
  g_assert_false (has_review (f));
  g_assert_cmpstr (cp_person_get_next_review (f->person), ==, OVERDUE_ON);
  g_assert_nonnull (cp_test_find_widget (page, ADW_TYPE_STATUS_PAGE, "No Reviews Yet"));
}

static void
test_future_refused (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *page = show_page (f, 1000);
  GtkWidget *form, *row;

  g_assert_true (gtk_widget_activate_action (page, "reviews.record", NULL));
  form = cp_test_find_widget (page, CP_TYPE_REVIEW_FORM, NULL);
  row = cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "Date held (YYYY-MM-DD)");
  gtk_editable_delete_text (GTK_EDITABLE (row), 0, -1);
  cp_test_type_text (GTK_EDITABLE (row), "2026-12-04");
  g_assert_true (gtk_widget_activate_action (form, "review.record", NULL));
  cp_test_flush_main_context ();

  /* The message stands next to the date, the form stays, and nothing was saved. */
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL,
                                         "A review cannot be dated in the future."));
  g_assert_true (gtk_widget_is_ancestor (reviews_focus (f), row));
  g_assert_false (has_review (f));
  g_assert_false (cp_store_can_undo (f->ws.store) &&
                  g_strcmp0 (cp_store_get_undo_label (f->ws.store), "Record review") == 0);
  g_assert_cmpstr (cp_person_get_next_review (f->person), ==, OVERDUE_ON);
  cp_test_save_screenshot (f->window, "reviews-form-future.png");

  /* Not a date at all. */
  gtk_editable_delete_text (GTK_EDITABLE (row), 0, -1);
  cp_test_type_text (GTK_EDITABLE (row), "3/12/2026");
  g_assert_true (gtk_widget_activate_action (form, "review.record", NULL));
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL,
                                         "Write the date as YYYY-MM-DD, for example 2026-12-03."));
  g_assert_false (has_review (f));
}

/* With Goal Attainment Scaling on, each goal is rated by level and says whether it counts
 * for the T-score: a goal with importance but no difficulty does not. */
static void
test_gas_counts (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CpGoalInfo) phone = cp_store_get_goal (f->ws.store, f->goal_phone, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  GtkWidget *page, *form;

  g_settings_set_boolean (settings, "goal-scaling", TRUE);
  phone->importance = 2;
  g_assert_true (cp_store_update_goal (f->ws.store, f->goal_phone, phone, &error));
  page = show_page (f, 360);
  g_assert_true (gtk_widget_activate_action (page, "reviews.record", NULL));
  form = cp_test_find_widget (page, CP_TYPE_REVIEW_FORM, NULL);
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL,
                                         "1 of 2 goals count for the score (T-score)."));
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL, "Counts for the score once rated"));
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL,
                                         "Does not count for the score: it needs both "
                                         "importance and difficulty, or neither"));
  g_assert_null (reviews_find_toggle (form, "Further on", 0));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (reviews_find_toggle (form, "+1", 0)), TRUE);
  cp_test_flush_main_context ();
  g_assert_nonnull (cp_test_find_widget (form, GTK_TYPE_LABEL, "Counts for the score"));
  cp_test_save_screenshot (f->window, "reviews-form-360.png");
  g_assert_true (gtk_widget_activate_action (form, "review.record", NULL));
  reviews = cp_store_list_reviews (f->ws.store, f->person_id, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (cp_review_info_find_rating (g_ptr_array_index (reviews, 0), f->goal_walk)->level,
                   ==, 1);
  g_settings_reset (settings, "goal-scaling");
}

/* The with-person view records the person's view and ratings, and shows no barriers,
 * notes or chart. */
static void
test_with_person (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *page = show_page (f, 1000);
  g_autoptr(CpReviewInfo) info = cp_review_info_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *form;

  g_free (info->held_on);
  info->held_on = g_strdup (TODAY);
  g_free (info->notes);
  info->notes = g_strdup ("Practitioner's own notes");
  cp_review_info_add_rating (info, f->goal_walk, CP_GOAL_NOT_SET, CP_PROGRESS_SAME, "");
  g_assert_cmpint (cp_store_add_review (f->ws.store, f->person_id, info, NULL, &error), >, 0);
  g_assert_nonnull (cp_test_find_named (page, "review-chart"));

  g_object_set (page, "with-person", TRUE, NULL);
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_named (page, "review-chart"));
  g_assert_nonnull (cp_test_find_widget (page, ADW_TYPE_EXPANDER_ROW, GOAL_WALK));
  g_assert_true (gtk_widget_activate_action (page, "reviews.record", NULL));
  form = cp_test_find_widget (page, CP_TYPE_REVIEW_FORM, NULL);
  g_assert_null (cp_test_find_widget (form, GTK_TYPE_CHECK_BUTTON, NULL));
  g_assert_null (cp_test_find_widget (form, ADW_TYPE_ENTRY_ROW, "New contacts made"));
  g_assert_nonnull (reviews_find_toggle (form, "About the same", 0));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/cp/goals/reviews-page/keyboard-review", Fixture, NULL,
              reviews_fixture_set_up, test_keyboard_review, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/reviews-page/future-refused", Fixture, NULL,
              reviews_fixture_set_up, test_future_refused, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/reviews-page/gas-counts", Fixture, NULL,
              reviews_fixture_set_up, test_gas_counts, reviews_fixture_tear_down);
  g_test_add ("/cp/goals/reviews-page/with-person", Fixture, NULL,
              reviews_fixture_set_up, test_with_person, reviews_fixture_tear_down);

  return g_test_run ();
}
