/* cp-pdf-document-private.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Internals of the document layer shared by cp-pdf-document*.c: the
 * instance struct and the one process-wide poppler worker with its
 * priority queue.
 */

#pragma once

#include "cp-pdf-engine-private.h"

#include "cp-pdf-document.h"

G_BEGIN_DECLS

struct _CpPdfDocument
{
  GObject          parent_instance;

  guint64          id;
  PopplerDocument *poppler;      /* touched only on the worker thread */
  char            *title;
  guint            n_pages;
  double          *sizes;        /* width, height per page, in points */
  char           **labels;       /* n_pages entries, NULL-terminated */
  GListStore      *outline;      /* CpPdfOutlineItem */
};

typedef struct _CpPdfJob CpPdfJob;

/* Runs on the worker. Returns TRUE when the job is finished (its task has
 * been returned), FALSE to queue the job again (a new turn behind jobs of the
 * same priority: used by find to go page by page). */
typedef gboolean (*CpPdfJobFunc) (CpPdfJob *job);

struct _CpPdfJob
{
  int            priority;
  guint64        seq;
  gconstpointer  tag;
  guint          generation;
  GTask         *task;           /* owned; may be NULL for housekeeping jobs */
  CpPdfJobFunc   func;
  gpointer       data;           /* for jobs without a task */
};

CpPdfJob *_cp_pdf_job_new              (GTask        *task,
                                        int           priority,
                                        CpPdfJobFunc  func);
void      _cp_pdf_worker_push          (CpPdfJob     *job);
gboolean  _cp_pdf_worker_is_current    (void);
void      _cp_pdf_worker_release       (gpointer      poppler_object);

/* Worker-side helpers (call only on the worker). */
GListStore *_cp_pdf_outline_build      (CpPdfDocument   *document);
void        _cp_pdf_dest_resolve       (CpPdfDocument   *document,
                                        PopplerDest     *dest,
                                        int             *page,
                                        double          *top,
                                        char           **name);
CpPdfOutlineItem *_cp_pdf_outline_item_new (const char *title,
                                            int         page,
                                            double      top,
                                            const char *dest,
                                            const char *uri,
                                            gboolean    expanded,
                                            GListStore *children);

GTask      *_cp_pdf_document_new_page_task (CpPdfDocument       *self,
                                            guint                page,
                                            gpointer             source_tag,
                                            const char          *name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
CpPdfRect   _cp_pdf_rect_from_poppler   (CpPdfDocument    *self,
                                         guint             page,
                                         PopplerRectangle *rect);

G_END_DECLS
