/* bench-netmap-view.c: frames of the map view on screen while a member is dragged
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map view (CpNetmapView) in a 1280×800 window on a map of 300 members and 1,000
 * ties (made up, the same every run; bench-netmap measures the renderer alone):
 *   (a) open to first frame: an empty window (the floor), a 10-member map, the Network
 *       tab on a 10-member map (the page reads the map from a workspace, lays out its
 *       toolbar, map and side panel), then the big map
 *   (b) frames while a member is dragged across the map: the view's drag handlers are
 *       driven as the pointer would drive them, one step a frame, and each frame's layout
 *       and paint phases (the snapshot, the cairo render to the window) are timed (goal
 *       ≤ 8 ms; the drag's first frame draws the kept picture without that member, and is
 *       shown on its own). The floor: frames of the same window showing a picture of its
 *       size with a 60×60 patch over it drawn again, GTK's own cost of a frame here.
 *   (c) frames while panning, and a zoom step (a new layout: goal ≤ 50 ms)
 * Times are CPU time of this thread (median and worst); it asserts no time.
 */

#include "config.h"

#include <adwaita.h>

#include "../cp-test-util.h"
#include "bench-netmap-util.h"
#include "netmap/cp-netmap-page.h"
#include "netmap/cp-netmap-view.h"
#include "store/cp-store-netmap.h"

#define WIDTH  1280
#define HEIGHT 800

typedef struct
{
  GdkFrameClock *clock;
  guint          frames;
  double         start;
  double         last;          /* the last frame's time, ms */
} Frames;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *f)
{
  f->start = bench_now_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *f)
{
  f->last = bench_now_ms () - f->start;
  f->frames++;
}

/* Lets the next frame be drawn; its time */
static double
next_frame (Frames *f)
{
  guint frames = f->frames;

  gdk_frame_clock_request_phase (f->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (f->frames == frames)
    g_main_context_iteration (NULL, TRUE);
  return f->last;
}

static void
draw_patch (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_arc (cr, width / 2.0, height / 2.0, width / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The floor of (b): a window of a picture and a small patch drawn again each frame */
static void
floor_frames (GArray *ms)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *patch = gtk_drawing_area_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 ((gsize) WIDTH * HEIGHT * 4),
                                              (gsize) WIDTH * HEIGHT * 4);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (WIDTH, HEIGHT, GDK_MEMORY_DEFAULT,
                                                          bytes, WIDTH * 4);
  Frames f = { 0 };
  int k;

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_overlay_set_child (GTK_OVERLAY (overlay),
                         gtk_picture_new_for_paintable (GDK_PAINTABLE (texture)));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (patch), draw_patch, NULL, NULL);
  gtk_widget_set_size_request (patch, 60, 60);
  gtk_widget_set_halign (patch, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (patch, GTK_ALIGN_CENTER);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), patch);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_widget_realize (window);
  f.clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (f.clock, "before-paint", G_CALLBACK (before_paint_cb), &f);
  g_signal_connect (f.clock, "after-paint", G_CALLBACK (after_paint_cb), &f);
  gtk_window_present (GTK_WINDOW (window));
  while (f.frames == 0)
    g_main_context_iteration (NULL, TRUE);
  for (k = 0; k < 40; k++)
    {
      double t;

      gtk_widget_queue_draw (patch);
      t = next_frame (&f);
      if (k > 2)
        g_array_append_val (ms, t);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
drag_gesture (GtkWidget *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (c))
        return GTK_GESTURE (c);
    }
  g_assert_not_reached ();
}

/* A window showing @model, or the Network tab of @person in @store, or nothing; the wall
 * time from making what it shows to its first frame */
static GtkWidget *
open_window (CpNetmapModel *model,
             CpStore       *store,
             gint64         person,
             Frames        *f,
             double        *first_frame_ms)
{
  GtkWidget *window = gtk_window_new ();
  gint64 t0 = g_get_monotonic_time ();

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  if (model != NULL)
    {
      GtkWidget *view = cp_netmap_view_new ();

      cp_netmap_view_set_model (CP_NETMAP_VIEW (view), model);
      gtk_window_set_child (GTK_WINDOW (window), view);
    }
  else if (store != NULL)
    {
      GtkWidget *page = cp_netmap_page_new (store);

      gtk_window_set_child (GTK_WINDOW (window), page);
      cp_netmap_page_set_person (CP_NETMAP_PAGE (page), person);
    }
  gtk_widget_realize (window);
  f->clock = gtk_widget_get_frame_clock (window);
  f->frames = 0;
  g_signal_connect (f->clock, "before-paint", G_CALLBACK (before_paint_cb), f);
  g_signal_connect (f->clock, "after-paint", G_CALLBACK (after_paint_cb), f);
  gtk_window_present (GTK_WINDOW (window));
  while (f->frames == 0)
    g_main_context_iteration (NULL, TRUE);
  *first_frame_ms = (g_get_monotonic_time () - t0) / 1000.0;
  return window;
}

