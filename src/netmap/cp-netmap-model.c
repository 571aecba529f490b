/* cp-netmap-model.c: one network map in memory: its members and the ties between them
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>

#include "cp-netmap-enums.h"
#include "cp-netmap-model.h"
#include "cp-netmap-private.h"

struct _CpNetmapModel
{
  GObject     parent_instance;

  GPtrArray  *members;          /* CpNetmapMember*, owned */
  GHashTable *by_lineage;       /* gint64* (the member's own field) -> CpNetmapMember* */
  GArray     *ties;             /* CpNetmapTie */
};

G_DEFINE_FINAL_TYPE (CpNetmapModel, cp_netmap_model, G_TYPE_OBJECT)

G_DEFINE_QUARK (cp-netmap-error-quark, cp_netmap_error)

static const char * const kind_msgids[] = {
  N_("person"), N_("place"), N_("activity"),
};

static const char * const sector_msgids[] = {
  N_("family & home"),
  N_("friends"),
  N_("neighbours & local"),
  N_("work, learning & volunteering"),
  N_("clubs, groups & faith"),
  N_("services & paid support"),
};

static const char * const ring_msgids[] = {
  N_("closest to me"),
  N_("important to me"),
  N_("around me"),
  N_("I\xe2\x80\x99" "d like / lost touch"),
};

static void
member_free (gpointer data)
{
  CpNetmapMember *m = data;

  g_free (m->name);
  g_free (m->added_on);
  g_free (m);
}

static void
cp_netmap_model_finalize (GObject *object)
{
  CpNetmapModel *self = CP_NETMAP_MODEL (object);

  g_clear_pointer (&self->by_lineage, g_hash_table_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->ties, g_array_unref);

  G_OBJECT_CLASS (cp_netmap_model_parent_class)->finalize (object);
}

static void
cp_netmap_model_class_init (CpNetmapModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_netmap_model_finalize;
}

static void
cp_netmap_model_init (CpNetmapModel *self)
{
  self->members = g_ptr_array_new_with_free_func (member_free);
  self->by_lineage = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->ties = g_array_new (FALSE, FALSE, sizeof (CpNetmapTie));
}

CpNetmapModel *
cp_netmap_model_new (void)
{
  return g_object_new (CP_TYPE_NETMAP_MODEL, NULL);
}

CpNetmapModel *
cp_netmap_model_copy (CpNetmapModel *self)
{
  CpNetmapModel *copy;
  guint i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);

  copy = cp_netmap_model_new ();
  for (i = 0; i < self->members->len; i++)
    {
      const CpNetmapMember *m = g_ptr_array_index (self->members, i);
      CpNetmapMember *c = g_new (CpNetmapMember, 1);

      *c = *m;
      c->id = 0;
      c->name = g_strdup (m->name);
      c->added_on = g_strdup (m->added_on);
      g_ptr_array_add (copy->members, c);
      g_hash_table_insert (copy->by_lineage, &c->lineage, c);
    }
  for (i = 0; i < self->ties->len; i++)
    {
      CpNetmapTie t = g_array_index (self->ties, CpNetmapTie, i);

      t.id = 0;
      g_array_append_val (copy->ties, t);
    }
  return copy;
}

guint
cp_netmap_model_get_n_members (CpNetmapModel *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), 0);

  return self->members->len;
}

CpNetmapMember *
cp_netmap_model_get_member (CpNetmapModel *self,
                            guint          index)
{
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);
  g_return_val_if_fail (index < self->members->len, NULL);

  return g_ptr_array_index (self->members, index);
}

CpNetmapMember *
cp_netmap_model_find (CpNetmapModel *self,
                      gint64         lineage)
{
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);

  return g_hash_table_lookup (self->by_lineage, &lineage);
}

gint64
cp_netmap_model_next_lineage (CpNetmapModel *self)
{
  gint64 next = 1;
  guint i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), 0);

  for (i = 0; i < self->members->len; i++)
    {
      const CpNetmapMember *m = g_ptr_array_index (self->members, i);

      next = MAX (next, m->lineage + 1);
    }
  return next;
}

CpNetmapMember *
cp_netmap_model_add (CpNetmapModel  *self,
                     gint64          lineage,
                     CpNetmapKind    kind,
                     const char     *name,
                     CpNetmapSector  sector,
                     int             ring)
{
  CpNetmapMember *m;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail ((guint) kind < CP_NETMAP_N_KINDS, NULL);
  g_return_val_if_fail ((guint) sector < CP_NETMAP_N_SECTORS, NULL);
  g_return_val_if_fail (ring >= 1 && ring <= CP_NETMAP_N_RINGS, NULL);

  if (lineage <= 0)
    lineage = cp_netmap_model_next_lineage (self);
  if (g_hash_table_contains (self->by_lineage, &lineage))
    return NULL;

  m = g_new0 (CpNetmapMember, 1);
  m->lineage = lineage;
  m->kind = kind;
  m->name = g_strdup (name);
  m->sector = sector;
  m->ring = ring;
  m->angle = 0.5;
  m->depth = 0.5;
  m->frequency = CP_NETMAP_NOT_RECORDED;
  m->years_known = CP_NETMAP_NOT_RECORDED;
  m->direction = CP_NETMAP_DIRECTION_NOT_RECORDED;
  m->paid = CP_NETMAP_NOT_RECORDED;
  g_ptr_array_add (self->members, m);
  g_hash_table_insert (self->by_lineage, &m->lineage, m);
  return m;
}

