// Runs in: main process / CLI (Node). THE routing table: every flag's priority, owner and policy action.
//
// Policy lives here and nowhere else. An item takes the most urgent priority among its flags and
// the owner of that row; ties go to the owner earlier in OWNER_PRECEDENCE, so safeguarding and
// extremism always reach the DSL whatever else is flagged.
import type { OwnerRole, PolicyFlag, Priority, SentimentLabel } from './types'

export interface RoutingRule {
  priority: Priority
  owner: OwnerRole
  action: string
}

export const ROUTING: Readonly<Record<PolicyFlag, RoutingRule>> = {
  safeguarding: {
    priority: 'urgent',
    owner: 'dsl',
    action: 'Urgent: pass to the DSL now; keep the evidence.',
  },
  extremism: {
    priority: 'urgent',
    owner: 'dsl',
    action: 'Urgent: DSL to consider a Prevent referral; keep the evidence.',
  },
  threat: {
    priority: 'urgent',
    owner: 'head',
    action: 'Urgent: capture evidence, tell the head, consider the police.',
  },
  sexual: {
    priority: 'urgent',
    owner: 'head',
    action: 'Urgent: capture evidence; police if it concerns a child.',
  },
  personal_info: {
    priority: 'urgent',
    owner: 'orm_lead',
    action: 'Urgent: remove it on our channels or report it to the platform.',
  },
  hate: {
    priority: 'high',
    owner: 'head',
    action: 'Capture, delete on our channels, report; police if a hate crime.',
  },
  impersonation: {
    priority: 'high',
    owner: 'orm_lead',
    action: 'Report the account to the platform, then to POSH.',
  },
  abuse: {
    priority: 'high',
    owner: 'orm_lead',
    action: 'Capture, delete on our channels, report; block repeat offenders. Never retaliate.',
  },
  complaint: {
    priority: 'normal',
    owner: 'head',
    action: 'Head replies: acknowledge, invite private contact, point to the complaints procedure.',
  },
  question: {
    priority: 'normal',
    owner: 'orm_lead',
    action: 'Answer within the SLA (24 hours, or the next working day).',
  },
  staff_named: {
    priority: 'low',
    owner: 'orm_lead',
    action: 'A member of staff is named: raises the priority of any negative item.',
  },
  praise: {
    priority: 'low',
    owner: 'orm_lead',
    action: 'Thank, credit the team, never name pupils.',
  },
  spam: { priority: 'low', owner: 'orm_lead', action: 'Delete on our channels.' },
  commercial: { priority: 'low', owner: 'orm_lead', action: 'Delete on our channels.' },
}

/** Negative items with no flag still go to the head: only the head answers negative posts. */
export const NEGATIVE_UNFLAGGED: RoutingRule = {
  priority: 'normal',
  owner: 'head',
  action: 'Negative post: only the head responds.',
}
export const NOTHING_TO_DO: RoutingRule = {
  priority: 'low',
  owner: 'orm_lead',
  action: 'No action needed.',
}

const PRIORITY_ORDER: Priority[] = ['urgent', 'high', 'normal', 'low']
const OWNER_PRECEDENCE: OwnerRole[] = ['dsl', 'head', 'orm_lead']

export interface Route {
  priority: Priority
  owner: OwnerRole
  actions: string[]
}

export function route(flags: readonly PolicyFlag[], sentiment: SentimentLabel): Route {
  const rules = flags.map((f) => ROUTING[f])
  if (sentiment === 'negative' && !flags.some((f) => ROUTING[f].priority !== 'low'))
    rules.push(NEGATIVE_UNFLAGGED)
  if (rules.length === 0) rules.push(NOTHING_TO_DO)
  let p = Math.min(...rules.map((r) => PRIORITY_ORDER.indexOf(r.priority)))
  // staff_named lifts a negative item one step: criticism of a named person is more pressing.
  if (flags.includes('staff_named') && sentiment === 'negative' && p > 0) p -= 1
  const top = rules.filter(
    (r) =>
      PRIORITY_ORDER.indexOf(r.priority) ===
      Math.min(...rules.map((x) => PRIORITY_ORDER.indexOf(x.priority))),
  )
  let owner: OwnerRole = top[0].owner
  for (const o of OWNER_PRECEDENCE) {
    if (top.some((r) => r.owner === o)) {
      owner = o
      break
    }
  }
  // The DSL must see these even when another urgent flag names a different owner.
  if (flags.includes('safeguarding') || flags.includes('extremism')) owner = 'dsl'
  return { priority: PRIORITY_ORDER[p], owner, actions: rules.map((r) => r.action) }
}
