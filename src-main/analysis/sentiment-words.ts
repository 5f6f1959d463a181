// Runs in: main process / CLI (Node). The words the sentiment token walk looks up, in one table: each
// word's valence and rule, and whether it negates, boosts, contrasts or opens a concession.
import afinnRaw from 'sentiment/languages/en/labels.json'
import { AFINN_IGNORE, BOOSTERS, CONTRAST, NEGATORS, WORDS } from './lexicon'
import { SpanTable } from './span-table'

// Maps, not object lookups: a token like "constructor" must not find Object.prototype.
const toMap = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o))
const AFINN = toMap(afinnRaw as Record<string, number>)
export const WORD_MAP = toMap(WORDS)
export const BOOSTER_MAP = toMap(BOOSTERS)

/**
 * Each word's value and rule: the school lexicon, else AFINN unless ignored. The token walk reads
 * it through `SENTIMENT_WORDS`; the Map stays as the definition the table is tested against.
 */
export const LEXICON = new Map<string, { v: number; rule: string }>()
for (const [t, af] of AFINN)
  if (!AFINN_IGNORE.has(t)) LEXICON.set(t, { v: af * 0.6, rule: 'sentiment.afinn' })
for (const [t, v] of WORD_MAP) LEXICON.set(t, { v, rule: 'sentiment.lexicon' })

/** Sentence openers that make what follows a concession ("although …, …"). */
export const CONCESSIVE: ReadonlySet<string> = new Set([
  'although',
  'though',
  'while',
  'whilst',
  'despite',
  'even though',
  'aside',
])

/**
 * The walk's view of each word, by entry: `entry(s, a, b)` is the entry of the word s[a, b), 0 for
 * a word the table lacks, whose attributes are all 0. Flags are arrays of their own, read by
 * entry, so the walk reads no imported constant per token (a getter call each under tsx).
 */
export interface SentimentWords {
  entry(s: string, a: number, b: number): number
  contrast: Uint8Array
  negator: Uint8Array
  booster: Uint8Array
  concessive: Uint8Array
  /** LEXICON's value and rule (0 and '' for words it lacks). */
  value: Float64Array
  rule: string[]
  /** WORD_MAP's value (0 when none): what a contrast word adds of its own. */
  contrastValue: Float64Array
  boost: Float64Array
  /** The entries of the words the walk tests by name: "still" contrasts only opening a sentence,
   * "a bit" damps. */
  still: number
  bit: number
  a: number
}

function build(): SentimentWords {
  const names = [
    ...new Set([
      ...LEXICON.keys(),
      ...CONTRAST,
      ...NEGATORS,
      ...BOOSTER_MAP.keys(),
      ...CONCESSIVE,
      'still',
      'bit',
      'a',
    ]),
  ]
  const table = new SpanTable(names)
  const n = names.length + 1
  const has = (set: { has(t: string): boolean }): Uint8Array =>
    Uint8Array.from({ length: n }, (_, e) => (e > 0 && set.has(names[e - 1]) ? 1 : 0))
  const value = new Float64Array(n)
  const rule = Array.from({ length: n }, () => '')
  names.forEach((t, i) => {
    const e = LEXICON.get(t)
    if (e) {
      value[i + 1] = e.v
      rule[i + 1] = e.rule
    }
  })
  const valueIn = (m: Map<string, number>): Float64Array =>
    Float64Array.from({ length: n }, (_, e) => (e > 0 ? (m.get(names[e - 1]) ?? 0) : 0))
  return {
    entry: (s, a, b) => table.find(s, a, b) + 1,
    contrast: has(CONTRAST),
    negator: has(NEGATORS),
    booster: has(BOOSTER_MAP),
    concessive: has(CONCESSIVE),
    value,
    rule,
    contrastValue: valueIn(WORD_MAP),
    boost: valueIn(BOOSTER_MAP),
    still: names.indexOf('still') + 1,
    bit: names.indexOf('bit') + 1,
    a: names.indexOf('a') + 1,
  }
}

export const SENTIMENT_WORDS = build()
