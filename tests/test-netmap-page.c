/* test-netmap-page.c: the Network tab in the main window: starting a map, the add form,
 * undo, review maps and the comparison in words, the numbers, the person's view
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-page"

#include "app/cp-window-private.h"
#include "cp-test-ui.h"
#include "netmap/cp-netmap-page-private.h"
#include "people/cp-people-page.h"

typedef CpTestWindow Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  cp_test_workspace_init (&f->ws, "Test caseload.cpkit");
  if (GPOINTER_TO_INT (data))
    {
      /* the practice workspace: Jo, Edna and Tariq with their maps */
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->ws.dir, "practice.cpkit", NULL);

      cp_store_close (f->ws.store);
      g_clear_object (&f->ws.store);
      g_assert_true (cp_store_create_practice (path, &error));
      g_assert_no_error (error);
      f->ws.store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      g_free (f->ws.path);
      f->ws.path = g_steal_pointer (&path);
    }
  cp_test_window_present (f, GPOINTER_TO_INT (data));
}

static gint64
person_named (Fixture    *f,
              const char *name)
{
  GListModel *people = cp_store_get_people (f->ws.store);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CpPerson) p = g_list_model_get_item (people, i);

      if (g_str_equal (cp_person_get_name (p), name))
        return cp_person_get_id (p);
    }
  g_assert_not_reached ();
}

/* Opens @id on the People page, shows the Network tab (Ctrl+2) and returns its page. */
static CpNetmapPage *
open_network (Fixture *f,
              gint64   id)
{
  CpPeoplePage *people = CP_PEOPLE_PAGE (f->window->people_page);
  GtkWidget *page;

  cp_people_page_open_person (people, cp_store_find_person (f->ws.store, id));
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>2"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  page = cp_test_find_widget (GTK_WIDGET (f->window), CP_TYPE_NETMAP_PAGE, NULL);
  g_assert_nonnull (page);
  return CP_NETMAP_PAGE (page);
}

/* Whether a label, an editable or a button of @root shows @text (wholly), mapped or not */
static gboolean
tree_has_text (GtkWidget  *root,
               const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_EDITABLE (root) && !GTK_IS_TEXT (root))
    shown = gtk_editable_get_text (GTK_EDITABLE (root));
  else if (GTK_IS_CHECK_BUTTON (root))
    shown = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
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
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (tree_has_text (c, text))
      return TRUE;
  return FALSE;
}

/* Whether @root has a label reading exactly @text, or a text view, mapped or not */
static gboolean
tree_has_field (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (root)
      || (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text)))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (tree_has_field (c, text))
      return TRUE;
  return FALSE;
}

static guint
n_members (CpNetmapPage *page)
{
  return page->model ? cp_netmap_model_get_n_members (page->model) : 0;
}

static CpNetmapMember *
member_named (CpNetmapPage *page,
              const char   *name)
{
  for (guint i = 0; i < n_members (page); i++)
    if (g_str_equal (cp_netmap_model_get_member (page->model, i)->name, name))
      return cp_netmap_model_get_member (page->model, i);
  return NULL;
}

/* ---- Cases ----------------------------------------------------------------------------- */

/* No map yet: the empty state's button starts one, and the form adds the first member;
 * Ctrl+Z takes the add back. */
