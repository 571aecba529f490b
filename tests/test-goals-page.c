/* test-goals-page.c: the Goals tab under Xvfb
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan made through the tab's own controls: a goal with two steps, one done by a
 * member picked from the map; an empty goal refused with a message and nothing saved; a
 * step due before the goal was made; goals moved by Alt+Up and Alt+Down; undo through
 * the store; the with-person mode without status, barriers or scores; a member taken off
 * the map read as "no longer on the map", and back with undo.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-goals-page"

#include "cp-test-ui.h"
#include "goals/cp-goal-row.h"
#include "goals/cp-goals-page.h"
#include "ui/cp-date-row.h"
#include "ui/cp-menu-button.h"
#include "store/cp-store-goals.h"
#include "store/cp-store-netmap.h"
#include "util/cp-date.h"

#define TODAY "2026-03-01"

typedef struct
{
  CpTestWorkspace  ws;
  CpPerson        *person;
  gint64           lena_id;      /* the member on the map */
  gint64           lena_lineage;
  GtkWidget       *window;
  CpGoalsPage     *page;
} Fixture;

static void
show (Fixture *f,
      int      width)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 900);
  f->page = CP_GOALS_PAGE (cp_goals_page_new (f->ws.store, f->person));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 snapshot;

  cp_date_set_today_for_testing (TODAY);
  cp_test_workspace_init (&f->ws, "workspace.cpkit");
  cp_test_add_person (f->ws.store, "Robin");
  f->person = cp_test_dup_person (f->ws.store, "Robin");
  snapshot = cp_store_start_map (f->ws.store, cp_person_get_id (f->person), &error);
  g_assert_no_error (error);
  f->lena_id = cp_store_add_member (f->ws.store, snapshot, CP_NETMAP_KIND_PERSON, "Lena",
                                    CP_NETMAP_SECTOR_FRIENDS, 1, &error);
  g_assert_no_error (error);
  cp_store_add_member (f->ws.store, snapshot, CP_NETMAP_KIND_PERSON, "Sam",
                       CP_NETMAP_SECTOR_FAMILY, 2, &error);
  g_assert_no_error (error);
  model = cp_store_load_snapshot (f->ws.store, snapshot, &error);
  g_assert_no_error (error);
  f->lena_lineage = cp_netmap_model_find (model, f->lena_id)->lineage;
  show (f, 1000);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cp_test_flush_main_context ();
  g_clear_object (&f->person);
  cp_test_workspace_clear (&f->ws);
  cp_date_set_today_for_testing (NULL);
}

/* ---- Helpers ------------------------------------------------------------------------- */

static GtkWidget *
find (Fixture    *f,
      GType       type,
      const char *text)
{
  GtkWidget *widget = cp_test_find_widget (f->window, type, text);

  if (widget == NULL)
    g_error ("No %s “%s” to be seen", g_type_name (type), text ? text : "");
  return widget;
}

static gboolean
shows (Fixture    *f,
       GType       type,
       const char *text)
{
  return cp_test_find_widget (f->window, type, text) != NULL;
}

static void
click (Fixture    *f,
       const char *label)
{
  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, label), "clicked");
  cp_test_flush_main_context ();
}

static void
type_into (Fixture    *f,
           const char *title,
           const char *text)
{
  cp_test_type_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, title)), text);
}

/* Picks @item in the combo row @title, as its popover does */
static void
pick (Fixture    *f,
      const char *title,
      const char *item)
{
  AdwComboRow *row = ADW_COMBO_ROW (find (f, ADW_TYPE_COMBO_ROW, title));
  GListModel *model = adw_combo_row_get_model (row);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          adw_combo_row_set_selected (row, i);
          cp_test_flush_main_context ();
          return;
        }
    }
  g_error ("“%s” offers no “%s”", title, item);
}

static guint
count_goals (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = cp_store_list_goals (f->ws.store,
                                                    cp_person_get_id (f->person), &error);

  g_assert_no_error (error);
  return goals->len;
}

