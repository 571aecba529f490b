/* cp-person-glyph.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-glyph"

#include "cp-person-glyph.h"

/* A head and shoulders, for "No One Chosen" on the People page, which the window shows
 * as it opens. The icon theme has that picture only as an SVG, and a 128 px SVG means
 * loading the SVG renderer and its libraries first: about 15 ms of a 400 ms start
 * (bench-startup). Drawn here, it is two rounded shapes. It is symbolic, so it takes the
 * colour the page gives its icon, as an icon would; it has no size of its own, so it
 * fills the icon size. */

struct _CpPersonGlyph
{
  GObject parent_instance;
};

static void cp_person_glyph_paintable_init (GdkPaintableInterface *iface);
static void cp_person_glyph_symbolic_init (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpPersonGlyph, cp_person_glyph, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      cp_person_glyph_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      cp_person_glyph_symbolic_init))

/* One rounded shape, in a 16 × 16 grid scaled by @unit from (@x0, @y0). */
static void
fill_shape (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            double         x0,
            double         y0,
            double         unit,
            float          x,
            float          y,
            float          width,
            float          height,
            float          top_radius,
            float          bottom_radius)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x0 + x * unit, y0 + y * unit,
                                               width * unit, height * unit);
  graphene_size_t top = GRAPHENE_SIZE_INIT (top_radius * unit, top_radius * unit);
  graphene_size_t bottom = GRAPHENE_SIZE_INIT (bottom_radius * unit, bottom_radius * unit);
  GskRoundedRect shape;

  gsk_rounded_rect_init (&shape, &bounds, &top, &top, &bottom, &bottom);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
cp_person_glyph_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                   GdkSnapshot          *snapshot,
                                   double                width,
                                   double                height,
                                   const GdkRGBA        *colors,
                                   gsize                 n_colors)
{
  double size = MIN (width, height);
  double unit = size / 16;
  double x0 = (width - size) / 2;
  double y0 = (height - size) / 2;

  g_return_if_fail (n_colors > 0);

  /* the head, a circle; the shoulders, rounder at the top */
  fill_shape (GTK_SNAPSHOT (snapshot), &colors[0], x0, y0, unit, 4.75, 1, 6.5, 6.5, 3.25, 3.25);
  fill_shape (GTK_SNAPSHOT (snapshot), &colors[0], x0, y0, unit, 2.25, 8.5, 11.5, 6.25, 4.5, 1.75);
}

static void
cp_person_glyph_snapshot (GdkPaintable *paintable,
                          GdkSnapshot  *snapshot,
                          double        width,
                          double        height)
{
  GdkRGBA gray = { 0.5, 0.5, 0.5, 1.0 };

  cp_person_glyph_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot,
                                     width, height, &gray, 1);
}

static GdkPaintableFlags
cp_person_glyph_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
cp_person_glyph_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = cp_person_glyph_snapshot;
  iface->get_flags = cp_person_glyph_get_flags;
}

static void
cp_person_glyph_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = cp_person_glyph_snapshot_symbolic;
}

static void
cp_person_glyph_class_init (CpPersonGlyphClass *klass)
{
}

static void
cp_person_glyph_init (CpPersonGlyph *self)
{
}

/**
 * cp_person_glyph_new:
 *
 * Returns: (transfer full): the picture of a person, to show where an icon would go
 */
GdkPaintable *
cp_person_glyph_new (void)
{
  return g_object_new (CP_TYPE_PERSON_GLYPH, NULL);
}
