/* test-with-person-view.c: goals agreed together with the screen turned to the person
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the practice workspace's Jo, with Goal Attainment Scaling on: in the with-person
 * view a goal's wording is changed and a step added, and Ctrl+Z takes back exactly those
 * (typing merged into one step counts once) and nothing the practitioner did before;
 * leaving saves what was still being typed; the person's view and rating are recorded at
 * a review; and nothing the view holds says a score, a status, the focus, a caution flag,
 * the practitioner’s notes, the disclosure log or supervision; at 360 px every tab still
 * fits.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-with-person-view"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "goals/cp-goals-page.h"
#include "goals/cp-review-form.h"
#include "goals/cp-review-ui.h"
#include "goals/cp-reviews-page.h"
#include "people/cp-people-page.h"
#include "people/cp-person-row.h"
#include "people/cp-with-person-view.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "store/cp-store-reviews.h"
#include "store/cp-store-supervision.h"
#include "util/cp-date.h"

#define GOAL_1   "I want to run with other people again"
#define NOTES    "Jo prefers mornings. Check the housing letter."

typedef struct
{
  CpTestWindow      w;     /* first: cp_test_window_tear_down () takes it */
  GSettings        *settings;
  gint64            jo;
  gint64            goal_1;
  CpWithPersonView *view;
} Fixture;

/* ---- Setting up ---------------------------------------------------------------------- */

static gint64
person_named (CpStore    *store,
              const char *name)
{
  GListModel *people = cp_store_get_people (store);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      if (g_str_equal (cp_person_get_name (p), name))
        return cp_person_get_id (p);
    }
  g_assert_not_reached ();
}

static CpGoalInfo *
dup_goal (Fixture *f,
          gint64   goal_id)
{
  g_autoptr(GError) error = NULL;
  CpGoalInfo *goal = cp_store_get_goal (f->w.ws.store, goal_id, &error);

  g_assert_no_error (error);
  return goal;
}

/* What the practitioner did before turning the screen: Goal Attainment Scaling on the
 * first goal and a review rated on it (so there is a T-score), a caution flag on Sam, and
 * last of all a note. */
static void
practitioner_work (Fixture *f)
{
  CpStore *store = f->w.ws.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = cp_store_list_goals (store, f->jo, &error);
  g_autoptr(CpGoalInfo) goal = NULL;
  g_autoptr(CpReviewInfo) review = cp_review_info_new ();
  g_autoptr(CpNetmapModel) map = NULL;
  g_autofree char *today = cp_date_today ();
  gint64 snapshot = 0;

  g_assert_no_error (error);
  f->goal_1 = ((CpGoalInfo *) g_ptr_array_index (goals, 0))->id;
  goal = dup_goal (f, f->goal_1);
  g_assert_cmpstr (goal->text, ==, GOAL_1);
  goal->importance = 2;
  goal->difficulty = 1;
  for (guint i = 0; i < G_N_ELEMENTS (goal->levels); i++)
    {
      g_free (goal->levels[i]);
      goal->levels[i] = g_strdup_printf ("Level %u in Jo's words", i);
    }
  g_assert_true (cp_store_update_goal (store, f->goal_1, goal, &error));

  g_free (review->held_on);
  review->held_on = g_strdup (today);
  g_free (review->own_view);
  review->own_view = g_strdup ("The small group feels right.");
  g_free (review->notes);
  review->notes = g_strdup ("Practitioner's account of the session");
  cp_review_info_add_rating (review, f->goal_1, 1, CP_PROGRESS_NONE, "");
  cp_review_info_add_barrier (review, CP_BARRIER_CONFIDENCE, "Crowds");
  g_assert_cmpint (cp_store_add_review (store, f->jo, review, NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (cp_store_get_current_snapshot (store, f->jo, &snapshot, &error));
  map = cp_store_load_snapshot (store, snapshot, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cp_netmap_model_get_n_members (map); i++)
    if (g_str_equal (cp_netmap_model_get_member (map, i)->name, "Sam (sister)"))
      g_assert_true (cp_store_set_member_mark (store, cp_netmap_model_get_member (map, i)->id,
                                               CP_MEMBER_MARK_CAUTION, TRUE, &error));
  g_assert_true (cp_store_set_person_notes (store, f->jo, NOTES, &error));
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->settings = g_settings_new (APP_ID);
  g_settings_set_boolean (f->settings, "goal-scaling", TRUE);
  cp_test_workspace_set_up_practice (&f->w.ws, NULL);
  f->jo = person_named (f->w.ws.store, "Jo");
  practitioner_work (f);
  cp_test_window_present (&f->w, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 1280, 800);

  /* Show to the Person, from Jo's page */
  cp_people_page_open_person (CP_PEOPLE_PAGE (f->w.window->people_page),
                              cp_store_find_person (f->w.ws.store, f->jo));
  cp_test_flush_main_context ();
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), "win.with-person", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  g_assert_true (_cp_window_get_with_person (f->w.window));
  f->view = CP_WITH_PERSON_VIEW (f->w.window->with_person_view);
  /* The store's clock stops: typing in two goes merges however slow the machine is. */
  _cp_store_set_now_for_testing (f->w.ws.store, g_get_monotonic_time ());
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  cp_test_window_tear_down (&f->w, data);
  g_settings_reset (f->settings, "goal-scaling");
  g_clear_object (&f->settings);
}

/* ---- Helpers ------------------------------------------------------------------------- */

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *text)
{
  GtkWidget *widget = cp_test_find_widget (GTK_WIDGET (f->view), type, text);

  if (widget == NULL)
    g_error ("No %s “%s” to be seen", g_type_name (type), text ? text : "");
  return widget;
}

