-- 0009: the disclosure log knows a supervision sheet (schema version 9).
-- A supervision sheet (a PDF of a person's or a session's supervision) was logged as a
-- supervision pack, its detail saying what it was. It gets a kind of its own; the rows
-- logged before keep their kind (what left was still written in their detail).
-- The table is rebuilt under the same name with the same ids (nothing refers to it).

CREATE TEMP TABLE disclosure_v8 AS SELECT * FROM disclosure;

DROP INDEX disclosure_person_idx;
DROP TABLE disclosure;

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

INSERT INTO disclosure (id, person_id, what, detail, to_whom, made_at)
  SELECT id, person_id, what, detail, to_whom, made_at FROM disclosure_v8;

DROP TABLE disclosure_v8;

CREATE INDEX disclosure_person_idx ON disclosure (person_id, made_at);
