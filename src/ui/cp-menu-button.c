/* cp-menu-button.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-menu-button"

#include "cp-menu-button.h"

/* GtkMenuButton makes its whole popover, a widget for every item, as soon as it is given
 * a menu model. The Main Menu, the Person Menu and the View Menu would make theirs before
 * the window's first frame, and every goal row one of its own, though most are never
 * opened. So the button is given its model when it is first opened: the same menu, made
 * later. */

#define MODEL_KEY "cp-menu-button-model"   /* the button's data: the menu it opens */

typedef struct
{
  CpMenuButtonMadeFunc  made;
  gpointer              user_data;
} Later;

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  Later *later = user_data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button,
                                  G_MENU_MODEL (g_object_get_data (G_OBJECT (button),
                                                                   MODEL_KEY)));
  /* A screen reader says the menu's name as it opens: what the button says on hover,
   * where GTK 4.8 would say "GtkPopoverMenu". */
  if (gtk_widget_get_tooltip_text (GTK_WIDGET (button)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_widget_get_tooltip_text (GTK_WIDGET (button)), -1);
  if (later->made != NULL)
    later->made (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)), later->user_data);
}

/**
 * cp_menu_button_set_menu_model_on_open:
 * @button: a menu button with neither a popover nor a menu model
 * @model: the menu it opens
 * @made: (nullable): called once the menu is made, before it shows
 * @user_data: for @made
 *
 * As gtk_menu_button_set_menu_model(), but the menu is made when @button first opens.
 */
void
cp_menu_button_set_menu_model_on_open (GtkMenuButton        *button,
                                       GMenuModel           *model,
                                       CpMenuButtonMadeFunc  made,
                                       gpointer              user_data)
{
  Later *later;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  later = g_new (Later, 1);
  later->made = made;
  later->user_data = user_data;
  g_object_set_data_full (G_OBJECT (button), MODEL_KEY, g_object_ref (model), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, later, g_free);
}

/**
 * cp_menu_button_get_menu_model:
 * @button: a menu button
 *
 * Returns: (transfer none) (nullable): the menu @button opens, made yet or not
 */
GMenuModel *
cp_menu_button_get_menu_model (GtkMenuButton *button)
{
  GMenuModel *model;

  g_return_val_if_fail (GTK_IS_MENU_BUTTON (button), NULL);

  model = g_object_get_data (G_OBJECT (button), MODEL_KEY);
  return model != NULL ? model : gtk_menu_button_get_menu_model (button);
}
