-- 0007: trends. Daily rollups per school, source, day, effective sentiment, flag and theme, kept
-- current by TRIGGERS on the tables they are counted from, so no code path (ingest, corrections,
-- dedup, "not about us", deletion, re-analysis, a future one) can forget them. Views never recount.
--
-- How it hangs together:
--   mentions / analyses / analysis_overrides  --triggers-->  mention_facts (what each mention counts as)
--   mention_facts / mention_themes            --triggers-->  rollup_daily, rollup_flags, rollup_themes
-- A mention's fact row is deleted and re-derived whenever anything it depends on changes; the rollups
-- follow its inserts (+1) and deletes (-1). Linked duplicates and hidden mentions have no fact row.

-- The day a mention was said, in Europe/London: published_at, else first_seen_at, and first_seen_at
-- when published_at is after it (a platform's clock ahead of ours). British Summer Time runs from
-- 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the rule since
-- 1996); written in plain SQL so the triggers need no function registered by the app.
CREATE VIEW mention_fact_rows AS
SELECT mention_id, school_id, source_id, sentiment, flags_json, undated, priority, corrected,
  CASE
    WHEN t >= date(substr(t, 1, 4) || '-04-01', 'weekday 0', '-7 days') || ' 01:00:00'
     AND t < date(substr(t, 1, 4) || '-11-01', 'weekday 0', '-7 days') || ' 01:00:00'
    THEN date(t, '+1 hour')
    ELSE date(t)
  END AS day
FROM (
  SELECT m.id AS mention_id, m.school_id, m.source_id,
    coalesce(v.sentiment_label, 'none') AS sentiment,
    coalesce(v.flags_json, '[]') AS flags_json,
    coalesce(v.priority, '') AS priority,
    (v.correction_id IS NOT NULL) AS corrected,
    (datetime(m.published_at) IS NULL) AS undated,
    CASE
      WHEN datetime(m.published_at) IS NOT NULL
       AND datetime(m.published_at) <= datetime(m.first_seen_at)
      THEN datetime(m.published_at)
      ELSE datetime(m.first_seen_at)
    END AS t
  FROM mentions m
  JOIN mention_verdicts v ON v.mention_id = m.id
  WHERE m.duplicate_of IS NULL AND m.hidden_reason IS NULL
);

-- One row per counted mention: what it adds to the rollups right now.
CREATE TABLE mention_facts (
  mention_id  INTEGER PRIMARY KEY,
  school_id   INTEGER NOT NULL,
  source_id   INTEGER NOT NULL,
  day         TEXT NOT NULL,
  -- negative | neutral | positive | none (not analysed yet)
  sentiment   TEXT NOT NULL,
  flags_json  TEXT NOT NULL,
  undated     INTEGER NOT NULL,
  -- effective priority ('' when not analysed) and whether a user's correction stands
  priority    TEXT NOT NULL,
  corrected   INTEGER NOT NULL
);

-- Which seed themes a mention is about. Written by the theme indexer (src-main/trends/themes), which
-- drains theme_pending: a trigger queues every new mention and every change of its words.
CREATE TABLE mention_themes (
  mention_id  INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  theme       TEXT NOT NULL,
  -- the words that matched, as written (lower case), comma-separated: the theme's "terms"
  terms       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (mention_id, theme)
) WITHOUT ROWID;
CREATE INDEX mention_themes_theme ON mention_themes (theme, mention_id);
CREATE TABLE theme_pending (mention_id INTEGER PRIMARY KEY);

CREATE TABLE rollup_daily (
  school_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  source_id  INTEGER NOT NULL,
  sentiment  TEXT NOT NULL,
  n          INTEGER NOT NULL,
  -- of n, how many had no published date of their own
  undated    INTEGER NOT NULL,
  PRIMARY KEY (school_id, day, source_id, sentiment)
) WITHOUT ROWID;

-- All-time figures the Today screen and the sources list show, so they never count mentions either.
CREATE TABLE rollup_verdicts (
  school_id  INTEGER NOT NULL,
  sentiment  TEXT NOT NULL,
  priority   TEXT NOT NULL,
  n          INTEGER NOT NULL,
  corrected  INTEGER NOT NULL,
  PRIMARY KEY (school_id, sentiment, priority)
) WITHOUT ROWID;
CREATE TABLE rollup_school_flags (
  school_id  INTEGER NOT NULL,
  flag       TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (school_id, flag)
) WITHOUT ROWID;
CREATE TABLE rollup_sources (
  source_id  INTEGER PRIMARY KEY,
  n          INTEGER NOT NULL
);

CREATE TABLE rollup_flags (
  school_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  source_id  INTEGER NOT NULL,
  flag       TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (school_id, day, source_id, flag)
) WITHOUT ROWID;

