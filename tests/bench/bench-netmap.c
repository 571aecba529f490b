/* bench-netmap.c: how fast a big network map lays out, draws, tidies, measures and exports
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map of 300 members and 1,000 ties (made up, the same every run):
 *   (a) one frame's draw into a 1280×800 image surface, the layout already made (goal ≤ 8 ms);
 *       and the first frame after a new layout, which draws the whole picture afresh and
 *       keeps it for the frames after (goal ≤ 50 ms: a zoom step)
 *   (b) the layout for that frame: fit and placement, done again when the zoom or map
 *       changes (goal ≤ 50 ms)
 *   (c) frames while one member is dragged across the map (goal ≤ 8 ms; the first of the
 *       drag draws the picture without it afresh)
 *   (d) Tidy of all six sectors (goal ≤ 16 ms: within a frame)
 *   (e) the metrics, and the change against a copy with 30 members moved (goal ≤ 5 ms)
 * (The exports of the same map, and its import, are bench-netmap-io's.)
 * Prints median and worst of several runs beside each goal, in CPU time of this thread
 * (the machine may be shared: wall time would measure the others too); asserts no time.
 */

#include "config.h"

#define G_LOG_DOMAIN "bench-netmap"

#include <locale.h>

#include "netmap/cp-netmap-metrics.h"
#include "netmap/cp-netmap-render.h"
#include "bench-netmap-util.h"

#define WIDTH     1280
#define HEIGHT    800

/* One frame as a view draws it: the background, then the map; its time in ms */
static double
frame (CpNetmapRenderer            *renderer,
       cairo_t                     *cr,
       CpNetmapLayout              *layout,
       const CpNetmapRenderOptions *options,
       double                       cx,
       double                       cy)
{
  double t0 = bench_now_ms ();

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cp_netmap_renderer_draw (renderer, cr, layout, options, cx, cy);
  cairo_restore (cr);
  cairo_surface_flush (cairo_get_target (cr));
  return bench_now_ms () - t0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CpNetmapModel) model = bench_netmap_big_map ();
  g_autoptr(CpNetmapModel) later = cp_netmap_model_copy (model);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(CpNetmapRenderer) renderer = cp_netmap_renderer_new (context);
  g_autoptr(CpNetmapLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  CpNetmapRenderOptions options;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  double cx;
  double cy;
  double scale;
  guint modes[CP_NETMAP_LABEL_FOLDED + 1] = { 0 };
  guint i;
  int k;

  /* the locale's charset for g_print (), so that "≤" and "×" print as themselves */
  setlocale (LC_ALL, "");
  g_object_unref (context);
  cp_netmap_render_options_init (&options);
  options.font_family = "DejaVu Sans";
  options.legend = TRUE;
  options.background = TRUE;
  g_print ("A map of %u members and %u ties, %d\xc3\x97%d; CPU time of this thread\n",
           cp_netmap_model_get_n_members (model), cp_netmap_model_get_n_ties (model), WIDTH,
           HEIGHT);

  /* (b) layout: fit and place, as on opening or zooming */
  for (k = 0; k < 7; k++)
    {
      double t0 = bench_now_ms ();
      double t;

      g_clear_pointer (&layout, cp_netmap_layout_free);
      scale = cp_netmap_renderer_fit (renderer, model, &options, WIDTH, HEIGHT, &cx, &cy);
      layout = cp_netmap_renderer_layout (renderer, model, &options, scale);
      t = bench_now_ms () - t0;
      /* the first run also fills the text cache: count it on its own */
      if (k == 0)
        g_print ("%-44s          %8.2f ms\n", "layout, first (text not yet shaped)", t);
      else
        g_array_append_val (ms, t);
    }
  bench_report ("layout (fit and place)", ms, "\xe2\x89\xa4 50 ms");
  for (i = 0; i < cp_netmap_layout_get_n_spots (layout); i++)
    modes[cp_netmap_layout_get_spot (layout, i)->mode]++;
  g_print ("  names: %u full, %u short, %u initials, %u chips, %u folded into %u marks\n",
           modes[CP_NETMAP_LABEL_FULL], modes[CP_NETMAP_LABEL_SHORT],
           modes[CP_NETMAP_LABEL_INITIALS], modes[CP_NETMAP_LABEL_CHIP],
           modes[CP_NETMAP_LABEL_FOLDED], cp_netmap_layout_get_n_folds (layout));

  /* (a) the first frame of a layout, then frames as when the focus moves */
  g_array_set_size (ms, 0);
  for (k = 0; k < 5; k++)
    {
      g_autoptr(CpNetmapLayout) fresh = cp_netmap_renderer_layout (renderer, model, &options,
                                                                   scale);
      double t = frame (renderer, cr, fresh, &options, cx, cy);

      g_array_append_val (ms, t);
    }
  bench_report ("first frame of a layout (whole picture)", ms, "\xe2\x89\xa4 50 ms");
  /* the picture of this layout, kept: then each frame paints it and the focus ring */
  frame (renderer, cr, layout, &options, cx, cy);
  g_array_set_size (ms, 0);
  for (k = 0; k < 40; k++)
    {
      double t;

      options.focused = 1 + k % BENCH_NETMAP_MEMBERS;
      t = frame (renderer, cr, layout, &options, cx, cy);
      g_array_append_val (ms, t);
    }
  options.focused = 0;
  bench_report ("one frame, 1280\xc3\x97" "800 image surface", ms, "\xe2\x89\xa4 8 ms");

  /* (c) dragging the member with the most ties across the map */
  g_array_set_size (ms, 0);
  options.moving = bench_netmap_most_tied (model);
  for (k = 0; k < 30; k++)
    {
      double t;

      options.moving_x = -0.9 + 1.8 * k / 29.0;
      options.moving_y = 0.3;
      t = frame (renderer, cr, layout, &options, cx, cy);
      if (k == 0)
        g_print ("%-44s          %8.2f ms\n", "drag, first frame (picture without it)", t);
      else
        g_array_append_val (ms, t);
    }
  options.moving = 0;
  bench_report ("frames while dragging a member", ms, "\xe2\x89\xa4 8 ms");

  /* (d) Tidy */
  g_array_set_size (ms, 0);
  for (k = 0; k < 20; k++)
    {
      double t0 = bench_now_ms ();
      double t;
      int s;

      for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
        cp_netmap_tidy_sector (later, s);
      t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  bench_report ("Tidy, all six sectors", ms, "\xe2\x89\xa4 16 ms");

  /* (e) metrics and change */
  for (i = 0; i < 30; i++)
    {
      CpNetmapMember *m = cp_netmap_model_get_member (later, i * 10);

      m->ring = m->ring % CP_NETMAP_N_RINGS + 1;
    }
  g_array_set_size (ms, 0);
  for (k = 0; k < 50; k++)
    {
      CpNetmapMetrics metrics;
      double t0 = bench_now_ms ();
      double t;

      cp_netmap_metrics_compute (model, &metrics);
      t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  bench_report ("metrics", ms, "\xe2\x89\xa4 5 ms");
  g_array_set_size (ms, 0);
  for (k = 0; k < 20; k++)
    {
      double t0 = bench_now_ms ();
      double t;
      g_autoptr(CpNetmapChange) change = cp_netmap_change_new (model, later);

      t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  bench_report ("change between two maps (with both metrics)", ms, "\xe2\x89\xa4 5 ms");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
