// Runs in: main process and CLI (Node), pure. Response times against the SLA for the mentions of a
// period: when each first response fell due (the same rules and calendar as the daily check), when the
// school responded, and how many were in time.
import { dueAt, ruleFor, type SchoolCalendar } from '../../workflow/sla'
import type { TriagedMention } from '../../store/repos/triage'
import type { SnapshotFigures } from './types'

const HOUR = 3_600_000

function received(m: TriagedMention['mention']): number {
  const seen = Date.parse(m.firstSeenAt)
  const p = m.publishedAt ? Date.parse(m.publishedAt) : NaN
  return Number.isFinite(p) && p < seen ? p : seen
}

export function slaFigures(
  items: readonly TriagedMention[],
  calendar: SchoolCalendar,
  now: Date,
): SnapshotFigures['sla'] {
  const rules = new Map<string, SnapshotFigures['sla']['rules'][number]>()
  const spans: number[] = []
  const late: SnapshotFigures['sla']['late'] = []
  let responded = 0
  let within = 0
  let overdue = 0
  for (const t of items) {
    const m = t.mention
    const rule = ruleFor({ source: m.sourceKind, flags: m.analysis?.flags ?? [] })
    const at = received(m)
    const due = dueAt(at, rule, calendar).getTime()
    const r = rules.get(rule.label) ?? {
      label: rule.label,
      items: 0,
      responded: 0,
      within: 0,
      late: 0,
      overdue: 0,
      waiting: 0,
    }
    rules.set(rule.label, r)
    r.items++
    const resp = t.triage.respondedAt ? Date.parse(t.triage.respondedAt) : null
    if (resp !== null) {
      r.responded++
      responded++
      spans.push(Math.max(0, resp - at))
      if (resp <= due) {
        r.within++
        within++
      } else {
        r.late++
        late.push({
          at: new Date(at).toISOString(),
          rule: rule.label,
          dueAt: new Date(due).toISOString(),
          respondedAt: new Date(resp).toISOString(),
        })
      }
    } else if (now.getTime() > due) {
      r.overdue++
      overdue++
      late.push({
        at: new Date(at).toISOString(),
        rule: rule.label,
        dueAt: new Date(due).toISOString(),
        respondedAt: null,
      })
    } else r.waiting++
  }
  const judged = responded + overdue
  spans.sort((a, b) => a - b)
  const mid = spans.length >> 1
  const median = spans.length
    ? spans.length % 2
      ? spans[mid]
      : (spans[mid - 1] + spans[mid]) / 2
    : null
  return {
    rules: [...rules.values()],
    responded,
    within,
    pctWithin: judged ? within / judged : null,
    medianHours: median === null ? null : Math.round((median / HOUR) * 10) / 10,
    late: late.sort((a, b) => a.at.localeCompare(b.at)).slice(0, 15),
  }
}
