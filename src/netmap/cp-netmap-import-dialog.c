/* cp-netmap-import-dialog.c: "Import Map…": the open chooser, a ties file for CSV, the
 * file checked in a worker, then one undoable import
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-netmap"

#include <string.h>

#include <glib/gi18n.h>

#include "cp-netmap-import-dialog.h"
#include "cp-netmap-io-dialogs-private.h"
#include "export/cp-import-network.h"
#include "store/cp-store-netmap.h"
#include "ui/cp-dialogs.h"
#include "ui/cp-toaster.h"

#define MEMBERS_SUFFIX "-members.csv"

typedef struct
{
  GtkWidget      *parent;   /* weak */
  CpStore        *store;
  gint64          person_id;
  char           *path;
  char           *ties_path;
  CpNetmapModel  *model;    /* read in the worker */
  CpBusy         *busy;
} Import;

static void
import_free (Import *import)
{
  g_clear_weak_pointer (&import->parent);
  g_clear_object (&import->store);
  g_clear_object (&import->model);
  g_clear_pointer (&import->busy, cp_busy_end);
  g_free (import->path);
  g_free (import->ties_path);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static Import *
import_copy (Import *import)
{
  Import *copy = g_new0 (Import, 1);

  g_set_weak_pointer (&copy->parent, import->parent);
  copy->store = g_object_ref (import->store);
  copy->person_id = import->person_id;
  copy->path = g_strdup (import->path);
  copy->ties_path = g_strdup (import->ties_path);
  return copy;
}

static void
failed (Import       *import,
        const GError *error)
{
  _cp_netmap_io_show_failure (import->parent, _("Map Not Imported"), error);
}

/* ---- reading in a worker, importing on this thread ---------------------------------------- */

static void
read_worker (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Import *import = data;
  GError *error = NULL;

  if ((import->model = cp_network_import_read (import->path, import->ties_path, &error)))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n;

  g_clear_pointer (&import->busy, cp_busy_end);
  if (!g_task_propagate_boolean (G_TASK (result), &error) ||
      cp_store_import_snapshot (import->store, import->person_id, import->model, NULL, NULL,
                                &error) == 0)
    {
      failed (import, error);
      return;
    }
  if (import->parent == NULL || gtk_widget_get_root (import->parent) == NULL)
    return;
  n = cp_netmap_model_get_n_members (import->model);
  title = g_strdup_printf (ngettext ("Map imported with %u member",
                                     "Map imported with %u members", n), n);
  cp_toaster_add_undoable (import->parent, title);
}

static void
start (Import *import)
{
  g_autoptr(GTask) task = NULL;
  Import *job = import_copy (import);

  if (job->parent != NULL)
    job->busy = cp_toaster_begin_busy (job->parent, _("Reading the map…"));
  /* read_cb frees the job; the worker only fills in its model */
  task = g_task_new (NULL, NULL, read_cb, job);
  g_task_set_source_tag (task, start);
  g_task_set_name (task, "[cpkit] import a network map");
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, read_worker);
}

/* ---- choosing the files -------------------------------------------------------------- */

static void
ties_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  Import *import = user_data;

  g_free (import->ties_path);
  import->ties_path = g_file_get_path (file);
  start (import);
}

static void
ties_answer_cb (AdwMessageDialog *dialog,
                const char       *response,
                Import           *import)
{
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = _("Choose the Ties File"),
    .accept_label = _("_Import"),
    .kind = CP_FILE_KIND_NETWORK_MAP,
  };

  if (import->parent == NULL)
    return;
  if (g_strcmp0 (response, "members-only") == 0)
    start (import);
  else if (g_strcmp0 (response, "choose") == 0)
    cp_file_dialog_show (import->parent, NULL, &options, ties_chosen_cb, import_copy (import),
                         (GDestroyNotify) import_free);
}

static void
ties_answer_free (gpointer  data,
                  GClosure *closure)
{
  import_free (data);
}

/* A CSV members file: its ties file beside it ("NAME-members.csv", "NAME-ties.csv"), or
 * the user says. */
static void
find_ties (Import *import)
{
  GtkRoot *root;
  GtkWidget *dialog;

  if (g_str_has_suffix (import->path, MEMBERS_SUFFIX))
    {
      g_autofree char *stem = g_strndup (import->path,
                                         strlen (import->path) - strlen (MEMBERS_SUFFIX));
      g_autofree char *ties = g_strconcat (stem, "-ties.csv", NULL);

      if (g_file_test (ties, G_FILE_TEST_IS_REGULAR))
        {
          import->ties_path = g_steal_pointer (&ties);
          start (import);
          return;
        }
    }
  root = gtk_widget_get_root (import->parent);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Ties Between Members?"),
                                   _("A CSV members file can come with a ties file that says "
                                     "who is linked to whom."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "members-only", _("_Members Only"),
                                    "choose", _("C_hoose Ties File…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (ties_answer_cb), import_copy (import),
                         ties_answer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chosen_cb (gpointer  owner,
                GFile    *file,
                gpointer  user_data)
{
  Import *import = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&import->path, g_free);
  if ((import->path = g_file_get_path (file)) == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a file on this computer."));
      failed (import, error);
      return;
    }
  if (g_str_has_suffix (import->path, ".csv") || g_str_has_suffix (import->path, ".CSV"))
    find_ties (import);
  else
    start (import);
}

void
cp_netmap_import_dialog_present (GtkWidget *parent,
                                 CpStore   *store,
                                 gint64     person_id)
{
  Import *import;
  CpFileDialog options = {
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = _("Import Map"),
    .accept_label = _("_Import"),
    .kind = CP_FILE_KIND_NETWORK_MAP,
  };

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (CP_IS_STORE (store));

  import = g_new0 (Import, 1);
  g_set_weak_pointer (&import->parent, parent);
  import->store = g_object_ref (store);
  import->person_id = person_id;
  cp_file_dialog_show (parent, NULL, &options, file_chosen_cb, import,
                       (GDestroyNotify) import_free);
}