static void
test_start_and_add (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = cp_store_add_person (f->ws.store, "Robin", &error);
  g_autoptr(CpNetmapModel) saved = NULL;
  CpNetmapPage *page;
  GtkWidget *item;
  gint64 snapshot = 0;
  gint64 lineage;

  g_assert_cmpint (id, >, 0);
  page = open_network (f, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "empty");
  g_assert_nonnull (cp_test_find_widget (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE,
                                         "Start This Person’s Map"));
  g_assert_true (gtk_widget_is_drawable (page->start_button));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page->view)));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-empty.png");

  g_signal_emit_by_name (page->start_button, "clicked");
  cp_test_flush_main_context ();
  g_assert_true (cp_store_get_current_snapshot (f->ws.store, id, &snapshot, NULL));
  g_assert_cmpint (snapshot, >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "map");
  /* the add form opens by itself, the name field ready */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->add_popover)));

  cp_test_type_text (GTK_EDITABLE (page->add_name), "Sam");
  gtk_drop_down_set_selected (page->add_sector, CP_NETMAP_SECTOR_FRIENDS);
  gtk_drop_down_set_selected (page->add_ring, 1);
  gtk_check_button_set_active (page->add_helps, TRUE);
  g_signal_emit_by_name (page->add_name, "activate");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  /* the form closes; Sam is on the map, a member the keyboard and screen readers reach */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->add_popover)));
  g_assert_cmpuint (n_members (page), ==, 1);
  g_assert_cmpint (member_named (page, "Sam")->sector, ==, CP_NETMAP_SECTOR_FRIENDS);
  g_assert_cmpint (member_named (page, "Sam")->ring, ==, 2);
  g_assert_true (member_named (page, "Sam")->helps_me);
  lineage = member_named (page, "Sam")->lineage;
  item = cp_netmap_view_get_member_widget (page->view, lineage);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_drawable (item));
  g_assert_true (gtk_widget_get_focusable (item));
  /* saved: the store has it, read afresh */
  saved = cp_store_load_snapshot (f->ws.store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (saved), ==, 1);
  g_assert_cmpstr (cp_netmap_model_get_member (saved, 0)->name, ==, "Sam");
  g_clear_object (&saved);
  /* and in the list entry table */
  gtk_widget_activate_action (GTK_WIDGET (page), "netmap.list", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
  g_assert_true (gtk_widget_is_drawable (page->list_scroller));
  g_assert_true (tree_has_text (page->list_scroller, "Sam"));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-list.png");

  /* one undo step: Ctrl+Z removes Sam, chips and all, from the map, the list and the file */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_members (page), ==, 0);
  g_assert_null (cp_netmap_view_get_member_widget (page->view, lineage));
  g_assert_false (tree_has_text (page->list_scroller, "Sam"));
  saved = cp_store_load_snapshot (f->ws.store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cp_netmap_model_get_n_members (saved), ==, 0);
}

/* Ctrl+1 and Ctrl+2 switch the person's tabs. */
static void
test_tabs (Fixture       *f,
           gconstpointer  data)
{
  CpPeoplePage *people = CP_PEOPLE_PAGE (f->window->people_page);
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page->view)));
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>1"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>2"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page)));
  /* Goals, Reviews and Details have theirs; there is no sixth */
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>3"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_true (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>5"));
  g_assert_false (cp_test_press_shortcut (GTK_WIDGET (people), "<Control>6"));
}

/* A move and a delete from the map are one undo step each. */
static void
test_move_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));
  CpNetmapMember *mo = member_named (page, "Mo (runs with Jo)");
  gint64 lineage = mo->lineage;
  guint n = n_members (page);

  g_assert_cmpint (mo->ring, ==, 3);
  g_signal_emit_by_name (page->view, "member-moved", lineage, CP_NETMAP_SECTOR_FRIENDS, 1,
                         0.5, 0.5);
  cp_test_flush_main_context ();
  g_assert_cmpint (cp_netmap_model_find (page->model, lineage)->ring, ==, 1);

  g_signal_emit_by_name (page->view, "member-delete-requested", lineage);
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_members (page), ==, n - 1);
  g_assert_null (cp_netmap_model_find (page->model, lineage));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_members (page), ==, n);
  g_assert_cmpint (cp_netmap_model_find (page->model, lineage)->ring, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpint (cp_netmap_model_find (page->model, lineage)->ring, ==, 3);
}

