/* cp-review-ui.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-review-ui"

#include <glib/gi18n.h>

#include "cp-review-ui.h"
#include "util/cp-date.h"

GtkWidget *
cp_review_ui_label (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
cp_review_ui_boxed_list (GtkWidget  *parent,
                         const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (parent), list);

  return list;
}

GtkWidget *
cp_review_ui_section (GtkWidget  *parent,
                      const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = cp_review_ui_label (title, "heading");

  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (parent), box);

  return box;
}

GtkWidget *
cp_review_ui_text_field (const char  *label,
                         GtkWidget  **out_view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_box_append (GTK_BOX (box), cp_review_ui_label (label, "dim-label"));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  *out_view = view;

  return box;
}

char *
cp_review_ui_dup_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
cp_review_ui_set_text (GtkWidget  *text_view,
                       const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            text ? text : "", -1);
}

GtkWidget *
cp_review_ui_message_new (void)
{
  GtkWidget *label = cp_review_ui_label (NULL, "error");

  gtk_widget_set_visible (label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);

  return label;
}

void
cp_review_ui_show_message (GtkWidget  *label,
                           const char *message)
{
  gtk_label_set_label (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

char *
cp_review_ui_check_date (const char  *text,
                         gboolean     required,
                         const char  *not_before,
                         const char  *not_after,
                         char       **out_iso)
{
  g_autofree char *iso = g_strstrip (g_strdup (text ? text : ""));

  *out_iso = NULL;
  if (iso[0] == '\0')
    return required ? g_strdup (_("Enter the date as YYYY-MM-DD.")) : NULL;
  if (!cp_date_is_valid (iso))
    return g_strdup (_("Write the date as YYYY-MM-DD, for example 2026-12-03."));
  if (not_after != NULL && strcmp (iso, not_after) > 0)
    return g_strdup (_("A review cannot be dated in the future."));
  if (not_before != NULL && strcmp (iso, not_before) < 0)
    return g_strdup (_("The next review cannot come before this one."));
  *out_iso = g_steal_pointer (&iso);

  return NULL;
}

void
cp_review_ui_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}
