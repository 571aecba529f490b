-- The current full schema, used for a fresh workspace. Keep it equal to the migration
-- steps 0001..NNNN applied in order (test-store-migrations compares the two).

PRAGMA application_id = 1668303732;

-- A person on the caseload. The minimum: a preferred name or initials and an optional
-- case-record reference. Never date of birth, address, NHS number, diagnosis or legal status.
-- agreed_on: the day they agreed to the work; keep_agreed_on: the day they agreed to their
-- map and plan being kept in this app (often the same day, but not always: the work may
-- start on paper). sharing: what they agreed may be shared, and with whom, in their words.
-- Communication needs, which printouts follow: large_print, easy_read, interpreter (with
-- interpreter_language), and communication for anything else.
-- next_review is the one home of a person's next review (a review sets it); check_in_on is
-- a paused person's check-in date (only while paused); plan_agreed_on the day the plan was
-- agreed; guide_on the day the guide was last gone through with them (0007). The person's
-- copy being given is in the disclosure log. paused_on: the day a paused person was paused
-- (set and cleared by the store with the status; 0008).
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

CREATE INDEX person_next_review_idx ON person (next_review);

-- Key/value facts about the workspace itself (its kind, the version that made it, its
-- UUID: a copy made with Save a Copy gets a new one).
CREATE TABLE workspace_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO workspace_meta (key, value)
  VALUES ('uuid', lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
          substr (lower (hex (randomblob (2))), 2) || '-' ||
          substr ('89ab', 1 + abs (random ()) % 4, 1) || substr (lower (hex (randomblob (2))), 2) ||
          '-' || lower (hex (randomblob (6))));

-- A dated network map of a person (baseline, review 1, ...).
CREATE TABLE snapshot (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  label      TEXT NOT NULL,
  taken_on   TEXT NOT NULL,
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT snapshot_label CHECK (length(trim(label)) > 0),
  CONSTRAINT snapshot_taken_on CHECK (date(taken_on) IS taken_on)
) STRICT;

CREATE INDEX snapshot_person_idx ON snapshot (person_id, taken_on);

-- One node of a snapshot. lineage is the same for the same member across a person's
-- snapshots. ring 4 is the outer "I'd like / lost touch" zone; the place within the
-- (sector, ring) cell is angle (0..1 across it, clockwise) and depth (0 its inner edge ..
-- 1 its outer edge). frequency 0 (hardly ever) .. 4 (daily); years_known 0 (under 1),
-- 1 (1-5), 2 (over 5); support_types is a bit set: 1 emotional, 2 practical,
-- 4 information, 8 company. died: "died — keep on my map" (drawn apart, left out of the
-- measures). depth, mostly_online and died came with 0006-netmap.sql.
CREATE TABLE member (
  id             INTEGER PRIMARY KEY,
  snapshot_id    INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
  lineage        INTEGER NOT NULL,
  kind           TEXT NOT NULL DEFAULT 'person',
  name           TEXT NOT NULL,
  sector         TEXT NOT NULL,
  ring           INTEGER NOT NULL,
  angle          REAL NOT NULL DEFAULT 0.5,
  depth          REAL NOT NULL DEFAULT 0.5,
  helps_me       INTEGER NOT NULL DEFAULT 0,
  hard_going     INTEGER NOT NULL DEFAULT 0,
  want_more      INTEGER NOT NULL DEFAULT 0,
  frequency      INTEGER,
  years_known    INTEGER,
  support_types  INTEGER NOT NULL DEFAULT 0,
  direction      TEXT,
  paid           INTEGER,
  met_through_us INTEGER NOT NULL DEFAULT 0,
  mostly_online  INTEGER NOT NULL DEFAULT 0,
  died           INTEGER NOT NULL DEFAULT 0,
  added_on       TEXT NOT NULL,
  caution        INTEGER NOT NULL DEFAULT 0,
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CONSTRAINT member_lineage UNIQUE (snapshot_id, lineage),
  CONSTRAINT member_kind CHECK (kind IN ('person', 'place', 'activity')),
  CONSTRAINT member_name CHECK (length(trim(name)) > 0),
  CONSTRAINT member_sector CHECK (sector IN ('family', 'friends', 'neighbours', 'work',
                                             'groups', 'services')),
  CONSTRAINT member_ring CHECK (ring BETWEEN 1 AND 4),
  CONSTRAINT member_angle CHECK (angle >= 0.0 AND angle <= 1.0),
  CONSTRAINT member_depth CHECK (depth >= 0.0 AND depth <= 1.0),
  CONSTRAINT member_chips CHECK (helps_me IN (0, 1) AND hard_going IN (0, 1)
    AND want_more IN (0, 1) AND met_through_us IN (0, 1) AND caution IN (0, 1)),
  CONSTRAINT member_marks CHECK (mostly_online IN (0, 1) AND died IN (0, 1)),
  CONSTRAINT member_frequency CHECK (frequency IS NULL OR frequency BETWEEN 0 AND 4),
  CONSTRAINT member_years_known CHECK (years_known IS NULL OR years_known BETWEEN 0 AND 2),
  CONSTRAINT member_support_types CHECK (support_types BETWEEN 0 AND 15),
  CONSTRAINT member_direction CHECK (direction IS NULL
    OR direction IN ('both', 'to_them', 'from_them')),
  CONSTRAINT member_paid CHECK (paid IS NULL OR paid IN (0, 1)),
  CONSTRAINT member_added_on CHECK (date(added_on) IS added_on)
) STRICT;

