/* cp-store-supervision.h: the supervision record and the caseload as a supervisor sees it
 * (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-records.h"
#include "cp-store.h"

G_BEGIN_DECLS

/* A supervision session (the day, who was there by role) discusses one or more people's
 * plans; per person discussed the supervisor writes comments (the person can ask to see
 * them), agrees actions (what, who, by when) and signs the plan off ("plan reviewed in
 * supervision on DATE by NAME, ROLE"). Separately, the worker's own reflection on the
 * session: about the worker, not the person, read only through
 * cp_store_dup_worker_reflection () and never part of a person's records.
 *
 * Sessions, comments, actions and sign-offs are named by UUIDs (36 lower-case
 * characters), not INTEGER ids, because a supervisor's copy (a pack) and its reply must
 * agree on them. Every edit below is one transaction and one undo step, emits
 * CpStore::changed with the tables it touched ("supervision_session",
 * "supervision_person", "supervision_comment", "supervision_action",
 * "supervision_signoff", "worker_reflection"), and makes no step when nothing changes.
 * Typing in one comment, one session's "who was there" or one reflection within a few
 * seconds merges into one step. Bad input fails with CP_STORE_ERROR_CONSTRAINT and a
 * message people can read (shown next to the field) and saves nothing; a session,
 * comment, action or person that is gone gives NOT_FOUND.
 *
 * A session always discusses someone: it is made with the people discussed, and the last
 * of them cannot be taken off it (delete the session instead). Erasing a person
 * (cp_store_erase_person) removes everything of theirs here; a session left with no one
 * discussed keeps its date and roles. "Today" is cp_date_today (). */

/* ---- Records ------------------------------------------------------------------------- */

typedef struct
{
  char  *uuid;
  char  *text;
  char  *created_at;
  char  *updated_at;
} CpSupervisionComment;

typedef struct
{
  char  *uuid;
  char  *text;
  char  *owner;       /* who will do it: a role in words */
  char  *due_on;      /* YYYY-MM-DD, or NULL */
  char  *done_on;     /* YYYY-MM-DD, or NULL while open */
} CpSupervisionAction;

typedef struct
{
  char  *uuid;
  char  *name;        /* the supervisor's name */
  char  *role;        /* and role */
  char  *signed_on;   /* YYYY-MM-DD, never after today, never before the session */
} CpSupervisionSignoff;

/* One person discussed at a session, with what was written about their plan. */
typedef struct
{
  gint64                 person_id;
  GPtrArray             *comments;   /* CpSupervisionComment, oldest first */
  GPtrArray             *actions;    /* CpSupervisionAction, oldest first */
  CpSupervisionSignoff  *signoff;    /* or NULL */
} CpSupervisionDiscussed;

typedef struct
{
  char       *uuid;
  char       *held_on;   /* YYYY-MM-DD */
  char       *attended;  /* who was there, by role, one per line ("" when not said) */
  GPtrArray  *people;    /* CpSupervisionDiscussed, by person id */
} CpSupervisionSession;

void  cp_supervision_comment_free    (CpSupervisionComment   *comment);
void  cp_supervision_action_free     (CpSupervisionAction    *action);
void  cp_supervision_signoff_free    (CpSupervisionSignoff   *signoff);
void  cp_supervision_discussed_free  (CpSupervisionDiscussed *discussed);
void  cp_supervision_session_free    (CpSupervisionSession   *session);
/* The person's part of @session, or NULL when they were not discussed. */
const CpSupervisionDiscussed *
      cp_supervision_session_find    (const CpSupervisionSession *session,
                                      gint64                      person_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpSupervisionSession, cp_supervision_session_free)

/* ---- Reading ------------------------------------------------------------------------- */

/* Every session, newest first (by day, then as made), each with its people. */
GPtrArray    *cp_store_list_supervision_sessions (CpStore     *self,
                                                  GError     **error);
