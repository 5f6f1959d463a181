// Runs in: Vitest (Node). The SLA rules table and due times, with a fixed clock.
import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, schoolCalendar } from '../../src-main/workflow/sla/calendar'
import {
  dueAt,
  ruleById,
  ruleFor,
  SLA_RULES,
  type SlaRuleId,
} from '../../src-main/workflow/sla/rules'
import { london, londonText } from './fixtures/london'

const halfTerm = schoolCalendar({
  closures: [
    { from: '2026-10-26', to: '2026-10-30', reason: 'October half term' },
    { date: '2026-11-02', reason: 'INSET day' },
  ],
})

function due(id: SlaRuleId, received: string, cal = DEFAULT_CALENDAR): string {
  return londonText(dueAt(london(received), ruleById(id), cal))
}

describe('the rules table', () => {
  it('is ordered urgent first and ends with a rule for everything else', () => {
    expect(SLA_RULES.map((r) => r.id)).toEqual([
      'urgent-escalation',
      'own-account-first-response',
      'review-next-working-day',
    ])
    expect(SLA_RULES.at(-1)?.appliesTo.everythingElse).toBe(true)
    for (const r of SLA_RULES) expect(r.source.quote.length).toBeGreaterThan(40)
  })

  it('picks the urgent rule for safeguarding, threat, extremism, sexual and personal data, on any channel', () => {
    for (const flag of [
      'threat',
      'safeguarding',
      'extremism',
      'sexual',
      'personal_info',
    ] as const) {
      expect(ruleFor({ source: 'facebook', flags: ['complaint', flag] }).id).toBe(
        'urgent-escalation',
      )
      expect(ruleFor({ source: 'mumsnet', flags: [flag] }).id).toBe('urgent-escalation')
    }
    expect(ruleFor({ source: 'mumsnet', flags: ['abuse', 'hate'] }).id).toBe(
      'review-next-working-day',
    )
  })

  it('gives the 24-hour first response to the school’s own accounts only', () => {
    for (const source of ['google_business', 'facebook', 'instagram'] as const) {
      expect(ruleFor({ source, flags: ['complaint'] }).id).toBe('own-account-first-response')
    }
    expect(ruleFor({ source: 'x', ownAccount: true }).id).toBe('own-account-first-response')
    expect(ruleFor({ source: 'x' }).id).toBe('review-next-working-day')
    for (const source of ['feed', 'wikipedia', 'mumsnet', 'bluesky', 'manual'] as const) {
      expect(ruleFor({ source, flags: ['question'] }).id).toBe('review-next-working-day')
    }
  })
})

