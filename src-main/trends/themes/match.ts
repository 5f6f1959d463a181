// Runs in: main process and CLI (Node), pure. Words to stems, and which seed themes a text is about.
// The stemmer is deliberately light (plural, -ing, -ed, -ly): school talk is short and informal, and a
// heavy stemmer joins words that mean different things here ("staff"/"staffing" are kept together by
// the vocabulary instead).
import { SEED_THEMES } from './vocabulary'

export interface Token {
  /** As written, lower case: what the screens show as a theme's term. */
  word: string
  stem: string
  /** Written all in capitals (acronyms such as SEND, SATs). */
  caps: boolean
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu

export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '')
  if (w.length <= 3) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (/(ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1)
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3)
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2)
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2)
  // "bullying" -> "bully", "parked" -> "park", "stopped" -> "stop"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll|ff|zz)$/.test(w)) w = w.slice(0, -1)
  return w
}

export function tokens(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(WORD)) {
    const raw = m[0]
    out.push({
      word: raw.toLowerCase(),
      stem: stem(raw),
      caps: raw.length > 1 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw),
    })
  }
  return out
}

interface Pattern {
  theme: string
  /** Stems of the words, in order; the last may be a prefix. */
  stems: string[]
  prefix: boolean
  caps: boolean
}

function compile(): { byFirst: Map<string, Pattern[]>; prefixes: Pattern[] } {
  const byFirst = new Map<string, Pattern[]>()
  const prefixes: Pattern[] = []
  for (const t of SEED_THEMES) {
    for (const term of t.terms) {
      const caps = term.startsWith('=')
      const prefix = term.endsWith('*')
      const words = term.replace(/^=|\*$/g, '').split(/\s+/)
      const stems = words.map((w, i) =>
        prefix && i === words.length - 1 ? w.toLowerCase() : caps ? w.toLowerCase() : stem(w),
      )
      const p: Pattern = { theme: t.key, stems, prefix, caps }
      if (prefix && stems.length === 1) prefixes.push(p)
      else byFirst.set(stems[0], [...(byFirst.get(stems[0]) ?? []), p])
    }
  }
  return { byFirst, prefixes }
}
const COMPILED = compile()

function matchesAt(p: Pattern, toks: Token[], i: number): boolean {
  if (i + p.stems.length > toks.length) return false
  for (let k = 0; k < p.stems.length; k++) {
    const t = toks[i + k]
    const last = k === p.stems.length - 1
    if (p.caps && !t.caps) return false
    if (
      p.caps
        ? t.word !== p.stems[k]
        : last && p.prefix
          ? !t.word.startsWith(p.stems[k])
          : t.stem !== p.stems[k]
    )
      return false
  }
  return true
}

/** The seed themes of a text, each with the words that matched (as written, most frequent first). */
export function seedThemesOf(text: string): Map<string, string[]> {
  const toks = tokens(text)
  const found = new Map<string, Map<string, number>>()
  const add = (theme: string, words: string) => {
    const terms = found.get(theme) ?? new Map<string, number>()
    terms.set(words, (terms.get(words) ?? 0) + 1)
    found.set(theme, terms)
  }
  for (let i = 0; i < toks.length; i++) {
    const key = toks[i].caps ? toks[i].word : toks[i].stem
    for (const p of COMPILED.byFirst.get(key) ?? COMPILED.byFirst.get(toks[i].stem) ?? []) {
      if (matchesAt(p, toks, i))
        add(
          p.theme,
          toks
            .slice(i, i + p.stems.length)
            .map((t) => t.word)
            .join(' '),
        )
    }
    for (const p of COMPILED.prefixes) if (matchesAt(p, toks, i)) add(p.theme, toks[i].word)
  }
  const out = new Map<string, string[]>()
  for (const [theme, terms] of found)
    out.set(
      theme,
      [...terms.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w),
    )
  return out
}
