// Runs in: main process / CLI (Node), pure. How long a draft may be on each platform, measured the way
// that platform measures it: Google in UTF-8 bytes, X in weighted characters, Meta in characters.

export { DRAFT_PLATFORMS, type DraftPlatform } from '../../contract/workflow'
import type { DraftPlatform } from '../../contract/workflow'

export type LengthUnit = 'bytes' | 'weighted' | 'characters'

export interface PlatformLimit {
  max: number
  unit: LengthUnit
  label: string
  /** Where the number comes from, so a reviewer can re-check it. */
  source: string
}

export const LIMITS: Readonly<Partial<Record<DraftPlatform, PlatformLimit>>> = {
  google: {
    max: 4096,
    unit: 'bytes',
    label: 'a Google review reply',
    source:
      'Google Business Profile API, accounts.locations.reviews.updateReply: ReviewReply.comment is at most 4096 bytes',
  },
  x: {
    max: 280,
    unit: 'weighted',
    label: 'a post on X',
    source:
      'docs.x.com "Counting characters" and twitter-text config v3: 280 weighted, links count 23, emoji 2',
  },
  facebook: {
    max: 8000,
    unit: 'characters',
    label: 'a Facebook comment',
    // Meta does not document it for the Graph API; the 8,000 figure is consistent across the
    // character-count references we checked (typecount.com, postonce.to, bulkpublish.com).
    source: 'published Facebook comment limit: 8,000 characters (third-party references)',
  },
  instagram: {
    max: 1000,
    unit: 'characters',
    label: 'an Instagram comment',
    // References disagree (1,000 or 2,200 characters) and Meta publishes neither for comments, so we
    // hold drafts to the lower one: a reply that fits 1,000 fits either way.
    source: 'Instagram comment limit: lower of the published figures (1,000 vs 2,200 characters)',
  },
  // Wikipedia talk pages and "other" (Mumsnet, news comments, pasted replies) have no limit that a
  // reply could reach; report forms differ by platform and publish none, so reports are not limited.
}

/** X's documented weighting (twitter-text config v3): these code point ranges count 1, all else 2. */
const X_LIGHT_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
]
const X_URL_WEIGHT = 23
const X_TLDS =
  'com|org|net|uk|io|gov|edu|info|co|me|ly|app|dev|eu|ie|tv|biz|school|education|academy|london|wales|scot'
// A URL as X's parser finds one: with a scheme, or a bare host ending in a known TLD. An address's
// domain ("office@school.sch.uk") is not a link, hence the look-behind.
const X_URL = new RegExp(
  `https?://[^\\s]+|(?<![@\\w.-])(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${X_TLDS})(?![\\w-])(?:/[^\\s]*)?`,
  'giu',
)
const TRAILING_PUNCT = /[.,;:!?'")\]]+$/
// One emoji, however many code points (skin tones, ZWJ families), weighs 2 on X. The `v` flag is
// built at run time because the project's TypeScript target predates it.
const EMOJI = new RegExp('\\p{RGI_Emoji}', 'gv')

function xCodePointWeight(cp: number): number {
  return X_LIGHT_RANGES.some(([a, b]) => cp >= a && cp <= b) ? 1 : 2
}

interface Piece {
  start: number
  end: number
  weight: number
}

/** X's weighted length, piece by piece (each URL, emoji sequence or code point), in NFC as X counts. */
function xPieces(text: string): Piece[] {
  const s = text.normalize('NFC')
  const special: Piece[] = []
  for (const m of s.matchAll(X_URL)) {
    const url = m[0].replace(TRAILING_PUNCT, '')
    special.push({ start: m.index, end: m.index + url.length, weight: X_URL_WEIGHT })
  }
  for (const m of s.matchAll(EMOJI)) {
    if (!special.some((p) => m.index >= p.start && m.index < p.end))
      special.push({ start: m.index, end: m.index + m[0].length, weight: 2 })
  }
  special.sort((a, b) => a.start - b.start)
  const out: Piece[] = []
  let i = 0
  let k = 0
  while (i < s.length) {
    if (k < special.length && special[k].start === i) {
      out.push(special[k])
      i = special[k++].end
      continue
    }
    const cp = s.codePointAt(i) as number
    const n = cp > 0xffff ? 2 : 1
    out.push({ start: i, end: i + n, weight: xCodePointWeight(cp) })
    i += n
  }
  return out
}

export function xWeightedLength(text: string): number {
  return xPieces(text).reduce((sum, p) => sum + p.weight, 0)
}

const UTF8 = new TextEncoder()

export function utf8Bytes(text: string): number {
  return UTF8.encode(text).length
}

export function codePoints(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

export function measure(text: string, unit: LengthUnit): number {
  if (unit === 'bytes') return utf8Bytes(text)
  if (unit === 'weighted') return xWeightedLength(text)
  return codePoints(text)
}

/** UTF-16 offset of the first character that takes the text past `max`, or null when it fits. */
export function overflowOffset(text: string, limit: PlatformLimit): number | null {
  if (limit.unit === 'weighted') {
    // X normalises to NFC first; our drafts are NFC already, so offsets map one to one.
    let sum = 0
    for (const p of xPieces(text)) {
      sum += p.weight
      if (sum > limit.max) return p.start
    }
    return null
  }
  let sum = 0
  let i = 0
  for (const ch of text) {
    sum += limit.unit === 'bytes' ? utf8Bytes(ch) : 1
    if (sum > limit.max) return i
    i += ch.length
  }
  return null
}
