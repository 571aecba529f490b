/* cp-goal-helpers.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-helpers"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "store/cp-store-goals.h"
#include "ui/cp-toaster.h"
#include "cp-goal-form.h"
#include "cp-goal-helpers.h"

struct _CpGoalHelpers
{
  GtkWidget      parent_instance;

  CpStore       *store;
  gint64         goal_id;
  gint64         person_id;
  GArray        *lineages;       /* of the picker's rows */

  GtkWidget     *box;
  GtkListBox    *helper_list;
  AdwComboRow   *member_row;
  GtkWidget     *add_helper_button;
  GtkWidget     *barrier_box;
  GtkListBox    *barrier_list;
  AdwEntryRow   *barrier_row;
  GtkWidget     *barrier_message_row;
  GtkLabel      *barrier_message;
  AdwEntryRow   *tackle_row;
};

G_DEFINE_FINAL_TYPE (CpGoalHelpers, cp_goal_helpers, GTK_TYPE_WIDGET)

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *remove_label,
          const char *action,
          gint64      id)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cp_goal_form_row_button ("user-trash-symbolic", remove_label,
                                                      action, id));
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
cp_goal_helpers_show_goal (CpGoalHelpers    *self,
                           const CpGoalInfo *goal,
                           gboolean          with_person)
{
  g_autoptr(GArray) helping = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkStringList) names = NULL;
  GArray *lineages = NULL;
  guint i;

  g_return_if_fail (CP_IS_GOAL_HELPERS (self));

  if (self->goal_id != goal->id)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->barrier_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->tackle_row), "");
      cp_goal_form_set_message (GTK_WIDGET (self->barrier_row), self->barrier_message_row,
                                self->barrier_message, NULL);
    }
  self->goal_id = goal->id;
  self->person_id = goal->person_id;

  clear_list (self->helper_list);
  for (i = 0; i < goal->helpers->len; i++)
    {
      CpGoalHelper *helper = g_ptr_array_index (goal->helpers, i);
      g_autofree char *name = cp_goal_form_describe_member (helper->name, helper->state);

      g_array_append_val (helping, helper->lineage);
      gtk_list_box_append (self->helper_list,
                           make_row (name, NULL, _("Remove Helper"), "helpers.remove",
                                     helper->lineage));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->helper_list), goal->helpers->len > 0);

  cp_goal_form_load_members (self->store, goal->person_id, helping, &names, &lineages);
  cp_goal_form_set_members (self->member_row, &self->lineages, names, lineages);
  gtk_widget_set_sensitive (GTK_WIDGET (self->member_row), self->lineages->len > 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->member_row),
                               self->lineages->len > 0 ? ""
                               : goal->helpers->len > 0 ? _("Everyone on the map is here")
                               : _("No one on the map yet: add them to the map first"));

  gtk_widget_set_visible (self->barrier_box, !with_person);
  clear_list (self->barrier_list);
  for (i = 0; i < goal->barriers->len; i++)
    {
      CpGoalBarrier *barrier = g_ptr_array_index (goal->barriers, i);

      gtk_list_box_append (self->barrier_list,
                           make_row (barrier->barrier, barrier->tackle, _("Remove Barrier"),
                                     "helpers.remove-barrier", barrier->id));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->barrier_list), goal->barriers->len > 0);
}

void
cp_goal_helpers_set_store (CpGoalHelpers *self,
                           CpStore       *store)
{
  g_return_if_fail (CP_IS_GOAL_HELPERS (self));

  g_set_object (&self->store, store);
  gtk_widget_set_sensitive (self->box, store != NULL && !cp_store_get_read_only (store));
}

static void
add_helper_clicked_cb (CpGoalHelpers *self)
{
  g_autoptr(GError) error = NULL;
  guint i = adw_combo_row_get_selected (self->member_row);

  if (self->lineages == NULL || i >= self->lineages->len)
    return;
  if (!cp_store_add_goal_helper (self->store, self->goal_id,
                                 g_array_index (self->lineages, gint64, i), &error))
    cp_toaster_report_error (GTK_WIDGET (self), error);
  gtk_widget_grab_focus (GTK_WIDGET (self->member_row));
}

static void
add_barrier_clicked_cb (CpGoalHelpers *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *barrier = cp_goal_form_dup_text (GTK_EDITABLE (self->barrier_row));
  g_autofree char *tackle = cp_goal_form_dup_text (GTK_EDITABLE (self->tackle_row));

  cp_goal_form_set_message (GTK_WIDGET (self->barrier_row), self->barrier_message_row,
                            self->barrier_message, NULL);
  if (*barrier == '\0')
    {
      cp_goal_form_set_message (GTK_WIDGET (self->barrier_row), self->barrier_message_row,
                                self->barrier_message, _("Write what gets in the way first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->barrier_row));
      return;
    }
  if (cp_store_add_goal_barrier (self->store, self->goal_id, barrier,
                                 *tackle ? tackle : NULL, &error) == 0)
    {
      cp_goal_form_set_message (GTK_WIDGET (self->barrier_row), self->barrier_message_row,
                                self->barrier_message, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->barrier_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tackle_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->barrier_row));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CpGoalHelpers *self = CP_GOAL_HELPERS (widget);
  g_autoptr(GError) error = NULL;

  if (!cp_store_remove_goal_helper (self->store, self->goal_id,
                                    g_variant_get_int64 (parameter), &error))
    cp_toaster_report_error (widget, error);
}

static void
remove_barrier_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CpGoalHelpers *self = CP_GOAL_HELPERS (widget);
  g_autoptr(GError) error = NULL;

  if (!cp_store_delete_goal_barrier (self->store, g_variant_get_int64 (parameter), &error))
    cp_toaster_report_error (widget, error);
}

static void
cp_goal_helpers_dispose (GObject *object)
{
  CpGoalHelpers *self = CP_GOAL_HELPERS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_GOAL_HELPERS);
  g_clear_object (&self->store);
  g_clear_pointer (&self->lineages, g_array_unref);
  G_OBJECT_CLASS (cp_goal_helpers_parent_class)->dispose (object);
}

static void
cp_goal_helpers_class_init (CpGoalHelpersClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_goal_helpers_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-goal-helpers.ui");
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, box);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, helper_list);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, member_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, add_helper_button);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, barrier_box);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, barrier_list);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, barrier_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, barrier_message_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, barrier_message);
  gtk_widget_class_bind_template_child (widget_class, CpGoalHelpers, tackle_row);
  gtk_widget_class_bind_template_callback (widget_class, add_helper_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_barrier_clicked_cb);
  gtk_widget_class_install_action (widget_class, "helpers.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "helpers.remove-barrier", "x",
                                   remove_barrier_action);
}

static void
cp_goal_helpers_init (CpGoalHelpers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->barrier_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->tackle_row), FALSE);
  cp_a11y_fix_names (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->member_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Someone from the map who helps"), -1);
}
