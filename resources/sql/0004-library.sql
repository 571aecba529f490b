-- 0004: the Library (schema version 4): imported documents, reading state, bookmarks and
-- highlights. The bundled manuals have no document row: they are known by their key
-- ('manual:training-manual', …); an imported PDF's key is 'sha256:<hex>', and its file is
-- <workspace folder>/library/<hex>.pdf. IF NOT EXISTS: a workspace made from schema.sql
-- while this step was being added already has the tables.

-- A PDF the user added to the library. Removing one is an undoable edit; its file is
-- deleted only when no row and no undo step refers to it any more.
CREATE TABLE IF NOT EXISTS document (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  file_name  TEXT NOT NULL DEFAULT '',
  sha256     TEXT NOT NULL,
  n_pages    INTEGER NOT NULL DEFAULT 0,
  added_at   TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT document_key UNIQUE (key),
  CONSTRAINT document_sha256 CHECK (length(sha256) = 64 AND key = 'sha256:' || sha256),
  CONSTRAINT document_n_pages CHECK (n_pages >= 0)
) STRICT;

-- Where the reader left a document (bundled or imported), by key: not an undo step, so
-- it lives apart from the rows that are. zoom is 0.25..4 (100 % = 1); sizing free,
-- fit-width or fit-page; night_mode system (follow the desktop), on or off.
CREATE TABLE IF NOT EXISTS document_view (
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
CREATE TABLE IF NOT EXISTS bookmark (
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

CREATE INDEX IF NOT EXISTS bookmark_doc_idx ON bookmark (doc_key, page);