CREATE TABLE rollup_themes (
  school_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  source_id  INTEGER NOT NULL,
  theme      TEXT NOT NULL,
  sentiment  TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (school_id, day, theme, source_id, sentiment)
) WITHOUT ROWID;

-- Facts -> rollups.
CREATE TRIGGER mention_facts_ai AFTER INSERT ON mention_facts BEGIN
  INSERT INTO rollup_daily (school_id, day, source_id, sentiment, n, undated)
  VALUES (new.school_id, new.day, new.source_id, new.sentiment, 1, new.undated)
  ON CONFLICT DO UPDATE SET n = n + 1, undated = undated + excluded.undated;
  INSERT INTO rollup_flags (school_id, day, source_id, flag, n)
  SELECT DISTINCT new.school_id, new.day, new.source_id, f.value, 1 FROM json_each(new.flags_json) f
  WHERE f.type = 'text'
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rollup_themes (school_id, day, source_id, theme, sentiment, n)
  SELECT new.school_id, new.day, new.source_id, t.theme, new.sentiment, 1
  FROM mention_themes t WHERE t.mention_id = new.mention_id
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rollup_verdicts (school_id, sentiment, priority, n, corrected)
  VALUES (new.school_id, new.sentiment, new.priority, 1, new.corrected)
  ON CONFLICT DO UPDATE SET n = n + 1, corrected = corrected + excluded.corrected;
  INSERT INTO rollup_school_flags (school_id, flag, n)
  SELECT DISTINCT new.school_id, f.value, 1 FROM json_each(new.flags_json) f WHERE f.type = 'text'
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rollup_sources (source_id, n) VALUES (new.source_id, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER mention_facts_ad AFTER DELETE ON mention_facts BEGIN
  UPDATE rollup_daily SET n = n - 1, undated = undated - old.undated
  WHERE school_id = old.school_id AND day = old.day AND source_id = old.source_id
    AND sentiment = old.sentiment;
  UPDATE rollup_flags SET n = n - 1
  WHERE school_id = old.school_id AND day = old.day AND source_id = old.source_id
    AND flag IN (SELECT f.value FROM json_each(old.flags_json) f WHERE f.type = 'text');
  UPDATE rollup_themes SET n = n - 1
  WHERE school_id = old.school_id AND day = old.day AND source_id = old.source_id
    AND sentiment = old.sentiment
    AND theme IN (SELECT t.theme FROM mention_themes t WHERE t.mention_id = old.mention_id);
  UPDATE rollup_verdicts SET n = n - 1, corrected = corrected - old.corrected
  WHERE school_id = old.school_id AND sentiment = old.sentiment AND priority = old.priority;
  UPDATE rollup_school_flags SET n = n - 1 WHERE school_id = old.school_id
    AND flag IN (SELECT f.value FROM json_each(old.flags_json) f WHERE f.type = 'text');
  UPDATE rollup_sources SET n = n - 1 WHERE source_id = old.source_id;
  -- Empty cells are removed so the tables only hold what was said.
  DELETE FROM rollup_daily WHERE school_id = old.school_id AND day = old.day
    AND source_id = old.source_id AND sentiment = old.sentiment AND n <= 0;
  DELETE FROM rollup_flags WHERE school_id = old.school_id AND day = old.day
    AND source_id = old.source_id AND n <= 0;
  DELETE FROM rollup_themes WHERE school_id = old.school_id AND day = old.day
    AND source_id = old.source_id AND n <= 0;
  DELETE FROM rollup_verdicts WHERE school_id = old.school_id AND sentiment = old.sentiment
    AND priority = old.priority AND n <= 0;
  DELETE FROM rollup_school_flags WHERE school_id = old.school_id AND n <= 0;
  DELETE FROM rollup_sources WHERE source_id = old.source_id AND n <= 0;
END;

-- A theme found (or dropped) for a mention already counted.
CREATE TRIGGER mention_themes_ai AFTER INSERT ON mention_themes BEGIN
  INSERT INTO rollup_themes (school_id, day, source_id, theme, sentiment, n)
  SELECT f.school_id, f.day, f.source_id, new.theme, f.sentiment, 1
  FROM mention_facts f WHERE f.mention_id = new.mention_id
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER mention_themes_ad AFTER DELETE ON mention_themes BEGIN
  UPDATE rollup_themes SET n = n - 1
  WHERE (school_id, day, source_id, theme, sentiment) IN (
    SELECT f.school_id, f.day, f.source_id, old.theme, f.sentiment
    FROM mention_facts f WHERE f.mention_id = old.mention_id);
  DELETE FROM rollup_themes WHERE n <= 0 AND (school_id, day, source_id, theme, sentiment) IN (
    SELECT f.school_id, f.day, f.source_id, old.theme, f.sentiment
    FROM mention_facts f WHERE f.mention_id = old.mention_id);
END;

-- Underlying tables -> facts. Each re-derives the mention's fact row from the effective verdict.
CREATE TRIGGER rollup_mentions_ai AFTER INSERT ON mentions BEGIN
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = new.id;
  INSERT OR IGNORE INTO theme_pending (mention_id) VALUES (new.id);
END;
CREATE TRIGGER rollup_mentions_au AFTER UPDATE OF duplicate_of, hidden_reason, published_at,
  first_seen_at, school_id, source_id ON mentions BEGIN
  DELETE FROM mention_facts WHERE mention_id = new.id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = new.id;
END;
CREATE TRIGGER rollup_mentions_words AFTER UPDATE OF title, text ON mentions BEGIN
  INSERT OR IGNORE INTO theme_pending (mention_id) VALUES (new.id);
END;
CREATE TRIGGER rollup_mentions_ad AFTER DELETE ON mentions BEGIN
  DELETE FROM mention_facts WHERE mention_id = old.id;
  DELETE FROM mention_themes WHERE mention_id = old.id;
  DELETE FROM theme_pending WHERE mention_id = old.id;
END;

CREATE TRIGGER rollup_analyses_ai AFTER INSERT ON analyses BEGIN
  DELETE FROM mention_facts WHERE mention_id = new.mention_id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = new.mention_id;
END;
CREATE TRIGGER rollup_analyses_au AFTER UPDATE ON analyses BEGIN
  DELETE FROM mention_facts WHERE mention_id = new.mention_id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = new.mention_id;
END;
CREATE TRIGGER rollup_analyses_ad AFTER DELETE ON analyses BEGIN
  DELETE FROM mention_facts WHERE mention_id = old.mention_id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = old.mention_id;
END;

CREATE TRIGGER rollup_overrides_ai AFTER INSERT ON analysis_overrides BEGIN
  DELETE FROM mention_facts WHERE mention_id = new.mention_id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = new.mention_id;
END;
CREATE TRIGGER rollup_overrides_ad AFTER DELETE ON analysis_overrides BEGIN
  DELETE FROM mention_facts WHERE mention_id = old.mention_id;
  INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
    FROM mention_fact_rows WHERE mention_id = old.mention_id;
END;

-- Spike alerts: what crossed which threshold, in words, and the mentions behind it.
CREATE TABLE spike_alerts (
  id                INTEGER PRIMARY KEY,
  school_id         INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  kind              TEXT NOT NULL CHECK (kind IN ('negative_floor', 'new_source')),
  raised_at         TEXT NOT NULL,
  window_start      TEXT NOT NULL,
  window_end        TEXT NOT NULL,
  source_id         INTEGER REFERENCES sources(id),
  explanation       TEXT NOT NULL,
  mention_ids_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mention_ids_json))
);
CREATE INDEX spike_alerts_school ON spike_alerts (school_id, kind, raised_at DESC);

