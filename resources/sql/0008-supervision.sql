-- 0008: supervision (schema version 8).
-- person is rebuilt the way 0003 and 0007 rebuilt it (copied to a temporary table,
-- dropped and made again under the same name with the same ids; foreign keys are off,
-- so the maps, goals, reviews and the disclosure log that refer to it stay), to add
-- paused_on: the day a paused person was paused, set and cleared by the store when the
-- status changes. People paused before this version take the day of the last change to
-- their record, the best there is.
-- The workspace gets a UUID of its own (workspace_meta 'uuid'; Save a Copy gives the copy
-- a new one), so that a supervision pack's reply finds the workspace it came from.
-- Then the supervision record, the worker's reflection and the packs sent (below).

CREATE TEMP TABLE person_v7 AS SELECT * FROM person;

DROP INDEX person_next_review_idx;
DROP TABLE person;

CREATE TABLE person (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  case_ref      TEXT,
  status        TEXT NOT NULL DEFAULT 'active',
  pause_reason  TEXT,
  paused_on     TEXT,
  closed_on     TEXT,
  focus         TEXT,
  next_review   TEXT,
  check_in_on   TEXT,
  agreed_on     TEXT,
  keep_agreed_on TEXT,
  plan_agreed_on TEXT,
  guide_on      TEXT,
  sharing       TEXT NOT NULL DEFAULT '',
  large_print   INTEGER NOT NULL DEFAULT 0,
  easy_read     INTEGER NOT NULL DEFAULT 0,
  interpreter   INTEGER NOT NULL DEFAULT 0,
  interpreter_language TEXT,
  communication TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CONSTRAINT person_name CHECK (length(trim(name)) > 0),
  CONSTRAINT person_case_ref CHECK (case_ref IS NULL OR length(trim(case_ref)) > 0),
  CONSTRAINT person_status CHECK (status IN ('active', 'paused', 'closed')),
  CONSTRAINT person_pause_reason CHECK ((status = 'paused') = (pause_reason IS NOT NULL)
    AND (pause_reason IS NULL OR pause_reason IN ('hospital', 'crisis', 'choice'))),
  CONSTRAINT person_paused_on CHECK (paused_on IS NULL
    OR (status = 'paused' AND date(paused_on) IS paused_on)),
  CONSTRAINT person_closed_on CHECK ((status = 'closed') = (closed_on IS NOT NULL)
    AND (closed_on IS NULL OR date(closed_on) IS closed_on)),
  CONSTRAINT person_focus CHECK (focus IS NULL
    OR focus IN ('mapping', 'planning', 'supporting', 'reviewing')),
  CONSTRAINT person_next_review CHECK (next_review IS NULL OR date(next_review) IS next_review),
  CONSTRAINT person_check_in_on CHECK (check_in_on IS NULL
    OR (status = 'paused' AND date(check_in_on) IS check_in_on)),
  CONSTRAINT person_agreed_on CHECK (agreed_on IS NULL OR date(agreed_on) IS agreed_on),
  CONSTRAINT person_keep_agreed_on CHECK (keep_agreed_on IS NULL
    OR date(keep_agreed_on) IS keep_agreed_on),
  CONSTRAINT person_plan_agreed_on CHECK (plan_agreed_on IS NULL
    OR date(plan_agreed_on) IS plan_agreed_on),
  CONSTRAINT person_guide_on CHECK (guide_on IS NULL OR date(guide_on) IS guide_on),
  CONSTRAINT person_communication_flags CHECK (large_print IN (0, 1) AND easy_read IN (0, 1)
    AND interpreter IN (0, 1)),
  CONSTRAINT person_interpreter_language CHECK (interpreter_language IS NULL
    OR (interpreter = 1 AND length(trim(interpreter_language)) > 0)),
  CONSTRAINT person_created_at CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  CONSTRAINT person_updated_at CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

INSERT INTO person (id, name, case_ref, status, pause_reason, paused_on, closed_on, focus, next_review,
                    check_in_on, agreed_on, keep_agreed_on, plan_agreed_on, guide_on, sharing,
                    large_print, easy_read, interpreter, interpreter_language, communication,
                    notes, created_at, updated_at)
  SELECT id, name, case_ref, status, pause_reason,
         CASE WHEN status = 'paused' THEN substr (updated_at, 1, 10) END,
         closed_on, focus, next_review, check_in_on, agreed_on, keep_agreed_on,
         plan_agreed_on, guide_on, sharing, large_print, easy_read, interpreter,
         interpreter_language, communication, notes, created_at, updated_at
  FROM person_v7 ORDER BY id;

CREATE INDEX person_next_review_idx ON person (next_review);

DROP TABLE person_v7;

INSERT OR REPLACE INTO workspace_meta (key, value)
  VALUES ('uuid', lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
         substr (lower (hex (randomblob (2))), 2) || '-' ||
         substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2) ||
         '-' || lower (hex (randomblob (6))));

-- ---- Supervision (0008-supervision.sql) -------------------------------------------------
-- The supervision record has UUIDs, not INTEGER ids: a supervisor writes into a copy of
-- it (a pack) and the reply merges back, and INTEGER ids differ between copies. A uuid is
-- 36 lower-case characters (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). Everything about a
-- person hangs from supervision_person, which goes with the person (erasing them removes
-- it all).

