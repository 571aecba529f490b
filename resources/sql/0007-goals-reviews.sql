-- 0007: goals and reviews as people use them (schema version 7).
-- person, goal, step, review and rating are rebuilt the way 0003 rebuilt person: each is
-- copied to a temporary table, dropped and made again under the same name with the same
-- ids. Steps run with foreign keys off, so the rows that refer to them (maps, steps,
-- helpers, ratings, the disclosure log) stay; they refer by name. (No RENAME of a parent:
-- that would rewrite the children's REFERENCES.)
--
-- person: the day the plan was agreed (plan_agreed_on), a paused person's check-in date
--   (check_in_on, only while paused), the day the guide was last gone through with them
--   (guide_on). The person's copy being given is in the disclosure log (person_copy).
-- The next review has one home, person.next_review: review.next_review_on is dropped.
--   A person without a next review takes the one their latest review set.
-- goal: life areas of their own (13, not the map's six sectors; the old values map to
--   the nearest: family, friends -> friendships, work, neighbours and groups -> community
--   groups, services -> practical & housing), the DIALOG+ item it answers, "if it gets
--   hard, I/we will..." (if_hard), the day it was agreed (made_on; the day it was added for
--   goals before this version), and the date of its status (achieved or put aside;
--   'stopped' is kept in storage and shown as "put aside"). Goals achieved or stopped
--   before this version are dated by their last change, the best there is.
-- step: owners together and someone else (owner_role, a role in words).
-- goal_barrier: what gets in the way of a goal and how to tackle it.
-- review: who attended, the person's own view, new contacts, next steps; notes is what
--   happened.
-- review_barrier: the quick picks of what got in the way, each with a note (none for
--   safety: that goes in the case record).
-- rating: without Goal Attainment Scaling, "further on / about the same / harder" in a
--   column of its own (progress), so a level is only ever a GAS level. A rating may hold
--   a note alone. The levels rated before this version were GAS levels and stay so.

CREATE TEMP TABLE person_v6 AS SELECT * FROM person;
CREATE TEMP TABLE goal_v6 AS SELECT * FROM goal;
CREATE TEMP TABLE step_v6 AS SELECT * FROM step;
CREATE TEMP TABLE review_v6 AS SELECT * FROM review;
CREATE TEMP TABLE rating_v6 AS SELECT * FROM rating;

DROP INDEX person_next_review_idx;
DROP INDEX goal_person_idx;
DROP INDEX step_goal_idx;
DROP INDEX review_person_idx;
DROP INDEX rating_goal_idx;
DROP TABLE rating;
DROP TABLE review;
DROP TABLE step;
DROP TABLE goal;
DROP TABLE person;

CREATE TABLE person (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  case_ref      TEXT,
  status        TEXT NOT NULL DEFAULT 'active',
  pause_reason  TEXT,
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

INSERT INTO person (id, name, case_ref, status, pause_reason, closed_on, focus, next_review,
                    check_in_on, agreed_on, keep_agreed_on, plan_agreed_on, guide_on, sharing,
                    large_print, easy_read, interpreter, interpreter_language, communication,
                    notes, created_at, updated_at)
  SELECT p.id, p.name, p.case_ref, p.status, p.pause_reason, p.closed_on, p.focus,
         coalesce (p.next_review,
                   (SELECT r.next_review_on FROM review_v6 r
                    WHERE r.person_id = p.id AND r.next_review_on IS NOT NULL
                    ORDER BY r.held_on DESC, r.id DESC LIMIT 1)),
         NULL, p.agreed_on, p.keep_agreed_on, NULL, NULL, p.sharing,
         p.large_print, p.easy_read, p.interpreter, p.interpreter_language, p.communication,
         p.notes, p.created_at, p.updated_at
  FROM person_v6 p ORDER BY p.id;

CREATE INDEX person_next_review_idx ON person (next_review);

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

INSERT INTO goal (id, person_id, text, life_area, dialog_domain, specific, measurable,
                  achievable, relevant, target_on, if_hard, level_minus2, level_minus1, level_0,
                  level_plus1, level_plus2, baseline_level, importance, difficulty, status,
                  status_on, made_on, position, created_at, updated_at)
  SELECT id, person_id, text,
         CASE life_area WHEN 'family' THEN 'family' WHEN 'friends' THEN 'friendships'
                        WHEN 'work' THEN 'work' WHEN 'neighbours' THEN 'community_groups'
                        WHEN 'groups' THEN 'community_groups' WHEN 'services' THEN 'practical'
                        ELSE NULL END,
         NULL, specific, measurable, achievable, relevant, target_on, '', level_minus2,
         level_minus1, level_0, level_plus1, level_plus2, baseline_level, importance,
         difficulty, status,
         CASE WHEN status = 'active' THEN NULL ELSE substr (updated_at, 1, 10) END,
         substr (created_at, 1, 10), position, created_at, updated_at
  FROM goal_v6 ORDER BY id;

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

INSERT INTO step (id, goal_id, text, owner, owner_role, owner_lineage, due_on, done_on,
                  position, created_at, updated_at)
  SELECT id, goal_id, text, owner, NULL, owner_lineage, due_on, done_on, position, created_at,
         updated_at
  FROM step_v6 ORDER BY id;

CREATE INDEX step_goal_idx ON step (goal_id, position);

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

INSERT INTO review (id, person_id, held_on, notes, created_at, updated_at)
  SELECT id, person_id, held_on, notes, created_at, updated_at FROM review_v6 ORDER BY id;

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

INSERT INTO rating (id, review_id, goal_id, level, progress, note, created_at, updated_at)
  SELECT id, review_id, goal_id, level, NULL, note, created_at, updated_at
  FROM rating_v6 ORDER BY id;

CREATE INDEX rating_goal_idx ON rating (goal_id);

DROP TABLE rating_v6;
DROP TABLE review_v6;
DROP TABLE step_v6;
DROP TABLE goal_v6;
DROP TABLE person_v6;
