/* cp-goal-symbols.c: a simple symbol for each area of life, drawn with cairo
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goals"

#include <math.h>

#include "cp-goal-symbols.h"

/* Drawn on a unit square (0..1), stroked with a round pen of 0.07: bold enough to read
 * at twice the body size when printed, plain enough to mean one thing. */

static void
person (cairo_t *cr,
        double   x,
        double   y,
        double   scale)
{
  /* a head and the curve of the shoulders, centred on x, standing on y */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y - 0.55 * scale, 0.16 * scale, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, 0.3 * scale, G_PI, 2 * G_PI);
}

static void
heart (cairo_t *cr,
       double   cx,
       double   cy,
       double   s)
{
  cairo_move_to (cr, cx, cy + 0.3 * s);
  cairo_curve_to (cr, cx - 0.55 * s, cy - 0.05 * s, cx - 0.3 * s, cy - 0.45 * s, cx, cy - 0.2 * s);
  cairo_curve_to (cr, cx + 0.3 * s, cy - 0.45 * s, cx + 0.55 * s, cy - 0.05 * s, cx, cy + 0.3 * s);
  cairo_close_path (cr);
}

static void
house (cairo_t *cr)
{
  cairo_move_to (cr, 0.12, 0.48);
  cairo_line_to (cr, 0.5, 0.14);
  cairo_line_to (cr, 0.88, 0.48);
  cairo_move_to (cr, 0.2, 0.42);
  cairo_line_to (cr, 0.2, 0.88);
  cairo_line_to (cr, 0.8, 0.88);
  cairo_line_to (cr, 0.8, 0.42);
  cairo_rectangle (cr, 0.42, 0.62, 0.16, 0.26);
}

static void
star (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? 0.4 : 0.17;
      double a = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, 0.5 + r * cos (a), 0.53 + r * sin (a));
      else
        cairo_line_to (cr, 0.5 + r * cos (a), 0.53 + r * sin (a));
    }
  cairo_close_path (cr);
}

void
cp_life_area_symbol_draw (cairo_t    *cr,
                          CpLifeArea  area,
                          double      size)
{
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_scale (cr, size, size);
  cairo_set_line_width (cr, 0.07);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);

  switch (area)
    {
    case CP_LIFE_AREA_FRIENDSHIPS:
      person (cr, 0.3, 0.85, 0.9);
      person (cr, 0.7, 0.85, 0.9);
      break;
    case CP_LIFE_AREA_FAMILY:
      person (cr, 0.25, 0.85, 0.9);
      person (cr, 0.75, 0.85, 0.9);
      person (cr, 0.5, 0.9, 0.55);
      break;
    case CP_LIFE_AREA_LEISURE:
      star (cr);
      break;
    case CP_LIFE_AREA_LEARNING:
      /* an open book */
      cairo_move_to (cr, 0.5, 0.3);
      cairo_curve_to (cr, 0.38, 0.22, 0.22, 0.22, 0.1, 0.28);
      cairo_line_to (cr, 0.1, 0.78);
      cairo_curve_to (cr, 0.22, 0.72, 0.38, 0.72, 0.5, 0.8);
      cairo_curve_to (cr, 0.62, 0.72, 0.78, 0.72, 0.9, 0.78);
      cairo_line_to (cr, 0.9, 0.28);
      cairo_curve_to (cr, 0.78, 0.22, 0.62, 0.22, 0.5, 0.3);
      cairo_line_to (cr, 0.5, 0.8);
      break;
    case CP_LIFE_AREA_WORK:
      /* a bag with a handle */
      cairo_rectangle (cr, 0.12, 0.36, 0.76, 0.48);
      cairo_move_to (cr, 0.36, 0.36);
      cairo_line_to (cr, 0.36, 0.22);
      cairo_line_to (cr, 0.64, 0.22);
      cairo_line_to (cr, 0.64, 0.36);
      cairo_move_to (cr, 0.12, 0.56);
      cairo_line_to (cr, 0.88, 0.56);
      break;
    case CP_LIFE_AREA_FAITH:
      /* a candle and its flame */
      cairo_rectangle (cr, 0.38, 0.48, 0.24, 0.4);
      cairo_move_to (cr, 0.5, 0.12);
      cairo_curve_to (cr, 0.66, 0.3, 0.6, 0.4, 0.5, 0.4);
      cairo_curve_to (cr, 0.4, 0.4, 0.34, 0.3, 0.5, 0.12);
      cairo_close_path (cr);
      break;
    case CP_LIFE_AREA_PHYSICAL_ACTIVITY:
      /* a ball */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.5, 0.36, 0, 2 * G_PI);
      cairo_move_to (cr, 0.14, 0.5);
      cairo_line_to (cr, 0.86, 0.5);
      cairo_move_to (cr, 0.5, 0.14);
      cairo_curve_to (cr, 0.3, 0.3, 0.3, 0.7, 0.5, 0.86);
      cairo_move_to (cr, 0.5, 0.14);
      cairo_curve_to (cr, 0.7, 0.3, 0.7, 0.7, 0.5, 0.86);
      break;
    case CP_LIFE_AREA_COMMUNITY_GROUPS:
      /* people round a table */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.5, 0.14, 0, 2 * G_PI);
      for (int i = 0; i < 5; i++)
        {
          double a = -G_PI / 2 + i * 2 * G_PI / 5;

          cairo_new_sub_path (cr);
          cairo_arc (cr, 0.5 + 0.32 * cos (a), 0.5 + 0.32 * sin (a), 0.08, 0, 2 * G_PI);
        }
      break;
    case CP_LIFE_AREA_PRACTICAL:
      house (cr);
      break;
    case CP_LIFE_AREA_HEALTH:
      /* a cross in a circle */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.5, 0.38, 0, 2 * G_PI);
      cairo_move_to (cr, 0.5, 0.28);
      cairo_line_to (cr, 0.5, 0.72);
      cairo_move_to (cr, 0.28, 0.5);
      cairo_line_to (cr, 0.72, 0.5);
      break;
    case CP_LIFE_AREA_MONEY:
      /* a pile of coins */
      for (int i = 0; i < 3; i++)
        {
          cairo_save (cr);
          cairo_translate (cr, 0.5, 0.74 - i * 0.2);
          cairo_scale (cr, 1.0, 0.4);
          cairo_new_sub_path (cr);
          cairo_arc (cr, 0, 0, 0.34, 0, 2 * G_PI);
          cairo_restore (cr);
        }
      break;
    case CP_LIFE_AREA_CARING:
      heart (cr, 0.5, 0.55, 1.0);
      break;
    case CP_LIFE_AREA_DIGITAL:
      /* a phone */
      cairo_rectangle (cr, 0.3, 0.1, 0.4, 0.8);
      cairo_move_to (cr, 0.45, 0.78);
      cairo_line_to (cr, 0.55, 0.78);
      break;
    case CP_LIFE_AREA_NONE:
    default:
      /* a plain mark: a circle with a dot */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.5, 0.36, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0.5, 0.5, 0.05, 0, 2 * G_PI);
      break;
    }
  cairo_restore (cr);
  /* stroke in device space so the pen stays round */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.07 * size);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}