/* "Start review map" copies the map with its lineages; the comparison says who is new. */
static void
test_review_and_compare (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 edna = person_named (f, "Edna");
  CpNetmapPage *page = open_network (f, edna);
  g_autoptr(CpNetmapModel) before = g_object_ref (page->model);
  guint n_maps = page->snapshots->len;
  GtkWidget *sentences;

  gtk_widget_activate_action (GTK_WIDGET (page), "netmap.start-review", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpuint (page->snapshots->len, ==, n_maps + 1);
  g_assert_cmpuint (n_members (page), ==, cp_netmap_model_get_n_members (before));
  for (guint i = 0; i < cp_netmap_model_get_n_members (before); i++)
    {
      CpNetmapMember *was = cp_netmap_model_get_member (before, i);

      g_assert_cmpstr (cp_netmap_model_find (page->model, was->lineage)->name, ==, was->name);
    }

  g_assert_cmpint (cp_store_add_member (f->ws.store, page->snapshot_id, CP_NETMAP_KIND_PERSON,
                                        "Priya", CP_NETMAP_SECTOR_FRIENDS, 2, &error), >, 0);
  g_assert_true (cp_store_set_member_mark (f->ws.store,
                                           member_named (page, "Carol (daughter)")->id,
                                           CP_MEMBER_MARK_DIED, FALSE, &error));
  cp_test_flush_main_context ();
  g_object_set (page, "compare-mode", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  sentences = cp_test_find_named (GTK_WIDGET (page), "cp-compare-sentences");
  g_assert_nonnull (sentences);
  g_assert_true (tree_has_text (sentences, "New on this map: Priya."));
  g_assert_false (tree_has_text (sentences, "lost"));
  g_assert_false (tree_has_text (sentences, "gone"));
  /* two maps: no zoom, no adding (to which?), no list entry, no side panel */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page->add_button)));
  g_assert_false (gtk_widget_get_mapped (page->zoom_box));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page->list_button)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page->panel_button)));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-compare.png");
  g_object_set (page, "compare-mode", FALSE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->add_button)));
  g_assert_true (gtk_widget_get_mapped (page->zoom_box));
}

/* Jo's baseline and first review, side by side: the changes in plain words. */
static void
test_compare_practice (Fixture       *f,
                       gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));
  GtkWidget *sentences;

  g_assert_cmpuint (page->snapshots->len, ==, 2);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (page->compare_button)));
  g_signal_emit_by_name (page->compare_button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_toggle_button_get_active (page->compare_button));
  g_assert_true (gtk_widget_is_drawable (page->compare_box));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page->view)));
  sentences = cp_test_find_named (GTK_WIDGET (page), "cp-compare-sentences");
  g_assert_nonnull (sentences);
  /* from practice.ini: four new at review, the running club not on the map now */
  g_assert_true (tree_has_text (sentences, "New on this map: "));
  g_assert_true (tree_has_text (sentences, "Saturday beginners"));
  g_assert_true (tree_has_text (sentences, "Lena (group leader)"));
  g_assert_true (tree_has_text (sentences, "Mo (runs with Jo)"));
  g_assert_true (tree_has_text (sentences, "The park"));
  g_assert_true (tree_has_text (sentences, "Not on this map now: Running."));
  /* the ones on both maps, where they were, are not news */
  g_assert_false (tree_has_text (sentences, "Sam (sister)"));
  g_assert_false (tree_has_text (sentences, "Moved"));
  g_assert_false (tree_has_text (sentences, "lost"));
  g_assert_false (tree_has_text (sentences, "gone"));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-compare-jo.png");

  /* back to the map */
  g_signal_emit_by_name (page->compare_button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (page->view)));
}

/* The numbers for Jo's review map, against a hand count from practice.ini. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));
  GtkWidget *panel = page->panel_scroller;

  cp_netmap_view_set_selected (page->view, 0);
  cp_test_flush_main_context ();
  /* In the three rings: Sam, Mum, GP, the group, Lena, Mo, the park, the shop: n = 8;
   * at the baseline Sam, Mum, GP and the shop: 4. Family: Sam and Mum, 2 of 8. Sectors:
   * family 2, services 1, groups 2, friends 1, neighbours 2: 1 − (4+1+4+1+4)/64 = 0.78. */
  g_assert_true (tree_has_text (panel, "8 (4 more)"));
  g_assert_true (tree_has_text (panel, "2 of 8 (25%)"));
  g_assert_true (tree_has_text (panel, "0.78"));
  g_assert_true (tree_has_text (panel, "New on this map: Saturday beginners’ group")
                 || tree_has_text (panel, "New on this map: Saturday beginners' group"));
  g_assert_true (tree_has_text (panel, "Not on this map now: Running."));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page.png");
}

/* Facing the person: the map, editable, without caution flags or notes; counts only;
 * one tap hides hard going; only what was done there can be undone. */
