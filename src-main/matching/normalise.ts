// Runs in: main process / CLI (Node). Word tokens for matching and dedup, with offsets back to the original.
//
// Every comparison in matching and dedup goes through this one tokenizer, so "St. Aldhelm’s",
// "ST ALDHELMS" and "St Aldhelm's" become the same tokens and an alias typed in settings folds
// exactly like the text it is searched in. It is a single pass over UTF-16 units with a lookup
// table for ASCII (the hot path), because the matcher has to sustain tens of thousands of items/s.

export interface Tokens {
  /** Folded words: lower case, no diacritics, apostrophes dropped, "&" read as "and". */
  words: string[]
  /** starts[i]/ends[i]: [start, end) of words[i] in the original string. */
  starts: number[]
  ends: number[]
}

// Unit classes. Positive values never occur: letters are stored as their folded string instead.
const SEP = 0 // ends a word: space, punctuation, symbols, emoji
const DROP = 1 // removed inside a word: apostrophes, combining marks, zero-width characters
const AMP = 2 // "&": a word of its own, read as "and"

type Fold = string | typeof SEP | typeof DROP | typeof AMP

// ASCII: letters and digits fold to lower case; ' and ` are apostrophes people type.
const ASCII: Fold[] = []
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (/[a-z0-9]/i.test(ch)) ASCII.push(ch.toLowerCase())
  else if (ch === "'" || ch === '`') ASCII.push(DROP)
  else if (ch === '&') ASCII.push(AMP)
  else ASCII.push(SEP)
}

// Apostrophe look-alikes (’ ‘ ʼ ʻ ´ ′ ＇) and invisible characters that would otherwise split
// "Aldhelm’s" into two words or let "St\u200BMary's" dodge a match.
const DROPPED = /[\u2018\u2019\u201B\u02BC\u02BB\u00B4\u2032\uFF07\u00AD\u200B-\u200D\u2060\uFEFF]/
// Letters NFKD leaves alone but people read as ASCII.
const EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
}
// NFKD can produce them too ("ꟹ" → "œ"): folded again they must give what folding once gave.
const EXTRA_IN = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g')
const LETTERS = /^[\p{L}\p{N}]+$/u
const ASTRAL = /[\uD800-\uDFFF]/
// "ŉ" decomposes to "ʼn": the apostrophe it brings is dropped, as it would be on its own.
const DROPPED_IN = new RegExp(`${DROPPED.source}|['\`]`, 'g')
const MARK = /^\p{M}$/u

const wide = new Map<number, Fold>()
function foldWide(c: number): Fold {
  let f = wide.get(c)
  if (f !== undefined) return f
  const ch = String.fromCharCode(c)
  if (c >= 0xd800 && c <= 0xdfff)
    f = SEP // astral: emoji and symbols in practice
  else if (DROPPED.test(ch) || MARK.test(ch)) f = DROP
  else if (ch === '\uFF06' || ch === '\uFE60') f = AMP
  else {
    const lower = ch.toLowerCase()
    const folded =
      EXTRA[lower] ??
      lower
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(DROPPED_IN, '')
        .toLowerCase()
        .replace(EXTRA_IN, (x) => EXTRA[x])
    // A compatibility ideograph can decompose to an astral one; astral units are separators
    // above, so it must be one here too or folding twice would differ from folding once.
    f = folded.length > 0 && LETTERS.test(folded) && !ASTRAL.test(folded) ? folded : SEP
  }
  wide.set(c, f)
  return f
}

/** Split into folded words. `tokenize("St. Aldhelm’s C&E")` → st, aldhelms, c, and, e. */
export function tokenize(s: string): Tokens {
  const words: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let start = -1 // start of the current word, -1 when between words
  let end = 0 // end of the last letter in the current word
  let built: string | null = null // null while the word is a plain ASCII slice of `s`
  // Lower-casing once natively is much cheaper than per word; offsets stay aligned unless a
  // character lower-cases to two units (only "İ"), in which case we lower-case per word.
  const lowered = s.toLowerCase()
  const lower = lowered.length === s.length ? lowered : null
  const asciiSlice = (a: number, b: number) =>
    lower ? lower.slice(a, b) : s.slice(a, b).toLowerCase()
  const flush = () => {
    words.push(built ?? asciiSlice(start, end))
    starts.push(start)
    ends.push(end)
    start = -1
    built = null
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const f = c < 128 ? ASCII[c] : foldWide(c)
    if (typeof f === 'string') {
      if (start < 0) {
        start = i
        if (c >= 128) built = f
      } else if (built !== null) built += f
      else if (c >= 128) built = asciiSlice(start, end) + f
      else if (end !== i) built = asciiSlice(start, end) + f // a dropped unit sits between
      end = i + 1
    } else if (f === DROP) {
      // Inside a word only; a leading quote is not part of the word it precedes.
      continue
    } else {
      if (start >= 0) flush()
      if (f === AMP) {
        words.push('and')
        starts.push(i)
        ends.push(i + 1)
      }
    }
  }
  if (start >= 0) flush()
  return { words, starts, ends }
}

/** The comparable form of a phrase: folded words joined by single spaces. */
export function foldKey(s: string): string {
  return tokenize(s).words.join(' ')
}
