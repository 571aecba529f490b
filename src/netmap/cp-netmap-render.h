/* cp-netmap-render.h: the one drawing of a network map, for every surface
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cp-netmap-layout.h"

G_BEGIN_DECLS

/* One cairo routine draws every picture of a map: the screen (through
 * gtk_snapshot_append_cairo), PNG, SVG and PDF exports, the manuals' map figures and
 * the guide's blank worksheet. It draws with the PangoContext it is given (the manuals
 * use their own fontconfig) and never changes that context; text sizes are device units
 * (absolute sizes), so the context's resolution does not matter.
 *
 * A frame: cp_netmap_renderer_fit () (or a view's own scale and centre), then
 * cp_netmap_renderer_layout () once per map, scale and options, then
 * cp_netmap_renderer_draw () for every frame; cp_netmap_renderer_draw_fitted () does
 * all three. */

typedef enum
{
  CP_NETMAP_PALETTE_LIGHT,
  CP_NETMAP_PALETTE_DARK,
  CP_NETMAP_PALETTE_PRINT,      /* greyscale, for paper: the manuals and printouts */
} CpNetmapPalette;

typedef struct
{
  CpNetmapPalette       palette;
  double                font_size;        /* names, device units */
  double                node_radius;      /* device units; 0: from font_size */
  const char           *font_family;      /* NULL: the context's */
  const char           *centre_label;     /* the person's name; NULL: "me" */
  gboolean              initials_only;    /* pseudonymised: initials only, the centre too */
  gboolean              hide_hard_going;  /* no "hard going" chips and no hard-going ties */
  /* The practitioner-only caution flag: drawn only when asked, never in the with-person
   * view, in print or in an export (cp_netmap_renderer_export () turns it off). */
  gboolean              show_caution;
  CpNetmapModel        *since;            /* highlights members not on this earlier map */
  const char           *since_label;      /* the legend's words for them; NULL: a default */
  gint64                focused;          /* lineage, or 0 */
  gint64                selected;         /* lineage, or 0 */
  gint64                moving;           /* the member being dragged, or 0 … */
  double                moving_x;         /* … drawn here (map units) with its ties */
  double                moving_y;
  gint64                linking;          /* a tie being drawn from this member, or 0 … */
  double                link_x;           /* … to here (map units): a dashed line */
  double                link_y;
  /* Pixels per device unit of the picture kept between frames (the screen's scale
   * factor); 0: from the cairo_t's matrix */
  double                raster_scale;
  gboolean              ring_labels;
  CpNetmapSectorLabels  sector_labels;
  gboolean              legend;           /* a key to the shapes and marks, below the map */
  gboolean              background;       /* paint the whole box first */
  gboolean              untranslated;     /* words in English, as the manuals are */
  /* A PDF export's creation date, ISO 8601 (the map's date); NULL: a fixed date. Never
   * the time of writing: the same map makes the same bytes. */
  const char           *date;
} CpNetmapRenderOptions;

typedef enum
{
  CP_NETMAP_FORMAT_PNG,
  CP_NETMAP_FORMAT_SVG,
  CP_NETMAP_FORMAT_PDF,
} CpNetmapFormat;

/* Defaults: light, 11 px names, ring labels, sector labels around the map. */
void              cp_netmap_render_options_init (CpNetmapRenderOptions *options);
/* The palette's background: what a view shows around the map */
void              cp_netmap_palette_get_background (CpNetmapPalette  palette,
                                                    double          *red,
                                                    double          *green,
                                                    double          *blue);

#define CP_TYPE_NETMAP_RENDERER (cp_netmap_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CpNetmapRenderer, cp_netmap_renderer, CP, NETMAP_RENDERER, GObject)

/* Draws @layout's text at (@x, @y), its top left; the manuals pass their own so that
 * their figures' text is extracted as the body's is. */
typedef void (*CpNetmapShowLayoutFunc) (cairo_t     *cr,
                                        PangoLayout *layout,
                                        double       x,
                                        double       y,
                                        gpointer     user_data);

