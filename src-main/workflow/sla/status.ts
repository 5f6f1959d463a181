// Runs in: any process (pure, no I/O; `now` is a parameter). Where a mention stands against its SLA,
// in numbers for sorting and in words for the Today view.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { SchoolCalendar } from './calendar'
import { nonWorkingReason } from './calendar'
import { isWorkingTime, localDate, toMs, type Instant } from './clock'
import { dayNumber } from './holidays'
import { dueAt, ruleById, ruleFor, type SlaRuleId, type SlaSubject } from './rules'

export interface SlaItem extends SlaSubject {
  receivedAt: Instant
  /** When the school first responded (or reviewed); null or absent while the clock runs. */
  respondedAt?: Instant | null
  /** Overrides the rule the table would pick (a user decided this item needs another clock). */
  rule?: SlaRuleId
}

export interface SlaStatus {
  rule: SlaRuleId
  dueAt: Date
  /** Wall-clock ms from now (or from the response) to the deadline; negative once overdue. */
  timeLeftMs: number
  breached: boolean
  /** True once a response is recorded, whether or not it was in time. */
  responded: boolean
  urgent: boolean
  /** Why nobody is expected to be working now (weekend, bank holiday, closure, out of hours). */
  pausedReason?: string
  humanText: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

/** "1 day 23 hours", "3 hours 5 minutes", "12 minutes": the two largest units, rounded down. */
export function formatSpan(ms: number): string {
  const span = Math.abs(ms)
  if (span < MINUTE) return 'less than a minute'
  const days = Math.floor(span / DAY)
  const hours = Math.floor((span % DAY) / HOUR)
  const minutes = Math.floor((span % HOUR) / MINUTE)
  if (days > 0)
    return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day')
  if (hours > 0) {
    return minutes > 0
      ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`
      : plural(hours, 'hour')
  }
  return plural(minutes, 'minute')
}

interface LocalWords {
  time: string
  weekday: string
  date: string
  year: string
}
// Deadlines cluster on a few instants (close of business), and formatting one costs tens of
// microseconds: the words for each are memoised, bounded like the clock's own memo.
const words = new Map<string, LocalWords>()
function localWords(t: number, timeZone: string): LocalWords {
  const key = `${timeZone}|${t}`
  let w = words.get(key)
  if (!w) {
    const local = new TZDate(t, timeZone)
    w = {
      time: format(local, 'HH:mm'),
      weekday: format(local, 'EEEE'),
      date: format(local, 'EEE d MMM'),
      year: format(local, 'yyyy'),
    }
    if (words.size >= 10_000) words.clear()
    words.set(key, w)
  }
  return w
}

/** "today 17:00", "tomorrow 09:00", "Monday 17:00", "Tue 5 Jan 17:00" (plus the year if not now's). */
export function formatDue(due: number, now: number, timeZone: string): string {
  const dueDay = localDate(due, timeZone)
  const nowDay = localDate(now, timeZone)
  const days = dayNumber(dueDay) - dayNumber(nowDay)
  const w = localWords(due, timeZone)
  if (days === 0) return `today ${w.time}`
  if (days === 1) return `tomorrow ${w.time}`
  if (days === -1) return `yesterday ${w.time}`
  if (days > 1 && days < 7) return `${w.weekday} ${w.time}`
  const sameYear = dueDay.slice(0, 4) === nowDay.slice(0, 4)
  return `${w.date}${sameYear ? '' : ` ${w.year}`} ${w.time}`
}

export function slaStatus(item: SlaItem, now: Instant, calendar: SchoolCalendar): SlaStatus {
  const nowMs = toMs(now, 'now')
  const rule = item.rule ? ruleById(item.rule) : ruleFor(item)
  const due = dueAt(item.receivedAt, rule, calendar)
  const dueMs = due.getTime()
  const base = { rule: rule.id, dueAt: due, urgent: rule.urgent }
  const when = formatDue(dueMs, nowMs, calendar.timeZone)

  if (item.respondedAt !== undefined && item.respondedAt !== null) {
    const respondedMs = toMs(item.respondedAt, 'respondedAt')
    const timeLeftMs = dueMs - respondedMs
    const breached = timeLeftMs < 0
    return {
      ...base,
      timeLeftMs,
      breached,
      responded: true,
      humanText: breached
        ? `Responded ${formatSpan(timeLeftMs)} late (was due ${when})`
        : `Responded in time (due ${when})`,
    }
  }

  const timeLeftMs = dueMs - nowMs
  const breached = timeLeftMs < 0
  if (breached) {
    return {
      ...base,
      timeLeftMs,
      breached,
      responded: false,
      humanText: `Overdue by ${formatSpan(timeLeftMs)} (was due ${when})`,
    }
  }
  const pausedReason = isWorkingTime(nowMs, calendar)
    ? undefined
    : (nonWorkingReason(localDate(nowMs, calendar.timeZone), calendar) ?? 'outside working hours')
  return {
    ...base,
    timeLeftMs,
    breached,
    responded: false,
    ...(pausedReason ? { pausedReason } : {}),
    humanText: `Due ${when} (in ${formatSpan(timeLeftMs)})`,
  }
}
