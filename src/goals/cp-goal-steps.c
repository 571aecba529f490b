/* cp-goal-steps.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-steps"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-date-row.h"
#include "store/cp-store-goals.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"
#include "cp-goal-form.h"
#include "cp-goal-steps.h"

struct _CpGoalSteps
{
  GtkWidget      parent_instance;

  CpStore       *store;
  CpGoalInfo    *goal;
  gboolean       with_person;
  gint64         editing;        /* the step in the form, 0 for a new one */
  GArray        *lineages;       /* of the member picker's rows */

  GtkWidget     *box;
  GtkWidget     *empty_label;
  GtkListBox    *list;
  AdwPreferencesGroup *form_group;
  AdwEntryRow   *text_row;
  GtkWidget     *text_message_row;
  GtkLabel      *text_message;
  AdwComboRow   *owner_row;
  AdwEntryRow   *role_row;
  GtkWidget     *role_message_row;
  GtkLabel      *role_message;
  AdwComboRow   *member_row;
  CpDateRow     *due_row;
  GtkWidget     *due_message_row;
  GtkLabel      *due_message;
  GtkWidget     *cancel_button;
  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (CpGoalSteps, cp_goal_steps, GTK_TYPE_WIDGET)

/* The order "Who does it" offers */
static const CpStepOwner owner_order[] = {
  CP_STEP_OWNER_PERSON,
  CP_STEP_OWNER_PRACTITIONER,
  CP_STEP_OWNER_TOGETHER,
  CP_STEP_OWNER_SOMEONE,
  CP_STEP_OWNER_MEMBER,
};

static CpStepOwner
selected_owner (CpGoalSteps *self)
{
  guint i = adw_combo_row_get_selected (self->owner_row);

  return i < G_N_ELEMENTS (owner_order) ? owner_order[i] : CP_STEP_OWNER_PERSON;
}

static void
select_owner (CpGoalSteps *self,
              CpStepOwner  owner)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (owner_order); i++)
    if (owner_order[i] == owner)
      adw_combo_row_set_selected (self->owner_row, i);
}

static void
clear_messages (CpGoalSteps *self)
{
  cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                            self->text_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->role_row), self->role_message_row,
                            self->role_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->due_row), self->due_message_row,
                            self->due_message, NULL);
}

static void
owner_changed_cb (CpGoalSteps *self)
{
  CpStepOwner owner = selected_owner (self);
  gboolean has_members = self->lineages != NULL && self->lineages->len > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->role_row), owner == CP_STEP_OWNER_SOMEONE);
  gtk_widget_set_visible (GTK_WIDGET (self->member_row), owner == CP_STEP_OWNER_MEMBER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->member_row), has_members);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->member_row),
                               has_members ? "" : _("No one on the map yet: add them to the map first"));
}

static void
fill_owner_model (CpGoalSteps *self)
{
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  guint selected = adw_combo_row_get_selected (self->owner_row);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (owner_order); i++)
    gtk_string_list_append (owners, cp_goal_form_owner_label (owner_order[i],
                                                              self->with_person));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (self->owner_row,
                              selected < G_N_ELEMENTS (owner_order) ? selected : 0);
}

static gint64
selected_member (CpGoalSteps *self)
{
  guint i = adw_combo_row_get_selected (self->member_row);

  if (self->lineages == NULL || i >= self->lineages->len)
    return 0;
  return g_array_index (self->lineages, gint64, i);
}

static void
select_member (CpGoalSteps *self,
               gint64       lineage)
{
  guint i;

  for (i = 0; self->lineages != NULL && i < self->lineages->len; i++)
    if (g_array_index (self->lineages, gint64, i) == lineage)
      adw_combo_row_set_selected (self->member_row, i);
}

static void
fill_members (CpGoalSteps *self)
{
  g_autoptr(GtkStringList) names = NULL;
  GArray *lineages = NULL;
  gint64 keep = selected_member (self);

  cp_goal_form_load_members (self->store, self->goal->person_id, NULL, &names, &lineages);
  cp_goal_form_set_members (self->member_row, &self->lineages, names, lineages);
  select_member (self, keep);
  owner_changed_cb (self);
}

static void
reset_form (CpGoalSteps *self)
{
  self->editing = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), "");
  select_owner (self, CP_STEP_OWNER_PERSON);
  cp_date_row_set_date (self->due_row, NULL);
  clear_messages (self);
  adw_preferences_group_set_title (self->form_group, _("Add a Step"));
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Add Step"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
}

