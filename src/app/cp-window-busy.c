/* cp-window-busy.c: the banner that says work goes on in a worker, and the edits that
 * wait for a restore
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cp-window"

#include "config.h"

#include "cp-window-private.h"

/* Quick work shows nothing: the banner comes only when it takes longer than this. */
#define SHOW_AFTER_MS 200

typedef struct
{
  guint     id;
  char     *label;
  gboolean  exclusive;
} BusyJob;

static void
busy_job_free (gpointer data)
{
  BusyJob *job = data;

  g_free (job->label);
  g_free (job);
}

static gboolean
show_cb (gpointer data)
{
  CpWindow *self = data;

  self->busy_show_id = 0;
  gtk_spinner_start (self->busy_spinner);
  gtk_revealer_set_reveal_child (self->busy_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

static void
update_banner (CpWindow *self)
{
  BusyJob *newest;

  if (self->busy_jobs->len == 0)
    {
      g_clear_handle_id (&self->busy_show_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->busy_revealer, FALSE);
      gtk_spinner_stop (self->busy_spinner);
      return;
    }

  newest = g_ptr_array_index (self->busy_jobs, self->busy_jobs->len - 1);
  gtk_label_set_label (self->busy_label, newest->label);
  if (!gtk_revealer_get_reveal_child (self->busy_revealer) && self->busy_show_id == 0)
    self->busy_show_id = g_timeout_add (SHOW_AFTER_MS, show_cb, self);
}

/* Edits wait while the workspace's file is being replaced. */
static void
set_blocked (CpWindow *self,
             gboolean  blocked)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_stack), !blocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.with-person", !blocked);
  _cp_window_update_undo_actions (self);
  _cp_window_init_workspace_actions (self);
}

guint
_cp_window_begin_busy (CpWindow   *self,
                       const char *label,
                       gboolean    exclusive)
{
  BusyJob *job = g_new0 (BusyJob, 1);

  job->id = ++self->busy_next_id;
  job->label = g_strdup (label);
  job->exclusive = exclusive;
  g_ptr_array_add (self->busy_jobs, job);
  if (exclusive && self->busy_exclusive++ == 0)
    set_blocked (self, TRUE);
  else
    _cp_window_init_workspace_actions (self);
  update_banner (self);
  return job->id;
}

void
_cp_window_end_busy (CpWindow *self,
                     guint     id)
{
  if (self->busy_jobs == NULL)   /* disposed */
    return;
  for (guint i = 0; i < self->busy_jobs->len; i++)
    {
      BusyJob *job = g_ptr_array_index (self->busy_jobs, i);
      gboolean exclusive = job->exclusive;

      if (job->id != id)
        continue;
      g_ptr_array_remove_index (self->busy_jobs, i);
      if (exclusive && --self->busy_exclusive == 0)
        set_blocked (self, FALSE);
      else
        _cp_window_init_workspace_actions (self);
      update_banner (self);
      return;
    }
}

gboolean
_cp_window_get_blocked (CpWindow *self)
{
  return self->busy_exclusive > 0;
}

gboolean
cp_window_get_busy (CpWindow *self)
{
  g_return_val_if_fail (CP_IS_WINDOW (self), FALSE);

  return self->busy_jobs->len > 0;
}

guint
_cp_window_toaster_begin_busy (CpToaster  *toaster,
                               const char *label)
{
  return _cp_window_begin_busy (CP_WINDOW (toaster), label, FALSE);
}

void
_cp_window_toaster_end_busy (CpToaster *toaster,
                             guint      id)
{
  _cp_window_end_busy (CP_WINDOW (toaster), id);
}

void
_cp_window_busy_init (CpWindow *self)
{
  self->busy_jobs = g_ptr_array_new_with_free_func (busy_job_free);
  self->cancellable = g_cancellable_new ();
}

void
_cp_window_busy_dispose (CpWindow *self)
{
  /* Work still going on finishes without the window. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_show_id, g_source_remove);
  g_clear_pointer (&self->busy_jobs, g_ptr_array_unref);
}
