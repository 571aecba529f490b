/* cp-store-pack.h: the supervision pack and its reply, as data (no GTK)
 *
 * Copyright 2026 The Connecting People Kit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cp-store.h"

G_BEGIN_DECLS

/* A supervision pack lets a supervisor who is not at the practitioner's laptop read
 * chosen people's plans and write supervision comments, actions and sign-offs, which
 * come back in a reply. This file makes and reads the two payloads; sealing them with
 * a passphrase and writing files is src/supervision/cp-supervision-pack.h.
 *
 * PRACTITIONER SIDE
 *   cp_store_describe_pack ()      says in words exactly what would leave (the preview);
 *   cp_store_build_pack_payload () makes it: a serialized SQLite database with this
 *                                  app's schema (same version), holding only the chosen
 *                                  people, pseudonymised;
 *   cp_store_record_sent_pack ()   once the file is written: the sent_pack rows and one
 *                                  disclosure-log entry per person (not undoable);
 *   cp_store_import_reply ()       merges a reply's comments, actions and sign-offs.
 *
 * What a pack holds, per chosen person: their initials in place of the name (the
 * initials cp_person_dup_initials () shows), the case reference for a line supervisor
 * (none for a practice educator), status, review dates, their maps with members named
 * by initials only (no notes, no caution flags), goals, steps, helpers, barriers,
 * reviews with ratings and barrier picks (review and rating free text only when
 * @include_review_text); the supervision sessions that discussed them, with only the
 * chosen people on them, and their comments, actions and sign-offs. In workspace_meta:
 * 'uuid' (the practitioner's workspace), 'pack-uuid', 'pack-kind' ('pack'),
 * 'pack-recipient' ('line_supervisor' or 'practice_educator').
 * It never holds: the person's name, notes of any kind, caution flags, what the person
 * agreed may be shared, communication needs, the worker's reflections, the disclosure
 * log, the library and its bookmarks, other people, the packs sent, settings.
 *
 * SUPERVISOR SIDE
 *   cp_store_open_pack ()          the payload as a CpStore, in memory only
 *                                  (sqlite3_deserialize; never written to a file);
 *   cp_store_build_reply_payload () the supervision rows the supervisor made or changed.
 *
 * A pack store reads like any workspace (people, maps, goals, reviews, supervision) and
 * is read-only (cp_store_get_read_only () is TRUE) except for the supervision record:
 * sessions, people discussed, comments, actions and sign-offs can be edited with the
 * calls of cp-store-supervision.h, each one undo step as usual
 * (cp_store_can_edit_supervision () is TRUE). Any other edit fails with
 * CP_STORE_ERROR_READ_ONLY. The worker's reflection cannot be written in a pack.
 * THE SUPERVISOR'S UNSENT WORK LIVES ONLY IN THAT IN-MEMORY STORE: nothing is saved to
 * the disk until a reply is exported; closing the pack store (or the app) without
 * exporting a reply loses it. The UI must say so before it closes a pack with changes
 * (cp_store_pack_has_changes ()).
 * A pack store has no file: cp_store_get_path () gives "supervision-pack" (never a
 * person's name), there are no backups, no lock, and cp_store_run_async () and the
 * other jobs of cp-store-async.h that open the file again fail on it.
 *
 * THE REPLY is a serialized SQLite database too, with this app's schema holding nothing
 * but the supervision sessions, people discussed (by the practitioner's person ids),
 * comments, actions and sign-offs the supervisor added or changed, and in
 * workspace_meta 'uuid' (the practitioner's workspace), 'pack-uuid' and 'pack-kind'
 * ('reply').
 *
 * Import checks, before anything is written: the reply is for this workspace, answers
 * a pack this workspace sent, names only people who were in that pack, and every row
 * keeps the workspace's rules; then it merges comments, actions and sign-offs (with the
 * sessions and people-discussed rows they need) by UUID: new rows are added, changed
 * ones updated, as one undo step "Import supervision reply". Importing the same reply
 * again changes nothing and makes no step. Any bad row: nothing is imported.
 *
 * Threads: every call here uses the store's connection, so it belongs on the thread
 * that owns the store (the window's). The payloads are plain bytes: seal and write them
 * in a worker (cp-supervision-pack.h).
 *
 * Names refined from the plan's contract: none renamed; added CP_STORE_PACK_ERROR,
 * cp_pack_recipient_get_label (), cp_pack_recipient_get_role (),
 * cp_store_get_pack_recipient (), cp_store_dup_pack_uuid (),
 * cp_store_pack_has_changes (), cp_store_check_reply () and CpPackDescription. */

#define CP_STORE_PACK_ERROR (cp_store_pack_error_quark ())

/* Every message is written for people and may be shown as it is. Errors from SQLite
 * while reading or writing come as CP_STORE_ERROR. */
typedef enum
{
  CP_STORE_PACK_ERROR_NOT_A_PACK,       /* the payload is not a pack (or reply) of this app */
  CP_STORE_PACK_ERROR_TOO_NEW,          /* made by a newer version of the app */
  CP_STORE_PACK_ERROR_WRONG_KIND,       /* a reply where a pack is wanted, or the reverse */
  CP_STORE_PACK_ERROR_OTHER_WORKSPACE,  /* "This reply is for another workspace" */
  CP_STORE_PACK_ERROR_NEVER_SENT,       /* "This reply answers a pack this workspace never sent" */
  CP_STORE_PACK_ERROR_NOT_IN_PACK,      /* the reply names someone who was not in the pack */
  CP_STORE_PACK_ERROR_BAD_ROW,          /* a row breaks the workspace's rules */
  CP_STORE_PACK_ERROR_NO_PEOPLE,        /* a pack for no one, or for someone not here */
} CpStorePackError;

