// Runs in: main process / CLI (Node). Decides whether a fetched item is about a school of this install.
//
// All aliases, co-terms and exclusions of all schools go into one word trie, built once per install
// (not per item); an item is tokenized once and walked once, so the cost per item is a Map lookup
// per word. Rules, in order:
//  - an alias occurrence counts only on word boundaries ("St Aldhelm'sville" is not "St Aldhelm's");
//  - an exclusion occurrence overlapping an alias occurrence masks it ("St Mary's Hospital"); an
//    exclusion that overlaps none of the school's aliases vetoes the item for that school;
//  - an ambiguous alias needs a co-term (town, local authority, URN, postcode district) somewhere in
//    title, text or URL, outside the alias occurrence itself;
//  - of what is left, the longest alias wins; ties go to title, then earliest, then lowest school id.

import { generateAliases, parseName } from './aliases'
import { foldKey, tokenize, type Tokens } from './normalise'

export interface MatchProfile {
  id: number
  name: string
  aliases: string[]
  town?: string
  localAuthority?: string
  urn?: string
  postcode?: string
  exclusions: string[]
  /** true: every alias needs a co-term; false: none does; 'auto' (default): ambiguous aliases do. */
  requireCoTerm?: boolean | 'auto'
}

export interface MatchResult {
  schoolId: number
  /** The alias (as listed for the school) that matched. */
  alias: string
  /** The co-term found (as configured, e.g. "Hollinbury", "HB4"), or null when none appears. */
  coTerm: string | null
  /** [start, end) of the matched words in `field` of the item. */
  start: number
  end: number
  field: 'title' | 'text'
  /** The matched words as written in the item. */
  matched: string
}

export interface MatcherOptions {
  /** Default for profiles that do not set requireCoTerm. */
  requireCoTerm?: boolean | 'auto'
  /** Add generateAliases(profile) to the profile's aliases (default true). */
  generateAliases?: boolean
}

export interface MatchItem {
  title?: string | null
  text: string
  url?: string | null
}

export interface Matcher {
  match(item: MatchItem): MatchResult | null
  /** Every alias searched, per school, and whether it needs a co-term: for the settings screen. */
  describe(): { schoolId: number; alias: string; needsCoTerm: boolean }[]
}

const ALIAS = 0
const CO_TERM = 1
const EXCLUSION = 2

interface Hit {
  kind: typeof ALIAS | typeof CO_TERM | typeof EXCLUSION
  school: number // index into schools
  label: string
  needsCoTerm: boolean
  weight: number // folded length: the longer alias is the more specific one
}
interface TrieNode {
  next: Map<string, TrieNode> | null
  hits: Hit[] | null
}
interface Occurrence {
  hit: Hit
  field: number // 0 title, 1 text, 2 url (co-terms only)
  a: number // token range [a, b)
  b: number
}

// Distinctive names made only of these words are shared by many schools ("Park", "Holy Trinity").
const COMMON = new Set(
  `park green hill hills oak oaks wood woods field fields meadow meadows grove valley river lake
  bridge brook castle abbey priory manor church chapel cross orchard garden gardens vale view lane
  road street farm mill moor heath common new old high central north south east west upper lower
  great little city town village rose forest spring springs hall house court gate gates well wells
  bank ridge hope unity victory star rainbow phoenix oasis horizon discovery pioneer endeavour
  trinity holy christ lady sacred heart all saints blessed redeemer emmanuel family spirit good
  shepherd our the of and tree trees elm elms ash beech birch willow willows cedar cedars`.split(
    /\s+/,
  ),
)
// Religious dedications are as ambiguous as saint names: hundreds of "Our Lady of Lourdes".
const DEDICATIONS = ['our lady', 'holy', 'sacred heart', 'christ', 'all saints', 'blessed', 'corpus christi', 'english martyrs', 'good shepherd'] // prettier-ignore
const LA_PREFIX =
  /^(london borough of|royal borough of|city and county of|city of|county of|borough of) /
const LA_SUFFIX =
  / (metropolitan borough|metropolitan district|borough|county|city|district)? ?council$/

function coTermsOf(p: MatchProfile): { label: string; key: string }[] {
  const out: { label: string; key: string }[] = []
  const add = (label: string | undefined, key = foldKey(label ?? '')) => {
    if (label && key && !out.some((c) => c.key === key)) out.push({ label, key })
  }
  add(p.town)
  // Apostrophes fold away, so "Hollinbury's" arrives as one word, "hollinburys": count it too.
  if (p.town) add(p.town, `${foldKey(p.town)}s`)
  if (p.localAuthority) {
    add(p.localAuthority)
    // People write "Westmarch", not "Westmarch Council"; "Camden", not "London Borough of Camden".
    const core = foldKey(p.localAuthority).replace(LA_PREFIX, '').replace(LA_SUFFIX, '')
    if (core) add(p.localAuthority, core)
  }
  add(p.urn)
  const postcode = (p.postcode ?? '').replace(/\s+/g, '').toUpperCase()
  if (postcode.length >= 5) {
    add(postcode.slice(0, -3)) // outward code, the postcode district: "HB4"
    add(postcode.slice(0, -3), postcode.toLowerCase()) // "HB42QT" written without its space
  }
  return out
}

