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

/* GtkListView 4.8 keeps a couple of hundred rows made, bound and measured whatever the
 * list's height, so a row is as light as it can be: its labels and flag are its own
 * children, the check-in line and the flag are made only when a row first needs them,
 * and the row lays them out itself (texts stacked, the flag centred at the end). */
#define LINE_SPACING 2
#define FLAG_SPACING 6

struct _CpPersonRow
{
  GtkWidget  parent_instance;

  CpPerson  *person;
  gulong     notify_id;

  GtkWidget *name_label;
  GtkWidget *summary_label;
  GtkWidget *check_in_label;   /* NULL until a paused person is shown */
  GtkWidget *flag;             /* NULL until a flagged person is shown */
};

G_DEFINE_FINAL_TYPE (CpPersonRow, cp_person_row, GTK_TYPE_WIDGET)

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
ensure_check_in_label (CpPersonRow *self)
{
  if (self->check_in_label != NULL)
    return;

  self->check_in_label = caption ();
  gtk_widget_insert_after (self->check_in_label, GTK_WIDGET (self), self->summary_label);
}

static void
ensure_flag (CpPersonRow *self)
{
  if (self->flag != NULL)
    return;

  self->flag = cp_a11y_decorative_image_new ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->flag, "error");
  gtk_widget_set_valign (self->flag, GTK_ALIGN_CENTER);
  /* Hidden first: GTK asks the X server where the pointer is when a shown widget gets a
   * tooltip, a round trip for each row. */
  gtk_widget_set_visible (self->flag, FALSE);
  gtk_widget_set_tooltip_text (self->flag, _("Needs seeing to: a review or check-in is due"));
  gtk_widget_set_parent (self->flag, GTK_WIDGET (self));
}

static void
set_error (GtkWidget *label,
           gboolean   error)
{
  if (label == NULL)
    return;
  if (error)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

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
  if (check_in != NULL)
    ensure_check_in_label (self);
  if (self->check_in_label != NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->check_in_label), check_in ? check_in : "");
      gtk_widget_set_visible (self->check_in_label, check_in != NULL);
    }
  /* Overdue, or a paused person's check-in passed or missing: red words and a flag, so
   * colour is not the only sign. */
  if (flagged)
    ensure_flag (self);
  if (self->flag != NULL)
    gtk_widget_set_visible (self->flag, flagged);
  set_error (self->summary_label, flagged);
  set_error (self->check_in_label, flagged);
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
  g_clear_pointer (&self->name_label, gtk_widget_unparent);
  g_clear_pointer (&self->summary_label, gtk_widget_unparent);
  g_clear_pointer (&self->check_in_label, gtk_widget_unparent);
  g_clear_pointer (&self->flag, gtk_widget_unparent);
  G_OBJECT_CLASS (cp_person_row_parent_class)->dispose (object);
}

/* The height of the shown texts, one above the other. */
static int
texts_height (CpPersonRow *self)
{
  GtkWidget *labels[] = { self->name_label, self->summary_label, self->check_in_label };
  int height = 0;
  guint shown = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int line;

      if (labels[i] == NULL || !gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, -1, &line, NULL, NULL, NULL);
      height += line + (shown++ > 0 ? LINE_SPACING : 0);
    }

  return height;
}

static void
flag_size (CpPersonRow *self,
           int         *width,
           int         *height)
{
  *width = *height = 0;
  if (self->flag == NULL || !gtk_widget_get_visible (self->flag))
    return;
  gtk_widget_measure (self->flag, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (self->flag, GTK_ORIENTATION_VERTICAL, -1, NULL, height, NULL, NULL);
}

/* The texts are one line each and ellipsize, and the list's width comes from its pane:
 * the row does not lay its texts out to learn how wide they would like to be, which
 * would be most of a list's measuring. */
static void
cp_person_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CpPersonRow *self = CP_PERSON_ROW (widget);
  int flag_width, flag_height;

  flag_size (self, &flag_width, &flag_height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = flag_width > 0 ? flag_width + FLAG_SPACING : 0;
  else
    *minimum = *natural = MAX (texts_height (self), flag_height);
}

static void
cp_person_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CpPersonRow *self = CP_PERSON_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *labels[] = { self->name_label, self->summary_label, self->check_in_label };
  int flag_width, flag_height, text_width, y = 0;

  flag_size (self, &flag_width, &flag_height);
  text_width = MAX (width - (flag_width > 0 ? flag_width + FLAG_SPACING : 0), 0);
  if (flag_width > 0)
    gtk_widget_size_allocate (self->flag,
                              &(GtkAllocation) { rtl ? 0 : width - flag_width, 0,
                                                 flag_width, height }, -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      int line;

      if (labels[i] == NULL || !gtk_widget_get_visible (labels[i]))
        continue;
      gtk_widget_measure (labels[i], GTK_ORIENTATION_VERTICAL, -1, &line, NULL, NULL, NULL);
      gtk_widget_size_allocate (labels[i],
                                &(GtkAllocation) { rtl ? width - text_width : 0, y,
                                                   text_width, line }, -1);
      y += line + LINE_SPACING;
    }
}

static void
cp_person_row_class_init (CpPersonRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_person_row_dispose;
  widget_class->measure = cp_person_row_measure;
  widget_class->size_allocate = cp_person_row_size_allocate;
}

gboolean
cp_person_row_get_flagged (CpPersonRow *self)
{
  g_return_val_if_fail (CP_IS_PERSON_ROW (self), FALSE);

  return self->flag != NULL && gtk_widget_get_visible (self->flag);
}

static void
cp_person_row_init (CpPersonRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  self->name_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->name_label, "heading");
  gtk_widget_set_parent (self->name_label, widget);
  self->summary_label = caption ();
  gtk_widget_set_parent (self->summary_label, widget);
}

GtkWidget *
cp_person_row_new (void)
{
  return g_object_new (CP_TYPE_PERSON_ROW, NULL);
}
