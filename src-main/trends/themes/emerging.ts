// Runs in: main process and CLI (Node), pure. Emerging themes: words and pairs of words that many of
// the period's mentions share, that no seed theme covers, and that are clearly more common now than in
// the period before (so "the", the school's own name or a town does not become a "theme").
import { tokens } from './match'
import { EMERGING_PREFIX } from './vocabulary'

export interface SampleDoc {
  text: string
  sentiment: string
}

export interface EmergingTheme {
  key: string
  label: string
  /** Indexes into the current sample of the documents that mention it. */
  docs: number[]
  terms: string[]
}

// Common English and school-talk words that carry no topic of their own.
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves get got go going went one two really think know like see
  still even much many every lot lots new good great bad well back time year day week today yesterday
  school schools child children kid kids son daughter parent parents mum dad people someone anyone
  thing things way said says say told just dont don't cant can't im i'm it's its thats that's us let
  make made need needs want wanted thank thanks please would've could've yes yeah ok okay`.split(
    /\s+/,
  ),
)

const MIN_DOCS = 3

function keysOf(text: string, exclude: Set<string>): Map<string, string> {
  // key (stem or "stem stem") -> surface form as written
  const out = new Map<string, string>()
  const toks = tokens(text).filter((t) => t.word.length >= 3 && !/^\d+$/.test(t.word))
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    const skip = STOP.has(t.word) || exclude.has(t.stem)
    if (!skip && t.word.length >= 4 && !out.has(t.stem)) out.set(t.stem, t.word)
    const n = toks[i + 1]
    if (!n || skip || STOP.has(n.word) || exclude.has(n.stem)) continue
    const k = `${t.stem} ${n.stem}`
    if (!out.has(k)) out.set(k, `${t.word} ${n.word}`)
  }
  return out
}

/**
 * Up to `limit` emerging themes in `current` (mentions no seed theme covers), compared with `previous`
 * (the period before; read only when there are candidates). `exclude`: words that say nothing (the school's names, its town), as stems.
 */
export function emergingThemes(
  current: readonly SampleDoc[],
  previous: () => readonly string[],
  exclude: Set<string>,
  limit = 5,
): EmergingTheme[] {
  if (current.length < MIN_DOCS) return []
  const docsOf = new Map<string, number[]>()
  const surface = new Map<string, Map<string, number>>()
  current.forEach((d, i) => {
    for (const [k, word] of keysOf(d.text, exclude)) {
      const list = docsOf.get(k)
      if (list) list.push(i)
      else docsOf.set(k, [i])
      const s = surface.get(k) ?? new Map<string, number>()
      s.set(word, (s.get(word) ?? 0) + 1)
      surface.set(k, s)
    }
  })
  const floor = Math.max(MIN_DOCS, Math.ceil(current.length * 0.02))
  const candidates = [...docsOf].filter(([, docs]) => docs.length >= floor)
  if (!candidates.length) return []
  // The period before is only searched for the candidates' own words (a plain substring test of
  // their commonest spellings: far cheaper than tokenising it, and close enough for a ratio).
  const earlier = previous().map((t) => t.toLowerCase())
  const before = new Map<string, number>()
  for (const [k] of candidates) {
    const forms = [...surface.get(k)!]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([w]) => w)
    before.set(k, earlier.filter((t) => forms.some((w) => t.includes(w))).length)
  }

  const scored = candidates
    .map(([k, docs]) => {
      const rateNow = docs.length / current.length
      // Laplace smoothing: a word never seen before is "new", not infinitely distinctive.
      const rateBefore = ((before.get(k) ?? 0) + 1) / (earlier.length + 2)
      return {
        k,
        docs,
        lift: rateNow / rateBefore,
        score: docs.length * Math.log2(1 + rateNow / rateBefore),
      }
    })
    .filter((c) => c.lift >= 2)
    .sort((a, b) => b.score - a.score || b.docs.length - a.docs.length)

  const out: EmergingTheme[] = []
  const chosen: { parts: string[]; docs: number[] }[] = []
  for (const c of scored) {
    // A pair and its own words tell the same story: keep the first (best scored) of them.
    const parts = c.k.split(' ')
    if (chosen.some((o) => o.parts.some((w) => parts.includes(w)) && sameDocs(o.docs, c.docs)))
      continue
    chosen.push({ parts, docs: c.docs })
    const forms = [...surface.get(c.k)!].sort((a, b) => b[1] - a[1]).map(([w]) => w)
    out.push({
      key: `${EMERGING_PREFIX}${forms[0]}`,
      label: capitalise(forms[0]),
      docs: c.docs,
      terms: forms.slice(0, 5),
    })
    if (out.length >= limit) break
  }
  return out
}

function sameDocs(a: number[], b: number[]): boolean {
  const s = new Set(a)
  const shared = b.filter((x) => s.has(x)).length
  return shared >= 0.6 * Math.min(a.length, b.length)
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
