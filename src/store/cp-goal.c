/* cp-goal.c: a person's goal with its steps, barriers and helpers, as read or to write
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal"

#include "cp-goal.h"

/* ---- Plain records -------------------------------------------------------------------- */

CpStepInfo *
cp_step_info_new (void)
{
  CpStepInfo *info = g_new0 (CpStepInfo, 1);

  info->text = g_strdup ("");
  info->owner = CP_STEP_OWNER_PERSON;
  info->owner_state = CP_LINEAGE_NEVER_ON_MAP;

  return info;
}

CpStepInfo *
cp_step_info_copy (const CpStepInfo *info)
{
  CpStepInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->text = g_strdup (info->text);
  copy->owner_role = g_strdup (info->owner_role);
  copy->due_on = g_strdup (info->due_on);
  copy->done_on = g_strdup (info->done_on);
  copy->created_at = g_strdup (info->created_at);
  copy->updated_at = g_strdup (info->updated_at);
  copy->owner_name = g_strdup (info->owner_name);

  return copy;
}

void
cp_step_info_free (CpStepInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->text);
  g_free (info->owner_role);
  g_free (info->due_on);
  g_free (info->done_on);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_free (info->owner_name);
  g_free (info);
}

static gboolean
step_equal (const CpStepInfo *a,
            const CpStepInfo *b)
{
  return a->id == b->id && a->owner == b->owner && a->owner_lineage == b->owner_lineage &&
         a->position == b->position && a->owner_state == b->owner_state &&
         g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->owner_role, b->owner_role) == 0 &&
         g_strcmp0 (a->due_on, b->due_on) == 0 && g_strcmp0 (a->done_on, b->done_on) == 0 &&
         g_strcmp0 (a->created_at, b->created_at) == 0 &&
         g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->owner_name, b->owner_name) == 0;
}

void
cp_goal_barrier_free (CpGoalBarrier *barrier)
{
  if (barrier == NULL)
    return;

  g_free (barrier->barrier);
  g_free (barrier->tackle);
  g_free (barrier);
}

static CpGoalBarrier *
barrier_copy (const CpGoalBarrier *barrier)
{
  CpGoalBarrier *copy = g_memdup2 (barrier, sizeof *barrier);

  copy->barrier = g_strdup (barrier->barrier);
  copy->tackle = g_strdup (barrier->tackle);

  return copy;
}

static gboolean
barrier_equal (const CpGoalBarrier *a,
               const CpGoalBarrier *b)
{
  return a->id == b->id && a->position == b->position &&
         g_strcmp0 (a->barrier, b->barrier) == 0 && g_strcmp0 (a->tackle, b->tackle) == 0;
}

void
cp_goal_helper_free (CpGoalHelper *helper)
{
  if (helper == NULL)
    return;

  g_free (helper->name);
  g_free (helper);
}

static CpGoalHelper *
helper_copy (const CpGoalHelper *helper)
{
  CpGoalHelper *copy = g_memdup2 (helper, sizeof *helper);

  copy->name = g_strdup (helper->name);

  return copy;
}

static gboolean
helper_equal (const CpGoalHelper *a,
              const CpGoalHelper *b)
{
  return a->lineage == b->lineage && a->state == b->state && g_strcmp0 (a->name, b->name) == 0;
}

CpGoalInfo *
cp_goal_info_new (void)
{
  CpGoalInfo *info = g_new0 (CpGoalInfo, 1);

  info->text = g_strdup ("");
  info->specific = g_strdup ("");
  info->measurable = g_strdup ("");
  info->achievable = g_strdup ("");
  info->relevant = g_strdup ("");
  info->if_hard = g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (info->levels); i++)
    info->levels[i] = g_strdup ("");
  info->baseline_level = CP_GOAL_NOT_SET;
  info->importance = CP_GOAL_NOT_SET;
  info->difficulty = CP_GOAL_NOT_SET;
  info->status = CP_GOAL_STATUS_ACTIVE;
  info->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_step_info_free);
  info->barriers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_barrier_free);
  info->helpers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_helper_free);

  return info;
}

/* The texts of a goal, in one list, so copy, equal and free cannot miss one. */
#define GOAL_TEXT_FIELDS(info) \
  { &(info)->text, &(info)->specific, &(info)->measurable, &(info)->achievable, \
    &(info)->relevant, &(info)->target_on, &(info)->if_hard, &(info)->status_on, \
    &(info)->made_on, \
    &(info)->created_at, &(info)->updated_at, &(info)->levels[0], &(info)->levels[1], \
    &(info)->levels[2], &(info)->levels[3], &(info)->levels[4] }

