// Runs in: main process and CLI (Node). Users' corrections of the analysis engine's verdict: each one a
// new row of the mention's history, audited with the verdict before and after, its priority and owner
// worked out by the engine's own routing table, and counted at once by every list and statistic.
import {
  ServiceError,
  type MentionAnalysis,
  type OpParsed,
  type PolicyFlag,
  type SentimentLabel,
} from '../contract'
import { route } from '../analysis/routing'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { demandSchool, userIdOf, type Principal } from '../workflow/auth'
import { demandRead } from '../workflow/visibility'
import { audited } from './audited'

type Verdict = Pick<MentionAnalysis, 'flags' | 'priority' | 'owner'> & {
  sentiment: { label: SentimentLabel }
}

/** What the audit trail keeps of a verdict: enough to see what changed without the evidence. */
const summary = (v: Verdict) => ({
  sentiment: v.sentiment.label,
  flags: v.flags,
  priority: v.priority,
  owner: v.owner,
})

const sameFlags = (a: readonly PolicyFlag[], b: readonly PolicyFlag[]) =>
  a.length === b.length && a.every((f) => b.includes(f))

export function analysisOverrideHandlers(
  { store, now = () => new Date() }: ServiceDeps,
  events: AppEvents,
) {
  /** The mention's verdict, or a field-specific error saying why there is none to correct. */
  function current(id: number, p: Principal): { schoolId: number; verdict: MentionAnalysis } {
    const mention = readable(id, p)
    if (!mention.analysis)
      throw new ServiceError(
        'conflict',
        `Mention ${id} has not been analysed yet, so there is no verdict to correct`,
        'id',
      )
    return { schoolId: mention.schoolId, verdict: mention.analysis }
  }

  /** The mention, if this principal acts for its school and may read it (safeguarding: DSL and head). */
  function readable(id: number, p: Principal) {
    const mention = store.mentions.get(id)
    if (!mention) throw new ServiceError('not_found', `There is no mention with id ${id}`, 'id')
    demandSchool(p, mention.schoolId)
    demandRead(p, mention)
    return mention
  }

  function changed(schoolId: number, id: number): MentionAnalysis {
    events.emit({ type: 'mentions.changed', schoolId })
    return store.analyses.verdict(id)!
  }

  return {
    'mentions.correct': (input: OpParsed<'mentions.correct'>, ctx: Caller) => {
      const { id, note } = input
      const schoolId = audited(store, ctx, now, (at) => {
        const { schoolId, verdict: before } = current(id, ctx.principal)
        const sentiment = input.sentiment ?? before.sentiment.label
        const flags = input.flags ?? before.flags
        if (sentiment === before.sentiment.label && sameFlags(flags, before.flags)) {
          throw new ServiceError(
            'invalid_input',
            'That is already the verdict on this mention: choose a different sentiment or different flags',
            input.sentiment !== undefined ? 'sentiment' : 'flags',
          )
        }
        // The engine's table decides priority and owner, so a corrected item is routed as the engine
        // would have routed it (safeguarding always reaches the DSL).
        const { priority, owner } = route(flags, sentiment)
        store.analyses.addCorrection(
          {
            mentionId: id,
            actor: ctx.actor,
            userId: userIdOf(ctx.principal),
            sentiment,
            flags,
            priority,
            owner,
            note,
          },
          at,
        )
        const after = { sentiment: { label: sentiment }, flags, priority, owner }
        return {
          result: schoolId,
          audit: {
            action: 'mention.correct',
            entity: 'mention',
            entityId: id,
            detail: { before: summary(before), after: summary(after), note },
          },
        }
      })
      return changed(schoolId, id)
    },

    'mentions.clearCorrection': ({ id }: OpParsed<'mentions.clearCorrection'>, ctx: Caller) => {
      const schoolId = audited(store, ctx, now, (at) => {
        const { schoolId, verdict: before } = current(id, ctx.principal)
        if (!before.correction)
          throw new ServiceError(
            'conflict',
            `Mention ${id} has no correction: the machine's verdict already stands`,
            'id',
          )
        store.analyses.addClear(
          { mentionId: id, actor: ctx.actor, userId: userIdOf(ctx.principal), note: '' },
          at,
        )
        return {
          result: schoolId,
          audit: {
            action: 'mention.clear_correction',
            entity: 'mention',
            entityId: id,
            detail: { before: summary(before), after: summary(before.machine) },
          },
        }
      })
      return changed(schoolId, id)
    },

    'mentions.corrections': ({ id }: OpParsed<'mentions.corrections'>, ctx: Caller) => {
      readable(id, ctx.principal)
      return store.analyses.history(id)
    },

    'mentions.counts': ({ schoolId }: OpParsed<'mentions.counts'>, ctx: Caller) => {
      demandSchool(ctx.principal, schoolId)
      if (!store.schools.get(schoolId))
        throw new ServiceError('not_found', `There is no school with id ${schoolId}`, 'schoolId')
      return store.counts.verdicts(schoolId)
    },
  }
}