-- A tie between two members of one snapshot (a_id < b_id).
CREATE TABLE tie (
  id          INTEGER PRIMARY KEY,
  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
  a_id        INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  b_id        INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  strength    TEXT NOT NULL DEFAULT 'strong',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CONSTRAINT tie_pair UNIQUE (a_id, b_id),
  CONSTRAINT tie_ends CHECK (a_id < b_id),
  CONSTRAINT tie_strength CHECK (strength IN ('strong', 'weak', 'stressful'))
) STRICT;

CREATE INDEX tie_snapshot_idx ON tie (snapshot_id);
CREATE INDEX tie_b_idx ON tie (b_id);

-- ---- Goals and reviews (0007-goals-reviews.sql) ------------------------------
-- A goal in the person's own words. specific, measurable, achievable and relevant are the
-- prompts "what exactly", "how we will know", "is it doable" and "why it matters". made_on
-- is the day it was agreed (no step is due before it; NULL when not known).
CREATE TABLE goal (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  text           TEXT NOT NULL,
  life_area      TEXT,
  dialog_domain  TEXT,
  specific       TEXT NOT NULL DEFAULT '',
  measurable     TEXT NOT NULL DEFAULT '',
  achievable     TEXT NOT NULL DEFAULT '',
  relevant       TEXT NOT NULL DEFAULT '',
  target_on      TEXT,
  if_hard        TEXT NOT NULL DEFAULT '',
  level_minus2   TEXT NOT NULL DEFAULT '',
  level_minus1   TEXT NOT NULL DEFAULT '',
  level_0        TEXT NOT NULL DEFAULT '',
  level_plus1    TEXT NOT NULL DEFAULT '',
  level_plus2    TEXT NOT NULL DEFAULT '',
  baseline_level INTEGER,
  importance     INTEGER,
  difficulty     INTEGER,
  status         TEXT NOT NULL DEFAULT 'active',
  status_on      TEXT,
  made_on        TEXT,
  position       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  CONSTRAINT goal_text CHECK (length(trim(text)) > 0),
  CONSTRAINT goal_life_area CHECK (life_area IS NULL
    OR life_area IN ('friendships', 'family', 'leisure', 'learning', 'work', 'faith',
                     'physical_activity', 'community_groups', 'practical', 'health', 'money',
                     'caring', 'digital')),
  CONSTRAINT goal_dialog_domain CHECK (dialog_domain IS NULL
    OR dialog_domain IN ('mental_health', 'physical_health', 'job', 'accommodation',
                         'leisure', 'friendships', 'partner_family', 'safety', 'medication',
                         'practical_help', 'professionals')),
  CONSTRAINT goal_target_on CHECK (target_on IS NULL OR date(target_on) IS target_on),
  CONSTRAINT goal_baseline_level CHECK (baseline_level IS NULL OR baseline_level BETWEEN -2 AND 2),
  CONSTRAINT goal_importance CHECK (importance IS NULL OR importance BETWEEN 0 AND 3),
  CONSTRAINT goal_difficulty CHECK (difficulty IS NULL OR difficulty BETWEEN 0 AND 3),
  CONSTRAINT goal_status CHECK (status IN ('active', 'achieved', 'stopped')),
  CONSTRAINT goal_status_on CHECK ((status = 'active') = (status_on IS NULL)
    AND (status_on IS NULL OR date(status_on) IS status_on)),
  CONSTRAINT goal_made_on CHECK (made_on IS NULL OR date(made_on) IS made_on)
) STRICT;

