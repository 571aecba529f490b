/* cp-goal-editor.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-editor"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "goals/cp-goal-words.h"
#include "ui/cp-date-row.h"
#include "store/cp-store-goals.h"
#include "ui/cp-autosave.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"
#include "cp-goal-editor.h"
#include "cp-goal-form.h"
#include "cp-goal-helpers.h"
#include "cp-goal-steps.h"

struct _CpGoalEditor
{
  GtkWidget      parent_instance;

  CpStore       *store;
  gint64         person_id;
  CpGoalInfo    *goal;           /* as last read; NULL for a new goal */
  gboolean       with_person;
  gboolean       goal_scaling;
  gboolean       loading;
  guint          save_timeout;
  gulong         changed_id;

  GtkWidget     *box;
  GtkWidget     *back_button;
  AdwPreferencesGroup *main_group;
  GtkLabel      *title_label;
  GtkWidget     *delete_button;
  AdwEntryRow   *text_row;
  GtkWidget     *text_message_row;
  GtkLabel      *text_message;
  AdwEntryRow   *specific_row;
  AdwEntryRow   *measurable_row;
  AdwEntryRow   *achievable_row;
  AdwEntryRow   *relevant_row;
  CpDateRow     *target_row;
  GtkWidget     *target_message_row;
  GtkLabel      *target_message;
  AdwEntryRow   *if_hard_row;
  GtkWidget     *details_group;
  AdwComboRow   *area_row;
  AdwComboRow   *dialog_row;
  GtkWidget     *add_button;
  GtkWidget     *status_group;
  AdwComboRow   *status_row;
  CpDateRow     *status_on_row;
  CpGoalSteps   *steps;
  CpGoalHelpers *helpers;
  AdwPreferencesGroup *gas_group;
  AdwComboRow   *baseline_row;
  AdwEntryRow   *importance_row;
  GtkWidget     *importance_message_row;
  GtkLabel      *importance_message;
  AdwEntryRow   *difficulty_row;
  GtkWidget     *difficulty_message_row;
  GtkLabel      *difficulty_message;
  AdwEntryRow   *level_rows[5];
};

G_DEFINE_FINAL_TYPE (CpGoalEditor, cp_goal_editor, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Showing ------------------------------------------------------------------------- */

static void
update_visibility (CpGoalEditor *self)
{
  gboolean is_new = self->goal == NULL;

  gtk_label_set_text (self->title_label, is_new ? _("New Goal") : _("Goal"));
  adw_preferences_group_set_title (self->main_group, self->with_person ? _("In My Own Words")
                                                                       : _("In Their Own Words"));
  gtk_widget_set_visible (self->delete_button, !is_new && !self->with_person);
  gtk_widget_set_visible (self->add_button, is_new);
  gtk_widget_set_visible (self->details_group, !self->with_person);
  gtk_widget_set_visible (self->status_group, !is_new && !self->with_person);
  gtk_widget_set_visible (GTK_WIDGET (self->steps), !is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->helpers), !is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->gas_group),
                          self->goal_scaling && !self->with_person);
}

static void
show_target_warning (CpGoalEditor *self)
{
  const char *target = cp_date_row_get_date (self->target_row);
  g_autofree char *today = cp_date_today ();
  gboolean past = target != NULL && g_strcmp0 (target, today) < 0
                  && (self->goal == NULL || g_strcmp0 (target, self->goal->target_on) != 0
                      || self->goal->status == CP_GOAL_STATUS_ACTIVE);

  gtk_label_set_text (self->target_message,
                      past ? _("This date has already passed. It can stay if that is what you agreed.") : "");
  gtk_widget_set_visible (self->target_message_row, past);
}

static void
clear_messages (CpGoalEditor *self)
{
  cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                            self->text_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->importance_row), self->importance_message_row,
                            self->importance_message, NULL);
  cp_goal_form_set_message (GTK_WIDGET (self->difficulty_row), self->difficulty_message_row,
                            self->difficulty_message, NULL);
}

