// Runs in: Vitest (Node). England and Wales bank holidays, computed, checked against GOV.UK's list.
import { describe, expect, it } from 'vitest'
import {
  bankHolidayOn,
  bankHolidays,
  easterSunday,
  SPECIAL_CHANGES,
  weekday,
} from '../../src-main/workflow/sla/holidays'
import govuk from './fixtures/govuk-bank-holidays-england-and-wales.json'

const published = govuk.events

describe('bankHolidays against the GOV.UK published list', () => {
  const years = [...new Set(published.map((e) => Number(e.date.slice(0, 4))))]

  it('covers 2020 to 2027', () => {
    expect(years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
  })

  it.each(years)('%i: same dates, same substitute days', (year) => {
    const expected = published
      .filter((e) => e.date.startsWith(`${year}-`))
      .map((e) => ({ date: e.date, substitute: e.notes === 'Substitute day' }))
    const computed = bankHolidays(year).map((h) => ({ date: h.date, substitute: h.substitute }))
    expect(computed).toEqual(expected)
  })

  it('names Christmas and Boxing Day substitutes the way GOV.UK does', () => {
    const names = (year: number) =>
      bankHolidays(year)
        .filter((h) => h.date.slice(5, 7) === '12')
        .map((h) => `${h.date} ${h.name}`)
    // Christmas on a Saturday: both move, in order.
    expect(names(2021)).toEqual(['2021-12-27 Christmas Day', '2021-12-28 Boxing Day'])
    expect(names(2027)).toEqual(['2027-12-27 Christmas Day', '2027-12-28 Boxing Day'])
    // Christmas on a Sunday: Boxing Day keeps Monday 26th, Christmas takes Tuesday 27th.
    expect(names(2022)).toEqual(['2022-12-26 Boxing Day', '2022-12-27 Christmas Day'])
    // Boxing Day on a Saturday: Monday 28th.
    expect(names(2026)).toEqual(['2026-12-25 Christmas Day', '2026-12-28 Boxing Day'])
  })
})

describe('the standing rules, any year', () => {
  it('Easter Sunday by the Meeus algorithm matches known dates', () => {
    const known: Record<number, string> = {
      1900: '1900-04-15',
      1943: '1943-04-25', // latest possible
      1961: '1961-04-02',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2038: '2038-04-25',
      2100: '2100-03-28',
      2285: '2285-03-22', // earliest possible
    }
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date)
  })

  it('for every year 1900–2200: Easter is a Sunday 22 March–25 April; holidays are weekdays, unique and in the year', () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year)
      expect(weekday(easter)).toBe(0)
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true)
      const list = bankHolidays(year)
      const specials = (SPECIAL_CHANGES[year] ?? []).filter((c) => c.kind === 'extra').length
      expect(list).toHaveLength(8 + specials)
      const dates = list.map((h) => h.date)
      expect(new Set(dates).size).toBe(dates.length)
      expect([...dates].sort()).toEqual(dates)
      for (const h of list) {
        expect(h.date.startsWith(`${year}-`)).toBe(true)
        expect([1, 2, 3, 4, 5]).toContain(weekday(h.date))
      }
      const byName = new Map(list.filter((h) => !h.special).map((h) => [h.name, h.date]))
      if (byName.has('Early May bank holiday')) {
        expect(byName.get('Early May bank holiday')! <= `${year}-05-07`).toBe(true)
      }
      expect(byName.get('Summer bank holiday')! >= `${year}-08-25`).toBe(true)
    }
  })

  it('moves New Year’s Day at a weekend to the Monday', () => {
    expect(bankHolidays(2022)[0]).toMatchObject({ date: '2022-01-03', substitute: true }) // Saturday
    expect(bankHolidays(2023)[0]).toMatchObject({ date: '2023-01-02', substitute: true }) // Sunday
    expect(bankHolidays(2028)[0]).toMatchObject({ date: '2028-01-03', substitute: true }) // Saturday
    expect(bankHolidays(2026)[0]).toMatchObject({ date: '2026-01-01', substitute: false })
  })

  it('handles Christmas on Saturday and Sunday in years GOV.UK has not published', () => {
    expect(bankHolidayOn('2032-12-27')?.name).toBe('Christmas Day') // 25th is a Saturday
    expect(bankHolidayOn('2032-12-28')?.name).toBe('Boxing Day')
    expect(bankHolidayOn('2033-12-26')?.name).toBe('Boxing Day') // 25th is a Sunday
    expect(bankHolidayOn('2033-12-27')?.name).toBe('Christmas Day')
  })
})

describe('the one-off changes', () => {
  it('2020: Early May moved to Friday 8 May for VE Day 75', () => {
    expect(bankHolidayOn('2020-05-04')).toBeUndefined()
    expect(bankHolidayOn('2020-05-08')).toMatchObject({ special: true })
  })

  it('2022: Spring moved to Thursday 2 June, Platinum Jubilee Friday 3 June, State Funeral 19 September', () => {
    expect(bankHolidayOn('2022-05-30')).toBeUndefined()
    expect(bankHolidayOn('2022-06-02')).toMatchObject({
      name: 'Spring bank holiday',
      special: true,
    })
    expect(bankHolidayOn('2022-06-03')?.name).toMatch(/Platinum Jubilee/)
    expect(bankHolidayOn('2022-09-19')?.name).toMatch(/State Funeral/)
  })

  it('2023: the Coronation on Monday 8 May, as well as Early May on the 1st', () => {
    expect(bankHolidayOn('2023-05-01')?.name).toBe('Early May bank holiday')
    expect(bankHolidayOn('2023-05-08')?.name).toMatch(/Coronation/)
  })

  it('earlier one-offs (1995, 1999, 2002, 2011, 2012)', () => {
    expect(bankHolidayOn('1995-05-08')).toBeDefined()
    expect(bankHolidayOn('1995-05-01')).toBeUndefined()
    expect(bankHolidayOn('1999-12-31')).toBeDefined()
    expect(bankHolidays(2002).map((h) => h.date)).toEqual(
      expect.arrayContaining(['2002-06-03', '2002-06-04']),
    )
    expect(bankHolidayOn('2002-05-27')).toBeUndefined()
    expect(bankHolidayOn('2011-04-29')).toBeDefined()
    expect(bankHolidayOn('2012-06-05')).toBeDefined()
    expect(bankHolidayOn('2012-05-28')).toBeUndefined()
  })

  it('ordinary years are untouched', () => {
    expect(bankHolidays(2021).some((h) => h.special)).toBe(false)
    expect(bankHolidayOn('2026-05-04')).toMatchObject({ special: false })
  })
})

describe('bad input', () => {
  it('rejects years outside the Gregorian range and non-dates', () => {
    expect(() => bankHolidays(1500)).toThrow(RangeError)
    expect(() => bankHolidays(2026.5)).toThrow(/whole number/)
    expect(() => bankHolidayOn('2027-02-29')).toThrow(/not a calendar date/)
    expect(() => bankHolidayOn('26-12-2026')).toThrow(/not a calendar date/)
  })

  it('returns frozen lists, so a caller cannot corrupt the cache', () => {
    const list = bankHolidays(2026)
    expect(Object.isFrozen(list)).toBe(true)
    expect(Object.isFrozen(list[0])).toBe(true)
  })
})
