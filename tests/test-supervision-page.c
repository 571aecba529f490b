/* test-supervision-page.c: the Supervision section's caseload as a supervisor sees it
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-supervision-page"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page.h"
#include "store/cp-store-supervision.h"
#include "supervision/cp-supervision-page-private.h"
#include "supervision/cp-supervision-sessions.h"
#include "util/cp-date.h"

#define TODAY "2026-03-01"
#define T     "'2026-01-01T00:00:00Z'"

typedef CpTestWindow Fixture;

/* A crafted caseload ("today" is 2026-03-01; maps older than 12 weeks are out of date):
 *   Alice Brown (CR-1): a map of September (out of date); one goal with no one outside
 *     services, its steps overdue: one the practitioner's, one hers, one the GP's; review
 *     overdue since 15 February; the last review's barriers money and transport; never
 *     discussed in supervision.
 *   Carl Dee (no case reference): paused six weeks ago, in hospital; no map, no goals.
 *   Eve Fox (CR-3): a map of February with the choir; a goal the choir helps with; next
 *     review in April; discussed in supervision on 20 February. */
static void
craft (CpStore *store)
{
  gint64 alice = cp_test_add_person (store, "Alice Brown");
  gint64 carl = cp_test_add_person (store, "Carl Dee");
  gint64 eve = cp_test_add_person (store, "Eve Fox");
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  g_autofree char *sql = g_strdup_printf (
    "UPDATE person SET case_ref = 'CR-1', next_review = '2026-02-15' WHERE id = %1$" G_GINT64_FORMAT ";"
    "UPDATE person SET case_ref = 'CR-3', next_review = '2026-04-01' WHERE id = %3$" G_GINT64_FORMAT ";"
    "UPDATE person SET case_ref = NULL WHERE id = %2$" G_GINT64_FORMAT ";"
    "INSERT INTO snapshot (id, person_id, label, taken_on, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", 'Baseline', '2025-09-01', " T ", " T "),"
    "(2, %3$" G_GINT64_FORMAT ", 'Baseline', '2026-02-20', " T ", " T ");"
    "INSERT INTO member (snapshot_id, lineage, kind, name, sector, ring, added_on, "
    "created_at, updated_at) VALUES "
    "(1, 1, 'person', 'Sam', 'friends', 1, '2025-09-01', " T ", " T "),"
    "(2, 1, 'activity', 'Choir', 'groups', 3, '2026-02-20', " T ", " T ");"
    "INSERT INTO goal (id, person_id, text, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", 'Walk', " T ", " T "),"
    "(2, %3$" G_GINT64_FORMAT ", 'Sing', " T ", " T ");"
    "INSERT INTO goal_member (goal_id, lineage, created_at) VALUES (2, 1, " T ");"
    "INSERT INTO step (goal_id, text, owner, owner_role, owner_lineage, due_on, done_on, "
    "created_at, updated_at) VALUES "
    "(1, 'Plan a route', 'practitioner', NULL, NULL, '2026-02-10', NULL, " T ", " T "),"
    "(1, 'Buy shoes', 'person', NULL, NULL, '2026-02-11', NULL, " T ", " T "),"
    "(1, 'Check knees', 'someone', 'the GP', NULL, '2026-02-12', NULL, " T ", " T "),"
    "(2, 'Go along', 'person', NULL, NULL, '2026-04-01', NULL, " T ", " T ");"
    "INSERT INTO review (id, person_id, held_on, created_at, updated_at) VALUES "
    "(1, %1$" G_GINT64_FORMAT ", '2026-02-01', " T ", " T ");"
    "INSERT INTO review_barrier (review_id, barrier, created_at) VALUES "
    "(1, 'money', " T "), (1, 'transport', " T ");",
    alice, carl, eve);

  cp_test_edit (store, "Caseload", sql);
  cp_date_set_today_for_testing ("2026-01-18");
  g_assert_true (cp_store_set_person_status (store, carl, CP_PERSON_STATUS_PAUSED,
                                             CP_PAUSE_REASON_HOSPITAL, NULL, &error));
  cp_date_set_today_for_testing (TODAY);
  session = cp_store_add_supervision_session (store, "2026-02-20", "", &eve, 1, &error);
  g_assert_no_error (error);
}

