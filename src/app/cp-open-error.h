/* cp-open-error.h: what the user is told, and offered, when a workspace cannot be opened
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Response ids of the dialog. */
#define CP_OPEN_RESPONSE_CLOSE     "close"      /* do nothing more */
#define CP_OPEN_RESPONSE_READ_ONLY "read-only"  /* open the same file read-only */
#define CP_OPEN_RESPONSE_BACKUP    "backup"     /* open the newest backup, read-only */
#define CP_OPEN_RESPONSE_OTHER     "other"      /* choose another file */

/* A dialog that says what happened to @path and what the user can do. It offers only the
 * choices that make sense for @error (a CP_STORE_ERROR or G_IO_ERROR); the file itself is
 * never changed. @newest_backup (or NULL) is what "backup" would open. */
AdwMessageDialog *cp_open_error_dialog_new (GtkWindow    *parent,
                                            const char   *path,
                                            const GError *error,
                                            const char   *newest_backup);

G_END_DECLS
