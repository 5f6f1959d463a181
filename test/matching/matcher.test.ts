// Runs in: Vitest (Node). Whether a mention is about one of our schools, and which.
import { describe, expect, it } from 'vitest'
import { buildMatcher, isAmbiguousAlias, type MatchProfile } from '../../src-main/matching/matcher'

const aldhelm: MatchProfile = {
  id: 1,
  name: "St Aldhelm's C of E Primary School",
  aliases: ["Aldhelm's"],
  town: 'Hollinbury',
  localAuthority: 'Westmarch Council',
  urn: '990417',
  postcode: 'HB4 2QT',
  exclusions: ["Aldhelm's Way"],
}
const m = buildMatcher([aldhelm])
const text = (t: string) => m.match({ text: t })

describe('aliases and normalisation', () => {
  it.each([
    "Lovely nativity at St Aldhelm's, Hollinbury",
    'Lovely nativity at St Aldhelm’s, Hollinbury',
    'Lovely nativity at ST. ALDHELMS, Hollinbury',
    "Lovely nativity at Saint Aldhelm's CE Primary, Hollinbury",
    "Lovely nativity at St-Aldhelm's C.E. Primary Academy in Hollinbury",
    'Lovely nativity at St Aldhelm`s Church of England Primary School (Hollinbury)',
  ])('matches %s', (t) => {
    expect(text(t)?.schoolId).toBe(1)
  })

  it('records the alias, the co-term and where the words are', () => {
    const t = 'Great SATs at St. Aldhelms CE Primary! #Hollinbury'
    const r = text(t)
    expect(r).toMatchObject({ schoolId: 1, alias: "St Aldhelm's CE Primary", coTerm: 'Hollinbury' })
    expect(r && t.slice(r.start, r.end)).toBe('St. Aldhelms CE Primary')
    expect(r?.field).toBe('text')
  })

  it('prefers the longest alias present', () => {
    const r = text("St Aldhelm's C of E Primary School, Hollinbury: St Aldhelm's news")
    expect(r?.alias).toBe("St Aldhelm's C of E Primary School")
  })

  it('searches the title as well as the text', () => {
    const r = m.match({ title: "St Aldhelm's fete", text: 'Hollinbury turned out in force.' })
    expect(r).toMatchObject({ field: 'title', start: 0, end: 12 })
  })
})

describe('word boundaries', () => {
  it.each([
    "St Aldhelm'sville in Hollinbury",
    'Aldhelmsford, Hollinbury',
    'The StAldhelms bakery, Hollinbury',
    'Hollinbury: nothing to see here',
  ])('does not match %s', (t) => {
    expect(text(t)).toBeNull()
  })
})

describe('co-terms for ambiguous names', () => {
  it('requires a co-term for a saint name, even written in full', () => {
    expect(text("St Aldhelm's C of E Primary School has a new head")).toBeNull()
  })
  it.each([
    ['Hollinbury', 'town'],
    ['Westmarch Council', 'local authority'],
    ['Westmarch', 'local authority without "Council"'],
    ['URN 990417', 'URN'],
    ['HB4 2QT', 'full postcode'],
    ['HB4', 'postcode district'],
  ])('is satisfied by %s (%s)', (co) => {
    const r = text(`St Aldhelm's has a new head. ${co}`)
    expect(r?.schoolId).toBe(1)
    expect(r?.coTerm).not.toBeNull()
  })
  it('accepts a co-term in the URL', () => {
    const r = m.match({
      text: "St Aldhelm's has a new head",
      url: 'https://hollinbury-echo.example/news/1',
    })
    expect(r?.coTerm).toBe('Hollinbury')
  })
  it('does not take a co-term from another postcode district', () => {
    expect(text("St Aldhelm's is on HB42 Road")).toBeNull()
  })
  it('does not take a co-term from inside the alias occurrence itself', () => {
    const strict = buildMatcher([
      { ...aldhelm, aliases: ["Aldhelm's Hollinbury"], requireCoTerm: true },
    ])
    expect(strict.match({ text: "Aldhelm's Hollinbury won" })).toBeNull()
    expect(strict.match({ text: "Aldhelm's Hollinbury won, HB4" })?.coTerm).toBe('HB4')
  })
  it('requires a co-term for one-word and common-word names', () => {
    const federation = buildMatcher([
      { id: 7, name: 'Oakwood Academy', aliases: [], town: 'Dunmere', exclusions: [] },
      { id: 8, name: 'Park View Primary School', aliases: [], town: 'Dunmere', exclusions: [] },
      { id: 9, name: 'Kingsmead Valley Primary', aliases: [], town: 'Dunmere', exclusions: [] },
    ])
    expect(federation.match({ text: 'Oakwood Academy won the cup' })).toBeNull()
    expect(federation.match({ text: 'Oakwood Academy, Dunmere, won the cup' })?.schoolId).toBe(7)
    expect(federation.match({ text: 'Park View Primary School won the cup' })).toBeNull()
    expect(federation.match({ text: 'Kingsmead Valley Primary won the cup' })?.schoolId).toBe(9)
  })
  it('is configurable per profile and per install', () => {
    const off = buildMatcher([{ ...aldhelm, requireCoTerm: false }])
    expect(off.match({ text: "St Aldhelm's has a new head" })?.coTerm).toBeNull()
    const on = buildMatcher(
      [{ id: 9, name: 'Kingsmead Valley Primary', aliases: [], town: 'Dunmere', exclusions: [] }],
      {
        requireCoTerm: true,
      },
    )
    expect(on.match({ text: 'Kingsmead Valley Primary won the cup' })).toBeNull()
  })
  it('classifies aliases by the auto rules', () => {
    const co = ['hollinbury']
    expect(isAmbiguousAlias("St Mary's Primary", co)).toBe(true)
    expect(isAmbiguousAlias('Our Lady of Lourdes RC Primary', co)).toBe(true)
    expect(isAmbiguousAlias('Holy Trinity School', co)).toBe(true)
    expect(isAmbiguousAlias('Oakwood', co)).toBe(true)
    expect(isAmbiguousAlias('Kingsmead Valley School', co)).toBe(false)
    expect(isAmbiguousAlias("St Aldhelm's Hollinbury", co)).toBe(false) // carries its co-term
    expect(isAmbiguousAlias('Hollinbury Primary', co, 'hollinbury')).toBe(false)
    expect(isAmbiguousAlias('Hollinbury', co, 'hollinbury')).toBe(true)
  })
})