CpGoalInfo *
cp_goal_info_copy (const CpGoalInfo *info)
{
  CpGoalInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  {
    char **fields[] = GOAL_TEXT_FIELDS (copy);

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      *fields[i] = g_strdup (*fields[i]);
  }

  copy->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_step_info_free);
  copy->barriers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_barrier_free);
  copy->helpers = g_ptr_array_new_with_free_func ((GDestroyNotify) cp_goal_helper_free);
  for (guint i = 0; info->steps != NULL && i < info->steps->len; i++)
    g_ptr_array_add (copy->steps, cp_step_info_copy (g_ptr_array_index (info->steps, i)));
  for (guint i = 0; info->barriers != NULL && i < info->barriers->len; i++)
    g_ptr_array_add (copy->barriers, barrier_copy (g_ptr_array_index (info->barriers, i)));
  for (guint i = 0; info->helpers != NULL && i < info->helpers->len; i++)
    g_ptr_array_add (copy->helpers, helper_copy (g_ptr_array_index (info->helpers, i)));

  return copy;
}

typedef gboolean (*EqualFunc) (gconstpointer a,
                               gconstpointer b);

static gboolean
arrays_equal (GPtrArray *a,
              GPtrArray *b,
              EqualFunc  equal)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    {
      if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

gboolean
cp_goal_info_equal (const CpGoalInfo *a,
                    const CpGoalInfo *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->id != b->id || a->person_id != b->person_id || a->life_area != b->life_area ||
      a->dialog_domain != b->dialog_domain || a->baseline_level != b->baseline_level ||
      a->importance != b->importance || a->difficulty != b->difficulty ||
      a->status != b->status || a->position != b->position)
    return FALSE;

  {
    char **fa[] = GOAL_TEXT_FIELDS ((CpGoalInfo *) a);
    char **fb[] = GOAL_TEXT_FIELDS ((CpGoalInfo *) b);

    for (guint i = 0; i < G_N_ELEMENTS (fa); i++)
      {
        if (g_strcmp0 (*fa[i], *fb[i]) != 0)
          return FALSE;
      }
  }

  return arrays_equal (a->steps, b->steps, (EqualFunc) step_equal) &&
         arrays_equal (a->barriers, b->barriers, (EqualFunc) barrier_equal) &&
         arrays_equal (a->helpers, b->helpers, (EqualFunc) helper_equal);
}

void
cp_goal_info_free (CpGoalInfo *info)
{
  if (info == NULL)
    return;

  {
    char **fields[] = GOAL_TEXT_FIELDS (info);

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_free (*fields[i]);
  }
  g_clear_pointer (&info->steps, g_ptr_array_unref);
  g_clear_pointer (&info->barriers, g_ptr_array_unref);
  g_clear_pointer (&info->helpers, g_ptr_array_unref);
  g_free (info);
}

const CpStepInfo *
cp_goal_info_find_step (const CpGoalInfo *info,
                        gint64            step_id)
{
  g_return_val_if_fail (info != NULL, NULL);

  for (guint i = 0; info->steps != NULL && i < info->steps->len; i++)
    {
      const CpStepInfo *step = g_ptr_array_index (info->steps, i);

      if (step->id == step_id)
        return step;
    }

  return NULL;
}

/* ---- CpGoal --------------------------------------------------------------------------- */

struct _CpGoal
{
  GObject     parent_instance;

  CpGoalInfo *info;
};

G_DEFINE_FINAL_TYPE (CpGoal, cp_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_STATUS,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_goal_finalize (GObject *object)
{
  CpGoal *self = (CpGoal *) object;

  g_clear_pointer (&self->info, cp_goal_info_free);

  G_OBJECT_CLASS (cp_goal_parent_class)->finalize (object);
}

static void
cp_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CpGoal *self = CP_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->info->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->info->text);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->info->status);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->info->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_goal_class_init (CpGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cp_goal_finalize;
  object_class->get_property = cp_goal_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CP_TYPE_GOAL_STATUS,
                                               CP_GOAL_STATUS_ACTIVE, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_goal_init (CpGoal *self)
{
}

CpGoal *
cp_goal_new_take (CpGoalInfo *info)
{
  CpGoal *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (CP_TYPE_GOAL, NULL);
  self->info = info;

  return self;
}

const CpGoalInfo *
cp_goal_get_info (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->info;
}

gint64
cp_goal_get_id (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), 0);

  return self->info->id;
}

const char *
cp_goal_get_text (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), NULL);

  return self->info->text;
}

CpGoalStatus
cp_goal_get_status (CpGoal *self)
{
  g_return_val_if_fail (CP_IS_GOAL (self), CP_GOAL_STATUS_ACTIVE);

  return self->info->status;
}
