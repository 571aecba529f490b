/* cp-enum.h: enum values as the strings the workspace stores
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enums the workspace stores are registered with gnome.mkenums_simple; their nicks
 * are the strings in the rows (annotated with nick= where the name alone would give
 * another string). These two turn one into the other. */

/* The nick of @value in the enum @type, or NULL when @value is not one of @type's. */
const char *cp_enum_to_nick   (GType       type,
                               int         value);
/* The value whose nick is @nick, or @fallback when @nick is NULL or not one of @type's. */
int         cp_enum_from_nick (GType       type,
                               const char *nick,
                               int         fallback);

G_END_DECLS