/* @data: TRUE for an empty workspace. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_date_set_today_for_testing (TODAY);
  cp_test_workspace_set_up (&f->ws, NULL);
  if (!GPOINTER_TO_INT (data))
    craft (f->ws.store);
  cp_test_window_present (f, FALSE);
  /* a laptop's width: the table (narrower, the cards) */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  _cp_window_show_section (f->window, "supervision");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cp_test_window_tear_down (f, data);
  cp_date_set_today_for_testing (NULL);
}

static CpSupervisionPage *
page (Fixture *f)
{
  return CP_SUPERVISION_PAGE (f->window->supervision_page);
}

/* The people as shown, in order: "AB EF CD". */
static char *
shown (Fixture *f)
{
  GListModel *model = cp_supervision_page_get_shown (page (f));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CpSupervisionCaseloadItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i ? " " : "",
                              cp_supervision_caseload_item_get_person (item,
                                                                       page (f)->show_names));
    }
  return g_string_free (s, FALSE);
}

static gboolean
visible_text (Fixture    *f,
              const char *text)
{
  /* a label on a card, an inscription in the table */
  return cp_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_WIDGET, text) != NULL;
}

static void
settle (Fixture *f)
{
  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
}

/* ---- Tests ---------------------------------------------------------------------------- */

static void check_flags (Fixture *f);
static void check_controls_named (Fixture *f);
static void check_add_view (Fixture *f);

/* Initials and case references until Show Names is pressed; never remembered. The flags'
 * words, every control named, another view added. */
static void
test_caseload (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CpSupervisionPage) other = NULL;
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page (f)->table)));
  g_assert_true (visible_text (f, "AB"));
  g_assert_true (visible_text (f, "CR-1"));
  g_assert_true (visible_text (f, "No case reference"));
  g_assert_false (visible_text (f, "Alice Brown"));
  g_assert_false (visible_text (f, "Carl Dee"));

  gtk_toggle_button_set_active (page (f)->names_button, TRUE);
  settle (f);
  g_assert_true (visible_text (f, "Alice Brown"));
  g_assert_true (visible_text (f, "Eve Fox"));
  g_assert_false (visible_text (f, "AB"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "Alice"));

  /* a page made anew (the next start) shows initials again */
  other = g_object_ref_sink (cp_supervision_page_new (f->ws.store));
  g_assert_false (gtk_toggle_button_get_active (other->names_button));
  gtk_toggle_button_set_active (page (f)->names_button, FALSE);
  settle (f);

  check_flags (f);
  check_controls_named (f);
  check_add_view (f);
}

/* Each question's answer in words, flagged where it needs attention. */
static void
check_flags (Fixture *f)
{
  static const char * const words[] = {
    "1 yours, 1 theirs, 1 others", "None overdue",
    "No copy given; guide not gone through",
    "1 Sep 2025 — out of date", "No map", "20 Feb 2026",
    "1 goal: 1 with steps, 0 linked outside services", "No goals",
    "1 goal: 1 with steps, 1 linked outside services",
    "Money, Transport", "No review yet",
    "Overdue since 15 Feb 2026", "Next 1 Apr 2026", "Paused 6 weeks — in hospital",
    "Yes", "No",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (!visible_text (f, words[i]))
      g_error ("“%s” is not on screen", words[i]);
  g_assert_true (gtk_widget_has_css_class (
    cp_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_INSCRIPTION, "Overdue since 15 Feb 2026"),
    "warning"));
  g_assert_false (gtk_widget_has_css_class (
    cp_test_find_widget (GTK_WIDGET (page (f)), GTK_TYPE_INSCRIPTION, "Next 1 Apr 2026"), "warning"));
}

static void
chips_only (Fixture *f,
            guint    on)
{
  for (guint c = 0; c < CP_N_CHIPS; c++)
    gtk_toggle_button_set_active (page (f)->chips[c], (on >> c) & 1);
  settle (f);
}

static void
assert_shown (Fixture    *f,
              const char *expected)
{
  g_autofree char *people = shown (f);

  g_assert_cmpstr (people, ==, expected);
}

