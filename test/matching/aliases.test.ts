// Runs in: Vitest (Node). Alias generation and the tokenizer it relies on.
import { describe, expect, it } from 'vitest'
import { generateAliases, parseName } from '../../src-main/matching/aliases'
import { foldKey, tokenize } from '../../src-main/matching/normalise'

const keysOf = (aliases: string[]) => new Set(aliases.map(foldKey))

describe('tokenize', () => {
  it('folds case, diacritics, apostrophe variants and punctuation', () => {
    expect(tokenize("St. Aldhelm’s C.E. (VA) — Café").words).toEqual([
      'st', 'aldhelms', 'c', 'e', 'va', 'cafe',
    ]) // prettier-ignore
    expect(foldKey('ST ALDHELM`S')).toBe(foldKey("St Aldhelm's"))
    expect(foldKey('St Aldhelm\u02BCs')).toBe('st aldhelms')
  })
  it('reads & as "and" and keeps offsets into the original', () => {
    const t = tokenize('Peter & Paul’s')
    expect(t.words).toEqual(['peter', 'and', 'pauls'])
    expect('Peter & Paul’s'.slice(t.starts[2], t.ends[2])).toBe('Paul’s')
  })
  it('keeps offsets when a character lower-cases to two units (İ)', () => {
    const s = 'İzmir visit: St ALDHELM’S'
    const t = tokenize(s)
    expect(t.words).toEqual(['izmir', 'visit', 'st', 'aldhelms'])
    expect(s.slice(t.starts[3], t.ends[3])).toBe('ALDHELM’S')
  })
  it('drops zero-width characters inside a word instead of splitting it', () => {
    expect(tokenize('Ald\u200Bhelm').words).toEqual(['aldhelm'])
  })
})

describe('parseName', () => {
  it('splits core, designation and type', () => {
    const p = parseName("St Aldhelm's C of E Primary School")
    expect(p.core).toBe("St Aldhelm's")
    expect(p.saintName).toBe("Aldhelm's")
    expect(p.type).toBe('Primary School')
    expect(p.designation).toBe(0)
  })
  it('keeps a core made of words that are sometimes type words', () => {
    expect(parseName('Church Hill Infants School').core).toBe('Church Hill')
    expect(parseName('Hollinbury Park Junior and Infant School').type).toBe(
      'Junior and Infant School',
    )
  })
})

describe('generateAliases', () => {
  const aliases = generateAliases({ name: "St Aldhelm's C of E Primary School" })
  const keys = keysOf(aliases)

  it('starts with the official name and has no duplicates once folded', () => {
    expect(aliases[0]).toBe("St Aldhelm's C of E Primary School")
    expect(keys.size).toBe(aliases.length)
  })

  it.each([
    "St Aldhelm's",
    "Saint Aldhelm's",
    'St Aldhelms', // apostrophe dropped: same folded form
    "St. Aldhelm's Primary",
    "St Aldhelm's CE Primary",
    "St Aldhelm's CofE Primary School",
    "St Aldhelm's Church of England Primary School",
    "St Aldhelm's Academy",
    "Saint Aldhelm's C of E Primary Academy",
    "St Aldhelm's School",
  ])('covers %s', (variant) => {
    expect(keys.has(foldKey(variant))).toBe(true)
  })

  it('does not invent a bare distinctive word or unrelated school types', () => {
    expect(keys.has('aldhelms')).toBe(false)
    expect(keys.has(foldKey("St Aldhelm's Junior School"))).toBe(false)
  })

  it('varies Junior and Infant schools with their own suffixes', () => {
    const junior = keysOf(generateAliases({ name: 'Hollinbury Park Junior School' }))
    expect(junior.has(foldKey('Hollinbury Park Juniors'))).toBe(true)
    expect(junior.has(foldKey('Hollinbury Park Junior Academy'))).toBe(true)
    const infant = keysOf(generateAliases({ name: "Church Hill Infants' School" }))
    expect(infant.has(foldKey('Church Hill Infant School'))).toBe(true)
    expect(infant.has(foldKey('Church Hill Primary'))).toBe(false)
  })

  it('treats & and "and" as one, and Ss as Saints', () => {
    const k = keysOf(generateAliases({ name: 'Ss Peter & Paul Catholic Primary School' }))
    expect(k.has(foldKey('Saints Peter and Paul RC Primary'))).toBe(true)
    expect(k.has(foldKey('St Peter and Paul Catholic School'))).toBe(true)
  })

  it('appends user aliases, ignoring ones that fold to an existing alias', () => {
    const a = generateAliases({
      name: 'Oakwood Academy',
      aliases: ['The Woody', 'OAKWOOD academy'],
    })
    expect(a).toContain('The Woody')
    expect(a).not.toContain('OAKWOOD academy')
  })
})
