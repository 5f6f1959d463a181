// Runs in: Vitest (Node). The profanity matcher's gate may say yes too often, never no; and what it
// lets through is read as obscenity reads it, brackets apart.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openedCorpusTexts } from './helpers'
import {
  findProfanity,
  matcherInput,
  profanityInternals,
} from '../../src-main/analysis/flags/profanity'
import { fold } from '../../src-main/analysis/normalize'
import { analyzeBuiltin } from '../../src-main/analysis/engine'

const { mayMatch, obscenity } = profanityInternals
const hits = (text: string): string[] => findProfanity({ text, f: fold(text) }).map((h) => h.word)

// Words of the dataset and their dodges, near-misses, and the characters obscenity's transform
// reads as letters (leet digits and symbols, Cyrillic look-alikes), each maybe doubled or tripled.
const piece = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        ...'fuck f*ck ass a$$ a55 as class cunt (unt nigger n1663r bitch b!tch shit sh1t wank twat'.split(
          ' ',
        ),
        ...'cum (um tit title boob b00b fag f4g retard r3tard knob slag paki spaz anal assess'.split(
          ' ',
        ),
      ),
      fc.constantFrom(...' .()!1345067@$|\n'.split(''), '\u0430', '\u0455', '\u00e9', 'ß'),
      fc.constantFrom(...'abcdefgiklnorstuwy'.split('')),
    ),
    fc.integer({ min: 1, max: 3 }),
  )
  .map(([p, n]) => [...p].map((c) => c.repeat(n)).join(''))

describe('profanity gate', () => {
  it('passes every text in which obscenity itself finds a term', () => {
    let matched = 0
    let runs = 0
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('')
        runs++
        if (obscenity(s).length === 0) return
        matched++
        expect(mayMatch(s), s).toBe(true)
      }),
      { numRuns: 4000, seed: 20261122 },
    )
    // The property means something only if many texts hold a term.
    expect(matched / runs).toBeGreaterThan(0.2)
  })

  it('keeps ordinary words from the matcher', () => {
    for (const t of [
      'as far as I know she was as good as gold',
      'a lovely sports day, well done everyone',
      'Year 6 have SATs in May',
    ])
      expect(mayMatch(fold(t).deob), t).toBe(false)
  })
})

describe('profanity gate on the opened corpus', () => {
  it('lets through every text obscenity finds a term in and keeps nine in ten from it', () => {
    const texts = openedCorpusTexts()
    let passed = 0
    let withTerm = 0
    for (const t of texts) {
      const s = matcherInput(fold(t).deob)
      const gate = mayMatch(s)
      if (gate) passed++
      if (obscenity(s).length > 0) {
        withTerm++
        expect(gate, t).toBe(true)
      }
    }
    expect(withTerm).toBeGreaterThan(10)
    // The older gate let through every text holding the word "as" (read as `|ass`).
    expect(passed / texts.length).toBeLessThan(0.1)
  })
})

describe('profanity as obscenity reads it', () => {
  it('finds a slur spelled in digits', () => {
    // The transform reads "1" as i, "6" as g and "3" as e.
    expect(hits('n1663rs shouldnt be allowed at grammar schools')).toContain('nigger')
    const r = analyzeBuiltin('n1663rs shouldnt be allowed at grammar schools', { source: 'x' })
    expect(r.flags).toContain('hate')
    expect(r.evidence.some((e) => e.rule === 'hate.slur:nigger')).toBe(true)
  })

  it('reads a bracket that opens a word as punctuation, not as a c', () => {
    expect(hits('legs are DEAD never again (until next year)')).toEqual([])
    expect(hits('The trip is (um) still on')).toEqual([])
    // obscenity alone reads both as terms: the bracket rule is what keeps them out.
    expect(obscenity('again (until next year)').length).toBeGreaterThan(0)
    expect(obscenity('is (um) still').length).toBeGreaterThan(0)
  })
})
