// Runs in: any process (pure, no I/O). A school's working calendar: which days count and which hours.
//
// Working days are Monday to Friday, minus England and Wales bank holidays, minus the school's own
// closures (INSET days, holidays, a closure week), which are data the school supplies. The config
// schema is exported so the service boundary validates with the same rules this module assumes.
import { z } from 'zod'
import { addDays, bankHolidayOn, isWeekend, parseIsoDate, type IsoDate } from './holidays'

const IsoDateField = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, 'must be a calendar date written YYYY-MM-DD')

const TimeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM, e.g. 08:00')

const Reason = z
  .string()
  .trim()
  .min(1, 'reason is required (e.g. "INSET day")')
  .max(200, 'reason must be 200 characters or fewer')

export const ClosureSchema = z.union([
  z.object({ date: IsoDateField, reason: Reason }).strict(),
  z
    .object({ from: IsoDateField, to: IsoDateField, reason: Reason })
    .strict()
    .refine((c) => c.from <= c.to, { message: '"to" must be on or after "from"', path: ['to'] }),
])
export type Closure = z.infer<typeof ClosureSchema>

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const DEFAULT_TIME_ZONE = 'Europe/London'
export const DEFAULT_WORKING_HOURS = { start: '08:00', end: '17:00' } as const

export const CalendarConfigSchema = z.object({
  timeZone: z
    .string()
    .refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/London')
    .default(DEFAULT_TIME_ZONE),
  workingHours: z
    .object({ start: TimeField, end: TimeField })
    .refine((h) => h.start < h.end, {
      message: 'workingHours.end must be later than workingHours.start',
      path: ['end'],
    })
    .default({ ...DEFAULT_WORKING_HOURS }),
  closures: z.array(ClosureSchema).max(2000, 'at most 2000 closures').default([]),
})
export type CalendarConfig = z.input<typeof CalendarConfigSchema>

interface ClosureRange {
  from: IsoDate
  to: IsoDate
  reason: string
}

export interface SchoolCalendar {
  readonly timeZone: string
  /** Minutes after local midnight. */
  readonly startMinute: number
  readonly endMinute: number
  readonly closures: readonly ClosureRange[]
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** Validates the config (throws a ZodError naming the field) and fills the defaults. */
export function schoolCalendar(config: CalendarConfig = {}): SchoolCalendar {
  const c = CalendarConfigSchema.parse(config)
  const closures = c.closures
    .map((x) => ('date' in x ? { from: x.date, to: x.date, reason: x.reason } : { ...x }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  return Object.freeze({
    timeZone: c.timeZone,
    startMinute: minutes(c.workingHours.start),
    endMinute: minutes(c.workingHours.end),
    closures: Object.freeze(closures.map((x) => Object.freeze(x))),
  })
}

/** 08:00–17:00 Europe/London, no closures. */
export const DEFAULT_CALENDAR: SchoolCalendar = schoolCalendar()

/** The closure covering this date, if any. */
export function closureOn(date: IsoDate, calendar: SchoolCalendar): ClosureRange | undefined {
  return calendar.closures.find((c) => c.from <= date && date <= c.to)
}

/** Why this date is not a working day ("weekend", "bank holiday (Good Friday)", …), or null. */
export function nonWorkingReason(date: IsoDate, calendar: SchoolCalendar): string | null {
  if (isWeekend(date)) return 'weekend'
  const holiday = bankHolidayOn(date)
  if (holiday) {
    return `bank holiday (${holiday.name}${holiday.substitute ? ', substitute day' : ''})`
  }
  const closure = closureOn(date, calendar)
  return closure ? `school closed (${closure.reason})` : null
}

export function isWorkingDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return nonWorkingReason(date, calendar) === null
}

/**
 * A closure list of finite ranges cannot hide every day for longer than this; the bound turns a
 * bad config into an error instead of a hang.
 */
const MAX_SEARCH_DAYS = 20 * 366

/** The first working day strictly after `date` (or before it, with direction -1). */
export function nextWorkingDay(date: IsoDate, calendar: SchoolCalendar, direction: 1 | -1 = 1) {
  let d = date
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, direction)
    if (isWorkingDay(d, calendar)) return d
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}`)
}
