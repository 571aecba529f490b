-- 0006: the network map's own fields, and the disclosure log (schema version 6).
-- member is rebuilt so that its new columns sit beside their kin and its constraints stay
-- named: depth (the place within the ring, 0 inner edge .. 1 outer edge; 0.5, the middle,
-- for every member drawn before), mostly_online and died ("died — keep on my map"), both
-- off for every member so far. Steps run with foreign keys off, so the ties that refer
-- to member stay; they refer to it by name, and the new table has the same name and ids.
-- (No RENAME of member: that would rewrite tie's REFERENCES.)

CREATE TEMP TABLE member_v5 AS SELECT * FROM member;

DROP TABLE member;

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

INSERT INTO member (id, snapshot_id, lineage, kind, name, sector, ring, angle, depth,
                    helps_me, hard_going, want_more, frequency, years_known, support_types,
                    direction, paid, met_through_us, mostly_online, died, added_on, caution,
                    notes, created_at, updated_at)
  SELECT id, snapshot_id, lineage, kind, name, sector, ring, angle, 0.5,
         helps_me, hard_going, want_more, frequency, years_known, support_types,
         direction, paid, met_through_us, 0, 0, added_on, caution,
         notes, created_at, updated_at
  FROM member_v5 ORDER BY id;

DROP TABLE member_v5;

-- Every time something about a person left the app: a summary copied for the case
-- record, the person's own copy, an identifiable export, a supervision pack, a subject
-- access report. detail says what it held (free text, written by the app); to_whom is ""
-- when not known. Written once, never edited or undone; goes with the person.
CREATE TABLE disclosure (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  what       TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '',
  to_whom    TEXT NOT NULL DEFAULT '',
  made_at    TEXT NOT NULL,
  CONSTRAINT disclosure_what CHECK (what IN ('summary', 'person_copy', 'identifiable_export',
                                             'supervision_pack', 'subject_access')),
  CONSTRAINT disclosure_made_at CHECK (made_at GLOB
    '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z')
) STRICT;

CREATE INDEX disclosure_person_idx ON disclosure (person_id, made_at);