/* Each chip on its own, two at once (all must hold), and the empty result. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  CpSupervisionPage *p = page (f);
  const char *description;

  assert_shown (f, "AB EF CD");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (p->chips[CP_CHIP_PAUSED])), ==,
                   "Paused over 4 weeks");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (p->chips[CP_CHIP_DISCUSSED])), ==,
                   "Not discussed for 8 weeks");

  chips_only (f, 1 << CP_CHIP_OVERDUE);
  assert_shown (f, "AB");
  chips_only (f, 1 << CP_CHIP_NO_GOALS);
  assert_shown (f, "CD");
  chips_only (f, 1 << CP_CHIP_MAP);
  assert_shown (f, "AB CD");
  chips_only (f, 1 << CP_CHIP_PAUSED);
  assert_shown (f, "CD");
  chips_only (f, 1 << CP_CHIP_DISCUSSED);
  assert_shown (f, "AB CD");
  chips_only (f, (1 << CP_CHIP_MAP) | (1 << CP_CHIP_DISCUSSED));
  assert_shown (f, "AB CD");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->content_stack), ==, "list");

  /* the weeks come from Preferences */
  g_settings_set_uint (p->settings, "supervision-paused-weeks", 7);
  chips_only (f, 1 << CP_CHIP_PAUSED);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (p->chips[CP_CHIP_PAUSED])), ==,
                   "Paused over 7 weeks");
  assert_shown (f, "");
  g_settings_reset (p->settings, "supervision-paused-weeks");

  /* two that no one meets at once: say what each shows alone, and offer to clear */
  chips_only (f, (1 << CP_CHIP_OVERDUE) | (1 << CP_CHIP_NO_GOALS));
  assert_shown (f, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->content_stack), ==, "no-matches");
  description = adw_status_page_get_description (p->no_matches);
  g_assert_nonnull (strstr (description, "“Review overdue” alone matches 1 person."));
  g_assert_nonnull (strstr (description, "“No goals” alone matches 1 person."));
  g_assert_nonnull (strstr (description, "No one matches all of them at once."));
  g_assert_true (cp_test_find_widget (GTK_WIDGET (p), GTK_TYPE_BUTTON, "_Clear Filters") != NULL);
  g_signal_emit_by_name (cp_test_find_widget (GTK_WIDGET (p), GTK_TYPE_BUTTON, "_Clear Filters"),
                         "clicked");
  settle (f);
  assert_shown (f, "AB EF CD");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->content_stack), ==, "list");
  for (guint c = 0; c < CP_N_CHIPS; c++)
    g_assert_false (gtk_toggle_button_get_active (p->chips[c]));
}

/* By the review (overdue first) to begin with; any column from the drop-down or a
 * heading, and the drop-down follows a heading. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  CpSupervisionPage *p = page (f);

  assert_shown (f, "AB EF CD");
  g_assert_cmpuint (gtk_drop_down_get_selected (p->sort_by), ==, CP_CASELOAD_REVIEW);

  gtk_drop_down_set_selected (p->sort_by, CP_CASELOAD_PERSON);
  assert_shown (f, "AB CD EF");
  gtk_toggle_button_set_active (p->reverse_button, TRUE);
  assert_shown (f, "EF CD AB");

  /* a heading clicked: the table sorts by it, and the drop-down says so */
  gtk_column_view_sort_by_column (p->table, p->columns[CP_CASELOAD_MAP], GTK_SORT_ASCENDING);
  assert_shown (f, "CD AB EF");
  g_assert_cmpuint (gtk_drop_down_get_selected (p->sort_by), ==, CP_CASELOAD_MAP);
  g_assert_false (gtk_toggle_button_get_active (p->reverse_button));
  /* (descending turns the ties round too) */
  gtk_column_view_sort_by_column (p->table, p->columns[CP_CASELOAD_STEPS], GTK_SORT_DESCENDING);
  assert_shown (f, "AB EF CD");
  g_assert_cmpuint (gtk_drop_down_get_selected (p->sort_by), ==, CP_CASELOAD_STEPS);
  g_assert_true (gtk_toggle_button_get_active (p->reverse_button));
}

