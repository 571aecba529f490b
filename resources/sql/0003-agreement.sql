-- 0003: agreement, sharing and communication needs (schema version 3).
-- The person table is rebuilt so that its constraints are named like the others. Steps run
-- with foreign keys off, so the maps, goals and reviews that refer to person stay; they
-- refer to it by name, and the new table has the same name and ids. (No RENAME of person:
-- that would rewrite the children's REFERENCES.)
-- The free-text communication column of version 2 held 'large print' or 'easy read' in
-- the practice data: those become flags; any other text stays as "other" needs.
-- keep_agreed_on is left empty: no one recorded that agreement before.

CREATE TEMP TABLE person_v2 AS SELECT * FROM person;

DROP INDEX person_next_review_idx;
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
  agreed_on     TEXT,
  keep_agreed_on TEXT,
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
  CONSTRAINT person_agreed_on CHECK (agreed_on IS NULL OR date(agreed_on) IS agreed_on),
  CONSTRAINT person_keep_agreed_on CHECK (keep_agreed_on IS NULL
    OR date(keep_agreed_on) IS keep_agreed_on),
  CONSTRAINT person_communication_flags CHECK (large_print IN (0, 1) AND easy_read IN (0, 1)
    AND interpreter IN (0, 1)),
  CONSTRAINT person_interpreter_language CHECK (interpreter_language IS NULL
    OR (interpreter = 1 AND length(trim(interpreter_language)) > 0)),
  CONSTRAINT person_created_at CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  CONSTRAINT person_updated_at CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

INSERT INTO person (id, name, case_ref, status, pause_reason, closed_on, focus, next_review,
                    agreed_on, keep_agreed_on, sharing, large_print, easy_read, interpreter,
                    interpreter_language, communication, notes, created_at, updated_at)
  SELECT id, name, case_ref, status, pause_reason, closed_on, focus, next_review,
         agreed_on, NULL, '',
         lower(communication) LIKE '%large print%',
         lower(communication) LIKE '%easy read%',
         0, NULL,
         CASE WHEN lower(trim(communication)) IN ('large print', 'easy read') THEN ''
              ELSE communication END,
         notes, created_at, updated_at
  FROM person_v2 ORDER BY id;

DROP TABLE person_v2;

CREATE INDEX person_next_review_idx ON person (next_review);
