/* cp-person-editor.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-person-editor"

#include <glib/gi18n.h>

#include "ui/cp-a11y.h"
#include "ui/cp-autosave.h"
#include "ui/cp-toaster.h"
#include "ui/cp-date-row.h"
#include "cp-person-agreement.h"
#include "cp-person-disclosures.h"
#include "cp-person-editor.h"
#include "ui/cp-person-summary.h"
#include "cp-person-watch.h"
#include "store/cp-store-reviews.h"
#include "util/cp-date.h"

struct _CpPersonEditor
{
  GtkWidget       parent_instance;

  CpStore        *store;
  CpPerson       *person;
  gulong          notify_id;
  gboolean        loading;
  guint           name_timeout;
  guint           case_ref_timeout;
  guint           notes_timeout;

  /* template */
  GtkWidget      *scroller;
  GtkLabel       *heading_label;
  GtkLabel       *summary_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *case_ref_row;
  AdwComboRow    *status_row;
  AdwComboRow    *pause_reason_row;
  CpDateRow      *closed_on_row;
  CpDateRow      *next_review_row;
  CpDateRow      *check_in_row;
  AdwComboRow    *focus_row;
  GtkTextView    *notes_view;
  GtkWidget      *notes_placeholder;
  GtkBox         *agreement_slot;
  GtkBox         *given_slot;

  GtkWidget      *agreement;
  GtkWidget      *given;
};

G_DEFINE_FINAL_TYPE (CpPersonEditor, cp_person_editor, GTK_TYPE_WIDGET)

/* Combo row order of the pause reasons. */
static const CpPauseReason pause_reasons[] = {
  CP_PAUSE_REASON_CHOICE, CP_PAUSE_REASON_HOSPITAL, CP_PAUSE_REASON_CRISIS,
};

static guint
pause_reason_index (CpPauseReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (pause_reasons); i++)
    if (pause_reasons[i] == reason)
      return i;
  return 0;
}

/* ---- From the model ------------------------------------------------------------------- */

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
update_visibility (CpPersonEditor *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);

  gtk_widget_set_visible (GTK_WIDGET (self->pause_reason_row), status == CP_PERSON_STATUS_PAUSED);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_on_row), status == CP_PERSON_STATUS_CLOSED);
  gtk_widget_set_visible (GTK_WIDGET (self->check_in_row), status == CP_PERSON_STATUS_PAUSED);
}

static void
load (CpPersonEditor *self)
{
  g_autofree char *today = cp_date_today ();
  g_autofree char *summary = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;

  if (self->person == NULL)
    return;

  self->loading = TRUE;
  gtk_label_set_label (self->heading_label, cp_person_get_name (self->person));
  summary = cp_person_dup_summary (self->person, today);
  gtk_label_set_label (self->summary_label, summary);
  if (cp_person_is_overdue (self->person, today))
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");

  /* A field the user is typing in keeps what they typed. */
  if (self->name_timeout == 0)
    set_editable_text (GTK_EDITABLE (self->name_row), cp_person_get_name (self->person));
  if (self->case_ref_timeout == 0)
    set_editable_text (GTK_EDITABLE (self->case_ref_row), cp_person_get_case_ref (self->person));
  adw_combo_row_set_selected (self->status_row, cp_person_get_status (self->person));
  adw_combo_row_set_selected (self->pause_reason_row,
                              pause_reason_index (cp_person_get_pause_reason (self->person)));
  cp_date_row_set_date (self->closed_on_row, cp_person_get_closed_on (self->person));
  cp_date_row_set_date (self->next_review_row, cp_person_get_next_review (self->person));
  cp_date_row_set_date (self->check_in_row, cp_person_get_check_in_on (self->person));
  adw_combo_row_set_selected (self->focus_row, cp_person_get_focus (self->person));

  if (self->notes_timeout == 0)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (notes, cp_person_get_notes (self->person)) != 0)
        gtk_text_buffer_set_text (buffer, cp_person_get_notes (self->person), -1);
    }
  gtk_widget_set_visible (self->notes_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  update_visibility (self);
  self->loading = FALSE;
}

/* ---- To the store --------------------------------------------------------------------- */

