// Runs in: main process and CLI (Node). The inbox, one mention's page, triage (one or many), deleting a
// mention, and the daily check ("what is new since my last check").
import { ServiceError, type OpParsed, type WorkItem } from '../../contract'
import { actsFor, can, demandSchool, userIdOf, type Principal } from '../../workflow/auth'
import { applyTriage, TriageRuleError } from '../../workflow/triage'
import { demandRead } from '../../workflow/visibility'
import { situationsFor } from '../../workflow/drafts'
import type { Store } from '../../store'
import type { AppEvents, Caller, ServiceDeps } from '../context'
import { audited } from '../audited'
import { byUrgency, calendars, toWorkItem } from './items'
import { draftView } from './draft-view'

export function itemFor(store: Store, p: Principal, id: number, now: Date) {
  const t = store.triage.item(id)
  if (!t) throw new ServiceError('not_found', `There is no mention with id ${id}`, 'id')
  demandSchool(p, t.mention.schoolId)
  return { t, item: toWorkItem(p, t, calendars(store)(t.mention.schoolId), now) }
}

export function triageHandlers({ store, now = () => new Date() }: ServiceDeps, events: AppEvents) {
  function assigneeOk(id: number, schoolId: number): void {
    const user = store.users.get(id)
    if (!user)
      throw new ServiceError('invalid_input', `There is no user with id ${id}`, 'assigneeId')
    if (user.role === 'viewer')
      throw new ServiceError(
        'invalid_input',
        `${user.displayName} is a viewer and cannot act on items`,
        'assigneeId',
      )
    if (!actsFor({ kind: 'user', user }, schoolId))
      throw new ServiceError(
        'invalid_input',
        `${user.displayName} does not act for this school`,
        'assigneeId',
      )
  }

  return {
    'inbox.list': (q: OpParsed<'inbox.list'>, ctx: Caller) => {
      demandSchool(ctx.principal, q.schoolId)
      const at = now()
      const assignee =
        q.assignee === 'me'
          ? (userIdOf(ctx.principal) ?? -2)
          : q.assignee === 'unassigned'
            ? -1
            : q.assignee
      const filter = { ...q, assignee, now: at.toISOString() }
      const rows = store.triage.inbox({ ...filter, limit: q.limit + 1 })
      const cal = calendars(store)(q.schoolId)
      const items = rows.slice(0, q.limit).map((t) => toWorkItem(ctx.principal, t, cal, at))
      return {
        items,
        nextBeforeId: rows.length > q.limit ? items[items.length - 1].id : null,
        ...(q.withTotal ? { total: store.triage.inboxCount(filter) } : {}),
      }
    },
    'mentions.get': ({ id }: OpParsed<'mentions.get'>, ctx: Caller) => {
      const at = now()
      const { t, item } = itemFor(store, ctx.principal, id, at)
      demandRead(ctx.principal, t.mention)
      const school = store.schools.get(t.mention.schoolId)!
      return {
        item,
        drafts: store.drafts.byMention(id).map((d) => draftView(store, d, school, t.mention)),
        situations: situationsFor(t.mention),
        incidents: store.triage.incidentsOf(id),
      }
    },
    'mentions.triage': (change: OpParsed<'mentions.triage'>, ctx: Caller) => {
      const schools = new Set<number>()
      const updated = store.tx(() => {
        const at = now().toISOString()
        for (const id of new Set(change.ids)) {
          const t = store.triage.item(id)
          if (!t) throw new ServiceError('not_found', `There is no mention with id ${id}`, 'ids')
          demandSchool(ctx.principal, t.mention.schoolId)
          demandRead(ctx.principal, t.mention)
          if (typeof change.assigneeId === 'number')
            assigneeOk(change.assigneeId, t.mention.schoolId)
          const before = store.triage.get(id)
          let after
          try {
            after = applyTriage(before, change, at)
          } catch (e) {
            if (e instanceof TriageRuleError)
              throw new ServiceError('invalid_input', e.message, e.field)
            throw e
          }
          store.triage.put(id, after, userIdOf(ctx.principal), at)
          store.audit.append(
            {
              actor: ctx.actor,
              action: 'mention.triage',
              entity: 'mention',
              entityId: id,
              detail: { before, after },
            },
            at,
          )
          schools.add(t.mention.schoolId)
        }
        return new Set(change.ids).size
      })
      for (const schoolId of schools) events.emit({ type: 'workflow.changed', schoolId })
      return { updated }
    },
    'mentions.delete': ({ id }: OpParsed<'mentions.delete'>, ctx: Caller) => {
      const result = audited(store, ctx, now, () => {
        const m = store.mentions.get(id)
        if (!m) throw new ServiceError('not_found', `There is no mention with id ${id}`, 'id')
        demandSchool(ctx.principal, m.schoolId)
        const blocker = store.mentions.deletionBlocker(id)
        if (blocker)
          throw new ServiceError(
            'conflict',
            {
              legal_hold:
                'This mention is under legal hold: release the hold (Settings → Data retention) before deleting it',
              incident:
                'This mention is evidence in an incident: take it out of the incident first',
              evidence: 'This mention has captured evidence, which is kept: it cannot be deleted',
            }[blocker],
            'id',
          )
        const draftsKept = store.drafts.countForMention(id)
        store.mentions.delete(id)
        return {
          result: { id, draftsKept, schoolId: m.schoolId },
          audit: {
            action: 'mention.delete',
            entity: 'mention',
            entityId: id,
            detail: { source: m.sourceName, url: m.url, text: m.text.slice(0, 500), draftsKept },
          },
        }
      })
      events.emit({ type: 'mentions.changed', schoolId: result.schoolId })
      events.emit({ type: 'workflow.changed', schoolId: result.schoolId })
      return { id: result.id, draftsKept: result.draftsKept }
    },
    'today.check': ({ schoolId }: OpParsed<'today.check'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      const at = now()
      const p = ctx.principal
      const userId = userIdOf(p)
      const last = userId === null ? null : store.triage.lastCheck(userId, schoolId)
      const cal = calendars(store)(schoolId)
      const work = (t: Parameters<typeof toWorkItem>[1]) => toWorkItem(p, t, cal, at)
      const base = { schoolId, state: 'all' as const, includeSnoozed: false, now: at.toISOString() }
      const newItems: WorkItem[] = store.triage
        .inbox({ ...base, afterId: last?.seenThroughId ?? 0, limit: 200 })
        .map(work)
        .sort(byUrgency)
      const dueItems = store.triage
        .inbox({ ...base, state: 'open', clockRunning: true, limit: 500 })
        .map(work)
        .sort((a, b) => a.sla.timeLeftMs - b.sla.timeLeftMs)
        .slice(0, 20)
      const throughId = Math.max(last?.seenThroughId ?? 0, ...newItems.map((i) => i.id))
      return {
        lastCheckAt: last?.checkedAt ?? null,
        newItems,
        dueItems,
        throughId,
        awaitingApproval: can(p, 'drafts.approve')
          ? store.drafts.submitted().filter((d) => d.school_id === schoolId).length
          : 0,
        assignedToMe: userId === null ? 0 : store.triage.countAssigned(schoolId, userId, base.now),
      }
    },
    'today.markChecked': ({ schoolId, throughId }: OpParsed<'today.markChecked'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      const userId = userIdOf(ctx.principal)
      if (userId === null)
        throw new ServiceError('invalid_input', 'Only a signed-in user has a daily check to mark')
      const at = now().toISOString()
      store.triage.markChecked(userId, schoolId, throughId, at)
      events.emit({ type: 'workflow.changed', schoolId })
      return { checkedAt: at }
    },
  }
}
