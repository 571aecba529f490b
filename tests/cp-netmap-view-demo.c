/* cp-netmap-view-demo.c: the map view on a practice map, for the input tests and a look
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a CpNetmapView on a practice person's map (resources/practice/practice.ini) in a
 * window of its own and applies the view's signals to the model itself, as the network
 * page does through the store, so moves, adds, deletions and ties show at once.
 *
 *   cp-netmap-view-demo [--person jo|edna|tariq] [--review] [--width N] [--height N]
 *                       [--dark] [--large] [--initials] [--focus LINEAGE]
 *                       [--events] [--screenshot FILE.png]
 *
 * --review shows the first review map, its new members highlighted. --focus puts the
 * keyboard focus (with its ring) on a member. --screenshot saves the window's first
 * frame as PNG and quits.
 *
 * With --events, what the view emits is printed on stdout, one line each:
 *   ready XID                                  (the X11 window, drawn once)
 *   member-moved LINEAGE SECTOR RING ANGLE DEPTH      (SECTOR as stored: friends …)
 *   add-requested SECTOR RING ANGLE DEPTH, then added LINEAGE
 *   member-delete-requested | member-rename-requested | member-activated LINEAGE
 *   tie-requested A B
 *   fold-activated SECTOR RING
 *   selected LINEAGE
 * and commands are read from stdin, one a line:
 *   where LINEAGE         → at LINEAGE X Y     (the member's shape, window pixels; or
 *                                               "at LINEAGE none" when not drawn)
 *   point SECTOR RING ANGLE DEPTH → point X Y  (that place of the map, window pixels)
 *   quit
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-view-demo"

#include <adwaita.h>
#include <stdlib.h>

#include "cp-netmap-demo-util.h"
#include "netmap/cp-netmap-view.h"
#include "util/cp-enum.h"

typedef struct
{
  GtkWidget        *window;
  CpNetmapView     *view;
  CpNetmapModel    *model;
  gint64            focus;
  gboolean          events;
  int               added;
} Demo;

static void
say (Demo       *demo,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
say (Demo       *demo,
     const char *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (!demo->events)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  cp_demo_say ("%s", text);
}

static const char *
sector_nick (CpNetmapSector sector)
{
  return cp_enum_to_nick (CP_TYPE_NETMAP_SECTOR, sector);
}

/* A point of the view in the window's pixels (its X11 window) */
static void
to_window (Demo   *demo,
           double  x,
           double  y,
           int    *wx,
           int    *wy)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (demo->view));
  graphene_point_t p;
  double sx;
  double sy;

  if (!gtk_widget_compute_point (GTK_WIDGET (demo->view), GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (x, y), &p))
    p = GRAPHENE_POINT_INIT (x, y);
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int) (p.x + sx + 0.5);
  *wy = (int) (p.y + sy + 0.5);
}

/* ---- the view's signals, applied to the model ---- */

static void
member_moved_cb (CpNetmapView   *view,
                 gint64          lineage,
                 CpNetmapSector  sector,
                 int             ring,
                 double          angle,
                 double          depth,
                 Demo           *demo)
{
  CpNetmapMember *m = cp_netmap_model_find (demo->model, lineage);

  say (demo, "member-moved %" G_GINT64_FORMAT " %s %d %.3f %.3f", lineage, sector_nick (sector),
       ring, angle, depth);
  if (m == NULL)
    return;
  m->sector = sector;
  m->ring = ring;
  m->angle = angle;
  m->depth = depth;
  cp_netmap_view_model_changed (view);
}

static void
add_requested_cb (CpNetmapView   *view,
                  CpNetmapSector  sector,
                  int             ring,
                  double          angle,
                  double          depth,
                  Demo           *demo)
{
  g_autofree char *name = g_strdup_printf ("New %d", ++demo->added);
  CpNetmapMember *m;

  say (demo, "add-requested %s %d %.3f %.3f", sector_nick (sector), ring, angle, depth);
  m = cp_netmap_model_add (demo->model, 0, CP_NETMAP_KIND_PERSON, name, sector, ring);
  m->angle = angle;
  m->depth = depth;
  cp_netmap_view_model_changed (view);
  say (demo, "added %" G_GINT64_FORMAT, m->lineage);
}

static void
delete_requested_cb (CpNetmapView *view,
                     gint64        lineage,
                     Demo         *demo)
{
  say (demo, "member-delete-requested %" G_GINT64_FORMAT, lineage);
  if (cp_netmap_model_remove (demo->model, lineage))
    cp_netmap_view_model_changed (view);
}

static void
lineage_cb (CpNetmapView *view,
            gint64        lineage,
            Demo         *demo)
{
  const char *name = g_signal_name (g_signal_get_invocation_hint (view)->signal_id);

  say (demo, "%s %" G_GINT64_FORMAT, name, lineage);
}

