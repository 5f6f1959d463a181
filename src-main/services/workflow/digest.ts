// Runs in: main process and CLI (Node). What the daily digest borrows from the workflow: SLA figures
// from the same clocks the inbox shows, and the incidents' unanswered-report reminders, so the digest
// never computes a second, different answer.
import { formatDue } from '../../workflow/sla'
import { platformReminders } from '../../workflow/incidents/reminders'
import type { DigestHooks } from '../notifications'
import type { ServiceDeps } from '../context'
import { calendars, toWorkItem } from './items'

export function digestHooks({ store }: ServiceDeps): DigestHooks {
  return {
    slaCounts(schoolId, now) {
      const cal = calendars(store)(schoolId)
      const items = store.triage
        .inbox({
          schoolId,
          state: 'open',
          clockRunning: true,
          includeSnoozed: true,
          now: now.toISOString(),
          limit: 2000,
        })
        .map((t) => toWorkItem({ kind: 'system', name: 'digest' }, t, cal, now))
      return {
        breached: items.filter((i) => i.sla.breached).length,
        dueToday: items.filter(
          // formatDue names the school's local day, so "today" is today in the school's time zone.
          (i) =>
            !i.sla.breached &&
            formatDue(Date.parse(i.sla.dueAt), now.getTime(), cal.timeZone).startsWith('today'),
        ).length,
      }
    },
    reminders(schoolId, now) {
      const out: string[] = []
      for (const [incidentId, events] of store.incidents.platformEventsOfSchool(schoolId)) {
        const title = store.incidents.get(incidentId)?.title ?? `Incident ${incidentId}`
        for (const r of platformReminders(
          events.map((e) => ({
            id: e.id,
            kind: e.kind,
            occurredAt: e.occurred_at,
            reference: e.reference,
          })),
          now,
        ))
          out.push(`${title}: ${r.message}`)
      }
      return out
    },
  }
}
