// Runs in: Vitest (Node). The profanity matcher's own transform step must equal obscenity's.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity'
import { fastTransform } from '../../src-main/analysis/flags/fast-matcher'

interface Internals {
  blacklistMatcherTransformers: unknown
  whitelistMatcherTransformers: unknown
  applyTransformers(input: string, set: unknown): [number[], string]
}

const matcher = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
}) as unknown as Internals

describe('fastTransform', () => {
  for (const which of ['blacklistMatcherTransformers', 'whitelistMatcherTransformers'] as const) {
    it(`gives obscenity's output and offsets (${which})`, () => {
      const set = matcher[which]
      const fast = fastTransform(set, () => {
        throw new Error('fell back: the transformer set has an unknown shape')
      })
      // Leet, repeats, spaces, confusables, astral letters and lone surrogates.
      const unit = fc.oneof(
        fc.constantFrom(...'aassbbeeoollgg  $5@4!1|0SsAaBb\u0430\u0455\u00e9'.split('')),
        fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0x1d400, max: 0x1d7ff }).map((c) => String.fromCodePoint(c)),
      )
      fc.assert(
        fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
          const s = parts.join('')
          expect(fast(s)).toEqual(matcher.applyTransformers(s, set))
        }),
        { numRuns: 3000, seed: 20261122 },
      )
    })
  }
})
