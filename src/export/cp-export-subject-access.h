/* cp-export-subject-access.h: "everything held about this person" as a PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store.h"

G_BEGIN_DECLS

/* Writes every record linked to person @id (cp_store_dup_subject_access_text) as an A4
 * PDF at @path, typeset like the manuals, with third parties still marked
 * "[REDACT: …]" for review. Large print when the person asked for it. The file is
 * readable by the user only (0600); its title and metadata never carry a name. */
gboolean cp_export_subject_access_pdf (CpStore     *store,
                                       gint64       id,
                                       const char  *path,
                                       GError     **error);

/* The CommonMark the PDF is made from (for tests and for the text export). */
char    *cp_export_subject_access_markdown (const char *text);

G_END_DECLS
