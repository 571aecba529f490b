/* cp-date-row.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-date-row"

#include <glib/gi18n.h>

#include "cp-date-row.h"
#include "util/cp-date.h"

struct _CpDateRow
{
  AdwActionRow  parent_instance;

  char         *date;
  gboolean      clearable;
  GtkWidget    *menu_button;
  GtkWidget    *calendar;
  GtkWidget    *clear_button;
};

G_DEFINE_FINAL_TYPE (CpDateRow, cp_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CLEARABLE,
  N_PROPS
};

enum {
  DATE_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void day_selected_cb (GtkCalendar *calendar,
                             CpDateRow   *self);

static void
update_label (CpDateRow *self)
{
  g_autofree char *text = cp_date_format_long (self->date);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->menu_button),
                             text ? text : _("Not set"));
  gtk_widget_set_sensitive (self->clear_button, self->date != NULL);
}

void
cp_date_row_set_date (CpDateRow  *self,
                      const char *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_if_fail (CP_IS_DATE_ROW (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  dt = cp_date_parse (date);
  if (dt != NULL)
    {
      g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), dt);
      g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
    }
  update_label (self);
}

const char *
cp_date_row_get_date (CpDateRow *self)
{
  g_return_val_if_fail (CP_IS_DATE_ROW (self), NULL);
  return self->date;
}

static void
choose (CpDateRow  *self,
        const char *date)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  update_label (self);
  g_signal_emit (self, signals[DATE_CHOSEN], 0);
}

static void
day_selected_cb (GtkCalendar *calendar,
                 CpDateRow   *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = cp_date_to_iso (dt);

  choose (self, iso);
}

static void
clear_clicked_cb (GtkButton *button,
                  CpDateRow *self)
{
  choose (self, NULL);
}

static void
cp_date_row_finalize (GObject *object)
{
  CpDateRow *self = CP_DATE_ROW (object);

  g_free (self->date);
  G_OBJECT_CLASS (cp_date_row_parent_class)->finalize (object);
}

static void
cp_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpDateRow *self = CP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_CLEARABLE:
      g_value_set_boolean (value, self->clearable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CpDateRow *self = CP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_CLEARABLE:
      self->clearable = g_value_get_boolean (value);
      gtk_widget_set_visible (self->clear_button, self->clearable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_date_row_class_init (CpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_date_row_finalize;
  object_class->get_property = cp_date_row_get_property;
  object_class->set_property = cp_date_row_set_property;

  properties[PROP_CLEARABLE] =
    g_param_spec_boolean ("clearable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user picked or cleared a date. */
  signals[DATE_CHOSEN] = g_signal_new ("date-chosen", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
}

static void
cp_date_row_init (CpDateRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = gtk_calendar_new ();
  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear Date"));
  gtk_box_append (GTK_BOX (box), self->calendar);
  gtk_box_append (GTK_BOX (box), self->clear_button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->menu_button, _("Choose a date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->menu_button);

  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  update_label (self);
}

GtkWidget *
cp_date_row_new (void)
{
  return g_object_new (CP_TYPE_DATE_ROW, NULL);
}
