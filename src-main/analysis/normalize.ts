// Runs in: main process / CLI (Node). Text folding with an offset map back to the original string.
//
// Detectors never see the raw text: people dodge filters with zero-width characters, homoglyphs
// (Cyrillic "а" for Latin "a"), fullwidth or mathematical letters, HTML and leetspeak. We fold all
// of that away but keep, for every folded UTF-16 unit, the range it came from in the original,
// so evidence spans highlight what the user actually sees.

export interface Folded {
  /** Folded text, original letter case (names are detected by capitalisation). */
  cased: string
  /** `cased` lower-cased unit by unit: same length, same offsets. */
  lower: string
  /** `lower` with leetspeak undone and spaced-out letters joined ("f u c k", "sh1t"). */
  deob: string
  /** Map a [start, end) range in `cased`/`lower` to the original text. */
  span(start: number, end: number): [number, number]
  /** Map a [start, end) range in `deob` to the original text. */
  deobSpan(start: number, end: number): [number, number]
}

// Characters that carry no visible glyph, or only steer direction; stripping them defeats the
// "f\u200Buck" dodge and makes right-to-left overrides harmless.
// Only invisible marks, not letters, so combining-mark warnings do not apply here.
/* eslint-disable no-misleading-character-class */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/
/* eslint-enable no-misleading-character-class */

// Look-alikes NFKD does not fold. Cyrillic and Greek letters that render like Latin ones, and
// typographic punctuation that would otherwise break word patterns ("can’t").
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  һ: 'h',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u3000': ' ',
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  pound: '£',
  hellip: '...',
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
}

const foldCache = new Map<number, string>()

function foldCodePoint(ch: string, cp: number): string {
  const cached = foldCache.get(cp)
  if (cached !== undefined) return cached
  let out: string
  if (INVISIBLE.test(ch)) out = ''
  else if (HOMOGLYPHS[ch] !== undefined) out = HOMOGLYPHS[ch]
  else {
    // NFKD turns fullwidth, mathematical and circled letters into plain ones, then we drop the
    // combining marks so "fück" and "fúck" read as "fuck". Scripts without a Latin decomposition
    // (Arabic, Hebrew, CJK) come through unchanged.
    const d = ch.normalize('NFKD').replace(/\p{M}+/gu, '')
    out = d.length > 0 && d.length <= 4 ? d : d.length === 0 && /\p{M}/u.test(ch) ? '' : ch
  }
  if (foldCache.size < 20_000) foldCache.set(cp, out)
  return out
}

const TAG = /<\/?[A-Za-z][^<>]{0,300}>|<!--[\s\S]{0,2000}?-->/y
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y
// Only pure printable ASCII without markup can skip the fold entirely (the common case).
const NEEDS_FOLD = /[^\x20-\x7E\n\r\t]|[<&]/

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const n =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    if (!Number.isFinite(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
      return undefined
    return String.fromCodePoint(n)
  }
  return ENTITIES[body.toLowerCase()]
}

function lowerUnit(c: string): string {
  const l = c.toLowerCase()
  return l.length === 1 ? l : c
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '€': 'e',
}
// A run of three or more single letters split by one space or dot: "f u c k", "c.u.n.t".
const SPACED = /(?<![a-z])[a-z](?:[ ._\-*][a-z](?![a-z])){2,}/g
// A word that mixes letters with leet digits/symbols: "sh1t", "b!tch", "@ss".
const LEET_WORD = /[a-z0-9@$!|€]*[a-z][a-z0-9@$!|€]*|[0-9@$!|€]+[a-z][a-z0-9@$!|€]*/g

/** One LEET_WORD match with its leetspeak undone, or unchanged when it is not leet. */
function unleetWord(w: string): string {
  // A "!" ending a word is punctuation ("great!"), not an "i".
  let end = w.length
  while (end > 0 && w.charCodeAt(end - 1) === 33) end--
  // The word is made of letters and leet symbols only: most words are letters alone, and are
  // told apart here in one pass instead of by two regex tests on a copy.
  let letter = false
  let symbol = false
  for (let i = 0; i < end; i++) {
    const c = w.charCodeAt(i)
    if (c >= 97 && c <= 122) letter = true
    else symbol = true
  }
  if (!letter || !symbol) return w
  const core = w.slice(0, end)
  // "y6", "2nd", "10am" are not leet: leave mostly-numeric tokens alone.
  if (
    /^[0-9]+(st|nd|rd|th|am|pm|s|k|m|x|yr|yrs)$/.test(core) ||
    /^[a-z]{1,2}[0-9]{1,2}$/.test(core)
  )
    return w
  let r = ''
  for (const c of core) r += LEET[c] ?? c
  return r.length === core.length ? r + w.slice(core.length) : w
}