CpSupervisionSession *
              cp_store_get_supervision_session   (CpStore     *self,
                                                  const char  *uuid,
                                                  GError     **error);
/* What a person's overview shows of supervision: the day of the last session that
 * discussed them (*@last_on: YYYY-MM-DD, or NULL when none) and the actions agreed for
 * them that are not done (*@open_actions: CpSupervisionAction, by due day, the undated
 * last, then as made). NOT_FOUND when the person is gone. */
gboolean      cp_store_read_person_supervision   (CpStore     *self,
                                                  gint64       person_id,
                                                  char       **last_on,
                                                  GPtrArray  **open_actions,
                                                  GError     **error);
/* The worker's reflection at the session ("" when none). */
char         *cp_store_dup_worker_reflection     (CpStore     *self,
                                                  const char  *session_uuid,
                                                  GError     **error);
/* The day (YYYY-MM-DD) of the last session that discussed @person_id, "" when none has
 * (the Person Menu's "Supervision Sheet…"), or NULL on error. */
char         *cp_store_dup_last_discussed_on     (CpStore     *self,
                                                  gint64       person_id,
                                                  GError     **error);
/* The workspace's own UUID (a copy made with Save a Copy has another), or NULL when
 * the workspace is closed. */
char         *cp_store_dup_workspace_uuid        (CpStore     *self);

/* ---- Sessions ------------------------------------------------------------------------ */

/* A session held on @held_on (YYYY-MM-DD) with who was there (@attended: roles, may be
 * NULL) discussing the @n_people people in @person_ids (at least one; a person listed
 * twice counts once). The new session's UUID (free it), or NULL. "Record supervision". */
char         *cp_store_add_supervision_session   (CpStore      *self,
                                                  const char   *held_on,
                                                  const char   *attended,
                                                  const gint64 *person_ids,
                                                  guint         n_people,
                                                  GError      **error);
/* The day and who was there. A day after one of its sign-offs is refused. */
gboolean      cp_store_update_supervision_session (CpStore     *self,
                                                   const char  *uuid,
                                                   const char  *held_on,
                                                   const char  *attended,
                                                   GError     **error);
/* With everything written at it (comments, actions, sign-offs, the reflection). */
gboolean      cp_store_delete_supervision_session (CpStore     *self,
                                                   const char  *uuid,
                                                   GError     **error);
/* Another person discussed; CONSTRAINT when they already are. */
gboolean      cp_store_add_supervision_person    (CpStore     *self,
                                                  const char  *session_uuid,
                                                  gint64       person_id,
                                                  GError     **error);
/* Takes a person off the session with their comments, actions and sign-off; CONSTRAINT
 * for the last person discussed. */
gboolean      cp_store_remove_supervision_person (CpStore     *self,
                                                  const char  *session_uuid,
                                                  gint64       person_id,
                                                  GError     **error);

/* ---- Comments, actions, sign-off ----------------------------------------------------- */

/* On the plan of @person_id, who must be discussed at the session. The new UUID. */
char         *cp_store_add_supervision_comment   (CpStore     *self,
                                                  const char  *session_uuid,
                                                  gint64       person_id,
                                                  const char  *text,
                                                  GError     **error);
gboolean      cp_store_update_supervision_comment (CpStore     *self,
                                                   const char  *uuid,
                                                   const char  *text,
                                                   GError     **error);
gboolean      cp_store_delete_supervision_comment (CpStore     *self,
                                                   const char  *uuid,
                                                   GError     **error);
/* What (required), who will do it (@owner, a role in words: required) and by when
 * (@due_on, NULL or "" for none). Open. The new UUID. */
char         *cp_store_add_supervision_action    (CpStore     *self,
                                                  const char  *session_uuid,
                                                  gint64       person_id,
                                                  const char  *text,
                                                  const char  *owner,
                                                  const char  *due_on,
                                                  GError     **error);
gboolean      cp_store_update_supervision_action (CpStore     *self,
                                                  const char  *uuid,
                                                  const char  *text,
                                                  const char  *owner,
                                                  const char  *due_on,
                                                  GError     **error);
