// Runs in: any process (pure, no I/O, no Date.now). SLA clocks for the workflow: England and Wales
// bank holidays, a school's working calendar, the SLA rules table, due times and status.
// The workflow service is the caller: it supplies the clock (`now`) and the school's calendar config.
export {
  bankHolidays,
  bankHolidayOn,
  easterSunday,
  SPECIAL_CHANGES,
  type BankHoliday,
  type IsoDate,
} from './holidays'
export {
  CalendarConfigSchema,
  ClosureSchema,
  DEFAULT_CALENDAR,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_HOURS,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  schoolCalendar,
  type CalendarConfig,
  type Closure,
  type SchoolCalendar,
} from './calendar'
export { addWorkingTime, isWorkingTime, workingTimeBetween, type Instant } from './clock'
export {
  dueAt,
  isOwnAccount,
  ruleById,
  ruleFor,
  SLA_RULES,
  type SlaClock,
  type SlaRule,
  type SlaRuleId,
  type SlaSubject,
} from './rules'
export { formatDue, formatSpan, slaStatus, type SlaItem, type SlaStatus } from './status'
