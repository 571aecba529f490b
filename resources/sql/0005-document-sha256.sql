-- 0005: a library file name that cannot leave the library folder (schema version 5).
-- An imported PDF's file is library/<workspace>/<sha256>.pdf, so sha256 must be exactly 64
-- lower-case hex digits: never '/', '.' or anything else a crafted workspace could use to
-- point outside the folder. (The app checks it again when it reads a row: a crafted file
-- brings its own schema.) The document table is rebuilt, as 0003 rebuilt person; nothing
-- refers to it by a foreign key. A row that breaks the rule fails the step, and the
-- workspace is left at version 4 as it was: the app never wrote such a row.

CREATE TEMP TABLE document_v4 AS SELECT * FROM document;

DROP TABLE document;

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

INSERT INTO document (id, key, title, file_name, sha256, n_pages, added_at, updated_at)
  SELECT id, key, title, file_name, sha256, n_pages, added_at, updated_at
  FROM document_v4 ORDER BY id;

DROP TABLE document_v4;