function buildDeob(lower: string): {
  deob: string
  map: Int32Array | null
  endMap: Int32Array | null
} {
  if (!/[a-z][0-9@$|€]|[0-9@$!|€][a-z]|(?<![a-z])[a-z][ ._\-*][a-z](?![a-z])/.test(lower)) {
    return { deob: lower, map: null, endMap: null }
  }
  // First undo leet inside words that contain at least one letter (so phone numbers survive).
  let leet = !/[a-z][0-9@$|€]|[0-9@$!|€][a-z]/.test(lower)
    ? lower
    : lower.replace(LEET_WORD, unleetWord)
  const out: string[] = []
  const map: number[] = []
  let last = 0
  SPACED.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = SPACED.exec(leet)) !== null) {
    for (let i = last; i < m.index; i++) {
      out.push(leet[i])
      map.push(i)
    }
    // "is a p r i c k": a lone "a" or "i" is a word, not the first letter of the hidden one.
    let from = m.index
    if (m[0].length >= 9 && /^[ai][ ]/.test(m[0])) {
      out.push(leet[from], leet[from + 1])
      map.push(from, from + 1)
      from += 2
    }
    for (let i = from; i < m.index + m[0].length; i += 2) {
      out.push(leet[i])
      map.push(i)
    }
    last = m.index + m[0].length
  }
  if (last === 0) {
    return { deob: leet, map: null, endMap: null }
  }
  for (let i = last; i < leet.length; i++) {
    out.push(leet[i])
    map.push(i)
  }
  leet = out.join('')
  const mapArr = Int32Array.from(map)
  const endArr = new Int32Array(map.length)
  for (let i = 0; i < map.length; i++) endArr[i] = map[i] + 1
  return { deob: leet, map: mapArr, endMap: endArr }
}

export function fold(original: string): Folded {
  let cased: string
  let starts: Int32Array | null = null
  let ends: Int32Array | null = null
  if (!NEEDS_FOLD.test(original)) {
    cased = original
  } else {
    const out: string[] = []
    const s: number[] = []
    const e: number[] = []
    const n = original.length
    let i = 0
    while (i < n) {
      const c = original.charCodeAt(i)
      if (c === 60 /* < */) {
        TAG.lastIndex = i
        const t = TAG.exec(original)
        if (t) {
          // A tag becomes one space so "<b>great</b>school" does not fuse words.
          out.push(' ')
          s.push(i)
          e.push(i + t[0].length)
          i += t[0].length
          continue
        }
      } else if (c === 38 /* & */) {
        ENTITY.lastIndex = i
        const t = ENTITY.exec(original)
        const dec = t ? decodeEntity(t[1]) : undefined
        if (t && dec !== undefined) {
          const f = foldCodePoint(dec, dec.codePointAt(0) ?? 0)
          for (let k = 0; k < f.length; k++) {
            out.push(f[k])
            s.push(i)
            e.push(i + t[0].length)
          }
          i += t[0].length
          continue
        }
      }
      if (c < 128) {
        out.push(original[i])
        s.push(i)
        e.push(i + 1)
        i++
        continue
      }
      const cp = original.codePointAt(i) ?? c
      const width = cp > 0xffff ? 2 : 1
      const ch = original.slice(i, i + width)
      const f = foldCodePoint(ch, cp)
      for (let k = 0; k < f.length; k++) {
        out.push(f[k])
        s.push(i)
        e.push(i + width)
      }
      i += width
    }
    cased = out.join('')
    starts = Int32Array.from(s)
    ends = Int32Array.from(e)
  }
  let lower = cased.toLowerCase()
  if (lower.length !== cased.length) {
    let l = ''
    for (let k = 0; k < cased.length; k++) l += lowerUnit(cased[k])
    lower = l
  }
  const d = buildDeob(lower)
  return new FoldedText(original.length, cased, lower, d.deob, starts, ends, d.map, d.endMap)
}

// A class rather than an object of closures: fold runs once per mention, and methods on a class
// cost nothing to create.
class FoldedText implements Folded {
  constructor(
    private readonly originalLength: number,
    readonly cased: string,
    readonly lower: string,
    readonly deob: string,
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
    private readonly map: Int32Array | null,
    private readonly endMap: Int32Array | null,
  ) {}

  span(a: number, b: number): [number, number] {
    const { starts, ends } = this
    if (b <= a) b = a + 1
    if (!starts || !ends) return [a, Math.min(b, this.originalLength)]
    const last = starts.length - 1
    if (last < 0) return [0, 0]
    const sa = starts[Math.min(Math.max(a, 0), last)]
    const eb = ends[Math.min(Math.max(b - 1, 0), last)]
    return [sa, Math.max(sa, eb)]
  }

  deobSpan(a: number, b: number): [number, number] {
    const { map, endMap } = this
    if (!map || !endMap) return this.span(a, b)
    const last = map.length - 1
    if (last < 0) return [0, 0]
    if (b <= a) b = a + 1
    return this.span(map[Math.min(a, last)], endMap[Math.min(b - 1, last)])
  }
}
