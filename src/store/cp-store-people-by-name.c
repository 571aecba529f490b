/* cp-store-people-by-name.c: the people in name order as the workspace opened, for a
 * list that sorts them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-store"

#include <string.h>

#include "cp-store-private.h"

/* Why a second list: the People list sorts the caseload on the window's thread as it is
 * first shown, and again after each edit. GTK's sort finds runs that are already in
 * order and merges them, so a caseload handed to it in name order sorts in one pass
 * instead of some 130,000 comparisons for 10,000 people. The id-ordered list stays as it
 * is for everything else. This one is sorted when it is filled from empty (on the worker
 * that opens the workspace); people added later go at its end and people removed leave
 * it, so that it always holds the same people as cp_store_get_people (). Until a person
 * is added or changed, it is in order as it is, and a list can show it unsorted. */

/* Above this many people removed at once, the list is made again in one change rather
 * than searched for each. */
#define FEW 8

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  CpPerson *pa = *(CpPerson * const *) a;
  CpPerson *pb = *(CpPerson * const *) b;
  int by_name = strcmp (cp_person_get_name_key (pa), cp_person_get_name_key (pb));

  if (by_name != 0)
    return by_name;
  return cp_person_get_id (pa) < cp_person_get_id (pb) ? -1
         : cp_person_get_id (pa) > cp_person_get_id (pb);
}

void
_cp_store_by_name_add (CpStore   *self,
                       CpPerson **people,
                       guint      n_people)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people_by_name));
  g_autofree CpPerson **sorted = NULL;

  if (n_people == 0)
    return;
  if (n > 0)
    {
      self->by_name_in_order = FALSE;
      g_list_store_splice (self->people_by_name, n, 0, (gpointer *) people, n_people);
      return;
    }
  sorted = g_memdup2 (people, sizeof (CpPerson *) * n_people);
  qsort (sorted, n_people, sizeof (CpPerson *), compare_names);
  self->by_name_in_order = TRUE;
  g_list_store_splice (self->people_by_name, 0, 0, (gpointer *) sorted, n_people);
}

void
_cp_store_by_name_remove (CpStore   *self,
                          CpPerson **gone,
                          guint      n_gone)
{
  GListModel *model = G_LIST_MODEL (self->people_by_name);
  g_autoptr(GHashTable) set = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  guint n = g_list_model_get_n_items (model);

  if (n_gone <= FEW)
    {
      for (guint i = 0; i < n_gone; i++)
        {
          guint position;

          if (g_list_store_find (self->people_by_name, gone[i], &position))
            g_list_store_remove (self->people_by_name, position);
        }
      return;
    }

  set = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_gone; i++)
    g_hash_table_add (set, gone[i]);
  kept = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      CpPerson *person = g_list_model_get_item (model, i);

      if (g_hash_table_contains (set, person))
        g_object_unref (person);
      else
        g_ptr_array_add (kept, person);
    }
  g_list_store_splice (self->people_by_name, 0, n, kept->pdata, kept->len);
}

gboolean
cp_store_get_people_by_name_in_order (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), FALSE);

  return self->by_name_in_order;
}

GListModel *
cp_store_get_people_by_name (CpStore *self)
{
  g_return_val_if_fail (CP_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->people_by_name);
}
