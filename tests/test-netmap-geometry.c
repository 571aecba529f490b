/* test-netmap-geometry.c: rings and sectors, free spots, Tidy, and the layout of names
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "test-netmap-geometry"

#include <math.h>

#include "test-netmap-util.h"

/* ---- place <-> point ---- */

static void
assert_place (double          x,
              double          y,
              CpNetmapSector  sector,
              int             ring,
              double          angle,
              double          depth)
{
  CpNetmapPlace p;

  g_assert_cmpint (cp_netmap_point_to_place (x, y, &p), ==, CP_NETMAP_HIT_CELL);
  g_assert_cmpint (p.sector, ==, sector);
  g_assert_cmpint (p.ring, ==, ring);
  g_assert_cmpfloat_with_epsilon (p.angle, angle, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.depth, depth, 1e-9);
}

static void
test_edges (void)
{
  CpNetmapPlace p;
  double x;
  double y;
  int s;
  int r;

  for (s = 0; s < CP_NETMAP_N_SECTORS; s++)
    {
      for (r = 1; r <= CP_NETMAP_N_RINGS; r++)
        {
          CpNetmapPlace start = { s, r, 0, 0 };
          CpNetmapPlace end = { s, r, 1, 0.5 };
          CpNetmapPlace outer = { s, r, 0.5, 1 };
          CpNetmapPlace middle = { s, r, 0.5, 0.5 };

          /* a cell's first edges are its own */
          cp_netmap_place_to_point (&start, &x, &y);
          assert_place (x, y, s, r, 0, 0);
          /* its clockwise edge starts the next sector */
          cp_netmap_place_to_point (&end, &x, &y);
          assert_place (x, y, (s + 1) % CP_NETMAP_N_SECTORS, r, 0, 0.5);
          /* its outer edge starts the next ring; the outer circle is the outer zone's */
          cp_netmap_place_to_point (&outer, &x, &y);
          if (r < CP_NETMAP_N_RINGS)
            assert_place (x, y, s, r + 1, 0.5, 0);
          else
            assert_place (x, y, s, r, 0.5, 1);
          cp_netmap_place_to_point (&middle, &x, &y);
          assert_place (x, y, s, r, 0.5, 0.5);
          cp_netmap_cell_centre (s, r, &x, &y);
          assert_place (x, y, s, r, 0.5, 0.5);
        }
    }

  /* family & home starts at the top and the sectors go clockwise: friends is on the
   * right, clubs, groups & faith on the left */
  assert_place (0, -0.5, CP_NETMAP_SECTOR_FAMILY, 2, 0, (0.5 - 0.42) / (0.64 - 0.42));
  assert_place (0.5, 0, CP_NETMAP_SECTOR_FRIENDS, 2, 0.5, (0.5 - 0.42) / (0.64 - 0.42));
  assert_place (-0.5, 0, CP_NETMAP_SECTOR_GROUPS, 2, 0.5, (0.5 - 0.42) / (0.64 - 0.42));
  assert_place (0, 0.5, CP_NETMAP_SECTOR_WORK, 2, 0, (0.5 - 0.42) / (0.64 - 0.42));

  /* the person at the centre, and beyond the map */
  g_assert_cmpint (cp_netmap_point_to_place (0, 0, &p), ==, CP_NETMAP_HIT_CENTRE);
  g_assert_cmpint (cp_netmap_point_to_place (0.1299, 0, &p), ==, CP_NETMAP_HIT_CENTRE);
  assert_place (0.13, 0, CP_NETMAP_SECTOR_FRIENDS, 1, 0.5, 0);
  assert_place (1.0, 0, CP_NETMAP_SECTOR_FRIENDS, 4, 0.5, 1);
  g_assert_cmpint (cp_netmap_point_to_place (1.0001, 0, &p), ==, CP_NETMAP_HIT_OUTSIDE);

  /* a drop beyond the map lands on the outer edge of the outer zone, one on the person
   * on the inner edge of ring 1, in the sector it points to */
  cp_netmap_point_to_place_clamped (-3, 0, &p);
  g_assert_cmpint (p.sector, ==, CP_NETMAP_SECTOR_GROUPS);
  g_assert_cmpint (p.ring, ==, CP_NETMAP_RING_OUTER);
  g_assert_cmpfloat_with_epsilon (p.depth, 1, 1e-9);
  cp_netmap_point_to_place_clamped (0.01, 0.01 * tan (G_PI / 3), &p);
  g_assert_cmpint (p.sector, ==, CP_NETMAP_SECTOR_NEIGHBOURS);
  g_assert_cmpint (p.ring, ==, CP_NETMAP_RING_CLOSEST);
  g_assert_cmpfloat_with_epsilon (p.depth, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.angle, 0.5, 1e-9);
}

