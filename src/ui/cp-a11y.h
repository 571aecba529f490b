/* cp-a11y.h: accessible names and keyboard reach GTK 4.8 does not give by itself
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       cp_a11y_fix_names            (GtkWidget  *root);
void       cp_a11y_name_choice_button   (GtkMenuButton *button);
void       cp_a11y_label_list_item      (GtkWidget  *child,
                                         const char *label);
GtkWidget *cp_a11y_decorative_image_new (const char *icon_name);
void       cp_a11y_list_one_tab_stop    (GtkListBox *list);
void       cp_a11y_name_view_switchers  (AdwViewSwitcherTitle *title,
                                         GtkWidget            *bar);
void       cp_a11y_name_inner_lists     (GtkWidget  *widget,
                                         const char *name);
void       cp_a11y_shortcuts_while_shown (GtkWidget *widget);
void       cp_a11y_search_results       (GtkSearchEntry *entry,
                                         GtkWidget      *results);

G_END_DECLS
