// Runs in: main process and CLI (Node). Reply drafts and the head's approval. Every transition is
// conditional on the status and version the caller saw, so two people acting at once cannot both win:
// the second is told what happened instead.
import { format } from 'date-fns'
import { ServiceError, type Mention, type OpParsed, type School } from '../../contract'
import { actsFor, demandSchool, userIdOf, type Principal } from '../../workflow/auth'
import { generateDrafts, platformOf } from '../../workflow/drafts'
import { demandRead } from '../../workflow/visibility'
import { UNDO_WINDOW_MS, type PostQueue } from '../../workflow/posting'
import { deleteRefusal } from './moderation'
import type { DraftRow } from '../../store/repos/drafts'
import type { AppEvents, Caller, ServiceDeps } from '../context'
import { audited } from '../audited'
import { checkBody, draftSchool, draftView } from './draft-view'
import { calendars, toWorkItem } from './items'

export const STATUS_WORDS: Record<DraftRow['status'], string> = {
  draft: 'a draft',
  submitted: 'waiting for approval',
  approved: 'approved',
  sent_back: 'sent back',
  rejected: 'rejected',
  posted: 'posted',
}

export function draftHandlers(
  { store, dataDir, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
  queue: PostQueue | null,
) {
  function readable(p: Principal, mentionId: number): { mention: Mention; school: School } {
    const mention = store.mentions.get(mentionId)
    if (!mention)
      throw new ServiceError('not_found', `There is no mention with id ${mentionId}`, 'mentionId')
    demandSchool(p, mention.schoolId)
    demandRead(p, mention)
    return { mention, school: store.schools.get(mention.schoolId)! }
  }

  /** The draft, its school and its mention (undefined once the mention was deleted). */
  function load(p: Principal, id: number) {
    const d = store.drafts.get(id)
    if (!d) throw new ServiceError('not_found', `There is no draft with id ${id}`, 'id')
    demandSchool(p, d.school_id)
    const mention = d.mention_id === null ? undefined : store.mentions.get(d.mention_id)
    if (mention) demandRead(p, mention)
    return { d, school: store.schools.get(d.school_id)!, mention }
  }

  const view = (id: number) => {
    const d = store.drafts.get(id)!
    const mention = d.mention_id === null ? undefined : store.mentions.get(d.mention_id)
    return draftView(store, d, store.schools.get(d.school_id)!, mention)
  }

  /** Why a conditional change touched nothing, in words. */
  function lost(id: number, seenVersion: number): ServiceError {
    const d = store.drafts.get(id)
    if (!d) return new ServiceError('not_found', `Draft ${id} was deleted`, 'id')
    if (d.version !== seenVersion)
      return new ServiceError(
        'conflict',
        `Someone changed this draft while you were looking (it is now version ${d.version}). Reload to see the current text.`,
        'version',
      )
    const last = store.drafts.decisions(id).at(-1)
    const who = last
      ? ` by ${last.by_name ?? last.actor} at ${format(new Date(last.decided_at), 'HH:mm')}`
      : ''
    return new ServiceError(
      'conflict',
      `This draft is already ${STATUS_WORDS[d.status]}${d.status === 'submitted' ? '' : who}.`,
      'id',
    )
  }

  function changed(schoolId: number) {
    events.emit({ type: 'workflow.changed', schoolId })
  }

  return {
    'drafts.generate': (
      { mentionId, situation, details }: OpParsed<'drafts.generate'>,
      ctx: Caller,
    ) => {
      const { mention, school } = readable(ctx.principal, mentionId)
      const drafts = generateDrafts(mention, draftSchool(store, school), situation, details)
      if (!drafts.length)
        throw new ServiceError(
          'invalid_input',
          'This item gets no public reply (safeguarding and extremism go to the DSL): record what was done in an incident instead',
          'situation',
        )
      const ids = store.tx(() => {
        const at = now().toISOString()
        return drafts.map((g) => {
          const id = store.drafts.create(
            {
              mentionId,
              schoolId: school.id,
              template: g.template,
              situation: g.situation,
              platform: g.platform,
              body: g.body,
            },
            userIdOf(ctx.principal),
            ctx.actor,
            at,
          )
          store.audit.append(
            {
              actor: ctx.actor,
              action: 'draft.create',
              entity: 'draft',
              entityId: id,
              detail: { mentionId, template: g.template },
            },
            at,
          )
          return id
        })
      })
      changed(school.id)
      return ids.map(view)
    },
    'drafts.create': ({ mentionId, situation, body }: OpParsed<'drafts.create'>, ctx: Caller) => {
      const { mention, school } = readable(ctx.principal, mentionId)
      const id = audited(store, ctx, now, (at) => {
        const created = store.drafts.create(
          {
            mentionId,
            schoolId: school.id,
            template: 'own-words',
            situation,
            platform: platformOf(mention),
            body,
          },
          userIdOf(ctx.principal),
          ctx.actor,
          at,
        )
        return {
          result: created,
          audit: {
            action: 'draft.create',
            entity: 'draft',
            entityId: created,
            detail: { mentionId, template: 'own-words' },
          },
        }
      })
      changed(school.id)
      return view(id)
    },
    'drafts.update': ({ id, body, version }: OpParsed<'drafts.update'>, ctx: Caller) => {
      const { d } = load(ctx.principal, id)
      audited(store, ctx, now, (at) => {
        if (!store.drafts.edit(id, version, body, userIdOf(ctx.principal), ctx.actor, at)) {
          const now = store.drafts.get(id)
          if (now?.status === 'posted')
            throw new ServiceError(
              'conflict',
              'This reply has been posted: it can no longer be edited.',
              'id',
            )
          if (now?.post_after)
            throw new ServiceError(
              'conflict',
              'This reply is about to be posted: undo the post first, then edit.',
              'id',
            )
          throw lost(id, version)
        }
        return {
          result: null,
          // An edit to approved words withdraws the approval: the record says so.
          audit: {
            action: 'draft.edit',
            entity: 'draft',
            entityId: id,
            detail: { fromVersion: version, toVersion: version + 1, wasStatus: d.status },
          },
        }
      })
      changed(d.school_id)
      return view(id)
    },
    'drafts.submit': ({ id, version }: OpParsed<'drafts.submit'>, ctx: Caller) => {
      const { d, school, mention } = load(ctx.principal, id)
      if (!mention)
        throw new ServiceError(
          'conflict',
          'The mention this replies to was deleted: the draft is kept as a record but cannot be sent.',
          'id',
        )
      const check = checkBody(store, d, d.body, school)
      if (!check.ok) {
        const reasons = check.issues.map((i) => i.message)
        throw new ServiceError(
          'invalid_input',
          `The policy check found ${reasons.length === 1 ? 'a problem' : `${reasons.length} problems`}: ${reasons.join(' ')}`,
          'body',
        )
      }
      audited(store, ctx, now, (at) => {
        if (!store.drafts.submit(id, version, userIdOf(ctx.principal), at)) throw lost(id, version)
        return {
          result: null,
          audit: { action: 'draft.submit', entity: 'draft', entityId: id, detail: { version } },
        }
      })
      changed(d.school_id)
      return view(id)
    },
    'drafts.decide': ({ id, version, decision, note }: OpParsed<'drafts.decide'>, ctx: Caller) => {
      const { d } = load(ctx.principal, id)
      if (decision !== 'approved' && !note)
        throw new ServiceError(
          'invalid_input',
          'Say what should change, so the writer knows what to do next',
          'note',
        )
      audited(store, ctx, now, (at) => {
        if (
          !store.drafts.decide(id, version, decision, note, userIdOf(ctx.principal), ctx.actor, at)
        )
          throw lost(id, version)
        return {
          result: null,
          audit: {
            action: `draft.${decision}`,
            entity: 'draft',
            entityId: id,
            detail: { version, note },
          },
        }
      })
      changed(d.school_id)
      return view(id)
    },
    'drafts.discard': ({ id }: OpParsed<'drafts.discard'>, ctx: Caller) => {
      const { d } = load(ctx.principal, id)
      audited(store, ctx, now, () => {
        if (!store.drafts.discard(id))
          throw new ServiceError(
            'conflict',
            `This draft is ${STATUS_WORDS[d.status]}: only drafts that were never approved can be deleted.`,
            'id',
          )
        return {
          result: null,
          audit: {
            action: 'draft.delete',
            entity: 'draft',
            entityId: id,
            detail: { version: d.version, body: d.body },
          },
        }
      })
      changed(d.school_id)
      return { id }
    },
    'drafts.post': async ({ id }: OpParsed<'drafts.post'>, ctx: Caller) => {
      const { d, mention } = load(ctx.principal, id)
      if (!mention)
        throw new ServiceError(
          'conflict',
          'The mention this replies to was deleted: there is nowhere to post.',
          'id',
        )
      if (d.moderation === 'delete' && d.status === 'approved') {
        const refusal = await deleteRefusal(store, dataDir, mention.id)
        if (refusal) throw new ServiceError('conflict', refusal, 'moderation')
      }
      const current = view(id)
      if (current.route.kind !== 'connector')
        throw new ServiceError('invalid_input', `${current.route.label}.`, 'id')
      if (!queue)
        throw new ServiceError(
          'unavailable',
          'Posting is not running in this process: use the app or footprint serve.',
        )
      audited(store, ctx, now, (at) => {
        const after = new Date(Date.parse(at) + UNDO_WINDOW_MS).toISOString()
        if (!store.drafts.queuePost(id, after, userIdOf(ctx.principal), at)) {
          if (d.status !== 'approved')
            throw new ServiceError(
              'conflict',
              `This draft is ${STATUS_WORDS[d.status]}: only approved replies can be posted.`,
              'id',
            )
          throw new ServiceError('conflict', 'This reply is already queued to post.', 'id')
        }
        return {
          result: null,
          audit: {
            action: 'draft.post_queued',
            entity: 'draft',
            entityId: id,
            detail: { postAfter: after, version: d.version },
          },
        }
      })
      queue.poke()
      changed(d.school_id)
      return view(id)
    },
    'drafts.undoPost': ({ id }: OpParsed<'drafts.undoPost'>, ctx: Caller) => {
      const { d } = load(ctx.principal, id)
      audited(store, ctx, now, (at) => {
        if (!store.drafts.undoPost(id, at))
          throw new ServiceError(
            'conflict',
            store.drafts.get(id)?.status === 'posted'
              ? 'Too late to undo: the reply has been posted.'
              : 'This reply is not waiting to be posted.',
            'id',
          )
        return {
          result: null,
          audit: { action: 'draft.post_undone', entity: 'draft', entityId: id },
        }
      })
      queue?.poke()
      changed(d.school_id)
      return view(id)
    },
    'drafts.recordPosted': ({ id, url }: OpParsed<'drafts.recordPosted'>, ctx: Caller) => {
      const { d, mention } = load(ctx.principal, id)
      audited(store, ctx, now, (at) => {
        if (d.post_after)
          throw new ServiceError(
            'conflict',
            'This reply is queued to post through the connector: undo that first.',
            'id',
          )
        if (!store.drafts.markPosted(id, url, userIdOf(ctx.principal), at))
          throw new ServiceError(
            'conflict',
            `This draft is ${STATUS_WORDS[d.status]}: only approved replies can be recorded as posted.`,
            'id',
          )
        if (mention) store.triage.markResponded(mention.id, at)
        return {
          result: null,
          audit: {
            action: 'draft.posted',
            entity: 'draft',
            entityId: id,
            detail: { via: 'manual', url, version: d.version },
          },
        }
      })
      changed(d.school_id)
      return view(id)
    },
    'approvals.list': ({ schoolId }: OpParsed<'approvals.list'>, ctx: Caller) => {
      const at = now()
      const cal = calendars(store)
      return store.drafts
        .submitted()
        .filter(
          (d) =>
            actsFor(ctx.principal, d.school_id) &&
            (schoolId === undefined || d.school_id === schoolId),
        )
        .map((d) => {
          const t = d.mention_id === null ? undefined : store.triage.item(d.mention_id)
          return {
            draft: draftView(store, d, store.schools.get(d.school_id)!, t?.mention),
            mention: t ? toWorkItem(ctx.principal, t, cal(d.school_id), at) : null,
          }
        })
        .filter((a) => !a.mention?.restricted)
    },
  }
}