static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  int i;

  for (i = 0; i < 10000; i++)
    {
      CpNetmapPlace in = { g_rand_int_range (rand, 0, CP_NETMAP_N_SECTORS),
                           g_rand_int_range (rand, 1, CP_NETMAP_N_RINGS + 1),
                           g_rand_double (rand), g_rand_double (rand) };
      double x;
      double y;

      cp_netmap_place_to_point (&in, &x, &y);
      assert_place (x, y, in.sector, in.ring, in.angle, in.depth);
    }
}

/* ---- layouts ---- */

static void
options_init (CpNetmapRenderOptions *o)
{
  cp_netmap_render_options_init (o);
  o->font_family = "DejaVu Sans";
  o->font_size = 11;
}

static void
add_rect (GArray             *rects,
          const CpNetmapRect *r)
{
  g_array_append_val (rects, *r);
}

/* Fails when any two things the layout draws overlap: shapes (a diamond reaches 1.2
 * radii), names, chips, "+N more" marks and ring labels. */
static void
assert_no_overlaps (CpNetmapLayout *layout)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (CpNetmapRect));
  g_autoptr(GArray) owner = g_array_new (FALSE, FALSE, sizeof (int));
  guint i;
  guint j;
  int ring;

  for (i = 0; i < cp_netmap_layout_get_n_spots (layout); i++)
    {
      const CpNetmapSpot *s = cp_netmap_layout_get_spot (layout, i);
      double e = s->radius * 1.2;
      CpNetmapRect shape = { s->x - e, s->y - e, 2 * e, 2 * e };
      int me = (int) i;

      if (s->mode == CP_NETMAP_LABEL_FOLDED)
        continue;
      add_rect (rects, &shape);
      g_array_append_val (owner, me);
      /* a chip's initials are inside its shape */
      if (s->label != NULL && s->mode != CP_NETMAP_LABEL_CHIP)
        {
          add_rect (rects, &s->label_box);
          g_array_append_val (owner, me);
        }
    }
  for (i = 0; i < cp_netmap_layout_get_n_folds (layout); i++)
    {
      int none = -1;

      add_rect (rects, &cp_netmap_layout_get_fold (layout, i)->box);
      g_array_append_val (owner, none);
    }
  for (ring = 1; ring <= CP_NETMAP_N_RINGS; ring++)
    {
      const char *text;
      CpNetmapRect box;
      int none = -2;

      if (cp_netmap_layout_get_ring_label (layout, ring, &text, &box))
        {
          add_rect (rects, &box);
          g_array_append_val (owner, none);
        }
    }
  for (i = 0; i < rects->len; i++)
    {
      for (j = i + 1; j < rects->len; j++)
        {
          const CpNetmapRect *a = &g_array_index (rects, CpNetmapRect, i);
          const CpNetmapRect *b = &g_array_index (rects, CpNetmapRect, j);
          double eps = 1e-9;

          if (g_array_index (owner, int, i) >= 0 &&
              g_array_index (owner, int, i) == g_array_index (owner, int, j))
            continue;
          if (a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
              a->y + eps < b->y + b->height && b->y + eps < a->y + a->height)
            g_error ("overlap: (%g %g %g %g) and (%g %g %g %g)", a->x, a->y, a->width,
                     a->height, b->x, b->y, b->width, b->height);
        }
    }
}

