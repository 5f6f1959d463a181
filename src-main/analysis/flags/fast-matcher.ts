// Runs in: main process / CLI (Node). obscenity's RegExpMatcher.getAllMatches, same output, faster.
//
// obscenity runs each of its ~180 term regexes through `String.prototype.matchAll`, which clones
// the regex every time, and builds the whitelist intervals even when nothing matched. Here each
// term is first checked for its longest mandatory literal with `indexOf` (a match of the term's
// regex always contains it), the regex runs only when that literal is present, and the whitelist
// is read only when there is a match to filter. The matching itself is obscenity's: same
// transformers, same compiled regexes, same whitelist, same sort.
import {
  type BlacklistedTerm,
  type MatchPayload,
  type Node as PatternNode,
  type RegExpMatcher,
  SyntaxKind,
  compareMatchByPositionAndId,
} from 'obscenity'

/** What getAllMatches uses of obscenity 0.4.x's RegExpMatcher (private in its typings). */
interface MatcherInternals {
  blacklistedTerms: { id: number; regExp: RegExp }[]
  blacklistMatcherTransformers: unknown
  getWhitelistedIntervals(input: string): { query(lower: number, upper: number): boolean }
  applyTransformers(input: string, transformers: unknown): [number[], string]
}

/** What the transform step uses of obscenity 0.4.x's TransformerSet (private in its typings). */
interface TransformerSetInternals {
  transformers: { type: number; transform?: unknown }[]
  statefulTransformers: ({ transform?: unknown } | undefined)[]
  resetAll(): void
}

type CharTransform = (c: number) => number | undefined
type Transform = (input: string) => [number[], string]
/**
 * A transform that can also stop short: `simple(input)` is the text after the stateless steps
 * only (look-alikes, leetspeak, case), before repeats are collapsed, and without offsets.
 */
export type TextTransform = Transform & { simple(input: string): string }

// Bounds the per-code-point cache below, whatever scripts the texts are written in.
const MAX_CACHED_CHARS = 50_000

/**
 * obscenity's `applyTransformers(input, set)`, same output, several times faster: obscenity walks
 * the text with an iterator object and calls every transformer per character. Its leading
 * stateless ("simple") transformers (confusables, leetspeak, lower case) are pure functions of
 * the code point, so their combined result is cached per code point; the rest (duplicate
 * collapsing, stateful) run as obscenity runs them, on the set's own instances. Falls back to
 * obscenity when the set's shape is not the one known.
 */
export function fastTransform(set: unknown, fallback: Transform): TextTransform {
  // Collapsed text is a fine stand-in for `simple`: the gate reading it allows any repeats.
  const slow = Object.assign((input: string) => fallback(input), {
    simple: (input: string) => fallback(input)[1],
  })
  const ts = set as Partial<TransformerSetInternals>
  const list = ts.transformers
  const stateful = ts.statefulTransformers
  if (!Array.isArray(list) || !Array.isArray(stateful) || typeof ts.resetAll !== 'function')
    return slow
  const fns: CharTransform[] = []
  for (let i = 0; i < list.length; i++) {
    const t = list[i]
    const st = stateful[i]
    if (t?.type === 0 && typeof t.transform === 'function') fns.push(t.transform as CharTransform)
    else if (t?.type === 1 && st && typeof st.transform === 'function')
      fns.push((st.transform as CharTransform).bind(st))
    else return slow
  }
  let simple = 0
  while (simple < list.length && list[simple].type === 0) simple++
  // Code point -> result of the simple prefix; -1 when a transformer dropped the character. ASCII
  // (almost every character read) in a table, the rest in a map.
  const simpleOf = (c: number): number => {
    let t: number | undefined = c
    for (let k = 0; k < simple && t !== undefined; k++) t = fns[k](t)
    return t ?? -1
  }
  const ascii = new Int32Array(128).fill(-2)
  const cache = new Map<number, number>()
  const internals = ts as TransformerSetInternals
  // The transformed text's UTF-16 units, reused from call to call and turned into a string once.
  let units = new Uint16Array(1024)
  /**
   * Transforms `input`; records each unit's source offset in `toOrig` unless it is null, and
   * runs the stateful steps only when `all`.
   */
  const run = (input: string, toOrig: number[] | null, all: boolean): string => {
    const n = input.length
    if (!all && unchangedBySimple(input)) return input
    if (units.length < 2 * n) units = new Uint16Array(2 * n)
    let len = 0
    for (let i = 0; i < n;) {
      // The code point at i, as obscenity's CharacterIterator reads it.
      const pos = i
      let c = input.charCodeAt(i++)
      if (c >= 0xd800 && c <= 0xdbff && i < n) {
        const lo = input.charCodeAt(i)
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          c = (c - 0xd800) * 0x400 + lo - 0xdc00 + 0x10000
          i++
        }
      }
      let t: number
      if (c < 128) {
        t = ascii[c]
        if (t === -2) t = ascii[c] = simpleOf(c)
      } else {
        const got = cache.get(c)
        if (got === undefined) {
          t = simpleOf(c)
          if (cache.size < MAX_CACHED_CHARS) cache.set(c, t)
        } else t = got
      }
      let u: number | undefined = t === -1 ? undefined : t
      if (all) for (let k = simple; k < fns.length && u !== undefined; k++) u = fns[k](u)
      if (u === undefined) continue
      if (u > 0xffff) {
        units[len++] = 0xd800 + ((u - 0x10000) >> 10)
        units[len++] = 0xdc00 + ((u - 0x10000) & 0x3ff)
        toOrig?.push(pos, pos)
      } else {
        units[len++] = u
        toOrig?.push(pos)
      }
    }
    if (all) internals.resetAll()
    return unitsToString(units, len)
  }
  /** True when the stateless steps leave `input` as it is (plain lower-case ASCII words). */
  const unchangedBySimple = (input: string): boolean => {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i)
      if (c >= 128) return false
      let t = ascii[c]
      if (t === -2) t = ascii[c] = simpleOf(c)
      if (t !== c) return false
    }
    return true
  }
  return Object.assign(
    (input: string): [number[], string] => {
      const toOrig: number[] = []
      return [toOrig, run(input, toOrig, true)]
    },
    { simple: (input: string) => run(input, null, false) },
  )
}

