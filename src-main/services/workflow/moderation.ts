// Runs in: main process and CLI (Node). Moderation after approval: a removal notice says whether the
// original comment is hidden or deleted once the head approves (drafts.setModeration, only while the
// notice is a draft: it is part of what the head approves). Posting then goes through the same undo
// queue as replies; a delete is refused until the mention's evidence is captured and still verifies.
import { ServiceError, type OpParsed } from '../../contract'
import { verifyMentionsEvidence } from '../../capture/verify'
import { capturesRepo } from '../../store/repos/captures'
import type { Store } from '../../store'
import { demandSchool } from '../../workflow/auth'
import { EVIDENCE_FIRST } from '../../workflow/posting'
import { demandRead } from '../../workflow/visibility'
import type { AppEvents, Caller, ServiceDeps } from '../context'
import { audited } from '../audited'
import { draftView } from './draft-view'
import { STATUS_WORDS } from './drafts'

/** Why a delete may not go ahead yet (no evidence, or evidence that no longer verifies), or null. */
export async function deleteRefusal(
  store: Store,
  dataDir: string,
  mentionId: number,
): Promise<string | null> {
  const captures = capturesRepo(store.db)
  const state = (await verifyMentionsEvidence(captures, dataDir, [mentionId])).get(mentionId)
  if (!state) return EVIDENCE_FIRST
  if (!state.ok)
    return `Footprint will not delete this comment: its evidence no longer matches what was recorded (${state.problems.join('; ')}). Capture it again first.`
  return null
}

export function moderationHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
) {
  return {
    'drafts.setModeration': (
      { id, version, moderation }: OpParsed<'drafts.setModeration'>,
      ctx: Caller,
    ) => {
      const d = store.drafts.get(id)
      if (!d) throw new ServiceError('not_found', `There is no draft with id ${id}`, 'id')
      demandSchool(ctx.principal, d.school_id)
      const mention = d.mention_id === null ? undefined : store.mentions.get(d.mention_id)
      if (mention) demandRead(ctx.principal, mention)
      if (moderation && d.situation !== 'removal_notice')
        throw new ServiceError(
          'invalid_input',
          'Only a removal notice can hide or delete the original comment.',
          'moderation',
        )
      audited(store, ctx, now, (at) => {
        if (!store.drafts.setModeration(id, version, moderation, at)) {
          const current = store.drafts.get(id)
          if (!current) throw new ServiceError('not_found', `Draft ${id} was deleted`, 'id')
          if (current.version !== version)
            throw new ServiceError(
              'conflict',
              `Someone changed this draft while you were looking (it is now version ${current.version}). Reload to see the current text.`,
              'version',
            )
          throw new ServiceError(
            'conflict',
            `This draft is ${STATUS_WORDS[current.status]}: what happens to the comment can change only while it is a draft (edit it to return it to draft).`,
            'moderation',
          )
        }
        return {
          result: null,
          audit: {
            action: 'draft.moderation',
            entity: 'draft',
            entityId: id,
            detail: { version, moderation, was: d.moderation },
          },
        }
      })
      events.emit({ type: 'workflow.changed', schoolId: d.school_id })
      const after = store.drafts.get(id)!
      return draftView(store, after, store.schools.get(after.school_id)!, mention)
    },
  }
}
