-- 0010: cheaper trends at scale: themes by month, and the overview without the source dimension.
-- trends.themes summed rollup_themes (one row per school, day, source, theme and sentiment: ~70,000
-- rows for a year of a busy school) on every look. This keeps the same counts per calendar month as
-- well, so a year is ~12 months of rows plus the days of the two part-months at its ends (read from
-- rollup_themes). Kept by triggers beside 0007's, on the same tables, so every change that moves
-- 0007's rollups (ingest, overrides, dedup links, "not about us", deletion, words re-indexed) moves
-- these by the same amount.

CREATE TABLE rollup_theme_months (
  school_id  INTEGER NOT NULL,
  -- 'YYYY-MM' of the London day the mention counts on (mention_facts.day)
  month      TEXT NOT NULL,
  theme      TEXT NOT NULL,
  sentiment  TEXT NOT NULL,
  source_id  INTEGER NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (school_id, month, theme, sentiment, source_id)
) WITHOUT ROWID;

CREATE TRIGGER theme_months_facts_ai AFTER INSERT ON mention_facts BEGIN
  INSERT INTO rollup_theme_months (school_id, month, theme, sentiment, source_id, n)
  SELECT new.school_id, substr(new.day, 1, 7), t.theme, new.sentiment, new.source_id, 1
  FROM mention_themes t WHERE t.mention_id = new.mention_id
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER theme_months_facts_ad AFTER DELETE ON mention_facts BEGIN
  UPDATE rollup_theme_months SET n = n - 1
  WHERE school_id = old.school_id AND month = substr(old.day, 1, 7) AND sentiment = old.sentiment
    AND source_id = old.source_id
    AND theme IN (SELECT t.theme FROM mention_themes t WHERE t.mention_id = old.mention_id);
  DELETE FROM rollup_theme_months WHERE school_id = old.school_id
    AND month = substr(old.day, 1, 7) AND n <= 0;
END;

CREATE TRIGGER theme_months_themes_ai AFTER INSERT ON mention_themes BEGIN
  INSERT INTO rollup_theme_months (school_id, month, theme, sentiment, source_id, n)
  SELECT f.school_id, substr(f.day, 1, 7), new.theme, f.sentiment, f.source_id, 1
  FROM mention_facts f WHERE f.mention_id = new.mention_id
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER theme_months_themes_ad AFTER DELETE ON mention_themes BEGIN
  UPDATE rollup_theme_months SET n = n - 1
  WHERE (school_id, month, theme, sentiment, source_id) IN (
    SELECT f.school_id, substr(f.day, 1, 7), old.theme, f.sentiment, f.source_id
    FROM mention_facts f WHERE f.mention_id = old.mention_id);
  DELETE FROM rollup_theme_months WHERE n <= 0 AND (school_id, month) IN (
    SELECT f.school_id, substr(f.day, 1, 7) FROM mention_facts f WHERE f.mention_id = old.mention_id);
END;

-- Backfill from the daily theme rollup, which 0007's triggers keep equal to a recount.
INSERT INTO rollup_theme_months (school_id, month, theme, sentiment, source_id, n)
SELECT school_id, substr(day, 1, 7), theme, sentiment, source_id, sum(n)
FROM rollup_themes GROUP BY 1, 2, 3, 4, 5;

-- The same idea for trends.overview across every source (the usual view): per school, day and
-- sentiment, and per school, day and flag, without the source (rollup_daily holds a cell per source
-- as well: ~8,000 cells a year for the busiest bench school, against ~1,500 here). A one-source view and
-- the volume by source still read rollup_daily and rollup_flags.
CREATE TABLE rollup_school_days (
  school_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  sentiment  TEXT NOT NULL,
  n          INTEGER NOT NULL,
  undated    INTEGER NOT NULL,
  PRIMARY KEY (school_id, day, sentiment)
) WITHOUT ROWID;
CREATE TABLE rollup_school_day_flags (
  school_id  INTEGER NOT NULL,
  day        TEXT NOT NULL,
  flag       TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (school_id, day, flag)
) WITHOUT ROWID;

CREATE TRIGGER school_days_facts_ai AFTER INSERT ON mention_facts BEGIN
  INSERT INTO rollup_school_days (school_id, day, sentiment, n, undated)
  VALUES (new.school_id, new.day, new.sentiment, 1, new.undated)
  ON CONFLICT DO UPDATE SET n = n + 1, undated = undated + excluded.undated;
  INSERT INTO rollup_school_day_flags (school_id, day, flag, n)
  SELECT DISTINCT new.school_id, new.day, f.value, 1 FROM json_each(new.flags_json) f
  WHERE f.type = 'text'
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER school_days_facts_ad AFTER DELETE ON mention_facts BEGIN
  UPDATE rollup_school_days SET n = n - 1, undated = undated - old.undated
  WHERE school_id = old.school_id AND day = old.day AND sentiment = old.sentiment;
  UPDATE rollup_school_day_flags SET n = n - 1
  WHERE school_id = old.school_id AND day = old.day
    AND flag IN (SELECT f.value FROM json_each(old.flags_json) f WHERE f.type = 'text');
  DELETE FROM rollup_school_days WHERE school_id = old.school_id AND day = old.day
    AND sentiment = old.sentiment AND n <= 0;
  DELETE FROM rollup_school_day_flags WHERE school_id = old.school_id AND day = old.day AND n <= 0;
END;

INSERT INTO rollup_school_days (school_id, day, sentiment, n, undated)
SELECT school_id, day, sentiment, sum(n), sum(undated) FROM rollup_daily GROUP BY 1, 2, 3;
INSERT INTO rollup_school_day_flags (school_id, day, flag, n)
SELECT school_id, day, flag, sum(n) FROM rollup_flags GROUP BY 1, 2, 3;
