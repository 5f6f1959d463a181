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
export function fastTransform(set: unknown, fallback: Transform): Transform {
  const ts = set as Partial<TransformerSetInternals>
  const list = ts.transformers
  const stateful = ts.statefulTransformers
  if (!Array.isArray(list) || !Array.isArray(stateful) || typeof ts.resetAll !== 'function')
    return fallback
  const fns: CharTransform[] = []
  for (let i = 0; i < list.length; i++) {
    const t = list[i]
    const st = stateful[i]
    if (t?.type === 0 && typeof t.transform === 'function') fns.push(t.transform as CharTransform)
    else if (t?.type === 1 && st && typeof st.transform === 'function')
      fns.push((st.transform as CharTransform).bind(st))
    else return fallback
  }
  let simple = 0
  while (simple < list.length && list[simple].type === 0) simple++
  // Code point -> result of the simple prefix; -1 when a transformer dropped the character.
  const cache = new Map<number, number>()
  const internals = ts as TransformerSetInternals
  return (input) => {
    const toOrig: number[] = []
    let transformed = ''
    const n = input.length
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
      let t: number | undefined = cache.get(c)
      if (t === undefined) {
        t = c
        for (let k = 0; k < simple && t !== undefined; k++) t = fns[k](t)
        if (cache.size < MAX_CACHED_CHARS) cache.set(c, t ?? -1)
      } else if (t === -1) t = undefined
      for (let k = simple; k < fns.length && t !== undefined; k++) t = fns[k](t)
      if (t !== undefined) {
        transformed += String.fromCodePoint(t)
        while (toOrig.length < transformed.length) toOrig.push(pos)
      }
    }
    internals.resetAll()
    return [toOrig, transformed]
  }
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

/**
 * A drop-in for `matcher.getAllMatches(input, true)`. Falls back to obscenity itself if its
 * internals ever change shape (a dependency upgrade), so the results never differ.
 */
export function fastAllMatches(matcher: RegExpMatcher, terms: BlacklistedTerm[]): AllMatches {
  const m = matcher as unknown as Partial<MatcherInternals>
  const patterns = new Map(terms.map((t) => [t.id, t.pattern]))
  if (
    !Array.isArray(m.blacklistedTerms) ||
    typeof m.getWhitelistedIntervals !== 'function' ||
    typeof m.applyTransformers !== 'function' ||
    m.blacklistedTerms.some((t) => !(t.regExp instanceof RegExp) || !patterns.has(t.id))
  )
    return (input) => matcher.getAllMatches(input, true)
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

  return (input) => {
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
}

// Long texts are read in overlapping windows. The gate and obscenity's patterns backtrack on long
// runs of separated letters ("a a a a …"), at a cost in the square of the run's length: 40,000
// such characters took over a second, a megabyte would take minutes. Windows keep it linear; the
// overlap is longer than any term, so a word across a window edge is still found, once.
const WINDOW = 4000
const OVERLAP = 200

/** `all` over `s` (only where `gate` passes), in windows when `s` is long; offsets are `s`'s. */
export function windowedMatches(gate: (s: string) => boolean, all: AllMatches): AllMatches {
  return (s) => {
    if (s.length <= WINDOW) return gate(s) ? all(s) : []
    const out: MatchPayload[] = []
    const seen = new Set<string>()
    for (let from = 0; from < s.length; from += WINDOW - OVERLAP) {
      const part = s.slice(from, from + WINDOW)
      if (gate(part))
        for (const m of all(part)) {
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
// (letters de-duplicated on both sides, as obscenity's own collapse step does) decides first
// whether the matcher needs to run at all. It may say yes too often, never no.

/** A pattern as regex tokens; each letter may repeat, as duplicate-collapsing allows ("fuuuck"). */
function nodeTokens(n: PatternNode): string[] {
  if (n.kind === SyntaxKind.Literal) {
    const lit = String.fromCharCode(...n.chars).replace(/(.)\1+/g, '$1')
    return [...lit].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/([a-z])/, '$1+'))
  }
  if (n.kind === SyntaxKind.Optional) return [`(?:${nodeTokens(n.childNode).join('')})?`]
  return ['.']
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
 * same strings and tries far fewer. Only `.test` is used, so which alternative wins is moot, and
 * a pattern that is a prefix of another makes the longer one redundant.
 */
export function profanityGate(terms: BlacklistedTerm[]): RegExp {
  const root: Trie = { end: false, next: new Map() }
  for (const { pattern: p } of terms) {
    const toks = [
      ...(p.requireWordBoundaryAtStart ? ['\\b'] : []),
      ...p.nodes.flatMap(nodeTokens),
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
  return new RegExp(trieToRe(root))
}
