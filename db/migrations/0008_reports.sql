-- 0008: pre-Ofsted snapshots, frozen. Each row keeps the figures the PDF was built from (JSON), the
-- PDF itself and its SHA-256, so a later snapshot can say what changed since and the PDF given to
-- governors can be shown to be the one Footprint made. Snapshots are never edited.

CREATE TABLE report_snapshots (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES schools(id),
  period_from   TEXT NOT NULL,
  period_to     TEXT NOT NULL CHECK (period_to >= period_from),
  figures_json  TEXT NOT NULL,
  pdf           BLOB NOT NULL,
  pdf_sha256    TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
  file_name     TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX report_snapshots_school ON report_snapshots (school_id, created_at DESC, id DESC);

CREATE TRIGGER report_snapshots_no_update BEFORE UPDATE ON report_snapshots BEGIN
  SELECT RAISE(ABORT, 'a report snapshot is frozen and never changes');
END;
