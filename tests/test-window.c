/* test-window.c: the main window and the caseload, driven as a user would
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-window"

#include <sqlite3.h>

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "people/cp-people-page.h"
#include "people/cp-person-row.h"
#include "store/cp-store.h"
#include "ui/cp-date-row.h"
#include "ui/cp-empty-state.h"

typedef CpTestWindow Fixture;

/* The window on "Test caseload", a practice workspace when @data says so. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "Test caseload.cpkit");
  cp_test_window_present (f, GPOINTER_TO_INT (data));
}

/* Rows in the person table with this name, read through a connection of our own. */
static int
count_in_database (const char *path,
                   const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM person WHERE name = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static GtkWidget *
list_view (Fixture *f)
{
  /* The caseload, not the list inside a drop-down's button. */
  GtkWidget *list = cp_test_find_named (f->window->people_page, "people-list");

  g_assert_nonnull (list);
  return list;
}

static void
add_person_through_ui (Fixture    *f,
                       const char *name)
{
  GtkWidget *entry;

  gtk_widget_activate_action (f->window->people_page, "people.add", NULL);
  /* The entry lives in the add popover. */
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, GTK_TYPE_POPOVER, NULL, TRUE));
  entry = cp_test_find_widget (cp_test_find_widget (f->window->people_page,
                                                    GTK_TYPE_POPOVER, NULL),
                               GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (entry);
  cp_test_type_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "activate");
  cp_test_flush_main_context ();
}

/* Beside the list, "No One Chosen" shows a person, head above shoulders, in the colour
 * the page gives its icon, as a symbolic icon would be: dark on the light style, light on
 * the dark one. */
static void
assert_no_one_chosen_picture (Fixture *f)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *page = cp_test_find_widget (f->window->people_page, CP_TYPE_EMPTY_STATE,
                                         "No One Chosen");
  GtkWidget *icon = cp_empty_state_get_image (CP_EMPTY_STATE (page));
  double x, y;   /* the 128 px picture's corner, in the middle of the image */
  CpTestPixels p;

  g_assert_nonnull (icon);
  x = (gtk_widget_get_width (icon) - 128) / 2.0;
  y = (gtk_widget_get_height (icon) - 128) / 2.0;
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      double alpha, red;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_test_widget_wait_for_draw (icon);
      texture = cp_test_render_widget (icon);
      cp_test_pixels_init (&p, texture);
      /* the head's middle and the shoulders' are drawn (the page draws its icon half
       * transparent); beside the head, nothing */
      alpha = cp_test_pixels_mean (&p, x + 60, y + 30, 8, 8, 3);
      g_assert_cmpfloat (alpha, >, 80);
      g_assert_cmpfloat (cp_test_pixels_mean (&p, x + 60, y + 88, 8, 8, 3), >, 80);
      g_assert_cmpfloat (cp_test_pixels_mean (&p, x + 4, y + 30, 8, 8, 3), <, 20);
      /* its colour, the premultiplied alpha taken out */
      red = cp_test_pixels_mean (&p, x + 60, y + 30, 8, 8, 2) * 255 / alpha;
      if (dark)
        g_assert_cmpfloat (red, >, 180);
      else
        g_assert_cmpfloat (red, <, 80);
      cp_test_pixels_clear (&p);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, ADW_TYPE_STATUS_PAGE,
                                          "No People Yet", TRUE));
  g_assert_nonnull (cp_test_find_widget (f->window->people_page, GTK_TYPE_BUTTON,
                                         "Open the _Practice Workspace"));
  /* The subtitle names the workspace file, never a person. */
  g_assert_cmpstr (adw_window_title_get_subtitle (f->window->window_title), ==,
                   "Test caseload");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Connecting People Kit");
  assert_no_one_chosen_picture (f);
}

