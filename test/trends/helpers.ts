// Runs in: Vitest (Node). Trends test helpers: mentions with chosen dates and verdicts, and a recount of
// every rollup FROM SCRATCH in TypeScript (not through 0007's view), to compare with what the triggers
// maintained (per day, and the all-time figures of the Today screen and the sources list).
import type { Db } from '../../src-main/store/db'
import type { Store } from '../../src-main/store'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import { saidDay } from '../../src-main/trends/days'
import { seedThemesOf } from '../../src-main/trends/themes/match'
import { drainThemes } from '../../src-main/trends/themes'

let seq = 0
export interface MentionSpec {
  schoolId: number
  sourceId: number
  text: string
  firstSeenAt: string
  publishedAt?: string | null
  verdict?: Partial<AnalysisRow> | null
  url?: string | null
  duplicateOf?: number | null
}

/** Stored as ingest stores it: the mention, then (unless null) its verdict. */
export function addMention(store: Pick<Store, 'mentions' | 'analyses'>, m: MentionSpec): number {
  seq++
  const id = store.mentions.insert(
    {
      sourceId: m.sourceId,
      schoolId: m.schoolId,
      externalId: `t-${seq}`,
      url: m.url === undefined ? `https://example.net/p/${seq}` : m.url,
      canonicalUrl: null,
      title: null,
      author: 'A parent',
      authorUrl: null,
      publishedAt: m.publishedAt ?? null,
      text: m.text,
      raw: null,
      meta: {},
      matchedAlias: "St Aldhelm's",
      contentHash: `h-${seq}`,
      duplicateOf: m.duplicateOf ?? null,
    },
    m.firstSeenAt,
  )!
  if (m.verdict !== null)
    store.analyses.put(
      id,
      {
        engine: 'builtin',
        engineVersion: 'test',
        sentiment: { label: 'neutral', score: 0 },
        flags: [],
        priority: 'normal',
        owner: 'orm_lead',
        evidence: [],
        ...m.verdict,
      },
      m.firstSeenAt,
    )
  return id
}

type Counts = Record<string, number>

/** What the rollup tables hold, as "school|day|source|key" -> n. */
export function rollupSnapshot(db: Db) {
  const daily: Counts = {}
  const undated: Counts = {}
  const flags: Counts = {}
  const themes: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_daily').all() as Record<string, never>[]) {
    daily[`${r.school_id}|${r.day}|${r.source_id}|${r.sentiment}`] = r.n
    if (r.undated) undated[`${r.school_id}|${r.day}|${r.source_id}|${r.sentiment}`] = r.undated
  }
  for (const r of db.prepare('SELECT * FROM rollup_flags').all() as Record<string, never>[])
    flags[`${r.school_id}|${r.day}|${r.source_id}|${r.flag}`] = r.n
  for (const r of db.prepare('SELECT * FROM rollup_themes').all() as Record<string, never>[])
    themes[`${r.school_id}|${r.day}|${r.source_id}|${r.theme}|${r.sentiment}`] = r.n
  const verdicts: Counts = {}
  const corrected: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_verdicts').all() as Record<string, never>[]) {
    verdicts[`${r.school_id}|${r.sentiment}|${r.priority}`] = r.n
    if (r.corrected) corrected[`${r.school_id}|${r.sentiment}|${r.priority}`] = r.corrected
  }
  const schoolFlags: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_school_flags').all() as Record<string, never>[])
    schoolFlags[`${r.school_id}|${r.flag}`] = r.n
  const sources: Counts = {}
  for (const r of db.prepare('SELECT * FROM rollup_sources').all() as Record<string, never>[])
    sources[String(r.source_id)] = r.n
  return { daily, undated, flags, themes, verdicts, corrected, schoolFlags, sources }
}

/** Every rollup recounted from the mentions and their effective verdicts, in TypeScript. */
export function recount(store: Store): ReturnType<typeof rollupSnapshot> {
  drainThemes(store)
  const out: ReturnType<typeof rollupSnapshot> = {
    daily: {},
    undated: {},
    flags: {},
    themes: {},
    verdicts: {},
    corrected: {},
    schoolFlags: {},
    sources: {},
  }
  const inc = (c: Counts, k: string) => (c[k] = (c[k] ?? 0) + 1)
  const rows = store.db
    .prepare(
      'SELECT id, school_id, source_id, published_at, first_seen_at, title, text, duplicate_of, hidden_reason FROM mentions',
    )
    .all() as {
    id: number
    school_id: number
    source_id: number
    published_at: string | null
    first_seen_at: string
    title: string | null
    text: string
    duplicate_of: number | null
    hidden_reason: string | null
  }[]
  for (const m of rows) {
    if (m.duplicate_of !== null || m.hidden_reason !== null) continue
    const v = store.analyses.verdict(m.id)
    const day = saidDay(m.published_at, m.first_seen_at)
    const sentiment = v ? v.sentiment.label : 'none'
    const key = `${m.school_id}|${day}|${m.source_id}`
    inc(out.daily, `${key}|${sentiment}`)
    if (m.published_at === null) inc(out.undated, `${key}|${sentiment}`)
    for (const f of new Set(v?.flags ?? [])) {
      inc(out.flags, `${key}|${f}`)
      inc(out.schoolFlags, `${m.school_id}|${f}`)
    }
    inc(out.verdicts, `${m.school_id}|${sentiment}|${v?.priority ?? ''}`)
    if (v?.correction) inc(out.corrected, `${m.school_id}|${sentiment}|${v.priority}`)
    inc(out.sources, String(m.source_id))
    for (const t of seedThemesOf(m.title ? `${m.title}\n${m.text}` : m.text).keys())
      inc(out.themes, `${key}|${t}|${sentiment}`)
  }
  return out
}
