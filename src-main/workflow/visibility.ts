// Runs in: main process and CLI (Node), pure. Which items only the DSL and the head may read (KCSIE:
// safeguarding information is shared on a need-to-know basis), and how an item looks to everyone else.
import { ServiceError, type Mention } from '../contract'
import { can, type Principal } from './auth'

/** Safeguarding or extremism on the effective verdict, or routed to the DSL. */
export function isSafeguardingItem(m: Pick<Mention, 'analysis'>): boolean {
  const a = m.analysis
  if (!a) return false
  return a.owner === 'dsl' || a.flags.includes('safeguarding') || a.flags.includes('extremism')
}

export const RESTRICTED_TEXT =
  'Safeguarding item: only the designated safeguarding lead and the head can read it.'

export function mayRead(p: Principal, m: Pick<Mention, 'analysis'>): boolean {
  return !isSafeguardingItem(m) || can(p, 'safeguarding.view')
}

export const SAFEGUARDING_REFUSED =
  'Only the designated safeguarding lead and the head can open safeguarding items.'

/** Refuses (forbidden) a safeguarding item to anyone but the DSL and the head. */
export function demandRead(p: Principal, m: Pick<Mention, 'analysis'>): void {
  if (!mayRead(p, m)) throw new ServiceError('forbidden', SAFEGUARDING_REFUSED)
}

/**
 * The mention as this principal may see it: unchanged, or with every word that could identify the
 * child or the concern blanked (text, title, author, link, evidence). Its existence, source, time and
 * priority stay, so the daily check still shows something urgent is waiting for the DSL.
 */
export function forViewer<M extends Mention>(p: Principal, m: M): M & { restricted: boolean } {
  if (mayRead(p, m)) return { ...m, restricted: false }
  return {
    ...m,
    title: null,
    text: RESTRICTED_TEXT,
    author: null,
    url: null,
    canonicalUrl: null,
    externalId: '',
    meta: {},
    analysis: m.analysis && {
      ...m.analysis,
      evidence: [],
      explanations: {},
      machine: { ...m.analysis.machine },
      correction: m.analysis.correction && { ...m.analysis.correction, note: '' },
    },
    restricted: true,
  }
}