CREATE INDEX goal_person_idx ON goal (person_id, position);

-- A small step towards a goal and who does it: owner_role names someone else (a role in
-- words), owner_lineage a member of the person's map.
CREATE TABLE step (
  id            INTEGER PRIMARY KEY,
  goal_id       INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  text          TEXT NOT NULL,
  owner         TEXT NOT NULL DEFAULT 'person',
  owner_role    TEXT,
  owner_lineage INTEGER,
  due_on        TEXT,
  done_on       TEXT,
  position      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CONSTRAINT step_text CHECK (length(trim(text)) > 0),
  CONSTRAINT step_owner CHECK (owner IN ('person', 'practitioner', 'together', 'someone',
                                         'member')
    AND (owner = 'member') = (owner_lineage IS NOT NULL)),
  CONSTRAINT step_owner_role CHECK ((owner = 'someone') = (owner_role IS NOT NULL)
    AND (owner_role IS NULL OR length(trim(owner_role)) > 0)),
  CONSTRAINT step_due_on CHECK (due_on IS NULL OR date(due_on) IS due_on),
  CONSTRAINT step_done_on CHECK (done_on IS NULL OR date(done_on) IS done_on)
) STRICT;

CREATE INDEX step_goal_idx ON step (goal_id, position);

-- Who helps with a goal: a member lineage of the same person.
CREATE TABLE goal_member (
  id         INTEGER PRIMARY KEY,
  goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  lineage    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  CONSTRAINT goal_member_pair UNIQUE (goal_id, lineage)
) STRICT;

-- What gets in the way of a goal, and how to tackle it.
CREATE TABLE goal_barrier (
  id         INTEGER PRIMARY KEY,
  goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  barrier    TEXT NOT NULL,
  tackle     TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT goal_barrier_text CHECK (length(trim(barrier)) > 0)
) STRICT;

CREATE INDEX goal_barrier_goal_idx ON goal_barrier (goal_id, position);

-- A review meeting: who attended (roles or first names), the person's own view in their
-- words, what happened (notes), new contacts made, next steps. The next review is the
-- person's (person.next_review).
CREATE TABLE review (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  held_on      TEXT NOT NULL,
  attended     TEXT NOT NULL DEFAULT '',
  own_view     TEXT NOT NULL DEFAULT '',
  notes        TEXT NOT NULL DEFAULT '',
  new_contacts TEXT NOT NULL DEFAULT '',
  next_steps   TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CONSTRAINT review_held_on CHECK (date(held_on) IS held_on)
) STRICT;

CREATE INDEX review_person_idx ON review (person_id, held_on);

-- What got in the way, picked at a review.
CREATE TABLE review_barrier (
  id         INTEGER PRIMARY KEY,
  review_id  INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  barrier    TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  CONSTRAINT review_barrier_pair UNIQUE (review_id, barrier),
  CONSTRAINT review_barrier_kind CHECK (barrier IN ('money', 'transport', 'confidence',
                                                    'health', 'stigma', 'caring', 'language',
                                                    'digital', 'service', 'safety', 'other')),
  CONSTRAINT review_barrier_safety CHECK (barrier != 'safety' OR note = '')
) STRICT;

-- How a goal went by a review: a Goal Attainment Scaling level (-2..+2), or without GAS
-- further on / about the same / harder (progress), or neither (a note alone); never both.
CREATE TABLE rating (
  id         INTEGER PRIMARY KEY,
  review_id  INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  level      INTEGER,
  progress   TEXT,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT rating_pair UNIQUE (review_id, goal_id),
  CONSTRAINT rating_level CHECK (level IS NULL OR level BETWEEN -2 AND 2),
  CONSTRAINT rating_progress CHECK (progress IS NULL
    OR progress IN ('further', 'same', 'harder')),
  CONSTRAINT rating_kind CHECK (level IS NULL OR progress IS NULL)
) STRICT;