static void
test_add_then_undo (Fixture       *f,
                    gconstpointer  data)
{
  const char *name = "Robin Q";
  GListModel *shown = cp_people_page_get_shown (CP_PEOPLE_PAGE (f->window->people_page));

  add_person_through_ui (f, name);

  /* The row is shown in the list and the person is in the file. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, name, TRUE));
  g_assert_cmpint (count_in_database (f->ws.path, name), ==, 1);
  /* The new person's details are open, with the keyboard at the end of their name. */
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, ADW_TYPE_ENTRY_ROW,
                                          "Preferred name or initials", TRUE));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
    int start, end;

    g_assert_true (GTK_IS_EDITABLE (focus));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, name);
    g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &start, &end));
    g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (focus)), ==, strlen (name));
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, name, FALSE));
  g_assert_cmpint (count_in_database (f->ws.path, name), ==, 0);
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, ADW_TYPE_STATUS_PAGE,
                                          "No People Yet", TRUE));

  /* Redo brings the person back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpint (count_in_database (f->ws.path, name), ==, 1);
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, name, TRUE));
}

static void
test_rename_pause_delete (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *shown = cp_people_page_get_shown (CP_PEOPLE_PAGE (f->window->people_page));
  GtkWidget *name_row;
  GtkWidget *status_row;
  GtkWidget *check_in_row;
  GtkWidget *delete;
  g_autoptr(CpPerson) person = NULL;

  add_person_through_ui (f, "AB");
  name_row = cp_test_find_widget (f->window->people_page, ADW_TYPE_ENTRY_ROW,
                                  "Preferred name or initials");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "AB");

  /* Typing a new name saves it after a pause in typing; undo takes it back. */
  cp_test_type_text (GTK_EDITABLE (name_row), "C");
  g_signal_emit_by_name (f->window->people_page, "flush");
  g_assert_cmpint (count_in_database (f->ws.path, "ABC"), ==, 1);
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, "ABC", TRUE));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpint (count_in_database (f->ws.path, "ABC"), ==, 0);
  g_assert_cmpint (count_in_database (f->ws.path, "AB"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "AB");

  /* Pausing shows the reason in the list, and the person is not overdue. */
  status_row = cp_test_find_widget (f->window->people_page, ADW_TYPE_COMBO_ROW, "_Status");
  g_assert_nonnull (status_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), CP_PERSON_STATUS_PAUSED);
  cp_test_flush_main_context ();
  person = g_list_model_get_item (shown, 0);
  g_assert_cmpint (cp_person_get_status (person), ==, CP_PERSON_STATUS_PAUSED);
  g_assert_cmpint (cp_person_get_pause_reason (person), ==, CP_PAUSE_REASON_CHOICE);
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, "Paused — their choice",
                                          TRUE));

  /* While paused, Details offers the check-in date; choosing one saves it for the list. */
  check_in_row = cp_test_find_widget (f->window->people_page, CP_TYPE_DATE_ROW, "Check-in date");
  g_assert_nonnull (check_in_row);
  cp_date_row_set_date (CP_DATE_ROW (check_in_row), "2031-03-04");
  g_signal_emit_by_name (check_in_row, "date-chosen");
  cp_test_flush_main_context ();
  g_clear_object (&person);
  person = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (cp_person_get_check_in_on (person), ==, "2031-03-04");
  /* Active again: the row goes. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), CP_PERSON_STATUS_ACTIVE);
  cp_test_flush_main_context ();
  g_assert_null (cp_test_find_widget (f->window->people_page, CP_TYPE_DATE_ROW, "Check-in date"));

  /* Delete, then Undo on the toast's action brings the person back. Pressed on Details,
   * the button goes with the person's page, and the keyboard stays in the People page. */
  delete = cp_test_find_widget (f->window->people_page, GTK_TYPE_BUTTON, "_Delete Person");
  g_assert_nonnull (delete);
  g_assert_true (gtk_widget_grab_focus (delete));
  g_signal_emit_by_name (delete, "clicked");
  cp_test_flush_main_context ();
  g_assert_cmpint (count_in_database (f->ws.path, "AB"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (f->window)));
  g_assert_true (gtk_widget_is_drawable (gtk_root_get_focus (GTK_ROOT (f->window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         f->window->people_page));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpint (count_in_database (f->ws.path, "AB"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

static void
test_search_and_filter (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *shown = cp_people_page_get_shown (CP_PEOPLE_PAGE (f->window->people_page));
  GtkWidget *search;
  GtkWidget *filter;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (cp_store_add_person (f->ws.store, "Zed", &error), >, 0);
  id = cp_store_add_person (f->ws.store, "Amy", &error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (cp_store_add_person (f->ws.store, "Mo", &error), >, 0);
  g_assert_true (cp_store_set_person_status (f->ws.store, id, CP_PERSON_STATUS_CLOSED,
                                             CP_PAUSE_REASON_NONE, NULL, &error));
  cp_test_flush_main_context ();

  /* Sorted by name. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  {
    g_autoptr(CpPerson) first = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (cp_person_get_name (first), ==, "Amy");
  }

  /* By next review: the soonest first, then no date, and the closed (Amy) last. */
  {
    GtkWidget *sort = cp_test_find_widget (f->window->people_page, GTK_TYPE_MENU_BUTTON,
                                           "By name");
    g_autoptr(CpPerson) first = NULL;
    g_autoptr(CpPerson) last = NULL;
    g_autoptr(CpPerson) third = g_list_model_get_item (shown, 2);
    gint64 zed = cp_person_get_id (third);
    GtkWidget *menu;

    g_assert_true (cp_store_set_person_next_review (f->ws.store, zed, "2030-01-01", &error));
    g_assert_true (cp_store_set_person_next_review (f->ws.store, id, "2031-01-01", &error));
    g_assert_nonnull (sort);
    /* Its menu offers both orders, as radio items of caseload.sort. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (sort));
    menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (sort)));
    g_assert_true (cp_test_wait_for_widget (menu, GTK_TYPE_LABEL, "By next review", TRUE));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (sort));
    g_assert_true (gtk_widget_activate_action (sort, "caseload.sort", "s", "review"));
    cp_test_flush_main_context ();
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (sort)), ==, "By next review");
    first = g_list_model_get_item (shown, 0);
    last = g_list_model_get_item (shown, 2);
    g_assert_cmpstr (cp_person_get_name (first), ==, "Zed");
    g_assert_cmpstr (cp_person_get_name (last), ==, "Amy");
    g_assert_true (gtk_widget_activate_action (sort, "caseload.sort", "s", "name"));
  }

  gtk_widget_activate_action (f->window->people_page, "people.search", NULL);
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, GTK_TYPE_SEARCH_ENTRY, NULL,
                                          TRUE));
  search = cp_test_find_widget (f->window->people_page, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  cp_test_type_text (GTK_EDITABLE (search), "ze");
  g_signal_emit_by_name (search, "search-changed");
  cp_test_flush_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (search), "nobody");
  g_signal_emit_by_name (search, "search-changed");
  cp_test_flush_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, ADW_TYPE_STATUS_PAGE,
                                          "No Matches", TRUE));

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  filter = cp_test_find_widget (f->window->people_page, GTK_TYPE_MENU_BUTTON, "All people");
  g_assert_nonnull (filter);
  g_assert_true (gtk_widget_activate_action (filter, "caseload.status", "s", "closed"));
  cp_test_flush_main_context ();
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (filter)), ==, "Closed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
}

static gboolean
leaflets_folded (gpointer data)
{
  Fixture *f = data;
  GtkWidget *inner = cp_test_find_widget (f->window->people_page, ADW_TYPE_LEAFLET, NULL);

  return adw_leaflet_get_folded (f->window->leaflet)
         && inner != NULL && adw_leaflet_get_folded (ADW_LEAFLET (inner));
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cp_store_add_person (f->ws.store, "Kim", &error), >, 0);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  g_assert_true (cp_test_wait_until (leaflets_folded, f));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);

  /* Folded, the window shows the list with a way back to the sections. */
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, GTK_TYPE_LABEL, "Kim", TRUE));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (f->window->section_list)));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "screenshot-narrow.png");
}

static void
test_open_manual_from_anywhere (Fixture       *f,
                                gconstpointer  data)
{
  /* Any screen can open a manual at a section: the Library comes forward with it. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->section_stack), ==, "people");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-manual", "(ss)",
                                             "training-manual", "goal-planning"));
  cp_test_flush_main_context ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->section_stack), ==, "library");
}

static void
test_practice_banner (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_true (gtk_revealer_get_reveal_child (f->window->practice_revealer));
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL,
                                         "Practice workspace — fictional people"));
}

/* TRUE when any label or text in the tree under @root contains @text. */
static gboolean
tree_contains_text (GtkWidget  *root,
                    const char *text)
{
  const char *own = NULL;

  if (GTK_IS_LABEL (root))
    own = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_EDITABLE (root))
    own = gtk_editable_get_text (GTK_EDITABLE (root));
  else if (GTK_IS_TEXT_VIEW (root))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (root));
      GtkTextIter start, end;
      g_autofree char *all = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (strstr (all, text) != NULL)
        return TRUE;
    }
  if (own != NULL && strstr (own, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_contains_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_with_person_view (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  GtkWidget *window = GTK_WIDGET (f->window);

  id = cp_store_add_person (f->ws.store, "Edna", &error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (cp_store_set_person_notes (f->ws.store, id, "Prefers mornings", &error));
  g_assert_true (cp_store_set_person_case_ref (f->ws.store, id, "REF-4471", &error));
  g_assert_true (cp_store_set_person_focus (f->ws.store, id, CP_FOCUS_PLANNING, &error));
  g_assert_true (cp_store_set_person_communication (f->ws.store, id,
                                                   CP_COMMUNICATION_LARGE_PRINT
                                                   | CP_COMMUNICATION_INTERPRETER,
                                                   "Welsh", NULL, &error));
  g_assert_true (cp_store_set_person_next_review (f->ws.store, id, "2031-05-04", &error));
  g_assert_cmpint (cp_store_add_person (f->ws.store, "Other Person One", &error), >, 0);
  g_assert_cmpint (cp_store_add_person (f->ws.store, "Other Person Two", &error), >, 0);
  cp_test_flush_main_context ();

  /* Without a chosen person there is nothing to show. */
  gtk_widget_activate_action (window, "win.with-person", NULL);
  g_assert_false (_cp_window_get_with_person (f->window));

  cp_people_page_open_person (CP_PEOPLE_PAGE (f->window->people_page),
                              cp_store_find_person (f->ws.store, id));
  cp_test_flush_main_context ();
  g_assert_true (tree_contains_text (window, "Other Person One"));

  gtk_widget_activate_action (window, "win.with-person", NULL);
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (_cp_window_get_with_person (f->window));

  /* Only this person's shareable details are anywhere in the window. */
  g_assert_true (tree_contains_text (window, "Edna"));
  g_assert_true (tree_contains_text (window, "4 May 2031"));
  g_assert_true (tree_contains_text (window,
                                     "You asked for large print and an interpreter (Welsh)."));
  g_assert_false (tree_contains_text (window, "Other Person One"));
  g_assert_false (tree_contains_text (window, "Other Person Two"));
  g_assert_false (tree_contains_text (window, "Prefers mornings"));
  g_assert_false (tree_contains_text (window, "REF-4471"));
  /* No practitioner-only field is on screen. */
  g_assert_null (cp_test_find_widget (window, ADW_TYPE_COMBO_ROW, "_Focus"));
  g_assert_null (cp_test_find_widget (window, ADW_TYPE_ENTRY_ROW, NULL));
  g_assert_null (cp_test_find_widget (window, GTK_TYPE_LIST_BOX, NULL));
  cp_test_save_screenshot (window, "screenshot-with-person.png");

  /* Edits and the practitioner's actions are off while the screen faces the person. */
  gtk_widget_activate_action (window, "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpstr (cp_person_get_next_review (cp_store_find_person (f->ws.store, id)), ==,
                   "2031-05-04");
  gtk_widget_activate_action (window, "win.show-sections", NULL);
  g_assert_true (_cp_window_get_with_person (f->window));

  /* Leaving asks first; confirming brings the caseload back. */
  gtk_widget_activate_action (window, "win.leave-with-person", NULL);
  cp_test_flush_main_context ();
  g_assert_true (_cp_window_get_with_person (f->window));
  _cp_window_leave_with_person (f->window);
  cp_test_flush_main_context ();
  g_assert_false (_cp_window_get_with_person (f->window));
  g_assert_true (cp_test_wait_for_widget (list_view (f), GTK_TYPE_LABEL, "Other Person One", TRUE));
}

/* A caseload far longer than the window. */
#define LONG_CASELOAD 400

static void
long_caseload_set_up (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cp_test_workspace_init (&f->ws, "Long caseload.cpkit");
  /* Added out of name order: 000, 007, 014, … */
  for (int i = 0; i < LONG_CASELOAD; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03d", i * 7 % LONG_CASELOAD);

      g_assert_cmpint (cp_store_add_person (f->ws.store, name, &error), >, 0);
    }
  /* As the app opens it: the list shows the people in the order the store gives them,
   * and sorts them after its first frame. */
  cp_test_workspace_reopen (&f->ws);
  g_assert_true (cp_store_get_people_by_name_in_order (f->ws.store));
  cp_test_window_present (f, FALSE);
}

static gboolean
list_has_everyone (gpointer data)
{
  GtkListView *list = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)))
         == LONG_CASELOAD;
}