static void
load (CpGoalEditor *self)
{
  g_autoptr(CpGoalInfo) empty = cp_goal_info_new ();
  const CpGoalInfo *goal = self->goal ? self->goal : empty;
  g_autofree char *importance = cp_goal_form_format_weight (goal->importance);
  g_autofree char *difficulty = cp_goal_form_format_weight (goal->difficulty);
  guint i;

  self->loading = TRUE;
  if (self->save_timeout == 0)
    {
      cp_goal_form_set_text (GTK_EDITABLE (self->text_row), goal->text);
      cp_goal_form_set_text (GTK_EDITABLE (self->specific_row), goal->specific);
      cp_goal_form_set_text (GTK_EDITABLE (self->measurable_row), goal->measurable);
      cp_goal_form_set_text (GTK_EDITABLE (self->achievable_row), goal->achievable);
      cp_goal_form_set_text (GTK_EDITABLE (self->relevant_row), goal->relevant);
      cp_goal_form_set_text (GTK_EDITABLE (self->if_hard_row), goal->if_hard);
      cp_goal_form_set_text (GTK_EDITABLE (self->importance_row), importance);
      cp_goal_form_set_text (GTK_EDITABLE (self->difficulty_row), difficulty);
      for (i = 0; i < 5; i++)
        cp_goal_form_set_text (GTK_EDITABLE (self->level_rows[i]), goal->levels[i]);
      clear_messages (self);
    }
  cp_date_row_set_date (self->target_row, goal->target_on);
  adw_combo_row_set_selected (self->area_row, goal->life_area);
  adw_combo_row_set_selected (self->dialog_row, goal->dialog_domain);
  adw_combo_row_set_selected (self->baseline_row,
                              goal->baseline_level == CP_GOAL_NOT_SET
                              ? 0 : (guint) CP_GOAL_LEVEL_INDEX (goal->baseline_level) + 1);
  adw_combo_row_set_selected (self->status_row, goal->status);
  cp_date_row_set_date (self->status_on_row, goal->status_on);
  gtk_widget_set_visible (GTK_WIDGET (self->status_on_row),
                          goal->status != CP_GOAL_STATUS_ACTIVE);
  show_target_warning (self);
  if (self->goal != NULL)
    {
      cp_goal_steps_show_goal (self->steps, self->goal, self->with_person);
      cp_goal_helpers_show_goal (self->helpers, self->goal, self->with_person);
    }
  update_visibility (self);
  self->loading = FALSE;
}

/* Reads the goal again; FALSE when it is gone */
static gboolean
reload (CpGoalEditor *self)
{
  g_autoptr(GError) error = NULL;
  CpGoalInfo *goal;

  if (self->goal == NULL)
    return TRUE;
  goal = cp_store_get_goal (self->store, self->goal->id, &error);
  if (goal == NULL)
    return FALSE;
  g_clear_pointer (&self->goal, cp_goal_info_free);
  self->goal = goal;
  load (self);
  return TRUE;
}

static void
store_changed_cb (CpGoalEditor       *self,
                  const char * const *tables)
{
  if (self->goal == NULL)
    return;
  if (!reload (self))
    {
      g_clear_handle_id (&self->save_timeout, g_source_remove);
      g_clear_pointer (&self->goal, cp_goal_info_free);
      g_signal_emit (self, signals[CLOSED], 0);
    }
}

/* ---- Saving -------------------------------------------------------------------------- */

/* What the fields say, over a copy of the goal as read; NULL (with the messages shown)
 * when something must be put right first. */
static CpGoalInfo *
read_fields (CpGoalEditor *self)
{
  g_autoptr(CpGoalInfo) info = self->goal ? cp_goal_info_copy (self->goal)
                                          : cp_goal_info_new ();
  guint baseline = adw_combo_row_get_selected (self->baseline_row);
  gboolean ok = TRUE;
  guint i;

#define TAKE_TEXT(field, row) \
  G_STMT_START { g_free (info->field); \
                 info->field = cp_goal_form_dup_text (GTK_EDITABLE (self->row)); } G_STMT_END
  TAKE_TEXT (text, text_row);
  TAKE_TEXT (specific, specific_row);
  TAKE_TEXT (measurable, measurable_row);
  TAKE_TEXT (achievable, achievable_row);
  TAKE_TEXT (relevant, relevant_row);
  TAKE_TEXT (if_hard, if_hard_row);
  for (i = 0; i < 5; i++)
    TAKE_TEXT (levels[i], level_rows[i]);
#undef TAKE_TEXT
  g_free (info->target_on);
  info->target_on = g_strdup (cp_date_row_get_date (self->target_row));
  info->life_area = MIN (adw_combo_row_get_selected (self->area_row), CP_LIFE_AREA_LAST);
  info->dialog_domain = MIN (adw_combo_row_get_selected (self->dialog_row),
                             CP_DIALOG_DOMAIN_LAST);
  info->baseline_level = baseline == 0 || baseline > 5 ? CP_GOAL_NOT_SET : (int) baseline - 3;

  clear_messages (self);
  if (*info->text == '\0')
    {
      cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                                self->text_message,
                                _("Write the goal in the person’s own words first."));
      ok = FALSE;
    }
  if (!cp_goal_form_parse_weight (gtk_editable_get_text (GTK_EDITABLE (self->importance_row)),
                                  &info->importance))
    {
      cp_goal_form_set_message (GTK_WIDGET (self->importance_row),
                                self->importance_message_row, self->importance_message,
                                _("Importance is a whole number from 0 to 3, or left empty."));
      ok = FALSE;
    }
  if (!cp_goal_form_parse_weight (gtk_editable_get_text (GTK_EDITABLE (self->difficulty_row)),
                                  &info->difficulty))
    {
      cp_goal_form_set_message (GTK_WIDGET (self->difficulty_row),
                                self->difficulty_message_row, self->difficulty_message,
                                _("Difficulty is a whole number from 0 to 3, or left empty."));
      ok = FALSE;
    }
  return ok ? g_steal_pointer (&info) : NULL;
}