GQuark       cp_store_pack_error_quark     (void);

typedef enum
{
  CP_PACK_RECIPIENT_LINE_SUPERVISOR,    /* in the organisation: case references go */
  CP_PACK_RECIPIENT_PRACTICE_EDUCATOR,  /* external: case references are left out */
} CpPackRecipient;

/* "line supervisor", "practice educator" (translated, lower case, for sentences and the
 * disclosure log's "to whom"). */
const char  *cp_pack_recipient_get_label   (CpPackRecipient  recipient);
/* "Line supervisor", "Practice educator" (translated): the sender's role on a reply. */
const char  *cp_pack_recipient_get_role    (CpPackRecipient  recipient);

typedef struct
{
  CpPackRecipient  recipient;
  const gint64    *person_ids;           /* at least one; each must be in the workspace */
  guint            n_people;
  gboolean         include_review_text;  /* review and rating notes go too */
} CpPackChoice;

/* ---- Practitioner side ---------------------------------------------------------------- */

/* What would leave, in words, for the preview: a paragraph per person (initials, case
 * reference or "case reference left out", numbers of maps, goals, steps and reviews,
 * whether review free text goes), then a fixed paragraph of what never leaves. The same
 * counts as the payload cp_store_build_pack_payload () makes for @choice. NO_PEOPLE when
 * @choice names no one or someone who is not in the workspace. */
char        *cp_store_describe_pack        (CpStore             *self,
                                            const CpPackChoice  *choice,
                                            GError             **error);

/* The pack's payload for @choice, named @pack_uuid (a fresh g_uuid_string_random ()):
 * a serialized SQLite database (see above). Reads only; NO_PEOPLE as above. */
GBytes      *cp_store_build_pack_payload   (CpStore             *self,
                                            const CpPackChoice  *choice,
                                            const char          *pack_uuid,
                                            GError             **error);

/* After the pack file was written: records the pack (sent_pack, sent_pack_person) and
 * one disclosure-log entry per person ("supervision pack", to the recipient's label).
 * Not an undo step, never undone. Emits ::changed with { "sent_pack", "disclosure" }.
 * READ_ONLY on a read-only store. */
gboolean     cp_store_record_sent_pack     (CpStore             *self,
                                            const char          *pack_uuid,
                                            const CpPackChoice  *choice,
                                            GError             **error);

/* The checks on a reply's heading, before the passphrase is asked for: OTHER_WORKSPACE
 * unless @workspace_uuid is this workspace's, NEVER_SENT unless @pack_uuid is a pack it
 * sent. */
gboolean     cp_store_check_reply          (CpStore             *self,
                                            const char          *workspace_uuid,
                                            const char          *pack_uuid,
                                            GError             **error);

/* Merges the reply @payload to the pack @pack_uuid (from the sealed file's heading; it
 * must match the payload's) into this workspace (see above). @n_merged (may be NULL)
 * gets the number of comments, actions and sign-offs added or changed (0 the second
 * time). NOT_A_PACK, TOO_NEW, WRONG_KIND, OTHER_WORKSPACE, NEVER_SENT, NOT_IN_PACK,
 * BAD_ROW (nothing imported), or a CP_STORE_ERROR from the edit. */
gboolean     cp_store_import_reply         (CpStore             *self,
                                            const char          *pack_uuid,
                                            GBytes              *payload,
                                            guint               *n_merged,
                                            GError             **error);

/* ---- Supervisor side ------------------------------------------------------------------ */

/* The pack @payload as a store in memory (see above). NOT_A_PACK (not a workspace of
 * this app, or not a pack), TOO_NEW, WRONG_KIND (a reply). @payload is copied. */
CpStore     *cp_store_open_pack            (GBytes              *payload,
                                            GError             **error);

/* TRUE for a store made by cp_store_open_pack (). */
gboolean     cp_store_is_pack              (CpStore             *self);
/* Whether the supervision record may be edited: TRUE for a writable workspace and a
 * pack, FALSE for a workspace open read-only. */
gboolean     cp_store_can_edit_supervision (CpStore             *self);
/* A pack store's recipient kind (LINE_SUPERVISOR for any other store). */
CpPackRecipient cp_store_get_pack_recipient (CpStore            *self);
/* A pack store's pack UUID (free it); NULL for any other store. Its workspace UUID
 * (the practitioner's) is cp_store_dup_workspace_uuid (). */
char        *cp_store_dup_pack_uuid        (CpStore             *self);
/* TRUE when the supervisor added or changed something since the pack was opened (what
 * the reply would carry). */
gboolean     cp_store_pack_has_changes     (CpStore             *self);

/* The reply's payload from a pack store: only the supervision rows the supervisor added
 * or changed since the pack was opened, with the pack UUID and the workspace UUID.
 * WRONG_KIND for a store that is not a pack. A reply with no changes is allowed (it
 * imports as nothing). */
GBytes      *cp_store_build_reply_payload  (CpStore             *pack_store,
                                            GError             **error);

G_END_DECLS
