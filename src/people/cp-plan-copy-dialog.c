/* cp-plan-copy-dialog.c: "Person's Copy of the Plan…": which copy, in which format, where
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-plan-copy-dialog"

#include <glib/gi18n.h>

#include "cp-plan-copy-dialog.h"
#include "export/cp-export-plan.h"
#include "ui/cp-a11y.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-export-job.h"
#include "ui/cp-toaster.h"

struct _CpPlanCopyDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *from;          /* weak: the page that asked */
  CpStore          *store;
  CpPerson         *person;
  gboolean          goal_scaling;

  GtkCheckButton   *person_check;
  GtkCheckButton   *practitioner_check;
  GtkWidget        *person_group;
  GtkSwitch        *large_print_switch;
  GtkSwitch        *easy_read_switch;
  GtkSwitch        *discreet_switch;
  GtkSwitch        *scores_switch;
  GtkLabel         *never_label;
};

G_DEFINE_FINAL_TYPE (CpPlanCopyDialog, cp_plan_copy_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ---- What was asked for ------------------------------------------------------------------ */

/* The copy the dialog says, waiting for its file: it outlives the dialog. */
typedef struct
{
  CpStore              *store;
  gint64                person_id;
  CpPlanExportOptions   options;
  char                 *team_phone;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_object_unref (request->store);
  g_free (request->team_phone);
  g_free (request);
}

static Request *
request_new (CpPlanCopyDialog *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gboolean person_copy = gtk_check_button_get_active (self->person_check);
  Request *request = g_new0 (Request, 1);

  request->store = g_object_ref (self->store);
  request->person_id = cp_person_get_id (self->person);
  request->team_phone = g_settings_get_string (settings, "team-phone");
  cp_plan_export_options_init (&request->options,
                               person_copy ? CP_PLAN_COPY_PERSON : CP_PLAN_COPY_PRACTITIONER,
                               self->person);
  if (person_copy)
    {
      request->options.large_print = gtk_switch_get_active (self->large_print_switch);
      request->options.easy_read = gtk_switch_get_active (self->easy_read_switch);
      request->options.discreet = gtk_switch_get_active (self->discreet_switch);
      request->options.include_scores = gtk_switch_get_active (self->scores_switch);
    }
  request->options.goal_scaling = self->goal_scaling;
  request->options.team_phone = request->team_phone;
  return request;
}

/* ---- Writing it, in a worker ----------------------------------------------------------------- */

static const CpExportJobFuncs plan_job = {
  .stage = (gboolean (*) (gpointer, const char *, GError **)) cp_plan_export_stage,
  .publish = (gboolean (*) (gpointer, CpStore *, GError **)) cp_plan_export_publish,
  .free = (GDestroyNotify) cp_plan_export_free,
};

static void
write_copy (GtkWidget *from,
            Request   *request,
            GFile     *file)
{
  g_autoptr(GError) error = NULL;
  CpPlanExport *export;

  /* An existing name was already asked about ("Replace?") by the chooser. */
  request->options.replace = cp_file_dialog_replace_confirmed (file);
  export = cp_plan_export_new (request->store, request->person_id, &request->options, &error);
  if (export == NULL)
    {
      cp_toaster_report_error (from, error);
      return;
    }
  cp_export_job_run (from, request->store, export, &plan_job, file, _("Writing the plan…"));
}

static void
file_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  write_copy (GTK_WIDGET (owner), user_data, file);
}

static void
ask_for_file (CpPlanCopyDialog *self)
{
  Request *request = request_new (self);
  g_autofree char *name = cp_export_plan_file_name (self->person, request->options.copy);
  gboolean person_copy = request->options.copy == CP_PLAN_COPY_PERSON;
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = person_copy ? _("Save the Person’s Copy") : _("Save the Practitioner’s Plan"),
    .accept_label = _("_Save"),
    .suggested_name = name,
    .kind = CP_FILE_KIND_PDF,
  };

  cp_file_dialog_show (self->from, NULL, &options, file_chosen_cb, request, request_free);
}

