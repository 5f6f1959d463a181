// Runs in: any process (pure, no I/O). Which SLA applies to a mention, and when it falls due.
//
// SLA_RULES is the one table to read (and to change when a school's policy differs): the first rule
// whose `appliesTo` matches wins, so the urgent rule comes first. Each rule quotes the policy it comes
// from; the policies are in ../shared/policies (the schools' own social media policies) and the flag
// table of PRODUCT.md.
import { OWN_ACCOUNT_KINDS, type SourceKind } from '../../contract/sources'
import type { PolicyFlag } from '../../analysis/types'
import type { SchoolCalendar } from './calendar'
import {
  addOpenDayTime,
  addWorkingTime,
  clampBackToWorkingTime,
  endOfNextWorkingDay,
  localDate,
  toMs,
  type Instant,
} from './clock'
import { isWorkingDay } from './calendar'

const HOUR_MS = 3_600_000

export type SlaClock =
  /**
   * Hours of elapsed time, with the clock stopped on days the school does not work, then brought back
   * to close of business if it lands outside working hours. Received on a non-working day: close of
   * business on the next working day. So Monday 10:00 → Tuesday 10:00; Monday 20:00 → Tuesday
   * 17:00; Friday 18:00 → Monday 17:00; Saturday → Monday 17:00; Thursday before Easter → Tuesday.
   */
  | { kind: 'elapsed-on-working-days'; hours: number }
  /** Hours counted inside working hours only: Friday 16:30 + 1 h → Monday 08:30. */
  | { kind: 'working-hours'; hours: number }
  /** Close of business on the first working day after the day it arrived. */
  | { kind: 'next-working-day' }

export type SlaRuleId =
  'urgent-escalation' | 'own-account-first-response' | 'review-next-working-day'

export interface SlaRule {
  id: SlaRuleId
  /** What the deadline is for, as the UI names it. */
  label: string
  appliesTo: {
    /** Any one of these flags selects the rule. */
    flags?: readonly PolicyFlag[]
    /** Comments on the school's own accounts (see isOwnAccount). */
    ownAccount?: true
    /** Otherwise: the rule every remaining mention gets. */
    everythingElse?: true
  }
  clock: SlaClock
  /** Notify at once, whatever the hour (issue 6, point 8); the deadline itself still counts working time. */
  urgent: boolean
  /** Where the rule comes from: the policy and its words. */
  source: { policy: string; quote: string }
}

export const SLA_RULES: readonly SlaRule[] = [
  {
    id: 'urgent-escalation',
    label: 'Escalate to the DSL or head',
    // PRODUCT.md marks exactly these flags "urgent" (threat → head and evidence, safeguarding and
    // extremism → DSL, sexual → evidence, personal_info → remove or report). The policies say
    // "immediately" and name no number; one working hour is the product's reading of "immediately"
    // for a team that is not on call at night. Instant notification covers the hours in between.
    appliesTo: { flags: ['threat', 'safeguarding', 'extremism', 'sexual', 'personal_info'] },
    clock: { kind: 'working-hours', hours: 1 },
    urgent: true,
    source: {
      policy:
        'Moston Lane Community Primary School, Social Media Policy ("Responsibilities when using social media"; "The Prevent Duty")',
      quote:
        "All concerns about communications, social contact or social media/social networking issues must be raised with the Headteacher immediately. … they must immediately contact the Headteacher and follow the school's normal safeguarding procedures, including discussing the matter with the school's designated safeguarding lead",
    },
  },
  {
    id: 'own-account-first-response',
    label: 'First response',
    // Google reviews of the school's own listing, comments on its Facebook Page and Instagram, replies
    // to its X account. A school whose policy says it will not answer on X (one of the five does)
    // simply triages those as "no action"; the clock still shows they were seen in time.
    appliesTo: { ownAccount: true },
    clock: { kind: 'elapsed-on-working-days', hours: 24 },
    urgent: false,
    source: {
      policy: 'Mellers Primary School, Social Media Policy (March 2022), "Monitoring"',
      quote:
        'Any comments, queries or complaints made through those accounts must be responded to within 24 hours (or on the next working day if received at a weekend) even if the response is only to acknowledge receipt.',
    },
  },
  {
    id: 'review-next-working-day',
    label: 'Review',
    // News, Mumsnet, Wikipedia, Reddit, alerts, Bluesky, X search, manual captures: the school cannot
    // reply in place, so the deadline is for deciding what to do, at the next daily check.
    appliesTo: { everythingElse: true },
    clock: { kind: 'next-working-day' },
    urgent: false,
    source: {
      policy: 'Stanburn Primary School, Social Media Policy; PRODUCT.md (the daily check)',
      quote:
        'we manage and monitor our social media footprint carefully to know what is being said about the school and to respond to criticism and praise in a fair, responsible manner.',
    },
  },
]

export interface SlaSubject {
  source: SourceKind
  flags?: readonly PolicyFlag[]
  /**
   * Whether the item was posted on one of the school's own accounts. Defaults from the source: true
   * for Google Business Profile, Facebook and Instagram; false otherwise, so an X item counts only
   * when the caller knows it replies to the school's account.
   */
  ownAccount?: boolean
}

export function isOwnAccount(subject: SlaSubject): boolean {
  return subject.ownAccount ?? OWN_ACCOUNT_KINDS.has(subject.source)
}

export function ruleFor(subject: SlaSubject): SlaRule {
  const flags = new Set(subject.flags ?? [])
  const rule = SLA_RULES.find(({ appliesTo: a }) => {
    if (a.flags) return a.flags.some((f) => flags.has(f))
    if (a.ownAccount) return isOwnAccount(subject)
    return a.everythingElse === true
  })
  // The table ends with an everythingElse rule; reaching here means someone removed it.
  if (!rule) throw new Error('SLA_RULES has no rule for everything else')
  return rule
}

export function ruleById(id: SlaRuleId): SlaRule {
  const rule = SLA_RULES.find((r) => r.id === id)
  if (!rule) throw new RangeError(`unknown SLA rule: ${id}`)
  return rule
}

/** When the first response (or the review) falls due; always inside working hours on a working day. */
export function dueAt(receivedAt: Instant, rule: SlaRule, calendar: SchoolCalendar): Date {
  const received = toMs(receivedAt, 'receivedAt')
  const clock = rule.clock
  switch (clock.kind) {
    case 'working-hours':
      return new Date(addWorkingTime(received, clock.hours * HOUR_MS, calendar))
    case 'next-working-day':
      return new Date(endOfNextWorkingDay(received, calendar))
    case 'elapsed-on-working-days': {
      if (!isWorkingDay(localDate(received, calendar.timeZone), calendar)) {
        return new Date(endOfNextWorkingDay(received, calendar))
      }
      const candidate = addOpenDayTime(received, clock.hours * HOUR_MS, calendar)
      return new Date(clampBackToWorkingTime(candidate, calendar))
    }
  }
}
