// Runs in: main process and CLI (Node). Incidents: mentions grouped into one story, with a dated
// timeline and reminders when a platform report goes unanswered. An incident holding a safeguarding
// item is for the DSL and the head only; others see that it exists, not what it is.
import {
  ServiceError,
  type Incident,
  type IncidentSummary,
  type OpParsed,
} from '../contract'
import { can, demandSchool, userIdOf, type Principal } from '../workflow/auth'
import { isSafeguardingItem } from '../workflow/visibility'
import { platformReminders } from '../workflow/incidents/reminders'
import type { IncidentRow } from '../store/repos/incidents'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { audited } from './audited'

const REFUSED =
  'Only the designated safeguarding lead and the head can open safeguarding incidents.'
/** A timeline entry may be recorded late, never in the future (a clock a few minutes out is forgiven). */
const FUTURE_SLACK_MS = 5 * 60_000

export function incidentHandlers({ store, now = () => new Date() }: ServiceDeps, events: AppEvents) {
  function summary(p: Principal, r: IncidentRow, at: Date): IncidentSummary {
    const restricted = r.safeguarding === 1 && !can(p, 'safeguarding.view')
    const reminders =
      restricted || r.status === 'closed'
        ? []
        : platformReminders(
            store.incidents.events(r.id).map((e) => ({
              id: e.id,
              kind: e.kind,
              occurredAt: e.occurred_at,
              reference: e.reference,
            })),
            at,
          )
    return {
      id: r.id,
      schoolId: r.school_id,
      title: restricted ? 'Safeguarding incident' : r.title,
      summary: restricted ? '' : r.summary,
      status: r.status,
      safeguarding: r.safeguarding === 1,
      restricted,
      mentionCount: r.mention_count,
      lastEventAt: r.last_event_at,
      reminders,
      createdBy: r.created_by_name ?? r.creator_actor ?? 'someone',
      createdAt: r.created_at,
      closedAt: r.closed_at,
    }
  }

  function load(p: Principal, id: number): IncidentRow {
    const r = store.incidents.get(id)
    if (!r) throw new ServiceError('not_found', `There is no incident with id ${id}`, 'id')
    demandSchool(p, r.school_id)
    if (r.safeguarding === 1 && !can(p, 'safeguarding.view')) throw new ServiceError('forbidden', REFUSED)
    return r
  }

  function full(p: Principal, id: number): Incident {
    const r = store.incidents.get(id)!
    return {
      ...summary(p, r, now()),
      mentions: store.incidents.mentionIds(id).flatMap((mid) => {
        const m = store.mentions.get(mid)
        return m
          ? [{ id: m.id, sourceName: m.sourceName, url: m.url, title: m.title, author: m.author, text: m.text, firstSeenAt: m.firstSeenAt, publishedAt: m.publishedAt }]
          : []
      }),
      events: store.incidents.events(id).map((e) => ({
        id: e.id,
        kind: e.kind,
        occurredAt: e.occurred_at,
        reference: e.reference,
        note: e.note,
        by: e.by_name ?? (e.actor || 'someone'),
        createdAt: e.created_at,
      })),
    }
  }

  /** Links mentions of the incident's school; a safeguarding item makes the incident one for good. */
  function link(p: Principal, incidentId: number, schoolId: number, ids: readonly number[]): number[] {
    const added: number[] = []
    for (const mid of new Set(ids)) {
      const m = store.mentions.get(mid)
      if (!m) throw new ServiceError('invalid_input', `There is no mention with id ${mid}`, 'mentionIds')
      if (m.schoolId !== schoolId)
        throw new ServiceError('invalid_input', `Mention ${mid} is about another school`, 'mentionIds')
      if (isSafeguardingItem(m)) {
        if (!can(p, 'safeguarding.view')) throw new ServiceError('forbidden', REFUSED)
        store.incidents.markSafeguarding(incidentId)
      }
      if (store.incidents.addMention(incidentId, mid)) added.push(mid)
    }
    return added
  }

  const changed = (schoolId: number) => events.emit({ type: 'incidents.changed', schoolId })

  return {
    'incidents.list': ({ schoolId, status }: OpParsed<'incidents.list'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      const at = now()
      return store.incidents.list(schoolId, status).map((r) => summary(ctx.principal, r, at))
    },
    'incidents.get': ({ id }: OpParsed<'incidents.get'>, ctx: Caller) => {
      load(ctx.principal, id)
      return full(ctx.principal, id)
    },
    'incidents.create': (input: OpParsed<'incidents.create'>, ctx: Caller) => {
      demandSchool(ctx.principal, input.schoolId)
      if (!store.schools.get(input.schoolId))
        throw new ServiceError('not_found', `There is no school with id ${input.schoolId}`, 'schoolId')
      const id = audited(store, ctx, now, (at) => {
        const created = store.incidents.create(
          { schoolId: input.schoolId, title: input.title, summary: input.summary, createdBy: userIdOf(ctx.principal) },
          at,
        )
        const added = link(ctx.principal, created, input.schoolId, input.mentionIds)
        return {
          result: created,
          audit: { action: 'incident.create', entity: 'incident', entityId: created, detail: { title: input.title, mentionIds: added } },
        }
      })
      changed(input.schoolId)
      return full(ctx.principal, id)
    },
    'incidents.addMentions': ({ id, mentionIds }: OpParsed<'incidents.addMentions'>, ctx: Caller) => {
      const r = load(ctx.principal, id)
      audited(store, ctx, now, () => {
        const added = link(ctx.principal, id, r.school_id, mentionIds)
        return { result: null, audit: { action: 'incident.add_mentions', entity: 'incident', entityId: id, detail: { mentionIds: added } } }
      })
      changed(r.school_id)
      return full(ctx.principal, id)
    },
    'incidents.removeMention': ({ id, mentionId }: OpParsed<'incidents.removeMention'>, ctx: Caller) => {
      const r = load(ctx.principal, id)
      audited(store, ctx, now, () => {
        if (!store.incidents.removeMention(id, mentionId))
          throw new ServiceError('invalid_input', `Mention ${mentionId} is not in this incident`, 'mentionId')
        return { result: null, audit: { action: 'incident.remove_mention', entity: 'incident', entityId: id, detail: { mentionId } } }
      })
      changed(r.school_id)
      return full(ctx.principal, id)
    },
    'incidents.addEvent': (input: OpParsed<'incidents.addEvent'>, ctx: Caller) => {
      const r = load(ctx.principal, input.id)
      if (Date.parse(input.occurredAt) > now().getTime() + FUTURE_SLACK_MS)
        throw new ServiceError('invalid_input', 'When cannot be in the future', 'occurredAt')
      audited(store, ctx, now, (at) => {
        const eventId = store.incidents.addEvent(
          {
            incidentId: input.id,
            kind: input.kind,
            occurredAt: new Date(input.occurredAt).toISOString(),
            reference: input.reference,
            note: input.note,
            createdBy: userIdOf(ctx.principal),
            actor: ctx.actor,
          },
          at,
        )
        return { result: eventId, audit: { action: 'incident.event', entity: 'incident', entityId: input.id, detail: { eventId, kind: input.kind, reference: input.reference } } }
      })
      changed(r.school_id)
      return full(ctx.principal, input.id)
    },
    'incidents.setStatus': ({ id, status }: OpParsed<'incidents.setStatus'>, ctx: Caller) => {
      const r = load(ctx.principal, id)
      audited(store, ctx, now, (at) => {
        if (!store.incidents.setStatus(id, status, at))
          throw new ServiceError('conflict', `This incident is already ${status}`, 'status')
        return { result: null, audit: { action: `incident.${status === 'closed' ? 'close' : 'reopen'}`, entity: 'incident', entityId: id } }
      })
      changed(r.school_id)
      return full(ctx.principal, id)
    },
  }
}
