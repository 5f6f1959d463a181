// Runs in: main process and CLI (Node). All SQL that READS the daily rollups (migration 0007). The
// rollups are written only by the triggers of 0007, never from here: a view sums rows of days, it never
// recounts mentions.
import type { Db } from '../db'
import { parseJson } from './json'
import type { TrendBucket } from '../../contract'

export interface RangeFilter {
  schoolId: number
  from: string
  to: string
  /** null: every source */
  sourceId: number | null
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

const SCHOOL_RANGE = 'school_id = @schoolId AND day >= @from AND day <= @to'

// negative, neutral, positive and not analysed, summed in one pass (FILTER needs no sort).
const BY_SENTIMENT = `sum(n) FILTER (WHERE sentiment = 'negative'),
  sum(n) FILTER (WHERE sentiment = 'neutral'), sum(n) FILTER (WHERE sentiment = 'positive'),
  sum(n) FILTER (WHERE sentiment NOT IN ('negative', 'neutral', 'positive'))`
// The chart bucket a day falls in: the day, its ISO week's Monday, or its month.
const BUCKET_KEY = `CASE @bucket WHEN 'week' THEN date(day, '-6 days', 'weekday 1')
  WHEN 'month' THEN substr(day, 1, 7) ELSE day END`

/** The part-months at the ends of a range (read by day) and the whole months between (by month). */
export interface MonthSplit {
  headFrom: string
  headTo: string
  /** 'YYYY-MM'; monthFrom > monthTo when the range holds no whole month. */
  monthFrom: string
  monthTo: string
  tailFrom: string
  tailTo: string
}

const NONE = { from: '9999-12-31', to: '0000-01-01' }
const lastOfMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}
const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}
const prevMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export function splitMonths(from: string, to: string): MonthSplit {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7))
  const last = lastOfMonth(to.slice(0, 7)) === to ? to.slice(0, 7) : prevMonth(to.slice(0, 7))
  if (first > last)
    return {
      headFrom: from,
      headTo: to,
      monthFrom: NONE.from,
      monthTo: NONE.to,
      tailFrom: NONE.from,
      tailTo: NONE.to,
    }
  const firstDay = `${first}-01`
  const afterLast = `${nextMonth(last)}-01`
  return {
    headFrom: from,
    headTo: from < firstDay ? lastOfMonth(prevMonth(first)) : NONE.to,
    monthFrom: first,
    monthTo: last,
    tailFrom: afterLast <= to ? afterLast : NONE.from,
    tailTo: to,
  }
}

