// Runs in: any process (pure). What a triage change does to a mention's triage row. Deciding what to do
// stops the SLA clock (the school has responded by deciding), except "respond", whose clock runs until
// the reply is posted; resolving always stops it.
import type { TriageOutcome, TriageState } from '../contract'

export interface TriageRow {
  state: TriageState
  outcome: TriageOutcome | null
  assigneeId: number | null
  snoozedUntil: string | null
  respondedAt: string | null
}

export interface TriageChange {
  state?: TriageState
  outcome?: TriageOutcome
  assigneeId?: number | null
  snoozeUntil?: string | null
}

export class TriageRuleError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message)
  }
}

const DECIDED: ReadonlySet<TriageOutcome> = new Set(['no_action', 'monitor', 'escalate'])

export function applyTriage(current: TriageRow, change: TriageChange, now: string): TriageRow {
  const next: TriageRow = { ...current }
  if (change.outcome !== undefined) {
    next.outcome = change.outcome
    next.state = change.state ?? (current.state === 'resolved' ? 'resolved' : 'triaged')
  } else if (change.state !== undefined) {
    next.state = change.state
    if (change.state === 'triaged' && !current.outcome)
      throw new TriageRuleError(
        'Choose what to do with it: no action, monitor, respond or escalate',
        'outcome',
      )
    // Back to "new": the decision is undone, the record of an earlier response is not.
    if (change.state === 'new') next.outcome = null
  }
  if (next.state !== 'new' && next.outcome && DECIDED.has(next.outcome)) next.respondedAt ??= now
  if (next.state === 'resolved') next.respondedAt ??= now
  if (change.assigneeId !== undefined) next.assigneeId = change.assigneeId
  if (change.snoozeUntil !== undefined) {
    if (change.snoozeUntil !== null && Date.parse(change.snoozeUntil) <= Date.parse(now))
      throw new TriageRuleError('Snooze until a time in the future', 'snoozeUntil')
    // Stored in UTC like every other instant: the inbox compares it with `now` as text.
    next.snoozedUntil =
      change.snoozeUntil === null ? null : new Date(change.snoozeUntil).toISOString()
  }
  return next
}
