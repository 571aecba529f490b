/* cp-person-glyph.h: the picture of a person on an empty page, drawn without an SVG
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_PERSON_GLYPH (cp_person_glyph_get_type ())

G_DECLARE_FINAL_TYPE (CpPersonGlyph, cp_person_glyph, CP, PERSON_GLYPH, GObject)

GdkPaintable *cp_person_glyph_new (void);

G_END_DECLS