static gint64
add_goal (Fixture    *f,
          const char *text)
{
  g_autoptr(CpGoalInfo) goal = cp_goal_info_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (goal->text);
  goal->text = g_strdup (text);
  id = cp_store_add_goal (f->ws.store, cp_person_get_id (f->person), goal, &error);
  g_assert_no_error (error);
  cp_test_flush_main_context ();
  return id;
}

/* The subtitle of the row titled @title */
static const char *
subtitle_of (Fixture    *f,
             const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find (f, ADW_TYPE_ACTION_ROW, title)));
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cp_store_undo (f->ws.store, &error));
  g_assert_no_error (error);
  cp_test_flush_main_context ();
}

/* The goals in the list "Working On", top to bottom, as "a|b|c" */
static char *
active_order (Fixture *f)
{
  GtkWidget *row = find (f, CP_TYPE_GOAL_ROW, NULL);
  GString *order = g_string_new (NULL);

  for (row = gtk_widget_get_first_child (gtk_widget_get_parent (row)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (order, "%s%s", order->len ? "|" : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (order, FALSE);
}

/* Presses @keyval with Alt on the page: runs the shortcut that key triggers there */
static void
press_alt (Fixture *f,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->page));
  guint i, j;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (f->page),
                                                           gtk_shortcut_get_arguments (shortcut)));
              cp_test_flush_main_context ();
              return;
            }
        }
    }
  g_error ("No shortcut for Alt+%s on the page", gdk_keyval_name (keyval));
}

/* A screenshot to look at, when CPKIT_SCREENSHOT_DIR asks for them (they take a while
 * under the sanitizers) */
static void
screenshot (Fixture    *f,
            const char *name)
{
  if (g_getenv ("CPKIT_SCREENSHOT_DIR") != NULL)
    cp_test_save_screenshot (f->window, name);
}

static void
go_back (Fixture *f)
{
  GtkWidget *back = cp_test_find_named (f->window, "goal-back");

  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_mapped (back));
  g_signal_emit_by_name (back, "clicked");
  cp_test_flush_main_context ();
}

/* ---- Tests --------------------------------------------------------------------------- */

/* The plan made through the tab's controls, one step done by Lena picked from the map */
static void
test_add_goal_with_steps (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  CpGoalInfo *goal;
  CpStepInfo *step;

  g_assert_true (shows (f, ADW_TYPE_STATUS_PAGE, "No Goals Yet"));
  click (f, "_Agree a First Goal");
  type_into (f, "The goal", "Run with other people again");
  type_into (f, "How will we know?", "I go to a group run");
  pick (f, "Life area", "Physical activity");
  click (f, "_Add Goal");
  g_assert_cmpuint (count_goals (f), ==, 1);

  /* The goal is open: its steps */
  g_assert_true (shows (f, GTK_TYPE_LABEL, "No steps yet. Break the goal into small steps, each one something to do before the next meeting."));
  type_into (f, "What is the step?", "Find two running groups");
  click (f, "_Add Step");
  type_into (f, "What is the step?", "Walk the route before the first Saturday");
  pick (f, "Who does it", "Someone on the map");
  pick (f, "Who on the map", "Lena");
  click (f, "_Add Step");

  g_assert_cmpstr (subtitle_of (f, "Find two running groups"), ==, "The person");
  g_assert_cmpstr (subtitle_of (f, "Walk the route before the first Saturday"), ==, "Lena");

  goals = cp_store_list_goals (f->ws.store, cp_person_get_id (f->person), &error);
  g_assert_no_error (error);
  goal = g_ptr_array_index (goals, 0);
  g_assert_cmpstr (goal->text, ==, "Run with other people again");
  g_assert_cmpstr (goal->measurable, ==, "I go to a group run");
  g_assert_cmpint (goal->life_area, ==, CP_LIFE_AREA_PHYSICAL_ACTIVITY);
  g_assert_cmpuint (goal->steps->len, ==, 2);
  step = g_ptr_array_index (goal->steps, 1);
  g_assert_cmpint (step->owner, ==, CP_STEP_OWNER_MEMBER);
  g_assert_cmpint (step->owner_lineage, ==, f->lena_lineage);

  /* The first step done, today */
  {
    GtkWidget *check = cp_test_find_widget (find (f, ADW_TYPE_ACTION_ROW, "Find two running groups"),
                                            GTK_TYPE_CHECK_BUTTON, NULL);

    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    cp_test_flush_main_context ();
    g_assert_cmpstr (subtitle_of (f, "Find two running groups"), ==,
                     "The person · done on 1 March 2026");
    check = cp_test_find_widget (find (f, ADW_TYPE_ACTION_ROW, "Find two running groups"),
                                 GTK_TYPE_CHECK_BUTTON, NULL);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  }

  /* Back in the list, the goal with its steps */
  go_back (f);
  g_assert_false (shows (f, ADW_TYPE_STATUS_PAGE, "No Goals Yet"));
  g_assert_cmpstr (subtitle_of (f, "Run with other people again"), ==,
                   "Physical activity · 1 of 2 steps done");
  screenshot (f, "goals-page-one-goal.png");
}

