// Runs in: Vitest (Node). The platform-reply reminder: a report with no answer for 48 hours asks the
// school to chase it or escalate to POSH; an answer recorded after the report clears it.
import { describe, expect, it } from 'vitest'
import { platformReminders, type ReminderEvent } from '../../src-main/workflow/incidents/reminders'

const REPORTED = '2026-11-03T10:00:00.000Z'
const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000)

const report = (id: number, occurredAt = REPORTED, reference = 'ABC'): ReminderEvent => ({
  id,
  kind: 'reported_to_platform',
  occurredAt,
  reference,
})
const response = (id: number, occurredAt: string): ReminderEvent => ({
  id,
  kind: 'platform_response',
  occurredAt,
  reference: '',
})

describe('platform reply reminders', () => {
  it('waits 48 hours, then names the report in UK wall-clock time', () => {
    expect(platformReminders([report(1)], hoursAfter(REPORTED, 47))).toEqual([])
    expect(platformReminders([report(1)], hoursAfter(REPORTED, 48))).toHaveLength(1)
    expect(platformReminders([report(1)], hoursAfter(REPORTED, 49))).toEqual([
      {
        eventId: 1,
        message:
          'Reported to the platform on Tue 3 Nov 10:00 (ref ABC) with no answer for 2 days: chase it or escalate to POSH.',
      },
    ])
  })

  it('shows British Summer Time in summer, whatever the machine zone', () => {
    const [r] = platformReminders(
      [report(1, '2026-06-02T09:30:00.000Z', '')],
      new Date('2026-06-05T12:00:00.000Z'),
    )
    expect(r.message).toBe(
      'Reported to the platform on Tue 2 Jun 10:30 with no answer for 3 days: chase it or escalate to POSH.',
    )
  })

  it('is cleared by a response at or after the report, not by one before it', () => {
    const later = hoursAfter(REPORTED, 100)
    expect(platformReminders([report(1), response(2, '2026-11-04T09:00:00.000Z')], later)).toEqual(
      [],
    )
    expect(platformReminders([report(1), response(2, REPORTED)], later)).toEqual([])
    expect(
      platformReminders([response(2, '2026-11-02T09:00:00.000Z'), report(1)], later),
    ).toHaveLength(1)
  })

  it('reminds of each unanswered report, oldest first, and ignores other kinds', () => {
    const second = report(5, '2026-11-05T10:00:00.000Z', 'XYZ')
    const note: ReminderEvent = { id: 6, kind: 'note', occurredAt: REPORTED, reference: '' }
    const now = hoursAfter('2026-11-05T10:00:00.000Z', 50)
    expect(platformReminders([second, note, report(1)], now).map((r) => r.eventId)).toEqual([1, 5])
    // A response between the two answers the first report only.
    const between = response(7, '2026-11-04T10:00:00.000Z')
    expect(platformReminders([second, between, report(1)], now).map((r) => r.eventId)).toEqual([5])
  })

  it('counts whole days', () => {
    const [r] = platformReminders([report(1)], hoursAfter(REPORTED, 24 * 5 + 23))
    expect(r.message).toContain('no answer for 5 days')
  })
})
