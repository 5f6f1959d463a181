// Runs in: main process / CLI (Node), pure apart from the speller's one-off dictionary load. The policy
// check every draft passes before it can be submitted: each reason in plain English, with offsets so
// the screen can highlight the words.
import { findCues } from './cues'
import { LIMITS, type DraftPlatform, measure, overflowOffset } from './limits'
import { findPeople } from './people'
import { type DraftSchool, GAP_MESSAGE, findGaps } from './profile'
import { type Speller, allowedWords, findMisspellings } from './spelling'
import type { Situation } from './templates'

export { ISSUE_CODES, type IssueCode } from '../../contract/workflow'
import type { IssueCode } from '../../contract/workflow'

export interface CheckIssue {
  code: IssueCode
  message: string
  /** UTF-16 offsets into the body, where the issue is in a particular place. */
  start?: number
  end?: number
}

export interface CheckResult {
  ok: boolean
  issues: CheckIssue[]
}

export interface CheckContext {
  school: DraftSchool
  platform?: DraftPlatform
  /** Reports go into a platform's report form, not a reply box: reply length limits do not apply. */
  situation?: Situation
  speller?: Speller
}

// Pasted rich text arrives as tags or entities; platforms would show them literally.
const MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi

const allowedCache = new WeakMap<DraftSchool, Set<string>>()

function allowedFor(school: DraftSchool): Set<string> {
  let set = allowedCache.get(school)
  if (!set) {
    const names = [school.name, school.town, school.localAuthority, school.headName]
    for (const a of school.aliases ?? []) names.push(a)
    for (const s of school.staff) names.push(s.name, s.role)
    allowedCache.set(school, (set = allowedWords(names)))
  }
  return set
}

function lengthIssue(body: string, ctx: CheckContext): CheckIssue | null {
  if (!ctx.platform || ctx.situation === 'report_to_platform') return null
  const limit = LIMITS[ctx.platform]
  if (!limit) return null
  const at = overflowOffset(body, limit)
  if (at === null) return null
  const size = measure(body, limit.unit)
  const unit =
    limit.unit === 'bytes'
      ? 'bytes (UTF-8: accented letters take 2, emoji 4)'
      : limit.unit === 'weighted'
        ? 'characters as X counts them (links 23, emoji 2)'
        : 'characters'
  return {
    code: 'too_long',
    message: `Too long for ${limit.label}: ${size.toLocaleString('en-GB')} of at most ${limit.max.toLocaleString('en-GB')} ${unit}. The highlighted part would not fit.`,
    start: at,
    end: body.length,
  }
}

export function checkDraft(body: string, ctx: CheckContext): CheckResult {
  const issues: CheckIssue[] = []
  if (!body.trim()) {
    return { ok: false, issues: [{ code: 'empty', message: 'The draft is empty.' }] }
  }
  for (const g of findGaps(body))
    issues.push({
      code: 'missing_field',
      message: GAP_MESSAGE[g.field],
      start: g.start,
      end: g.end,
    })
  for (const m of body.matchAll(MARKUP)) {
    issues.push({
      code: 'markup',
      message:
        'This looks like HTML from pasted rich text. Platforms show it as typed: paste as plain text.',
      start: m.index,
      end: m.index + m[0].length,
    })
  }
  for (const h of findPeople(body, ctx.school)) issues.push(h)
  for (const h of findCues(body)) issues.push(h)
  for (const s of findMisspellings(body, allowedFor(ctx.school), ctx.speller)) {
    const hint = s.suggestions.length
      ? ` Did you mean ${s.suggestions.map((x) => `"${x}"`).join(' or ')}?`
      : ''
    issues.push({
      code: 'spelling',
      message: `"${s.word}" is not in the British English dictionary.${hint}`,
      start: s.start,
      end: s.end,
    })
  }
  const tooLong = lengthIssue(body, ctx)
  if (tooLong) issues.push(tooLong)
  issues.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity))
  return { ok: issues.length === 0, issues }
}