gboolean
cp_netmap_model_remove (CpNetmapModel *self,
                        gint64         lineage)
{
  CpNetmapMember *m;
  guint i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), FALSE);

  m = g_hash_table_lookup (self->by_lineage, &lineage);
  if (m == NULL)
    return FALSE;
  for (i = self->ties->len; i > 0; i--)
    {
      const CpNetmapTie *t = &g_array_index (self->ties, CpNetmapTie, i - 1);

      if (t->a == lineage || t->b == lineage)
        g_array_remove_index (self->ties, i - 1);
    }
  g_hash_table_remove (self->by_lineage, &lineage);
  g_ptr_array_remove (self->members, m);
  return TRUE;
}

guint
cp_netmap_model_get_n_ties (CpNetmapModel *self)
{
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), 0);

  return self->ties->len;
}

const CpNetmapTie *
cp_netmap_model_get_tie (CpNetmapModel *self,
                         guint          index)
{
  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);
  g_return_val_if_fail (index < self->ties->len, NULL);

  return &g_array_index (self->ties, CpNetmapTie, index);
}

static int
tie_index (CpNetmapModel *self,
           gint64         a,
           gint64         b)
{
  guint i;

  if (a > b)
    {
      gint64 t = a;

      a = b;
      b = t;
    }
  for (i = 0; i < self->ties->len; i++)
    {
      const CpNetmapTie *t = &g_array_index (self->ties, CpNetmapTie, i);

      if (t->a == a && t->b == b)
        return (int) i;
    }
  return -1;
}

const CpNetmapTie *
cp_netmap_model_find_tie (CpNetmapModel *self,
                          gint64         a,
                          gint64         b)
{
  int i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), NULL);

  i = tie_index (self, a, b);
  return i < 0 ? NULL : &g_array_index (self->ties, CpNetmapTie, i);
}

gboolean
cp_netmap_model_set_tie (CpNetmapModel       *self,
                         gint64               a,
                         gint64               b,
                         CpNetmapTieStrength  strength)
{
  CpNetmapTie t = { 0, MIN (a, b), MAX (a, b), strength };
  int i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), FALSE);

  if (a == b || !g_hash_table_contains (self->by_lineage, &a) ||
      !g_hash_table_contains (self->by_lineage, &b))
    return FALSE;
  i = tie_index (self, a, b);
  if (i >= 0)
    g_array_index (self->ties, CpNetmapTie, i).strength = strength;
  else
    g_array_append_val (self->ties, t);
  return TRUE;
}

gboolean
cp_netmap_model_remove_tie (CpNetmapModel *self,
                            gint64         a,
                            gint64         b)
{
  int i;

  g_return_val_if_fail (CP_IS_NETMAP_MODEL (self), FALSE);

  i = tie_index (self, a, b);
  if (i < 0)
    return FALSE;
  g_array_remove_index (self->ties, i);
  return TRUE;
}

void
cp_netmap_member_set_name (CpNetmapMember *member,
                           const char     *name)
{
  g_return_if_fail (member != NULL);
  g_return_if_fail (name != NULL);

  if (member->name == name)
    return;
  g_free (member->name);
  member->name = g_strdup (name);
}

gboolean
cp_netmap_member_has_details (const CpNetmapMember *member)
{
  g_return_val_if_fail (member != NULL, FALSE);

  return member->frequency >= 0 || member->years_known >= 0 || member->support != 0 ||
         member->direction != CP_NETMAP_DIRECTION_NOT_RECORDED || member->paid >= 0;
}

/* ---- stored strings ---- */

/* ---- everyday words ---- */

const char *
_cp_netmap_kind_msgid (CpNetmapKind kind)
{
  g_return_val_if_fail ((guint) kind < CP_NETMAP_N_KINDS, "");
  return kind_msgids[kind];
}

const char *
_cp_netmap_sector_msgid (CpNetmapSector sector)
{
  g_return_val_if_fail ((guint) sector < CP_NETMAP_N_SECTORS, "");
  return sector_msgids[sector];
}

const char *
_cp_netmap_ring_msgid (int ring)
{
  g_return_val_if_fail (ring >= 1 && ring <= CP_NETMAP_N_RINGS, "");
  return ring_msgids[ring - 1];
}

const char *
cp_netmap_kind_label (CpNetmapKind kind)
{
  return _(_cp_netmap_kind_msgid (kind));
}

const char *
cp_netmap_sector_label (CpNetmapSector sector)
{
  return _(_cp_netmap_sector_msgid (sector));
}

const char *
cp_netmap_ring_label (int ring)
{
  return _(_cp_netmap_ring_msgid (ring));
}

const char *
cp_netmap_support_label (CpNetmapSupport support)
{
  switch (support)
    {
    case CP_NETMAP_SUPPORT_EMOTIONAL:
      return _("emotional");
    case CP_NETMAP_SUPPORT_PRACTICAL:
      return _("practical");
    case CP_NETMAP_SUPPORT_INFORMATION:
      return _("information");
    case CP_NETMAP_SUPPORT_COMPANY:
      return _("company");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
cp_netmap_direction_label (CpNetmapDirection direction)
{
  switch (direction)
    {
    case CP_NETMAP_DIRECTION_BOTH:
      return _("both ways");
    case CP_NETMAP_DIRECTION_TO_THEM:
      return _("to them");
    case CP_NETMAP_DIRECTION_FROM_THEM:
      return _("to me");
    case CP_NETMAP_DIRECTION_NOT_RECORDED:
      return _("not recorded");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
cp_netmap_tie_label (CpNetmapTieStrength strength)
{
  switch (strength)
    {
    case CP_NETMAP_TIE_STRONG:
      return _("strong");
    case CP_NETMAP_TIE_WEAK:
      return _("weak");
    case CP_NETMAP_TIE_STRESSFUL:
      return _("hard going");
    default:
      g_return_val_if_reached ("");
    }
}