static void
save (gpointer data)
{
  CpGoalEditor *self = data;
  g_autoptr(CpGoalInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->goal == NULL)
    return;
  info = read_fields (self);
  if (info == NULL || cp_goal_info_equal (info, self->goal))
    return;
  if (!cp_store_update_goal (self->store, self->goal->id, info, &error))
    {
      cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                                self->text_message, error->message);
      return;
    }
}

void
cp_goal_editor_flush (CpGoalEditor *self)
{
  g_return_if_fail (CP_IS_GOAL_EDITOR (self));

  if (self->save_timeout != 0)
    save (self);
}

static void
text_changed_cb (CpGoalEditor *self)
{
  if (!self->loading && self->goal != NULL)
    cp_autosave_restart (&self->save_timeout, save, self);
}

static void
choice_changed_cb (CpGoalEditor *self)
{
  if (!self->loading && self->goal != NULL)
    save (self);
}

static void
target_chosen_cb (CpGoalEditor *self)
{
  show_target_warning (self);
  choice_changed_cb (self);
}

static void
add_clicked_cb (CpGoalEditor *self)
{
  g_autoptr(CpGoalInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->goal != NULL)
    return;
  info = read_fields (self);
  if (info == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
      return;
    }
  id = cp_store_add_goal (self->store, self->person_id, info, &error);
  if (id == 0)
    {
      cp_goal_form_set_message (GTK_WIDGET (self->text_row), self->text_message_row,
                                self->text_message, error->message);
      return;
    }
  self->goal = cp_store_get_goal (self->store, id, &error);
  if (self->goal == NULL)
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  load (self);
}

