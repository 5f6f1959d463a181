// Runs in: main process / CLI (Node). The pure half of "not about us": which exclusion term to record.
//
// When the user says a mention about "St Mary's Hospital" is not about St Mary's school, the
// exclusion must be narrow enough to keep real mentions of the school and wide enough to catch
// the next hospital story. So we propose the alias plus the words that make it something else:
// the proper-noun words right after it ("Hospital", "Way", "Football Club"), else a distinguishing
// word right before it ("Old St Mary's"). Words that name a school ("Primary", "C of E") or a
// co-term of ours (the town) are never used: that exclusion would hide the school itself.

import { DESIGNATIONS, TYPE_WORDS } from './aliases'
import { foldKey, tokenize } from './normalise'

export interface ExclusionProposal {
  /** The term to store in the school's exclusions, as written in the mention. */
  term: string
  /** [start, end) of the term in the text. */
  start: number
  end: number
  /**
   * 'following'/'preceding': the alias plus distinguishing words. 'alias': nothing distinguished
   * it, so the proposal is the alias itself, which would exclude every mention that uses it: the
   * UI should ask before storing it.
   */
  basis: 'following' | 'preceding' | 'alias'
}

export interface ProposeOptions {
  /** Offset in `text` of the match (MatchResult.start); otherwise the first occurrence is used. */
  start?: number
  /** Words and phrases that must not make up the term: the school's town, LA, other aliases. */
  protect?: string[]
}

// Function words and verbs that end a name ("St Mary's is…", "St Mary's and the…").
const STOP = new Set(
  `a an the and or but of for to in on at by with from as is are was were be been has have had
  do does did will would can could should may might must this that these those it its they them
  their our we us you your he she his her i me my so if then than not no yes very really just
  also too all any some today yesterday tomorrow`.split(/\s+/),
)
// Lower-case nouns that still make a different place of a saint's name ("St Mary's church").
const PLACE_NOUNS = new Set(
  `church hospital hall road street way lane close avenue drive court park house home centre center
  surgery clinic hospice chapel cathedral abbey priory college university ward unit estate ground
  field fc club rovers united cemetery churchyard well island bay square place gardens`.split(
    /\s+/,
  ),
)
const MAX_EXTRA_WORDS = 3

function isSchoolWord(words: string[], i: number): boolean {
  const w = words[i]
  if (w === 'church') return words[i + 1] === 'of' || words[i + 1] === 'in' // "Church of England"
  if (TYPE_WORDS.has(w)) return true
  return DESIGNATIONS.some((d) => d.keys.some((k) => k.split(' ')[0] === w))
}

/** Propose the exclusion term for a mention the user marked "not about us". */
export function proposeExclusion(
  text: string,
  alias: string,
  opts: ProposeOptions = {},
): ExclusionProposal | null {
  const t = tokenize(text)
  const want = tokenize(alias).words
  if (want.length === 0) return null
  const at = findOccurrence(t.words, t.starts, want, opts.start)
  if (at < 0) return null
  const a = at
  const b = at + want.length
  const protectedKeys = (opts.protect ?? []).map(foldKey).filter(Boolean)
  const isProtected = (i: number) =>
    protectedKeys.some((k) => k.split(' ').includes(t.words[i])) || isSchoolWord(t.words, i)
  // Words joined to the name only by spaces or hyphens, not across a comma or a full stop.
  const joined = (i: number, j: number) => /^[\s\-–]*$/.test(text.slice(t.ends[i], t.starts[j]))
  const capitalised = (i: number) => /^\p{Lu}|^\d/u.test(text.slice(t.starts[i]))
  const distinguishing = (i: number) =>
    !STOP.has(t.words[i]) && !isProtected(i) && (capitalised(i) || PLACE_NOUNS.has(t.words[i]))

  let end = b
  while (end < t.words.length && end - b < MAX_EXTRA_WORDS && joined(end - 1, end)) {
    if (!distinguishing(end)) break
    end++
    if (!capitalised(end - 1)) break // one lower-case place noun, not a run of prose
  }
  if (end > b) return make(text, t.starts[a], t.ends[end - 1], 'following')

  let begin = a
  while (begin > 0 && a - begin < 2 && joined(begin - 1, begin)) {
    if (!distinguishing(begin - 1) || !capitalised(begin - 1)) break
    begin--
  }
  // A capitalised word at the start of a sentence is not evidence of a proper noun.
  if (begin < a && !sentenceStart(text, t.starts[begin])) {
    return make(text, t.starts[begin], t.ends[b - 1], 'preceding')
  }
  return make(text, t.starts[a], t.ends[b - 1], 'alias')
}

function findOccurrence(words: string[], starts: number[], want: string[], from?: number): number {
  let first = -1
  for (let i = 0; i + want.length <= words.length; i++) {
    let ok = true
    for (let k = 0; k < want.length && ok; k++) ok = words[i + k] === want[k]
    if (!ok) continue
    if (from === undefined || starts[i] === from) return i
    if (first < 0 && starts[i] >= from) first = i
  }
  return first
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 20), at).trimEnd()
  return before === '' || /[.!?:"“(]$/.test(before)
}

function make(
  text: string,
  start: number,
  end: number,
  basis: ExclusionProposal['basis'],
): ExclusionProposal {
  // "St Mary's Hospital's car park" → "St Mary's Hospital": the possessive would not match the
  // next story, which says "St Mary's Hospital".
  const raw = text.slice(start, end)
  const term = basis === 'following' ? raw.replace(/['’]s$/u, '') : raw
  return { term, start, end: start + term.length, basis }
}
