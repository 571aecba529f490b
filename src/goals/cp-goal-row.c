/* cp-goal-row.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-row"

#include <glib/gi18n.h>

#include "goals/cp-goal-words.h"
#include "ui/cp-menu-button.h"
#include "util/cp-date.h"
#include "cp-goal-row.h"

struct _CpGoalRow
{
  AdwActionRow  parent_instance;

  CpGoal       *goal;
};

G_DEFINE_FINAL_TYPE (CpGoalRow, cp_goal_row, ADW_TYPE_ACTION_ROW)

static char *
describe (const CpGoalInfo *info,
          gboolean          with_person)
{
  GString *line = g_string_new (NULL);
  g_autofree char *target = cp_date_format_long (info->target_on);
  g_autofree char *status_on = cp_date_format_long (info->status_on);
  guint done = 0, i;

  for (i = 0; i < info->steps->len; i++)
    done += ((CpStepInfo *) g_ptr_array_index (info->steps, i))->done_on != NULL;
  if (!with_person && info->life_area != CP_LIFE_AREA_NONE)
    g_string_append (line, cp_life_area_label (info->life_area));
  if (info->steps->len > 0)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: how many of a goal's steps are done */
      g_string_append_printf (line, ngettext ("%u of %u step done", "%u of %u steps done",
                                              info->steps->len),
                              done, info->steps->len);
    }
  if (!with_person && info->status != CP_GOAL_STATUS_ACTIVE && status_on != NULL)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: "Achieved on 3 March 2027", "Put aside on …" */
      g_string_append_printf (line, _("%s on %s"), cp_goal_status_label (info->status),
                              status_on);
    }
  else if (target != NULL && info->status == CP_GOAL_STATUS_ACTIVE)
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: the date a goal is aimed at */
      g_string_append_printf (line, _("aiming for %s"), target);
    }
  return g_string_free (line, FALSE);
}

static void
activated_cb (CpGoalRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "goals.open", "x",
                              cp_goal_get_id (self->goal));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 CpGoalRow     *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_INT64, cp_goal_get_id (self->goal));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CpGoalRow     *self)
{
  gint64 dragged = g_value_get_int64 (value);

  if (dragged == cp_goal_get_id (self->goal))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "goals.move-to", "(xx)", dragged,
                              cp_goal_get_id (self->goal));
  return TRUE;
}

static GMenuModel *
make_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open"), NULL);
  g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
  g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);

  g_menu_item_set_action_and_target_value (open, "goals.open", g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (up, "goals.move-up", g_variant_new_int64 (id));
  g_menu_item_set_attribute (up, "accel", "s", "<Alt>Up");
  g_menu_item_set_action_and_target_value (down, "goals.move-down", g_variant_new_int64 (id));
  g_menu_item_set_attribute (down, "accel", "s", "<Alt>Down");
  g_menu_append_item (menu, open);
  g_menu_append_item (menu, up);
  g_menu_append_item (menu, down);
  return G_MENU_MODEL (menu);
}

GtkWidget *
cp_goal_row_new (CpGoal   *goal,
                 gboolean  with_person)
{
  CpGoalRow *self = g_object_new (CP_TYPE_GOAL_ROW, "activatable", TRUE, NULL);
  const CpGoalInfo *info = cp_goal_get_info (goal);
  g_autofree char *subtitle = describe (info, with_person);
  g_autoptr(GMenuModel) menu = make_menu (info->id);
  g_autofree char *name = g_strdup_printf ("goal-%" G_GINT64_FORMAT, info->id);
  GtkWidget *button = gtk_menu_button_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  self->goal = g_object_ref (goal);
  gtk_widget_set_name (GTK_WIDGET (self), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), info->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  cp_menu_button_set_menu_model_on_open (GTK_MENU_BUTTON (button), menu, NULL, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open or Move the Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open or Move the Goal"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
  return GTK_WIDGET (self);
}

CpGoal *
cp_goal_row_get_goal (CpGoalRow *self)
{
  g_return_val_if_fail (CP_IS_GOAL_ROW (self), NULL);

  return self->goal;
}

static void
cp_goal_row_dispose (GObject *object)
{
  CpGoalRow *self = CP_GOAL_ROW (object);

  g_clear_object (&self->goal);
  G_OBJECT_CLASS (cp_goal_row_parent_class)->dispose (object);
}

static void
cp_goal_row_class_init (CpGoalRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_goal_row_dispose;
}

static void
cp_goal_row_init (CpGoalRow *self)
{
}