/* Shows the tab @name ("map", "goals", "reviews"), as its switcher does */
static GtkWidget *
show_tab (Fixture    *f,
          const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (cp_test_find_widget (GTK_WIDGET (f->view),
                                                             ADW_TYPE_VIEW_STACK, NULL));

  adw_view_stack_set_visible_child_name (stack, name);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  return adw_view_stack_get_visible_child (stack);
}

static void
press (Fixture    *f,
       const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (f->w.window), action, NULL);
  cp_test_flush_main_context ();
}

static GtkEditable *
goal_row (Fixture *f)
{
  return GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "The goal"));
}

/* Opens the first goal in the Goals tab */
static void
open_goal_1 (Fixture *f)
{
  GtkWidget *goals = cp_test_find_widget (show_tab (f, "goals"), CP_TYPE_GOALS_PAGE, NULL);

  g_assert_nonnull (goals);
  gtk_widget_activate_action (goals, "goals.open", "x", f->goal_1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  g_assert_cmpstr (gtk_editable_get_text (goal_row (f)), ==, GOAL_1);
}

static void
retype (GtkEditable *editable,
        const char  *text)
{
  gtk_editable_delete_text (editable, 0, -1);
  cp_test_type_text (editable, text);
}

static guint
n_steps (Fixture *f)
{
  g_autoptr(CpGoalInfo) goal = dup_goal (f, f->goal_1);

  return goal->steps->len;
}

static char *
goal_text (Fixture *f)
{
  g_autoptr(CpGoalInfo) goal = dup_goal (f, f->goal_1);

  return g_strdup (goal->text);
}

static void
assert_practitioner_work_kept (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = cp_store_list_reviews (f->w.ws.store, f->jo, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cp_person_get_notes (cp_store_find_person (f->w.ws.store, f->jo)), ==, NOTES);
  g_assert_cmpuint (reviews->len, ==, 2);
}

/* Every text a widget of @root shows or says on hover, where it and all between it and
 * @root are shown (tabs and pages not on top count: a tap away) */
static void
collect_texts (GtkWidget *root,
               GString   *texts)
{
  const char *tip = gtk_widget_get_tooltip_text (root);

  if (!gtk_widget_get_visible (root))
    return;
  if (GTK_IS_LABEL (root))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  if (GTK_IS_EDITABLE (root) && !GTK_IS_TEXT (root))
    g_string_append_printf (texts, "%s\n", gtk_editable_get_text (GTK_EDITABLE (root)));
  if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (texts, "%s\n", text);
    }
  if (tip != NULL)
    g_string_append_printf (texts, "%s\n", tip);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, texts);
}

static gboolean
says (const char *texts,
      const char *words)
{
  g_autofree char *folded_texts = g_utf8_casefold (texts, -1);
  g_autofree char *folded_words = g_utf8_casefold (words, -1);

  return strstr (folded_texts, folded_words) != NULL;
}

static void
save_screens (Fixture    *f,
              const char *width)
{
  const char *tabs[] = { "map", "goals", "reviews" };

  if (g_getenv ("CPKIT_SCREENSHOT_DIR") == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *name = g_strdup_printf ("with-person-%s-%s.png", tabs[i], width);

      show_tab (f, tabs[i]);
      cp_test_save_screenshot (GTK_WIDGET (f->w.window), name);
    }
}

static gboolean
is_narrow (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->w.window)) <= 400
         && gtk_widget_get_visible (cp_test_find_named (GTK_WIDGET (f->view), "tabs-below"));
}

/* ---- Cases --------------------------------------------------------------------------- */

/* The wording changed and a step added facing the person; Ctrl+Z takes back those two,
 * and no more; Ctrl+Shift+Z brings the step back */