static void
test_with_person (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 jo = person_named (f, "Jo");
  CpNetmapPage *page = open_network (f, jo);
  CpNetmapMember *sam = member_named (page, "Sam (sister)");
  GtkWidget *window = GTK_WIDGET (f->window);
  CpNetmapPage *facing;
  GtkWidget *facing_view;
  GtkWidget *chip;
  gint64 sam_lineage = sam->lineage;
  guint n;

  g_assert_true (cp_store_set_member_mark (f->ws.store, sam->id, CP_MEMBER_MARK_CAUTION, TRUE,
                                           &error));
  g_assert_true (cp_store_set_member_chips (f->ws.store, member_named (page, "Mum")->id,
                                            FALSE, TRUE, FALSE, &error));
  g_assert_true (cp_store_set_member_notes (f->ws.store, member_named (page, "Mum")->id,
                                            "Shouts at Jo on the phone", &error));
  cp_test_flush_main_context ();
  cp_netmap_view_set_selected (page->view, member_named (page, "Mum")->lineage);
  cp_test_flush_main_context ();
  g_assert_true (tree_has_text (window, "Shouts at Jo on the phone"));
  g_assert_true (tree_has_text (window, "Caution: see case record"));

  gtk_widget_activate_action (window, "win.with-person", NULL);
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (_cp_window_get_with_person (f->window));
  facing_view = f->window->with_person_view;
  g_assert_true (gtk_widget_is_drawable (facing_view));
  facing = CP_NETMAP_PAGE (cp_test_find_widget (facing_view, CP_TYPE_NETMAP_PAGE, NULL));
  g_assert_nonnull (facing);
  g_assert_true (facing->facing);
  g_assert_true (tree_has_text (facing_view, "Your map: the people, places and activities"));
  g_assert_false (cp_netmap_view_get_show_caution (facing->view));
  g_assert_true (cp_netmap_view_get_large_text (facing->view));
  /* nothing practitioner-only anywhere in the person's view, shown or not */
  g_assert_false (tree_has_text (facing_view, "Caution"));
  g_assert_false (tree_has_text (facing_view, "Shouts at Jo"));
  g_assert_true (tree_has_field (GTK_WIDGET (page), "Notes"));
  /* no notes field on the map facing them (the Reviews tab has text fields for their words) */
  g_assert_false (tree_has_field (GTK_WIDGET (facing), "Notes"));
  g_assert_false (tree_has_text (facing_view, "%"));
  g_assert_true (tree_has_text (facing_view, "8 people, places and activities are on your map."));
  g_assert_true (tree_has_text (facing_view, "New since Baseline: "));

  /* hide hard going: the map and the member's chip */
  /* Enter on Mum opens her details */
  g_signal_emit_by_name (facing->view, "member-activated", member_named (facing, "Mum")->lineage);
  gtk_test_widget_wait_for_draw (window);
  cp_test_save_screenshot (window, "netmap-with-person-details.png");
  chip = cp_test_find_widget (GTK_WIDGET (facing), GTK_TYPE_LABEL, "Hard _going");
  g_assert_nonnull (chip);
  chip = gtk_widget_get_ancestor (chip, GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (chip);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (chip)));
  g_signal_emit_by_name (facing->hard_going_button, "clicked");
  cp_test_flush_main_context ();
  g_assert_true (cp_netmap_view_get_hide_hard_going (facing->view));
  g_assert_false (gtk_widget_is_drawable (chip));
  g_assert_null (cp_test_find_widget (GTK_WIDGET (facing), GTK_TYPE_LABEL, "Hard _going"));
  cp_test_save_screenshot (window, "netmap-with-person.png");

  /* an add made here is undone here; what the practitioner did before is not */
  n = n_members (facing);
  cp_test_type_text (GTK_EDITABLE (facing->add_name), "Nia");
  g_signal_emit_by_name (facing->add_name, "activate");
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_members (facing), ==, n + 1);
  gtk_widget_activate_action (window, "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_cmpuint (n_members (facing), ==, n);
  gtk_widget_activate_action (window, "win.undo", NULL);
  cp_test_flush_main_context ();
  g_assert_true (cp_netmap_model_find (facing->model, sam_lineage)->caution);
  _cp_window_leave_with_person (f->window);
}

