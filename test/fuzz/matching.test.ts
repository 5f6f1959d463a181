// Runs in: Vitest (Node). Fuzzes the matching rules and dedup: the tokenizer (offsets, idempotent
// folding), alias generation, the matcher (a match is a real occurrence on word boundaries; an
// alias planted in any noise is found; exclusions mask), "not about us" proposals, and the dedup
// normaliser and similarity (bounds, symmetry, idempotence).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldKey, tokenize } from '../../src-main/matching/normalise'
import { generateAliases, parseName } from '../../src-main/matching/aliases'
import { buildMatcher, type MatchProfile } from '../../src-main/matching/matcher'
import { proposeExclusion } from '../../src-main/matching/not-about-us'
import { contentFingerprint, normaliseForDedup, textSimilarity } from '../../src-main/sources/dedup'
import { MAX_CASE_MS, ensure, hostileText, params, timed } from './fuzz'

const PROFILE: MatchProfile = {
  id: 7,
  name: "St Aldhelm's C of E Primary School",
  aliases: ['Aldhelms Primary'],
  town: 'Hollinbury',
  localAuthority: 'Westmarch',
  urn: '990417',
  postcode: 'HB4 2QT',
  exclusions: ["St Aldhelm's Church"],
  requireCoTerm: 'auto',
}
const matcher = buildMatcher([PROFILE])

describe('matching fuzz', () => {
  it('tokenize: offsets point at the words, folding is idempotent', () => {
    const { fn, stats } = timed((s: string) => {
      const t = tokenize(s)
      ensure(
        t.words.length === t.starts.length && t.words.length === t.ends.length,
        'parallel arrays',
      )
      let last = 0
      t.words.forEach((w, i) => {
        ensure(w.length > 0 && !/\s/.test(w), 'a word has no spaces', w)
        ensure(
          t.starts[i] >= last && t.starts[i] < t.ends[i] && t.ends[i] <= s.length,
          'ordered in-bounds offsets',
          { s, t },
        )
        last = t.ends[i]
      })
      const key = foldKey(s)
      ensure(foldKey(key) === key, 'foldKey is idempotent', { s, key })
    })
    fc.assert(fc.property(hostileText(30), fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('every BMP character folds to a fixed point (regression: ꟹ, ŉ and compatibility ideographs did not)', () => {
    const bad: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c)
      const key = foldKey(`a${ch}b ${ch}`)
      if (foldKey(key) !== key) bad.push(`U+${c.toString(16).padStart(4, '0')}`)
    }
    expect(bad).toEqual([])
  })

  it('generateAliases / parseName: unique folded aliases, the name first, never a throw', () => {
    const name = fc.oneof(
      hostileText(8),
      fc
        .tuple(
          fc.constantFrom('', 'The ', 'St ', 'St. ', 'Saint ', 'SS '),
          fc.stringMatching(/^[A-Z][a-z]{1,8}('s)?$/),
          fc.constantFrom('', ' C of E', ' CE', ' RC', ' Catholic', ' Church of England'),
          fc.constantFrom('', ' Primary', ' Academy', ' Infant School', ' Nursery', ' High School'),
        )
        .map((p) => p.join('')),
    )
    fc.assert(
      fc.property(name, fc.array(hostileText(4), { maxLength: 3 }), (n, extra) => {
        parseName(n)
        const list = generateAliases({ name: n, aliases: extra })
        const keys = list.map(foldKey)
        ensure(new Set(keys).size === keys.length, 'unique by folded form', list)
        ensure(
          keys.every((k) => k.length > 0),
          'no empty alias',
          list,
        )
        if (foldKey(n))
          ensure(list[0] === n.replace(/\s+/g, ' ').trim(), 'the name comes first', list)
      }),
      params(),
    )
  })

  it('a match is a real occurrence on word boundaries; a planted alias with its town is found', () => {
    const noise = hostileText(20)
    const alias = fc.constantFrom(
      "St Aldhelm's C of E Primary School",
      'ST ALDHELMS C OF E PRIMARY',
      'Aldhelms Primary',
      'Saint Aldhelm’s CE Primary',
    )
    const { fn, stats } = timed((before: string, a: string, after: string, plant: boolean) => {
      const text = plant ? `${before} ${a} in Hollinbury ${after}` : `${before} ${after}`
      const m = matcher.match({ title: null, text })
      if (m) {
        ensure(m.schoolId === 7 && m.field === 'text', 'school and field', m)
        ensure(m.start >= 0 && m.start < m.end && m.end <= text.length, 'in bounds', m)
        ensure(text.slice(m.start, m.end) === m.matched, 'matched is the text at the offsets', {
          m,
          text,
        })
        // Word boundaries, as the tokenizer reads them: the match starts and ends on whole words.
        const t = tokenize(text)
        ensure(t.starts.includes(m.start) && t.ends.includes(m.end), 'whole words', { m, text })
      }
      // Noise never holds "church" next to the alias, so the planted one must be found.
      if (plant && !/church/i.test(before + after)) ensure(m !== null, 'planted alias found', text)
    })
    fc.assert(fc.property(noise, alias, noise, fc.boolean(), fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })

  it('an exclusion around the alias masks it', () => {
    fc.assert(
      fc.property(hostileText(10), hostileText(10), (a, b) => {
        fc.pre(!/aldhelm/i.test(a + b) && !/hollinbury|westmarch|990417|hb4/i.test(a + b))
        const text = `${a} St Aldhelm's Church in Hollinbury ${b}`
        ensure(matcher.match({ text }) === null, 'masked by the exclusion', text)
      }),
      params(),
    )
  })

  it('proposeExclusion: a term that is in the text at its offsets and contains the alias', () => {
    fc.assert(
      fc.property(hostileText(12), hostileText(12), (a, b) => {
        const text = `${a} St Mary's ${b}`
        const p = proposeExclusion(text, "St Mary's", { protect: ['Hollinbury'] })
        if (!p) return
        ensure(p.start >= 0 && p.start < p.end && p.end <= text.length, 'in bounds', { p, text })
        ensure(text.slice(p.start, p.end) === p.term, 'term is the text at its offsets', {
          p,
          text,
        })
        ensure(foldKey(p.term).includes('st marys'), 'the term holds the alias', { p, text })
      }),
      params(),
    )
  })

  it('dedup: normalising is idempotent, similarity is symmetric, in [0, 1], 1 for a text with itself', () => {
    const { fn, stats } = timed((a: string, b: string) => {
      const n = normaliseForDedup(a)
      ensure(normaliseForDedup(n) === n, 'idempotent', { a, n })
      ensure(contentFingerprint(a) === contentFingerprint(n), 'fingerprint of the normal form', a)
      const s = textSimilarity(a, b)
      ensure(s >= 0 && s <= 1, 'in [0, 1]', s)
      ensure(textSimilarity(b, a) === s, 'symmetric', { a, b })
      ensure(textSimilarity(a, a) === 1, 'a text is its own duplicate', a)
    })
    fc.assert(fc.property(hostileText(40), hostileText(40), fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })
})