static void
test_agree_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint64 steps = cp_store_get_n_undo_steps (f->w.ws.store);

  open_goal_1 (f);
  /* typed in two goes with a pause after a space: saved twice, the space kept where it
   * is typed, one undo step in the store */
  retype (goal_row (f), "I want to run ");
  cp_with_person_view_flush (f->view);
  cp_test_type_text (goal_row (f), "with a small group on Saturdays");
  cp_with_person_view_flush (f->view);
  g_assert_cmpuint (cp_store_get_n_undo_steps (f->w.ws.store), ==, steps + 1);
  text = goal_text (f);
  g_assert_cmpstr (text, ==, "I want to run with a small group on Saturdays");
  g_assert_true (cp_with_person_view_can_undo (f->view, FALSE));

  cp_test_type_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "What is the step?")),
                     "Ask Lena when the group meets");
  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, "_Add Step"), "clicked");
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_steps (f), ==, 5);
  g_assert_nonnull (find (f, ADW_TYPE_ACTION_ROW, "Ask Lena when the group meets"));

  press (f, "win.undo");
  g_assert_cmpuint (n_steps (f), ==, 4);
  press (f, "win.undo");
  g_clear_pointer (&text, g_free);
  text = goal_text (f);
  g_assert_cmpstr (text, ==, GOAL_1);
  g_assert_cmpstr (gtk_editable_get_text (goal_row (f)), ==, GOAL_1);
  /* what the practitioner did before stays out of reach */
  g_assert_false (cp_with_person_view_can_undo (f->view, FALSE));
  press (f, "win.undo");
  assert_practitioner_work_kept (f);
  g_assert_true (cp_store_can_undo (f->w.ws.store));

  press (f, "win.redo");
  g_clear_pointer (&text, g_free);
  text = goal_text (f);
  g_assert_cmpstr (text, ==, "I want to run with a small group on Saturdays");
  g_assert_true (_cp_window_get_with_person (f->w.window));
}

/* Leave… asks; leaving saves what was still being typed, and takes the person's pages
 * out of the window */
static void
test_leave_saves (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;

  open_goal_1 (f);
  retype (goal_row (f), "I want to run with friends");
  g_assert_cmpstr ((text = goal_text (f)), ==, GOAL_1);

  press (f, "win.leave-with-person");
  dialog = cp_test_wait_for_dialog ("Leave the Person’s View?");
  cp_test_respond (dialog, "leave");
  cp_test_flush_main_context ();
  g_assert_false (_cp_window_get_with_person (f->w.window));
  g_clear_pointer (&text, g_free);
  text = goal_text (f);
  g_assert_cmpstr (text, ==, "I want to run with friends");
  g_assert_null (cp_test_find_widget (GTK_WIDGET (f->view), CP_TYPE_GOALS_PAGE, NULL));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (f->view), CP_TYPE_REVIEWS_PAGE, NULL));
}

static void
leave (Fixture *f)
{
  press (f, "win.leave-with-person");
  cp_test_respond (cp_test_wait_for_dialog ("Leave the Person’s View?"), "leave");
  cp_test_flush_main_context ();
  g_assert_false (_cp_window_get_with_person (f->w.window));
}

/* The keyboard goes with the screen: into the view as it turns to the person, and back
 * to where it was when the view is left. GTK left it nowhere, where Tab found nothing. */