/* Fails unless the first @n members are drawn exactly at their places */
static void
assert_at_places (CpNetmapLayout *layout,
                  guint           n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      const CpNetmapSpot *s = cp_netmap_layout_get_spot (layout, i);
      CpNetmapPlace p = { s->member->sector, s->member->ring, s->member->angle,
                          s->member->depth };
      double x;
      double y;

      cp_netmap_place_to_point (&p, &x, &y);
      g_assert_cmpfloat (hypot (s->x - x, s->y - y), <, 1e-9);
      g_assert_true (cp_netmap_layout_hit (layout, x, y) == s);
    }
}

static guint
count_mode (CpNetmapLayout    *layout,
            CpNetmapLabelMode  mode)
{
  guint n = 0;
  guint i;

  for (i = 0; i < cp_netmap_layout_get_n_spots (layout); i++)
    n += cp_netmap_layout_get_spot (layout, i)->mode == mode;
  return n;
}

/* A new member goes where there is room: every spot keeps its distance, and the map
 * draws each one where it was put, with its whole name. */
static void
test_free_spot (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  g_autoptr(CpNetmapLayout) layout = NULL;
  CpNetmapRenderOptions o;
  double angle;
  double depth;
  double cx;
  double cy;
  double scale;
  guint i;
  guint j;

  cp_netmap_free_spot (model, CP_NETMAP_SECTOR_FRIENDS, 2, 0, &angle, &depth);
  g_assert_cmpfloat_with_epsilon (angle, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (depth, 0.5, 1e-9);
  for (i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Friend %u", i + 1);
      CpNetmapMember *m;

      cp_netmap_free_spot (model, CP_NETMAP_SECTOR_FRIENDS, 2, 0, &angle, &depth);
      m = cp_netmap_model_add (model, 0, CP_NETMAP_KIND_PERSON, name,
                               CP_NETMAP_SECTOR_FRIENDS, 2);
      m->angle = angle;
      m->depth = depth;
    }
  for (i = 0; i < 6; i++)
    {
      for (j = i + 1; j < 6; j++)
        {
          const CpNetmapMember *a = cp_netmap_model_get_member (model, i);
          const CpNetmapMember *b = cp_netmap_model_get_member (model, j);
          CpNetmapPlace pa = { a->sector, a->ring, a->angle, a->depth };
          CpNetmapPlace pb = { b->sector, b->ring, b->angle, b->depth };
          double ax, ay, bx, by;

          cp_netmap_place_to_point (&pa, &ax, &ay);
          cp_netmap_place_to_point (&pb, &bx, &by);
          g_assert_cmpfloat (hypot (ax - bx, ay - by), >, 0.05);
        }
    }

  options_init (&o);
  scale = cp_netmap_renderer_fit (renderer, model, &o, 1280, 800, &cx, &cy);
  layout = cp_netmap_renderer_layout (renderer, model, &o, scale);
  assert_no_overlaps (layout);
  g_assert_cmpuint (count_mode (layout, CP_NETMAP_LABEL_FULL), ==, 6);
  assert_at_places (layout, 6);
}

/* Tidy spreads members dropped on one spot across their cell, in the order they were
 * in, and the map then draws them all with their names and nothing overlapping. */
static void
test_tidy (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  g_autoptr(CpNetmapLayout) layout = NULL;
  CpNetmapRenderOptions o;
  double cx;
  double cy;
  double scale;
  guint i;

  for (i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("Neighbour %u", i + 1);

      cp_netmap_model_add (model, 0, i % 3, name, CP_NETMAP_SECTOR_NEIGHBOURS, 2);
    }
  cp_netmap_model_add (model, 0, CP_NETMAP_KIND_PLACE, "Library", CP_NETMAP_SECTOR_WORK, 3);
  cp_netmap_tidy_sector (model, CP_NETMAP_SECTOR_NEIGHBOURS);
  for (i = 0; i < 8; i++)
    {
      const CpNetmapMember *m = cp_netmap_model_get_member (model, i);

      g_assert_cmpfloat_with_epsilon (m->angle, (i + 0.5) / 8, 1e-12);
      g_assert_cmpfloat (m->depth, >, 0);
      g_assert_cmpfloat (m->depth, <, 1);
    }
  /* another sector is left as it was */
  g_assert_cmpfloat (cp_netmap_model_get_member (model, 8)->angle, ==, 0.5);

  options_init (&o);
  scale = cp_netmap_renderer_fit (renderer, model, &o, 1280, 800, &cx, &cy);
  layout = cp_netmap_renderer_layout (renderer, model, &o, scale);
  assert_no_overlaps (layout);
  g_assert_cmpuint (count_mode (layout, CP_NETMAP_LABEL_CHIP), ==, 0);
  g_assert_cmpuint (count_mode (layout, CP_NETMAP_LABEL_FOLDED), ==, 0);
  g_assert_cmpuint (count_mode (layout, CP_NETMAP_LABEL_FULL), >=, 7);
  /* every shape sits where Tidy put it */
  assert_at_places (layout, 9);
}

/* 40 members in one ring-1 arc of a map 360 px wide: chips, then "+N more", every
 * member either drawn or listed by the mark, nothing overlapping, text at its size. */
static void
test_full_cell (void)
{
  g_autoptr(CpNetmapModel) model = cp_netmap_model_new ();
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  CpNetmapRenderOptions o;
  gint64 last = 0;
  int width;
  guint i;

  for (i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %c", i % 2 ? "Friend" : "Neighbour",
                                               'A' + i % 26);
      CpNetmapMember *m = cp_netmap_model_add (model, 0, i % 3, name,
                                               CP_NETMAP_SECTOR_FRIENDS, 1);

      last = m->lineage;
    }
  cp_netmap_tidy_sector (model, CP_NETMAP_SECTOR_FRIENDS);
  options_init (&o);
  /* the focused member stays drawn even when it would be folded */
  o.focused = last;

  for (width = 360; width <= 1280; width += 920)
    {
      g_autoptr(CpNetmapLayout) layout = NULL;
      double cx;
      double cy;
      double scale = cp_netmap_renderer_fit (renderer, model, &o, width, width * 0.8, &cx, &cy);
      guint drawn;
      guint folded;
      guint listed = 0;

      layout = cp_netmap_renderer_layout (renderer, model, &o, scale);
      assert_no_overlaps (layout);
      drawn = count_mode (layout, CP_NETMAP_LABEL_CHIP);
      folded = count_mode (layout, CP_NETMAP_LABEL_FOLDED);
      g_test_message ("%d px: %u chips, %u folded", width, drawn, folded);
      g_assert_cmpuint (drawn + folded, ==, 40);
      g_assert_cmpuint (drawn, >=, 1);
      g_assert_cmpuint (folded, >=, 1);
      g_assert_cmpuint (cp_netmap_layout_get_n_folds (layout), ==, 1);
      for (i = 0; i < cp_netmap_layout_get_n_folds (layout); i++)
        {
          const CpNetmapFold *f = cp_netmap_layout_get_fold (layout, i);
          g_autofree char *more = g_strdup_printf ("+%u", f->lineages->len);

          listed += f->lineages->len;
          g_assert_true (g_str_has_prefix (f->text, more));
          g_assert_cmpint (f->sector, ==, CP_NETMAP_SECTOR_FRIENDS);
          g_assert_cmpint (f->ring, ==, 1);
          g_assert_true (cp_netmap_layout_hit_fold (layout, f->x, f->y) == f);
        }
      g_assert_cmpuint (listed, ==, folded);
      g_assert_cmpint (cp_netmap_layout_find (layout, last)->mode, ==, CP_NETMAP_LABEL_CHIP);
      for (i = 0; i < 40; i++)
        {
          const CpNetmapSpot *s = cp_netmap_layout_get_spot (layout, i);
          g_autofree char *initials = cp_netmap_initials (s->member->name);

          if (s->mode != CP_NETMAP_LABEL_CHIP)
            continue;

          /* two initials at most, inside the chip */
          g_assert_cmpint (g_utf8_strlen (s->label, -1), <=, 2);
          g_assert_true (g_str_has_prefix (initials, s->label));
          g_assert_cmpfloat (s->label_box.width / 2, <=, s->radius);
          g_assert_true (cp_netmap_layout_hit (layout, s->x, s->y) == s);
        }
      if (width > 360)
        g_assert_cmpuint (drawn, >=, 10);
    }
}

