// Runs in: any process (pure, no I/O; `now` is a parameter). Platforms often ignore a report: after
// PLATFORM_REPLY_REMINDER_HOURS without an answer the school should chase it or escalate to POSH,
// which can only help once the school has tried the platform's own route first.
import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { PLATFORM_REPLY_REMINDER_HOURS, type IncidentEventKind } from '../../contract'
import { DEFAULT_TIME_ZONE } from '../sla/calendar'

export interface ReminderEvent {
  id: number
  kind: IncidentEventKind
  /** ISO instant. */
  occurredAt: string
  reference: string
}

export interface PlatformReminder {
  eventId: number
  message: string
}

const HOUR = 3_600_000

/**
 * One reminder per platform report that has had no platform response recorded at or after it for at
 * least the reminder period, oldest first. A response answers every report made before it: platforms
 * rarely quote the school's reference back, so matching them up one to one would only guess.
 */
export function platformReminders(
  events: readonly ReminderEvent[],
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): PlatformReminder[] {
  const responses = events
    .filter((e) => e.kind === 'platform_response')
    .map((e) => Date.parse(e.occurredAt))
  return events
    .filter((e) => e.kind === 'reported_to_platform')
    .map((e) => ({ e, at: Date.parse(e.occurredAt) }))
    .filter(({ at }) => !responses.some((r) => r >= at))
    .filter(({ at }) => now.getTime() - at >= PLATFORM_REPLY_REMINDER_HOURS * HOUR)
    .sort((a, b) => a.at - b.at || a.e.id - b.e.id)
    .map(({ e, at }) => ({ eventId: e.id, message: reminderText(e, at, now, timeZone) }))
}

function reminderText(e: ReminderEvent, at: number, now: Date, timeZone: string): string {
  // The school reads its own wall-clock time, whatever zone the machine running this is set to.
  const when = format(new TZDate(at, timeZone), 'EEE d MMM HH:mm')
  const ref = e.reference ? ` (ref ${e.reference})` : ''
  const days = Math.floor((now.getTime() - at) / (24 * HOUR))
  return (
    `Reported to the platform on ${when}${ref} with no answer for ${days} day${days === 1 ? '' : 's'}: ` +
    'chase it or escalate to POSH.'
  )
}
