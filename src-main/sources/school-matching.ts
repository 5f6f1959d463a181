// Runs in: main process and CLI (Node). Which school (and which alias) a fetched item is about.
//
// The matcher is compiled once per set of school profiles and rebuilt only when a profile changes
// (a new alias, a "not about us" exclusion): the cache key is every school's id and updatedAt, so
// a change made by another process (the CLI beside the app) is picked up on the next run too.
// A source tied to one school matches only that school; a federation-wide source matches all.
import type { School } from '../contract'
import { buildMatcher, type MatchItem, type Matcher, type MatchProfile } from '../matching/matcher'
import type { FetchedItem } from './types'

export interface SchoolMatch {
  school: School
  alias: string
}

export type MatchFn = (item: FetchedItem) => SchoolMatch | null

export interface SchoolMatching {
  /** A matcher for one run of a source: the profiles are read once, not once per item. */
  forSource(sourceSchoolId: number | null): MatchFn
  schools(): School[]
}

export function toMatchProfile(s: School): MatchProfile {
  return {
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    town: s.town,
    requireCoTerm: s.coTermRule === 'auto' ? 'auto' : s.coTermRule === 'always',
    localAuthority: s.localAuthority,
    urn: s.urn,
    postcode: s.postcode,
    exclusions: s.exclusions,
  }
}

/** "Talk:St Aldhelm's C of E Primary School" → the article title. */
const TALK = /^talk:/i
// Wikipedia disambiguates with ", Town" or " (Town)"; anything else makes it another page.
const DISAMBIGUATOR = /^\s*(?:,[^,]*|\([^)]*\))?\s*$/

interface Compiled {
  all: Matcher
  bySchool: Map<number, { text: Matcher; page: Matcher }>
  schools: School[]
}

function compile(schools: School[]): Compiled {
  const profiles = schools.map(toMatchProfile)
  const bySchool = new Map<number, { text: Matcher; page: Matcher }>()
  profiles.forEach((p) =>
    bySchool.set(p.id, {
      text: buildMatcher([p]),
      // A page named after the school is about it: the title itself is the co-term.
      page: buildMatcher([{ ...p, requireCoTerm: false }]),
    }),
  )
  return { all: buildMatcher(profiles), bySchool, schools }
}

/** The revision of a watched wiki page whose title is the school's name, or its talk page. */
function pageMatch(item: FetchedItem, page: Matcher): string | null {
  const meta = item.meta ?? {}
  if (typeof meta.pageTitle !== 'string' || meta.kind === 'search') return null
  const title = meta.pageTitle.replace(TALK, '')
  const m = page.match({ title, text: '' })
  if (!m || title.slice(0, m.start).trim() !== '' || !DISAMBIGUATOR.test(title.slice(m.end)))
    return null
  return m.alias
}

export function createSchoolMatching(listSchools: () => School[]): SchoolMatching {
  let key = ''
  let compiled: Compiled | null = null

  function current(): Compiled {
    const schools = listSchools()
    const k = schools.map((s) => `${s.id}@${s.updatedAt}`).join('|')
    if (!compiled || k !== key) {
      compiled = compile(schools)
      key = k
    }
    return compiled
  }

  return {
    forSource(sourceSchoolId) {
      const c = current()
      const candidates =
        sourceSchoolId === null
          ? [...c.bySchool.entries()]
          : [...c.bySchool.entries()].filter(([id]) => id === sourceSchoolId)
      const text = sourceSchoolId === null ? c.all : candidates[0]?.[1].text
      const school = (id: number) => c.schools.find((s) => s.id === id)!
      return (item) => {
        const target: MatchItem = { title: item.title, text: item.text, url: item.url }
        const m = text?.match(target)
        if (m) return { school: school(m.schoolId), alias: m.alias }
        for (const [id, { page }] of candidates) {
          const alias = pageMatch(item, page)
          if (alias) return { school: school(id), alias }
        }
        return null
      }
    },
    schools: () => current().schools,
  }
}
