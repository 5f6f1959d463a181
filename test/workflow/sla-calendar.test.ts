// Runs in: Vitest (Node). A school's working calendar and working-time arithmetic in London time.
import { describe, expect, it } from 'vitest'
import { ZodError } from 'zod'
import {
  DEFAULT_CALENDAR,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  schoolCalendar,
  type CalendarConfig,
} from '../../src-main/workflow/sla/calendar'
import {
  addWorkingTime,
  isWorkingTime,
  workingTimeBetween,
} from '../../src-main/workflow/sla/clock'
import { HOUR, london, londonText } from './fixtures/london'

const halfTerm = schoolCalendar({
  closures: [
    { from: '2026-10-26', to: '2026-10-30', reason: 'October half term' },
    { date: '2026-11-02', reason: 'INSET day' },
  ],
})

function configError(config: unknown): string {
  try {
    schoolCalendar(config as CalendarConfig)
  } catch (e) {
    if (e instanceof ZodError)
      return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw e
  }
  throw new Error('config was accepted')
}

describe('schoolCalendar config', () => {
  it('defaults to 08:00–17:00 Europe/London with no closures', () => {
    expect(DEFAULT_CALENDAR).toEqual({
      timeZone: 'Europe/London',
      startMinute: 8 * 60,
      endMinute: 17 * 60,
      closures: [],
    })
  })

  it('takes per-school working hours', () => {
    const cal = schoolCalendar({ workingHours: { start: '07:30', end: '16:15' } })
    expect([cal.startMinute, cal.endMinute]).toEqual([450, 975])
  })

  it('names the field that is wrong', () => {
    expect(configError({ workingHours: { start: '17:00', end: '08:00' } })).toMatch(
      /^workingHours\.end: .*later than workingHours\.start/,
    )
    expect(configError({ workingHours: { start: '8am', end: '17:00' } })).toMatch(
      /^workingHours\.start: must be a 24-hour time/,
    )
    expect(configError({ timeZone: 'Europe/Londres' })).toMatch(/^timeZone: .*IANA/)
    expect(configError({ closures: [{ date: '2027-02-29', reason: 'INSET' }] })).toMatch(
      /closures\.0.*YYYY-MM-DD/,
    )
    expect(
      configError({ closures: [{ from: '2026-10-30', to: '2026-10-26', reason: 'Half term' }] }),
    ).toMatch(/closures\.0.*"to" must be on or after "from"/)
    expect(configError({ closures: [{ date: '2026-10-30', reason: '  ' }] })).toMatch(
      /reason is required/,
    )
  })
})

describe('working days', () => {
  it('are Monday to Friday minus bank holidays minus closures, with the reason', () => {
    expect(nonWorkingReason('2026-11-21', DEFAULT_CALENDAR)).toBe('weekend')
    expect(nonWorkingReason('2026-04-06', DEFAULT_CALENDAR)).toBe('bank holiday (Easter Monday)')
    expect(nonWorkingReason('2026-12-28', DEFAULT_CALENDAR)).toBe(
      'bank holiday (Boxing Day, substitute day)',
    )
    expect(nonWorkingReason('2026-10-28', halfTerm)).toBe('school closed (October half term)')
    expect(nonWorkingReason('2026-11-02', halfTerm)).toBe('school closed (INSET day)')
    expect(isWorkingDay('2026-10-28', DEFAULT_CALENDAR)).toBe(true)
    expect(isWorkingDay('2026-11-03', halfTerm)).toBe(true)
    expect(isWorkingDay('2028-02-29', DEFAULT_CALENDAR)).toBe(true)
  })

  it('next working day skips Easter, Christmas substitutes and a closure week', () => {
    expect(nextWorkingDay('2026-04-02', DEFAULT_CALENDAR)).toBe('2026-04-07')
    expect(nextWorkingDay('2027-12-24', DEFAULT_CALENDAR)).toBe('2027-12-29')
    expect(nextWorkingDay('2026-10-23', halfTerm)).toBe('2026-11-03')
    expect(nextWorkingDay('2026-11-03', halfTerm, -1)).toBe('2026-10-23')
  })
})

describe('working time', () => {
  it('counts only working hours between two instants', () => {
    const cal = DEFAULT_CALENDAR
    expect(workingTimeBetween(london('2026-11-17 09:00'), london('2026-11-17 11:30'), cal)).toBe(
      2.5 * HOUR,
    )
    // Evening and night do not count.
    expect(workingTimeBetween(london('2026-11-17 16:00'), london('2026-11-18 09:00'), cal)).toBe(
      2 * HOUR,
    )
    // A full week is 5 × 9 hours; a week with a bank holiday (Easter Monday 2026) loses one day.
    expect(workingTimeBetween(london('2026-11-16 00:00'), london('2026-11-23 00:00'), cal)).toBe(
      45 * HOUR,
    )
    expect(workingTimeBetween(london('2026-04-06 00:00'), london('2026-04-13 00:00'), cal)).toBe(
      36 * HOUR,
    )
    // Good Friday through Easter Monday: nothing.
    expect(workingTimeBetween(london('2026-04-03 00:00'), london('2026-04-07 08:00'), cal)).toBe(0)
    // Reversed arguments give the negative, so statistics can subtract safely.
    expect(workingTimeBetween(london('2026-11-17 11:30'), london('2026-11-17 09:00'), cal)).toBe(
      -2.5 * HOUR,
    )
  })

  it('across the spring-forward weekend: Friday 16:00 GMT to Monday 09:00 BST is two working hours', () => {
    const a = london('2026-03-27 16:00')
    const b = london('2026-03-30 09:00')
    expect(new Date(a).toISOString()).toBe('2026-03-27T16:00:00.000Z')
    expect(new Date(b).toISOString()).toBe('2026-03-30T08:00:00.000Z')
    expect(workingTimeBetween(a, b, DEFAULT_CALENDAR)).toBe(2 * HOUR)
  })

  it('skips a closure week', () => {
    expect(
      workingTimeBetween(london('2026-10-23 16:00'), london('2026-11-03 09:00'), halfTerm),
    ).toBe(2 * HOUR)
  })

  it('adds working time over a weekend and a bank holiday', () => {
    const cal = DEFAULT_CALENDAR
    expect(londonText(addWorkingTime(london('2026-11-20 16:30'), HOUR, cal))).toBe(
      '2026-11-23 08:30',
    )
    expect(londonText(addWorkingTime(london('2026-05-22 16:30'), HOUR, cal))).toBe(
      '2026-05-26 08:30',
    )
    expect(() => addWorkingTime(london('2026-11-20 16:30'), 0, cal)).toThrow(/positive/)
  })

  it('treats the ends of the working day as inside it', () => {
    expect(isWorkingTime(london('2026-11-17 08:00'), DEFAULT_CALENDAR)).toBe(true)
    expect(isWorkingTime(london('2026-11-17 17:00'), DEFAULT_CALENDAR)).toBe(true)
    expect(isWorkingTime(london('2026-11-17 17:00:00.001'), DEFAULT_CALENDAR)).toBe(false)
    expect(isWorkingTime(london('2026-11-17 07:59'), DEFAULT_CALENDAR)).toBe(false)
    expect(isWorkingTime(london('2026-11-21 10:00'), DEFAULT_CALENDAR)).toBe(false)
  })
})