static char *
describe_step (CpGoalSteps      *self,
               const CpStepInfo *step)
{
  g_autofree char *who = cp_goal_form_describe_owner (step, self->with_person);
  g_autofree char *due = cp_date_format_long (step->due_on);
  g_autofree char *done = cp_date_format_long (step->done_on);
  GString *line = g_string_new (who);

  if (done != NULL)
    /* Translators: a step of a goal was done on this date */
    g_string_append_printf (line, _(" · done on %s"), done);
  else if (due != NULL)
    /* Translators: a step of a goal is due by this date */
    g_string_append_printf (line, _(" · by %s"), due);
  return g_string_free (line, FALSE);
}

/* The check shows the step's state; a click asks the store to change it */
static void
done_toggled_cb (GtkCheckButton *check,
                 const gint64   *step_id)
{
  gtk_widget_activate_action (GTK_WIDGET (check), "steps.toggle-done", "x", *step_id);
}

static void
free_step_id (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static GtkWidget *
make_row (CpGoalSteps      *self,
          const CpStepInfo *step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = describe_step (self, step);
  g_autofree char *name = g_strdup_printf ("step-%" G_GINT64_FORMAT, step->id);
  g_autofree char *check_label = g_strdup_printf (_("Done: %s"), step->text);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (step->done_on != NULL)
    gtk_widget_add_css_class (row, "dim-label");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), step->done_on != NULL);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check_label, -1);
  g_signal_connect_data (check, "toggled", G_CALLBACK (done_toggled_cb),
                         g_memdup2 (&step->id, sizeof step->id), free_step_id, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cp_goal_form_row_button ("document-edit-symbolic", _("Edit Step"),
                                                      "steps.edit", step->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             cp_goal_form_row_button ("user-trash-symbolic", _("Remove Step"),
                                                      "steps.remove", step->id));
  return row;
}

void
cp_goal_steps_show_goal (CpGoalSteps      *self,
                         const CpGoalInfo *goal,
                         gboolean          with_person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_name = NULL;
  GtkWidget *child;
  guint i;

  g_return_if_fail (CP_IS_GOAL_STEPS (self));
  g_return_if_fail (goal != NULL);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focus_name = row ? g_strdup (gtk_widget_get_name (row)) : NULL;
    }
  if (self->goal == NULL || self->goal->id != goal->id)
    {
      g_clear_pointer (&self->goal, cp_goal_info_free);
      self->goal = cp_goal_info_copy (goal);
      reset_form (self);
    }
  else
    {
      g_clear_pointer (&self->goal, cp_goal_info_free);
      self->goal = cp_goal_info_copy (goal);
      if (self->editing != 0 && cp_goal_info_find_step (goal, self->editing) == NULL)
        reset_form (self);
    }
  if (self->with_person != with_person || adw_combo_row_get_model (self->owner_row) == NULL)
    {
      self->with_person = with_person;
      fill_owner_model (self);
    }
  fill_members (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (i = 0; i < goal->steps->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (goal->steps, i));

      gtk_list_box_append (self->list, row);
      if (focus_name != NULL && g_strcmp0 (focus_name, gtk_widget_get_name (row)) == 0)
        gtk_widget_grab_focus (row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), goal->steps->len > 0);
  gtk_widget_set_visible (self->empty_label, goal->steps->len == 0);
}

void
cp_goal_steps_set_store (CpGoalSteps *self,
                         CpStore     *store)
{
  g_return_if_fail (CP_IS_GOAL_STEPS (self));

  g_set_object (&self->store, store);
  gtk_widget_set_sensitive (self->box, store != NULL && !cp_store_get_read_only (store));
}

/* Where the store's refusal belongs: next to the field it is about */
static void
show_refusal (CpGoalSteps  *self,
              CpStepInfo   *step,
              const GError *error)
{
  if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  if (step->due_on != NULL && self->goal->made_on != NULL
      && g_strcmp0 (step->due_on, self->goal->made_on) < 0)
    cp_goal_form_set_message (GTK_WIDGET (self->due_row), self->due_message_row,
                              self->due_message, error->message);
  else if (step->owner == CP_STEP_OWNER_SOMEONE)
    cp_goal_form_set_message (GTK_WIDGET (self->role_row), self->role_message_row,
                              self->role_message, error->message);
  else
    cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                              self->text_message, error->message);
}