static void
tie_requested_cb (CpNetmapView *view,
                  gint64        a,
                  gint64        b,
                  Demo         *demo)
{
  say (demo, "tie-requested %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, a, b);
  if (cp_netmap_model_set_tie (demo->model, a, b, CP_NETMAP_TIE_STRONG))
    cp_netmap_view_model_changed (view);
}

static void
fold_activated_cb (CpNetmapView   *view,
                   CpNetmapSector  sector,
                   int             ring,
                   Demo           *demo)
{
  say (demo, "fold-activated %s %d", sector_nick (sector), ring);
}

static void
selected_cb (CpNetmapView *view,
             GParamSpec   *pspec,
             Demo         *demo)
{
  say (demo, "selected %" G_GINT64_FORMAT, cp_netmap_view_get_selected (view));
}

/* ---- commands ---- */

static void
run_command (const char *line,
             gpointer    data)
{
  Demo *demo = data;
  g_auto(GStrv) w = g_strsplit (line, " ", -1);
  guint n = g_strv_length (w);

  if (n == 2 && g_str_equal (w[0], "where"))
    {
      gint64 lineage = g_ascii_strtoll (w[1], NULL, 10);
      double x;
      double y;
      int wx;
      int wy;

      if (!cp_netmap_view_get_member_point (demo->view, lineage, &x, &y))
        {
          say (demo, "at %" G_GINT64_FORMAT " none", lineage);
          return;
        }
      to_window (demo, x, y, &wx, &wy);
      say (demo, "at %" G_GINT64_FORMAT " %d %d", lineage, wx, wy);
    }
  else if (n == 5 && g_str_equal (w[0], "point"))
    {
      CpNetmapPlace place = {
        .sector = cp_enum_from_nick (CP_TYPE_NETMAP_SECTOR, w[1], 0),
        .ring = atoi (w[2]),
        .angle = g_ascii_strtod (w[3], NULL),
        .depth = g_ascii_strtod (w[4], NULL),
      };
      double mx;
      double my;
      double x;
      double y;
      int wx;
      int wy;

      cp_netmap_place_to_point (&place, &mx, &my);
      cp_netmap_view_map_to_widget (demo->view, mx, my, &x, &y);
      to_window (demo, x, y, &wx, &wy);
      say (demo, "point %d %d", wx, wy);
    }
  else
    say (demo, "unknown %s", line);
}

/* ---- start ---- */

/* The members' children exist once the map is laid out: focus one, then draw again */
static gboolean
prepare (gpointer data)
{
  Demo *demo = data;
  GtkWidget *item;

  if (demo->focus == 0)
    return FALSE;
  item = cp_netmap_view_get_member_widget (demo->view, demo->focus);
  demo->focus = 0;
  if (item != NULL)
    gtk_widget_grab_focus (item);
  gtk_window_set_focus_visible (GTK_WINDOW (demo->window), TRUE);
  return TRUE;
}

static CpNetmapModel *
practice_map (const char     *person,
              CpNetmapModel  *baseline,
              GError        **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PATH "/practice/practice.ini",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GKeyFile) practice = g_key_file_new ();

  if (bytes == NULL ||
      !g_key_file_load_from_bytes (practice, bytes, G_KEY_FILE_NONE, error))
    return NULL;
  return cp_netmap_model_new_from_practice (practice, person,
                                            baseline != NULL ? "review-members" : "members",
                                            baseline, error);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *person = NULL;
  g_autofree char *screenshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CpNetmapModel) baseline = NULL;
  g_autoptr(CpNetmapModel) model = NULL;
  gboolean review = FALSE;
  gboolean dark = FALSE;
  gboolean large = FALSE;
  gboolean initials = FALSE;
  gboolean events = FALSE;
  gint64 focus = 0;
  int width = 1000;
  int height = 700;
  Demo demo = { 0 };
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, "Practice person (jo, edna, tariq)", "ID" },
    { "review", 0, 0, G_OPTION_ARG_NONE, &review, "The first review map", NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "large", 0, 0, G_OPTION_ARG_NONE, &large, "Larger text (with-person view)", NULL },
    { "initials", 0, 0, G_OPTION_ARG_NONE, &initials, "Initials only", NULL },
    { "focus", 0, 0, G_OPTION_ARG_INT64, &focus, "Focus this member", "LINEAGE" },
    { "events", 0, 0, G_OPTION_ARG_NONE, &events, "Print events, read commands", NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot, "Save a PNG and quit", "FILE" },
    { NULL }
  };

  g_set_prgname ("cp-netmap-view-demo");
  context = g_option_context_new ("— the network map view on a practice map");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  cp_demo_init (dark);

  model = practice_map (person != NULL ? person : "jo", NULL, &error);
  if (model != NULL && review)
    {
      baseline = g_steal_pointer (&model);
      model = practice_map (person != NULL ? person : "jo", baseline, &error);
    }
  if (model == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  demo.model = model;
  demo.events = events;
  demo.focus = focus;

  demo.window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (demo.window), "Network map view");
  gtk_window_set_default_size (GTK_WINDOW (demo.window), width, height);
  demo.view = CP_NETMAP_VIEW (cp_netmap_view_new ());
  cp_netmap_view_set_model (demo.view, model);
  cp_netmap_view_set_since (demo.view, baseline);
  cp_netmap_view_set_large_text (demo.view, large);
  cp_netmap_view_set_initials_only (demo.view, initials);
  gtk_window_set_child (GTK_WINDOW (demo.window), GTK_WIDGET (demo.view));

  g_signal_connect (demo.view, "member-moved", G_CALLBACK (member_moved_cb), &demo);
  g_signal_connect (demo.view, "add-requested", G_CALLBACK (add_requested_cb), &demo);
  g_signal_connect (demo.view, "member-delete-requested", G_CALLBACK (delete_requested_cb),
                    &demo);
  g_signal_connect (demo.view, "member-rename-requested", G_CALLBACK (lineage_cb), &demo);
  g_signal_connect (demo.view, "member-activated", G_CALLBACK (lineage_cb), &demo);
  g_signal_connect (demo.view, "tie-requested", G_CALLBACK (tie_requested_cb), &demo);
  g_signal_connect (demo.view, "fold-activated", G_CALLBACK (fold_activated_cb), &demo);
  g_signal_connect (demo.view, "notify::selected", G_CALLBACK (selected_cb), &demo);

  cp_demo_run (GTK_WINDOW (demo.window),
               &(CpDemoRun) { .screenshot = screenshot, .events = events, .prepare = prepare,
                              .command = run_command, .data = &demo });
  gtk_window_destroy (GTK_WINDOW (demo.window));
  return 0;
}