/* An empty goal is refused with a message under the field, and nothing is saved */
static void
test_empty_goal_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *last_edit = g_strdup (cp_store_get_undo_label (f->ws.store));
  GtkWidget *message;

  click (f, "_Agree a First Goal");
  type_into (f, "What exactly?", "Something on Sundays");
  type_into (f, "The goal", "   ");
  click (f, "_Add Goal");
  message = find (f, GTK_TYPE_LABEL, "Write the goal in the person’s own words first.");
  g_assert_true (gtk_widget_get_mapped (message));
  g_assert_cmpuint (count_goals (f), ==, 0);
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, last_edit);
  /* Still the new goal's form, with what was typed */
  g_assert_true (shows (f, GTK_TYPE_BUTTON, "_Add Goal"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, ADW_TYPE_ENTRY_ROW, "What exactly?"))),
                   ==, "Something on Sundays");

  /* Put right, it is added and the message goes */
  type_into (f, "The goal", "Meet Sam on Sundays");
  click (f, "_Add Goal");
  g_assert_cmpuint (count_goals (f), ==, 1);
  g_assert_false (shows (f, GTK_TYPE_LABEL, "Write the goal in the person’s own words first."));
}

/* A step due before the goal was made: a message next to the due date; a past target
 * date on a new goal: a warning, and the goal is still added */
static void
test_dates (Fixture       *f,
            gconstpointer  data)
{
  click (f, "_Agree a First Goal");
  type_into (f, "The goal", "Sing again");
  cp_date_row_set_date (CP_DATE_ROW (find (f, CP_TYPE_DATE_ROW, "Target date")), "2026-02-01");
  g_signal_emit_by_name (find (f, CP_TYPE_DATE_ROW, "Target date"), "date-chosen");
  cp_test_flush_main_context ();
  g_assert_true (shows (f, GTK_TYPE_LABEL,
                        "This date has already passed. It can stay if that is what you agreed."));
  click (f, "_Add Goal");
  g_assert_cmpuint (count_goals (f), ==, 1);

  type_into (f, "What is the step?", "Ask at church about the choir");
  cp_date_row_set_date (CP_DATE_ROW (find (f, CP_TYPE_DATE_ROW, "Due")), "2026-02-20");
  click (f, "_Add Step");
  g_assert_true (shows (f, GTK_TYPE_LABEL, "A step cannot be due before its goal was agreed."));
  g_assert_false (shows (f, ADW_TYPE_ACTION_ROW, "Ask at church about the choir"));
  g_assert_true (gtk_widget_has_css_class (find (f, CP_TYPE_DATE_ROW, "Due"), "error"));
}

