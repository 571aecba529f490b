/* cp-export-job.h: an export written in a worker, published with a toast
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

/* How an export that was read on the window's thread is finished: staged into a
 * temporary file beside @path (any thread, touches no store), then published (logged
 * in the disclosure log, put in place: the window's thread), then freed (which removes
 * a temporary file that was not published). The plan copy and the supervision sheet
 * both go this way. */
typedef struct
{
  gboolean (*stage)   (gpointer     export,
                       const char  *path,
                       GError     **error);
  gboolean (*publish) (gpointer     export,
                       CpStore     *store,
                       GError     **error);
  GDestroyNotify free;
} CpExportJobFuncs;

/* Stages @export (transfer full) at @file in a worker while the busy banner nearest
 * @from says @busy_label, then publishes it into @store: a toast says "Saved “NAME”",
 * or why it could not be saved (then nothing is left and nothing is logged). When @from
 * has left its window by then, nothing is published and no one is told. @file must be
 * on this computer (a path); otherwise the error says so. */
void  cp_export_job_run  (GtkWidget               *from,
                          CpStore                 *store,
                          gpointer                 export,
                          const CpExportJobFuncs  *funcs,
                          GFile                   *file,
                          const char              *busy_label);

G_END_DECLS