static void
report (CpPersonEditor *self,
        GError         *error)
{
  cp_toaster_report_error (GTK_WIDGET (self), error);
  /* Show the last committed state again. */
  load (self);
}

static void
save_name (gpointer data)
{
  CpPersonEditor *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->name_timeout, g_source_remove);
  if (self->person == NULL || g_strcmp0 (name, cp_person_get_name (self->person)) == 0)
    return;
  if (name[0] == '\0')
    {
      /* Nothing is saved until there is a name again. */
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (!cp_store_rename_person (self->store, cp_person_get_id (self->person), name, &error))
    report (self, error);
}

static void
save_case_ref (gpointer data)
{
  CpPersonEditor *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->case_ref_row));
  g_autofree char *ref = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->case_ref_timeout, g_source_remove);
  if (self->person == NULL
      || g_strcmp0 (ref, cp_person_get_case_ref (self->person) ?: "") == 0)
    return;
  if (!cp_store_set_person_case_ref (self->store, cp_person_get_id (self->person), ref, &error))
    report (self, error);
}

static void
save_notes (gpointer data)
{
  CpPersonEditor *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->person == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (notes, cp_person_get_notes (self->person)) == 0)
    return;
  if (!cp_store_set_person_notes (self->store, cp_person_get_id (self->person), notes, &error))
    report (self, error);
}

static void
name_changed_cb (GtkEditable    *editable,
                 CpPersonEditor *self)
{
  if (!self->loading)
    cp_autosave_restart (&self->name_timeout, save_name, self);
}

static void
case_ref_changed_cb (GtkEditable    *editable,
                     CpPersonEditor *self)
{
  if (!self->loading)
    cp_autosave_restart (&self->case_ref_timeout, save_case_ref, self);
}

static void
notes_changed_cb (GtkTextBuffer  *buffer,
                  CpPersonEditor *self)
{
  gtk_widget_set_visible (self->notes_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  if (!self->loading)
    cp_autosave_restart (&self->notes_timeout, save_notes, self);
}

static void
save_status (CpPersonEditor *self)
{
  CpPersonStatus status = adw_combo_row_get_selected (self->status_row);
  CpPauseReason reason = CP_PAUSE_REASON_NONE;
  const char *closed_on = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->person == NULL)
    return;
  if (status == CP_PERSON_STATUS_PAUSED)
    reason = pause_reasons[MIN (adw_combo_row_get_selected (self->pause_reason_row),
                                G_N_ELEMENTS (pause_reasons) - 1)];
  if (status == CP_PERSON_STATUS_CLOSED
      && cp_person_get_status (self->person) == CP_PERSON_STATUS_CLOSED)
    closed_on = cp_date_row_get_date (self->closed_on_row);
  if (status == cp_person_get_status (self->person)
      && reason == cp_person_get_pause_reason (self->person)
      && g_strcmp0 (closed_on, cp_person_get_closed_on (self->person)) == 0)
    return;
  if (!cp_store_set_person_status (self->store, cp_person_get_id (self->person),
                                   status, reason, closed_on, &error))
    report (self, error);
}

static void
status_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    CpPersonEditor *self)
{
  update_visibility (self);
  save_status (self);
}

static void
pause_reason_selected_cb (AdwComboRow    *row,
                          GParamSpec     *pspec,
                          CpPersonEditor *self)
{
  save_status (self);
}

static void
closed_on_chosen_cb (CpDateRow      *row,
                     CpPersonEditor *self)
{
  save_status (self);
}

static void
next_review_chosen_cb (CpDateRow      *row,
                       CpPersonEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->person != NULL
      && !cp_store_set_person_next_review (self->store, cp_person_get_id (self->person),
                                           cp_date_row_get_date (row), &error))
    report (self, error);
}

static void
check_in_chosen_cb (CpDateRow      *row,
                    CpPersonEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->person != NULL && !self->loading
      && !cp_store_set_person_check_in_on (self->store, cp_person_get_id (self->person),
                                           cp_date_row_get_date (row), &error))
    report (self, error);
}

