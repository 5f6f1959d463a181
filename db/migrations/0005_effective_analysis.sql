-- 0005: users' corrections of the machine's verdict, and the one place the EFFECTIVE verdict is worked out.
--
-- Every correction is a new row, never changed: the history is the rows in id order. A 'correct' row holds
-- the whole corrected verdict (sentiment, flags, and the priority and owner the routing table gives them),
-- so the latest row alone says what stands; a 'clear' row returns the mention to the machine's verdict.
ALTER TABLE analysis_overrides ADD COLUMN kind TEXT NOT NULL DEFAULT 'correct'
  CHECK (kind IN ('correct', 'clear'));
-- Who made it, as the audit trail names them, until sign-in fills user_id.
ALTER TABLE analysis_overrides ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE analysis_overrides ADD COLUMN priority TEXT
  CHECK (priority IS NULL OR priority IN ('urgent', 'high', 'normal', 'low'));
ALTER TABLE analysis_overrides ADD COLUMN owner_role TEXT;

-- A table CHECK cannot be added to an existing table; these triggers hold the same rules.
CREATE TRIGGER analysis_overrides_complete BEFORE INSERT ON analysis_overrides
WHEN (NEW.kind = 'correct' AND (NEW.sentiment_label IS NULL OR NEW.flags_json IS NULL
      OR NEW.priority IS NULL OR NEW.owner_role IS NULL))
  OR (NEW.kind = 'clear' AND (NEW.sentiment_label IS NOT NULL OR NEW.flags_json IS NOT NULL))
BEGIN
  SELECT RAISE(ABORT, 'a correction holds the whole verdict; a clear holds none');
END;
CREATE TRIGGER analysis_overrides_no_update BEFORE UPDATE ON analysis_overrides BEGIN
  SELECT RAISE(ABORT, 'analysis_overrides is a history: add a row instead');
END;

-- One row per mention: the verdict every statistic, filter and list reads (NULL verdict: not analysed).
-- A corrected sentiment keeps the machine's score when the label agrees; otherwise the score is a
-- fixed middle value for the label, so averages move with the correction instead of contradicting it.
CREATE VIEW mention_verdicts AS
SELECT
  m.id AS mention_id,
  m.school_id,
  m.first_seen_at,
  (m.duplicate_of IS NULL AND m.hidden_reason IS NULL) AS counted,
  a.engine,
  a.engine_version,
  a.analysed_at,
  a.evidence_json,
  a.sentiment_label AS machine_sentiment,
  a.sentiment_score AS machine_score,
  a.flags_json AS machine_flags_json,
  a.priority AS machine_priority,
  a.owner_role AS machine_owner,
  o.id AS correction_id,
  o.actor AS corrected_by,
  o.user_id AS corrected_by_user,
  o.created_at AS corrected_at,
  o.note AS correction_note,
  COALESCE(o.sentiment_label, a.sentiment_label) AS sentiment_label,
  CASE
    WHEN o.id IS NULL OR o.sentiment_label = a.sentiment_label THEN a.sentiment_score
    WHEN o.sentiment_label = 'negative' THEN -0.5
    WHEN o.sentiment_label = 'positive' THEN 0.5
    ELSE 0
  END AS sentiment_score,
  COALESCE(o.flags_json, a.flags_json) AS flags_json,
  COALESCE(o.priority, a.priority) AS priority,
  COALESCE(o.owner_role, a.owner_role) AS owner_role
FROM mentions m
LEFT JOIN analyses a ON a.mention_id = m.id
LEFT JOIN analysis_overrides o
  ON o.id = (SELECT max(x.id) FROM analysis_overrides x WHERE x.mention_id = m.id)
  AND o.kind = 'correct'
  AND a.mention_id IS NOT NULL;

-- One row per (mention, effective flag): flag counts and flag filters without parsing JSON in code.
CREATE VIEW mention_verdict_flags AS
SELECT v.mention_id, v.school_id, v.first_seen_at, v.counted, f.value AS flag
FROM mention_verdicts v, json_each(v.flags_json) f
WHERE v.flags_json IS NOT NULL;
