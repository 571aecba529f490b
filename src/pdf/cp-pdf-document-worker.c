/* cp-pdf-document-worker.c
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The one poppler worker thread of the process and its priority queue.
 *
 * Jobs are picked lowest priority number first, then in the order they were
 * pushed. Before each pick the queue is swept: jobs whose cancellable was
 * cancelled, and render jobs whose (tag, generation) has been superseded, are
 * completed with G_IO_ERROR_CANCELLED without touching poppler.
 */

#include "config.h"

#define G_LOG_DOMAIN "cp-pdf-worker"

#include "cp-pdf-document-private.h"

static GMutex      worker_lock;
static GCond       worker_cond;
static GPtrArray  *worker_queue;        /* CpPdfJob */
static GHashTable *worker_generations;  /* tag → minimum live generation */
static GThread    *worker_thread;
static guint64     worker_seq;
static gboolean    worker_shutting_down;

static void
cp_pdf_job_free (CpPdfJob *job)
{
  g_clear_object (&job->task);
  g_free (job);
}

CpPdfJob *
_cp_pdf_job_new (GTask        *task,
                 int           priority,
                 CpPdfJobFunc  func)
{
  CpPdfJob *job = g_new0 (CpPdfJob, 1);

  job->task = task;
  job->priority = priority;
  job->func = func;
  return job;
}

/* Called with the lock held. */
static gboolean
cp_pdf_job_is_stale_locked (CpPdfJob *job)
{
  gpointer value;

  if (job->task == NULL)
    return FALSE;

  if (worker_shutting_down)
    return TRUE;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (job->task)))
    return TRUE;

  return job->tag != NULL
         && g_hash_table_lookup_extended (worker_generations, job->tag, NULL, &value)
         && job->generation < GPOINTER_TO_UINT (value);
}

/* Called with the lock held; returns the next job or NULL, and moves stale
 * jobs into dropped. */
static CpPdfJob *
cp_pdf_worker_pick (GPtrArray *dropped)
{
  CpPdfJob *best = NULL;
  guint best_index = 0;
  guint i = 0;

  while (i < worker_queue->len)
    {
      CpPdfJob *job = g_ptr_array_index (worker_queue, i);

      if (cp_pdf_job_is_stale_locked (job))
        {
          g_ptr_array_add (dropped, g_ptr_array_steal_index (worker_queue, i));
          continue;
        }

      if (best == NULL
          || job->priority < best->priority
          || (job->priority == best->priority && job->seq < best->seq))
        {
          best = job;
          best_index = i;
        }
      i++;
    }

  if (best != NULL)
    g_ptr_array_remove_index (worker_queue, best_index);

  return best;
}

static gpointer
cp_pdf_worker_main (gpointer data)
{
  for (;;)
    {
      g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
      CpPdfJob *job;

      g_mutex_lock (&worker_lock);
      while (worker_queue->len == 0)
        g_cond_wait (&worker_cond, &worker_lock);
      job = cp_pdf_worker_pick (dropped);
      g_mutex_unlock (&worker_lock);

      /* Stale jobs complete as cancelled without touching poppler. */
      for (guint i = 0; i < dropped->len; i++)
        {
          CpPdfJob *stale = g_ptr_array_index (dropped, i);

          if (!g_task_return_error_if_cancelled (stale->task))
            g_task_return_new_error (stale->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     "The request was superseded");
          cp_pdf_job_free (stale);
        }

      if (job == NULL)
        continue;

      if (job->func (job))
        {
          cp_pdf_job_free (job);
        }
      else
        {
          g_mutex_lock (&worker_lock);
          job->seq = worker_seq++;
          g_ptr_array_add (worker_queue, job);
          g_mutex_unlock (&worker_lock);
        }
    }

  return NULL;
}

static void
cp_pdf_worker_ensure_locked (void)
{
  if (worker_thread != NULL)
    return;

  worker_queue = g_ptr_array_new ();
  worker_generations = g_hash_table_new (NULL, NULL);
  worker_thread = g_thread_new ("cp-pdf-worker", cp_pdf_worker_main, NULL);
}

