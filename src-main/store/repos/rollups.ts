// Runs in: main process and CLI (Node). All SQL that READS the daily rollups (migration 0007). The
// rollups are written only by the triggers of 0007, never from here: a view sums rows of days, it never
// recounts mentions.
import type { Db } from '../db'
import { parseJson } from './json'

export interface RangeFilter {
  schoolId: number
  from: string
  to: string
  /** null: every source */
  sourceId: number | null
}

export interface DayKeyRow {
  day: string
  key: string
  n: number
}
export interface SchoolSource {
  id: number
  name: string
  kind: string
  /** False for a source watched for every school (its rating, if any, is no one school's). */
  own: boolean
  state: Record<string, unknown>
}

const RANGE = `school_id = @schoolId AND day >= @from AND day <= @to
  AND (@sourceId IS NULL OR source_id = @sourceId)`

export function rollupsRepo(db: Db) {
  // Rows are read as stored (one per school, day, source and sentiment: a year of one school is a few
  // thousand) and summed in code: a GROUP BY would sort them in a temporary tree first.
  const daily = db.prepare<RangeFilter, unknown[]>(
    `SELECT day, source_id, sentiment, n, undated FROM rollup_daily WHERE ${RANGE}`,
  )
  const totals = db.prepare<RangeFilter, { sentiment: string; n: number; undated: number }>(
    `SELECT sentiment, n, undated FROM rollup_daily WHERE ${RANGE}`,
  )
  const flags = db.prepare<RangeFilter, DayKeyRow>(
    `SELECT day, flag AS key, n FROM rollup_flags WHERE ${RANGE}`,
  )
  const themes = db.prepare<RangeFilter, unknown[]>(
    `SELECT theme, sentiment, n FROM rollup_themes WHERE ${RANGE}`,
  )
  // The words behind each theme: read from the latest mentions' theme rows, not rolled up (they are
  // shown as a few examples, so the latest few thousand mentions of the range tell enough).
  const themeTerms = db.prepare<RangeFilter, { theme: string; terms: string }>(
    `SELECT t.theme, t.terms FROM (SELECT f.mention_id FROM mention_facts f
      WHERE f.school_id = @schoolId AND f.day >= @from AND f.day <= @to
      AND (@sourceId IS NULL OR f.source_id = @sourceId) ORDER BY f.day DESC LIMIT 4000) r
    JOIN mention_themes t ON t.mention_id = r.mention_id`,
  )
  // Deleted sources too: their mentions stay as evidence and still count.
  const sources = db.prepare<
    [number],
    { id: number; name: string; kind: string; own: number; state_json: string }
  >(
    // Shared sources (a news feed watched for every school) name their share of a school's talk too.
    `SELECT id, name, kind, school_id IS NOT NULL AS own, state_json FROM sources WHERE school_id = ? OR school_id IS NULL
     ORDER BY name COLLATE NOCASE, id`,
  )
  // Mentions of a range with their counted sentiment: the sample emerging themes are found in (those
  // no seed theme covers, for the period itself; any, for the period before it).
  const sample = db.prepare<
    RangeFilter & { limit: number; unthemed: number },
    { id: number; title: string | null; text: string; sentiment: string; flags_json: string }
  >(
    `SELECT m.id, m.title, m.text, f.sentiment, f.flags_json
    FROM mention_facts f JOIN mentions m ON m.id = f.mention_id
    WHERE f.school_id = @schoolId AND f.day >= @from AND f.day <= @to
    AND (@sourceId IS NULL OR f.source_id = @sourceId)
    AND (@unthemed = 0 OR NOT EXISTS (SELECT 1 FROM mention_themes t WHERE t.mention_id = f.mention_id))
    ORDER BY f.day DESC LIMIT @limit`,
  )

  // The per-row triggers that derive a mention's fact row (0007). A bulk load may set them aside and
  // then derive every fact at once with the migration's own backfill statement.
  const FACT_TRIGGERS = ['rollup_mentions_ai', 'rollup_analyses_ai']
  const triggerSql = db.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
  )

  return {
    /**
     * For bulk fixture loads only (the scale bench): runs `load` with the fact-deriving insert
     * triggers set aside, then derives the facts of every new mention with 0007's backfill statement;
     * the rollups are still built by 0007's triggers on mention_facts, as in the app.
     */
    bulkLoad(load: () => void): void {
      const saved = FACT_TRIGGERS.map((name) => triggerSql.get(name)!.sql)
      const before = db.prepare('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() as number
      for (const name of FACT_TRIGGERS) db.exec(`DROP TRIGGER ${name}`)
      try {
        load()
      } finally {
        db.transaction(() => {
          db.prepare(
            `INSERT INTO mention_facts SELECT mention_id, school_id, source_id, day, sentiment,
            flags_json, undated, priority, corrected FROM mention_fact_rows WHERE mention_id > ?`,
          ).run(before)
          db.prepare(
            'INSERT OR IGNORE INTO theme_pending (mention_id) SELECT id FROM mentions WHERE id > ?',
          ).run(before)
          for (const sql of saved) db.exec(sql)
        }).immediate()
      }
    },
    /** One row per day, source and sentiment (not summed), as [day, sourceId, sentiment, n, undated]. */
    daily: (f: RangeFilter) =>
      daily.raw().all(f) as unknown as [string, number, string, number, number][],
    /** Rows to sum by sentiment. */
    totals: (f: RangeFilter) => totals.all(f),
    /** One row per day, source and flag (not summed). */
    flagsByDay: (f: RangeFilter) => flags.all(f),
    /** One row per day, source, theme and sentiment (not summed), as [theme, sentiment, n]. */
    themeCounts: (f: RangeFilter) => themes.raw().all(f) as unknown as [string, string, number][],
    themeTerms: (f: RangeFilter) => themeTerms.all(f),
    sample: (f: RangeFilter, limit: number, unthemed: boolean) =>
      sample.all({ ...f, limit, unthemed: unthemed ? 1 : 0 }),
    sourcesOfSchool: (schoolId: number): SchoolSource[] =>
      sources.all(schoolId).map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        own: r.own === 1,
        state: parseJson<Record<string, unknown>>(r.state_json, 'sources.state_json'),
      })),
  }
}
export type RollupsRepo = ReturnType<typeof rollupsRepo>