/* The practice maps, at the size of the manuals' figures, show every name in full. */
static void
test_practice_names_in_full (void)
{
  const char *people[] = { "jo", "edna", "tariq" };
  g_autoptr(CpNetmapRenderer) renderer = test_netmap_renderer_new ();
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(CpNetmapModel) base = test_netmap_practice_map (people[i], NULL);
      g_autoptr(CpNetmapModel) review = test_netmap_practice_map (people[i], base);
      CpNetmapModel *maps[2];
      int k;

      maps[0] = base;
      maps[1] = review;
      for (k = 0; k < 2; k++)
        {
          g_autoptr(CpNetmapLayout) layout = NULL;
          CpNetmapRenderOptions o;
          double cx;
          double cy;
          double scale;

          options_init (&o);
          o.font_size = 7.9;
          o.palette = CP_NETMAP_PALETTE_PRINT;
          o.legend = TRUE;
          o.since = k == 1 ? base : NULL;
          scale = cp_netmap_renderer_fit (renderer, maps[k], &o, 482, 463, &cx, &cy);
          layout = cp_netmap_renderer_layout (renderer, maps[k], &o, scale);
          assert_no_overlaps (layout);
          g_assert_cmpuint (count_mode (layout, CP_NETMAP_LABEL_FULL), ==,
                            cp_netmap_model_get_n_members (maps[k]));
        }
    }
}

