-- 0001: the first schema. Forward-only: never edit a migration that has shipped; add a new file.

CREATE TABLE schools (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  urn              TEXT UNIQUE,
  town             TEXT NOT NULL DEFAULT '',
  local_authority  TEXT NOT NULL DEFAULT '',
  postcode         TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  website          TEXT NOT NULL DEFAULT '',
  head_name        TEXT NOT NULL DEFAULT '',
  aliases_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases_json)),
  exclusions_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exclusions_json)),
  staff_json       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(staff_json)),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE TABLE users (
  id              INTEGER PRIMARY KEY,
  display_name    TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
  email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role            TEXT NOT NULL CHECK (role IN ('orm_lead', 'head', 'dsl', 'viewer')),
  password_hash   TEXT,
  failed_logins   INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  disabled_at     TEXT
);

-- Which schools a user acts for; an executive head has several rows.
CREATE TABLE user_schools (
  user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, school_id)
);

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at  TEXT NOT NULL
);

-- Sources are soft-deleted: their mentions are evidence and must keep a parent.
CREATE TABLE sources (
  id                    INTEGER PRIMARY KEY,
  school_id             INTEGER REFERENCES schools(id),
  kind                  TEXT NOT NULL,
  name                  TEXT NOT NULL,
  config_json           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(config_json)),
  state_json            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(state_json)),
  enabled               INTEGER NOT NULL DEFAULT 1,
  interval_minutes      INTEGER NOT NULL CHECK (interval_minutes > 0),
  next_due_at           TEXT,
  last_run_at           TEXT,
  last_success_at       TEXT,
  last_error            TEXT,
  last_error_at         TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  zero_item_runs        INTEGER NOT NULL DEFAULT 0,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  deleted_at            TEXT
);
CREATE INDEX sources_due ON sources (next_due_at) WHERE deleted_at IS NULL AND enabled = 1;

CREATE TABLE fetch_runs (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'ok', 'not_modified', 'error')),
  http_status  INTEGER,
  items_found  INTEGER NOT NULL DEFAULT 0,
  items_new    INTEGER NOT NULL DEFAULT 0,
  error        TEXT
);
CREATE INDEX fetch_runs_source ON fetch_runs (source_id, started_at DESC);

CREATE TABLE mentions (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources(id),
  school_id       INTEGER NOT NULL REFERENCES schools(id),
  external_id     TEXT NOT NULL,
  url             TEXT,
  canonical_url   TEXT,
  title           TEXT,
  author          TEXT,
  author_url      TEXT,
  published_at    TEXT,
  first_seen_at   TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  text            TEXT NOT NULL DEFAULT '',
  raw_json        TEXT NOT NULL DEFAULT 'null' CHECK (json_valid(raw_json)),
  meta_json       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta_json)),
  matched_alias   TEXT,
  content_hash    TEXT,
  duplicate_of    INTEGER REFERENCES mentions(id),
  hidden_reason   TEXT,
  UNIQUE (source_id, external_id)
);
CREATE INDEX mentions_school_time ON mentions (school_id, first_seen_at DESC);
CREATE INDEX mentions_canonical ON mentions (canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX mentions_content_hash ON mentions (content_hash) WHERE content_hash IS NOT NULL;

CREATE VIRTUAL TABLE mentions_fts USING fts5 (
  title, text, author,
  content = 'mentions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER mentions_fts_ai AFTER INSERT ON mentions BEGIN
  INSERT INTO mentions_fts (rowid, title, text, author) VALUES (new.id, new.title, new.text, new.author);
END;
CREATE TRIGGER mentions_fts_ad AFTER DELETE ON mentions BEGIN
  INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author) VALUES ('delete', old.id, old.title, old.text, old.author);
END;
CREATE TRIGGER mentions_fts_au AFTER UPDATE OF title, text, author ON mentions BEGIN
  INSERT INTO mentions_fts (mentions_fts, rowid, title, text, author) VALUES ('delete', old.id, old.title, old.text, old.author);
  INSERT INTO mentions_fts (rowid, title, text, author) VALUES (new.id, new.title, new.text, new.author);
END;

-- The machine's verdict on a mention. Users' corrections live in analysis_overrides, beside it.
CREATE TABLE analyses (
  mention_id       INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
  engine           TEXT NOT NULL,
  engine_version   TEXT NOT NULL,
  sentiment_label  TEXT NOT NULL CHECK (sentiment_label IN ('negative', 'neutral', 'positive')),
  sentiment_score  REAL NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
  flags_json       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(flags_json)),
  priority         TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  owner_role       TEXT NOT NULL,
  evidence_json    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence_json)),
  analysed_at      TEXT NOT NULL
);

CREATE TABLE analysis_overrides (
  id               INTEGER PRIMARY KEY,
  mention_id       INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  user_id          INTEGER REFERENCES users(id),
  sentiment_label  TEXT CHECK (sentiment_label IN ('negative', 'neutral', 'positive')),
  flags_json       TEXT CHECK (flags_json IS NULL OR json_valid(flags_json)),
  note             TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL
);
CREATE INDEX analysis_overrides_mention ON analysis_overrides (mention_id, id DESC);

CREATE TABLE drafts (
  id           INTEGER PRIMARY KEY,
  mention_id   INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
  school_id    INTEGER NOT NULL REFERENCES schools(id),
  template     TEXT NOT NULL,
  body         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'sent_back', 'rejected', 'posted')),
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  posted_url   TEXT,
  posted_at    TEXT
);

CREATE TABLE approvals (
  id             INTEGER PRIMARY KEY,
  draft_id       INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  draft_version  INTEGER NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('approved', 'sent_back', 'rejected')),
  note           TEXT NOT NULL DEFAULT '',
  decided_by     INTEGER REFERENCES users(id),
  decided_at     TEXT NOT NULL
);

CREATE TABLE incidents (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES schools(id),
  title         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  safeguarding  INTEGER NOT NULL DEFAULT 0,
  created_by    INTEGER REFERENCES users(id),
  created_at    TEXT NOT NULL,
  closed_at     TEXT
);

CREATE TABLE incident_mentions (
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  mention_id   INTEGER NOT NULL REFERENCES mentions(id),
  PRIMARY KEY (incident_id, mention_id)
);

CREATE TABLE incident_events (
  id           INTEGER PRIMARY KEY,
  incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  reference    TEXT NOT NULL DEFAULT '',
  note         TEXT NOT NULL DEFAULT '',
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL
);

-- Evidence files are written once and never changed; sha256 is checked on every export.
CREATE TABLE evidence (
  id           INTEGER PRIMARY KEY,
  mention_id   INTEGER REFERENCES mentions(id),
  incident_id  INTEGER REFERENCES incidents(id),
  kind         TEXT NOT NULL CHECK (kind IN ('screenshot', 'html', 'text', 'image', 'other')),
  rel_path     TEXT NOT NULL UNIQUE,
  sha256       TEXT NOT NULL,
  bytes        INTEGER NOT NULL,
  source_url   TEXT,
  final_url    TEXT,
  page_title   TEXT,
  captured_at  TEXT NOT NULL,
  captured_by  INTEGER REFERENCES users(id)
);

-- Append-only; each row's hash covers the previous row's hash (chain checked by `footprint audit verify`).
CREATE TABLE audit_events (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT,
  detail_json  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail_json)),
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