/* Done on @done_on (YYYY-MM-DD, not after today), or open again (NULL). */
gboolean      cp_store_set_supervision_action_done (CpStore     *self,
                                                    const char  *uuid,
                                                    const char  *done_on,
                                                    GError     **error);
gboolean      cp_store_delete_supervision_action (CpStore     *self,
                                                  const char  *uuid,
                                                  GError     **error);
/* Signs the person's plan off at the session (or signs it again, over the last one):
 * the supervisor's @name and @role (both required), on @signed_on (NULL: today; never
 * a day still to come, never before the session). */
gboolean      cp_store_sign_off_supervision      (CpStore     *self,
                                                  const char  *session_uuid,
                                                  gint64       person_id,
                                                  const char  *name,
                                                  const char  *role,
                                                  const char  *signed_on,
                                                  GError     **error);
gboolean      cp_store_remove_supervision_signoff (CpStore     *self,
                                                   const char  *session_uuid,
                                                   gint64       person_id,
                                                   GError     **error);

/* ---- The worker's reflection --------------------------------------------------------- */

/* Sets the reflection at the session; NULL or blank removes it. */
gboolean      cp_store_set_worker_reflection     (CpStore     *self,
                                                  const char  *session_uuid,
                                                  const char  *text,
                                                  GError     **error);

/* ---- The caseload -------------------------------------------------------------------- */

/* Whose overdue steps: the practitioner's (with the ones done together), the person's,
 * anyone else's (a member of their map, someone named by role). */
typedef enum
{
  CP_SUPERVISION_OWNER_PRACTITIONER,
  CP_SUPERVISION_OWNER_PERSON,
  CP_SUPERVISION_OWNER_OTHERS,
  CP_SUPERVISION_N_OWNERS
} CpSupervisionOwner;

/* One active or paused person, as the supervisor's questions about the work see them.
 * Only active goals count. A goal is linked outside services when one of its helpers or
 * step owners is a member of the person's map whose sector is not "services & paid
 * support" (on the newest map that holds them); the plan names a community opportunity
 * when such a member is a place or an activity. */
typedef struct
{
  gint64          person_id;
  char           *name;               /* show initials unless the user asks for names */
  char           *case_ref;           /* or NULL */
  CpPersonStatus  status;             /* ACTIVE or PAUSED */
  CpPauseReason   pause_reason;
  char           *paused_on;          /* or NULL (paused before this was recorded) */
  int             days_paused;        /* -1 unless paused since a known day */
  guint           steps_overdue[CP_SUPERVISION_N_OWNERS];  /* due before today, not done */
  char           *copy_given_on;      /* the day their copy last left (disclosure log) */
  char           *guide_on;           /* the day the guide was last gone through */
  gboolean        community;          /* the plan names a community place or activity */
  char           *map_on;             /* the newest map's day, or NULL (no map) */
  gboolean        map_stale;          /* no map, or the newest is older than asked */
  guint           n_goals;
  guint           n_goals_with_steps;
  guint           n_goals_outside;    /* linked to someone or somewhere outside services */
  guint           barriers;           /* 1 << CpBarrier for each pick at the last review */
  char           *last_review_on;     /* or NULL */
  char           *next_review;        /* or NULL */
  gboolean        review_overdue;     /* active and the next review is before today */
  char           *last_discussed_on;  /* the last session that discussed them, or NULL */
  guint           open_actions;       /* supervision actions not done */
} CpSupervisionRow;

void          cp_supervision_row_free            (CpSupervisionRow *row);

/* Every active and paused person (CpSupervisionRow, by id). A map older than
 * @stale_weeks weeks is stale. A handful of queries for the whole caseload, in one read
 * transaction. */
GPtrArray    *cp_store_read_caseload             (CpStore     *self,
                                                  guint        stale_weeks,
                                                  GError     **error);

G_END_DECLS
