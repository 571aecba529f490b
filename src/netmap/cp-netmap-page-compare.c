/* cp-netmap-page-compare.c: two of a person's maps side by side, the later one showing
 * who is new, and beneath, in words, what changed
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap-page"

#include <glib/gi18n.h>

#include "cp-netmap-page-private.h"
#include "cp-netmap-words.h"
#include "util/cp-date.h"

struct _CpNetmapCompare
{
  CpNetmapPage *page;
  GtkDropDown  *earlier;
  GtkDropDown  *later;
  CpNetmapView *before_view;
  CpNetmapView *after_view;
  GtkBox       *sentences;
  GtkWidget    *maps;
  gint64        earlier_id;    /* as chosen, or 0: the map before the one shown */
  gint64        later_id;      /* as chosen, or 0: the map shown */
  gboolean      updating;
};

static guint
index_of (CpNetmapPage *page,
          gint64        id)
{
  for (guint i = 0; page->snapshots && i < page->snapshots->len; i++)
    if (((CpSnapshotInfo *) g_ptr_array_index (page->snapshots, i))->id == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static gint64
id_at (CpNetmapPage *page,
       guint         i)
{
  return ((CpSnapshotInfo *) g_ptr_array_index (page->snapshots, i))->id;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
say (GtkBox     *box,
     const char *words)
{
  GtkWidget *label = gtk_label_new (words);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (box, label);
}

void
_cp_netmap_compare_update (CpNetmapCompare *compare)
{
  CpNetmapPage *page;
  g_autoptr(GtkStringList) titles = NULL;
  g_autoptr(CpNetmapModel) before = NULL;
  g_autoptr(CpNetmapModel) after = NULL;
  g_autoptr(CpNetmapChange) change = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  gboolean initials;
  guint shown, a, b;

  if (compare == NULL)
    return;
  page = compare->page;
  if (!g_str_equal (gtk_stack_get_visible_child_name (page->content_stack), "compare"))
    return;

  clear_box (compare->sentences);
  if (page->snapshots == NULL || page->snapshots->len < 2)
    {
      gtk_widget_set_visible (compare->maps, FALSE);
      say (compare->sentences, _("There is only one map so far. Start a review map to "
                                 "compare."));
      return;
    }
  gtk_widget_set_visible (compare->maps, TRUE);

  shown = index_of (page, page->snapshot_id);
  b = index_of (page, compare->later_id);
  if (b == GTK_INVALID_LIST_POSITION)
    b = shown == 0 ? 1 : shown;
  a = index_of (page, compare->earlier_id);
  if (a == GTK_INVALID_LIST_POSITION || a == b)
    a = b > 0 ? b - 1 : 1;

  titles = gtk_string_list_new (NULL);
  for (guint i = 0; i < page->snapshots->len; i++)
    {
      const CpSnapshotInfo *info = g_ptr_array_index (page->snapshots, i);
      g_autofree char *date = cp_date_format_long (info->taken_on);
      g_autofree char *title = g_strdup_printf (_("%s · %s"), info->label,
                                                date ? date : info->taken_on);

      gtk_string_list_append (titles, title);
    }
  compare->updating = TRUE;
  gtk_drop_down_set_model (compare->earlier, G_LIST_MODEL (titles));
  gtk_drop_down_set_model (compare->later, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (compare->earlier, a);
  gtk_drop_down_set_selected (compare->later, b);
  compare->updating = FALSE;

  before = cp_store_load_snapshot (page->store, id_at (page, a), NULL);
  after = cp_store_load_snapshot (page->store, id_at (page, b), NULL);
  if (before == NULL || after == NULL)
    return;
  initials = cp_netmap_view_get_initials_only (page->view);
  for (guint i = 0; i < 2; i++)
    {
      CpNetmapView *view = i == 0 ? compare->before_view : compare->after_view;

      cp_netmap_view_set_initials_only (view, initials);
      cp_netmap_view_set_hide_hard_going (view, cp_netmap_view_get_hide_hard_going (page->view));
      cp_netmap_view_set_model (view, i == 0 ? before : after);
    }
  /* The later map highlights who is new since the earlier one. */
  cp_netmap_view_set_since (compare->after_view, a < b ? before : NULL);

  change = a < b ? cp_netmap_change_new (before, after) : cp_netmap_change_new (after, before);
  sentences = a < b ? cp_netmap_change_sentences (change, before, after, initials)
                    : cp_netmap_change_sentences (change, after, before, initials);
  for (guint i = 0; i < sentences->len; i++)
    say (compare->sentences, g_ptr_array_index (sentences, i));
}

static void
chosen_cb (GtkDropDown     *dropdown,
           GParamSpec      *pspec,
           CpNetmapCompare *compare)
{
  CpNetmapPage *page = compare->page;
  guint a = gtk_drop_down_get_selected (compare->earlier);
  guint b = gtk_drop_down_get_selected (compare->later);

  if (compare->updating || page->snapshots == NULL)
    return;
  if (a < page->snapshots->len)
    compare->earlier_id = id_at (page, a);
  if (b < page->snapshots->len)
    compare->later_id = id_at (page, b);
  _cp_netmap_compare_update (compare);
}

static GtkWidget *
side (CpNetmapCompare  *compare,
      const char       *title,
      GtkDropDown     **dropdown,
      CpNetmapView    **view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *map = cp_netmap_view_new ();

  *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  _cp_netmap_page_label (GTK_WIDGET (*dropdown), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (*dropdown), title);
  g_signal_connect (*dropdown, "notify::selected", G_CALLBACK (chosen_cb), compare);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*dropdown));
  gtk_widget_set_size_request (map, 160, 300);
  gtk_widget_set_hexpand (map, TRUE);
  gtk_widget_set_vexpand (map, TRUE);
  *view = CP_NETMAP_VIEW (map);
  gtk_box_append (GTK_BOX (box), map);
  return box;
}

CpNetmapCompare *
_cp_netmap_compare_new (CpNetmapPage *page)
{
  CpNetmapCompare *compare = g_new0 (CpNetmapCompare, 1);
  GtkBox *box = GTK_BOX (page->compare_box);
  GtkWidget *heading;

  compare->page = page;
  compare->maps = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (compare->maps), TRUE);
  gtk_box_append (GTK_BOX (compare->maps),
                  side (compare, _("Earlier map"), &compare->earlier, &compare->before_view));
  gtk_box_append (GTK_BOX (compare->maps),
                  side (compare, _("Later map"), &compare->later, &compare->after_view));
  gtk_box_append (box, compare->maps);
  heading = gtk_label_new (_("What Changed"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (box, heading);
  compare->sentences = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_name (GTK_WIDGET (compare->sentences), "cp-compare-sentences");
  gtk_box_append (box, GTK_WIDGET (compare->sentences));
  return compare;
}

void
_cp_netmap_compare_free (CpNetmapCompare *compare)
{
  g_free (compare);
}