static void
status_changed_cb (CpGoalEditor *self)
{
  g_autoptr(GError) error = NULL;
  CpGoalStatus status = MIN (adw_combo_row_get_selected (self->status_row),
                             CP_GOAL_STATUS_STOPPED);
  const char *on = cp_date_row_get_date (self->status_on_row);

  if (self->loading || self->goal == NULL)
    return;
  if (status == self->goal->status
      && (status == CP_GOAL_STATUS_ACTIVE || g_strcmp0 (on, self->goal->status_on) == 0))
    return;
  if (status != self->goal->status)
    on = NULL;
  if (!cp_store_set_goal_status (self->store, self->goal->id, status, on, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      load (self);
    }
}

/* ---- Leaving ------------------------------------------------------------------------- */

static void
back_clicked_cb (CpGoalEditor *self)
{
  cp_goal_editor_flush (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  back_clicked_cb (CP_GOAL_EDITOR (widget));
}

static void
delete_clicked_cb (CpGoalEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->goal == NULL)
    return;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (!cp_store_delete_goal (self->store, self->goal->id, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  cp_toaster_add_undoable (GTK_WIDGET (self), _("Goal removed"));
}

/* ---- Public API ---------------------------------------------------------------------- */

void
cp_goal_editor_set_store (CpGoalEditor *self,
                          CpStore      *store)
{
  g_return_if_fail (CP_IS_GOAL_EDITOR (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_swapped (store, "changed",
                                                 G_CALLBACK (store_changed_cb), self);
  cp_goal_steps_set_store (self->steps, store);
  cp_goal_helpers_set_store (self->helpers, store);
  gtk_widget_set_sensitive (self->box, store != NULL && !cp_store_get_read_only (store));
}

void
cp_goal_editor_edit (CpGoalEditor *self,
                     gint64        person_id,
                     gint64        goal_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CP_IS_GOAL_EDITOR (self));

  cp_goal_editor_flush (self);
  g_clear_pointer (&self->goal, cp_goal_info_free);
  self->person_id = person_id;
  if (goal_id != 0)
    {
      self->goal = cp_store_get_goal (self->store, goal_id, &error);
      if (self->goal == NULL)
        cp_toaster_report_error (GTK_WIDGET (self), error);
    }
  load (self);
  clear_messages (self);
  if (self->goal == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
  else
    gtk_widget_grab_focus (self->back_button);
}

gint64
cp_goal_editor_get_goal_id (CpGoalEditor *self)
{
  g_return_val_if_fail (CP_IS_GOAL_EDITOR (self), 0);

  return self->goal ? self->goal->id : 0;
}

void
cp_goal_editor_set_with_person (CpGoalEditor *self,
                                gboolean      with_person)
{
  g_return_if_fail (CP_IS_GOAL_EDITOR (self));

  self->with_person = !!with_person;
  load (self);
}

void
cp_goal_editor_set_goal_scaling (CpGoalEditor *self,
                                 gboolean      goal_scaling)
{
  g_return_if_fail (CP_IS_GOAL_EDITOR (self));

  self->goal_scaling = !!goal_scaling;
  update_visibility (self);
}

/* ---- Class --------------------------------------------------------------------------- */

static const char *
area_word (int value)
{
  return cp_life_area_label ((CpLifeArea) value);
}

static const char *
domain_word (int value)
{
  return cp_dialog_domain_label ((CpDialogDomain) value);
}

static const char *
status_word (int value)
{
  return cp_goal_status_label ((CpGoalStatus) value);
}

static GListModel *
words_model (const char *(*label) (int),
             int          first,
             int          last,
             const char  *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  int i;

  if (none != NULL)
    gtk_string_list_append (list, none);
  for (i = first; i <= last; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static void
cp_goal_editor_dispose (GObject *object)
{
  CpGoalEditor *self = CP_GOAL_EDITOR (object);

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_GOAL_EDITOR);
  g_clear_object (&self->store);
  g_clear_pointer (&self->goal, cp_goal_info_free);
  G_OBJECT_CLASS (cp_goal_editor_parent_class)->dispose (object);
}

static void
cp_goal_editor_class_init (CpGoalEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_goal_editor_dispose;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CP_TYPE_DATE_ROW);
  g_type_ensure (CP_TYPE_GOAL_STEPS);
  g_type_ensure (CP_TYPE_GOAL_HELPERS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-goal-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CpGoalEditor, name)
  BIND (box);
  BIND (back_button);
  BIND (main_group);
  BIND (title_label);
  BIND (delete_button);
  BIND (text_row);
  BIND (text_message_row);
  BIND (text_message);
  BIND (specific_row);
  BIND (measurable_row);
  BIND (achievable_row);
  BIND (relevant_row);
  BIND (target_row);
  BIND (target_message_row);
  BIND (target_message);
  BIND (if_hard_row);
  BIND (details_group);
  BIND (area_row);
  BIND (dialog_row);
  BIND (add_button);
  BIND (status_group);
  BIND (status_row);
  BIND (status_on_row);
  BIND (steps);
  BIND (helpers);
  BIND (gas_group);
  BIND (baseline_row);
  BIND (importance_row);
  BIND (importance_message_row);
  BIND (importance_message);
  BIND (difficulty_row);
  BIND (difficulty_message_row);
  BIND (difficulty_message);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);

  gtk_widget_class_install_action (widget_class, "goal.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "goal.back", NULL);
}

static void
cp_goal_editor_init (CpGoalEditor *self)
{
  g_autoptr(GListModel) areas = NULL;
  g_autoptr(GListModel) domains = NULL;
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) levels = NULL;
  AdwEntryRow *rows[8];
  guint i;

  gtk_widget_init_template (GTK_WIDGET (self));
  rows[0] = self->text_row;
  rows[1] = self->specific_row;
  rows[2] = self->measurable_row;
  rows[3] = self->achievable_row;
  rows[4] = self->relevant_row;
  rows[5] = self->if_hard_row;
  rows[6] = self->importance_row;
  rows[7] = self->difficulty_row;
  areas = words_model (area_word, CP_LIFE_AREA_NONE,
                       CP_LIFE_AREA_LAST, NULL);
  domains = words_model (domain_word,
                         CP_DIALOG_DOMAIN_NONE, CP_DIALOG_DOMAIN_LAST, NULL);
  statuses = words_model (status_word,
                          CP_GOAL_STATUS_ACTIVE, CP_GOAL_STATUS_STOPPED, NULL);
  levels = words_model (cp_gas_level_label, -2, 2, _("Not set"));
  adw_combo_row_set_model (self->area_row, areas);
  adw_combo_row_set_model (self->dialog_row, domains);
  adw_combo_row_set_model (self->status_row, statuses);
  adw_combo_row_set_model (self->baseline_row, levels);

  for (i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("%+d %s", (int) i - 2,
                                                cp_gas_level_label ((int) i - 2));

      self->level_rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_rows[i]), title);
      g_signal_connect_swapped (self->level_rows[i], "changed",
                                G_CALLBACK (text_changed_cb), self);
      gtk_editable_set_enable_undo (GTK_EDITABLE (self->level_rows[i]), FALSE);
      adw_preferences_group_add (self->gas_group, GTK_WIDGET (self->level_rows[i]));
    }
  for (i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_enable_undo (GTK_EDITABLE (rows[i]), FALSE);
  cp_a11y_fix_names (GTK_WIDGET (self));
  update_visibility (self);
}
