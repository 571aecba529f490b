/* cp-pdf-viewer-outline.c: the outline sidebar, following the reader
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-viewer"

#include <glib/gi18n.h>

#include "cp-pdf-viewer-private.h"

/* Where in the viewport the reader is taken to be reading: a quarter down. */
#define READING_LINE 0.25

static void
outline_entry_free (gpointer data)
{
  CpOutlineEntry *entry = data;

  g_clear_object (&entry->item);
  g_free (entry);
}

void
_cp_pdf_viewer_outline_init (CpPdfViewer *self)
{
  self->outline = g_ptr_array_new_with_free_func (outline_entry_free);
}

void
_cp_pdf_viewer_outline_clear (CpPdfViewer *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->section_idle_id, g_source_remove);
  self->current_section = NULL;
  if (self->outline != NULL)
    g_ptr_array_set_size (self->outline, 0);
  if (self->outline_list != NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
        gtk_list_box_remove (self->outline_list, child);
    }
}

static GtkWidget *
outline_row_new (CpPdfOutlineItem *item,
                 guint             depth,
                 const char       *page_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (cp_pdf_outline_item_get_title (item));
  GtkWidget *page = gtk_label_new (page_label);

  gtk_widget_set_margin_start (box, (int) MIN (depth, 4) * 14);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (row, cp_pdf_outline_item_get_title (item));
  if (depth == 0)
    gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (page, "dim-label");
  gtk_widget_add_css_class (page, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), page);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cp_pdf_outline_item_get_title (item), -1);
  gtk_widget_set_name (row, cp_pdf_outline_item_get_title (item));

  return row;
}

static void
add_items (CpPdfViewer *self,
           GListModel  *items,
           guint        depth)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPdfOutlineItem) item = g_list_model_get_item (items, i);
      CpOutlineEntry *entry = g_new0 (CpOutlineEntry, 1);
      const char *label = NULL;

      entry->item = g_object_ref (item);
      entry->page = cp_pdf_outline_item_get_page (item);
      entry->top = cp_pdf_outline_item_get_top (item);
      entry->depth = depth;
      if (entry->page >= 0)
        label = cp_pdf_document_get_page_label (self->document, (guint) entry->page);
      entry->row = outline_row_new (item, depth, label != NULL ? label : "");
      gtk_list_box_append (self->outline_list, entry->row);
      g_ptr_array_add (self->outline, entry);

      add_items (self, cp_pdf_outline_item_get_children (item), depth + 1);
    }
}

void
_cp_pdf_viewer_outline_load (CpPdfViewer *self)
{
  GListModel *outline;

  _cp_pdf_viewer_outline_clear (self);
  if (self->document == NULL)
    return;

  outline = cp_pdf_document_get_outline (self->document);
  if (outline != NULL)
    add_items (self, outline, 0);

  gtk_stack_set_visible_child_name (self->outline_stack,
                                    self->outline->len > 0 ? "list" : "none");
  _cp_pdf_viewer_outline_queue_sync (self);
}

/* Scrolls the outline list (not the keyboard focus) to show @row. */
static void
reveal_row (CpPdfViewer *self,
            GtkWidget   *row)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->outline_scroller);
  graphene_point_t point;
  double top, height, page;

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self->outline_list),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  top = point.y;
  height = gtk_widget_get_height (row);
  page = gtk_adjustment_get_page_size (adj);
  if (top < gtk_adjustment_get_value (adj))
    gtk_adjustment_set_value (adj, top);
  else if (top + height > gtk_adjustment_get_value (adj) + page)
    gtk_adjustment_set_value (adj, top + height - page);
}

const CpOutlineEntry *
_cp_pdf_viewer_outline_entry_at (CpPdfViewer *self,
                                 guint        page,
                                 double       py)
{
  CpOutlineEntry *best = NULL;

  if (self->outline == NULL)
    return NULL;
  for (guint i = 0; i < self->outline->len; i++)
    {
      CpOutlineEntry *entry = g_ptr_array_index (self->outline, i);

      if (entry->page < 0)
        continue;
      if ((guint) entry->page < page ||
          ((guint) entry->page == page && (entry->top < 0 || entry->top <= py)))
        {
          /* In document order, but a later entry can point back: keep the furthest. */
          if (best == NULL || entry->page > best->page ||
              (entry->page == best->page && entry->top >= best->top))
            best = entry;
        }
    }
  return best;
}

/* The section being read: the last entry that starts at or before the reading line. */
static CpOutlineEntry *
find_current_section (CpPdfViewer *self)
{
  guint page;
  double px, py;
  int width = gtk_widget_get_width (GTK_WIDGET (self->view));
  int height = gtk_widget_get_height (GTK_WIDGET (self->view));

  if (!cp_pdf_view_widget_to_page (self->view, width / 2.0, height * READING_LINE, &page, &px, &py))
    {
      page = cp_pdf_view_get_page (self->view);
      py = 0;
    }
  return (CpOutlineEntry *) _cp_pdf_viewer_outline_entry_at (self, page, py);
}

static gboolean
sync_section_cb (gpointer data)
{
  CpPdfViewer *self = data;
  CpOutlineEntry *entry;

  self->section_idle_id = 0;
  if (self->document == NULL || self->outline->len == 0)
    return G_SOURCE_REMOVE;

  entry = find_current_section (self);
  if (entry == self->current_section)
    return G_SOURCE_REMOVE;

  self->current_section = entry;
  if (entry == NULL)
    {
      gtk_list_box_unselect_all (self->outline_list);
      return G_SOURCE_REMOVE;
    }
  gtk_list_box_select_row (self->outline_list, GTK_LIST_BOX_ROW (entry->row));
  reveal_row (self, entry->row);
  return G_SOURCE_REMOVE;
}

void
_cp_pdf_viewer_outline_queue_sync (CpPdfViewer *self)
{
  if (self->section_idle_id == 0 && self->outline != NULL && self->outline->len > 0)
    self->section_idle_id = g_idle_add_full (G_PRIORITY_LOW, sync_section_cb, self, NULL);
}

void
_cp_pdf_viewer_outline_row_activated (CpPdfViewer   *self,
                                      GtkListBoxRow *row)
{
  for (guint i = 0; i < self->outline->len; i++)
    {
      CpOutlineEntry *entry = g_ptr_array_index (self->outline, i);
      const char *dest;

      if (entry->row != GTK_WIDGET (row))
        continue;

      dest = cp_pdf_outline_item_get_dest (entry->item);
      if (entry->page >= 0)
        cp_pdf_view_scroll_to_location (self->view, (guint) entry->page, entry->top);
      else if (dest != NULL)
        cp_pdf_view_scroll_to_dest (self->view, dest);
      /* The section is the one chosen, even when it starts low on a page. */
      self->current_section = entry;
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
      break;
    }
}