static void
record_size_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GArray     *sizes)
{
  guint n = g_list_model_get_n_items (model);

  g_array_append_val (sizes, n);
}

/* The first frame makes only the rows the window shows, the first by name, and they
 * fill the list to its bottom edge, with few beyond it; the next frames add rows a few
 * dozen at a time (made all at once, they held the window up for a long frame), then
 * everyone, in the same rows; a person far down opened before then is there, selected;
 * and so is someone added, in view. */
static void
test_long_caseload (Fixture       *f,
                    gconstpointer  data)
{
  GtkListView *list = GTK_LIST_VIEW (list_view (f));
  GtkWidget *row = cp_test_find_widget (GTK_WIDGET (list), CP_TYPE_PERSON_ROW, NULL);
  guint first = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
  CpWindow *second;
  GtkSingleSelection *selection;
  g_autoptr(CpPerson) last = NULL;
  GtkWidget *add_entry, *label;
  graphene_rect_t bounds;

  g_assert_nonnull (row);
  g_assert_cmpuint (first, <, LONG_CASELOAD);
  /* a row's whole box, the list's padding around the person's texts too */
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (row), GTK_WIDGET (list),
                                            &bounds));
  g_assert_cmpfloat (first * bounds.size.height, >=, gtk_widget_get_height (GTK_WIDGET (list)));
  /* …and not many more: rows below the edge are made and bound for nothing */
  g_assert_cmpfloat (first * bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (list)) * 1.5 + bounds.size.height);
  for (guint i = 0; i < first; i++)
    {
      GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
      g_autoptr(CpPerson) person = g_list_model_get_item (shown, i);
      g_autofree char *name = g_strdup_printf ("Person %03u", i);

      g_assert_cmpstr (cp_person_get_name (person), ==, name);
    }
  {
    g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
    gulong id = g_signal_connect (shown, "items-changed", G_CALLBACK (record_size_cb), sizes);
    guint before = first;

    g_assert_true (cp_test_wait_until (list_has_everyone, list));
    g_signal_handler_disconnect (shown, id);
    g_assert_cmpuint (sizes->len, >=, 3);
    for (guint i = 0; i + 1 < sizes->len; i++)
      {
        guint n = g_array_index (sizes, guint, i);

        g_assert_cmpuint (n, >, before);
        g_assert_cmpuint (n - before, <=, 64);
        before = n;
      }
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cp_test_find_widget (GTK_WIDGET (list), CP_TYPE_PERSON_ROW, NULL) == row);

  second = cp_window_new (NULL, f->ws.store, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (second), 1000, 700);
  gtk_window_present (GTK_WINDOW (second));
  list = GTK_LIST_VIEW (cp_test_find_named (second->people_page, "people-list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))),
                    <, LONG_CASELOAD);
  last = g_list_model_get_item (cp_people_page_get_shown (CP_PEOPLE_PAGE (second->people_page)),
                                LONG_CASELOAD - 1);
  g_assert_cmpstr (cp_person_get_name (last), ==, "Person 399");
  cp_people_page_open_person (CP_PEOPLE_PAGE (second->people_page), last);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (second));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) last);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, LONG_CASELOAD - 1);

  /* Someone added far down the list is opened, chosen in the list and in its view. */
  list = GTK_LIST_VIEW (list_view (f));
  gtk_widget_activate_action (f->window->people_page, "people.add", NULL);
  g_assert_true (cp_test_wait_for_widget (f->window->people_page, GTK_TYPE_POPOVER, NULL, TRUE));
  add_entry = cp_test_find_widget (cp_test_find_widget (f->window->people_page,
                                                        GTK_TYPE_POPOVER, NULL),
                                   GTK_TYPE_ENTRY, NULL);
  cp_test_type_text (GTK_EDITABLE (add_entry), "Person 250a");
  g_signal_emit_by_name (add_entry, "activate");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_cmpstr (cp_person_get_name (gtk_single_selection_get_selected_item (selection)), ==,
                   "Person 250a");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 251);
  label = cp_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "Person 250a");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (list), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (list)));
}