-- A supervision session: the day it was held and who was there, by role (one per line:
-- "team manager", "practitioner"; roles, not names).
CREATE TABLE supervision_session (
  uuid       TEXT NOT NULL PRIMARY KEY,
  held_on    TEXT NOT NULL,
  attended   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT supervision_session_uuid CHECK (length(uuid) = 36
    AND uuid GLOB '????????-????-????-????-????????????' AND uuid NOT GLOB '*[^0-9a-f-]*'),
  CONSTRAINT supervision_session_held_on CHECK (date(held_on) IS held_on)
) STRICT;

CREATE INDEX supervision_session_held_idx ON supervision_session (held_on);

-- A person whose plan was discussed at a session.
CREATE TABLE supervision_person (
  session_uuid TEXT NOT NULL REFERENCES supervision_session (uuid) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (session_uuid, person_id)
) STRICT;

CREATE INDEX supervision_person_person_idx ON supervision_person (person_id);

-- The supervisor's comment on a person's plan at a session. The person can ask to see it
-- (it is in their subject access report).
CREATE TABLE supervision_comment (
  uuid         TEXT NOT NULL PRIMARY KEY,
  session_uuid TEXT NOT NULL,
  person_id    INTEGER NOT NULL,
  text         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  FOREIGN KEY (session_uuid, person_id)
    REFERENCES supervision_person (session_uuid, person_id) ON DELETE CASCADE,
  CONSTRAINT supervision_comment_uuid CHECK (length(uuid) = 36
    AND uuid GLOB '????????-????-????-????-????????????' AND uuid NOT GLOB '*[^0-9a-f-]*'),
  CONSTRAINT supervision_comment_text CHECK (length(trim(text)) > 0)
) STRICT;

CREATE INDEX supervision_comment_idx ON supervision_comment (session_uuid, person_id);

-- An action agreed at a session about a person's plan: what, who (a role in words:
-- required), by when (may be NULL), done on.
CREATE TABLE supervision_action (
  uuid         TEXT NOT NULL PRIMARY KEY,
  session_uuid TEXT NOT NULL,
  person_id    INTEGER NOT NULL,
  text         TEXT NOT NULL,
  owner        TEXT NOT NULL,
  due_on       TEXT,
  done_on      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  FOREIGN KEY (session_uuid, person_id)
    REFERENCES supervision_person (session_uuid, person_id) ON DELETE CASCADE,
  CONSTRAINT supervision_action_uuid CHECK (length(uuid) = 36
    AND uuid GLOB '????????-????-????-????-????????????' AND uuid NOT GLOB '*[^0-9a-f-]*'),
  CONSTRAINT supervision_action_text CHECK (length(trim(text)) > 0),
  CONSTRAINT supervision_action_owner CHECK (length(trim(owner)) > 0),
  CONSTRAINT supervision_action_due_on CHECK (due_on IS NULL OR date(due_on) IS due_on),
  CONSTRAINT supervision_action_done_on CHECK (done_on IS NULL OR date(done_on) IS done_on)
) STRICT;

CREATE INDEX supervision_action_idx ON supervision_action (session_uuid, person_id);

-- "Plan reviewed in supervision on DATE by NAME, ROLE": one per person per session. The
-- store refuses a day still to come.
CREATE TABLE supervision_signoff (
  uuid         TEXT NOT NULL PRIMARY KEY,
  session_uuid TEXT NOT NULL,
  person_id    INTEGER NOT NULL,
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  signed_on    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  FOREIGN KEY (session_uuid, person_id)
    REFERENCES supervision_person (session_uuid, person_id) ON DELETE CASCADE,
  CONSTRAINT supervision_signoff_pair UNIQUE (session_uuid, person_id),
  CONSTRAINT supervision_signoff_uuid CHECK (length(uuid) = 36
    AND uuid GLOB '????????-????-????-????-????????????' AND uuid NOT GLOB '*[^0-9a-f-]*'),
  CONSTRAINT supervision_signoff_name CHECK (length(trim(name)) > 0),
  CONSTRAINT supervision_signoff_role CHECK (length(trim(role)) > 0),
  CONSTRAINT supervision_signoff_signed_on CHECK (date(signed_on) IS signed_on)
) STRICT;

-- The worker's own reflection at a session ("are boundaries holding"): about the worker,
-- not about anyone on the caseload, so it is kept apart and never goes into a subject
-- access report, a sheet for a person's file or a pack.
CREATE TABLE worker_reflection (
  session_uuid TEXT NOT NULL PRIMARY KEY
    REFERENCES supervision_session (uuid) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CONSTRAINT worker_reflection_text CHECK (length(trim(text)) > 0)
) STRICT;

-- A supervision pack that left the app: when, for whom (a line supervisor in the
-- organisation, or an external practice educator), and for which people
-- (sent_pack_person). Written once, never edited or undone. A reply names its pack.
CREATE TABLE sent_pack (
  uuid       TEXT NOT NULL PRIMARY KEY,
  made_at    TEXT NOT NULL,
  recipient  TEXT NOT NULL,
  CONSTRAINT sent_pack_uuid CHECK (length(uuid) = 36
    AND uuid GLOB '????????-????-????-????-????????????' AND uuid NOT GLOB '*[^0-9a-f-]*'),
  CONSTRAINT sent_pack_recipient CHECK (recipient IN ('line_supervisor', 'practice_educator')),
  CONSTRAINT sent_pack_made_at CHECK (made_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE TABLE sent_pack_person (
  pack_uuid TEXT NOT NULL REFERENCES sent_pack (uuid) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  PRIMARY KEY (pack_uuid, person_id)
) STRICT;

CREATE INDEX sent_pack_person_person_idx ON sent_pack_person (person_id);