/** The first `len` units of `units` as a string (in chunks: `apply` has an argument limit). */
function unitsToString(units: Uint16Array, len: number): string {
  if (len <= 8192) return String.fromCharCode.apply(null, units.subarray(0, len) as never)
  let out = ''
  for (let i = 0; i < len; i += 8192)
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + 8192)) as never)
  return out
}

interface FastTerm {
  id: number
  regExp: RegExp
  /** A substring every match of `regExp` contains ('' when the pattern has no literal). */
  literal: string
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

export type AllMatches = (input: string) => MatchPayload[]
/** `AllMatches` with its gate: `mayMatch` is false only when no term can match `input`. */
export type GatedMatches = AllMatches & { mayMatch(input: string): boolean }

/**
 * A drop-in for `matcher.getAllMatches(input, true)`. Falls back to obscenity itself if its
 * internals ever change shape (a dependency upgrade), so the results never differ. The gate (see
 * `profanityGate`) reads the transformed text first, and the terms are tried only when it passes.
 */
export function fastAllMatches(matcher: RegExpMatcher, terms: BlacklistedTerm[]): GatedMatches {
  const m = matcher as unknown as Partial<MatcherInternals>
  const patterns = new Map(terms.map((t) => [t.id, t.pattern]))
  if (
    !Array.isArray(m.blacklistedTerms) ||
    typeof m.getWhitelistedIntervals !== 'function' ||
    typeof m.applyTransformers !== 'function' ||
    m.blacklistedTerms.some((t) => !(t.regExp instanceof RegExp) || !patterns.has(t.id))
  )
    return Object.assign((input: string) => matcher.getAllMatches(input, true), {
      mayMatch: () => true,
    })
  const internals = m as MatcherInternals
  const fast: FastTerm[] = internals.blacklistedTerms.map(({ id, regExp }) => {
    let literal = ''
    for (const n of patterns.get(id)?.nodes ?? []) {
      if (n.kind !== SyntaxKind.Literal) continue
      const s = String.fromCodePoint(...n.chars)
      if (s.length > literal.length) literal = s
    }
    return { id, regExp, literal }
  })

  const transform = fastTransform(internals.blacklistMatcherTransformers, (input) =>
    internals.applyTransformers(input, internals.blacklistMatcherTransformers),
  )
  const gate = profanityGate(terms, keptRepeats(internals))
  // Most texts stop at the gate, which needs neither offsets nor collapsed repeats.
  const mayMatch = (input: string): boolean => gate.test(transform.simple(input))

  const all = (input: string): MatchPayload[] => {
    if (!mayMatch(input)) return []
    const [toOrig, transformed] = transform(input)
    let whitelist: ReturnType<MatcherInternals['getWhitelistedIntervals']> | null = null
    const matches: MatchPayload[] = []
    for (const term of fast) {
      if (term.literal && transformed.indexOf(term.literal) === -1) continue
      const re = term.regExp
      re.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = re.exec(transformed)) !== null) {
        const origStart = toOrig[match.index]
        let origEnd = toOrig[match.index + match[0].length - 1]
        // obscenity's end index is inclusive and takes in a trailing low surrogate.
        if (
          origEnd < input.length - 1 &&
          isHigh(input.charCodeAt(origEnd)) &&
          isLow(input.charCodeAt(origEnd + 1))
        )
          origEnd++
        whitelist ??= internals.getWhitelistedIntervals(input)
        if (!whitelist.query(origStart, origEnd))
          matches.push({
            termId: term.id,
            startIndex: origStart,
            endIndex: origEnd,
            matchLength: [...match[0]].length,
          })
      }
      re.lastIndex = 0
    }
    matches.sort(compareMatchByPositionAndId)
    return matches
  }
  return Object.assign(all, { mayMatch })
}

