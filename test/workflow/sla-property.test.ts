// Runs in: Vitest (Node). Properties of dueAt and workingTimeBetween over random times, working hours
// and closures: never before arrival, always inside working hours on a working day, monotonic.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWorkingDay, schoolCalendar } from '../../src-main/workflow/sla/calendar'
import { atLocal, localDate, workingTimeBetween } from '../../src-main/workflow/sla/clock'
import { addDays } from '../../src-main/workflow/sla/holidays'
import { dueAt, SLA_RULES } from '../../src-main/workflow/sla/rules'
import { HOUR } from './fixtures/london'

const TZ = 'Europe/London'
const FROM = Date.UTC(2000, 0, 1)
const TO = Date.UTC(2060, 0, 1)
const DAY = 24 * HOUR

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`

/** An arrival time plus a calendar whose closures sit around it, so they actually get in the way. */
const scenario = fc
  .record({
    receivedAt: fc.integer({ min: FROM, max: TO }),
    start: fc.tuple(fc.integer({ min: 6, max: 10 }), fc.constantFrom(0, 15, 30, 45)),
    end: fc.tuple(fc.integer({ min: 14, max: 19 }), fc.constantFrom(0, 30)),
    closures: fc.array(
      fc.record({
        offset: fc.integer({ min: -3, max: 12 }),
        length: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 4 },
    ),
    rule: fc.constantFrom(...SLA_RULES),
  })
  .map(({ receivedAt, start, end, closures, rule }) => {
    const day = localDate(receivedAt, TZ)
    const calendar = schoolCalendar({
      workingHours: { start: hhmm(...start), end: hhmm(...end) },
      closures: closures.map((c) => ({
        from: addDays(day, c.offset),
        to: addDays(day, c.offset + c.length),
        reason: 'closure',
      })),
    })
    return { receivedAt, calendar, rule }
  })

describe('dueAt properties', () => {
  it('is never before arrival and always inside working hours on a working day', () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt, calendar, rule }) => {
        const due = dueAt(receivedAt, rule, calendar).getTime()
        expect(due).toBeGreaterThanOrEqual(receivedAt)
        const date = localDate(due, TZ)
        expect(isWorkingDay(date, calendar)).toBe(true)
        expect(due).toBeGreaterThanOrEqual(atLocal(date, calendar.startMinute, TZ))
        expect(due).toBeLessThanOrEqual(atLocal(date, calendar.endMinute, TZ))
      }),
      { numRuns: 400 },
    )
  })

  it('is monotonic in the arrival time', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 10 * DAY }), (s, delta) => {
        const earlier = dueAt(s.receivedAt, s.rule, s.calendar).getTime()
        const later = dueAt(s.receivedAt + delta, s.rule, s.calendar).getTime()
        expect(later).toBeGreaterThanOrEqual(earlier)
      }),
      { numRuns: 400 },
    )
  })

  it('the urgent rule leaves exactly one working hour', () => {
    const urgent = SLA_RULES.find((r) => r.id === 'urgent-escalation')!
    fc.assert(
      fc.property(scenario, ({ receivedAt, calendar }) => {
        const due = dueAt(receivedAt, urgent, calendar)
        expect(workingTimeBetween(receivedAt, due, calendar)).toBe(HOUR)
      }),
      { numRuns: 200 },
    )
  })
})

describe('workingTimeBetween properties', () => {
  it('adds up over consecutive intervals and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.integer({ min: 0, max: 20 * DAY }),
        ({ receivedAt: a, calendar }, d1, d2) => {
          const b = a + d1
          const c = b + d2
          const ab = workingTimeBetween(a, b, calendar)
          const bc = workingTimeBetween(b, c, calendar)
          expect(ab + bc).toBe(workingTimeBetween(a, c, calendar))
          expect(ab).toBeGreaterThanOrEqual(0)
          expect(ab).toBeLessThanOrEqual(b - a)
        },
      ),
      { numRuns: 200 },
    )
  })
})
