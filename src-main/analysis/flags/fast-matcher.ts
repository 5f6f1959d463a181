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

  return (input) => {
    const [toOrig, transformed] = internals.applyTransformers(
      input,
      internals.blacklistMatcherTransformers,
    )
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
