/* cp-goals-page.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goals-page"

#include <glib/gi18n.h>

#include "store/cp-goal-list.h"
#include "store/cp-store-goals.h"
#include "ui/cp-a11y.h"
#include "ui/cp-toaster.h"
#include "cp-goal-editor.h"
#include "cp-goal-row.h"
#include "cp-goals-page.h"

#define N_GROUPS 3   /* one per CpGoalStatus: active, achieved, put aside */

struct _CpGoalsPage
{
  GtkWidget           parent_instance;

  CpStore            *store;
  CpPerson           *person;
  gboolean            with_person;
  gboolean            goal_scaling;
  GSettings          *settings;
  CpGoalList         *goals;
  GtkFilterListModel *groups[N_GROUPS];

  GtkStack           *stack;
  GtkLabel           *hint_label;
  GtkWidget          *add_button;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_add_button;
  GtkWidget          *heading_0;
  GtkWidget          *heading_1;
  GtkWidget          *heading_2;
  GtkListBox         *list_0;
  GtkListBox         *list_1;
  GtkListBox         *list_2;
  GtkScrolledWindow  *editor_scroller;
  CpGoalEditor       *editor;
};

G_DEFINE_FINAL_TYPE (CpGoalsPage, cp_goals_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  PROP_WITH_PERSON,
  PROP_GOAL_SCALING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBox *
group_list (CpGoalsPage *self,
            guint        group)
{
  GtkListBox *lists[N_GROUPS] = { self->list_0, self->list_1, self->list_2 };

  return lists[group];
}

static GtkWidget *
group_heading (CpGoalsPage *self,
               guint        group)
{
  GtkWidget *headings[N_GROUPS] = { self->heading_0, self->heading_1, self->heading_2 };

  return headings[group];
}

static void
update_groups (CpGoalsPage *self)
{
  guint shown = 0, group;

  for (group = 0; group < N_GROUPS; group++)
    {
      guint n = self->groups[group] ? g_list_model_get_n_items (G_LIST_MODEL (self->groups[group])) : 0;
      gboolean visible = n > 0 && !(self->with_person && group == CP_GOAL_STATUS_STOPPED);

      gtk_widget_set_visible (group_heading (self, group), visible);
      gtk_widget_set_visible (GTK_WIDGET (group_list (self, group)), visible);
      shown += visible ? n : 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), shown == 0);
  gtk_widget_set_visible (self->add_button, shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), shown > 0);
}

static void
update_words (CpGoalsPage *self)
{
  guint group;

  gtk_label_set_text (GTK_LABEL (self->heading_0),
                      self->with_person ? _("My Goals") : _("Working On"));
  gtk_label_set_text (GTK_LABEL (self->heading_1),
                      self->with_person ? _("What I’ve Done") : _("Achieved"));
  gtk_label_set_text (GTK_LABEL (self->heading_2), _("Put Aside"));
  gtk_label_set_text (self->hint_label,
                      self->with_person ? _("Goals we agreed together, in my own words.")
                                        : _("In the person’s order. Alt+Up and Alt+Down move a goal."));
  for (group = 0; group < N_GROUPS; group++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (group_list (self, group)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_text (GTK_LABEL (group_heading (self, group))),
                                    -1);
  adw_status_page_set_description (self->empty_page,
                                   self->with_person
                                   ? _("What would you like to do? We can write it down together.")
                                   : _("Agree a first goal with the person, in their own words, and break it into small steps."));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer data)
{
  CpGoalsPage *self = data;

  return cp_goal_row_new (CP_GOAL (item), self->with_person);
}

static gboolean
status_filter_cb (gpointer item,
                  gpointer data)
{
  return cp_goal_get_status (CP_GOAL (item)) == (CpGoalStatus) GPOINTER_TO_UINT (data);
}

static void
bind_lists (CpGoalsPage *self)
{
  guint group;

  for (group = 0; group < N_GROUPS; group++)
    gtk_list_box_bind_model (group_list (self, group),
                             self->groups[group] ? G_LIST_MODEL (self->groups[group]) : NULL,
                             create_row_cb, self, NULL);
  update_groups (self);
}

/* The row of goal @goal_id, or NULL */
static GtkWidget *
find_row (CpGoalsPage *self,
          gint64       goal_id)
{
  guint group;

  for (group = 0; group < N_GROUPS; group++)
    {
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (group_list (self, group)));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (CP_IS_GOAL_ROW (child)
            && cp_goal_get_id (cp_goal_row_get_goal (CP_GOAL_ROW (child))) == goal_id)
          return child;
    }
  return NULL;
}