void
cp_plan_copy_dialog_save_to (CpPlanCopyDialog *self,
                             GFile            *file)
{
  Request *request;

  g_return_if_fail (CP_IS_PLAN_COPY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  request = request_new (self);
  if (self->from != NULL)
    write_copy (self->from, request, file);
  request_free (request);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- The dialog -------------------------------------------------------------------------- */

static void
cp_plan_copy_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  CpPlanCopyDialog *self = CP_PLAN_COPY_DIALOG (dialog);
  AdwMessageDialogClass *parent = ADW_MESSAGE_DIALOG_CLASS (cp_plan_copy_dialog_parent_class);

  if (parent->response != NULL)
    parent->response (dialog, response);
  if (g_strcmp0 (response, "save") == 0 && self->from != NULL)
    ask_for_file (self);
}

static void
copy_toggled_cb (GtkCheckButton   *check,
                 CpPlanCopyDialog *self)
{
  gboolean person_copy = gtk_check_button_get_active (self->person_check);

  gtk_widget_set_visible (self->person_group, person_copy);
  gtk_label_set_label (self->never_label,
                       person_copy
                       ? _("Their copy never shows a status, the focus of the work, “hard "
                           "going” or a caution flag, and no score unless included above.")
                       : _("The full plan holds every field, the rating history and the "
                           "reviews. It is for the team, and is logged as an identifiable "
                           "export."));
}

static GtkSwitch *
add_switch (GtkWidget  *group,
            const char *title,
            const char *subtitle,
            gboolean    active)
{
  GtkWidget *widget = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (widget), active);
  cp_dialog_add_choice_row (group, title, subtitle, widget, FALSE);
  return GTK_SWITCH (widget);
}

static void
build (CpPlanCopyDialog *self)
{
  CpPlanExportOptions preset;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *which = adw_preferences_group_new ();
  GtkWidget *scroller;

  cp_plan_export_options_init (&preset, CP_PLAN_COPY_PERSON, self->person);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (which), _("Which Copy"));
  self->person_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  self->practitioner_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_group (self->practitioner_check, self->person_check);
  gtk_check_button_set_active (self->person_check, TRUE);
  cp_dialog_add_choice_row (which, _("_Their own copy"),
                            _("Their goals in their words, to keep"),
                            GTK_WIDGET (self->person_check), TRUE);
  cp_dialog_add_choice_row (which, _("The _practitioner’s full plan"),
                            _("Everything, with the rating history"),
                            GTK_WIDGET (self->practitioner_check), TRUE);
  gtk_box_append (GTK_BOX (box), which);

  self->person_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->person_group),
                                   _("Their Copy"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->person_group),
                                         _("Set from their communication needs"));
  self->large_print_switch = add_switch (self->person_group, _("_Large print"), NULL,
                                         preset.large_print);
  self->easy_read_switch = add_switch (self->person_group, _("_Easy read"),
                                       _("Short lines, one idea a line, a symbol for each "
                                         "area of life"), preset.easy_read);
  self->discreet_switch = add_switch (self->person_group, _("_Discreet copy"),
                                      _("No mental health team heading"), FALSE);
  self->scores_switch = add_switch (self->person_group, _("_Include how the goals are going"),
                                    self->goal_scaling
                                    ? _("The latest rating of each goal in words, and the "
                                        "score at the last review")
                                    : _("The latest rating of each goal, in words"), FALSE);
  gtk_box_append (GTK_BOX (box), self->person_group);

  self->never_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->never_label, TRUE);
  gtk_label_set_xalign (self->never_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->never_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->never_label));

  g_signal_connect (self->person_check, "toggled", G_CALLBACK (copy_toggled_cb), self);
  copy_toggled_cb (self->person_check, self);
  /* On a small screen the choices scroll; the question and the buttons stay. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 460);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scroller);
  /* Named by its heading; the response buttons say their words once. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (self)),
                                  -1);
  cp_a11y_fix_names (GTK_WIDGET (self));
}

static void
cp_plan_copy_dialog_dispose (GObject *object)
{
  CpPlanCopyDialog *self = CP_PLAN_COPY_DIALOG (object);

  g_clear_weak_pointer (&self->from);
  g_clear_object (&self->store);
  g_clear_object (&self->person);
  G_OBJECT_CLASS (cp_plan_copy_dialog_parent_class)->dispose (object);
}

static void
cp_plan_copy_dialog_class_init (CpPlanCopyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cp_plan_copy_dialog_dispose;
  dialog_class->response = cp_plan_copy_dialog_response;
}

static void
cp_plan_copy_dialog_init (CpPlanCopyDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  adw_message_dialog_set_heading (dialog, _("Person’s Copy of the Plan"));
  adw_message_dialog_set_body (dialog, _("A PDF to print or to give to them. Each copy made "
                                         "is logged on their Details tab."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
}

CpPlanCopyDialog *
cp_plan_copy_dialog_present (GtkWidget *from,
                             CpStore   *store,
                             CpPerson  *person)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CpPlanCopyDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (CP_IS_STORE (store), NULL);
  g_return_val_if_fail (CP_IS_PERSON (person), NULL);

  root = gtk_widget_get_root (from);
  self = g_object_new (CP_TYPE_PLAN_COPY_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "modal", TRUE,
                       NULL);
  g_set_weak_pointer (&self->from, from);
  self->store = g_object_ref (store);
  self->person = g_object_ref (person);
  self->goal_scaling = g_settings_get_boolean (settings, "goal-scaling");
  build (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
