// Runs in: renderer. Date ranges for the Trends screen: the presets a school thinks in (the last month,
// the school year), the wording of a range in plain English, and the inbox link behind a chart point.
// Days are calendar days (YYYY-MM-DD) as the contract counts them; the school is in England.
import { addDays, addMonths, differenceInCalendarDays, format, parseISO } from 'date-fns'
import type { LocationQueryRaw } from 'vue-router'
import type { PolicyFlag, SentimentLabel, TrendBucket } from '@contract'

export const PRESETS = ['30d', '3m', '12m', 'school-year', 'custom'] as const
export type Preset = (typeof PRESETS)[number]
export const PRESET_LABELS: Record<Preset, string> = {
  '30d': 'Last 30 days',
  '3m': 'Last 3 months',
  '12m': 'Last 12 months',
  'school-year': 'This school year',
  custom: 'Choose dates',
}

export interface DayRange {
  from: string
  to: string
}

export const dayOf = (d: Date): string => format(d, 'yyyy-MM-dd')
export const parseDay = (day: string): Date => parseISO(day)

/** The range a preset stands for, ending today (`today` is injected so tests can fix the clock). */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: Date): DayRange {
  const to = dayOf(today)
  switch (preset) {
    case '30d':
      return { from: dayOf(addDays(today, -29)), to }
    case '3m':
      return { from: dayOf(addDays(addMonths(today, -3), 1)), to }
    case '12m':
      return { from: dayOf(addDays(addMonths(today, -12), 1)), to }
    case 'school-year': {
      // English school years start on 1 September.
      const year = today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1
      return { from: `${year}-09-01`, to }
    }
  }
}

/** The bucket that draws a range legibly: days for a month, weeks for a year, months beyond. */
export function naturalBucket(range: DayRange): TrendBucket {
  const days = rangeDays(range)
  if (days <= 62) return 'day'
  if (days <= 400) return 'week'
  return 'month'
}

export const rangeDays = (r: DayRange): number =>
  differenceInCalendarDays(parseDay(r.to), parseDay(r.from)) + 1

/** "1 and 30 March 2026", "1 March and 30 April 2026", "1 March 2025 and 30 April 2026". */
export function betweenText(r: DayRange): string {
  const a = parseDay(r.from)
  const b = parseDay(r.to)
  if (r.from === r.to) return `on ${format(a, 'd MMMM yyyy')}`
  const sameYear = a.getFullYear() === b.getFullYear()
  const sameMonth = sameYear && a.getMonth() === b.getMonth()
  const first = sameMonth
    ? format(a, 'd')
    : sameYear
      ? format(a, 'd MMMM')
      : format(a, 'd MMMM yyyy')
  return `between ${first} and ${format(b, 'd MMMM yyyy')}`
}

/** A bucket's label on an axis: "3 Mar", "w/c 3 Mar", "Mar 2026". */
export function bucketLabel(start: string, bucket: TrendBucket, spansYears: boolean): string {
  const d = parseDay(start)
  if (bucket === 'month') return format(d, 'MMM yyyy')
  const day = format(d, spansYears ? 'd MMM yy' : 'd MMM')
  return bucket === 'week' ? `w/c ${day}` : day
}

/** "12 more than", "3 fewer than", "the same as": the change from the previous period, in words. */
export function comparedText(now: number, before: number, noun = ''): string {
  const diff = now - before
  const n = noun ? ` ${noun}` : ''
  if (diff === 0) return `the same as`
  return `${Math.abs(diff)}${n} ${diff > 0 ? 'more' : 'fewer'} than`
}

/** What the inbox is asked to show for a chart point: exactly the mentions counted there. */
export interface InboxLink {
  from: string
  to: string
  sentiment?: SentimentLabel
  sourceId?: number
  flag?: PolicyFlag
  theme?: string
}

/** Every state (resolved ones too), so the inbox shows the same number the chart counted. */
export function inboxQuery(link: InboxLink): LocationQueryRaw {
  const q: LocationQueryRaw = { from: link.from, to: link.to, state: 'all' }
  if (link.sentiment) q.sentiment = link.sentiment
  if (link.sourceId) q.sourceId = String(link.sourceId)
  if (link.flag) q.flag = link.flag
  if (link.theme) q.theme = link.theme
  return q
}
