// Runs in: any process (pure, no I/O). Bank holidays of England and Wales for any year.
//
// Computed from the rules rather than fetched from GOV.UK: the app runs offline, SLA clocks must work
// for years GOV.UK has not published yet (it lists about two years ahead), and a school looking at
// last year's response times needs last year's holidays. The rules have been stable since 1978; what
// the rules cannot know (a jubilee, a coronation, a state funeral) is in SPECIAL_CHANGES, the one place
// to edit when a new one-off is proclaimed. test/workflow/sla-holidays.test.ts checks the result
// against GOV.UK's published list year by year.
//
// Dates are plain calendar dates ('YYYY-MM-DD') with UTC arithmetic, so no time zone or DST can ever
// move a holiday to the neighbouring day.

/** A calendar date as written in England: 'YYYY-MM-DD', no time and no zone. */
export type IsoDate = string

export interface BankHoliday {
  date: IsoDate
  name: string
  /** The holiday fell on a weekend and this weekday replaces it (GOV.UK: "Substitute day"). */
  substitute: boolean
  /** Moved or added by proclamation (see SPECIAL_CHANGES), not by the standing rules. */
  special: boolean
}

/** Meeus' algorithm is for the Gregorian calendar, which England has used since 1752. */
export const MIN_YEAR = 1753
export const MAX_YEAR = 9999

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0)
  // Day 0 of the next month is the last day of this one. setUTCFullYear, not Date.UTC: Date.UTC
  // reads years 0–99 as 1900–1999.
  d.setUTCFullYear(year, month, 0)
  return d.getUTCDate()
}

/** Year, month (1–12) and day of a real calendar date, or null ('2026-02-30' is not one). */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(date)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