describe('first response on own accounts: 24 hours, next working day at a weekend', () => {
  const own = (received: string, cal = DEFAULT_CALENDAR) =>
    due('own-account-first-response', received, cal)

  it('an ordinary weekday: 24 hours later, or close of business when that is out of hours', () => {
    expect(own('2026-11-17 10:00')).toBe('2026-11-18 10:00')
    expect(own('2026-11-17 20:00')).toBe('2026-11-18 17:00')
    expect(own('2026-11-17 06:00')).toBe('2026-11-17 17:00')
  })

  it('Friday afternoon and evening run into Monday', () => {
    expect(own('2026-11-20 16:00')).toBe('2026-11-23 16:00')
    expect(own('2026-11-20 18:00')).toBe('2026-11-23 17:00')
  })

  it('Saturday and Sunday: end of Monday', () => {
    expect(own('2026-11-21 10:00')).toBe('2026-11-23 17:00')
    expect(own('2026-11-22 23:59')).toBe('2026-11-23 17:00')
  })

  it('bank holiday Mondays', () => {
    expect(own('2026-05-23 11:00')).toBe('2026-05-26 17:00') // Saturday before Spring bank holiday
    expect(own('2026-08-31 09:00')).toBe('2026-09-01 17:00') // on the Summer bank holiday
    expect(own('2026-08-28 12:00')).toBe('2026-09-01 12:00') // Friday before it
  })

  it('Easter: Maundy Thursday evening through Easter Monday all land on Tuesday', () => {
    expect(own('2026-04-02 12:00')).toBe('2026-04-07 12:00')
    expect(own('2026-04-02 18:00')).toBe('2026-04-07 17:00')
    for (const day of ['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']) {
      expect(own(`${day} 10:00`)).toBe('2026-04-07 17:00')
    }
  })

  it('Christmas and Boxing Day with substitute days', () => {
    expect(own('2021-12-24 12:00')).toBe('2021-12-29 12:00') // 27th, 28th substitutes
    expect(own('2022-12-23 12:00')).toBe('2022-12-28 12:00') // Boxing 26th, Christmas 27th
    expect(own('2026-12-24 15:00')).toBe('2026-12-29 15:00') // Boxing Day substitute 28th
    expect(own('2027-12-25 09:00')).toBe('2027-12-29 17:00')
  })

  it('a closure week and an INSET day', () => {
    expect(own('2026-10-23 18:00', halfTerm)).toBe('2026-11-03 17:00')
    expect(own('2026-10-28 10:00', halfTerm)).toBe('2026-11-03 17:00')
    expect(own('2026-10-23 18:00')).toBe('2026-10-26 17:00') // same week without the closure
  })

  it('across the clock changes (last Sunday of March and of October)', () => {
    const spring = dueAt(
      london('2026-03-27 18:00'),
      ruleById('own-account-first-response'),
      DEFAULT_CALENDAR,
    )
    expect(spring.toISOString()).toBe('2026-03-30T16:00:00.000Z') // 17:00 BST
    const autumn = dueAt(
      london('2026-10-23 16:00'),
      ruleById('own-account-first-response'),
      DEFAULT_CALENDAR,
    )
    expect(new Date(london('2026-10-23 16:00')).toISOString()).toBe('2026-10-23T15:00:00.000Z')
    expect(autumn.toISOString()).toBe('2026-10-26T16:00:00.000Z') // 16:00 GMT
  })

  it('the one-off bank holidays', () => {
    expect(own('2020-05-07 18:00')).toBe('2020-05-11 17:00') // VE Day Friday
    expect(own('2020-05-04 10:00')).toBe('2020-05-05 10:00') // the usual Early May was a working day
    expect(own('2022-06-01 12:00')).toBe('2022-06-06 12:00') // Jubilee Thursday and Friday
    expect(own('2022-05-30 10:00')).toBe('2022-05-31 10:00') // the usual Spring was a working day
    expect(own('2022-09-16 18:00')).toBe('2022-09-20 17:00') // State Funeral
    expect(own('2023-05-06 10:00')).toBe('2023-05-09 17:00') // Coronation
  })

  it('29 February', () => {
    expect(own('2028-02-28 10:00')).toBe('2028-02-29 10:00')
    expect(own('2024-02-29 18:00')).toBe('2024-03-01 17:00')
  })

  it('midnight boundaries', () => {
    expect(own('2026-11-23 00:00')).toBe('2026-11-23 17:00') // Monday's first instant
    expect(own('2026-11-22 23:59:59.999')).toBe('2026-11-23 17:00') // Sunday's last
    expect(own('2026-11-20 23:59:59.999')).toBe('2026-11-23 17:00') // Friday's last
    expect(own('2026-11-17 17:00')).toBe('2026-11-18 17:00')
  })

  it('uses the school’s own working hours', () => {
    const cal = schoolCalendar({ workingHours: { start: '07:30', end: '15:30' } })
    expect(own('2026-11-20 18:00', cal)).toBe('2026-11-23 15:30')
    expect(own('2026-11-21 10:00', cal)).toBe('2026-11-23 15:30')
  })
})

describe('urgent escalation (one working hour) and review (next working day)', () => {
  // [rule, received, due, why] in London time.
  const cases: [SlaRuleId, string, string, string][] = [
    ['urgent-escalation', '2026-11-17 10:00', '2026-11-17 11:00', 'inside working hours'],
    ['urgent-escalation', '2026-11-17 07:00', '2026-11-17 09:00', 'before opening'],
    ['urgent-escalation', '2026-11-20 16:30', '2026-11-23 08:30', 'Friday, half an hour left'],
    ['urgent-escalation', '2026-11-21 10:00', '2026-11-23 09:00', 'Saturday'],
    ['urgent-escalation', '2026-04-03 10:00', '2026-04-07 09:00', 'Good Friday'],
    ['review-next-working-day', '2026-11-17 10:00', '2026-11-18 17:00', 'Tuesday'],
    ['review-next-working-day', '2026-11-20 10:00', '2026-11-23 17:00', 'Friday'],
    ['review-next-working-day', '2026-11-21 10:00', '2026-11-23 17:00', 'Saturday'],
    ['review-next-working-day', '2021-12-24 10:00', '2021-12-29 17:00', 'Christmas Eve 2021'],
  ]
  it.each(cases)('%s: %s → %s (%s)', (id, received, expected) => {
    expect(due(id, received)).toBe(expected)
  })

  it('urgent on the Saturday of the spring-forward weekend: Monday 09:00 BST', () => {
    const d = dueAt(london('2026-03-28 12:00'), ruleById('urgent-escalation'), DEFAULT_CALENDAR)
    expect(d.toISOString()).toBe('2026-03-30T08:00:00.000Z')
  })
})

describe('bad input', () => {
  it('rejects an invalid received time and an unknown rule', () => {
    expect(() =>
      dueAt(new Date('not a date'), ruleById('urgent-escalation'), DEFAULT_CALENDAR),
    ).toThrow(/receivedAt is not a valid time/)
    expect(() => ruleById('nope' as SlaRuleId)).toThrow(/unknown SLA rule/)
  })
})
