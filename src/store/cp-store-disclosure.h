/* cp-store-disclosure.h: the log of what about a person left the app, and to whom
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"
#include "store/cp-store-enums.h"

G_BEGIN_DECLS

/* Every time something about a person leaves the app (a summary copied for the case
 * record, the person's own copy, an identifiable export, a supervision pack, a subject
 * access report), whatever made it adds an entry here: what, when and, when known, to
 * whom. The log is shown on the person page and is part of the subject access report.
 *
 * An entry is a fact, not an edit: adding one is not an undo step (Ctrl+Z after an
 * export never takes the record of it away) and entries are never changed. They go when
 * the person is deleted (and come back if that is undone) or erased. Adding one emits
 * CpStore::changed with { "disclosure" }. */

typedef enum
{
  CP_DISCLOSURE_SUMMARY,               /* copied for the case record */
  CP_DISCLOSURE_PERSON_COPY,           /*< nick=person_copy >*/
  CP_DISCLOSURE_IDENTIFIABLE_EXPORT,   /*< nick=identifiable_export >*/
  CP_DISCLOSURE_SUPERVISION_PACK,      /*< nick=supervision_pack >*/
  CP_DISCLOSURE_SUBJECT_ACCESS,        /*< nick=subject_access >*/
  CP_DISCLOSURE_SUPERVISION_SHEET,     /*< nick=supervision_sheet >*/
} CpDisclosureKind;

typedef struct
{
  gint64            id;
  CpDisclosureKind  what;
  char             *detail;    /* what it held, e.g. "network map as GraphML"; "" when none */
  char             *to_whom;   /* "" when not known */
  char             *made_at;   /* ISO 8601 UTC, e.g. 2026-03-01T10:04:05.123Z */
} CpDisclosure;

void        cp_disclosure_free          (CpDisclosure *disclosure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpDisclosure, cp_disclosure_free)

/* Logs that @what about person @person_id left the app now. @detail and @to_whom may be
 * NULL (both are trimmed). The entry's id, or 0: NOT_FOUND when the person is gone,
 * CONSTRAINT for a kind the log does not know, READ_ONLY on a read-only store. */
gint64      cp_store_add_disclosure     (CpStore           *self,
                                         gint64             person_id,
                                         CpDisclosureKind   what,
                                         const char        *detail,
                                         const char        *to_whom,
                                         GError           **error);
/* The person's entries, oldest first (CpDisclosure, owned by the array). NOT_FOUND when
 * the person is gone. */
GPtrArray  *cp_store_list_disclosures   (CpStore           *self,
                                         gint64             person_id,
                                         GError           **error);

G_END_DECLS
