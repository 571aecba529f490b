/* cp-export-file.h: how a file that leaves the app reaches its place, safely
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "store/cp-person.h"

G_BEGIN_DECLS

/* An export is written to a temporary file beside its destination (mode 0600: it may
 * hold personal data), synced to disk, and only then renamed into place, so no one ever
 * sees half a file, and a failed export leaves nothing behind. A file that already exists
 * is never replaced (G_IO_ERROR_EXISTS), even when it appears while the export is
 * written, unless @replace says the user already agreed to replace it. Publishing is
 * cp_file_publish_temporary () (util/cp-file): every file the app writes out gets there
 * the same way, on any file system. The writing may happen in a worker thread and the publishing later on
 * another; one CpExportFile is used by one thread at a time.
 *
 * This is the one place that publishes exports; nothing else opens their paths. */

typedef struct _CpExportFile CpExportFile;

/* Creates the temporary file for @path. Fails when @path exists already (unless
 * @replace) or its folder cannot be written. */
CpExportFile *cp_export_file_new      (const char     *path,
                                       gboolean        replace,
                                       GError        **error);
const char   *cp_export_file_get_path (CpExportFile   *self);
gboolean      cp_export_file_write    (CpExportFile   *self,
                                       const void     *data,
                                       gsize           length,
                                       GError        **error);
/* A cairo_write_func_t on @closure, a CpExportFile. The first failure is kept and
 * reported by cp_export_file_sync (). */
cairo_status_t cp_export_file_cairo_write (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);
/* Flushes the temporary file to disk and closes it (the slow part: do it in a worker). */
gboolean      cp_export_file_sync     (CpExportFile   *self,
                                       GError        **error);
/* Puts the synced file at its path, unless a file is there by now. */
gboolean      cp_export_file_publish  (CpExportFile   *self,
                                       GError        **error);
/* Removes the temporary file when it was not published. */
void          cp_export_file_free     (CpExportFile   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpExportFile, cp_export_file_free)

/* A file that something else writes by its path (a typeset PDF), staged the same way:
 * cp_export_staged_open () refuses an existing @path (unless @replace) and makes the
 * temporary file beside it (0600, held as ours); write it at self->tmp_path (any
 * thread); cp_export_staged_publish () syncs it and puts it at @path (after the
 * disclosure log has it); cp_export_staged_clear () removes a temporary file that was
 * not published. Zero-fill the struct first (fd -1 is set by open). */
typedef struct
{
  char      *path;
  char      *tmp_path;   /* NULL once published */
  int        fd;
  gboolean   replace;
} CpExportStaged;

gboolean      cp_export_staged_open    (CpExportStaged *self,
                                        const char     *path,
                                        gboolean        replace,
                                        GError        **error);
gboolean      cp_export_staged_publish (CpExportStaged *self,
                                        GError        **error);
void          cp_export_staged_clear   (CpExportStaged *self);

/* The person's case reference as the start of a file name (letters, digits, '-', '_'),
 * or NULL when there is none that is safe: empty, or holding a word of their name. Every
 * export names its file with it, never with a name. */
char         *cp_export_file_reference (CpPerson       *person);

G_END_DECLS
