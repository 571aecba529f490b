/* cp-typeset-figures.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Figures drawn by code: vector, greyscale-safe, labelled with real text.
 *
 *   practice-cycle, rings-and-sectors, gas-scale,
 *   network-map-{jo,edna,tariq}[-review]   (from the practice data file),
 *   worksheet-network-map, worksheet-goal-plan, worksheet-review (full page). */

typedef struct
{
  PangoContext *pango;          /* its font map decides which fonts exist */
  GKeyFile     *practice;       /* resources/practice/practice.ini, or NULL */
  const char   *practice_file;  /* for error messages */
  double        font_size;      /* body text size in points; labels scale with it */
} CpTypesetFigureContext;

gboolean  cp_typeset_figure_exists (const char                   *name);

/* The height for @width, or 0 when the figure fills the rest of a page. */
double    cp_typeset_figure_height (const char                   *name,
                                    double                        width);

/* Checks that the figure's data exist (practice people and members). */
gboolean  cp_typeset_figure_check  (const char                   *name,
                                    const CpTypesetFigureContext *ctx,
                                    GError                      **error);

/* Draws into the box (0, 0, @width, @height) of @cr's user space. */
gboolean  cp_typeset_figure_draw   (const char                   *name,
                                    cairo_t                      *cr,
                                    double                        width,
                                    double                        height,
                                    const CpTypesetFigureContext *ctx,
                                    GError                      **error);

G_END_DECLS