static void
test_keyboard_follows (Fixture       *f,
                       gconstpointer  data)
{
  GtkRoot *root = GTK_ROOT (f->w.window);
  GtkWidget *row;
  GtkWidget *focus;

  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->view)));
  g_assert_true (gtk_widget_is_drawable (focus));

  /* From a person's row in the list, which goes while the view is up (the caseload is
   * not in the window then): back to the list, on that row. */
  leave (f);
  row = cp_test_find_widget (f->w.window->people_page, CP_TYPE_PERSON_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  press (f, "win.with-person");
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (f->view)));

  leave (f);
  focus = gtk_root_get_focus (root);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_drawable (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, f->w.window->people_page));

  /* From a button that stays: back to that button. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->w.window->primary_menu_button)));
  press (f, "win.with-person");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (f->view)));
  leave (f);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root),
                                         GTK_WIDGET (f->w.window->primary_menu_button)));
}

/* At a review facing the person: their view and their rating, in words; Ctrl+Z takes
 * the review back */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  GtkWidget *reviews_page = cp_test_find_widget (show_tab (f, "reviews"),
                                                 CP_TYPE_REVIEWS_PAGE, NULL);
  GtkWidget *form;
  GtkWidget *level;
  CpReviewInfo *review;

  gtk_widget_activate_action (reviews_page, "reviews.record", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  form = find (f, CP_TYPE_REVIEW_FORM, NULL);
  g_assert_nonnull (find (f, GTK_TYPE_LABEL, "How things have gone for me"));
  cp_review_ui_set_text (find (f, GTK_TYPE_TEXT_VIEW, NULL), "Saturdays are good for me.");
  /* the levels are buttons in words, never numbers */
  g_assert_null (cp_test_find_widget (form, GTK_TYPE_LABEL, "+1"));
  level = gtk_widget_get_ancestor (find (f, GTK_TYPE_LABEL, "More than expected"),
                                   GTK_TYPE_TOGGLE_BUTTON);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (level), TRUE);
  g_assert_true (cp_review_form_record (CP_REVIEW_FORM (form)));
  cp_test_flush_main_context ();

  reviews = cp_store_list_reviews (f->w.ws.store, f->jo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 3);
  review = g_ptr_array_index (reviews, 2);
  g_assert_cmpstr (review->own_view, ==, "Saturdays are good for me.");
  g_assert_cmpint (cp_review_info_find_rating (review, f->goal_1)->level, ==, 1);
  g_assert_cmpuint (review->barriers->len, ==, 0);

  press (f, "win.undo");
  press (f, "win.undo");
  assert_practitioner_work_kept (f);
}

/* The person's goals, steps, next meeting, their view and ratings; no score, status,
 * focus, caution, notes or disclosure log in any tab, the goal and the review form open */
static void
test_shows_only_theirs (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *next = NULL;
  g_autofree char *meeting = NULL;
  const char *forbidden[] = {
    "score", "status", "caution", "case record", NOTES, "Practitioner’s account",
    "Reviewing", "focus", "disclosure", "given to", "overdue", "achieved", "put aside",
    "importance", "difficulty", "attainment", "practitioner only", "what got in the way",
    "what happened", "Crowds", "+1", "+2", "−1", "−2", "paused", "supervision",
    "Ask Jo about the choir", "Plan reviewed", "Pat Lee", "boundaries",
  };

  /* Supervision is the practitioner's: none of it faces the person. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *today = cp_date_today ();
    g_autofree char *session = NULL;
    gint64 jo[] = { f->jo };

    session = cp_store_add_supervision_session (f->w.ws.store, today, "team manager", jo, 1,
                                                &error);
    g_free (cp_store_add_supervision_action (f->w.ws.store, session, f->jo,
                                             "Ask Jo about the choir", "practitioner", NULL,
                                             &error));
    g_assert_true (cp_store_sign_off_supervision (f->w.ws.store, session, f->jo, "Pat Lee",
                                                  "Team manager", NULL, &error));
    g_assert_no_error (error);
  }
  open_goal_1 (f);
  gtk_widget_activate_action (cp_test_find_widget (show_tab (f, "reviews"),
                                                   CP_TYPE_REVIEWS_PAGE, NULL),
                              "reviews.record", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->w.window));
  collect_texts (GTK_WIDGET (f->view), texts);

  next = cp_date_format_long (cp_person_get_next_review (cp_store_find_person (f->w.ws.store,
                                                                              f->jo)));
  meeting = g_strdup_printf ("Next meeting: %s", next);
  g_assert_true (says (texts->str, meeting));
  g_assert_true (says (texts->str, "Jo"));
  g_assert_true (says (texts->str, GOAL_1));
  g_assert_true (says (texts->str, "Walk the route with Lena before the first Saturday"));
  g_assert_true (says (texts->str, "The small group feels right."));
  g_assert_true (says (texts->str, "More than expected"));
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (says (texts->str, forbidden[i]))
      g_error ("The with-person view says “%s”:\n%s", forbidden[i], texts->str);
  save_screens (f, "1280");

  /* On a phone-sized window every tab still fits, the tabs at the bottom */
  gtk_window_set_default_size (GTK_WINDOW (f->w.window), 360, 800);
  g_assert_true (cp_test_wait_until (is_narrow, f));
  save_screens (f, "360");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  cp_test_ui_init (&argc, &argv);
  /* The app's style sheet (AdwApplication loads it; there is none here): the larger text
   * the person reads, in the screenshots too. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(name, func) \
  g_test_add ("/cp/people/with-person/" name, Fixture, NULL, set_up, func, tear_down)
  ADD ("agree-and-undo", test_agree_and_undo);
  ADD ("leave-saves", test_leave_saves);
  ADD ("keyboard-follows", test_keyboard_follows);
  ADD ("review", test_review);
  ADD ("shows-only-theirs", test_shows_only_theirs);
#undef ADD

  return g_test_run ();
}