static void
add_clicked_cb (CpGoalSteps *self)
{
  g_autoptr(CpStepInfo) step = cp_step_info_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->goal == NULL || self->store == NULL)
    return;
  clear_messages (self);
  g_free (step->text);
  step->text = cp_goal_form_dup_text (GTK_EDITABLE (self->text_row));
  step->owner = selected_owner (self);
  g_free (step->owner_role);
  step->owner_role = cp_goal_form_dup_text (GTK_EDITABLE (self->role_row));
  step->due_on = g_strdup (cp_date_row_get_date (self->due_row));
  if (*step->text == '\0')
    {
      cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                                self->text_message, _("Write what the step is first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
      return;
    }
  if (step->owner == CP_STEP_OWNER_SOMEONE && *step->owner_role == '\0')
    {
      cp_goal_form_set_message (GTK_WIDGET (self->role_row), self->role_message_row,
                                self->role_message,
                                _("Say who they are, for example “the housing officer”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->role_row));
      return;
    }
  if (step->owner == CP_STEP_OWNER_MEMBER)
    {
      step->owner_lineage = selected_member (self);
      if (step->owner_lineage == 0)
        {
          cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                                    self->text_message,
                                    _("Pick who on the map does it, or add them to the map first."));
          return;
        }
    }
  if (self->editing != 0)
    ok = cp_store_update_step (self->store, self->editing, step, &error);
  else
    ok = cp_store_add_step (self->store, self->goal->id, step, &error) != 0;
  if (!ok)
    {
      show_refusal (self, step, error);
      return;
    }
  reset_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
cancel_clicked_cb (CpGoalSteps *self)
{
  reset_form (self);
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CpGoalSteps *self = CP_GOAL_STEPS (widget);
  const CpStepInfo *step;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = cp_date_today ();

  step = self->goal ? cp_goal_info_find_step (self->goal, g_variant_get_int64 (parameter))
                    : NULL;
  if (step == NULL)
    return;
  if (!cp_store_set_step_done (self->store, step->id, step->done_on ? NULL : today, &error))
    cp_toaster_report_error (widget, error);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CpGoalSteps *self = CP_GOAL_STEPS (widget);
  const CpStepInfo *step;

  step = self->goal ? cp_goal_info_find_step (self->goal, g_variant_get_int64 (parameter))
                    : NULL;
  if (step == NULL)
    return;
  reset_form (self);
  self->editing = step->id;
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), step->text);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), step->owner_role ?: "");
  select_owner (self, step->owner);
  select_member (self, step->owner_lineage);
  cp_date_row_set_date (self->due_row, step->due_on);
  adw_preferences_group_set_title (self->form_group, _("Edit the Step"));
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Save Step"));
  gtk_widget_set_visible (self->cancel_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CpGoalSteps *self = CP_GOAL_STEPS (widget);
  g_autoptr(GError) error = NULL;

  if (!cp_store_delete_step (self->store, g_variant_get_int64 (parameter), &error))
    cp_toaster_report_error (widget, error);
  else
    cp_toaster_add_undoable (widget, _("Step removed"));
}

static void
cp_goal_steps_dispose (GObject *object)
{
  CpGoalSteps *self = CP_GOAL_STEPS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_GOAL_STEPS);
  g_clear_object (&self->store);
  g_clear_pointer (&self->goal, cp_goal_info_free);
  g_clear_pointer (&self->lineages, g_array_unref);
  G_OBJECT_CLASS (cp_goal_steps_parent_class)->dispose (object);
}

static void
cp_goal_steps_class_init (CpGoalStepsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_goal_steps_dispose;
  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-goal-steps.ui");
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, box);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, list);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, form_group);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, text_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, text_message_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, text_message);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, role_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, role_message_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, role_message);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, member_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, due_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, due_message_row);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, due_message);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CpGoalSteps, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_install_action (widget_class, "steps.toggle-done", "x", toggle_done_action);
  gtk_widget_class_install_action (widget_class, "steps.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "steps.remove", "x", remove_action);
}

static void
cp_goal_steps_init (CpGoalSteps *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->text_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->role_row), FALSE);
  adw_combo_row_set_use_subtitle (self->member_row, FALSE);
  cp_a11y_fix_names (GTK_WIDGET (self));
}
