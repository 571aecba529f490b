/* cp-netmap-page-add.c: the network page's add form, and the word lists its fields and
 * the list entry choose from
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>

#include "cp-netmap-page-private.h"

/* ---- Word lists ------------------------------------------------------------------------ */

static GListModel *
words_model (const char *(*label) (int),
             int          first,
             int          n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = first; i < first + n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static const char *
sector_word (int i)
{
  return cp_netmap_sector_label (i);
}

static const char *
kind_word (int i)
{
  return cp_netmap_kind_label (i);
}

GListModel *
_cp_netmap_page_sector_model (void)
{
  return words_model (sector_word, 0, CP_NETMAP_N_SECTORS);
}

GListModel *
_cp_netmap_page_ring_model (void)
{
  return words_model (cp_netmap_ring_label, 1, CP_NETMAP_N_RINGS);
}

GListModel *
_cp_netmap_page_kind_model (void)
{
  return words_model (kind_word, 0, CP_NETMAP_N_KINDS);
}

void
_cp_netmap_page_label (GtkWidget  *widget,
                       const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  if (gtk_widget_get_tooltip_text (widget) == NULL)
    gtk_widget_set_tooltip_text (widget, label);
}

char *
_cp_netmap_page_plain (const char *mnemonic)
{
  GString *plain = g_string_new (NULL);

  for (const char *c = mnemonic; *c != '\0'; c++)
    if (*c != '_' || c[1] == '_')
      g_string_append_c (plain, *c == '_' ? *++c : *c);
  return g_string_free (plain, FALSE);
}

/* The map selector's items shorten with "…" rather than widen the page. */
static void
setup_title_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_title_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

GtkListItemFactory *
_cp_netmap_page_title_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_title_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title_cb), NULL);
  return factory;
}

/* ---- The add form ---------------------------------------------------------------------- */

static void
add_member (CpNetmapPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->add_name));
  g_autofree char *name = g_strstrip (g_strdup (typed));
  g_autoptr(GError) error = NULL;
  CpNetmapMember m = { 0 };
  gint64 id;

  if (name[0] == '\0' || self->snapshot_id == 0)
    return;
  m.name = name;
  m.kind = gtk_drop_down_get_selected (self->add_kind);
  m.sector = gtk_drop_down_get_selected (self->add_sector);
  m.ring = (int) gtk_drop_down_get_selected (self->add_ring) + 1;
  m.angle = self->add_at_spot ? self->add_angle : CP_STORE_FREE_SPOT;
  m.depth = self->add_at_spot ? self->add_depth : 0.5;
  m.helps_me = gtk_check_button_get_active (self->add_helps);
  m.hard_going = gtk_check_button_get_active (self->add_hard);
  m.want_more = gtk_check_button_get_active (self->add_more);

  id = cp_store_add_member_full (self->store, self->snapshot_id, &m, &error);
  if (!_cp_netmap_page_edited (self, id != 0, error))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->add_name), "");
  gtk_check_button_set_active (self->add_helps, FALSE);
  gtk_check_button_set_active (self->add_hard, FALSE);
  gtk_check_button_set_active (self->add_more, FALSE);
  gtk_menu_button_popdown (self->add_button);
  for (guint i = 0; i < cp_netmap_model_get_n_members (self->model); i++)
    if (cp_netmap_model_get_member (self->model, i)->id == id)
      cp_netmap_view_set_selected (self->view,
                                   cp_netmap_model_get_member (self->model, i)->lineage);
}

static void
add_activate_cb (GtkEntry     *entry,
                 CpNetmapPage *self)
{
  add_member (self);
}

static void
add_clicked_cb (GtkButton    *button,
                CpNetmapPage *self)
{
  add_member (self);
}

static void
add_name_changed_cb (GtkEditable  *editable,
                     CpNetmapPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_set_sensitive (self->add_confirm, name[0] != '\0');
}

static void
add_popover_show_cb (GtkPopover   *popover,
                     CpNetmapPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->add_name));
}

static void
add_popover_closed_cb (GtkPopover   *popover,
                       CpNetmapPage *self)
{
  self->add_at_spot = FALSE;
}

/* Opens the add form, for (@sector, @ring) when @sector >= 0. */
void
_cp_netmap_page_open_add_form (CpNetmapPage *self,
                               int           sector,
                               int           ring)
{
  if (sector >= 0)
    {
      gtk_drop_down_set_selected (self->add_sector, sector);
      gtk_drop_down_set_selected (self->add_ring, ring - 1);
    }
  g_object_set (self, "compare-mode", FALSE, NULL);
  gtk_menu_button_popup (self->add_button);
}

void
_cp_netmap_page_add_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  CpNetmapPage *self = CP_NETMAP_PAGE (widget);
  CpNetmapMember *m = self->model ? cp_netmap_model_find (self->model,
                                                          cp_netmap_view_get_selected (self->view))
                                  : NULL;

  self->add_at_spot = FALSE;
  if (gtk_widget_get_visible (self->list_scroller))
    {
      _cp_netmap_list_focus_new (self->list);
      return;
    }
  /* Beside the chosen member, which is where people usually think of the next one. */
  _cp_netmap_page_open_add_form (self, m ? (int) m->sector : -1, m ? m->ring : 1);
}

static void
add_requested_cb (CpNetmapView   *view,
                  CpNetmapSector  sector,
                  int             ring,
                  double          angle,
                  double          depth,
                  CpNetmapPage   *self)
{
  if (cp_store_get_read_only (self->store))
    return;
  _cp_netmap_page_open_add_form (self, sector, ring);
  /* after popup: the form's closing forgets the spot */
  self->add_at_spot = TRUE;
  self->add_angle = angle;
  self->add_depth = depth;
}

void
_cp_netmap_page_add_form_init (CpNetmapPage *self)
{
  gtk_drop_down_set_model (self->add_kind, _cp_netmap_page_kind_model ());
  gtk_drop_down_set_model (self->add_sector, _cp_netmap_page_sector_model ());
  gtk_drop_down_set_model (self->add_ring, _cp_netmap_page_ring_model ());
  g_object_unref (gtk_drop_down_get_model (self->add_kind));
  g_object_unref (gtk_drop_down_get_model (self->add_sector));
  g_object_unref (gtk_drop_down_get_model (self->add_ring));

  g_signal_connect_object (self->add_name, "activate", G_CALLBACK (add_activate_cb), self, 0);
  g_signal_connect_object (self->add_name, "changed", G_CALLBACK (add_name_changed_cb), self,
                           0);
  g_signal_connect_object (self->add_confirm, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  g_signal_connect_object (self->add_popover, "show", G_CALLBACK (add_popover_show_cb), self,
                           0);
  g_signal_connect_object (self->add_popover, "closed", G_CALLBACK (add_popover_closed_cb),
                           self, 0);
  g_signal_connect_object (self->view, "add-requested", G_CALLBACK (add_requested_cb), self, 0);
}
