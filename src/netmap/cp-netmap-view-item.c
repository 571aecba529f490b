/* cp-netmap-view-item.c: the focusable child over a member or a "+N more" mark
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot expose parts of a drawing as accessible objects, so each member the
 * map draws has a child widget of its own: it draws nothing (the renderer draws the
 * member, and its focus ring when it has the keyboard focus) but takes the focus, holds
 * the words a screen reader says and the tooltip, and covers the member's shape and name
 * so that AT-SPI reports where it is.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-view"

#include <glib/gi18n.h>
#include <math.h>

#include "cp-netmap-view-private.h"

struct _CpNetmapViewItem
{
  GtkWidget      parent_instance;

  gint64         lineage;       /* 0 for a fold */
  int            fold;          /* -1 for a member */
  CpNetmapSector sector;
  int            ring;
  double         order;         /* clockwise within the cell */
  double         x;             /* the middle of the shape or mark, map units */
  double         y;
  CpNetmapRect   box;           /* what it covers, map units */
  char          *label;         /* the accessible name */
  char          *tooltip;
};

G_DEFINE_FINAL_TYPE (CpNetmapViewItem, cp_netmap_view_item, GTK_TYPE_WIDGET)

static void
cp_netmap_view_item_finalize (GObject *object)
{
  CpNetmapViewItem *self = CP_NETMAP_VIEW_ITEM (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->tooltip, g_free);

  G_OBJECT_CLASS (cp_netmap_view_item_parent_class)->finalize (object);
}

static void
cp_netmap_view_item_class_init (CpNetmapViewItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cp_netmap_view_item_finalize;
  gtk_widget_class_set_css_name (widget_class, "netmap-member");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
cp_netmap_view_item_init (CpNetmapViewItem *self)
{
  self->fold = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

CpNetmapViewItem *
_cp_netmap_view_item_new_member (gint64 lineage)
{
  CpNetmapViewItem *self = g_object_new (CP_TYPE_NETMAP_VIEW_ITEM, NULL);

  self->lineage = lineage;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+arrow keys move it to another ring or sector"),
                                  -1);
  return self;
}

CpNetmapViewItem *
_cp_netmap_view_item_new_fold (void)
{
  CpNetmapViewItem *self = g_object_new (CP_TYPE_NETMAP_VIEW_ITEM, NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "fold");
  return self;
}

gint64
_cp_netmap_view_item_get_lineage (CpNetmapViewItem *item)
{
  return item->lineage;
}

int
_cp_netmap_view_item_get_fold (CpNetmapViewItem *item)
{
  return item->fold;
}

const CpNetmapRect *
_cp_netmap_view_item_get_box (CpNetmapViewItem *item)
{
  return &item->box;
}

void
_cp_netmap_view_item_get_centre (CpNetmapViewItem *item,
                                 double           *x,
                                 double           *y)
{
  *x = item->x;
  *y = item->y;
}

static void
set_words (CpNetmapViewItem *self,
           char             *label,
           char             *tooltip)
{
  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = label;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    g_free (label);
  if (g_strcmp0 (self->tooltip, tooltip) != 0)
    {
      g_free (self->tooltip);
      self->tooltip = tooltip;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
    }
  else
    g_free (tooltip);
}

/* Clockwise from the start of the sector, 0..2π */
static double
clockwise (CpNetmapSector sector,
           double         x,
           double         y)
{
  double a = atan2 (y, x) - cp_netmap_sector_start (sector);

  return fmod (a + 4 * G_PI, 2 * G_PI);
}

char *
_cp_netmap_view_describe_member (const CpNetmapMember        *member,
                                 const CpNetmapRenderOptions *options,
                                 gboolean                     fresh)
{
  /* TRANSLATORS: between the parts of a member's description: "Sam, person, friends" */
  const char *sep = C_("list separator", ", ");
  g_autofree char *initials = options->initials_only ? cp_netmap_initials (member->name) :
                              NULL;
  GString *s = g_string_new (initials != NULL ? initials : member->name);

  g_string_append_printf (s, "%s%s%s%s%s%s", sep, cp_netmap_kind_label (member->kind), sep,
                          cp_netmap_sector_label (member->sector), sep,
                          cp_netmap_ring_label (member->ring));
  if (member->died)
    g_string_append_printf (s, "%s%s", sep, _("died, kept on the map"));
  if (member->helps_me)
    g_string_append_printf (s, "%s%s", sep, _("helps me"));
  if (member->hard_going && !options->hide_hard_going)
    g_string_append_printf (s, "%s%s", sep, _("hard going"));
  if (member->want_more)
    g_string_append_printf (s, "%s%s", sep, _("want more"));
  if (member->caution && options->show_caution)
    g_string_append_printf (s, "%s%s", sep, _("caution: see case record"));
  if (fresh)
    g_string_append_printf (s, "%s%s", sep, _("new on this map"));
  return g_string_free (s, FALSE);
}

void
_cp_netmap_view_item_update_member (CpNetmapViewItem            *item,
                                    const CpNetmapSpot          *spot,
                                    const CpNetmapRenderOptions *options,
                                    gboolean                     fresh)
{
  const CpNetmapMember *m = spot->member;
  gboolean shortened = spot->mode != CP_NETMAP_LABEL_FULL;

  item->sector = m->sector;
  item->ring = m->ring;
  item->x = spot->x;
  item->y = spot->y;
  item->order = clockwise (m->sector, spot->x, spot->y);
  cp_netmap_spot_get_box (spot, &item->box);
  /* the full name where the map shortens it, unless the map shows initials only */
  set_words (item, _cp_netmap_view_describe_member (m, options, fresh),
             shortened && !options->initials_only ? g_strdup (m->name) : NULL);
}

void
_cp_netmap_view_item_update_fold (CpNetmapViewItem *item,
                                  CpNetmapLayout   *layout,
                                  int               fold,
                                  gboolean          initials_only)
{
  const CpNetmapFold *f = cp_netmap_layout_get_fold (layout, fold);
  CpNetmapModel *model = cp_netmap_layout_get_model (layout);
  GString *names = g_string_new (NULL);
  guint n = f->lineages->len;
  char *label;
  guint i;

  item->fold = fold;
  item->sector = f->sector;
  item->ring = f->ring;
  item->x = f->x;
  item->y = f->y;
  item->order = 4 * G_PI;
  item->box = f->box;
  for (i = 0; i < n; i++)
    {
      CpNetmapMember *m = cp_netmap_model_find (model, g_array_index (f->lineages, gint64, i));
      g_autofree char *initials = NULL;

      if (m == NULL)
        continue;
      if (initials_only)
        initials = cp_netmap_initials (m->name);
      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, initials != NULL ? initials : m->name);
    }
  /* TRANSLATORS: a "+N more" mark on a crowded part of the map: "3 more in friends,
   * closest to me" */
  label = g_strdup_printf (ngettext ("%u more in %s, %s", "%u more in %s, %s", n), n,
                           cp_netmap_sector_label (f->sector), cp_netmap_ring_label (f->ring));
  set_words (item, label, g_string_free (names, FALSE));
}

int
_cp_netmap_view_item_compare (gconstpointer a,
                              gconstpointer b)
{
  const CpNetmapViewItem *x = *(CpNetmapViewItem * const *) a;
  const CpNetmapViewItem *y = *(CpNetmapViewItem * const *) b;

  if (x->sector != y->sector)
    return x->sector < y->sector ? -1 : 1;
  if (x->ring != y->ring)
    return x->ring < y->ring ? -1 : 1;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return (x->lineage > y->lineage) - (x->lineage < y->lineage);
}
