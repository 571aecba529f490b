/* test-netmap-view.c: the network map view under Xvfb
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the widget shows of a practice map: fitted on show, a focusable child over each
 * member where the geometry puts it, the words a screen reader says, zoom and pinch about
 * a fixed point, focus kept across edits, "+N more" on a crowded cell, and the dark style.
 * Pointer and keyboard input are tested on the real window by test-netmap-view-input.py
 * (GTK cannot make input events), the accessible tree over AT-SPI by
 * test-netmap-view-atspi.py.
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-view"

#include <math.h>

#include "cp-test-ui.h"
#include "netmap/cp-netmap-view.h"
#include "test-netmap-util.h"

typedef struct
{
  GtkWidget     *window;
  CpNetmapView  *view;
  CpNetmapModel *model;
} Fixture;

static void
show (Fixture *f,
      int      width,
      int      height)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->view = CP_NETMAP_VIEW (cp_netmap_view_new ());
  cp_netmap_view_set_model (f->view, f->model);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), ==, width);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->model = test_netmap_practice_map (data != NULL ? data : "jo", NULL);
  show (f, 800, 600);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cp_test_flush_main_context ();
  g_clear_object (&f->model);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Lets the view lay out again and draw */
static void
redraw (Fixture *f)
{
  gtk_widget_queue_draw (f->window);
  gtk_test_widget_wait_for_draw (f->window);
}

static CpNetmapMember *
find_named (CpNetmapModel *model,
            const char    *name)
{
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_members (model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      if (g_str_equal (m->name, name))
        return m;
    }
  g_assert_not_reached ();
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  if (wrong != NULL)
    g_error ("accessible name is \"%s\", not \"%s\"", wrong, expected);
}

/* The map fills the view on show: the outer ring as large as the labels round it allow,
 * in the middle */
static void
test_fits_on_show (Fixture       *f,
                   gconstpointer  data)
{
  double scale = cp_netmap_view_get_scale (f->view);
  double x;
  double y;

  /* 800 × 600: the map's radius is most of half the height, with room for the labels */
  g_assert_cmpfloat (scale, >, 600 * 0.5 * 0.75);
  g_assert_cmpfloat (scale, <=, 600 * 0.5);
  cp_netmap_view_map_to_widget (f->view, 0, 0, &x, &y);
  g_assert_cmpfloat (fabs (x - 400), <, 20);
  g_assert_cmpfloat (fabs (y - 300), <, 20);

  /* bigger window, bigger map: it follows until the user zooms */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), ==, 800);
  g_assert_cmpfloat (cp_netmap_view_get_scale (f->view), >, scale * 1.2);
}

/* One focusable child per member, over the place the geometry gives its cell, in Tab
 * order: sector by sector clockwise, ring by ring outwards */
static void
test_children_match_geometry (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *child;
  int last_sector = -1;
  int last_ring = 0;
  guint n = 0;
  guint i;

  for (i = 0; i < cp_netmap_model_get_n_members (f->model); i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (f->model, i);
      GtkWidget *item = cp_netmap_view_get_member_widget (f->view, m->lineage);
      graphene_rect_t bounds;
      CpNetmapPlace place;
      double x;
      double y;
      double mx;
      double my;

      g_assert_nonnull (item);
      g_assert_true (gtk_widget_get_focusable (item));
      g_assert_true (gtk_widget_get_mapped (item));
      g_assert_true (cp_netmap_view_get_member_point (f->view, m->lineage, &x, &y));
      g_assert_true (gtk_widget_compute_bounds (item, GTK_WIDGET (f->view), &bounds));
      g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
      g_assert_cmpfloat (bounds.size.width, >=, 8);
      /* the drawn place is in the member's cell, and inside the view */
      cp_netmap_view_widget_to_map (f->view, x, y, &mx, &my);
      g_assert_cmpint (cp_netmap_point_to_place (mx, my, &place), ==, CP_NETMAP_HIT_CELL);
      g_assert_cmpint (place.sector, ==, m->sector);
      g_assert_cmpint (place.ring, ==, m->ring);
      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (x, <, 800);
      g_assert_cmpfloat (y, >, 0);
      g_assert_cmpfloat (y, <, 600);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* the order of the children is the Tab order */
      for (i = 0; i < cp_netmap_model_get_n_members (f->model); i++)
        {
          CpNetmapMember *m = cp_netmap_model_get_member (f->model, i);
          CpNetmapPlace place;
          double x;
          double y;
          double mx;
          double my;

          if (cp_netmap_view_get_member_widget (f->view, m->lineage) != child)
            continue;
          g_assert_true (cp_netmap_view_get_member_point (f->view, m->lineage, &x, &y));
          cp_netmap_view_widget_to_map (f->view, x, y, &mx, &my);
          cp_netmap_point_to_place (mx, my, &place);
          g_assert_true ((int) place.sector > last_sector ||
                         ((int) place.sector == last_sector && place.ring >= last_ring));
          last_sector = place.sector;
          last_ring = place.ring;
          n++;
        }
    }
  g_assert_cmpuint (n, ==, cp_netmap_model_get_n_members (f->model));
}

