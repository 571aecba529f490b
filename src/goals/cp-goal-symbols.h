/* cp-goal-symbols.h: a simple symbol for each area of life, drawn with cairo (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "store/cp-records.h"

G_BEGIN_DECLS

/* One plain line drawing per life area (two people for friendships, an open book for
 * learning, a house for practical and housing …), for the easy-read copy of a person's
 * plan and for any screen that wants the same picture: always next to the area's words
 * (cp_life_area_label ()), never instead of them. Drawn in the square (0, 0, @size,
 * @size) of @cr with its current source, which is left as it was. */
void  cp_life_area_symbol_draw  (cairo_t     *cr,
                                 CpLifeArea   area,
                                 double       size);

G_END_DECLS
