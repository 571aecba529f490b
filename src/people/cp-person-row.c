/* cp-person-row.c: a caseload list row
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-row"

#include <glib/gi18n.h>

#include "cp-person-row.h"
#include "ui/cp-person-summary.h"
#include "cp-person-watch.h"
#include "ui/cp-a11y.h"
#include "util/cp-date.h"

struct _CpPersonRow
{
  GtkWidget  parent_instance;

  CpPerson  *person;
  gulong     notify_id;

  GtkWidget *box;
  GtkWidget *name_label;
  GtkWidget *summary_label;
  GtkWidget *check_in_label;
  GtkWidget *flag;
};

G_DEFINE_FINAL_TYPE (CpPersonRow, cp_person_row, GTK_TYPE_WIDGET)

static void
update (CpPersonRow *self)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *summary = NULL;
  g_autofree char *check_in = NULL;
  gboolean flagged;
  g_autofree char *spoken = NULL;

  if (self->person == NULL)
    return;

  summary = cp_person_dup_summary (self->person, today);
  check_in = cp_person_dup_check_in (self->person, today);
  flagged = cp_person_needs_attention (self->person, today);
  /* The row, not its labels, is what a screen reader lands on: it says them all. */
  spoken = g_strjoin (", ", cp_person_get_name (self->person), summary, check_in, NULL);
  cp_a11y_label_list_item (GTK_WIDGET (self), spoken);
  gtk_label_set_label (GTK_LABEL (self->name_label), cp_person_get_name (self->person));
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  gtk_label_set_label (GTK_LABEL (self->check_in_label), check_in ? check_in : "");
  gtk_widget_set_visible (self->check_in_label, check_in != NULL);
  /* Overdue, or a paused person's check-in passed or missing: red words and a flag, so
   * colour is not the only sign. */
  gtk_widget_set_visible (self->flag, flagged);
  if (flagged)
    {
      gtk_widget_add_css_class (self->summary_label, "error");
      gtk_widget_add_css_class (self->check_in_label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->summary_label, "error");
      gtk_widget_remove_css_class (self->check_in_label, "error");
    }
  if (cp_person_get_status (self->person) == CP_PERSON_STATUS_ACTIVE)
    gtk_widget_remove_css_class (self->name_label, "dim-label");
  else
    gtk_widget_add_css_class (self->name_label, "dim-label");
}

void
cp_person_row_set_person (CpPersonRow *self,
                          CpPerson    *person)
{
  g_return_if_fail (CP_IS_PERSON_ROW (self));

  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (update), self);
  update (self);
}

static void
cp_person_row_dispose (GObject *object)
{
  CpPersonRow *self = CP_PERSON_ROW (object);

  cp_person_row_set_person (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (cp_person_row_parent_class)->dispose (object);
}

static void
cp_person_row_class_init (CpPersonRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cp_person_row_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

gboolean
cp_person_row_get_flagged (CpPersonRow *self)
{
  g_return_val_if_fail (CP_IS_PERSON_ROW (self), FALSE);

  return gtk_widget_get_visible (self->flag);
}

static GtkWidget *
caption (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
cp_person_row_init (CpPersonRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  self->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->name_label, "heading");
  self->summary_label = caption ();
  self->check_in_label = caption ();
  gtk_widget_set_visible (self->check_in_label, FALSE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), self->name_label);
  gtk_box_append (GTK_BOX (texts), self->summary_label);
  gtk_box_append (GTK_BOX (texts), self->check_in_label);
  gtk_box_append (GTK_BOX (self->box), texts);
  self->flag = cp_a11y_decorative_image_new ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->flag, "error");
  gtk_widget_set_valign (self->flag, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->flag, _("Needs seeing to: a review or check-in is due"));
  gtk_widget_set_visible (self->flag, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->flag);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
cp_person_row_new (void)
{
  return g_object_new (CP_TYPE_PERSON_ROW, NULL);
}