/* What a screen reader says: name, kind, sector, ring and the chips shown; the full name
 * when the map shortens it, with a tooltip; initials only when the view is pseudonymised */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  CpNetmapMember *sam = find_named (f->model, "Sam (sister)");
  CpNetmapMember *shop = find_named (f->model, "Corner shop");
  CpNetmapMember *m;
  GtkWidget *item;
  gint64 lineages[12];
  guint shortened = 0;
  guint i;

  item = cp_netmap_view_get_member_widget (f->view, sam->lineage);
  assert_label (item, "Sam (sister), person, family & home, closest to me");
  g_assert_null (gtk_widget_get_tooltip_text (item));
  assert_label (cp_netmap_view_get_member_widget (f->view, shop->lineage),
                "Corner shop, place, neighbours & local, around me");

  sam->helps_me = TRUE;
  sam->hard_going = TRUE;
  cp_netmap_view_model_changed (f->view);
  redraw (f);
  g_assert_true (cp_netmap_view_get_member_widget (f->view, sam->lineage) == item);
  assert_label (item, "Sam (sister), person, family & home, closest to me, helps me, hard going");
  cp_netmap_view_set_hide_hard_going (f->view, TRUE);
  redraw (f);
  assert_label (item, "Sam (sister), person, family & home, closest to me, helps me");
  cp_netmap_view_set_initials_only (f->view, TRUE);
  redraw (f);
  assert_label (item, "S, person, family & home, closest to me, helps me");
  g_assert_null (gtk_widget_get_tooltip_text (item));
  cp_netmap_view_set_initials_only (f->view, FALSE);

  /* a crowded cell: names shortened to initials or chips, the full name in the tooltip
   * and the accessible name */
  for (i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour at number %u", 10 + i);

      m = cp_netmap_model_add (f->model, 0, CP_NETMAP_KIND_PERSON, name,
                               CP_NETMAP_SECTOR_NEIGHBOURS, CP_NETMAP_RING_CLOSEST);
      lineages[i] = m->lineage;
    }
  cp_netmap_tidy_sector (f->model, CP_NETMAP_SECTOR_NEIGHBOURS);
  cp_netmap_view_model_changed (f->view);
  redraw (f);
  for (i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour at number %u", 10 + i);
      g_autofree char *label = g_strdup_printf ("%s, person, neighbours & local, closest to me",
                                                name);
      const char *tooltip;

      item = cp_netmap_view_get_member_widget (f->view, lineages[i]);
      if (item == NULL)
        continue;       /* folded into "+N more" */
      assert_label (item, label);
      tooltip = gtk_widget_get_tooltip_text (item);
      if (tooltip != NULL)
        {
          g_assert_cmpstr (tooltip, ==, name);
          shortened++;
        }
    }
  g_assert_cmpuint (shortened, >, 0);
}

/* Zoom keeps the point under the pointer where it is; the children follow */
static void
test_zoom_keeps_point (Fixture       *f,
                       gconstpointer  data)
{
  CpNetmapMember *gp = find_named (f->model, "GP");
  double scale = cp_netmap_view_get_scale (f->view);
  double before_x;
  double before_y;
  double after_x;
  double after_y;
  double x;
  double y;

  cp_netmap_view_widget_to_map (f->view, 250, 180, &before_x, &before_y);
  cp_netmap_view_zoom_at (f->view, 2, 250, 180);
  g_assert_cmpfloat_with_epsilon (cp_netmap_view_get_scale (f->view), scale * 2, 1e-9);
  cp_netmap_view_widget_to_map (f->view, 250, 180, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);

  redraw (f);
  g_assert_true (cp_netmap_view_get_member_point (f->view, gp->lineage, &x, &y));
  {
    GtkWidget *item = cp_netmap_view_get_member_widget (f->view, gp->lineage);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (item, GTK_WIDGET (f->view), &bounds));
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)));
  }

  /* zooming out stops at half the fitted size; Ctrl+0 fits again */
  cp_netmap_view_zoom_at (f->view, 0.01, 400, 300);
  g_assert_cmpfloat_with_epsilon (cp_netmap_view_get_scale (f->view), scale / 2, scale * 0.01);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.zoom-fit", NULL));
  g_assert_cmpfloat_with_epsilon (cp_netmap_view_get_scale (f->view), scale, scale * 0.01);
}