function requireDate(date: IsoDate): { year: number; month: number; day: number } {
  const parts = parseIsoDate(date)
  if (!parts) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return parts
}

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = requireDate(date)
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return Math.round(d.getTime() / DAY_MS)
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date)
  return w === 0 || w === 6
}

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}: ${year}`)
  }
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8). */
export function easterSunday(year: number): IsoDate {
  requireYear(year)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDate(year, month, day)
}

const MONDAY = 1

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1)
  return addDays(first, (MONDAY - weekday(first) + 7) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const last = isoDate(year, month, daysInMonth(year, month))
  return addDays(last, -((weekday(last) - MONDAY + 7) % 7))
}

type MovableHoliday = 'earlyMay' | 'spring'

type SpecialChange =
  | { kind: 'move'; holiday: MovableHoliday; to: IsoDate; name?: string }
  | { kind: 'extra'; date: IsoDate; name: string }

/**
 * Every one-off change to the England and Wales rules since they settled in 1978, keyed by year.
 * Add a new proclamation here; nothing else needs to change.
 */
export const SPECIAL_CHANGES: Readonly<Record<number, readonly SpecialChange[]>> = {
  // 50th anniversary of VE Day: Early May moved from Monday 1 May to Monday 8 May.
  1995: [{ kind: 'move', holiday: 'earlyMay', to: '1995-05-08' }],
  // The millennium: an extra bank holiday on Friday 31 December.
  1999: [{ kind: 'extra', date: '1999-12-31', name: 'Millennium bank holiday' }],
  // Golden Jubilee: Spring moved from Monday 27 May to Tuesday 4 June, extra day Monday 3 June.
  2002: [
    { kind: 'move', holiday: 'spring', to: '2002-06-04' },
    { kind: 'extra', date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  ],
  // Wedding of Prince William and Catherine Middleton: Friday 29 April.
  2011: [{ kind: 'extra', date: '2011-04-29', name: 'Royal wedding bank holiday' }],
  // Diamond Jubilee: Spring moved from Monday 28 May to Monday 4 June, extra day Tuesday 5 June.
  2012: [
    { kind: 'move', holiday: 'spring', to: '2012-06-04' },
    { kind: 'extra', date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  ],
  // 75th anniversary of VE Day: Early May moved from Monday 4 May to Friday 8 May.
  2020: [
    {
      kind: 'move',
      holiday: 'earlyMay',
      to: '2020-05-08',
      name: 'Early May bank holiday (VE Day)',
    },
  ],
  // Platinum Jubilee: Spring moved from Monday 30 May to Thursday 2 June, extra day Friday 3 June;
  // and the State Funeral of Queen Elizabeth II on Monday 19 September.
  2022: [
    { kind: 'move', holiday: 'spring', to: '2022-06-02' },
    { kind: 'extra', date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
    { kind: 'extra', date: '2022-09-19', name: 'State Funeral of Queen Elizabeth II' },
  ],
  // Coronation of King Charles III: an extra bank holiday on Monday 8 May.
  2023: [{ kind: 'extra', date: '2023-05-08', name: 'Coronation of King Charles III' }],
}

function holiday(date: IsoDate, name: string, substitute = false, special = false): BankHoliday {
  return Object.freeze({ date, name, substitute, special })
}

/**
 * Christmas and Boxing Day: a day on a weekday keeps its date; a weekend one moves to the first
 * weekday not already taken. Placing weekday ones first matches GOV.UK's naming when Christmas is on
 * a Sunday (Boxing Day stays Monday 26th, Christmas becomes Tuesday 27th).
 */
function christmas(year: number): BankHoliday[] {
  const days = [
    { name: 'Christmas Day', date: isoDate(year, 12, 25) },
    { name: 'Boxing Day', date: isoDate(year, 12, 26) },
  ]
  const taken = new Set(days.filter((d) => !isWeekend(d.date)).map((d) => d.date))
  return days.map(({ name, date }) => {
    if (!isWeekend(date)) return holiday(date, name)
    let sub = addDays(date, 1)
    while (isWeekend(sub) || taken.has(sub)) sub = addDays(sub, 1)
    taken.add(sub)
    return holiday(sub, name, true)
  })
}

function computeYear(year: number): readonly BankHoliday[] {
  const easter = easterSunday(year)
  const newYear = isoDate(year, 1, 1)
  const newYearObserved = isWeekend(newYear)
    ? addDays(newYear, weekday(newYear) === 6 ? 2 : 1)
    : newYear
  const changes = SPECIAL_CHANGES[year] ?? []
  const movable = (key: MovableHoliday, name: string, date: IsoDate): BankHoliday => {
    const move = changes.find((c) => c.kind === 'move' && c.holiday === key)
    return move?.kind === 'move'
      ? holiday(move.to, move.name ?? name, false, true)
      : holiday(date, name)
  }
  const list: BankHoliday[] = [
    holiday(newYearObserved, "New Year's Day", newYearObserved !== newYear),
    holiday(addDays(easter, -2), 'Good Friday'),
    holiday(addDays(easter, 1), 'Easter Monday'),
    movable('earlyMay', 'Early May bank holiday', firstMonday(year, 5)),
    movable('spring', 'Spring bank holiday', lastMonday(year, 5)),
    holiday(lastMonday(year, 8), 'Summer bank holiday'),
    ...christmas(year),
    ...changes.flatMap((c) => (c.kind === 'extra' ? [holiday(c.date, c.name, false, true)] : [])),
  ]
  return Object.freeze(list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)))
}

const byYear = new Map<number, readonly BankHoliday[]>()
const byDate = new Map<number, ReadonlyMap<IsoDate, BankHoliday>>()

/** England and Wales bank holidays of one year, in date order (the same list GOV.UK publishes). */
export function bankHolidays(year: number): readonly BankHoliday[] {
  requireYear(year)
  let list = byYear.get(year)
  if (!list) {
    list = computeYear(year)
    byYear.set(year, list)
  }
  return list
}

/** The bank holiday on this date, if any. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const { year } = requireDate(date)
  let index = byDate.get(year)
  if (!index) {
    index = new Map(bankHolidays(year).map((h) => [h.date, h]))
    byDate.set(year, index)
  }
  return index.get(date)
}