/* ---- Moving -------------------------------------------------------------------------- */

static void
move_to (CpGoalsPage *self,
         gint64       goal_id,
         guint        position)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (!cp_store_move_goal (self->store, goal_id, position, &error))
    {
      cp_toaster_report_error (GTK_WIDGET (self), error);
      return;
    }
  row = find_row (self, goal_id);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Moves the goal past the next one of the same status, before (@delta -1) or after (+1) */
static void
move_by (CpGoalsPage *self,
         gint64       goal_id,
         int          delta)
{
  GListModel *model = G_LIST_MODEL (self->goals);
  guint n = g_list_model_get_n_items (model);
  guint position;
  CpGoalStatus status;
  gint64 i;

  if (!cp_goal_list_find (self->goals, goal_id, &position))
    return;
  {
    g_autoptr(CpGoal) goal = g_list_model_get_item (model, position);
    status = cp_goal_get_status (goal);
  }
  for (i = (gint64) position + delta; i >= 0 && i < (gint64) n; i += delta)
    {
      g_autoptr(CpGoal) other = g_list_model_get_item (model, (guint) i);

      if (cp_goal_get_status (other) == status)
        {
          move_to (self, goal_id, (guint) i);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_by (CP_GOALS_PAGE (widget), g_variant_get_int64 (parameter),
           g_str_equal (action_name, "goals.move-up") ? -1 : 1);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CpGoalsPage *self = CP_GOALS_PAGE (widget);
  gint64 dragged, onto;
  guint position;

  g_variant_get (parameter, "(xx)", &dragged, &onto);
  if (cp_goal_list_find (self->goals, onto, &position))
    move_to (self, dragged, position);
}

static gboolean
move_focused (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  CpGoalsPage *self = CP_GOALS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, CP_TYPE_GOAL_ROW) : NULL;

  if (row == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return FALSE;
  move_by (self, cp_goal_get_id (cp_goal_row_get_goal (CP_GOAL_ROW (row))),
           g_variant_get_int32 (args));
  return TRUE;
}

/* ---- Opening ------------------------------------------------------------------------- */

static void
open_editor (CpGoalsPage *self,
             gint64       goal_id)
{
  cp_goal_editor_edit (self->editor, cp_person_get_id (self->person), goal_id);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->editor_scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (CP_GOALS_PAGE (widget), 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_editor (CP_GOALS_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
editor_closed_cb (CpGoalsPage *self)
{
  gint64 goal_id = cp_goal_editor_get_goal_id (self->editor);
  GtkWidget *row;

  gtk_stack_set_visible_child_name (self->stack, "list");
  row = goal_id != 0 ? find_row (self, goal_id) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* ---- Public API ---------------------------------------------------------------------- */

gboolean
cp_goals_page_get_with_person (CpGoalsPage *self)
{
  g_return_val_if_fail (CP_IS_GOALS_PAGE (self), FALSE);

  return self->with_person;
}

void
cp_goals_page_set_with_person (CpGoalsPage *self,
                               gboolean     with_person)
{
  g_return_if_fail (CP_IS_GOALS_PAGE (self));

  with_person = !!with_person;
  if (self->with_person == with_person)
    return;
  self->with_person = with_person;
  cp_goal_editor_set_with_person (self->editor, with_person);
  update_words (self);
  bind_lists (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_PERSON]);
}

gboolean
cp_goals_page_get_goal_scaling (CpGoalsPage *self)
{
  g_return_val_if_fail (CP_IS_GOALS_PAGE (self), FALSE);

  return self->goal_scaling;
}

void
cp_goals_page_set_goal_scaling (CpGoalsPage *self,
                                gboolean     goal_scaling)
{
  g_return_if_fail (CP_IS_GOALS_PAGE (self));

  goal_scaling = !!goal_scaling;
  if (self->goal_scaling == goal_scaling)
    return;
  self->goal_scaling = goal_scaling;
  cp_goal_editor_set_goal_scaling (self->editor, goal_scaling);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL_SCALING]);
}

void
cp_goals_page_flush (CpGoalsPage *self)
{
  g_return_if_fail (CP_IS_GOALS_PAGE (self));

  cp_goal_editor_flush (self->editor);
}

GtkWidget *
cp_goals_page_new (CpStore  *store,
                   CpPerson *person)
{
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  return g_object_new (CP_TYPE_GOALS_PAGE, "store", store, "person", person, NULL);
}

/* ---- Class --------------------------------------------------------------------------- */

static void
cp_goals_page_constructed (GObject *object)
{
  CpGoalsPage *self = CP_GOALS_PAGE (object);
  guint group;

  G_OBJECT_CLASS (cp_goals_page_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->person != NULL);
  self->goals = cp_goal_list_new (self->store, cp_person_get_id (self->person));
  for (group = 0; group < N_GROUPS; group++)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (status_filter_cb,
                                                       GUINT_TO_POINTER (group), NULL);

      self->groups[group] = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->goals)),
                                                       GTK_FILTER (filter));
      g_signal_connect_swapped (self->groups[group], "items-changed",
                                G_CALLBACK (update_groups), self);
    }
  cp_goal_editor_set_store (self->editor, self->store);
  gtk_widget_set_sensitive (self->add_button, !cp_store_get_read_only (self->store));
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "goal-scaling", self, "goal-scaling", G_SETTINGS_BIND_GET);
  update_words (self);
  bind_lists (self);
}

