// Runs in: main process and CLI (Node). A stored mention as a work item: its triage, its SLA clock in
// the school's calendar, and withheld details for users who may not read safeguarding items.
import { z } from 'zod'
import {
  ServiceError,
  WorkflowSettings,
  type WorkItem,
  type WorkflowSettings as Settings,
} from '../../contract'
import type { Store } from '../../store'
import type { TriagedMention } from '../../store/repos/triage'
import { ruleById, schoolCalendar, slaStatus, type SchoolCalendar } from '../../workflow/sla'
import { forViewer } from '../../workflow/visibility'
import type { Principal } from '../../workflow/auth'

export const DEFAULT_WORKFLOW_SETTINGS: Settings = {
  complaintsUrl: '',
  calendar: {
    timeZone: 'Europe/London',
    workingHours: { start: '08:00', end: '17:00' },
    closures: [],
  },
}

/** The stored settings, with defaults for anything never set (a new school). */
export function workflowSettings(store: Store, schoolId: number): Settings {
  const raw = store.schools.workflow(schoolId)
  if (!raw)
    throw new ServiceError('not_found', `There is no school with id ${schoolId}`, 'schoolId')
  const cal = (raw.calendar ?? {}) as Partial<Settings['calendar']>
  const parsed = WorkflowSettings.safeParse({
    complaintsUrl: raw.complaintsUrl,
    calendar: { ...DEFAULT_WORKFLOW_SETTINGS.calendar, ...cal },
  })
  return parsed.success ? parsed.data : DEFAULT_WORKFLOW_SETTINGS
}

/** Validates with the SLA module's own rules (time zone exists, end after start, to after from). */
export function calendarOf(settings: Settings): SchoolCalendar {
  try {
    return schoolCalendar(settings.calendar)
  } catch (e) {
    if (e instanceof z.ZodError) {
      const i = e.issues[0]
      const field = ['settings', 'calendar', ...i.path.map(String)].join('.')
      throw new ServiceError('invalid_input', `${field}: ${i.message}`, field)
    }
    throw e
  }
}

/** Calendars per school for one request: a list of a hundred items reads the settings once. */
export function calendars(store: Store): (schoolId: number) => SchoolCalendar {
  const cache = new Map<number, SchoolCalendar>()
  return (schoolId) => {
    let c = cache.get(schoolId)
    if (!c) cache.set(schoolId, (c = calendarOf(workflowSettings(store, schoolId))))
    return c
  }
}

export function toWorkItem(
  p: Principal,
  t: TriagedMention,
  calendar: SchoolCalendar,
  now: Date,
): WorkItem {
  const m = t.mention
  const s = slaStatus(
    {
      source: m.sourceKind,
      flags: m.analysis?.flags ?? [],
      // The clock starts when the post was made, if the platform says, else when we first saw it.
      receivedAt: earliest(m.publishedAt, m.firstSeenAt),
      respondedAt: t.triage.respondedAt === null ? null : Date.parse(t.triage.respondedAt),
    },
    now,
    calendar,
  )
  return {
    ...forViewer(p, m),
    triage: t.triage,
    pendingDrafts: t.pendingDrafts,
    sla: {
      rule: s.rule,
      label: ruleById(s.rule).label,
      dueAt: s.dueAt.toISOString(),
      timeLeftMs: s.timeLeftMs,
      breached: s.breached,
      responded: s.responded,
      urgent: s.urgent,
      ...(s.pausedReason ? { pausedReason: s.pausedReason } : {}),
      text: s.humanText,
    },
  }
}

function earliest(published: string | null, firstSeen: string): number {
  const seen = Date.parse(firstSeen)
  const p = published ? Date.parse(published) : NaN
  // A publish time after we saw it (a wrong clock on the platform) must not move our clock.
  return Number.isFinite(p) && p < seen ? p : seen
}

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const
/** Urgent first, then by priority, then newest: how the daily check orders what is new. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  const ra = PRIORITY_RANK[a.analysis?.priority ?? 'normal']
  const rb = PRIORITY_RANK[b.analysis?.priority ?? 'normal']
  return ra - rb || b.id - a.id
}