/* The label of the row at the top of the list's view. */
static const char *
top_name (GtkListView *list)
{
  GtkWidget *row = gtk_widget_pick (GTK_WIDGET (list), 40, 10, GTK_PICK_DEFAULT);

  while (row != NULL && !CP_IS_PERSON_ROW (row))
    row = gtk_widget_get_parent (row);
  row = row != NULL ? gtk_widget_get_first_child (row) : NULL;  /* the name */
  return row != NULL && GTK_IS_LABEL (row) ? gtk_label_get_label (GTK_LABEL (row)) : NULL;
}

static void
scroll_halfway (GtkListView *list)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
}

/* A new order or filter shows the list from its beginning, not from wherever the row
 * that was at the top went; or, when someone is chosen, shows them. */
static void
test_long_caseload_order (Fixture       *f,
                          gconstpointer  data)
{
  GtkListView *list = GTK_LIST_VIEW (list_view (f));
  CpPeoplePage *page = CP_PEOPLE_PAGE (f->window->people_page);
  g_autoptr(CpPerson) chosen = NULL;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  GtkSingleSelection *selection;
  graphene_rect_t bounds;
  GtkWidget *label;

  cp_test_edit (f->ws.store, "Reviews",
                "UPDATE person SET next_review = '2026-01-05' WHERE name = 'Person 399';"
                "UPDATE person SET next_review = '2026-01-06' WHERE name = 'Person 398';");
  g_assert_true (cp_test_wait_until (list_has_everyone, list));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  scroll_halfway (list);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "caseload.sort", "s", "review"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (top_name (list), ==, "Person 399");

  scroll_halfway (list);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "caseload.status", "s", "active"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (top_name (list), ==, "Person 399");

  /* someone chosen stays in view */
  chosen = g_list_model_get_item (cp_people_page_get_shown (page), 200);
  cp_people_page_open_person (page, chosen);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "caseload.sort", "s", "name"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);
  label = cp_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, cp_person_get_name (chosen));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (list), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_widget_get_height (GTK_WIDGET (list)));
}

int
main (int   argc,
      char *argv[])
{
  cp_test_ui_init (&argc, &argv);

#define ADD(name, func, practice) \
  g_test_add ("/cp/app/window/" name, Fixture, GINT_TO_POINTER (practice), fixture_set_up, \
              func, cp_test_window_tear_down)
  ADD ("empty-state", test_empty_state, FALSE);
  ADD ("add-then-undo", test_add_then_undo, FALSE);
  ADD ("rename-pause-delete", test_rename_pause_delete, FALSE);
  ADD ("search-and-filter", test_search_and_filter, FALSE);
  ADD ("narrow", test_narrow, FALSE);
  ADD ("with-person-view", test_with_person_view, FALSE);
  ADD ("open-manual-from-anywhere", test_open_manual_from_anywhere, FALSE);
  ADD ("practice-banner", test_practice_banner, TRUE);
#undef ADD
  g_test_add ("/cp/app/window/long-caseload", Fixture, NULL, long_caseload_set_up,
              test_long_caseload, cp_test_window_tear_down);
  g_test_add ("/cp/app/window/long-caseload-order", Fixture, NULL, long_caseload_set_up,
              test_long_caseload_order, cp_test_window_tear_down);

  return g_test_run ();
}
