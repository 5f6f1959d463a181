// Runs in: main process / CLI (Node). The names people actually write for a school, from its official name.
//
// Nobody writes "St Aldhelm's C of E Primary School" on Facebook: they write "St Aldhelms",
// "Saint Aldhelm's CE Primary", "St Aldhelm's Academy" (after conversion). We parse the official
// name into core ("St Aldhelm's"), designation ("C of E") and type ("Primary School") and
// recombine the variants of each. Spelling-only variants (St./St, Aldhelms/Aldhelm's, &/and,
// case) are not listed: the tokenizer folds them, so one alias covers them all.

import { foldKey, tokenize } from './normalise'

export interface ParsedName {
  /** Words before the designation and type, as written ("St Aldhelm's"), without a leading "The". */
  core: string
  /** Folded core words. */
  coreWords: string[]
  /** Saint prefix as folded ("st", "saint", "ss"…), or null. */
  saintPrefix: string | null
  /** Words after the saint prefix, as written ("Aldhelm's"). */
  saintName: string | null
  /** Index into DESIGNATIONS, or -1. */
  designation: number
  /** Folded type words ("primary", "school"). */
  typeWords: string[]
  /** The type as written ("Primary School"). */
  type: string
}

/** Church designations: every folded spelling, then the display variants we generate. */
export const DESIGNATIONS: { keys: string[]; variants: string[] }[] = [
  {
    keys: ['c of e', 'cofe', 'ce', 'c e', 'church of england', 'c of e va', 'c of e vc'],
    variants: ['C of E', 'CE', 'CofE', 'Church of England'],
  },
  {
    keys: ['rc', 'r c', 'roman catholic', 'catholic'],
    variants: ['Catholic', 'RC', 'Roman Catholic'],
  },
  { keys: ['methodist'], variants: ['Methodist'] },
  { keys: ['church in wales', 'ciw'], variants: ['Church in Wales'] },
  // Status words say nothing people write; they are parsed so they do not end up in the core.
  { keys: ['va', 'vc', 'voluntary aided', 'voluntary controlled'], variants: [] },
]

/** Words that name the kind of school rather than the school. */
export const TYPE_WORDS = new Set([
  'school', 'schools', 'academy', 'primary', 'junior', 'juniors', 'infant', 'infants', 'nursery',
  'first', 'middle', 'high', 'secondary', 'grammar', 'college', 'community', 'free', 'federation',
  'church', 'foundation', 'village', 'county',
]) // prettier-ignore

// "church", "village" and "county" are type words only after the core ("St Mary's Church School");
// a core is never reduced to nothing, so "Church Hill Primary" keeps "Church Hill".
const SAINT_PREFIXES = new Set(['st', 'saint', 'ss', 'sts', 'saints'])
const MAX_DESIGNATION_WORDS = 4

function designationEndingAt(
  words: string[],
  end: number,
): { index: number; length: number } | null {
  for (let len = Math.min(MAX_DESIGNATION_WORDS, end); len >= 1; len--) {
    const key = words.slice(end - len, end).join(' ')
    const index = DESIGNATIONS.findIndex((d) => d.keys.includes(key))
    if (index >= 0) return { index, length: len }
  }
  return null
}