/** Whether an alias is too ambiguous to count without a co-term, by the 'auto' rules. */
export function isAmbiguousAlias(alias: string, coTermKeys: string[], townKey = ''): boolean {
  const key = ` ${foldKey(alias)} `
  // "St Aldhelm's Hollinbury" carries its own co-term.
  if (coTermKeys.some((k) => key.includes(` ${k} `)))
    return townKey !== '' && key === ` ${townKey} `
  const p = parseName(alias)
  const core = p.coreWords.join(' ')
  if (!core || p.saintPrefix) return true
  if (DEDICATIONS.some((d) => core === d || core.startsWith(`${d} `))) return true
  if (p.coreWords.length === 1) return true
  return p.coreWords.every((w) => COMMON.has(w))
}

function insert(root: Map<string, TrieNode>, key: string, hit: Hit): void {
  const words = key.split(' ')
  let level = root
  let node: TrieNode | undefined
  for (let i = 0; i < words.length; i++) {
    node = level.get(words[i])
    if (!node) level.set(words[i], (node = { next: null, hits: null }))
    if (i < words.length - 1) level = node.next ??= new Map()
  }
  if (!node) return
  const hits = (node.hits ??= [])
  if (!hits.some((h) => h.kind === hit.kind && h.school === hit.school)) hits.push(hit)
}

function scan(root: Map<string, TrieNode>, t: Tokens, field: number, out: Occurrence[]): boolean {
  const w = t.words
  let sawAlias = false
  for (let i = 0; i < w.length; i++) {
    let node = root.get(w[i])
    let j = i
    while (node) {
      if (node.hits) {
        for (const hit of node.hits) {
          if (field === 2 && hit.kind !== CO_TERM) continue
          if (hit.kind === ALIAS) sawAlias = true
          out.push({ hit, field, a: i, b: j + 1 })
        }
      }
      if (++j >= w.length || !node.next) break
      node = node.next.get(w[j])
    }
  }
  return sawAlias
}

const overlaps = (x: Occurrence, y: Occurrence) => x.field === y.field && x.a < y.b && y.a < x.b

/** Compile the matcher for an install's schools. Rebuild it when a profile changes. */
export function buildMatcher(schools: MatchProfile[], opts: MatcherOptions = {}): Matcher {
  const root = new Map<string, TrieNode>()
  const described: { schoolId: number; alias: string; needsCoTerm: boolean }[] = []
  schools.forEach((p, s) => {
    const mode = p.requireCoTerm ?? opts.requireCoTerm ?? 'auto'
    const coTerms = coTermsOf(p)
    const coKeys = coTerms.map((c) => c.key)
    const townKey = foldKey(p.town ?? '')
    const aliases =
      opts.generateAliases === false
        ? p.aliases
        : generateAliases({ name: p.name, aliases: p.aliases })
    for (const alias of aliases) {
      const key = foldKey(alias)
      if (!key) continue
      const needsCoTerm = mode === 'auto' ? isAmbiguousAlias(alias, coKeys, townKey) : mode
      if (!described.some((d) => d.schoolId === p.id && foldKey(d.alias) === key)) {
        described.push({ schoolId: p.id, alias, needsCoTerm })
      }
      insert(root, key, { kind: ALIAS, school: s, label: alias, needsCoTerm, weight: key.length })
    }
    for (const c of coTerms) {
      insert(root, c.key, {
        kind: CO_TERM,
        school: s,
        label: c.label,
        needsCoTerm: false,
        weight: 0,
      })
    }
    for (const e of p.exclusions) {
      const key = foldKey(e)
      if (key)
        insert(root, key, { kind: EXCLUSION, school: s, label: e, needsCoTerm: false, weight: 0 })
    }
  })

  function match(item: MatchItem): MatchResult | null {
    const title = item.title ?? ''
    const fields = [tokenize(title), tokenize(item.text)]
    const occ: Occurrence[] = []
    const inTitle = scan(root, fields[0], 0, occ)
    const inText = scan(root, fields[1], 1, occ)
    if (!inTitle && !inText) return null // the common case: cheap
    if (item.url) scan(root, tokenize(item.url), 2, occ)

    let best: { o: Occurrence; coTerm: string | null } | null = null
    for (let s = 0; s < schools.length; s++) {
      const mine = occ.filter((o) => o.hit.school === s)
      const aliases = mine.filter((o) => o.hit.kind === ALIAS)
      if (aliases.length === 0) continue
      const exclusions = mine.filter((o) => o.hit.kind === EXCLUSION)
      if (exclusions.some((e) => !aliases.some((a) => overlaps(a, e)))) continue // vetoed
      const coTerms = mine.filter((o) => o.hit.kind === CO_TERM)
      for (const a of aliases) {
        if (exclusions.some((e) => overlaps(a, e))) continue
        const co = coTerms.find((c) => !overlaps(a, c))
        if (a.hit.needsCoTerm && !co) continue
        if (!best || better(a, best.o)) best = { o: a, coTerm: co?.hit.label ?? null }
      }
    }
    if (!best) return null
    const { o, coTerm } = best
    const t = fields[o.field]
    const start = t.starts[o.a]
    const end = t.ends[o.b - 1]
    return {
      schoolId: schools[o.hit.school].id,
      alias: o.hit.label,
      coTerm,
      start,
      end,
      field: o.field === 0 ? 'title' : 'text',
      matched: (o.field === 0 ? title : item.text).slice(start, end),
    }
  }

  function better(x: Occurrence, y: Occurrence): boolean {
    if (x.hit.weight !== y.hit.weight) return x.hit.weight > y.hit.weight
    if (x.field !== y.field) return x.field < y.field
    if (x.a !== y.a) return x.a < y.a
    return schools[x.hit.school].id < schools[y.hit.school].id
  }

  return { match, describe: () => described.map((d) => ({ ...d })) }
}
