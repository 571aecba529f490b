/* cp-menu-button.h: a menu button's menu, made when it is first opened
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called once the menu is made, to add its custom items (gtk_popover_menu_add_child). */
typedef void (*CpMenuButtonMadeFunc) (GtkPopoverMenu *menu,
                                      gpointer        user_data);

void        cp_menu_button_set_menu_model_on_open (GtkMenuButton        *button,
                                                   GMenuModel           *model,
                                                   CpMenuButtonMadeFunc  made,
                                                   gpointer              user_data);
GMenuModel *cp_menu_button_get_menu_model         (GtkMenuButton        *button);

G_END_DECLS
