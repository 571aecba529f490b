/* cp-library-import.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Adding a PDF to the library (core, no widgets): the file is copied into the
 * workspace's library folder (0700) as a temporary file while its sha256 is
 * computed, synced, checked by opening it on the poppler worker, and only
 * then renamed to <sha256>.pdf (the folder synced too) and given its row, as
 * one undo step. A file that is not a PDF, empty or damaged leaves nothing
 * behind: no row and no file. A locked (encrypted) PDF is added; its
 * password is asked when it is opened.
 */

#pragma once

#include <gio/gio.h>

#include "store/cp-store.h"

G_BEGIN_DECLS

void   cp_library_import_async  (CpStore              *store,
                                 GFile                *source,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
/* The new (or existing, when the same file was added before) document's key,
 * "sha256:<hex>". Errors: CP_PDF_ERROR_NOT_PDF, _EMPTY, _DAMAGED, _TOO_BIG;
 * G_IO_ERROR_IS_DIRECTORY or _NOT_REGULAR_FILE (a FIFO or a device: the source is
 * opened once without waiting, as cp_pdf_file_open () does, and copied from that
 * descriptor); other G_IO_ERRORs when the file cannot be read or the copy cannot be
 * written; CP_STORE_ERROR_READ_ONLY. */
char  *cp_library_import_finish (CpStore              *store,
                                 GAsyncResult         *result,
                                 GError              **error);

G_END_DECLS