describe('exclusions', () => {
  it('masks an alias occurrence inside an exclusion term', () => {
    expect(text("Roadworks on Aldhelm's Way, Hollinbury")).toBeNull()
  })
  it('still matches another occurrence outside the exclusion', () => {
    const r = text("Roadworks on Aldhelm's Way, by St Aldhelm's school gates. Hollinbury")
    expect(r?.matched).toBe("St Aldhelm's school")
  })
  it('vetoes the item when an exclusion term appears apart from any alias', () => {
    const vetoing = buildMatcher([{ ...aldhelm, exclusions: ['Hollinbury Rovers'] }])
    expect(vetoing.match({ text: "Hollinbury Rovers beat St Aldhelm's old boys" })).toBeNull()
  })
  it('masks "St Mary\'s Hospital" but not the school', () => {
    const mary = buildMatcher([{ id: 2, name: "St Mary's Primary School", aliases: [], town: 'Hollinbury', exclusions: ["St Mary's Hospital"] }]) // prettier-ignore
    expect(mary.match({ text: 'Visiting times at St Mary’s Hospital, Hollinbury' })).toBeNull()
    expect(mary.match({ text: "St Mary's Primary, Hollinbury, opens its doors" })?.schoolId).toBe(2)
  })
})

describe('federations', () => {
  const fed = buildMatcher([
    {
      id: 3,
      name: "St Mary's C of E Junior School",
      aliases: [],
      town: 'Hollinbury',
      exclusions: [],
    },
    {
      id: 2,
      name: "St Mary's C of E Infant School",
      aliases: [],
      town: 'Hollinbury',
      exclusions: [],
    },
    { ...aldhelm, id: 5 },
  ])
  it('returns the school of the longest alias', () => {
    const r = fed.match({ text: "St Mary's news, Hollinbury: St Mary's Infant School nativity" })
    expect(r).toMatchObject({ schoolId: 2, alias: "St Mary's Infant School" })
  })
  it('breaks ties deterministically, whatever the order of the profiles', () => {
    const r1 = fed.match({ text: "St Mary's, Hollinbury, closes for snow" })
    expect(r1?.schoolId).toBe(2) // same alias for both schools: lowest id
    expect(fed.match({ text: "St Aldhelm's and St Mary's, Hollinbury" })?.schoolId).toBe(5) // longer alias
  })
  it("applies a school's exclusions to that school only", () => {
    const two = buildMatcher([
      { id: 1, name: "St Mary's Primary", aliases: [], town: 'Hollinbury', exclusions: ['Rovers'] },
      { id: 2, name: 'Kingsmead Valley Primary', aliases: [], exclusions: [] },
    ])
    const t = "Rovers at St Mary's Primary School, Hollinbury, and at Kingsmead Valley"
    expect(two.match({ text: t })?.schoolId).toBe(2)
    expect(two.match({ text: t.replace('Rovers', 'Runners') })?.schoolId).toBe(1)
  })
})

describe('describe()', () => {
  it('lists the searched aliases with their co-term requirement', () => {
    const d = m.describe()
    expect(d.find((x) => x.alias === "Aldhelm's")).toEqual({
      schoolId: 1,
      alias: "Aldhelm's",
      needsCoTerm: true,
    })
    expect(d.length).toBeGreaterThan(20)
  })
})

describe('co-terms in the possessive', () => {
  it('counts "Hollinbury\'s" as the town', () => {
    const m = buildMatcher([
      {
        id: 1,
        name: "St Aldhelm's C of E Primary School",
        aliases: [],
        town: 'Hollinbury',
        exclusions: [],
      },
    ])
    const hit = m.match({ text: "Hollinbury's St Aldhelm's has a new head" })
    expect(hit).toMatchObject({ schoolId: 1, coTerm: 'Hollinbury' })
    expect(m.match({ text: "Someone's St Aldhelm's has a new head" })).toBeNull()
  })
})
