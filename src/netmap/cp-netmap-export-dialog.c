/* cp-netmap-export-dialog.c: "Export Map…": options, the save chooser, the export in a
 * worker
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <glib/gi18n.h>

#include "cp-netmap-export-dialog.h"
#include "cp-netmap-io-dialogs-private.h"
#include "export/cp-export-network.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"

/* The choices, in the order the format list shows them */
static const struct
{
  CpNetworkFormat  format;
  const char      *label;
} formats[] = {
  { CP_NETWORK_FORMAT_PDF, N_("PDF: to print or send") },
  { CP_NETWORK_FORMAT_PNG, N_("PNG: a picture") },
  { CP_NETWORK_FORMAT_SVG, N_("SVG: a drawing that stays sharp") },
  { CP_NETWORK_FORMAT_GRAPHML, N_("GraphML: for network analysis tools") },
  { CP_NETWORK_FORMAT_CSV, N_("CSV: members and ties for spreadsheets") },
};

typedef struct
{
  GtkWidget  *parent;        /* weak */
  CpStore    *store;
  gint64      person_id;
  gint64      snapshot_id;
  AdwComboRow *format;
  GtkSwitch  *names;
  GtkSwitch  *hard_going;
  AdwActionRow *hard_going_row;
  AdwEntryRow *to_whom;
  GtkLabel   *holds;
} Choice;

typedef struct
{
  GtkWidget        *parent;  /* weak */
  CpStore          *store;
  CpNetworkExport  *export;
  CpNetworkFormat   format;
  char             *path;
  CpBusy           *busy;
  gboolean          replace;  /* the chooser asked "Replace?" and the user said yes */
} Job;

static void
choice_free (gpointer  data,
             GClosure *closure)
{
  Choice *c = data;

  g_clear_weak_pointer (&c->parent);
  g_clear_object (&c->store);
  g_free (c);
}

