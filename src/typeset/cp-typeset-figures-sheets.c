/* cp-typeset-figures-sheets.c: the goal plan and review worksheets (printable, full page),
 * in the words the app uses for the same things (the goal editor's and the review form's;
 * tests/test-manuals-app.c checks that they agree)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-typeset"

#include "cp-typeset-figures-private.h"
#include "cp-typeset-private.h"

/* A box with a bold title and faint writing lines; returns its bottom. */
static double
write_box (CpFig      *f,
           const char *title,
           double      x,
           double      y,
           double      w,
           double      h)
{
  cairo_t *cr = f->cr;
  double size = f->ctx->font_size;
  double th;
  double ly;
  double gap = MAX (size * 1.9, 20);

  cairo_rectangle (cr, x, y, w, h);
  _cp_fig_grey (f, 0);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  th = _cp_fig_text (f, title, x + 6, y + 5, w - 12, size * 1.05, TRUE, CP_FIG_LEFT);
  _cp_fig_grey (f, 0.6);
  cairo_set_line_width (cr, 0.6);
  for (ly = y + 5 + th + gap; ly < y + h - size * 0.8; ly += gap)
    {
      cairo_move_to (cr, x + 6, ly);
      cairo_line_to (cr, x + w - 6, ly);
      cairo_stroke (cr);
    }
  _cp_fig_grey (f, 0);
  return y + h;
}

static double
date_line (CpFig      *f,
           const char *label,
           double      y,
           double      width)
{
  double size = f->ctx->font_size;
  double tw;

  _cp_fig_grey (f, 0);
  tw = _cp_fig_text_width (f, label, size * 1.05, TRUE);
  _cp_fig_text (f, label, 0, y, -1, size * 1.05, TRUE, CP_FIG_LEFT);
  cairo_set_line_width (f->cr, 1.0);
  cairo_move_to (f->cr, tw + 8, y + size * 1.3);
  cairo_line_to (f->cr, MIN (width, tw + 8 + size * 16), y + size * 1.3);
  cairo_stroke (f->cr);
  return y + size * 2.2;
}

void
_cp_fig_draw_goal_sheet (CpFig  *f,
                         double  width,
                         double  height)
{
  cairo_t *cr = f->cr;
  double size = f->ctx->font_size;
  double gap = size * 0.8;
  double foot = size * 2.4;
  double avail = height - foot - 5 * gap;
  double y = 0;
  double col[4];
  double th;
  double row_h;
  int rows = 4;
  int i;

  y = write_box (f, "My goal, in my own words", 0, y, width, avail * 0.17) + gap;
  y = write_box (f, "Why does it matter?", 0, y, width, avail * 0.14) + gap;

  /* steps: what / who does it / due, as a step is added in the app */
  {
    double h = avail * 0.35;
    double top = y;

    cairo_rectangle (cr, 0, top, width, h);
    cairo_set_line_width (cr, 1.2);
    cairo_stroke (cr);
    th = _cp_fig_text (f, "Steps", 6, top + 5, width - 12, size * 1.05, TRUE, CP_FIG_LEFT);
    col[0] = 0;
    col[1] = width * 0.56;
    col[2] = width * 0.80;
    col[3] = width;
    y = top + 5 + th + 4;
    _cp_fig_text (f, "What is the step?", col[0] + 6, y, col[1] - 12, size * 0.9, TRUE,
                  CP_FIG_LEFT);
    _cp_fig_text (f, "Who does it", col[1] + 6, y, col[2] - col[1] - 12, size * 0.9, TRUE,
                  CP_FIG_LEFT);
    _cp_fig_text (f, "Due", col[2] + 6, y, col[3] - col[2] - 12, size * 0.9, TRUE,
                  CP_FIG_LEFT);
    y += size * 1.5;
    row_h = (top + h - y) / rows;
    cairo_set_line_width (cr, 0.8);
    for (i = 0; i < rows; i++)
      {
        cairo_move_to (cr, 0, y + i * row_h);
        cairo_line_to (cr, width, y + i * row_h);
      }
    for (i = 1; i < 3; i++)
      {
        cairo_move_to (cr, col[i], y);
        cairo_line_to (cr, col[i], top + h);
      }
    cairo_stroke (cr);
    y = top + h + gap;
  }
  y = write_box (f, "Who helps", 0, y, width, avail * 0.14) + gap;
  y = write_box (f, "What gets in the way, and how to tackle it", 0, y, width,
                 avail * 0.20) + gap;
  date_line (f, "Review date:", y + size * 0.4, width);
}

void
_cp_fig_draw_review_sheet (CpFig  *f,
                           double  width,
                           double  height)
{
  cairo_t *cr = f->cr;
  double size = f->ctx->font_size;
  double gap = size * 0.8;
  double foot = size * 2.4;
  double scale_h = size * 6.4;
  double avail = height - foot - scale_h - 6 * gap;
  double y = 0;
  int i;

  /* The person's sheet: the levels in words, never their numbers, as the app shows them
   * to the person (cp_gas_level_label ()). */
  static const char * const levels[] = {
    "Much less than expected", "Less than expected", "As expected", "More than expected",
    "Much more than expected",
  };
  y = write_box (f, "What happened since the last review", 0, y, width, avail * 0.24) + gap;
  y = write_box (f, "What went well", 0, y, width, avail * 0.19) + gap;
  y = write_box (f, "What was hard", 0, y, width, avail * 0.19) + gap;

  /* how close to the goal: five levels to tick */
  {
    double top = y;
    double bw = (width - 12) / 5;
    double th;

    cairo_rectangle (cr, 0, top, width, scale_h);
    cairo_set_line_width (cr, 1.2);
    cairo_stroke (cr);
    th = _cp_fig_text (f, "How close am I to my goal? Tick one.", 6, top + 5, width - 12,
                       size * 1.05, TRUE, CP_FIG_LEFT);
    for (i = 0; i < 5; i++)
      {
        double x = 6 + i * bw;
        double by = top + 5 + th + size * 0.6;
        double box = size * 1.5;

        cairo_rectangle (cr, x + bw / 2 - box / 2, by, box, box);
        cairo_set_line_width (cr, 1.4);
        cairo_stroke (cr);
        _cp_fig_text (f, levels[i], x + 3, by + box + 4, bw - 6, size * 0.9,
                      FALSE, CP_FIG_CENTRE);
      }
    y = top + scale_h + gap;
  }
  y = write_box (f, "What next", 0, y, width, avail * 0.38) + gap;
  date_line (f, "Next review date:", y + size * 0.4, width);
}