void
_cp_pdf_worker_push (CpPdfJob *job)
{
  g_mutex_lock (&worker_lock);
  cp_pdf_worker_ensure_locked ();
  job->seq = worker_seq++;
  g_ptr_array_add (worker_queue, job);
  g_cond_signal (&worker_cond);
  g_mutex_unlock (&worker_lock);
}

gboolean
_cp_pdf_worker_is_current (void)
{
  return worker_thread != NULL && g_thread_self () == worker_thread;
}

static gboolean
cp_pdf_release_job (CpPdfJob *job)
{
  g_object_unref (job->data);
  return TRUE;
}

/* Drops the last reference of a poppler object on the worker. */
void
_cp_pdf_worker_release (gpointer poppler_object)
{
  CpPdfJob *job;

  if (poppler_object == NULL)
    return;

  if (_cp_pdf_worker_is_current ())
    {
      g_object_unref (poppler_object);
      return;
    }

  job = _cp_pdf_job_new (NULL, G_MININT, cp_pdf_release_job);
  job->data = poppler_object;
  _cp_pdf_worker_push (job);
}

/**
 * cp_pdf_document_supersede:
 * @tag: the requester's tag (usually the view itself)
 * @generation: the oldest generation still wanted
 *
 * Drops every queued render request carrying @tag whose generation is older
 * than @generation (and any later one that is older). Used by a view when
 * its zoom or rotation changes: what was queued for the old layout is stale.
 */
void
cp_pdf_document_supersede (gconstpointer tag,
                           guint         generation)
{
  g_return_if_fail (tag != NULL);

  g_mutex_lock (&worker_lock);
  cp_pdf_worker_ensure_locked ();
  g_hash_table_insert (worker_generations, (gpointer) tag, GUINT_TO_POINTER (generation));
  g_cond_signal (&worker_cond);
  g_mutex_unlock (&worker_lock);
}

/**
 * cp_pdf_document_forget_tag:
 * @tag: a tag passed to cp_pdf_document_supersede()
 *
 * Forgets @tag; call it when the requester goes away.
 */
void
cp_pdf_document_forget_tag (gconstpointer tag)
{
  g_mutex_lock (&worker_lock);
  if (worker_generations != NULL)
    g_hash_table_remove (worker_generations, tag);
  g_mutex_unlock (&worker_lock);
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean done;
} Sentinel;

static gboolean
sentinel_job (CpPdfJob *job)
{
  Sentinel *sentinel = job->data;

  g_mutex_lock (&sentinel->mutex);
  sentinel->done = TRUE;
  g_cond_signal (&sentinel->cond);
  g_mutex_unlock (&sentinel->mutex);
  return TRUE;
}

/**
 * cp_pdf_document_shutdown:
 *
 * Call once when the application quits, after dropping its documents:
 * drops every request still queued (they complete as cancelled) and waits
 * until the worker has released the poppler objects it still holds, so
 * that poppler's global state is not torn down under it at exit. The one
 * place where the main thread waits for the worker.
 */
void
cp_pdf_document_shutdown (void)
{
  Sentinel sentinel = { 0 };
  CpPdfJob *job;

  if (worker_thread == NULL || _cp_pdf_worker_is_current ())
    return;

  g_mutex_init (&sentinel.mutex);
  g_cond_init (&sentinel.cond);
  job = _cp_pdf_job_new (NULL, G_MAXINT, sentinel_job);
  job->data = &sentinel;

  g_mutex_lock (&worker_lock);
  worker_shutting_down = TRUE;
  g_mutex_unlock (&worker_lock);
  _cp_pdf_worker_push (job);

  g_mutex_lock (&sentinel.mutex);
  while (!sentinel.done)
    g_cond_wait (&sentinel.cond, &sentinel.mutex);
  g_mutex_unlock (&sentinel.mutex);

  g_mutex_lock (&worker_lock);
  worker_shutting_down = FALSE;
  g_mutex_unlock (&worker_lock);

  g_mutex_clear (&sentinel.mutex);
  g_cond_clear (&sentinel.cond);
}