static void
job_free (Job *job)
{
  g_clear_weak_pointer (&job->parent);
  g_clear_object (&job->store);
  g_clear_pointer (&job->export, cp_network_export_free);
  g_clear_pointer (&job->busy, cp_busy_end);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

void
_cp_netmap_io_show_failure (GtkWidget    *parent,
                            const char   *heading,
                            const GError *error)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  if (!GTK_IS_WINDOW (root))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static CpNetworkFormat
chosen_format (Choice *c)
{
  guint i = adw_combo_row_get_selected (c->format);

  return formats[i < G_N_ELEMENTS (formats) ? i : 0].format;
}

static void
read_options (Choice                 *c,
              CpNetworkExportOptions *options)
{
  options->format = chosen_format (c);
  options->identifiable = gtk_switch_get_active (c->names);
  options->hard_going = gtk_switch_get_active (c->hard_going);
  options->to_whom = gtk_editable_get_text (GTK_EDITABLE (c->to_whom));
}

static void
update_cb (Choice *c)
{
  CpNetworkExportOptions options;
  g_autofree char *holds = NULL;
  gboolean picture;

  read_options (c, &options);
  picture = options.format != CP_NETWORK_FORMAT_GRAPHML && options.format != CP_NETWORK_FORMAT_CSV;
  gtk_widget_set_sensitive (GTK_WIDGET (c->hard_going_row), picture);
  gtk_widget_set_visible (GTK_WIDGET (c->to_whom), options.identifiable);
  holds = cp_network_export_describe (&options);
  gtk_label_set_text (c->holds, holds);
}

/* ---- the export, in a worker ------------------------------------------------------------- */

static void
stage_worker (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (cp_network_export_stage (job->export, job->path, job->replace, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
staged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&job->busy, cp_busy_end);
  /* The files appear only now, after the disclosure log has the export. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      !cp_network_export_publish (job->export, job->store, &error))
    {
      _cp_netmap_io_show_failure (job->parent, _("Map Not Exported"), error);
      return;
    }
  if (job->parent != NULL && gtk_widget_get_root (job->parent) != NULL)
    cp_toaster_add_toast (job->parent,
                          adw_toast_new (job->format == CP_NETWORK_FORMAT_CSV ?
                                         _("Map exported as two files") : _("Map exported")));
}

static void
file_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Job) started = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) paths = NULL;

  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer."));
      _cp_netmap_io_show_failure (job->parent, _("Map Not Exported"), error);
      return;
    }
  /* The chooser frees its copy of the job's data; this one goes to the worker. */
  started = g_new0 (Job, 1);
  g_set_weak_pointer (&started->parent, job->parent);
  started->store = g_object_ref (job->store);
  started->export = g_steal_pointer (&job->export);
  started->format = job->format;
  started->path = g_steal_pointer (&path);
  /* The file chooser has asked "Replace?" about a name that is there already. */
  started->replace = cp_file_dialog_replace_confirmed (file);
  started->busy = cp_toaster_begin_busy (GTK_WIDGET (owner), _("Exporting the map…"));
  /* staged_cb frees the job; the worker only borrows it */
  task = g_task_new (NULL, NULL, staged_cb, started);
  g_task_set_source_tag (task, file_chosen_cb);
  g_task_set_name (task, "[cpkit] export a network map");
  g_task_set_task_data (task, g_steal_pointer (&started), NULL);
  g_task_run_in_thread (task, stage_worker);
}

static void
choose_file (Choice *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Job) job = NULL;
  g_autofree char *name = NULL;
  CpNetworkExportOptions options;
  CpFileDialog dialog = {
    .action = GTK_FILE_CHOOSER_ACTION_SAVE,
    .title = _("Export Map"),
    .accept_label = _("_Export"),
    .kind = CP_FILE_KIND_ANY,
  };

  if (c->parent == NULL)
    return;
  read_options (c, &options);
  if (!options.identifiable)
    options.to_whom = NULL;
  job = g_new0 (Job, 1);
  g_set_weak_pointer (&job->parent, c->parent);
  job->store = g_object_ref (c->store);
  job->format = options.format;
  /* What the file holds is read now, on this thread, from the map as it stands. */
  if (!(job->export = cp_network_export_new (c->store, c->person_id, c->snapshot_id, &options,
                                            &error)))
    {
      _cp_netmap_io_show_failure (c->parent, _("Map Not Exported"), error);
      return;
    }
  name = cp_network_export_dup_file_name (job->export);
  dialog.suggested_name = name;
  cp_file_dialog_show (c->parent, NULL, &dialog, file_chosen_cb, g_steal_pointer (&job),
                       (GDestroyNotify) job_free);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Choice           *c)
{
  if (g_strcmp0 (response, "export") == 0)
    choose_file (c);
}

/* ---- the dialog ---------------------------------------------------------------------- */

static GtkSwitch *
add_switch_row (GtkListBox    *list,
                const char    *title,
                const char    *subtitle,
                AdwActionRow **out_row)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (list, row);
  if (out_row != NULL)
    *out_row = ADW_ACTION_ROW (row);
  return GTK_SWITCH (toggle);
}

void
cp_netmap_export_dialog_present (GtkWidget *parent,
                                 CpStore   *store,
                                 gint64     person_id,
                                 gint64     snapshot_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *holds;
  Choice *c;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (CP_IS_STORE (store));

  root = gtk_widget_get_root (parent);
  c = g_new0 (Choice, 1);
  g_set_weak_pointer (&c->parent, parent);
  c->store = g_object_ref (store);
  c->person_id = person_id;
  c->snapshot_id = snapshot_id;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Export Map"), NULL);
  gtk_widget_set_name (dialog, "netmap-export-dialog");
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (labels, _(formats[i].label));
  c->format = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->format), _("_Format"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (c->format), TRUE);
  adw_combo_row_set_model (c->format, G_LIST_MODEL (labels));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (c->format));

  c->names = add_switch_row (GTK_LIST_BOX (list), _("Use _names instead of initials"),
                             _("Names make the file identifiable"), NULL);
  c->to_whom = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (c->to_whom),
                                 _("Who is it for?"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (c->to_whom));
  c->hard_going = add_switch_row (GTK_LIST_BOX (list), _("Include _hard going"),
                                  _("Pictures leave it out unless you ask"),
                                  &c->hard_going_row);

  holds = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (holds), TRUE);
  gtk_label_set_xalign (GTK_LABEL (holds), 0);
  gtk_widget_set_name (holds, "netmap-export-holds");
  c->holds = GTK_LABEL (holds);
  gtk_box_append (GTK_BOX (box), holds);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_swapped (c->format, "notify::selected", G_CALLBACK (update_cb), c);
  g_signal_connect_swapped (c->names, "notify::active", G_CALLBACK (update_cb), c);
  g_signal_connect_swapped (c->hard_going, "notify::active", G_CALLBACK (update_cb), c);
  update_cb (c);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), c,
                         choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