static void
cp_goals_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpGoalsPage *self = CP_GOALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_WITH_PERSON:
      g_value_set_boolean (value, self->with_person);
      break;
    case PROP_GOAL_SCALING:
      g_value_set_boolean (value, self->goal_scaling);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_goals_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CpGoalsPage *self = CP_GOALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_WITH_PERSON:
      cp_goals_page_set_with_person (self, g_value_get_boolean (value));
      break;
    case PROP_GOAL_SCALING:
      cp_goals_page_set_goal_scaling (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_goals_page_dispose (GObject *object)
{
  CpGoalsPage *self = CP_GOALS_PAGE (object);
  guint group;

  if (self->editor != NULL)
    cp_goal_editor_flush (self->editor);
  g_clear_object (&self->settings);
  for (group = 0; group < N_GROUPS; group++)
    {
      if (group_list (self, group) != NULL)
        gtk_list_box_bind_model (group_list (self, group), NULL, NULL, NULL, NULL);
      if (self->groups[group] != NULL)
        g_signal_handlers_disconnect_by_data (self->groups[group], self);
      g_clear_object (&self->groups[group]);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_GOALS_PAGE);
  g_clear_object (&self->goals);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_goals_page_parent_class)->dispose (object);
}

static void
cp_goals_page_class_init (CpGoalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cp_goals_page_constructed;
  object_class->get_property = cp_goals_page_get_property;
  object_class->set_property = cp_goals_page_set_property;
  object_class->dispose = cp_goals_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, CP_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_PERSON] =
    g_param_spec_boolean ("with-person", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOAL_SCALING] =
    g_param_spec_boolean ("goal-scaling", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CP_TYPE_GOAL_EDITOR);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-goals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, heading_0);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, heading_1);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, heading_2);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, list_0);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, list_1);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, list_2);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, CpGoalsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_closed_cb);

  gtk_widget_class_install_action (widget_class, "goals.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "goals.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "goals.move-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "goals.move-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "goals.move-to", "(xx)", move_to_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_focused, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_focused, "i", 1);
}

static void
cp_goals_page_init (CpGoalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
}
