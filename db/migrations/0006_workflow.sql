-- 0006: the workflow. Triage per mention, each user's daily-check mark, versioned drafts with the
-- approval fields, the school's working calendar and complaints link, incident summaries and
-- notifications. Drafts, approvals, incidents and their events already exist (0001).

-- No row means "new": the row appears when someone first triages, assigns or snoozes the mention.
CREATE TABLE mention_triage (
  mention_id     INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
  state          TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'triaged', 'resolved')),
  outcome        TEXT CHECK (outcome IS NULL OR outcome IN ('no_action', 'monitor', 'respond', 'escalate')),
  -- A user deleted while owning items leaves them unassigned, never pointing at nobody.
  assignee_id    INTEGER REFERENCES users(id) ON DELETE SET NULL,
  snoozed_until  TEXT,
  -- When the school first responded or decided: this stops the SLA clock.
  responded_at   TEXT,
  updated_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX mention_triage_assignee ON mention_triage (assignee_id) WHERE assignee_id IS NOT NULL;

-- The daily check: the highest mention id each user has seen, per school. Mention ids only grow.
CREATE TABLE user_checks (
  user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  school_id        INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  seen_through_id  INTEGER NOT NULL,
  checked_at       TEXT NOT NULL,
  PRIMARY KEY (user_id, school_id)
);

-- Draft fields the approval flow needs. `version` counts edits; approvals name the version they saw.
ALTER TABLE drafts ADD COLUMN situation TEXT NOT NULL DEFAULT 'question';
ALTER TABLE drafts ADD COLUMN platform TEXT NOT NULL DEFAULT 'other';
ALTER TABLE drafts ADD COLUMN submitted_by INTEGER REFERENCES users(id);
ALTER TABLE drafts ADD COLUMN submitted_at TEXT;
-- Set when an approved draft is queued for posting through a connector; cleared by undo.
ALTER TABLE drafts ADD COLUMN post_after TEXT;
ALTER TABLE drafts ADD COLUMN post_error TEXT;
-- Who pressed "post" (or recorded a manual post).
ALTER TABLE drafts ADD COLUMN posted_by INTEGER REFERENCES users(id);
CREATE INDEX drafts_mention ON drafts (mention_id);
CREATE INDEX drafts_status ON drafts (school_id, status);
CREATE INDEX drafts_post_after ON drafts (post_after) WHERE post_after IS NOT NULL;

-- Every text a draft has had: editing never overwrites the words someone approved or sent back.
CREATE TABLE draft_versions (
  draft_id    INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  body        TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  actor       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  PRIMARY KEY (draft_id, version)
);
CREATE TRIGGER draft_versions_no_update BEFORE UPDATE ON draft_versions BEGIN
  SELECT RAISE(ABORT, 'draft_versions is a history: add a version instead');
END;

ALTER TABLE approvals ADD COLUMN actor TEXT NOT NULL DEFAULT '';

-- The school's workflow settings: complaints procedure link and working calendar (SLA clocks).
ALTER TABLE schools ADD COLUMN complaints_url TEXT NOT NULL DEFAULT '';
ALTER TABLE schools ADD COLUMN calendar_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(calendar_json));

ALTER TABLE incidents ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE incident_events ADD COLUMN actor TEXT NOT NULL DEFAULT '';
CREATE INDEX incident_mentions_mention ON incident_mentions (mention_id);

-- What the app told people, so nothing is announced twice and quiet hours can hold items back.
CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('urgent_mention', 'platform_no_answer', 'post_failed')),
  mention_id    INTEGER REFERENCES mentions(id) ON DELETE CASCADE,
  incident_id   INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
  draft_id      INTEGER REFERENCES drafts(id) ON DELETE CASCADE,
  -- Only the DSL and the head may read the details of a safeguarding notification.
  restricted    INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  -- When it was pushed as an instant notification; NULL while quiet hours hold it.
  delivered_at  TEXT,
  -- One notification per thing: a mention is announced once, an unanswered report once.
  dedupe_key    TEXT NOT NULL UNIQUE
);
CREATE INDEX notifications_school ON notifications (school_id, id DESC);

CREATE TABLE notification_reads (
  notification_id  INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  user_id          INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  read_at          TEXT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
