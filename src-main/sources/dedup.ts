// Runs in: main process / CLI (Node). Exact and near-duplicate detection of mention text across feeds.
//
// The same local news story arrives via the paper's RSS, a Google Alert and a Talkwalker Alert,
// each with its own tracking URLs, whitespace, "Read more" footer and truncation. Counting it three
// times would triple a spike in the trends, so: an exact fingerprint of the normalised text
// catches the cheap cases; word shingles + Jaccard catch edited copies; a prefix rule catches a
// feed that cut the text off ("… [Read more]").

import { createHash } from 'node:crypto'
import { tokenize } from '../matching/normalise'

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu
// Feed furniture, not content. WordPress appends "The post X appeared first on Y." to every item.
const BOILERPLATE_RE = new RegExp(
  [
    String.raw`\bthe post\b[^\n]{0,300}?\bappeared first on\b[^\n]*`,
    String.raw`\b(?:read|see|view) (?:the )?(?:full |whole )?(?:more|story|article|post)\b`,
    String.raw`\bcontinue reading\b[^\n]{0,120}?(?:→|»|\.\.\.|…|$)`,
    String.raw`\bclick here(?: to read more)?\b`,
    String.raw`\[\s*(?:…|\.\.\.)\s*\]`,
  ].join('|'),
  'giu',
)

/** The text as compared: URLs and boilerplate removed, folded words joined by single spaces. */
export function normaliseForDedup(text: string): string {
  const stripped = text.replace(URL_RE, ' ').replace(BOILERPLATE_RE, ' ')
  return tokenize(stripped).words.join(' ')
}

/** SHA-256 hex of the normalised title and text: equal for the same item seen via two feeds. */
export function contentFingerprint(text: string, title?: string | null): string {
  const body = normaliseForDedup(text)
  const head = title ? normaliseForDedup(title) : ''
  return createHash('sha256').update(`${head}\n${body}`).digest('hex')
}

export interface NearDupOptions {
  /** Jaccard similarity of shingle sets at or above which two texts are the same (default 0.85). */
  threshold?: number
  /** Words per shingle (default 3; 3–5 is sensible). */
  k?: number
  /** A truncated copy must keep at least this many words to count as the same text (default 12). */
  minPrefixWords?: number
}

export interface Prepared {
  norm: string
  words: number
  shingles: Set<number>
}

// FNV-1a over the shingle string: 32 bits are plenty for windows of a few hundred items, and a
// Set of numbers is far cheaper than a Set of strings.
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function prepare(text: string, k: number): Prepared {
  const norm = normaliseForDedup(text)
  const words = norm ? norm.split(' ') : []
  const shingles = new Set<number>()
  if (words.length > 0 && words.length < k) shingles.add(hash(norm))
  for (let i = 0; i + k <= words.length; i++) shingles.add(hash(words.slice(i, i + k).join(' ')))
  return { norm, words: words.length, shingles }
}

/** Jaccard similarity of two shingle sets. */
function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const x of small) if (large.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

/** A truncated feed copy: the shorter text, minus its last (maybe cut) word, starts the longer. */
function isTruncatedCopy(x: Prepared, y: Prepared, minWords: number): boolean {
  const [short, long] = x.norm.length <= y.norm.length ? [x, y] : [y, x]
  if (short.words < minWords + 1) return false
  const head = short.norm.slice(0, short.norm.lastIndexOf(' '))
  return long.norm.startsWith(`${head} `)
}

/** Similarity of two texts in [0, 1], as nearDuplicate sees it (1 for a truncated copy). */
export function textSimilarity(a: string, b: string, opts: NearDupOptions = {}): number {
  const k = opts.k ?? 3
  const x = prepare(a, k)
  const y = prepare(b, k)
  if (isTruncatedCopy(x, y, opts.minPrefixWords ?? 12)) return 1
  return jaccard(x.shingles, y.shingles)
}

type Candidate = string | { text: string }

/**
 * A window of recent mentions to check new ones against. Shingles are computed once per mention,
 * so checking a poll's worth of new items against a few hundred recent ones stays cheap.
 */
export function createDedupWindow<Id>(
  opts: NearDupOptions & {
    /** Prepared texts kept between windows (the poller builds one per run): keyed by id. */
    cache?: Map<Id, { text: string; p: Prepared }>
  } = {},
) {
  const k = opts.k ?? 3
  const threshold = opts.threshold ?? 0.85
  const minPrefix = opts.minPrefixWords ?? 12
  const items: { id: Id; p: Prepared }[] = []
  const prepared = (id: Id, text: string): Prepared => {
    const hit = opts.cache?.get(id)
    if (hit && hit.text === text) return hit.p
    const p = prepare(text, k)
    opts.cache?.set(id, { text, p })
    return p
  }
  return {
    add(id: Id, text: string): void {
      items.push({ id, p: prepared(id, text) })
    },
    /** The id of the most similar mention at or above the threshold, or null. */
    find(candidate: Candidate): Id | null {
      const c = prepare(typeof candidate === 'string' ? candidate : candidate.text, k)
      if (c.words === 0) return null // nothing left to compare: never link empty texts
      let bestId: Id | null = null
      let best = 0
      for (const { id, p } of items) {
        if (p.words === 0) continue
        let score: number
        if (c.norm === p.norm || isTruncatedCopy(c, p, minPrefix)) score = 1
        else {
          // Jaccard can be at most small/large: skip pairs that cannot reach the threshold.
          const lo = Math.min(c.shingles.size, p.shingles.size)
          const hi = Math.max(c.shingles.size, p.shingles.size)
          if (lo < threshold * hi) continue
          score = jaccard(c.shingles, p.shingles)
        }
        if (score >= threshold && score > best) {
          best = score
          bestId = id
        }
      }
      return bestId
    },
    get size(): number {
      return items.length
    },
  }
}

/** The id of the existing mention `candidate` is a near-duplicate of, or null. */
export function nearDuplicate<Id>(
  candidate: Candidate,
  recent: readonly { id: Id; text: string }[],
  opts: NearDupOptions = {},
): Id | null {
  const window = createDedupWindow<Id>(opts)
  for (const r of recent) window.add(r.id, r.text)
  return window.find(candidate)
}