/* Alt+Up and Alt+Down move the focused goal among its group, and the menu offers it */
static void
test_reorder_by_keyboard (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after_up = NULL;
  g_autofree char *after_down = NULL;
  GtkWidget *row;

  add_goal (f, "First");
  add_goal (f, "Second");
  add_goal (f, "Third");
  before = active_order (f);
  g_assert_cmpstr (before, ==, "First|Second|Third");

  gtk_widget_grab_focus (find (f, CP_TYPE_GOAL_ROW, "Third"));
  press_alt (f, GDK_KEY_Up);
  after_up = active_order (f);
  g_assert_cmpstr (after_up, ==, "First|Third|Second");
  /* The moved goal keeps the focus, so the keys can move it on */
  row = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), CP_TYPE_GOAL_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Third");
  press_alt (f, GDK_KEY_Up);
  press_alt (f, GDK_KEY_Down);
  press_alt (f, GDK_KEY_Down);
  after_down = active_order (f);
  g_assert_cmpstr (after_down, ==, "First|Second|Third");

  /* The goal's menu says the keys, and does the same */
  row = find (f, CP_TYPE_GOAL_ROW, "First");
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (cp_test_find_widget (row, GTK_TYPE_MENU_BUTTON, NULL));
    GMenuModel *menu = cp_menu_button_get_menu_model (button);
    g_autofree char *label = NULL;
    g_autofree char *accel = NULL;

    g_menu_model_get_item_attribute (menu, 2, "label", "s", &label);
    g_menu_model_get_item_attribute (menu, 2, "accel", "s", &accel);
    g_assert_cmpstr (label, ==, "Move _Down");
    g_assert_cmpstr (accel, ==, "<Alt>Down");
  }
  gtk_widget_activate_action (row, "goals.move-down", "x",
                              cp_goal_get_id (cp_goal_row_get_goal (CP_GOAL_ROW (row))));
  cp_test_flush_main_context ();
  g_free (after_down);
  after_down = active_order (f);
  g_assert_cmpstr (after_down, ==, "Second|First|Third");
}

/* Undo through the store takes back one edit at a time, and the tab follows */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  click (f, "_Agree a First Goal");
  type_into (f, "The goal", "Cook for other people");
  click (f, "_Add Goal");
  type_into (f, "What is the step?", "Visit the community kitchen");
  click (f, "_Add Step");
  type_into (f, "What is the step?", "Try one Thursday shift");
  click (f, "_Add Step");
  g_assert_true (shows (f, ADW_TYPE_ACTION_ROW, "Try one Thursday shift"));

  undo (f);
  g_assert_false (shows (f, ADW_TYPE_ACTION_ROW, "Try one Thursday shift"));
  g_assert_true (shows (f, ADW_TYPE_ACTION_ROW, "Visit the community kitchen"));
  undo (f);
  g_assert_false (shows (f, ADW_TYPE_ACTION_ROW, "Visit the community kitchen"));
  /* Undoing the goal itself closes it: the list is empty again */
  undo (f);
  g_assert_cmpuint (count_goals (f), ==, 0);
  g_assert_true (shows (f, ADW_TYPE_STATUS_PAGE, "No Goals Yet"));
}

/* Achieved today: the goal moves to its own group, with the date */
static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_goal (f, "Sing again");

  add_goal (f, "Cook for other people");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "goals.open", "x", id);
  cp_test_flush_main_context ();
  g_assert_false (shows (f, CP_TYPE_DATE_ROW, "Since"));
  pick (f, "Status", "Achieved");
  g_assert_true (shows (f, CP_TYPE_DATE_ROW, "Since"));
  g_assert_cmpstr (cp_date_row_get_date (CP_DATE_ROW (find (f, CP_TYPE_DATE_ROW, "Since"))),
                   ==, TODAY);
  go_back (f);
  g_assert_true (shows (f, GTK_TYPE_LABEL, "Achieved"));
  g_assert_cmpstr (subtitle_of (f, "Sing again"), ==, "Achieved on 1 March 2026");
  /* Achieved goals come after the active ones */
  g_assert_true (gtk_widget_get_parent (find (f, CP_TYPE_GOAL_ROW, "Sing again"))
                 != gtk_widget_get_parent (find (f, CP_TYPE_GOAL_ROW, "Cook for other people")));
  undo (f);
  g_assert_false (shows (f, GTK_TYPE_LABEL, "Achieved"));
}

/* With the person: their goals and steps, editable; no status, barriers, life area or
 * scores, and no put-aside goals */
