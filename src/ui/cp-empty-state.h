/* cp-empty-state.h: a picture, a title and a line of help where a page has nothing to show
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CP_TYPE_EMPTY_STATE (cp_empty_state_get_type ())

G_DECLARE_FINAL_TYPE (CpEmptyState, cp_empty_state, CP, EMPTY_STATE, GtkWidget)

GtkWidget  *cp_empty_state_new             (void);
void        cp_empty_state_set_title       (CpEmptyState *self,
                                            const char   *title);
const char *cp_empty_state_get_title       (CpEmptyState *self);
void        cp_empty_state_set_description (CpEmptyState *self,
                                            const char   *description);
void        cp_empty_state_set_paintable   (CpEmptyState *self,
                                            GdkPaintable *paintable);
GtkWidget  *cp_empty_state_get_image       (CpEmptyState *self);

G_END_DECLS
