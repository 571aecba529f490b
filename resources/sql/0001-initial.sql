-- 0001: the first workspace: people only (schema version 1).
-- A migration step runs inside one transaction; the store sets user_version.

PRAGMA application_id = 1668303732;

-- A person on the caseload. The minimum: a preferred name or initials and an optional
-- case-record reference. Never date of birth, address, NHS number, diagnosis or legal status.
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
  CONSTRAINT person_created_at CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  CONSTRAINT person_updated_at CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z')
) STRICT;

CREATE INDEX person_next_review_idx ON person (next_review);
