/* cp-goal-list.c: a person's goals as a list model that follows the workspace
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-goal-list"

#include "cp-goal-list.h"
#include "cp-store-goals.h"

struct _CpGoalList
{
  GObject     parent_instance;

  CpStore    *store;
  gint64      person_id;
  GPtrArray  *goals;        /* CpGoal */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpGoalList, cp_goal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The tables a goal, its steps and the names of its members come from. */
static const char * const watched_tables[] = {
  "goal", "step", "goal_member", "goal_barrier", "member", "snapshot", "person", NULL
};

/* ---- GListModel ----------------------------------------------------------------------- */

static GType
get_item_type (GListModel *model)
{
  return CP_TYPE_GOAL;
}

static guint
get_n_items (GListModel *model)
{
  return CP_GOAL_LIST (model)->goals->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CpGoalList *self = CP_GOAL_LIST (model);

  if (position >= self->goals->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->goals, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- Following the store -------------------------------------------------------------- */

static gboolean
same (CpGoal           *goal,
      const CpGoalInfo *info)
{
  return cp_goal_info_equal (cp_goal_get_info (goal), info);
}

static void
reload (CpGoalList *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old = self->goals->len;
  guint n_new;
  guint prefix = 0;
  guint suffix = 0;

  infos = cp_store_list_goals (self->store, self->person_id, &error);
  if (infos == NULL)
    {
      /* The person has gone (or the workspace closed): nothing to show. */
      g_debug ("goals not read: %s", error->message);
      infos = g_ptr_array_new ();
    }
  n_new = infos->len;

  while (prefix < n_old && prefix < n_new &&
         same (g_ptr_array_index (self->goals, prefix), g_ptr_array_index (infos, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same (g_ptr_array_index (self->goals, n_old - 1 - suffix),
               g_ptr_array_index (infos, n_new - 1 - suffix)))
    suffix++;

  if (prefix + suffix == n_old && n_old == n_new)
    return;

  g_ptr_array_remove_range (self->goals, prefix, n_old - prefix - suffix);
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      CpGoalInfo *info = g_ptr_array_steal_index (infos, prefix);

      g_ptr_array_insert (self->goals, (int) i, cp_goal_new_take (info));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                              n_new - prefix - suffix);
}

static void
store_changed_cb (CpStore            *store,
                  const char * const *tables,
                  CpGoalList         *self)
{
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    {
      if (g_strv_contains (watched_tables, tables[i]))
        {
          reload (self);
          return;
        }
    }
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_goal_list_dispose (GObject *object)
{
  CpGoalList *self = CP_GOAL_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cp_goal_list_parent_class)->dispose (object);
}

static void
cp_goal_list_finalize (GObject *object)
{
  CpGoalList *self = CP_GOAL_LIST (object);

  g_clear_pointer (&self->goals, g_ptr_array_unref);

  G_OBJECT_CLASS (cp_goal_list_parent_class)->finalize (object);
}

static void
cp_goal_list_class_init (CpGoalListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_goal_list_dispose;
  object_class->finalize = cp_goal_list_finalize;
}

static void
cp_goal_list_init (CpGoalList *self)
{
  self->goals = g_ptr_array_new_with_free_func (g_object_unref);
}

CpGoalList *
cp_goal_list_new (CpStore *store,
                  gint64   person_id)
{
  CpGoalList *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_GOAL_LIST, NULL);
  self->store = g_object_ref (store);
  self->person_id = person_id;
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);

  return self;
}

gint64
cp_goal_list_get_person_id (CpGoalList *self)
{
  g_return_val_if_fail (CP_IS_GOAL_LIST (self), 0);

  return self->person_id;
}

gboolean
cp_goal_list_find (CpGoalList *self,
                   gint64      goal_id,
                   guint      *out_position)
{
  g_return_val_if_fail (CP_IS_GOAL_LIST (self), FALSE);

  for (guint i = 0; i < self->goals->len; i++)
    {
      if (cp_goal_get_id (g_ptr_array_index (self->goals, i)) == goal_id)
        {
          if (out_position != NULL)
            *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}