static void
focus_selected_cb (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   CpPersonEditor *self)
{
  g_autoptr(GError) error = NULL;
  CpFocus focus = adw_combo_row_get_selected (row);

  if (self->loading || self->person == NULL || focus == cp_person_get_focus (self->person))
    return;
  if (!cp_store_set_person_focus (self->store, cp_person_get_id (self->person), focus, &error))
    report (self, error);
}

/* ---- Public --------------------------------------------------------------------------- */

void
cp_person_editor_flush (CpPersonEditor *self)
{
  g_return_if_fail (CP_IS_PERSON_EDITOR (self));

  if (self->name_timeout != 0)
    save_name (self);
  if (self->case_ref_timeout != 0)
    save_case_ref (self);
  if (self->notes_timeout != 0)
    save_notes (self);
  if (self->agreement != NULL)
    cp_person_agreement_flush (CP_PERSON_AGREEMENT (self->agreement));
}

void
cp_person_editor_set_person (CpPersonEditor *self,
                             CpPerson       *person)
{
  g_return_if_fail (CP_IS_PERSON_EDITOR (self));

  if (self->person == person)
    return;

  cp_person_editor_flush (self);
  if (self->agreement != NULL)
    cp_person_agreement_set_person (CP_PERSON_AGREEMENT (self->agreement), person);
  if (self->given != NULL)
    cp_person_disclosures_set_person (CP_PERSON_DISCLOSURES (self->given), person);
  cp_person_watch (&self->person, &self->notify_id, person, G_CALLBACK (load), self);
  if (person == NULL)
    {
      /* Nothing of the last person stays behind in the widgets. */
      self->loading = TRUE;
      gtk_label_set_label (self->heading_label, "");
      gtk_label_set_label (self->summary_label, "");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->case_ref_row), "");
      cp_date_row_set_date (self->closed_on_row, NULL);
      cp_date_row_set_date (self->next_review_row, NULL);
      cp_date_row_set_date (self->check_in_row, NULL);
      adw_combo_row_set_selected (self->focus_row, CP_FOCUS_NONE);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
      self->loading = FALSE;
    }
  else
    {
      load (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                  GTK_SCROLLED_WINDOW (self->scroller)), 0);
    }
}

CpPerson *
cp_person_editor_get_person (CpPersonEditor *self)
{
  g_return_val_if_fail (CP_IS_PERSON_EDITOR (self), NULL);
  return self->person;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
cp_person_editor_dispose (GObject *object)
{
  CpPersonEditor *self = CP_PERSON_EDITOR (object);

  cp_person_editor_set_person (self, NULL);
  g_clear_handle_id (&self->name_timeout, g_source_remove);
  g_clear_handle_id (&self->case_ref_timeout, g_source_remove);
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CP_TYPE_PERSON_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cp_person_editor_parent_class)->dispose (object);
}

static void
cp_person_editor_class_init (CpPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cp_person_editor_dispose;

  g_type_ensure (CP_TYPE_DATE_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cp-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, case_ref_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, pause_reason_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, closed_on_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, next_review_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, check_in_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, focus_row);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, notes_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, agreement_slot);
  gtk_widget_class_bind_template_child (widget_class, CpPersonEditor, given_slot);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_ref_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, pause_reason_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, closed_on_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_review_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_in_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_selected_cb);
}

static void
cp_person_editor_init (CpPersonEditor *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  cp_a11y_fix_names (GTK_WIDGET (self));

  /* One undo mechanism for everything: the store's (Ctrl+Z reaches the window). */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->case_ref_row), FALSE);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (notes_changed_cb), self);
}

GtkWidget *
cp_person_editor_new (CpStore *store)
{
  CpPersonEditor *self = g_object_new (CP_TYPE_PERSON_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->agreement = cp_person_agreement_new (store);
  gtk_box_append (self->agreement_slot, self->agreement);
  self->given = cp_person_disclosures_new (store);
  gtk_box_append (self->given_slot, self->given);
  if (cp_store_get_read_only (store))
    {
      /* Shown, not editable: the fields stay readable and the page still scrolls. */
      gtk_editable_set_editable (GTK_EDITABLE (self->name_row), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->case_ref_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->pause_reason_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->closed_on_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->next_review_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->check_in_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->focus_row), FALSE);
      gtk_text_view_set_editable (self->notes_view, FALSE);
    }
  return GTK_WIDGET (self);
}