/* At 360 px the cards show, one named row per person, from the same filter and order. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  CpSupervisionPage *p = page (f);
  GtkListBoxRow *row;
  g_autofree char *label = NULL;
  g_autofree char *wrong = NULL;

  cp_test_save_screenshot (GTK_WIDGET (f->window), "supervision-page-1280.png");
  g_assert_true (adw_squeezer_get_visible_child (p->squeezer) == p->table_scroll);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  settle (f);
  settle (f);
  g_assert_true (adw_squeezer_get_visible_child (p->squeezer) == p->cards_scroll);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (p->cards)));
  g_assert_cmpuint (cp_test_count_rows (GTK_WIDGET (p->cards)), ==, 3);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "supervision-page-360.png");

  row = gtk_list_box_get_row_at_index (p->cards, 0);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  label = g_strconcat ("AB, CR-1. Steps overdue: 1 yours, 1 theirs, 1 others. ",
                       "Copy and guide: No copy given; guide not gone through. ",
                       "Community: No. Map: 1 Sep 2025 — out of date. ",
                       "Goals: 1 goal: 1 with steps, 0 linked outside services. ",
                       "Last barriers: Money, Transport. Review: Overdue since 15 Feb 2026.",
                       NULL);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_null (wrong);
  g_assert_true (visible_text (f, "Review: Paused 6 weeks — in hospital"));

  /* the same filter and sort as the table */
  chips_only (f, 1 << CP_CHIP_MAP);
  g_assert_cmpuint (cp_test_count_rows (GTK_WIDGET (p->cards)), ==, 2);
  gtk_toggle_button_set_active (p->names_button, TRUE);
  settle (f);
  g_assert_true (visible_text (f, "Carl Dee"));
  g_clear_pointer (&wrong, g_free);
  wrong = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (p->cards, 0)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  g_assert_nonnull (wrong);  /* now by name */
}

/* Every control has a name and a tooltip; the table's rows are named by their person. */
static void
check_controls_named (Fixture *f)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n = 0;

  /* the caseload's controls (the header's are the window's and libadwaita's) */
  cp_test_check_controls (GTK_WIDGET (page (f)->views), missing, &n);
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpstr (missing->str, ==, "");
}

static void check_with_person (Fixture *f);

/* Activating a row opens the person in People; facing them, the page holds no one. */
static void
test_open_person (Fixture       *f,
                  gconstpointer  data)
{
  CpSupervisionPage *p = page (f);
  g_autoptr(CpSupervisionCaseloadItem) first =
    g_list_model_get_item (cp_supervision_page_get_shown (p), 0);
  g_autoptr(CpPerson) person = NULL;

  g_signal_emit_by_name (p->table, "activate", 0);
  settle (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->section_stack), ==, "people");
  person = cp_people_page_dup_person (CP_PEOPLE_PAGE (f->window->people_page));
  g_assert_nonnull (person);
  g_assert_cmpint (cp_person_get_id (person), ==,
                   cp_supervision_caseload_item_get_row (first)->person_id);
  check_with_person (f);
}

static gboolean
n_shown_is (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (cp_supervision_page_get_shown (args[0]))
         == GPOINTER_TO_UINT (args[1]);
}

/* A caseload of a hundred at 360 px: the page opens with the first forty cards, not a
 * card for everyone (a GtkListBox makes them all at once), and the next come as the
 * list reaches its last card, by scrolling or by the keyboard, until everyone is there
 * in the order shown. */
static void
test_narrow_many (Fixture       *f,
                  gconstpointer  data)
{
  CpSupervisionPage *p = page (f);
  gpointer hundred[] = { p, GUINT_TO_POINTER (100) };
  GtkAdjustment *adjustment;
  GtkWidget *row;
  GListModel *shown_model = cp_supervision_page_get_shown (p);
  g_autoptr(CpSupervisionCaseloadItem) last = NULL;
  g_autofree char *summary = NULL;
  char *wrong;

  for (guint i = 0; i < 97; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);

      cp_test_add_person (f->ws.store, name);
    }
  g_assert_true (cp_test_wait_until (n_shown_is, hundred));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  settle (f);
  settle (f);
  g_assert_true (adw_squeezer_get_visible_child (p->squeezer) == p->cards_scroll);
  g_assert_cmpuint (cp_test_count_rows (GTK_WIDGET (p->cards)), ==, 40);

  /* scrolled to the end: forty more */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (p->cards_scroll));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  cp_test_wait_for_rows (GTK_WIDGET (p->cards), 80);

  /* End moves to the last card made, and the list scrolls to it: the rest */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (p->cards, 0)));
  settle (f);
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (p->cards), "End"));
  cp_test_wait_for_rows (GTK_WIDGET (p->cards), 100);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (p->cards, 79));
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (row)) == row);

  last = g_list_model_get_item (shown_model, 99);
  summary = cp_supervision_caseload_item_dup_summary (last, p->show_names);
  wrong = gtk_test_accessible_check_property (
    GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (p->cards, 99)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, summary);
  g_assert_null (wrong);
}