/* A workspace with one person whose map has 10 members, as list entry would make it */
static CpStore *
small_workspace (const char *dir,
                 gint64     *person)
{
  g_autofree char *path = g_build_filename (dir, "bench.cpkit", NULL);
  g_autoptr(GError) error = NULL;
  CpStore *store = cp_store_open (path, CP_STORE_OPEN_NO_BACKUP, &error);
  gint64 snapshot;

  g_assert_no_error (error);
  *person = cp_store_add_person (store, "Alex", &error);
  snapshot = cp_store_start_map (store, *person, &error);
  g_assert_no_error (error);
  for (int k = 0; k < 10; k++)
    {
      g_autofree char *name = g_strdup_printf ("Member %d", k + 1);
      CpNetmapMember m = {
        .name = name, .kind = k % 3, .sector = k % CP_NETMAP_N_SECTORS, .ring = 1 + k % 3,
        .angle = CP_STORE_FREE_SPOT, .depth = 0.5,
      };

      cp_store_add_member_full (store, snapshot, &m, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = cp_test_make_tmpdir ();
  g_autoptr(CpStore) store = NULL;
  gint64 person = 0;
  g_autoptr(CpNetmapModel) small = cp_netmap_model_new ();
  g_autoptr(CpNetmapModel) model = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GtkWidget *view;
  GtkGesture *drag;
  Frames f = { 0 };
  gint64 lineage;
  double first;
  double x;
  double y;
  int k;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* (a) open to first frame */
  window = open_window (NULL, NULL, 0, &f, &first);
  g_print ("%-44s          %8.2f ms   (wall)\n", "floor: an empty window, open to first frame",
           first);
  gtk_window_destroy (GTK_WINDOW (window));
  for (k = 0; k < 10; k++)
    {
      g_autofree char *name = g_strdup_printf ("Member %d", k + 1);

      cp_netmap_model_add (small, 0, k % 3, name, k % CP_NETMAP_N_SECTORS, 1 + k % 3);
    }
  window = open_window (small, NULL, 0, &f, &first);
  g_print ("%-44s          %8.2f ms   (wall)\n", "10 members: open to first frame", first);
  gtk_window_destroy (GTK_WINDOW (window));
  store = small_workspace (dir, &person);
  window = open_window (NULL, store, person, &f, &first);
  g_print ("%-44s          %8.2f ms   (wall)\n", "the Network tab, 10 members: first frame",
           first);
  gtk_window_destroy (GTK_WINDOW (window));
  cp_store_close (store);
  cp_test_rm_rf (dir);

  model = bench_netmap_big_map ();
  window = open_window (model, NULL, 0, &f, &first);
  view = gtk_window_get_child (GTK_WINDOW (window));
  g_print ("A map of %u members and %u ties in a %d\xc3\x97%d window; CPU time of this thread\n",
           cp_netmap_model_get_n_members (model), cp_netmap_model_get_n_ties (model), WIDTH,
           HEIGHT);
  g_print ("%-44s          %8.2f ms   (wall)\n", "300 members: open to first frame", first);
  for (k = 0; k < 3; k++)
    next_frame (&f);

  /* (b) drag the member with the most ties across the map, one step a frame */
  lineage = bench_netmap_most_tied (model);
  if (!cp_netmap_view_get_member_point (CP_NETMAP_VIEW (view), lineage, &x, &y))
    {
      g_printerr ("bench-netmap-view: member %" G_GINT64_FORMAT " is not drawn\n", lineage);
      return 1;
    }
  drag = drag_gesture (view);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  for (k = 0; k < 60; k++)
    {
      double dx = (WIDTH * 0.1 + WIDTH * 0.8 * k / 59.0) - x;
      double dy = HEIGHT * 0.3 - y + 40 * (k % 2);
      double t;

      g_signal_emit_by_name (drag, "drag-update", dx, dy);
      t = next_frame (&f);
      if (k == 0)
        g_print ("%-44s          %8.2f ms\n", "drag, first frame (picture without it)", t);
      else
        g_array_append_val (ms, t);
    }
  bench_report ("frames while dragging a member", ms, "\xe2\x89\xa4 8 ms");
  g_array_set_size (ms, 0);
  floor_frames (ms);
  bench_report ("  floor: GTK's frame, a 60\xc3\x97" "60 patch redrawn", ms, "-");
  g_signal_emit_by_name (drag, "drag-end", WIDTH * 0.9 - x, HEIGHT * 0.3 - y);
  cp_netmap_view_model_changed (CP_NETMAP_VIEW (view));
  next_frame (&f);

  /* (c) pan across an empty spot of the view, then a zoom step */
  g_array_set_size (ms, 0);
  g_signal_emit_by_name (drag, "drag-begin", 4.0, 4.0);
  for (k = 0; k < 40; k++)
    {
      double t;

      g_signal_emit_by_name (drag, "drag-update", 3.0 * k, 2.0 * k);
      t = next_frame (&f);
      if (k > 0)
        g_array_append_val (ms, t);
    }
  g_signal_emit_by_name (drag, "drag-end", 120.0, 80.0);
  bench_report ("frames while panning", ms, "\xe2\x89\xa4 8 ms");
  g_array_set_size (ms, 0);
  for (k = 0; k < 6; k++)
    {
      double t;

      cp_netmap_view_zoom_at (CP_NETMAP_VIEW (view), k % 2 == 0 ? 1.25 : 0.8, WIDTH / 2.0,
                              HEIGHT / 2.0);
      t = next_frame (&f);
      g_array_append_val (ms, t);
    }
  bench_report ("a zoom step (new layout, whole picture)", ms, "\xe2\x89\xa4 50 ms");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
