// Runs in: main process and CLI (Node). Mentions: the paged list, and "not about us", which teaches
// the matcher an exclusion and hides every mention of that school the exclusion now rules out.
import { ServiceError, type OpParsed, type School } from '../contract'
import { buildMatcher, type MatchItem } from '../matching/matcher'
import { proposeExclusion } from '../matching/not-about-us'
import { foldKey } from '../matching/normalise'
import { toMatchProfile } from '../sources/school-matching'
import type { AppEvents, Caller, ServiceDeps } from './context'
import { actsFor, demandSchool } from '../workflow/auth'
import { demandRead, forViewer } from '../workflow/visibility'
import { audited } from './audited'

/** The words to exclude: the user's, else the proposal, unless it would just be the school's own name. */
function exclusionTerm(school: School, text: string, alias: string, given?: string): string {
  if (given) return given
  const p = proposeExclusion(text, alias, {
    protect: [school.town, school.localAuthority, ...school.aliases],
  })
  if (!p || p.basis === 'alias') {
    throw new ServiceError(
      'invalid_input',
      `Nothing in this mention tells "${alias}" apart from the school; say which words make it about something else`,
      'term',
    )
  }
  return p.term
}

export function mentionHandlers({ store, now = () => new Date() }: ServiceDeps, events: AppEvents) {
  return {
    // Only schools this user acts for; safeguarding items blanked for all but the DSL and the head.
    'mentions.list': (q: OpParsed<'mentions.list'>, ctx: Caller) => {
      if (q.schoolId !== undefined) demandSchool(ctx.principal, q.schoolId)
      const page = store.mentions.list(q)
      return {
        ...page,
        items: page.items
          .filter((m) => actsFor(ctx.principal, m.schoolId))
          .map((m) => {
            const { restricted: _restricted, ...shown } = forViewer(ctx.principal, m)
            return shown
          }),
      }
    },
    'mentions.notAboutUs': ({ id, term }: OpParsed<'mentions.notAboutUs'>, ctx: Caller) => {
      const result = audited(store, ctx, now, (at) => {
        const mention = store.mentions.get(id)
        if (!mention) throw new ServiceError('not_found', `There is no mention with id ${id}`, 'id')
        demandSchool(ctx.principal, mention.schoolId)
        demandRead(ctx.principal, mention)
        const school = store.schools.get(mention.schoolId)!
        const text = [mention.title, mention.text].filter(Boolean).join('\n')
        const exclusion = exclusionTerm(school, text, mention.matchedAlias ?? school.name, term)
        const known = school.exclusions.some((e) => foldKey(e) === foldKey(exclusion))
        const exclusions = known ? school.exclusions : [...school.exclusions, exclusion]
        const before = buildMatcher([toMatchProfile(school)])
        const after = buildMatcher([toMatchProfile({ ...school, exclusions })])
        // An exclusion that rules out the school's own name would silence everything about it.
        if (!after.match({ text: `${school.name}, ${school.town || school.localAuthority}` })) {
          throw new ServiceError(
            'invalid_input',
            `Excluding "${exclusion}" would hide every mention of ${school.name}; choose words that only the other thing uses`,
            'term',
          )
        }
        if (!known) {
          const { id: _i, createdAt: _c, updatedAt: _u, ...profile } = school
          store.schools.update(school.id, { ...profile, exclusions }, at)
        }
        const reason = `not about us: "${exclusion}"`
        let hidden = store.mentions.hide(id, reason, at) ? 1 : 0
        for (const m of store.mentions.visibleOfSchool(school.id)) {
          const item: MatchItem = { title: m.title, text: m.text, url: m.url }
          if (before.match(item) && !after.match(item) && store.mentions.hide(m.id, reason, at))
            hidden++
        }
        return {
          result: { exclusion, hidden, schoolId: school.id },
          audit: {
            action: 'mention.not_about_us',
            entity: 'mention',
            entityId: id,
            detail: { schoolId: school.id, exclusion, hidden, added: !known },
          },
        }
      })
      events.emit({ type: 'schools.changed' })
      events.emit({ type: 'mentions.changed', schoolId: result.schoolId })
      return { exclusion: result.exclusion, hidden: result.hidden }
    },
  }
}
