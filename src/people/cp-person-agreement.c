/* cp-person-agreement.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-agreement"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-autosave.h"
#include "ui/cp-toaster.h"
#include "ui/cp-date-row.h"
#include "cp-person-agreement.h"
#include "cp-person-watch.h"

struct _CpPersonAgreement
{
  GtkWidget    parent_instance;

  CpStore     *store;
  CpPerson    *person;
  gulong       notify_id;
  gboolean     loading;
  guint        sharing_timeout;
  guint        needs_timeout;

  GtkWidget   *box;
  CpDateRow   *agreed_on_row;
  CpDateRow   *keep_agreed_on_row;
  AdwEntryRow *sharing_row;
  GtkSwitch   *large_print_switch;
  GtkSwitch   *easy_read_switch;
  GtkSwitch   *interpreter_switch;
  AdwEntryRow *language_row;
  AdwEntryRow *other_row;
};

G_DEFINE_FINAL_TYPE (CpPersonAgreement, cp_person_agreement, GTK_TYPE_WIDGET)

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
load (CpPersonAgreement *self)
{
  CpCommunicationNeeds needs = 0;

  self->loading = TRUE;
  if (self->person != NULL)
    needs = cp_person_get_communication_needs (self->person);
  cp_date_row_set_date (self->agreed_on_row,
                        self->person ? cp_person_get_agreed_on (self->person) : NULL);
  cp_date_row_set_date (self->keep_agreed_on_row,
                        self->person ? cp_person_get_keep_agreed_on (self->person) : NULL);
  if (self->sharing_timeout == 0)
    set_text (self->sharing_row, self->person ? cp_person_get_sharing (self->person) : NULL);
  gtk_switch_set_active (self->large_print_switch, needs & CP_COMMUNICATION_LARGE_PRINT);
  gtk_switch_set_active (self->easy_read_switch, needs & CP_COMMUNICATION_EASY_READ);
  gtk_switch_set_active (self->interpreter_switch, needs & CP_COMMUNICATION_INTERPRETER);
  if (self->needs_timeout == 0)
    {
      set_text (self->language_row,
                self->person ? cp_person_get_interpreter_language (self->person) : NULL);
      set_text (self->other_row,
                self->person ? cp_person_get_communication_other (self->person) : NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->language_row),
                          gtk_switch_get_active (self->interpreter_switch));
  self->loading = FALSE;
}

static void
report (CpPersonAgreement *self,
        GError            *error)
{
  cp_toaster_report_error (GTK_WIDGET (self), error);
  load (self);
}

static void
save_sharing (gpointer data)
{
  CpPersonAgreement *self = data;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->sharing_row));

  g_clear_handle_id (&self->sharing_timeout, g_source_remove);
  if (self->person == NULL || g_strcmp0 (text, cp_person_get_sharing (self->person)) == 0)
    return;
  if (!cp_store_set_person_sharing (self->store, cp_person_get_id (self->person), text, &error))
    report (self, error);
}

static void
save_needs (gpointer data)
{
  CpPersonAgreement *self = data;
  g_autoptr(GError) error = NULL;
  CpCommunicationNeeds needs = 0;

  g_clear_handle_id (&self->needs_timeout, g_source_remove);
  if (self->person == NULL)
    return;
  if (gtk_switch_get_active (self->large_print_switch))
    needs |= CP_COMMUNICATION_LARGE_PRINT;
  if (gtk_switch_get_active (self->easy_read_switch))
    needs |= CP_COMMUNICATION_EASY_READ;
  if (gtk_switch_get_active (self->interpreter_switch))
    needs |= CP_COMMUNICATION_INTERPRETER;
  if (needs == cp_person_get_communication_needs (self->person)
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->language_row)),
                    cp_person_get_interpreter_language (self->person) ?: "") == 0
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->other_row)),
                    cp_person_get_communication_other (self->person)) == 0)
    return;
  if (!cp_store_set_person_communication (self->store, cp_person_get_id (self->person), needs,
                                          gtk_editable_get_text (GTK_EDITABLE (self->language_row)),
                                          gtk_editable_get_text (GTK_EDITABLE (self->other_row)),
                                          &error))
    report (self, error);
}

static void
sharing_changed_cb (GtkEditable       *editable,
                    CpPersonAgreement *self)
{
  if (!self->loading)
    cp_autosave_restart (&self->sharing_timeout, save_sharing, self);
}

static void
text_changed_cb (GtkEditable       *editable,
                 CpPersonAgreement *self)
{
  if (!self->loading)
    cp_autosave_restart (&self->needs_timeout, save_needs, self);
}

static void
needs_changed_cb (GtkSwitch         *sw,
                  GParamSpec        *pspec,
                  CpPersonAgreement *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->language_row),
                          gtk_switch_get_active (self->interpreter_switch));
  if (!self->loading)
    save_needs (self);
}

static void
save_date (CpPersonAgreement *self,
           gboolean           keep)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->person == NULL)
    return;
  if (keep)
    ok = cp_store_set_person_keep_agreed_on (self->store, cp_person_get_id (self->person),
                                             cp_date_row_get_date (self->keep_agreed_on_row),
                                             &error);
  else
    ok = cp_store_set_person_agreed_on (self->store, cp_person_get_id (self->person),
                                        cp_date_row_get_date (self->agreed_on_row), &error);
  if (!ok)
    report (self, error);
}

static void
agreed_on_chosen_cb (CpDateRow         *row,
                     CpPersonAgreement *self)
{
  save_date (self, FALSE);
}

static void
keep_agreed_on_chosen_cb (CpDateRow         *row,
                          CpPersonAgreement *self)
{
  save_date (self, TRUE);
}

void
cp_person_agreement_flush (CpPersonAgreement *self)
{
  g_return_if_fail (CP_IS_PERSON_AGREEMENT (self));

  if (self->sharing_timeout != 0)
    save_sharing (self);
  if (self->needs_timeout != 0)
    save_needs (self);
}

void
cp_person_agreement_set_person (CpPersonAgreement *self,
                                CpPerson          *person)
{
  g_return_if_fail (CP_IS_PERSON_AGREEMENT (self));

  if (self->person == person)
    return;
  cp_person_agreement_flush (self);
  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (load), self);
  load (self);
}

static void
cp_person_agreement_dispose (GObject *object)
{
  CpPersonAgreement *self = CP_PERSON_AGREEMENT (object);

  cp_person_agreement_set_person (self, NULL);
  g_clear_handle_id (&self->sharing_timeout, g_source_remove);
  g_clear_handle_id (&self->needs_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PERSON_AGREEMENT);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_person_agreement_parent_class)->dispose (object);
}

static void
cp_person_agreement_class_init (CpPersonAgreementClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cp_person_agreement_dispose;
  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-person-agreement.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, box);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, agreed_on_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, keep_agreed_on_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, sharing_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, easy_read_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, language_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonAgreement, other_row);
  gtk_widget_class_bind_template_callback (widget_class, agreed_on_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_agreed_on_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, sharing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, needs_changed_cb);
}

static void
cp_person_agreement_init (CpPersonAgreement *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->sharing_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->language_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->other_row), FALSE);
}

GtkWidget *
cp_person_agreement_new (CpStore *store)
{
  CpPersonAgreement *self = g_object_new (CP_TYPE_PERSON_AGREEMENT, NULL);

  self->store = g_object_ref (store);
  gtk_widget_set_sensitive (self->box, !cp_store_get_read_only (store));
  return GTK_WIDGET (self);
}