CpNetmapRenderer *cp_netmap_renderer_new        (PangoContext                *context);
PangoContext     *cp_netmap_renderer_get_context (CpNetmapRenderer           *self);
void              cp_netmap_renderer_set_show_layout_func (CpNetmapRenderer   *self,
                                                           CpNetmapShowLayoutFunc func,
                                                           gpointer            user_data);

/* The scale (device units per map unit) and the centre at which @model with its labels
 * and legend fills the box (0, 0, @width, @height), centred. */
double            cp_netmap_renderer_fit        (CpNetmapRenderer            *self,
                                                 CpNetmapModel               *model,
                                                 const CpNetmapRenderOptions *options,
                                                 double                       width,
                                                 double                       height,
                                                 double                      *cx,
                                                 double                      *cy);
CpNetmapLayout   *cp_netmap_renderer_layout     (CpNetmapRenderer            *self,
                                                 CpNetmapModel               *model,
                                                 const CpNetmapRenderOptions *options,
                                                 double                       scale);
/* Draws the map of @layout (made by this renderer with the same options) with its centre
 * at (@cx, @cy) of @cr's user space. The legend, when asked, goes below the map. */
void              cp_netmap_renderer_draw       (CpNetmapRenderer            *self,
                                                 cairo_t                     *cr,
                                                 CpNetmapLayout              *layout,
                                                 const CpNetmapRenderOptions *options,
                                                 double                       cx,
                                                 double                       cy);
void              cp_netmap_renderer_draw_fitted (CpNetmapRenderer           *self,
                                                  cairo_t                    *cr,
                                                  CpNetmapModel              *model,
                                                  const CpNetmapRenderOptions *options,
                                                  double                      width,
                                                  double                      height);
/* For a view that composes its frames itself (GTK's snapshots): the picture kept between
 * frames (what cp_netmap_renderer_draw () paints, without the overlay), made when needed,
 * for the map's centre at (@cx, @cy) of a target in device units with
 * options->raster_scale pixels each (0: 1). Returns the image (the renderer's, valid until
 * its next use) with its top left at (@x, @y) of that target, and @serial, which changes
 * whenever the picture does; NULL when the picture is too large to keep (then draw with
 * cp_netmap_renderer_draw ()). Paint the overlay over it each frame. */
cairo_surface_t  *cp_netmap_renderer_get_picture (CpNetmapRenderer           *self,
                                                  CpNetmapLayout             *layout,
                                                  const CpNetmapRenderOptions *options,
                                                  double                      cx,
                                                  double                      cy,
                                                  double                     *x,
                                                  double                     *y,
                                                  guint                      *serial);
/* What changes from frame to frame: the member being dragged with its ties, a tie being
 * drawn, the selection and the keyboard focus. */
void              cp_netmap_renderer_draw_overlay (CpNetmapRenderer           *self,
                                                   cairo_t                    *cr,
                                                   CpNetmapLayout             *layout,
                                                   const CpNetmapRenderOptions *options,
                                                   double                      cx,
                                                   double                      cy);
/* Frames after the first paint the picture kept from it (on pixel surfaces), with the
 * focus, selection and the member being dragged drawn over it. After a change to the
 * map that keeps its layout (a chip, a tie), forget the kept picture. */
void              cp_netmap_renderer_forget     (CpNetmapRenderer            *self);
/* Writes the fitted map through @write_func (@closure): PNG in pixels, SVG and PDF in
 * points. Caution flags are never drawn, whatever @options say. A PDF is dated
 * options->date, so the same map gives the same bytes. Files go through the export
 * layer (src/export), which publishes them safely; nothing here opens a path. */
gboolean          cp_netmap_renderer_export     (CpNetmapRenderer            *self,
                                                 CpNetmapModel               *model,
                                                 const CpNetmapRenderOptions *options,
                                                 CpNetmapFormat               format,
                                                 double                       width,
                                                 double                       height,
                                                 cairo_write_func_t           write_func,
                                                 gpointer                     closure,
                                                 GError                     **error);

G_END_DECLS