/* Pinch: the gesture's own handlers, about the middle of the fingers (here, without
 * fingers, the middle of the view) */
static void
test_pinch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  GtkGesture *pinch = NULL;
  double scale = cp_netmap_view_get_scale (f->view);
  double before_x;
  double before_y;
  double after_x;
  double after_y;
  guint i;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_ZOOM (c))
        pinch = GTK_GESTURE (c);
    }
  g_assert_nonnull (pinch);

  cp_netmap_view_widget_to_map (f->view, 400, 300, &before_x, &before_y);
  g_signal_emit_by_name (pinch, "begin", NULL);
  g_signal_emit_by_name (pinch, "scale-changed", 1.5);
  g_signal_emit_by_name (pinch, "scale-changed", 3.0);
  g_assert_cmpfloat_with_epsilon (cp_netmap_view_get_scale (f->view), scale * 3, 1e-6);
  cp_netmap_view_widget_to_map (f->view, 400, 300, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, before_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after_y, before_y, 1e-9);
  redraw (f);
}

/* An edit keeps the zoom, the pan and the focus; deleting the focused member moves the
 * focus to the next one */
static void
test_edit_keeps_view (Fixture       *f,
                      gconstpointer  data)
{
  CpNetmapMember *mum = find_named (f->model, "Mum");
  gint64 lineage = mum->lineage;
  GtkWidget *item;
  double scale;
  double cx;
  double cy;
  double x;
  double y;
  double mx;
  double my;
  CpNetmapPlace place;

  cp_netmap_view_zoom_at (f->view, 1.5, 300, 200);
  redraw (f);
  scale = cp_netmap_view_get_scale (f->view);
  cp_netmap_view_map_to_widget (f->view, 0, 0, &cx, &cy);
  item = cp_netmap_view_get_member_widget (f->view, mum->lineage);
  g_assert_true (gtk_widget_grab_focus (item));
  g_assert_cmpint (cp_netmap_view_get_selected (f->view), ==, mum->lineage);

  /* Mum moves out a ring, as the page does after "member-moved" */
  mum->ring = CP_NETMAP_RING_AROUND;
  cp_netmap_free_spot (f->model, mum->sector, mum->ring, mum->lineage, &mum->angle, &mum->depth);
  cp_netmap_view_model_changed (f->view);
  redraw (f);
  g_assert_cmpfloat (cp_netmap_view_get_scale (f->view), ==, scale);
  cp_netmap_view_map_to_widget (f->view, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, cx);
  g_assert_cmpfloat (y, ==, cy);
  g_assert_true (cp_netmap_view_get_member_widget (f->view, mum->lineage) == item);
  g_assert_true (gtk_widget_is_focus (item));
  g_assert_true (cp_netmap_view_get_member_point (f->view, mum->lineage, &x, &y));
  cp_netmap_view_widget_to_map (f->view, x, y, &mx, &my);
  cp_netmap_point_to_place (mx, my, &place);
  g_assert_cmpint (place.ring, ==, CP_NETMAP_RING_AROUND);

  /* deleted: the focus goes to a member still on the map */
  g_assert_true (cp_netmap_model_remove (f->model, lineage));
  cp_netmap_view_model_changed (f->view);
  redraw (f);
  g_assert_null (cp_netmap_view_get_member_widget (f->view, lineage));
  item = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_get_parent (item) == GTK_WIDGET (f->view));
  g_assert_cmpint (cp_netmap_view_get_selected (f->view), !=, 0);
  g_assert_nonnull (cp_netmap_model_find (f->model, cp_netmap_view_get_selected (f->view)));
}

/* 40 members in one ring-1 arc at 360 px: chips, and a "+N more" that is a child too,
 * naming the cell; every member is either drawn or counted in it */
