// Runs in: any process (pure, no I/O). What deserves an instant notification, and what it says.
//
// Only urgent items interrupt anyone; everything else waits for the daily digest. A notification may be
// read on a lock screen in a school office, so its words are chosen for that: a safeguarding item says
// only that the DSL is needed, and personal data or sexual content is never repeated in it.
import type { Mention, PolicyFlag, SourceKind } from '../../contract'
import { isSafeguardingItem } from '../visibility'

/** The one title anyone without safeguarding access sees, and the only text of a restricted item. */
export const RESTRICTED_TITLE = 'Urgent safeguarding item for the DSL'

export interface NotificationText {
  title: string
  body: string
  restricted: boolean
}

export type NotifiableMention = Pick<
  Mention,
  'analysis' | 'sourceKind' | 'sourceName' | 'title' | 'text'
>

/** Urgent on the effective verdict: a user's correction counts, in both directions. */
export function isUrgent(m: Pick<Mention, 'analysis'>): boolean {
  return m.analysis?.priority === 'urgent'
}

export const mentionKey = (mentionId: number): string => `mention:${mentionId}`
export const reportKey = (incidentEventId: number): string => `report:${incidentEventId}`
export const postKey = (draftId: number): string => `post:${draftId}`

/** Where it was said, as the office would name it. A feed's own name says more than "a feed". */
const PLACE: Partial<Record<SourceKind, string>> = {
  google_business: 'Google reviews',
  google_places: 'Google reviews',
  wikipedia: 'Wikipedia',
  mumsnet: 'Mumsnet',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  bluesky: 'Bluesky',
  manual: 'a captured page',
}

export function placeOf(m: Pick<Mention, 'sourceKind' | 'sourceName'>): string {
  return PLACE[m.sourceKind] ?? (m.sourceName.trim() || 'a news feed')
}

// The flags that make an item urgent besides safeguarding and extremism (see analysis/routing.ts),
// in the order that decides the headline when several apply.
const WHAT: [PolicyFlag, string][] = [
  ['threat', 'possible threat'],
  ['sexual', 'sexual content'],
  ['personal_info', 'personal information posted'],
  ['hate', 'possible hate speech'],
  ['impersonation', 'possible fake account'],
  ['abuse', 'abusive post'],
]

/** Flags whose words must not travel further than the app itself. */
const DO_NOT_QUOTE: readonly PolicyFlag[] = ['personal_info', 'sexual']

const SNIPPET = 140

function snippet(m: NotifiableMention): string {
  const text = [m.title, m.text]
    .filter((s): s is string => !!s && !!s.trim())
    .join(' — ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1).trimEnd()}…` : text
}

/** The notification for an urgent mention. A safeguarding item is restricted and says nothing of itself. */
export function mentionNotification(m: NotifiableMention): NotificationText {
  if (isSafeguardingItem(m)) return { title: RESTRICTED_TITLE, body: '', restricted: true }
  const flags = m.analysis?.flags ?? []
  const what = WHAT.find(([f]) => flags.includes(f))?.[1]
  const title = what ? `Urgent: ${what} on ${placeOf(m)}` : `Urgent item on ${placeOf(m)}`
  const body = flags.some((f) => DO_NOT_QUOTE.includes(f))
    ? 'Open Footprint to read it.'
    : snippet(m)
  return { title, body, restricted: false }
}

/** What a desktop notification may show: for a restricted item, only the generic words. */
export function desktopText(n: NotificationText): { title: string; body: string } {
  return n.restricted ? { title: RESTRICTED_TITLE, body: '' } : { title: n.title, body: n.body }
}
