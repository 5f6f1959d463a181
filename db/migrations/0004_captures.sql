-- 0004: manual and evidence captures. Each capture is a folder of read-only files under
-- <data folder>/evidence/<uuid>/; this records what was captured, when, by whom, and the SHA-256 of
-- every file, so a changed or missing file is detected. Evidence is never edited: triggers refuse
-- any change to a recorded file and to a capture's facts (only the link to its mention is set later).

CREATE TABLE captures (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  school_id          INTEGER NOT NULL REFERENCES schools(id),
  mention_id         INTEGER REFERENCES mentions(id),
  kind               TEXT NOT NULL CHECK (kind IN ('url', 'image')),
  requested_url      TEXT,
  final_url          TEXT,
  title              TEXT,
  http_status        INTEGER,
  captured_at_utc    TEXT NOT NULL,
  captured_at_local  TEXT NOT NULL,
  captured_by        TEXT NOT NULL,
  partial_reason     TEXT,
  needs_login        INTEGER NOT NULL DEFAULT 0 CHECK (needs_login IN (0, 1)),
  error              TEXT,
  ocr_status         TEXT CHECK (ocr_status IS NULL OR ocr_status IN ('text', 'no_text', 'skipped')),
  note               TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL
);
CREATE INDEX captures_school ON captures (school_id, captured_at_utc DESC);
CREATE INDEX captures_mention ON captures (mention_id) WHERE mention_id IS NOT NULL;

CREATE TABLE capture_files (
  capture_id  INTEGER NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  name        TEXT NOT NULL CHECK (length(name) > 0 AND name NOT LIKE '%/%' AND name NOT LIKE '%\%'),
  bytes       INTEGER NOT NULL CHECK (bytes >= 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL,
  PRIMARY KEY (capture_id, name)
);

CREATE TRIGGER capture_files_no_update BEFORE UPDATE ON capture_files BEGIN
  SELECT RAISE(ABORT, 'capture files are evidence and never change');
END;

CREATE TRIGGER captures_facts_no_update BEFORE UPDATE OF
  uuid, school_id, kind, requested_url, final_url, title, http_status, captured_at_utc,
  captured_at_local, captured_by, partial_reason, needs_login, ocr_status, created_at
ON captures BEGIN
  SELECT RAISE(ABORT, 'a capture is evidence: its facts never change');
END;