static void
test_names (void)
{
  struct
  {
    const char *name;
    const char *short_name;
    const char *initials;
  } cases[] = {
    { "Sam (sister)", "Sam", "S" },
    { "Mum", "Mum", "M" },
    { "Saturday beginners' group", "Saturday\xe2\x80\xa6", "SBG" },
    { "Bea (kitchen volunteer lead)", "Bea", "B" },
    { "Community kitchen", "Community\xe2\x80\xa6", "CK" },
    { "Thursday kitchen team", "Thursday\xe2\x80\xa6", "TKT" },
    { "Corner shop", "Corner shop", "CS" },
    { "Wolfeschlegelsteinhausen", "Wolfeschle\xe2\x80\xa6", "W" },
    { "(only brackets)", "(only\xe2\x80\xa6", "OB" },
    { "\xc3\x89lodie & the \xc3\xa9quipe", "\xc3\x89lodie &\xe2\x80\xa6", "\xc3\x89T\xc3\x89" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = cp_netmap_short_name (cases[i].name);
      g_autofree char *n = cp_netmap_initials (cases[i].name);

      g_assert_cmpstr (s, ==, cases[i].short_name);
      g_assert_cmpstr (n, ==, cases[i].initials);
      g_assert_cmpint (g_utf8_strlen (s, -1), <=, 15);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cp/netmap/geometry/edges", test_edges);
  g_test_add_func ("/cp/netmap/geometry/round-trip", test_round_trip);
  g_test_add_func ("/cp/netmap/geometry/free-spot", test_free_spot);
  g_test_add_func ("/cp/netmap/geometry/tidy", test_tidy);
  g_test_add_func ("/cp/netmap/layout/full-cell", test_full_cell);
  g_test_add_func ("/cp/netmap/layout/practice-names-in-full", test_practice_names_in_full);
  g_test_add_func ("/cp/netmap/layout/names", test_names);
  return g_test_run ();
}
