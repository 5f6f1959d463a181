// Runs in: Vitest (Node). SLA status in numbers and words, at a fixed "now".
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, schoolCalendar } from '../../src-main/workflow/sla/calendar'
import { formatDue, formatSpan, slaStatus, type SlaItem } from '../../src-main/workflow/sla/status'
import { HOUR, london, londonText } from './fixtures/london'

const cal = DEFAULT_CALENDAR

/** Status of an item received at a London time, seen at another. */
function statusAt(item: Omit<SlaItem, 'receivedAt'>, received: string, now: string) {
  return slaStatus({ ...item, receivedAt: london(received) }, london(now), cal)
}

describe('slaStatus while the clock runs', () => {
  // [case, item, received, now, due (London), expected fields]
  const running: [string, Omit<SlaItem, 'receivedAt'>, string, string, string, object][] = [
    [
      'a Facebook question on Tuesday morning, an hour later',
      { source: 'facebook', flags: ['question'] },
      '2026-11-17 10:00',
      '2026-11-17 11:00',
      '2026-11-18 10:00',
      {
        rule: 'own-account-first-response',
        timeLeftMs: 23 * HOUR,
        breached: false,
        responded: false,
        urgent: false,
        humanText: 'Due tomorrow 10:00 (in 23 hours)',
      },
    ],
    [
      'a safeguarding item on Saturday: urgent, due Monday 09:00, paused for the weekend',
      { source: 'mumsnet', flags: ['safeguarding'] },
      '2026-11-21 10:00',
      '2026-11-21 10:00',
      '2026-11-23 09:00',
      {
        rule: 'urgent-escalation',
        urgent: true,
        pausedReason: 'weekend',
        humanText: 'Due Monday 09:00 (in 1 day 23 hours)',
        timeLeftMs: 47 * HOUR,
      },
    ],
    [
      'not breached at the due instant itself',
      { source: 'instagram' },
      '2026-11-17 10:00',
      '2026-11-18 10:00',
      '2026-11-18 10:00',
      { breached: false, timeLeftMs: 0, humanText: 'Due today 10:00 (in less than a minute)' },
    ],
    [
      'wall-clock time left across the October clock change has one extra hour',
      { source: 'google_business' },
      '2026-10-23 16:00',
      '2026-10-23 16:00',
      '2026-10-26 16:00',
      { timeLeftMs: 73 * HOUR, humanText: 'Due Monday 16:00 (in 3 days 1 hour)' },
    ],
    [
      'a rule chosen by a user wins over the table',
      { source: 'mumsnet', rule: 'urgent-escalation' },
      '2026-11-17 10:00',
      '2026-11-17 10:00',
      '2026-11-17 11:00',
      { rule: 'urgent-escalation', urgent: true },
    ],
  ]
  it.each(running)('%s', (_, item, received, now, due, expected) => {
    const s = statusAt(item, received, now)
    expect(s).toMatchObject(expected)
    expect(londonText(s.dueAt)).toBe(due)
    if (!('pausedReason' in expected)) expect(s).not.toHaveProperty('pausedReason')
  })

  it('says why the clock is paused: bank holiday, closure, out of hours', () => {
    const closed = schoolCalendar({ closures: [{ date: '2026-11-19', reason: 'INSET day' }] })
    const item = { source: 'feed' as const, receivedAt: london('2026-04-06 09:00') }
    expect(slaStatus(item, london('2026-04-06 10:00'), cal).pausedReason).toBe(
      'bank holiday (Easter Monday)',
    )
    const inset = { source: 'feed' as const, receivedAt: london('2026-11-18 20:00') }
    expect(slaStatus(inset, london('2026-11-19 10:00'), closed).pausedReason).toBe(
      'school closed (INSET day)',
    )
    expect(slaStatus(inset, london('2026-11-18 21:00'), cal).pausedReason).toBe(
      'outside working hours',
    )
  })
})

describe('slaStatus once overdue or answered', () => {
  const item = { source: 'facebook' as const, receivedAt: london('2026-11-16 10:00') }

  it('overdue', () => {
    const s = slaStatus(item, london('2026-11-18 13:00'), cal)
    expect(s).toMatchObject({
      breached: true,
      timeLeftMs: -27 * HOUR,
      humanText: 'Overdue by 1 day 3 hours (was due yesterday 10:00)',
    })
    expect(s).not.toHaveProperty('pausedReason')
    expect(slaStatus(item, london('2026-11-17 13:05'), cal).humanText).toBe(
      'Overdue by 3 hours 5 minutes (was due today 10:00)',
    )
  })

  it('answered in time stays met however late it is now', () => {
    const s = slaStatus(
      { ...item, respondedAt: london('2026-11-17 09:00') },
      london('2026-12-01 12:00'),
      cal,
    )
    expect(s).toMatchObject({ responded: true, breached: false, timeLeftMs: HOUR })
    expect(s.humanText).toBe('Responded in time (due Tue 17 Nov 10:00)')
  })

  it('answered late', () => {
    const s = slaStatus(
      { ...item, respondedAt: london('2026-11-17 12:30') },
      london('2026-11-17 13:00'),
      cal,
    )
    expect(s).toMatchObject({ responded: true, breached: true, timeLeftMs: -2.5 * HOUR })
    expect(s.humanText).toBe('Responded 2 hours 30 minutes late (was due today 10:00)')
  })
})

describe('wording', () => {
  it('formatSpan: two largest units, rounded down', () => {
    expect(formatSpan(59_999)).toBe('less than a minute')
    expect(formatSpan(60_000)).toBe('1 minute')
    expect(formatSpan(3 * HOUR)).toBe('3 hours')
    expect(formatSpan(-(3 * HOUR + 59 * 60_000 + 59_999))).toBe('3 hours 59 minutes')
    expect(formatSpan(48 * HOUR)).toBe('2 days')
    expect(formatSpan(25 * HOUR + 59 * 60_000)).toBe('1 day 1 hour')
  })

  it('formatDue: today, tomorrow, weekday within the week, a date beyond, the year when it differs', () => {
    const now = london('2026-12-22 10:00')
    const tz = 'Europe/London'
    expect(formatDue(london('2026-12-22 17:00'), now, tz)).toBe('today 17:00')
    expect(formatDue(london('2026-12-23 17:00'), now, tz)).toBe('tomorrow 17:00')
    expect(formatDue(london('2026-12-24 17:00'), now, tz)).toBe('Thursday 17:00')
    expect(formatDue(london('2026-12-31 09:00'), now, tz)).toBe('Thu 31 Dec 09:00')
    expect(formatDue(london('2027-01-04 09:00'), now, tz)).toBe('Mon 4 Jan 2027 09:00')
  })
})