/* Every control of the tab, the add form, the details, the list and the comparison has an
 * accessible name and a tooltip. */
static void
test_controls_named (Fixture       *f,
                     gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n = 0;

  cp_netmap_view_set_selected (page->view, member_named (page, "Mum")->lineage);
  g_object_set (page, "list-mode", TRUE, NULL);
  cp_test_flush_main_context ();
  cp_test_check_controls (GTK_WIDGET (page), missing, &n);
  g_assert_cmpuint (n, >, 40);
  g_assert_cmpstr (missing->str, ==, "");
}

/* Lets what was asked for happen, and the window be drawn after it */
static void
settle (Fixture *f)
{
  cp_test_flush_main_context ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* @widget's box in @page's coordinates */
static graphene_rect_t
bounds_in (GtkWidget    *widget,
           CpNetmapPage *page)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (page), &r));
  return r;
}

/* A full-width window (1280 px): the side panel sits beside the map, not over it, and
 * list entry opens beside the map too, which keeps a useful size. */
static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Jo"));
  GtkWidget *view = GTK_WIDGET (page->view);
  graphene_rect_t map, panel, list;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  settle (f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, 1260);
  g_assert_true (adw_flap_get_reveal_flap (page->flap));
  g_assert_false (adw_flap_get_folded (page->flap));
  map = bounds_in (view, page);
  panel = bounds_in (page->panel_scroller, page);
  g_assert_cmpfloat (map.origin.x + map.size.width, <=, panel.origin.x + 0.5);
  g_assert_cmpfloat (map.size.width, >=, 280);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-1280.png");

  g_object_set (page, "list-mode", TRUE, NULL);
  settle (f);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_true (gtk_widget_get_mapped (page->list_scroller));
  map = bounds_in (view, page);
  list = bounds_in (page->list_scroller, page);
  g_assert_cmpfloat (map.origin.x + map.size.width, <=, list.origin.x + 0.5);
  g_assert_cmpfloat (map.size.width, >=, 240);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-1280-list.png");
}

/* At 360 px the tab folds: the toolbar fits, the side panel folds away; list entry takes
 * the map's place, and gives it back when closed. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  CpNetmapPage *page = open_network (f, person_named (f, "Edna"));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  gtk_window_unmaximize (GTK_WINDOW (f->window));
  gtk_widget_set_size_request (GTK_WIDGET (f->window), 360, 640);
  gtk_window_set_resizable (GTK_WINDOW (f->window), FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  settle (f);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->view)));
  g_assert_cmpint (gtk_widget_get_width (page->toolbar), <=, gtk_widget_get_width (GTK_WIDGET (page)));
  g_assert_true (adw_flap_get_folded (page->flap));
  g_assert_false (adw_flap_get_reveal_flap (page->flap));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (page->view)), >, 200);
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-360.png");

  g_object_set (page, "list-mode", TRUE, NULL);
  settle (f);
  g_assert_true (gtk_widget_get_mapped (page->list_scroller));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page->view)));
  g_assert_cmpint (gtk_widget_get_width (page->list_scroller), <=,
                   gtk_widget_get_width (GTK_WIDGET (page)));
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-page-360-list.png");
  g_object_set (page, "list-mode", FALSE, NULL);
  settle (f);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page->view)));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible properties (with "none" there
   * are none to read), and needs no bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cp_test_ui_init (&argc, &argv);

#define ADD(name, func, practice) \
  g_test_add ("/cp/netmap/page/" name, Fixture, GINT_TO_POINTER (practice), fixture_set_up, \
              func, cp_test_window_tear_down)
  ADD ("start-and-add", test_start_and_add, FALSE);
  ADD ("tabs", test_tabs, TRUE);
  ADD ("move-delete-undo", test_move_delete_undo, TRUE);
  ADD ("review-and-compare", test_review_and_compare, TRUE);
  ADD ("compare-practice", test_compare_practice, TRUE);
  ADD ("numbers", test_numbers, TRUE);
  ADD ("with-person", test_with_person, TRUE);
  ADD ("controls-named", test_controls_named, TRUE);
  ADD ("wide", test_wide, TRUE);
  ADD ("narrow", test_narrow, TRUE);
#undef ADD

  return g_test_run ();
}
