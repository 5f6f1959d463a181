// Runs in: main process and CLI (Node). trends.overview from the daily rollups: buckets, volume by
// source, flags, totals, the previous period and the Google rating history. Cost grows with the number
// of days and sources in the range, never with the number of mentions.
import {
  POLICY_FLAGS,
  type PolicyFlag,
  type RatingPoint,
  type SentimentCounts,
  type TrendsOverview,
} from '../contract'
import type { OpParsed } from '../contract'
import type { RangeFilter, RollupsRepo, SchoolSource } from '../store/repos/rollups'
import { addDays, bucketsOf, daysBetween } from './days'

type Query = OpParsed<'trends.overview'>

export const emptyCounts = (): SentimentCounts => ({
  total: 0,
  negative: 0,
  neutral: 0,
  positive: 0,
  unanalysed: 0,
  net: null,
})

export function addTo(c: SentimentCounts, sentiment: string, n: number): void {
  c.total += n
  if (sentiment === 'negative' || sentiment === 'neutral' || sentiment === 'positive')
    c[sentiment] += n
  else c.unanalysed += n
}

function addAll(c: SentimentCounts, neg: number, neu: number, pos: number, none: number): void {
  c.negative += neg
  c.neutral += neu
  c.positive += pos
  c.unanalysed += none
  c.total += neg + neu + pos + none
}

/** Net score: (positive − negative) / analysed; null when nothing was analysed. */
export function withNet(c: SentimentCounts): SentimentCounts {
  const analysed = c.negative + c.neutral + c.positive
  return {
    ...c,
    net: analysed ? (c.positive - c.negative) / analysed : null,
  }
}

/** The period of equal length just before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const len = daysBetween(from, to)
  return { from: addDays(from, -len), to: addDays(from, -1) }
}

const GOOGLE_KINDS = new Set(['google_business', 'google_places'])

/** Readings in the range, and the last one before it so the line has a start. */
export function ratingHistory(
  sources: readonly SchoolSource[],
  from: string,
  to: string,
  sourceId: number | null,
): RatingPoint[] {
  const out: RatingPoint[] = []
  for (const s of sources) {
    if (!s.own || !GOOGLE_KINDS.has(s.kind) || (sourceId !== null && s.id !== sourceId)) continue
    const history = Array.isArray(s.state.ratingHistory) ? s.state.ratingHistory : []
    let before: RatingPoint | null = null
    for (const h of history as Record<string, unknown>[]) {
      const rating = h?.averageRating
      const observedAt = h?.observedAt
      if (typeof rating !== 'number' || typeof observedAt !== 'string') continue
      const count = h.totalReviewCount
      const point: RatingPoint = {
        observedAt,
        rating,
        reviewCount: typeof count === 'number' && Number.isInteger(count) ? count : null,
        sourceId: s.id,
      }
      const day = observedAt.slice(0, 10)
      if (day < from) before = point
      else if (day <= to) out.push(point)
    }
    if (before) out.push(before)
  }
  return out.sort((a, b) => a.observedAt.localeCompare(b.observedAt))
}

export function buildOverview(repo: RollupsRepo, q: Query): TrendsOverview {
  const f: RangeFilter = {
    schoolId: q.schoolId,
    from: q.from,
    to: q.to,
    sourceId: q.sourceId ?? null,
  }
  const { spans, indexOf } = bucketsOf(q.from, q.to, q.bucket)
  const buckets = spans.map(emptyCounts)
  const totals = emptyCounts()
  let undatedCount = 0
  const sources = repo.sourcesOfSchool(q.schoolId)
  const perSource = new Map<number, number[]>()
  for (const [day, negative, neutral, positive, none, undated] of repo.daily(f)) {
    const i = indexOf(day)
    if (i < 0) continue
    for (const c of [buckets[i], totals]) addAll(c, negative, neutral, positive, none)
    undatedCount += undated
  }
  for (const [day, sourceId, n] of repo.bySource(f, q.bucket)) {
    const i = indexOf(day)
    if (i < 0) continue
    let counts = perSource.get(sourceId)
    if (!counts) perSource.set(sourceId, (counts = new Array<number>(spans.length).fill(0)))
    counts[i] += n
  }
  const named = new Map(sources.map((s) => [s.id, s]))
  const bySource = [...perSource]
    .map(([sourceId, counts]) => ({
      sourceId,
      name: named.get(sourceId)?.name ?? `Source ${sourceId}`,
      kind: named.get(sourceId)?.kind ?? 'unknown',
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))

  const perFlag = new Map<PolicyFlag, number[]>()
  const known = new Set<string>(POLICY_FLAGS)
  for (const [day, key, n] of repo.flags(f, q.bucket)) {
    const i = indexOf(day)
    if (i < 0 || !known.has(key)) continue
    const flag = key as PolicyFlag
    let counts = perFlag.get(flag)
    if (!counts) perFlag.set(flag, (counts = new Array<number>(spans.length).fill(0)))
    counts[i] += n
  }
  const flags = POLICY_FLAGS.filter((fl) => perFlag.has(fl)).map((flag) => {
    const counts = perFlag.get(flag)!
    return { flag, counts, total: counts.reduce((a, b) => a + b, 0) }
  })

  const prev = previousPeriod(q.from, q.to)
  const previous = emptyCounts()
  addAll(previous, ...repo.totals({ ...f, ...prev }))

  return {
    schoolId: q.schoolId,
    from: q.from,
    to: q.to,
    bucket: q.bucket,
    buckets: spans.map((s, i) => ({ ...withNet(buckets[i]), start: s.start, end: s.end })),
    bySource,
    flags,
    totals: withNet(totals),
    previous: { ...withNet(previous), ...prev },
    rating: ratingHistory(sources, q.from, q.to, f.sourceId),
    undatedCount,
  }
}