CREATE INDEX rating_goal_idx ON rating (goal_id);

-- ---- Library (0004-library.sql, 0005-document-sha256.sql) ---------------------------
-- A PDF the user added to the library. Removing one is an undoable edit; its file is
-- deleted only when no row and no undo step refers to it any more. Its file is
-- library/<workspace>/<sha256>.pdf: sha256 is 64 lower-case hex digits, nothing else.
CREATE TABLE document (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  file_name  TEXT NOT NULL DEFAULT '',
  sha256     TEXT NOT NULL,
  n_pages    INTEGER NOT NULL DEFAULT 0,
  added_at   TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT document_key UNIQUE (key),
  CONSTRAINT document_sha256 CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'
    AND key = 'sha256:' || sha256),
  CONSTRAINT document_n_pages CHECK (n_pages >= 0)
) STRICT;

-- Where the reader left a document (bundled or imported), by key: not an undo step, so
-- it lives apart from the rows that are. zoom is 0.25..4 (100 % = 1); sizing free,
-- fit-width or fit-page; night_mode system (follow the desktop), on or off.
CREATE TABLE document_view (
  key        TEXT PRIMARY KEY,
  last_page  INTEGER NOT NULL DEFAULT 0,
  n_pages    INTEGER NOT NULL DEFAULT 0,
  zoom       REAL NOT NULL DEFAULT 1.0,
  sizing     TEXT NOT NULL DEFAULT 'fit-width',
  night_mode TEXT NOT NULL DEFAULT 'system',
  updated_at TEXT NOT NULL,
  CONSTRAINT document_view_last_page CHECK (last_page >= 0),
  CONSTRAINT document_view_n_pages CHECK (n_pages >= 0),
  CONSTRAINT document_view_zoom CHECK (zoom BETWEEN 0.25 AND 4.0),
  CONSTRAINT document_view_sizing CHECK (sizing IN ('free', 'fit-width', 'fit-page')),
  CONSTRAINT document_view_night_mode CHECK (night_mode IN ('system', 'on', 'off'))
) STRICT;

-- A bookmark or a highlight in a document, by key (bundled manuals have no document row).
-- Anchored three ways so it stays in place when a manual is rebuilt with more pages: the
-- nearest named destination before it (dest, may be NULL), the selected text (quote), and
-- the page (0-based) with its rectangles in points ('x y w h' separated by ';').
CREATE TABLE bookmark (
  id         INTEGER PRIMARY KEY,
  doc_key    TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'bookmark',
  page       INTEGER NOT NULL,
  dest       TEXT,
  quote      TEXT NOT NULL DEFAULT '',
  rects      TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  colour     TEXT NOT NULL DEFAULT 'yellow',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT bookmark_kind CHECK (kind IN ('bookmark', 'highlight')),
  CONSTRAINT bookmark_page CHECK (page >= 0),
  CONSTRAINT bookmark_colour CHECK (colour IN ('yellow', 'green', 'blue', 'pink'))
) STRICT;

CREATE INDEX bookmark_doc_idx ON bookmark (doc_key, page);

-- ---- Disclosure log (0006-netmap.sql) -------------------------------------------
-- Every time something about a person left the app: a summary copied for the case
-- record, the person's own copy, an identifiable export, a supervision pack, a subject
-- access report, a supervision sheet (0009-disclosure-sheet.sql). detail says what it
-- held (free text, written by the app); to_whom is "" when not known. Written once, never
-- edited or undone; goes with the person.
CREATE TABLE disclosure (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  what       TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '',
  to_whom    TEXT NOT NULL DEFAULT '',
  made_at    TEXT NOT NULL,
  CONSTRAINT disclosure_what CHECK (what IN ('summary', 'person_copy', 'identifiable_export',
                                             'supervision_pack', 'subject_access',
                                             'supervision_sheet')),
  CONSTRAINT disclosure_made_at CHECK (made_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE INDEX disclosure_person_idx ON disclosure (person_id, made_at);

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
