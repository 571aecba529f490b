/* cp-supervision-sessions-dialog.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-supervision"

#include <glib/gi18n.h>

#include "cp-supervision-sessions-dialog.h"
#include "cp-supervision-sessions.h"
#include "goals/cp-goal-form.h"
#include "store/cp-person.h"
#include "store/cp-store-supervision.h"
#include "ui/cp-a11y.h"
#include "ui/cp-date-row.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-first-rows.h"
#include "ui/cp-toaster.h"
#include "util/cp-date.h"

struct _CpSupervisionSessionsDialog
{
  AdwWindow    parent_instance;

  CpStore     *store;
  GHashTable  *chosen;        /* person ids (gint64 *) ticked */

  GtkScrolledWindow *scroll;

  CpDateRow   *day_row;
  GtkWidget   *day_message_row;
  GtkLabel    *day_message;
  AdwEntryRow *attended_row;
  GtkListBox  *people_list;
  GtkLabel    *people_message;
};

G_DEFINE_FINAL_TYPE (CpSupervisionSessionsDialog, cp_supervision_sessions_dialog,
                     ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* People's rows made at a time. */
#define PEOPLE_STEP 50

static void
record_cb (CpSupervisionSessionsDialog *self)
{
  g_autoptr(GArray) chosen = cp_dialog_ticked_people (self->chosen,
                                                      cp_store_get_people (self->store));
  g_autoptr(GError) error = NULL;
  g_autofree char *attended = cp_goal_form_dup_text (GTK_EDITABLE (self->attended_row));
  g_autofree char *uuid = NULL;

  cp_goal_form_set_message (GTK_WIDGET (self->day_row), self->day_message_row,
                            self->day_message, NULL);
  cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message, NULL);

  /* The store says what is missing: no one chosen, no day. */
  uuid = cp_store_add_supervision_session (self->store, cp_date_row_get_date (self->day_row),
                                           attended, (const gint64 *) chosen->data, chosen->len,
                                           &error);
  if (uuid == NULL)
    {
      if (!g_error_matches (error, CP_STORE_ERROR, CP_STORE_ERROR_CONSTRAINT))
        cp_toaster_report_error (GTK_WIDGET (self), error);
      else if (chosen->len == 0)
        {
          GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->people_list, 0);

          cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message,
                                      error->message);
          if (first != NULL)
            gtk_widget_grab_focus (
              adw_action_row_get_activatable_widget (ADW_ACTION_ROW (first)));
        }
      else
        cp_goal_form_set_message (GTK_WIDGET (self->day_row), self->day_message_row,
                                  self->day_message, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, uuid);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
check_toggled_cb (CpSupervisionSessionsDialog *self)
{
  cp_supervision_set_message (GTK_WIDGET (self->people_list), self->people_message, NULL);
}

static GtkWidget *
person_row_new (gpointer item,
                gpointer user_data)
{
  CpSupervisionSessionsDialog *self = user_data;
  gint64 id = cp_person_get_id (item);
  g_autofree char *label = cp_supervision_person_label (self->store, id);
  g_autofree char *name = g_strdup_printf ("person-%" G_GINT64_FORMAT, id);
  GtkWidget *check = cp_dialog_tick_new (self->chosen, id);
  GtkWidget *row = cp_dialog_choice_row_new (label, NULL, check, TRUE);

  /* The check is named by the row's title (the row labels its activatable widget): a
   * label of its own would be read twice. */
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  if (cp_person_get_status (item) == CP_PERSON_STATUS_PAUSED)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Paused"));
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  return row;
}

/* The active and paused people, a few screens of rows at a time (cp-first-rows.c): a
 * workspace of thousands would otherwise make thousands of rows before the dialog shows.
 * Who is ticked is kept apart from the rows. */
static void
fill_people (CpSupervisionSessionsDialog *self)
{
  g_autoptr(GtkSliceListModel) rows =
    cp_first_rows_new_growing (cp_dialog_open_people (cp_store_get_people (self->store)),
                               self->scroll, PEOPLE_STEP);
  GtkWidget *none = gtk_label_new (_("No one on the caseload is active or paused."));

  gtk_widget_add_css_class (none, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (none), TRUE);
  gtk_widget_set_margin_top (none, 12);
  gtk_widget_set_margin_bottom (none, 12);
  gtk_widget_set_margin_start (none, 12);
  gtk_widget_set_margin_end (none, 12);
  gtk_list_box_set_placeholder (self->people_list, none);
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (rows), person_row_new, self, NULL);
}

static void
cp_supervision_sessions_dialog_dispose (GObject *object)
{
  CpSupervisionSessionsDialog *self = CP_SUPERVISION_SESSIONS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_SUPERVISION_SESSIONS_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  G_OBJECT_CLASS (cp_supervision_sessions_dialog_parent_class)->dispose (object);
}

static void
cp_supervision_sessions_dialog_class_init (CpSupervisionSessionsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_supervision_sessions_dialog_dispose;

  /* The session was made: its UUID. */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/cp-supervision-sessions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog,
                                        day_message_row);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog, day_message);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog, attended_row);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog, scroll);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, CpSupervisionSessionsDialog,
                                        people_message);
  gtk_widget_class_bind_template_callback (widget_class, record_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cp_supervision_sessions_dialog_init (CpSupervisionSessionsDialog *self)
{
  g_autofree char *today = cp_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = cp_dialog_ticks_new ();
  cp_date_row_set_date (self->day_row, today);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->attended_row), FALSE);
}

CpSupervisionSessionsDialog *
cp_supervision_sessions_dialog_new (CpStore   *store,
                                    GtkWindow *parent)
{
  CpSupervisionSessionsDialog *self;

  g_return_val_if_fail (CP_IS_STORE (store), NULL);

  self = g_object_new (CP_TYPE_SUPERVISION_SESSIONS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  fill_people (self);
  cp_a11y_fix_names (GTK_WIDGET (self));

  return self;
}
