/* cp-netmap-render-private.h: what the renderer's files share
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-netmap-private.h"
#include "cp-netmap-render.h"

G_BEGIN_DECLS

typedef struct
{
  double r;
  double g;
  double b;
} CpNetmapRgb;

typedef struct
{
  CpNetmapRgb background;
  CpNetmapRgb shade;             /* every other sector */
  double      outer_shade;       /* alpha of the text colour over the outer zone */
  CpNetmapRgb lines;
  CpNetmapRgb text;
  CpNetmapRgb quiet_text;        /* ring labels */
  CpNetmapRgb centre;
  CpNetmapRgb centre_text;
  CpNetmapRgb outline;
  CpNetmapRgb kind[CP_NETMAP_N_KINDS];
  CpNetmapRgb kind_text[CP_NETMAP_N_KINDS]; /* initials inside a chip */
  CpNetmapRgb muted;             /* members who have died */
  CpNetmapRgb highlight;         /* new since the earlier map */
  CpNetmapRgb accent;            /* focus and selection */
  CpNetmapRgb tie[3];
  CpNetmapRgb helps;
  CpNetmapRgb hard;
  CpNetmapRgb more;
  CpNetmapRgb caution;
  CpNetmapRgb caution_text;
  CpNetmapRgb fold;
} CpNetmapPaletteColours;

typedef struct _CpNetmapCache CpNetmapCache;

struct _CpNetmapRenderer
{
  GObject                 parent_instance;

  PangoContext           *context;
  char                   *family;
  GHashTable             *texts;          /* key -> PangoLayout */
  CpNetmapShowLayoutFunc  show;
  gpointer                show_data;
  CpNetmapCache          *cache;          /* the picture between frames */
};

/* One drawing; the fields are device units. */
typedef struct
{
  CpNetmapRenderer             *renderer;
  cairo_t                      *cr;
  CpNetmapLayout               *layout;
  CpNetmapModel                *model;
  const CpNetmapRenderOptions  *options;
  const CpNetmapPaletteColours *colours;
  GHashTable                   *fresh;    /* lineages new since options->since, or NULL */
  double                        cx;
  double                        cy;
  double                        s;
  double                        fs;
} CpNetmapDraw;

const CpNetmapPaletteColours *_cp_netmap_palette     (CpNetmapPalette      palette);

PangoLayout *_cp_netmap_renderer_text   (CpNetmapRenderer   *self,
                                         const char         *text,
                                         double              size,
                                         gboolean            bold,
                                         double              wrap_width);
void         _cp_netmap_renderer_show   (CpNetmapRenderer   *self,
                                         cairo_t            *cr,
                                         PangoLayout        *layout,
                                         double              x,
                                         double              y);
/* Lineages on @model and not on @since; NULL when @since is NULL. */
GHashTable  *_cp_netmap_fresh_lineages  (CpNetmapModel      *model,
                                         CpNetmapModel      *since);

/* cp-netmap-render-draw.c */
void         _cp_netmap_draw_background (CpNetmapDraw       *d);
void         _cp_netmap_draw_labels     (CpNetmapDraw       *d);
void         _cp_netmap_draw_ties       (CpNetmapDraw       *d);
void         _cp_netmap_draw_members    (CpNetmapDraw       *d);
void         _cp_netmap_draw_centre     (CpNetmapDraw       *d);
void         _cp_netmap_draw_overlay    (CpNetmapDraw       *d);
void         _cp_netmap_draw_shape      (CpNetmapDraw       *d,
                                         CpNetmapKind        kind,
                                         double              x,
                                         double              y,
                                         double              r);
void         _cp_netmap_draw_marks      (CpNetmapDraw         *d,
                                         const CpNetmapMember *member,
                                         double                x,
                                         double                y,
                                         double                r);
void         _cp_netmap_rgb             (cairo_t            *cr,
                                         const CpNetmapRgb  *c);

/* cp-netmap-render-cache.c: paints @draw_picture's picture from the kept image (made
 * when needed); FALSE for targets drawn afresh (vector surfaces, turned matrices) */
gboolean     _cp_netmap_draw_cached     (CpNetmapDraw       *d,
                                         void              (*draw_picture) (CpNetmapDraw *d));
void         _cp_netmap_cache_free      (CpNetmapCache      *cache);
/* The kept picture (made when needed) for a target in device units, and its top left
 * there; NULL when it is not kept */
cairo_surface_t *_cp_netmap_get_picture (CpNetmapDraw       *d,
                                         void              (*draw_picture) (CpNetmapDraw *d),
                                         double             *x,
                                         double             *y,
                                         guint              *serial);

/* cp-netmap-render-legend.c */
double       _cp_netmap_legend_height   (CpNetmapRenderer            *self,
                                         CpNetmapModel               *model,
                                         const CpNetmapRenderOptions *options,
                                         double                       width);
void         _cp_netmap_draw_legend     (CpNetmapDraw       *d,
                                         double              x,
                                         double              y,
                                         double              width);

G_END_DECLS
