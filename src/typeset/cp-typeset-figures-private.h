/* cp-typeset-figures-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-typeset-figures.h"

G_BEGIN_DECLS

typedef enum
{
  CP_FIG_LEFT,
  CP_FIG_CENTRE,
  CP_FIG_RIGHT,
} CpFigAlign;

typedef struct
{
  cairo_t                      *cr;
  const CpTypesetFigureContext *ctx;
  const char                   *name;
  GError                       *error;
} CpFig;

/* Draws text with its top at @y. With @width > 0 the text wraps in [x, x + width] and
 * is aligned there; otherwise @x is the left edge, centre or right edge. Returns the
 * height. Missing glyphs set f->error. */
double    _cp_fig_text          (CpFig       *f,
                                 const char  *text,
                                 double       x,
                                 double       y,
                                 double       width,
                                 double       size,
                                 gboolean     bold,
                                 CpFigAlign   align);
double    _cp_fig_text_width    (CpFig       *f,
                                 const char  *text,
                                 double       size,
                                 gboolean     bold);
void      _cp_fig_text_size     (CpFig       *f,
                                 const char  *text,
                                 double       width,
                                 double       size,
                                 gboolean     bold,
                                 double      *w,
                                 double      *h);
void      _cp_fig_grey          (CpFig       *f,
                                 double       level);
void      _cp_fig_arrow_head    (CpFig       *f,
                                 double       x,
                                 double       y,
                                 double       angle,
                                 double       size);

/* cp-typeset-figures-map.c */
gboolean  _cp_fig_map_check     (const char                   *name,
                                 const CpTypesetFigureContext *ctx,
                                 GError                      **error);
void      _cp_fig_draw_map      (CpFig       *f,
                                 double       width,
                                 double       height);

/* cp-typeset-figures-sheets.c */
void      _cp_fig_draw_goal_sheet   (CpFig  *f,
                                     double  width,
                                     double  height);
void      _cp_fig_draw_review_sheet (CpFig  *f,
                                     double  width,
                                     double  height);

G_END_DECLS
