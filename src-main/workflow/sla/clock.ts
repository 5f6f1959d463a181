// Runs in: any process (pure, no I/O, no Date.now: every instant is a parameter).
// Working-time arithmetic in the school's local time.
//
// Instants are epoch milliseconds; a school's day is a local calendar date. Converting between the
// two is the only place a time zone matters, and it goes through @date-fns/tz so BST/GMT changes come
// from the platform's tz database rather than from rules written here. A working day's window is
// [start, end] local time; the end instant counts as inside ("due by 17:00" is met at 17:00).
import { TZDate } from '@date-fns/tz'
import { isWorkingDay, nextWorkingDay, type SchoolCalendar } from './calendar'
import { addDays, dayNumber, isoDate, parseIsoDate, type IsoDate } from './holidays'

export type Instant = Date | number

export function toMs(t: Instant, field = 'time'): number {
  const ms = typeof t === 'number' ? t : t.getTime()
  if (!Number.isFinite(ms)) throw new RangeError(`${field} is not a valid time`)
  return ms
}

// Each conversion goes through Intl and costs tens of microseconds; a deadline needs several, and the
// inbox works out one per item (thousands per page at scale). Both functions are pure, so their answers
// are memoised, in maps emptied when they grow past a bound rather than kept forever.
const MEMO_MAX = 50_000
const localDates = new Map<string, IsoDate>()
const localInstants = new Map<string, number>()
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_MAX) memo.clear()
  memo.set(key, value)
  return value
}

/** Every UTC offset is a whole number of quarter hours, so a local date never changes inside one. */
const QUARTER_HOUR = 15 * 60_000

/** The local calendar date of an instant. */
export function localDate(t: number, timeZone: string): IsoDate {
  const key = `${timeZone}|${Math.floor(t / QUARTER_HOUR)}`
  const hit = localDates.get(key)
  if (hit !== undefined) return hit
  const d = new TZDate(t, timeZone)
  return remember(localDates, key, isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate()))
}

/** The instant of a local wall-clock time (minutes after midnight) on a local date. */
export function atLocal(date: IsoDate, minute: number, timeZone: string): number {
  const key = `${timeZone}|${date}|${minute}`
  const hit = localInstants.get(key)
  if (hit !== undefined) return hit
  const p = parseIsoDate(date)
  if (!p) throw new RangeError(`not a calendar date: ${date}`)
  const t = new TZDate(
    p.year,
    p.month - 1,
    p.day,
    Math.floor(minute / 60),
    minute % 60,
    timeZone,
  ).getTime()
  return remember(localInstants, key, t)
}

export interface Window {
  start: number
  end: number
}

/** Working hours of a date as instants, or null when the school does not work that day. */
export function workingWindow(date: IsoDate, cal: SchoolCalendar): Window | null {
  if (!isWorkingDay(date, cal)) return null
  return {
    start: atLocal(date, cal.startMinute, cal.timeZone),
    end: atLocal(date, cal.endMinute, cal.timeZone),
  }
}

/** End of working hours on a date nextWorkingDay returned (so a working day by construction). */
function closeOfBusiness(workingDay: IsoDate, cal: SchoolCalendar): number {
  return atLocal(workingDay, cal.endMinute, cal.timeZone)
}

/** The whole local day (midnight to midnight, 23 or 25 hours across a clock change). */
function wholeDay(date: IsoDate, cal: SchoolCalendar): Window | null {
  if (!isWorkingDay(date, cal)) return null
  return { start: atLocal(date, 0, cal.timeZone), end: atLocal(addDays(date, 1), 0, cal.timeZone) }
}

type WindowOf = (date: IsoDate, cal: SchoolCalendar) => Window | null

/** Walk forward from `from`, spending `ms` only inside the windows; returns when it is spent. */
function spend(from: number, ms: number, cal: SchoolCalendar, windowOf: WindowOf): number {
  if (!(ms > 0)) throw new RangeError('a duration to add must be positive')
  let date = localDate(from, cal.timeZone)
  let left = ms
  for (;;) {
    const w = windowOf(date, cal)
    if (w) {
      const s = Math.max(w.start, from)
      if (s < w.end) {
        if (left <= w.end - s) return s + left
        left -= w.end - s
      }
    }
    // A day with no window is skipped in one step, so this ends after at most the closure horizon.
    date = w ? addDays(date, 1) : nextWorkingDay(date, cal)
  }
}

/** `ms` of working time (inside working hours, on working days) after `from`. */
export function addWorkingTime(from: number, ms: number, cal: SchoolCalendar): number {
  return spend(from, ms, cal, workingWindow)
}

/** `ms` of elapsed time after `from` with the clock stopped on days the school does not work. */
export function addOpenDayTime(from: number, ms: number, cal: SchoolCalendar): number {
  return spend(from, ms, cal, wholeDay)
}

/** `t` itself if inside working hours, else the end of the last working window before it. */
export function clampBackToWorkingTime(t: number, cal: SchoolCalendar): number {
  const today = localDate(t, cal.timeZone)
  const w = workingWindow(today, cal)
  if (w && w.start <= t) return Math.min(t, w.end)
  return closeOfBusiness(nextWorkingDay(today, cal, -1), cal)
}

/** Close of business on the first working day after the local date of `t`. */
export function endOfNextWorkingDay(t: number, cal: SchoolCalendar): number {
  return closeOfBusiness(nextWorkingDay(localDate(t, cal.timeZone), cal), cal)
}

/** Whether `t` falls inside working hours on a working day (window ends included). */
export function isWorkingTime(t: number, cal: SchoolCalendar): boolean {
  const w = workingWindow(localDate(t, cal.timeZone), cal)
  return w !== null && w.start <= t && t <= w.end
}

/**
 * Working time between two instants in ms, for response-time statistics: only hours inside working
 * windows count. Signed: negative when `b` is before `a`.
 */
export function workingTimeBetween(a: Instant, b: Instant, cal: SchoolCalendar): number {
  const from = toMs(a, 'a')
  const to = toMs(b, 'b')
  if (to < from) return -workingTimeBetween(to, from, cal)
  const first = localDate(from, cal.timeZone)
  const days = dayNumber(localDate(to, cal.timeZone)) - dayNumber(first)
  let total = 0
  for (let i = 0; i <= days; i++) {
    const w = workingWindow(addDays(first, i), cal)
    if (w) total += Math.max(0, Math.min(w.end, to) - Math.max(w.start, from))
  }
  return total
}