// Long texts are read in overlapping windows. obscenity's patterns and the gate backtrack on long
// runs of separated letters ("a a a a …"), at a cost in the square of the run's length: 40,000
// such characters took over a second, a megabyte would take minutes. Windows keep it linear; the
// overlap is longer than any term, so a word across a window edge is still found, once.
const WINDOW = 4000
const OVERLAP = 200

/** `all` over `s`, in windows when `s` is long; offsets are `s`'s. */
export function windowedMatches(all: AllMatches): AllMatches {
  return (s) => {
    if (s.length <= WINDOW) return all(s)
    const out: MatchPayload[] = []
    const seen = new Set<string>()
    for (let from = 0; from < s.length; from += WINDOW - OVERLAP) {
      for (const m of all(s.slice(from, from + WINDOW))) {
        const key = `${m.termId}:${m.startIndex + from}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({ ...m, startIndex: m.startIndex + from, endIndex: m.endIndex + from })
      }
      if (from + WINDOW >= s.length) break
    }
    return out.sort(compareMatchByPositionAndId)
  }
}

// The gate: obscenity tries each of its ~180 patterns in turn, which costs more than the rest of
// the analysis together. Most mentions are clean, so one combined regex over the same patterns
// decides first whether the matcher needs to run at all. It reads the text as obscenity's
// transform does (look-alikes, leetspeak, case: `simple`) except that repeats are not collapsed
// yet; collapsing only shortens runs of one character, so each character of a pattern may repeat
// in the gate ("f+u+c+k+" for "fuuuck"), at least as often as the pattern has it in a row and the
// collapse keeps ("a+s{2,}" for `|ass`). So the gate says yes whenever some term matches the
// transformed text, before the whitelist is read, and no otherwise. An earlier gate read the text
// untransformed: it let the word "as" through for `|ass`, most of the texts it passed held no term,
// and it missed "n1663r", which the transform reads as a slur.

/** How many repeats of a character in a row the matcher's transform keeps (1 when unknown). */
export type Kept = (c: string) => number

/** `Kept`, read off the transform's behaviour on a run of four, so it follows obscenity's own. */
function keptRepeats(m: MatcherInternals): Kept {
  const known = new Map<string, number>()
  return (c) => {
    let k = known.get(c)
    if (k === undefined) {
      const t = m.applyTransformers(c.repeat(4), m.blacklistMatcherTransformers)[1]
      known.set(c, (k = t.length > 0 && t === c.repeat(t.length) ? t.length : 1))
    }
    return k
  }
}

/** A pattern as gate tokens: one per run of a character, one per wildcard or optional part. */
function nodeTokens(n: PatternNode, kept: Kept, wild: { n: number }): string[] {
  if (n.kind === SyntaxKind.Literal) {
    const out: string[] = []
    for (const [run, c] of String.fromCodePoint(...n.chars).matchAll(/(.)\1*/gsu)) {
      const k = Math.min([...run].length, kept(c))
      const esc = c.replace(/[[.*+?^${}()|\]\\]/g, '\\$&')
      // The gate has no 'u' flag (nor have obscenity's terms): an astral character is two units.
      out.push(`${c.length > 1 ? `(?:${esc})` : esc}${k > 1 ? `{${k},}` : '+'}`)
    }
    return out
  }
  if (n.kind === SyntaxKind.Optional)
    return [`(?:${nodeTokens(n.childNode, kept, wild).join('')})?`]
  // One transformed character of any kind: before collapsing, a run of one character.
  const g = `w${wild.n++}`
  return [`(?<${g}>.)\\k<${g}>*`]
}

interface Trie {
  end: boolean
  next: Map<string, Trie>
}

function trieToRe(t: Trie): string {
  const alts = [...t.next].map(([tok, child]) => tok + (child.end ? '' : trieToRe(child)))
  return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`
}

/**
 * The gate regex. A flat alternation of every pattern makes the engine try each one at each
 * position; sharing prefixes in a trie ("a+n+a+l+|a+n+u+s+" as "a+n+(?:a+l+|u+s+)") matches the
 * same strings and tries far fewer. Only `.test` is used, so which alternative wins is moot, and a
 * pattern that is a prefix of another makes the longer one redundant.
 */
export function profanityGate(terms: BlacklistedTerm[], kept: Kept): RegExp {
  const root: Trie = { end: false, next: new Map() }
  const wild = { n: 0 }
  for (const { pattern: p } of terms) {
    // A run of one character has the same edges before and after collapsing: `\b` holds as is.
    const toks = [
      ...(p.requireWordBoundaryAtStart ? ['\\b'] : []),
      ...p.nodes.flatMap((n) => nodeTokens(n, kept, wild)),
      ...(p.requireWordBoundaryAtEnd ? ['\\b'] : []),
    ]
    let t = root
    for (const tok of toks) {
      if (t.end) break
      let c = t.next.get(tok)
      if (!c) t.next.set(tok, (c = { end: false, next: new Map() }))
      t = c
    }
    t.end = true
  }
  // 's', as obscenity compiles its terms: a wildcard matches a line break too.
  return new RegExp(trieToRe(root), 's')
}
