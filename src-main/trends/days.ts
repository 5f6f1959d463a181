// Runs in: main process and CLI (Node), pure. Calendar days and chart buckets. A Day is a date in the
// school's time zone (Europe/London); arithmetic on days is done on the calendar (UTC midnights), so
// BST changes never shift a day. The rollups' SQL works out a mention's day the same way (0007).
import { TZDate } from '@date-fns/tz'
import type { Day, TrendBucket } from '../contract'

export const SCHOOL_ZONE = 'Europe/London'
const DAY_MS = 86_400_000

const toUtc = (d: Day): number => Date.parse(`${d}T00:00:00Z`)
const fromUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10)

export const addDays = (d: Day, n: number): Day => fromUtc(toUtc(d) + n * DAY_MS)
/** Days from a to b inclusive (1 when a == b). */
export const daysBetween = (a: Day, b: Day): number =>
  Math.round((toUtc(b) - toUtc(a)) / DAY_MS) + 1

/** The London calendar day of an instant. */
export function londonDay(at: Date | string | number): Day {
  const t = new TZDate(new Date(at).getTime(), SCHOOL_ZONE)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`
}

/** The day a mention counts on: when it was said, unless that is missing or after we first saw it. */
export function saidDay(publishedAt: string | null, firstSeenAt: string): Day {
  const p = publishedAt ? Date.parse(publishedAt) : NaN
  const seen = Date.parse(firstSeenAt)
  return londonDay(Number.isFinite(p) && p <= seen ? p : seen)
}

/** Monday of the ISO week holding d. */
export function weekStart(d: Day): Day {
  const dow = new Date(toUtc(d)).getUTCDay() // 0 = Sunday
  return addDays(d, -((dow + 6) % 7))
}
export const monthStart = (d: Day): Day => `${d.slice(0, 7)}-01`

function bucketStart(d: Day, bucket: TrendBucket): Day {
  return bucket === 'day' ? d : bucket === 'week' ? weekStart(d) : monthStart(d)
}
function nextBucket(start: Day, bucket: TrendBucket): Day {
  if (bucket === 'day') return addDays(start, 1)
  if (bucket === 'week') return addDays(start, 7)
  const y = Number(start.slice(0, 4))
  const m = Number(start.slice(5, 7))
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

export interface BucketSpan {
  start: Day
  end: Day
}

/**
 * Every bucket from `from` to `to`, the first and last clipped to the range, and a lookup from a day to
 * its bucket's index (by day offset, so a 20-year daily chart stays a plain array index).
 */
export function bucketsOf(
  from: Day,
  to: Day,
  bucket: TrendBucket,
): { spans: BucketSpan[]; indexOf: (d: Day) => number } {
  const spans: BucketSpan[] = []
  const dayIndex: number[] = []
  let start = bucketStart(from, bucket)
  while (start <= to) {
    const next = nextBucket(start, bucket)
    const s = start < from ? from : start
    const lastDay = addDays(next, -1)
    const e = lastDay > to ? to : lastDay
    for (let i = 0, n = daysBetween(s, e); i < n; i++) dayIndex.push(spans.length)
    spans.push({ start: s, end: e })
    start = next
  }
  const base = toUtc(from)
  return {
    spans,
    indexOf: (d) => {
      const i = Math.round((toUtc(d) - base) / DAY_MS)
      return i >= 0 && i < dayIndex.length ? dayIndex[i] : -1
    },
  }
}
