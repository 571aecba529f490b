/* cp-export-job.c: an export written in a worker, published with a toast
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-export-job"

#include <glib/gi18n.h>

#include "cp-export-job.h"
#include "cp-toaster.h"

typedef struct
{
  GtkWidget               *from;
  CpStore                 *store;
  gpointer                 export;
  const CpExportJobFuncs  *funcs;
  char                    *path;
  CpBusy                  *busy;
} Job;

static void
job_free (Job *job)
{
  cp_busy_end (job->busy);
  g_clear_pointer (&job->export, job->funcs->free);
  g_object_unref (job->from);
  g_object_unref (job->store);
  g_free (job->path);
  g_free (job);
}

static void
stage_worker (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->funcs->stage (job->export, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
staged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  /* The page may have left its window meanwhile: then there is no one to tell, and the
   * staged file goes with the job, unpublished and unlogged. */
  if (gtk_widget_get_root (job->from) == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      || !job->funcs->publish (job->export, job->store, &error))
    {
      cp_toaster_report_error (job->from, error);
      return;
    }
  name = g_path_get_basename (job->path);
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the file's name, e.g. plan-PRACTICE-0001.pdf */
  title = g_strdup_printf (_("Saved “%s”"), escaped);
  cp_toaster_add_toast (job->from, adw_toast_new (title));
}

void
cp_export_job_run (GtkWidget               *from,
                   CpStore                 *store,
                   gpointer                 export,
                   const CpExportJobFuncs  *funcs,
                   GFile                   *file,
                   const char              *busy_label)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (CP_IS_STORE (store));
  g_return_if_fail (export != NULL && funcs != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->from = g_object_ref (from);
  job->store = g_object_ref (store);
  job->export = export;
  job->funcs = funcs;
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Choose a folder on this computer."));

      cp_toaster_report_error (from, error);
      job_free (job);
      return;
    }
  job->busy = cp_toaster_begin_busy (from, busy_label);
  task = g_task_new (NULL, NULL, staged_cb, NULL);
  g_task_set_source_tag (task, cp_export_job_run);
  g_task_set_name (task, "[cpkit] write an export");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, stage_worker);
}
