/* cp-export-subject-access.h: "everything held about this person", as text and as a PDF
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/cp-store-subject.h"

G_BEGIN_DECLS

/* "Everything held about this person" as plain UTF-8 text: every row linked to them
 * (cp_store_read_subject_access: person fields, maps with members and links, goals,
 * steps, helpers, reviews, ratings), labelled in everyday words and dated. Third
 * parties' names and the notes about them (map members who are people, and so step
 * owners and goal helpers) are wrapped as "[REDACT: Sam (sister)]" for the
 * practitioner to review before it is sent. Never holds another person on the
 * caseload. NOT_FOUND when there is no such person; any failed read fails it. */
char    *cp_export_subject_access_text       (CpStore                *store,
                                              gint64                  id,
                                              GError                **error);
/* The same words for a record already read, headed with @workspace_name and
 * @written_at. */
char    *cp_export_subject_access_write_text (const CpSubjectAccess  *access,
                                              const char             *workspace_name,
                                              GDateTime              *written_at);

/* Writes the same record as an A4 PDF at @path, typeset like the manuals, with third
 * parties still marked "[REDACT: …]" for review. Large print when the person asked for
 * it; the document's language (/Lang) is the user's (cp_locale_language_tag). The file
 * is readable by the user only (0600); its title and metadata never carry a name. It is
 * published whole (cp_file_publish): never over an existing file unless @replace (the
 * user said yes to "Replace?"), and nothing at @path when any read fails. */
gboolean cp_export_subject_access_pdf        (CpStore                *store,
                                              gint64                  id,
                                              const char             *path,
                                              gboolean                replace,
                                              GError                **error);

/* The CommonMark the PDF is made from (for tests and for the text export). */
char    *cp_export_subject_access_markdown   (const char             *text);

G_END_DECLS
