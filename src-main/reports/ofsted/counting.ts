// Runs in: main process and CLI (Node), pure. Counting mentions by day when the trends service is not
// available (it is the source of truth when present): the same rules as trends — the day a mention
// was said (published, else first seen; a future publish date counts on the day first seen) in the
// school's time zone, corrected verdicts, no duplicates or "not about us".
import { addDays, dayNumber, fromDayNumber, weekday } from '../../workflow/sla/holidays'
import { localDate } from '../../workflow/sla/clock'
import type { Mention } from '../../contract'
import type { Counts } from './types'

export function dayOf(m: Pick<Mention, 'publishedAt' | 'firstSeenAt'>, timeZone: string): string {
  const seen = Date.parse(m.firstSeenAt)
  const p = m.publishedAt ? Date.parse(m.publishedAt) : NaN
  return localDate(Number.isFinite(p) && p <= seen ? p : seen, timeZone)
}

export function emptyCounts(): Counts {
  return { total: 0, negative: 0, neutral: 0, positive: 0, unanalysed: 0, net: null }
}

export function count(mentions: readonly Pick<Mention, 'analysis'>[]): Counts {
  const c = emptyCounts()
  for (const m of mentions) {
    c.total++
    const label = m.analysis?.sentiment.label
    if (label) c[label]++
    else c.unanalysed++
  }
  const analysed = c.total - c.unanalysed
  c.net = analysed ? (c.positive - c.negative) / analysed : null
  return c
}

/** The period of equal length just before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = dayNumber(to) - dayNumber(from) + 1
  return { from: addDays(from, -days), to: addDays(from, -1) }
}

/** Days for a short period, weeks (from Monday) up to six months, months beyond. */
export function bucketFor(from: string, to: string): 'day' | 'week' | 'month' {
  const days = dayNumber(to) - dayNumber(from) + 1
  return days <= 31 ? (days <= 14 ? 'day' : 'week') : days <= 183 ? 'week' : 'month'
}

export function buckets(
  from: string,
  to: string,
  bucket: 'day' | 'week' | 'month',
): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = []
  let start = from
  while (start <= to) {
    let end: string
    if (bucket === 'day') end = start
    else if (bucket === 'week') end = addDays(start, (7 - weekday(start)) % 7)
    else {
      const [y, m] = start.split('-').map(Number)
      end = fromDayNumber(
        dayNumber(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`) - 1,
      )
    }
    if (end > to) end = to
    out.push({ start, end })
    start = addDays(end, 1)
  }
  return out
}
