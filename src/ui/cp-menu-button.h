/* cp-menu-button.h: a menu button's menu, made when it is first opened
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        cp_menu_button_set_menu_model_on_open (GtkMenuButton *button,
                                                   GMenuModel    *model);
GMenuModel *cp_menu_button_get_menu_model         (GtkMenuButton *button);

G_END_DECLS