/** Split a school name (or an alias) into core, designation and type. */
export function parseName(name: string): ParsedName {
  const { words, starts, ends } = tokenize(name)
  let end = words.length
  let designation = -1
  let typeStart = end
  let typeEnd = -1 // end of the first run of type words seen from the end
  // Scan from the end: type words and designations, in any order ("CE (VA) Primary School").
  while (end > 1) {
    const d = designationEndingAt(words, end)
    if (d && end - d.length >= 1) {
      if (DESIGNATIONS[d.index].variants.length > 0) designation = d.index
      end -= d.length
    } else if (TYPE_WORDS.has(words[end - 1])) {
      if (typeEnd < 0) typeEnd = end
      end -= 1
      typeStart = end
    } else if (words[end - 1] === 'and' && typeStart === end && TYPE_WORDS.has(words[end - 2])) {
      end -= 1 // "Junior and Infant School"
    } else break
  }
  const begin = words[0] === 'the' && end > 1 ? 1 : 0
  const slice = (a: number, b: number) => (a < b ? name.slice(starts[a], ends[b - 1]) : '')
  const coreWords = words.slice(begin, end)
  const saint = coreWords.length > 1 && SAINT_PREFIXES.has(coreWords[0])
  const typeWords = typeEnd < 0 ? [] : words.slice(typeStart, typeEnd)
  return {
    core: slice(begin, end),
    coreWords,
    saintPrefix: saint ? coreWords[0] : null,
    saintName: saint ? slice(begin + 1, end) : null,
    designation,
    typeWords,
    type: typeEnd < 0 ? '' : slice(typeStart, typeEnd),
  }
}

/** Type suffix variants for a parsed type: what people swap "Primary School" for. */
function typeVariants(typeWords: string[], asWritten: string): string[] {
  const has = (...w: string[]) => w.some((x) => typeWords.includes(x))
  const out: string[] = []
  if (asWritten) out.push(asWritten)
  if (has('junior', 'juniors') && has('infant', 'infants')) {
    out.push('Junior and Infant', 'Junior and Infant School', 'Primary', 'Primary School')
  } else if (has('junior', 'juniors')) {
    out.push('Junior', 'Juniors', 'Junior School', 'Junior Academy')
  } else if (has('infant', 'infants')) {
    out.push('Infant', 'Infants', 'Infant School', 'Infants School', 'Infant Academy')
  } else if (has('primary')) {
    out.push('Primary', 'Primary School', 'Primary Academy')
  } else if (has('nursery')) {
    out.push('Nursery', 'Nursery School')
  } else if (has('first')) {
    out.push('First School')
  } else if (has('high')) {
    out.push('High', 'High School')
  }
  // Converted or converting schools get called "Academy"; every school gets called "School".
  out.push('School', 'Academy')
  return out
}

/** Core variants: "St X" and "Saint X" (and "Saints X" for "Ss X"); "The X" and "X". */
function coreVariants(p: ParsedName, name: string): string[] {
  if (p.saintPrefix && p.saintName) {
    const plural = p.saintPrefix === 'ss' || p.saintPrefix === 'sts' || p.saintPrefix === 'saints'
    return plural
      ? [`Ss ${p.saintName}`, `Saints ${p.saintName}`, `St ${p.saintName}`]
      : [`St ${p.saintName}`, `Saint ${p.saintName}`]
  }
  const out = [p.core]
  if (foldKey(name).startsWith('the ')) out.push(`The ${p.core}`)
  return out
}

/**
 * Aliases for a school profile: the official name, generated variants, then the user's own
 * aliases. Unique by folded form (first spelling wins), so the list is what the matcher searches.
 */
export function generateAliases(profile: { name: string; aliases?: string[] }): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  const add = (alias: string) => {
    const clean = alias.replace(/\s+/g, ' ').trim()
    const key = foldKey(clean)
    if (!key || seen.has(key)) return
    seen.add(key)
    out.push(clean)
  }
  add(profile.name)
  const p = parseName(profile.name)
  if (p.coreWords.length > 0) {
    const designations = p.designation >= 0 ? ['', ...DESIGNATIONS[p.designation].variants] : ['']
    const suffixes = ['', ...typeVariants(p.typeWords, p.type)]
    for (const core of coreVariants(p, profile.name)) {
      for (const d of designations) {
        for (const s of suffixes) {
          // A designation alone after the core ("St Mary's Church of England") is not how
          // people write it; with a type it is ("St Mary's CE Primary").
          if (d && !s) continue
          // "The Oakwood" on its own reads as a place, "The Oakwood School" as the school.
          if (!s && core.startsWith('The ')) continue
          add([core, d, s].filter(Boolean).join(' '))
        }
      }
    }
  }
  for (const a of profile.aliases ?? []) add(a)
  return out
}
