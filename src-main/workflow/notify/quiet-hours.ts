// Runs in: any process (pure, no I/O, no Date.now: `now` is a parameter). Quiet hours: the window in
// which urgent items still land in the app but nobody is pinged until morning.
//
// Times are wall-clock times in the school's zone, so 21:00–07:00 means the same to a head in January
// (GMT) and in June (BST); the conversion goes through @date-fns/tz, never through a fixed offset.
import { TZDate } from '@date-fns/tz'
import type { NotificationSettings } from '../../contract'

export const QUIET_HOURS_TIME_ZONE = 'Europe/London'

type QuietSettings = Pick<NotificationSettings, 'quietHours'>

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

function local(now: Date | number, timeZone: string) {
  const d = new TZDate(typeof now === 'number' ? now : now.getTime(), timeZone)
  return {
    year: d.getFullYear(),
    month: d.getMonth(),
    day: d.getDate(),
    minute: d.getHours() * 60 + d.getMinutes(),
  }
}

/**
 * Whether `now` falls inside quiet hours. The start is inside and the end is not (21:00–07:00 holds
 * 21:00 and releases at 07:00). A start after the end crosses midnight. Equal start and end is an
 * empty window rather than a whole day: silencing urgent items round the clock is what turning quiet
 * hours off by mistake must never look like.
 */
export function inQuietHours(
  settings: QuietSettings,
  now: Date | number,
  timeZone: string = QUIET_HOURS_TIME_ZONE,
): boolean {
  const q = settings.quietHours
  if (!q.enabled) return false
  const start = minutes(q.start)
  const end = minutes(q.end)
  if (start === end) return false
  const m = local(now, timeZone).minute
  return start < end ? m >= start && m < end : m >= start || m < end
}

/** When the quiet hours holding `now` end (held items go out then); null when `now` is not quiet. */
export function quietHoursEnd(
  settings: QuietSettings,
  now: Date | number,
  timeZone: string = QUIET_HOURS_TIME_ZONE,
): Date | null {
  if (!inQuietHours(settings, now, timeZone)) return null
  const endMinute = minutes(settings.quietHours.end)
  const l = local(now, timeZone)
  // Before the end on this local date (the early-morning half, or a same-day window): today.
  // Otherwise we are in the evening half of a window crossing midnight: tomorrow.
  const dayOffset = l.minute < endMinute ? 0 : 1
  // Date.UTC normalises the 32nd of a month; only the calendar date is taken from it.
  const date = new Date(Date.UTC(l.year, l.month, l.day + dayOffset))
  const end = new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    Math.floor(endMinute / 60),
    endMinute % 60,
    timeZone,
  )
  return new Date(end.getTime())
}
