// Runs in: main process / CLI (Node). Shared plumbing for detectors: rules as data, spans mapped back.
import type { Folded } from '../normalize'
import type { EvidenceSpan, PolicyFlag, SchoolContext } from '../types'
import { type Gate, gateOf, mayMatch, newIndex } from './prefilter'

export type View = 'lower' | 'deob' | 'cased'

export interface Rule {
  id: string
  /** Must be global (`g`): every occurrence becomes a highlightable span. */
  re: RegExp
  view?: View
  explain: string
  /** Idioms and look-alikes: if this matches the hit's sentence, the hit is dropped. */
  unless?: RegExp
  /** Co-occurrence: the hit counts only if this also matches somewhere in the same view. */
  needs?: RegExp
  /**
   * A cheap test the view must pass before the rule runs at all (non-global): for rules whose
   * literals the prefilter cannot derive, e.g. masked spellings or emoji, so they cost one quick
   * scan on the many texts that hold no candidate.
   */
  pre?: RegExp
}

export interface DetectorInput {
  text: string
  f: Folded
  school?: SchoolContext
  source?: string
}

export interface Detection {
  flag: PolicyFlag
  start: number
  end: number
  rule: string
  explanation: string
}

export function viewOf(f: Folded, v: View): string {
  return v === 'deob' ? f.deob : v === 'cased' ? f.cased : f.lower
}

// '.', '!', '?' and newline end a sentence; a char-code test, not a regex per character.
const isStop = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 10

/** The sentence around [start, end) in `s`: idiom checks look at the sentence, not the text. */
export function sentenceAround(s: string, start: number, end: number): string {
  let a = start
  let b = end
  let n = 0
  while (a > 0 && n < 300 && !isStop(s.charCodeAt(a - 1))) {
    a--
    n++
  }
  n = 0
  while (b < s.length && n < 300 && !isStop(s.charCodeAt(b))) {
    b++
    n++
  }
  return s.slice(a, b)
}

const MAX_HITS_PER_RULE = 20

// Each rule's literal gate (see prefilter.ts), derived once per regex, and one index per view so
// a text is scanned once however many rules read it.
type Gates = { re: RegExp; gate: Gate | null }[]
const gates = new WeakMap<readonly Rule[], Gates>()
const indexes = { lower: newIndex(), deob: newIndex(), cased: newIndex() }
// Called per rule per text: under the CommonJS transform the CLI runs with (tsx), an imported
// function is a getter call on every use; a module-local reference is not.
const passes = mayMatch

/** The list's gates, all made before any is used: each new gate rebuilds the shared automaton. */
function gatesOf(rules: readonly Rule[]): Gates {
  let gs = gates.get(rules)
  if (!gs) gates.set(rules, (gs = []))
  for (let ri = 0; ri < rules.length; ri++) {
    const g = gs[ri]
    if (!g || g.re !== rules[ri].re) gs[ri] = { re: rules[ri].re, gate: gateOf(rules[ri].re) }
  }
  return gs
}

// Gates of the regexes detectors run themselves rather than as rules: same literals, same scan.
const regexGates = new WeakMap<RegExp, { gate: Gate | null }>()

/** False only when `re` certainly cannot match the input's `view` (see prefilter.ts). */
export function mayMatchView(input: DetectorInput, view: View, re: RegExp): boolean {
  return mayMatchFolded(input.f, view, re)
}

/**
 * `mayMatchView` for a folded text. `minLength` as in requiredLiterals, fixed by the first call
 * for a regex: below the rules' default only for a regex that runs on every text whatever the
 * gate, where even a weak gate saves its run.
 */
export function mayMatchFolded(f: Folded, view: View, re: RegExp, minLength?: number): boolean {
  let g = regexGates.get(re)
  if (!g) regexGates.set(re, (g = { gate: gateOf(re, minLength) }))
  const s = viewOf(f, view)
  const ix = view === 'deob' && s === f.lower ? indexes.lower : indexes[view]
  return passes(ix, s, g.gate)
}

export function runRules(
  input: DetectorInput,
  flag: PolicyFlag,
  rules: readonly Rule[],
  out: Detection[],
): boolean {
  let any = false
  let gs = gates.get(rules)
  if (!gs || gs.length !== rules.length) gs = gatesOf(rules)
  for (let ri = 0; ri < rules.length; ri++) {
    const r = rules[ri]
    // Rule lists are built at load, but a gate is only trusted for the regex it was made from.
    if (gs[ri].re !== r.re) gs = gatesOf(rules)
    const g = gs[ri]
    const view = r.view ?? 'lower'
    const s = viewOf(input.f, view)
    // deob is usually lower itself: one index serves both.
    const ix = view === 'deob' && s === input.f.lower ? indexes.lower : indexes[view]
    if (!passes(ix, s, g.gate)) continue
    if (r.pre && !r.pre.test(s)) continue
    r.re.lastIndex = 0
    let m: RegExpExecArray | null
    let hits = 0
    while ((m = r.re.exec(s)) !== null) {
      if (m[0].length === 0) {
        r.re.lastIndex++
        continue
      }
      const a = m.index
      const b = m.index + m[0].length
      if (r.unless && r.unless.test(sentenceAround(s, a, b))) continue
      if (r.needs && !r.needs.test(s)) break
      const [start, end] = view === 'deob' ? input.f.deobSpan(a, b) : input.f.span(a, b)
      out.push({ flag, start, end, rule: r.id, explanation: r.explain })
      any = true
      if (++hits >= MAX_HITS_PER_RULE) break
    }
  }
  return any
}

export function toEvidence(d: Detection): EvidenceSpan {
  return { start: d.start, end: d.end, signal: d.flag, rule: d.rule, explanation: d.explanation }
}

/** Words that point at a person (so an insult or a swear word is aimed at someone). */
export const PERSON =
  "(?:you|u|ya|she|he|her|him|they|them|ur|your|yourself|head|headteacher|head teacher|teacher|teachers|staff|senco|deputy|governors?|slt|leadership|office|receptionist|lady|woman|man|bloke|mr|mrs|ms|miss|dr|sir|caretaker|dinner lady|ta|bunch|lot|people|parents?|mum|dad|kid|child|she's|he's|they're|you're|ur)"