/* The caseload is read again after a change, once the section is on screen. */
static void
test_reread (Fixture       *f,
             gconstpointer  data)
{
  gpointer four[] = { page (f), GUINT_TO_POINTER (4) };
  gpointer five[] = { page (f), GUINT_TO_POINTER (5) };

  cp_test_add_person (f->ws.store, "Gil Ho");
  g_assert_true (cp_test_wait_until (n_shown_is, four));
  g_assert_true (visible_text (f, "GH"));

  _cp_window_show_section (f->window, "people");
  settle (f);
  cp_test_add_person (f->ws.store, "Ida Jay");
  settle (f);
  g_assert_true (n_shown_is (four));
  _cp_window_show_section (f->window, "supervision");
  g_assert_true (cp_test_wait_until (n_shown_is, five));
}

/* Facing the person, no one's initials stay in the page. */
static void
check_with_person (Fixture *f)
{
  g_autoptr(CpPerson) eve = cp_test_dup_person (f->ws.store, "Eve Fox");
  gpointer none[] = { page (f), GUINT_TO_POINTER (0) };
  gpointer three[] = { page (f), GUINT_TO_POINTER (3) };

  _cp_window_show_section (f->window, "people");
  cp_people_page_open_person (CP_PEOPLE_PAGE (f->window->people_page), eve);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.with-person", NULL);
  settle (f);
  g_assert_true (n_shown_is (none));
  _cp_window_leave_with_person (f->window);
  g_assert_true (cp_test_wait_until (n_shown_is, three));
}

/* No one on the caseload: a page of its own, with the way to People. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  CpSupervisionPage *p = page (f);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (p->content_stack), ==, "empty");
  g_assert_true (cp_test_find_widget (GTK_WIDGET (p), GTK_TYPE_BUTTON, "_Go to People") != NULL);
  gtk_widget_activate_action (cp_test_find_widget (GTK_WIDGET (p), GTK_TYPE_BUTTON,
                                                   "_Go to People"),
                              "win.show-person", "x", (gint64) 0);
  settle (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->section_stack), ==, "people");
}

/* The window adds the supervision sessions as the section's second view: the caseload
 * stays first, and the switcher takes the user to the sessions. A further view can be
 * added the same way. */
static void
check_add_view (Fixture *f)
{
  CpSupervisionPage *p = page (f);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adw_view_stack_get_pages (p->views))),
                    ==, 2);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (p->views), ==, "caseload");
  adw_view_stack_set_visible_child_name (p->views, "sessions");
  settle (f);
  g_assert_true (CP_IS_SUPERVISION_SESSIONS (adw_view_stack_get_visible_child (p->views)));
  g_assert_true (gtk_widget_get_mapped (adw_view_stack_get_visible_child (p->views)));
  adw_view_stack_set_visible_child_name (p->views, "caseload");
  cp_supervision_page_add_view (p, gtk_label_new ("More here"), "more", "More",
                                "x-office-calendar-symbolic");
  settle (f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (p->views), ==, "caseload");
  adw_view_stack_set_visible_child_name (p->views, "more");
  settle (f);
  g_assert_true (visible_text (f, "More here"));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible properties to read */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cp_test_ui_init (&argc, &argv);

#define ADD(name, func, empty) \
  g_test_add ("/cp/supervision/page/" name, Fixture, GINT_TO_POINTER (empty), \
              fixture_set_up, func, fixture_tear_down)
  ADD ("caseload", test_caseload, FALSE);
  ADD ("filters", test_filters, FALSE);
  ADD ("sort", test_sort, FALSE);
  ADD ("narrow", test_narrow, FALSE);
  ADD ("narrow-many", test_narrow_many, FALSE);
  ADD ("open-person", test_open_person, FALSE);
  ADD ("reread", test_reread, FALSE);
  ADD ("empty", test_empty, TRUE);
#undef ADD

  return g_test_run ();
}