static void
test_with_person (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_goal (f, "Go somewhere on Thursdays");
  gint64 aside = add_goal (f, "Learn to drive");
  g_autofree char *last_edit = NULL;

  g_assert_true (cp_store_set_goal_status (f->ws.store, aside, CP_GOAL_STATUS_STOPPED, NULL,
                                           &error));
  cp_test_flush_main_context ();
  cp_goals_page_set_goal_scaling (f->page, TRUE);

  /* The practitioner sees all of it */
  g_assert_true (shows (f, CP_TYPE_GOAL_ROW, "Learn to drive"));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "goals.open", "x", id);
  cp_test_flush_main_context ();
  g_assert_true (shows (f, ADW_TYPE_COMBO_ROW, "Status"));
  g_assert_true (shows (f, ADW_TYPE_ENTRY_ROW, "Importance (0–3)"));
  g_assert_true (shows (f, ADW_TYPE_ENTRY_ROW, "What gets in the way"));
  g_assert_true (shows (f, ADW_TYPE_COMBO_ROW, "Life area"));

  /* Importance out of range: a message next to it, nothing saved */
  last_edit = g_strdup (cp_store_get_undo_label (f->ws.store));
  type_into (f, "Importance (0–3)", "7");
  cp_goals_page_flush (f->page);
  g_assert_true (shows (f, GTK_TYPE_LABEL,
                        "Importance is a whole number from 0 to 3, or left empty."));
  g_assert_cmpstr (cp_store_get_undo_label (f->ws.store), ==, last_edit);

  cp_goals_page_set_with_person (f->page, TRUE);
  cp_test_flush_main_context ();
  g_assert_false (shows (f, ADW_TYPE_COMBO_ROW, "Status"));
  g_assert_false (shows (f, ADW_TYPE_ENTRY_ROW, "Importance (0–3)"));
  g_assert_false (shows (f, ADW_TYPE_ENTRY_ROW, "What gets in the way"));
  g_assert_false (shows (f, ADW_TYPE_COMBO_ROW, "Life area"));
  g_assert_false (shows (f, ADW_TYPE_COMBO_ROW, "Where they start (baseline)"));
  /* The wording is theirs to change */
  g_assert_true (gtk_widget_is_sensitive (find (f, ADW_TYPE_ENTRY_ROW, "The goal")));
  pick (f, "Who does it", "Me");
  screenshot (f, "goals-page-with-person-editor.png");

  go_back (f);
  g_assert_true (shows (f, CP_TYPE_GOAL_ROW, "Go somewhere on Thursdays"));
  g_assert_false (shows (f, CP_TYPE_GOAL_ROW, "Learn to drive"));
  g_assert_false (shows (f, GTK_TYPE_LABEL, "Put Aside"));
  g_assert_true (shows (f, GTK_TYPE_LABEL, "My Goals"));
}

/* A member taken off the map stays on the step and as a helper, "no longer on the map",
 * and undo brings the name back */
static void
test_member_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpStepInfo) step = cp_step_info_new ();
  g_autoptr(CpNetmapModel) model = NULL;
  gint64 id = add_goal (f, "Run with other people again");
  gint64 review, lena_now = 0;
  guint i;

  g_free (step->text);
  step->text = g_strdup ("Walk the route");
  step->owner = CP_STEP_OWNER_MEMBER;
  step->owner_lineage = f->lena_lineage;
  g_assert_cmpint (cp_store_add_step (f->ws.store, id, step, &error), !=, 0);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "goals.open", "x", id);
  cp_test_flush_main_context ();

  /* Lena helps, picked from the map */
  pick (f, "Someone from the map", "Lena");
  g_signal_emit_by_name (find (f, GTK_TYPE_BUTTON, "_Add"), "clicked");
  cp_test_flush_main_context ();
  g_assert_true (shows (f, ADW_TYPE_ACTION_ROW, "Lena"));
  g_assert_cmpstr (subtitle_of (f, "Walk the route"), ==, "Lena");

  /* At the review, a new map without Lena: the old map still knows her name */
  review = cp_store_start_review_map (f->ws.store, cp_person_get_id (f->person), &error);
  g_assert_no_error (error);
  model = cp_store_load_snapshot (f->ws.store, review, &error);
  g_assert_no_error (error);
  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    if (cp_netmap_model_get_member (model, i)->lineage == f->lena_lineage)
      lena_now = cp_netmap_model_get_member (model, i)->id;
  g_assert_cmpint (lena_now, !=, 0);
  g_assert_true (cp_store_delete_member (f->ws.store, lena_now, &error));
  g_assert_no_error (error);
  cp_test_flush_main_context ();
  g_assert_cmpstr (subtitle_of (f, "Walk the route"), ==, "Lena — no longer on the map");
  g_assert_true (shows (f, ADW_TYPE_ACTION_ROW, "Lena — no longer on the map"));
  screenshot (f, "goals-page-no-longer-on-map.png");

  undo (f);
  g_assert_cmpstr (subtitle_of (f, "Walk the route"), ==, "Lena");
  g_assert_false (shows (f, ADW_TYPE_ACTION_ROW, "Lena — no longer on the map"));
}