export function rollupsRepo(db: Db) {
  // Each query sums in SQL and hands JS one row per day or per chart bucket, not one per rollup cell
  // (a year of the busiest bench school is ~8,000 daily cells and ~11,000 flag cells, and turning
  // rows into JS values is the dominant cost). Grouping by day follows the primary key's order, so
  // SQLite sums as it reads with no sort; the bucket sums then group the few hundred day rows.
  // Every source: the school-level tables of 0010 (a cell per day and sentiment or flag); one source:
  // 0007's per-source tables. Both answer the same shape, so the caller never knows which it read.
  const dailyAll = db.prepare<RangeFilter, unknown[]>(
    `SELECT day, ${BY_SENTIMENT}, sum(undated) FROM rollup_school_days
    WHERE ${SCHOOL_RANGE} GROUP BY day`,
  )
  const dailyOf = db.prepare<RangeFilter, unknown[]>(
    `SELECT day, ${BY_SENTIMENT}, sum(undated) FROM rollup_daily WHERE ${RANGE} GROUP BY day`,
  )
  // A bucket's first day in the range names it (min(day)), so the chart's own day-to-bucket lookup
  // places it: the SQL bucket key only has to group the same days together.
  const bySource = db.prepare<RangeFilter & { bucket: string }, unknown[]>(
    `SELECT min(day), source_id, sum(n) FROM (
      SELECT day, source_id, sum(n) AS n FROM rollup_daily WHERE ${RANGE} GROUP BY day, source_id
    ) GROUP BY ${BUCKET_KEY}, source_id`,
  )
  const totalsAll = db.prepare<RangeFilter, unknown[]>(
    `SELECT ${BY_SENTIMENT} FROM rollup_school_days WHERE ${SCHOOL_RANGE}`,
  )
  const totalsOf = db.prepare<RangeFilter, unknown[]>(
    `SELECT ${BY_SENTIMENT} FROM rollup_daily WHERE ${RANGE}`,
  )
  const flagsAll = db.prepare<RangeFilter & { bucket: string }, unknown[]>(
    `SELECT min(day), flag, sum(n) FROM rollup_school_day_flags WHERE ${SCHOOL_RANGE}
    GROUP BY ${BUCKET_KEY}, flag`,
  )
  const flagsOf = db.prepare<RangeFilter & { bucket: string }, unknown[]>(
    `SELECT min(day), flag, sum(n) FROM (
      SELECT day, flag, sum(n) AS n FROM rollup_flags WHERE ${RANGE} GROUP BY day, flag
    ) GROUP BY ${BUCKET_KEY}, flag`,
  )
  const daily = (f: RangeFilter) => (f.sourceId === null ? dailyAll : dailyOf)
  const totals = (f: RangeFilter) => (f.sourceId === null ? totalsAll : totalsOf)
  const flags = (f: RangeFilter) => (f.sourceId === null ? flagsAll : flagsOf)
  // Whole months from rollup_theme_months (0010), the part-months at either end from rollup_themes.
  const themes = db.prepare<RangeFilter & MonthSplit, unknown[]>(
    `SELECT theme, sentiment, sum(n) FROM (
      SELECT theme, sentiment, n FROM rollup_theme_months
      WHERE school_id = @schoolId AND month >= @monthFrom AND month <= @monthTo
        AND (@sourceId IS NULL OR source_id = @sourceId)
      UNION ALL
      SELECT theme, sentiment, n FROM rollup_themes
      WHERE school_id = @schoolId AND day >= @headFrom AND day <= @headTo
        AND (@sourceId IS NULL OR source_id = @sourceId)
      UNION ALL
      SELECT theme, sentiment, n FROM rollup_themes
      WHERE school_id = @schoolId AND day >= @tailFrom AND day <= @tailTo
        AND (@sourceId IS NULL OR source_id = @sourceId)
    ) GROUP BY theme, sentiment`,
  )
  // The latest counted mentions of a range, newest day first: a bounded read of the facts' index
  // (school_id, day) that the theme words and the emerging-themes sample are taken from, so their cost
  // never grows with the length of the range. Without a source filter the index alone answers it.
  const latestAll = db.prepare<RangeFilter & { limit: number }, number>(
    `SELECT mention_id FROM mention_facts WHERE school_id = @schoolId AND day >= @from AND day <= @to
    ORDER BY day DESC LIMIT @limit`,
  )
  const latestOfSource = db.prepare<RangeFilter & { limit: number }, number>(
    `SELECT mention_id FROM mention_facts WHERE school_id = @schoolId AND day >= @from AND day <= @to
    AND source_id = @sourceId ORDER BY day DESC LIMIT @limit`,
  )
  const latest = (f: RangeFilter, limit: number): number[] =>
    (f.sourceId === null ? latestAll : latestOfSource).pluck().all({ ...f, limit })
  // The words behind each theme, from the theme rows of the latest mentions (a few examples are shown,
  // so the latest thousand tell enough).
  const themeTerms = db.prepare<{ ids: string }, { theme: string; terms: string }>(
    `SELECT t.theme, t.terms FROM json_each(@ids) j JOIN mention_themes t ON t.mention_id = j.value`,
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
  // Mentions of a range with their counted sentiment, from a list of ids (newest first): the sample
  // emerging themes are found in (those no seed theme covers, for the period itself; any, for the
  // period before it).
  const sample = db.prepare<
    { ids: string; limit: number; unthemed: number },
    { id: number; title: string | null; text: string; sentiment: string; flags_json: string }
  >(
    `SELECT m.id, m.title, m.text, f.sentiment, f.flags_json
    FROM json_each(@ids) j JOIN mention_facts f ON f.mention_id = j.value
    JOIN mentions m ON m.id = f.mention_id
    WHERE @unthemed = 0 OR NOT EXISTS (SELECT 1 FROM mention_themes t WHERE t.mention_id = f.mention_id)
    ORDER BY j.key LIMIT @limit`,
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
     * the rollups are still built by the triggers on mention_facts (0007, 0010), as in the app.
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
    /** Per day: [day, negative, neutral, positive, unanalysed, undated]. */
    daily: (f: RangeFilter) =>
      (daily(f).raw().all(f) as (string | number | null)[][]).map(
        (r) => r.map((v) => v ?? 0) as [string, number, number, number, number, number],
      ),
    /** Per chart bucket and source: [first day of the bucket in the range, sourceId, n]. */
    bySource: (f: RangeFilter, bucket: TrendBucket) =>
      bySource.raw().all({ ...f, bucket }) as [string, number, number][],
    /** The range's counts as [negative, neutral, positive, unanalysed] (zeros when none). */
    totals: (f: RangeFilter): [number, number, number, number] =>
      (totals(f).raw().get(f) as (number | null)[]).map((n) => n ?? 0) as [
        number,
        number,
        number,
        number,
      ],
    /** Per chart bucket and flag: [first day of the bucket in the range, flag, n]. */
    flags: (f: RangeFilter, bucket: TrendBucket) =>
      flags(f)
        .raw()
        .all({ ...f, bucket }) as [string, string, number][],
    /** Per theme and sentiment, summed over the range, as [theme, sentiment, n]. */
    themeCounts: (f: RangeFilter) =>
      themes.raw().all({ ...f, ...splitMonths(f.from, f.to) }) as unknown as [
        string,
        string,
        number,
      ][],
    /** Ids of the latest `limit` counted mentions of the range, newest day first. */
    latest,
    /** The seed-theme rows (theme and matched words) of these mentions. */
    themeTerms: (ids: readonly number[]) => themeTerms.all({ ids: JSON.stringify(ids) }),
    /** These mentions (in this order) with their counted sentiment; `unthemed`: only those no seed theme covers. */
    sample: (ids: readonly number[], limit: number, unthemed: boolean) =>
      sample.all({ ids: JSON.stringify(ids), limit, unthemed: unthemed ? 1 : 0 }),
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