-- Spike alerts reach users as notifications: the kind list is a CHECK, so the table is rebuilt with
-- 'spike' added. DROP TABLE would cascade to notification_reads, so those are kept aside and put back.
CREATE TABLE notifications_0007 AS SELECT * FROM notifications;
CREATE TABLE notification_reads_0007 AS SELECT * FROM notification_reads;
DROP TABLE notifications;
CREATE TABLE notifications (
  id            INTEGER PRIMARY KEY,
  school_id     INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('urgent_mention', 'platform_no_answer', 'post_failed', 'spike')),
  mention_id    INTEGER REFERENCES mentions(id) ON DELETE CASCADE,
  incident_id   INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
  draft_id      INTEGER REFERENCES drafts(id) ON DELETE CASCADE,
  restricted    INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL,
  body          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  delivered_at  TEXT,
  dedupe_key    TEXT NOT NULL UNIQUE
);
INSERT INTO notifications SELECT * FROM notifications_0007;
INSERT INTO notification_reads SELECT * FROM notification_reads_0007;
DROP TABLE notifications_0007;
DROP TABLE notification_reads_0007;
CREATE INDEX notifications_school ON notifications (school_id, id DESC);

-- Indexes the trends, spikes and large inboxes need. The inbox pages a school's counted mentions
-- newest first: this index holds them in id order, so a page reads 100 entries, not the whole school.
CREATE INDEX mentions_school_source_time ON mentions (school_id, source_id, first_seen_at);
CREATE INDEX mentions_school_inbox ON mentions (school_id) WHERE duplicate_of IS NULL AND hidden_reason IS NULL;
CREATE INDEX mention_facts_school_day ON mention_facts (school_id, day);

-- Backfill: every existing mention gets its fact row (and so its rollups) and waits for themes.
INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment, flags_json, undated, priority, corrected
  FROM mention_fact_rows;
INSERT INTO theme_pending (mention_id) SELECT id FROM mentions;
