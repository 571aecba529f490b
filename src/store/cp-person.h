/* cp-person.h
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "store/cp-store-enums.h"

G_BEGIN_DECLS

/* A person on the caseload, as read from the workspace. A plain record: it changes only
 * when the store reloads it after an edit, undo or redo (it then notifies per property).
 * It never holds date of birth, address, NHS number, diagnosis or legal status. */

typedef enum
{
  CP_PERSON_STATUS_ACTIVE,
  CP_PERSON_STATUS_PAUSED,
  CP_PERSON_STATUS_CLOSED,
} CpPersonStatus;

typedef enum
{
  CP_PAUSE_REASON_NONE,
  CP_PAUSE_REASON_HOSPITAL,
  CP_PAUSE_REASON_CRISIS,
  CP_PAUSE_REASON_CHOICE,
} CpPauseReason;

/* Practitioner-only: which step of the Connecting People cycle the work is on. */
typedef enum
{
  CP_FOCUS_NONE,
  CP_FOCUS_MAPPING,
  CP_FOCUS_PLANNING,
  CP_FOCUS_SUPPORTING,
  CP_FOCUS_REVIEWING,
} CpFocus;

/* Communication needs that printouts for the person follow. */
typedef enum /*< flags >*/
{
  CP_COMMUNICATION_LARGE_PRINT = 1 << 0,
  CP_COMMUNICATION_EASY_READ   = 1 << 1,
  CP_COMMUNICATION_INTERPRETER = 1 << 2,   /* see cp_person_get_interpreter_language () */
} CpCommunicationNeeds;

/* The enums' GTypes (CP_TYPE_PERSON_STATUS, …) come from gnome.mkenums_simple; their
 * nicks are the strings stored in the person table. */

#define CP_TYPE_PERSON (cp_person_get_type ())
G_DECLARE_FINAL_TYPE (CpPerson, cp_person, CP, PERSON, GObject)

gint64          cp_person_get_id            (CpPerson *self);
const char     *cp_person_get_name          (CpPerson *self);
/* Sorts people by name as people expect (ignoring case, in the locale's order) when
 * compared with strcmp (); made on first use and kept until the name changes. */
const char     *cp_person_get_name_key      (CpPerson *self);
const char     *cp_person_get_case_ref      (CpPerson *self);   /* NULL when unset */
CpPersonStatus  cp_person_get_status        (CpPerson *self);
CpPauseReason   cp_person_get_pause_reason  (CpPerson *self);
const char     *cp_person_get_closed_on     (CpPerson *self);   /* YYYY-MM-DD or NULL */
CpFocus         cp_person_get_focus         (CpPerson *self);
const char     *cp_person_get_next_review   (CpPerson *self);   /* YYYY-MM-DD or NULL */
const char     *cp_person_get_notes         (CpPerson *self);   /* never NULL */
const char     *cp_person_get_updated_at    (CpPerson *self);

/* Agreement (properties "agreed-on", "keep-agreed-on", "sharing"):
 * the day the person agreed to the work, and the day they agreed to their map and plan
 * being kept in this app (YYYY-MM-DD or NULL when not recorded; two dates because the
 * work may start before anything is kept here); what they agreed may be shared and with
 * whom, in their words ("" when nothing recorded, never NULL). */
const char     *cp_person_get_agreed_on       (CpPerson *self);
const char     *cp_person_get_keep_agreed_on  (CpPerson *self);
const char     *cp_person_get_sharing         (CpPerson *self);
/* Communication needs (properties "communication-needs", "interpreter-language",
 * "communication-other"): the flags; the interpreter's language (NULL unless
 * CP_COMMUNICATION_INTERPRETER is set, and may be NULL then); any other needs as free
 * text ("" when none, never NULL). Later printouts follow these. */
CpCommunicationNeeds cp_person_get_communication_needs   (CpPerson *self);
const char          *cp_person_get_interpreter_language  (CpPerson *self);
const char          *cp_person_get_communication_other   (CpPerson *self);

/* The plan (properties "plan-agreed-on", "check-in-on", "guide-on"; YYYY-MM-DD or NULL):
 * the day the plan was agreed (the first review is scheduled from it); a paused person's
 * check-in date (only while paused: a pause must not hide anyone); the day the guide was
 * last gone through with them. When their copy of the plan was last given is in the
 * disclosure log (cp_store_dup_last_disclosure (…, CP_DISCLOSURE_PERSON_COPY …)). */
const char     *cp_person_get_plan_agreed_on  (CpPerson *self);
const char     *cp_person_get_check_in_on     (CpPerson *self);
const char     *cp_person_get_guide_on        (CpPerson *self);

/* Where a person's next meeting stands on a day, for the People list's flags and sort.
 * The next review (cp_person_get_next_review) is the one source: a review sets it. */
typedef enum
{
  CP_REVIEW_DUE_NONE,              /* closed, or active with no next review set */
  CP_REVIEW_DUE_ON_TIME,           /* active; the next review is today or later */
  CP_REVIEW_DUE_OVERDUE,           /* active; the next review is before today */
  CP_REVIEW_DUE_PAUSED,            /* paused; the check-in date is today or later */
  CP_REVIEW_DUE_CHECK_IN_MISSING,  /* paused with no check-in date: flag it too */
  CP_REVIEW_DUE_CHECK_IN_PASSED,   /* paused; the check-in date is before today */
} CpReviewDue;

/* TRUE when active, a next review is set and it is before @today (YYYY-MM-DD).
 * A paused or closed person is never overdue. */
gboolean        cp_person_is_overdue        (CpPerson   *self,
                                             const char *today);
/* TRUE when paused and the check-in date is before @today. Never for anyone else. */
gboolean        cp_person_is_check_in_due   (CpPerson   *self,
                                             const char *today);
/* The state on @today (YYYY-MM-DD, normally cp_date_today ()): a string comparison on
 * the record, no database read (10,000 people in well under a millisecond). */
CpReviewDue     cp_person_get_review_due    (CpPerson   *self,
                                             const char *today);

/* The strings stored in the person table (the enums' nicks). */
const char     *cp_person_status_to_string  (CpPersonStatus status);   /* "active", ... */
const char     *cp_pause_reason_to_string   (CpPauseReason  reason);   /* NULL for NONE */
const char     *cp_focus_to_string          (CpFocus        focus);    /* NULL for NONE */

/* For the store only: fill or refresh a record; notifies changed properties. */
CpPerson       *_cp_person_new              (gint64 id);
void            _cp_person_update           (CpPerson       *self,
                                             const char     *name,
                                             const char     *case_ref,
                                             CpPersonStatus  status,
                                             CpPauseReason   pause_reason,
                                             const char     *closed_on,
                                             CpFocus         focus,
                                             const char     *next_review,
                                             const char     *notes,
                                             const char     *updated_at);
void            _cp_person_update_plan      (CpPerson             *self,
                                             const char           *plan_agreed_on,
                                             const char           *check_in_on,
                                             const char           *guide_on);
void            _cp_person_update_agreement (CpPerson             *self,
                                             const char           *agreed_on,
                                             const char           *keep_agreed_on,
                                             const char           *sharing,
                                             CpCommunicationNeeds  needs,
                                             const char           *interpreter_language,
                                             const char           *communication_other);

G_END_DECLS