static void
test_crowded_cell (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  GtkWidget *child;
  GtkWidget *fold = NULL;
  guint drawn = 0;
  guint folded;
  guint i;

  gtk_window_destroy (GTK_WINDOW (f->window));
  for (i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Friend %u", i + 1);

      cp_netmap_model_add (model, 0, CP_NETMAP_KIND_PERSON, name, CP_NETMAP_SECTOR_FRIENDS,
                           CP_NETMAP_RING_CLOSEST);
    }
  cp_netmap_tidy_sector (model, CP_NETMAP_SECTOR_FRIENDS);
  g_set_object (&f->model, model);
  show (f, 360, 640);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (gtk_widget_get_focusable (child));
      if (gtk_widget_has_css_class (child, "fold"))
        fold = child;
      else
        drawn++;
    }
  g_assert_nonnull (fold);
  g_assert_cmpuint (drawn, <, 40);
  folded = 40 - drawn;
  {
    g_autofree char *label = g_strdup_printf ("%u more in friends, closest to me", folded);
    g_auto(GStrv) names = g_strsplit (gtk_widget_get_tooltip_text (fold), ", ", -1);

    assert_label (fold, label);
    g_assert_cmpuint (g_strv_length (names), ==, folded);
  }
  cp_test_save_screenshot (GTK_WIDGET (f->window), "netmap-view-crowded-360.png");
}

static void
mean_grey (GdkTexture *texture,
           double     *grey)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  double sum = 0;
  int i;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (i = 0; i < width * height; i++)
    sum += (pixels[i * 4] + pixels[i * 4 + 1] + pixels[i * 4 + 2]) / 3.0;
  *grey = sum / (width * height);
}

/* The dark style draws a dark map with light lines and names; screenshots of both at
 * full width and 360 px go to the build folder */
static void
test_dark_palette (Fixture       *f,
                   gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  static const int widths[] = { 1000, 360 };
  guint w;

  for (w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(GdkTexture) light = NULL;
      g_autoptr(GdkTexture) dark = NULL;
      g_autofree char *light_png = g_strdup_printf ("netmap-view-%d-light.png", widths[w]);
      g_autofree char *dark_png = g_strdup_printf ("netmap-view-%d-dark.png", widths[w]);
      double light_grey;
      double dark_grey;

      gtk_window_destroy (GTK_WINDOW (f->window));
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
      show (f, widths[w], 700);
      light = cp_test_render_widget (GTK_WIDGET (f->view));
      cp_test_save_screenshot (f->window, light_png);
      adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
      redraw (f);
      dark = cp_test_render_widget (GTK_WIDGET (f->view));
      cp_test_save_screenshot (f->window, dark_png);

      mean_grey (light, &light_grey);
      mean_grey (dark, &dark_grey);
      g_test_message ("%d px: mean grey light %.0f, dark %.0f", widths[w], light_grey, dark_grey);
      g_assert_cmpfloat (light_grey, >, 200);
      g_assert_cmpfloat (dark_grey, <, 80);
    }
}

int
main (int    argc,
      char **argv)
{
  /* the test accessibility backend keeps what a screen reader would be told */
  g_setenv ("GTK_A11Y", "test", TRUE);
  cp_test_ui_init (&argc, &argv);

  g_test_add ("/cp/netmap/view/fits-on-show", Fixture, NULL, set_up, test_fits_on_show,
              tear_down);
  g_test_add ("/cp/netmap/view/children-match-geometry", Fixture, NULL, set_up,
              test_children_match_geometry, tear_down);
  g_test_add ("/cp/netmap/view/children-match-geometry-tariq", Fixture, "tariq", set_up,
              test_children_match_geometry, tear_down);
  g_test_add ("/cp/netmap/view/accessible-names", Fixture, NULL, set_up,
              test_accessible_names, tear_down);
  g_test_add ("/cp/netmap/view/zoom-keeps-point", Fixture, NULL, set_up, test_zoom_keeps_point,
              tear_down);
  g_test_add ("/cp/netmap/view/pinch", Fixture, NULL, set_up, test_pinch, tear_down);
  g_test_add ("/cp/netmap/view/edit-keeps-view", Fixture, NULL, set_up, test_edit_keeps_view,
              tear_down);
  g_test_add ("/cp/netmap/view/crowded-cell", Fixture, NULL, set_up, test_crowded_cell,
              tear_down);
  g_test_add ("/cp/netmap/view/dark-palette", Fixture, NULL, set_up, test_dark_palette,
              tear_down);
  return g_test_run ();
}
