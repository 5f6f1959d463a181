// Runs in: main process and CLI (Node). Incidents: mentions grouped into one story with a dated timeline
// of what the school did. Safeguarding incidents are need-to-know (KCSIE): everyone else sees only that
// one exists, so the daily check never hides that something is being handled.
import {
  ServiceError,
  type Incident,
  type IncidentSummary,
  type Mention,
  type OpParsed,
} from '../contract'
import type { Store } from '../store'
import type { IncidentEventRow, IncidentRow } from '../store/repos/incidents'
import { can, demandSchool, userIdOf, type Principal } from '../workflow/auth'
import { platformReminders } from '../workflow/incidents/reminders'
import { forViewer, isSafeguardingItem } from '../workflow/visibility'
import { audited } from './audited'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { workflowSettings } from './workflow/items'

const SAFEGUARDING_REFUSED =
  'Only the designated safeguarding lead and the head can open safeguarding incidents.'
/** A clock a few minutes fast on another machine should not refuse an entry made "just now". */
const FUTURE_SLACK_MS = 5 * 60_000

export function incidentHandlers(deps: ServiceDeps, events: AppEvents) {
  const store: Store = deps.store
  const now = deps.now ?? (() => new Date())
  const timeZoneOf = (schoolId: number) => workflowSettings(store, schoolId).calendar.timeZone

  /** The incident, if this principal may open it. */
  function load(p: Principal, id: number): IncidentRow {
    const row = store.incidents.get(id)
    if (!row) throw new ServiceError('not_found', `There is no incident with id ${id}`, 'id')
    demandSchool(p, row.school_id)
    if (row.safeguarding && !can(p, 'safeguarding.view'))
      throw new ServiceError('forbidden', SAFEGUARDING_REFUSED)
    return row
  }

  /** Every id names a mention of the school; a safeguarding one only from someone who may read it. */
  function mentionsFor(p: Principal, schoolId: number, ids: readonly number[]): Mention[] {
    return [...new Set(ids)].map((id) => {
      const m = store.mentions.get(id)
      if (!m)
        throw new ServiceError('invalid_input', `There is no mention with id ${id}`, 'mentionIds')
      if (m.schoolId !== schoolId)
        throw new ServiceError(
          'invalid_input',
          `Mention ${id} is about another school and cannot join this incident`,
          'mentionIds',
        )
      // Otherwise the incident would lock its own creator out the moment the item joined it.
      if (isSafeguardingItem(m) && !can(p, 'safeguarding.view'))
        throw new ServiceError(
          'forbidden',
          `Mention ${id} is a safeguarding item: only the designated safeguarding lead and the head can add it to an incident.`,
          'mentionIds',
        )
      return m
    })
  }

  /** Links the mentions; the incident becomes safeguarding for good once one of them is. */
  function link(id: number, mentions: readonly Mention[]): number[] {
    const added = mentions.filter((m) => store.incidents.addMention(id, m.id)).map((m) => m.id)
    if (mentions.some(isSafeguardingItem)) store.incidents.markSafeguarding(id)
    return added
  }

  const by = (name: string | null, actor: string) => name ?? (actor || 'someone')

  function summaryOf(
    p: Principal,
    row: IncidentRow,
    platformEvents: readonly IncidentEventRow[],
    at: Date,
  ): IncidentSummary {
    const summary: IncidentSummary = {
      id: row.id,
      schoolId: row.school_id,
      title: row.title,
      summary: row.summary,
      status: row.status,
      safeguarding: row.safeguarding === 1,
      restricted: false,
      mentionCount: row.mention_count,
      lastEventAt: row.last_event_at,
      reminders:
        row.status === 'closed'
          ? []
          : platformReminders(
              platformEvents.map((e) => ({
                id: e.id,
                kind: e.kind,
                occurredAt: e.occurred_at,
                reference: e.reference,
              })),
              at,
              timeZoneOf(row.school_id),
            ),
      createdBy: by(row.created_by_name, row.creator_actor ?? 'the system'),
      createdAt: row.created_at,
      closedAt: row.closed_at,
    }
    if (!summary.safeguarding || can(p, 'safeguarding.view')) return summary
    return {
      ...summary,
      restricted: true,
      title: 'Safeguarding incident',
      summary: '',
      reminders: [],
    }
  }

  function view(p: Principal, id: number): Incident {
    const row = load(p, id)
    const events = store.incidents.events(id)
    const mentions = store.incidents
      .mentionIds(id)
      .map((mid) => store.mentions.get(mid))
      .filter((m): m is Mention => m !== undefined)
      // A verdict corrected to safeguarding after the item joined still stays blank to others.
      .map((m) => forViewer(p, m))
      .sort((a, b) =>
        (a.publishedAt ?? a.firstSeenAt).localeCompare(b.publishedAt ?? b.firstSeenAt),
      )
    return {
      ...summaryOf(p, row, events, now()),
      mentions: mentions.map((m) => ({
        id: m.id,
        sourceName: m.sourceName,
        url: m.url,
        title: m.title,
        author: m.author,
        text: m.text,
        firstSeenAt: m.firstSeenAt,
        publishedAt: m.publishedAt,
      })),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredAt: e.occurred_at,
        reference: e.reference,
        note: e.note,
        by: by(e.by_name, e.actor),
        createdAt: e.created_at,
      })),
    }
  }

  function changed(schoolId: number, mentionsMoved = false): void {
    events.emit({ type: 'incidents.changed', schoolId })
    // A mention's page lists the incidents it is in.
    if (mentionsMoved) events.emit({ type: 'workflow.changed', schoolId })
  }

  return {
    'incidents.list': ({ schoolId, status }: OpParsed<'incidents.list'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      const at = now()
      const platform = store.incidents.platformEventsOfSchool(schoolId)
      return store.incidents
        .list(schoolId, status)
        .map((row) => summaryOf(ctx.principal, row, platform.get(row.id) ?? [], at))
    },
    'incidents.get': ({ id }: OpParsed<'incidents.get'>, ctx: Caller) => view(ctx.principal, id),
    'incidents.create': (input: OpParsed<'incidents.create'>, ctx: Caller) => {
      const p = ctx.principal
      demandSchool(p, input.schoolId)
      if (!store.schools.get(input.schoolId))
        throw new ServiceError(
          'not_found',
          `There is no school with id ${input.schoolId}`,
          'schoolId',
        )
      const id = audited(store, ctx, now, (at) => {
        const mentions = mentionsFor(p, input.schoolId, input.mentionIds)
        const id = store.incidents.create(
          {
            schoolId: input.schoolId,
            title: input.title,
            summary: input.summary,
            createdBy: userIdOf(p),
          },
          at,
        )
        const mentionIds = link(id, mentions)
        return {
          result: id,
          audit: {
            action: 'incident.create',
            entity: 'incident',
            entityId: id,
            detail: { schoolId: input.schoolId, title: input.title, mentionIds },
          },
        }
      })
      changed(input.schoolId, input.mentionIds.length > 0)
      return view(p, id)
    },
    'incidents.addMentions': (
      { id, mentionIds }: OpParsed<'incidents.addMentions'>,
      ctx: Caller,
    ) => {
      const p = ctx.principal
      const row = load(p, id)
      const mentions = mentionsFor(p, row.school_id, mentionIds)
      const present = new Set(store.incidents.mentionIds(id))
      const fresh = mentions.filter((m) => !present.has(m.id))
      // Adding what is already there changes nothing, so it leaves no trace in the audit trail.
      if (!fresh.length) return view(p, id)
      audited(store, ctx, now, () => ({
        result: undefined,
        audit: {
          action: 'incident.add_mentions',
          entity: 'incident',
          entityId: id,
          detail: { mentionIds: link(id, fresh) },
        },
      }))
      changed(row.school_id, true)
      return view(p, id)
    },
    'incidents.removeMention': (
      { id, mentionId }: OpParsed<'incidents.removeMention'>,
      ctx: Caller,
    ) => {
      const p = ctx.principal
      const row = load(p, id)
      if (!store.incidents.mentionIds(id).includes(mentionId)) return view(p, id)
      audited(store, ctx, now, () => {
        store.incidents.removeMention(id, mentionId)
        return {
          result: undefined,
          audit: {
            action: 'incident.remove_mention',
            entity: 'incident',
            entityId: id,
            detail: { mentionId },
          },
        }
      })
      changed(row.school_id, true)
      return view(p, id)
    },
    'incidents.addEvent': (input: OpParsed<'incidents.addEvent'>, ctx: Caller) => {
      const p = ctx.principal
      const row = load(p, input.id)
      const occurred = new Date(input.occurredAt)
      if (occurred.getTime() > now().getTime() + FUTURE_SLACK_MS)
        throw new ServiceError('invalid_input', 'When cannot be in the future', 'occurredAt')
      // Stored in UTC so the timeline sorts as text whatever offset the caller wrote.
      const occurredAt = occurred.toISOString()
      audited(store, ctx, now, (at) => {
        const eventId = store.incidents.addEvent(
          {
            incidentId: input.id,
            kind: input.kind,
            occurredAt,
            reference: input.reference,
            note: input.note,
            createdBy: userIdOf(p),
            actor: ctx.actor,
          },
          at,
        )
        // The note itself stays in the timeline, which is never edited: the trail need not copy
        // details a safeguarding incident keeps need-to-know.
        return {
          result: eventId,
          audit: {
            action: 'incident.add_event',
            entity: 'incident',
            entityId: input.id,
            detail: { eventId, kind: input.kind, occurredAt, reference: input.reference },
          },
        }
      })
      changed(row.school_id)
      return view(p, input.id)
    },
    'incidents.setStatus': ({ id, status }: OpParsed<'incidents.setStatus'>, ctx: Caller) => {
      const p = ctx.principal
      const row = load(p, id)
      audited(store, ctx, now, (at) => {
        // Conditional on the current status, so of two people closing at once one is told.
        if (!store.incidents.setStatus(id, status, at))
          throw new ServiceError(
            'conflict',
            status === 'closed'
              ? 'This incident is already closed.'
              : 'This incident is already open.',
            'status',
          )
        return {
          result: undefined,
          audit: {
            action: status === 'closed' ? 'incident.close' : 'incident.reopen',
            entity: 'incident',
            entityId: id,
          },
        }
      })
      changed(row.school_id)
      return view(p, id)
    },
  }
}