/* The practice workspace's Jo, at 1280 and 360 px: screenshots to look at */
static void
test_practice (void)
{
  g_autoptr(GError) error = NULL;
  Fixture fx = { 0 }, *f = &fx;
  g_autoptr(GPtrArray) goals = NULL;
  static const int widths[] = { 1280, 360 };
  guint w;

  f->ws.dir = cp_test_make_tmpdir ();
  f->ws.path = g_build_filename (f->ws.dir, "practice.cpkit", NULL);
  g_assert_true (cp_store_create_practice (f->ws.path, &error));
  f->ws.store = cp_store_open (f->ws.path, CP_STORE_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  f->person = cp_test_dup_person (f->ws.store, "Jo");
  goals = cp_store_list_goals (f->ws.store, cp_person_get_id (f->person), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, >, 0);

  /* Without screenshots to take, the narrow width alone: it is the one that can overflow */
  for (w = g_getenv ("CPKIT_SCREENSHOT_DIR") ? 0 : 1; w < G_N_ELEMENTS (widths); w++)
    {
      int width = widths[w];
      g_autofree char *list_name = g_strdup_printf ("goals-page-practice-%d.png", width);
      g_autofree char *goal_name = g_strdup_printf ("goals-page-practice-goal-%d.png", width);
      CpGoalInfo *first = g_ptr_array_index (goals, 0);

      show (f, width);
      cp_goals_page_set_goal_scaling (f->page, TRUE);
      g_assert_true (shows (f, CP_TYPE_GOAL_ROW, first->text));
      screenshot (f, list_name);
      gtk_widget_activate_action (GTK_WIDGET (f->page), "goals.open", "x", first->id);
      cp_test_flush_main_context ();
      screenshot (f, goal_name);
      /* Nothing is wider than the window */
      g_assert_cmpint (gtk_widget_get_width (f->window), <=, width);
      gtk_window_destroy (GTK_WINDOW (f->window));
      cp_test_flush_main_context ();
    }
  g_clear_object (&f->person);
  cp_test_workspace_clear (&f->ws);
}

int
main (int    argc,
      char **argv)
{
  cp_test_ui_init (&argc, &argv);

#define ADD(path, func) g_test_add ((path), Fixture, NULL, set_up, (func), tear_down)
  ADD ("/cp/goals/page/add-goal-with-steps", test_add_goal_with_steps);
  ADD ("/cp/goals/page/empty-goal-refused", test_empty_goal_refused);
  ADD ("/cp/goals/page/dates", test_dates);
  ADD ("/cp/goals/page/reorder-by-keyboard", test_reorder_by_keyboard);
  ADD ("/cp/goals/page/undo", test_undo);
  ADD ("/cp/goals/page/status", test_status);
  ADD ("/cp/goals/page/with-person", test_with_person);
  ADD ("/cp/goals/page/member-deleted", test_member_deleted);
#undef ADD
  g_test_add_func ("/cp/goals/page/practice", test_practice);
  return g_test_run ();
}
