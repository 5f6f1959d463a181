// Runs in: main process / CLI (Node), pure. Turns a mention into reply drafts: which situations apply
// (from the analysis flags and sentiment), which templates fit the platform, filled from the profile.
import type { PolicyFlag, SentimentLabel } from '../../analysis/types'
import type { DraftPlatform } from './limits'
import { type DetailField, type DraftSchool, GAP, profileValues } from './profile'
import {
  DEFAULT_REMOVAL_REASON,
  PLATFORM_WORDS,
  REMOVAL_REASONS,
  REPORT_REASONS,
  type Situation,
  TEMPLATES,
  type Template,
} from './templates'

/** What drafting needs from a mention; the contract's Mention satisfies it. */
export interface DraftMention {
  text: string
  url?: string | null
  title?: string | null
  sourceKind?: string
  analysis?: {
    sentiment: { label: SentimentLabel; score: number }
    flags: readonly string[]
  } | null
}

/** What only the person drafting knows; anything left out stays a visible gap. */
export type DraftDetails = Partial<
  Record<Exclude<DetailField, 'postUrl' | 'reportReason'>, string>
> & {
  link?: string
  articleTitle?: string
}

export interface Draft {
  template: string
  situation: Situation
  platform: DraftPlatform
  body: string
}

const PLATFORM_OF: Readonly<Record<string, DraftPlatform>> = {
  google_business: 'google',
  google_places: 'google',
  facebook: 'facebook',
  instagram: 'instagram',
  x: 'x',
  wikipedia: 'wikipedia',
}

export function platformOf(mention: DraftMention): DraftPlatform {
  return PLATFORM_OF[mention.sourceKind ?? ''] ?? 'other'
}

// Flags whose policy action is remove or report, never a public conversation (PRODUCT.md, "Policy
// flags"; Mellers: "never respond or retaliate to cyberbullying incidents").
const REPORTABLE: readonly PolicyFlag[] = [
  'threat',
  'sexual',
  'personal_info',
  'hate',
  'abuse',
  'impersonation',
  'spam',
  'commercial',
]
// The school can hide or delete comments only where it owns the thread.
const OWN_CHANNEL: readonly DraftPlatform[] = ['facebook', 'instagram', 'x']

/**
 * The situations a mention calls for, most fitting first. Safeguarding and extremism items go to the
 * DSL and get no public reply: the list is empty unless something reportable is also present.
 */
export function situationsFor(mention: DraftMention): Situation[] {
  const platform = platformOf(mention)
  if (platform === 'wikipedia') return ['wikipedia_edit_request']
  const flags = new Set(mention.analysis?.flags ?? [])
  const sentiment = mention.analysis?.sentiment.label ?? 'neutral'
  if (REPORTABLE.some((f) => flags.has(f))) {
    return OWN_CHANNEL.includes(platform)
      ? ['report_to_platform', 'removal_notice']
      : ['report_to_platform']
  }
  if (flags.has('safeguarding') || flags.has('extremism')) return []
  const out: Situation[] = []
  if (flags.has('complaint')) out.push('complaint')
  if (flags.has('question')) out.push('question')
  if (flags.has('praise') && !flags.has('complaint')) out.push('praise')
  if (!out.length && sentiment === 'negative') out.push('complaint', 'correction')
  if (!out.length && sentiment === 'positive') out.push('praise')
  if (!out.length) out.push('question')
  return out
}

function reasonsFor(flags: ReadonlySet<string>, table: Readonly<Record<string, string>>): string[] {
  return Object.keys(table)
    .filter((f) => flags.has(f))
    .map((f) => table[f])
}

function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/** The templates for a situation on a platform; where none is written for it, the general ones. */
export function templatesFor(situation: Situation, platform: DraftPlatform): Template[] {
  const exact = TEMPLATES.filter((t) => t.situation === situation && t.platforms.includes(platform))
  return exact.length
    ? exact
    : TEMPLATES.filter((t) => t.situation === situation && t.platforms.includes('other'))
}

/**
 * Reply drafts for a mention: every fitting template of every situation that applies (or only the
 * one asked for), filled from the school profile. Gaps stay as [brackets] for the check to report.
 */
export function generateDrafts(
  mention: DraftMention,
  school: DraftSchool,
  situation?: Situation,
  details: DraftDetails = {},
): Draft[] {
  const platform = platformOf(mention)
  const situations = situation ? [situation] : situationsFor(mention)
  const flags = new Set(mention.analysis?.flags ?? [])
  const { values: profile } = profileValues(school)
  const removal = reasonsFor(flags, REMOVAL_REASONS)
  const report = reasonsFor(flags, REPORT_REASONS)
  const town = school.town?.trim()
  const values: Record<string, string> = {
    ...profile,
    ...PLATFORM_WORDS[platform],
    where: town ? ` in ${town}` : '',
    postUrl: mention.url?.trim() || GAP.postUrl,
    removalReason: removal.length ? removal.slice(0, 2).join(' and ') : DEFAULT_REMOVAL_REASON,
    reportReason: report.length ? capitalise(report.slice(0, 2).join('; and ')) : GAP.reportReason,
    link: details.link?.trim() || profile.website,
    articleTitle: details.articleTitle?.trim() || mention.title?.trim() || 'proposed change',
    fact: details.fact?.trim() || GAP.fact,
    currentText: details.currentText?.trim() || GAP.currentText,
    proposedChange: details.proposedChange?.trim() || GAP.proposedChange,
    changeReason: details.changeReason?.trim() || GAP.changeReason,
    reference: details.reference?.trim() || GAP.reference,
  }
  const drafts: Draft[] = []
  for (const s of situations) {
    for (const t of templatesFor(s, platform)) {
      drafts.push({ template: t.id, situation: s, platform, body: fill(t.text, values) })
    }
  }
  return drafts
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
