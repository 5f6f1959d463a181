import { describe, expect, it } from 'vitest'
import { tokensAscii } from '../../src-main/analysis/sentiment'
import {
  BOOSTER_MAP,
  CONCESSIVE,
  LEXICON,
  SENTIMENT_WORDS,
  WORD_MAP,
} from '../../src-main/analysis/sentiment-words'
import { CONTRAST, NEGATORS } from '../../src-main/analysis/lexicon'
import { SpanTable } from '../../src-main/analysis/span-table'

/** What the token walk reads of a word through the table, as the Maps and Sets define it. */
function viaTable(s: string, a: number, b: number): unknown {
  const w = SENTIMENT_WORDS
  const e = w.entry(s, a, b)
  if (e === 0) return null
  return {
    lexicon: w.rule[e] ? { v: w.value[e], rule: w.rule[e] } : undefined,
    contrastValue: w.contrastValue[e],
    boost: w.boost[e],
    contrast: w.contrast[e] === 1,
    negator: w.negator[e] === 1,
    booster: w.booster[e] === 1,
    concessive: w.concessive[e] === 1,
    byName: e === w.still ? 'still' : e === w.bit ? 'bit' : e === w.a ? 'a' : '',
  }
}

function viaMaps(t: string): unknown {
  const known =
    LEXICON.has(t) ||
    CONTRAST.has(t) ||
    NEGATORS.has(t) ||
    BOOSTER_MAP.has(t) ||
    CONCESSIVE.has(t) ||
    ['still', 'bit', 'a'].includes(t)
  if (!known) return null
  return {
    lexicon: LEXICON.get(t),
    contrastValue: WORD_MAP.get(t) ?? 0,
    boost: BOOSTER_MAP.get(t) ?? 0,
    contrast: CONTRAST.has(t),
    negator: NEGATORS.has(t),
    booster: BOOSTER_MAP.has(t),
    concessive: CONCESSIVE.has(t),
    byName: ['still', 'bit', 'a'].includes(t) ? t : '',
  }
}

describe('sentiment word table', () => {
  const words = [...new Set([...LEXICON.keys(), ...CONTRAST, ...NEGATORS, ...BOOSTER_MAP.keys()])]

  it('finds every word, read in the middle of a text, with what the Maps hold for it', () => {
    for (const t of words) {
      const s = `xx ${t} yy`
      expect(viaTable(s, 3, 3 + t.length), t).toEqual(viaMaps(t))
    }
  })

  it('finds nothing for look-alikes the Maps do not hold', () => {
    let checked = 0
    for (const t of words) {
      const alike = [t.slice(1), t.slice(0, -1), `${t}s`, `a${t}`, t.toUpperCase(), `${t}'`]
      for (let i = 0; i < t.length; i++)
        alike.push(t.slice(0, i) + String.fromCharCode(t.charCodeAt(i) ^ 1) + t.slice(i + 1))
      for (const x of alike) {
        const expected = viaMaps(x)
        expect(viaTable(`(${x})`, 1, 1 + x.length), x).toEqual(expected)
        if (expected === null) checked++
      }
    }
    expect(checked).toBeGreaterThan(words.length)
    expect(SENTIMENT_WORDS.entry('', 0, 0)).toBe(0)
  })

  it('returns each key its own index, colliding hashes included', () => {
    // Many keys in a small table: probes run past each other's slots.
    const keys = Array.from({ length: 500 }, (_, i) => `k${i.toString(36)}`)
    const t = new SpanTable(keys)
    keys.forEach((k, i) => expect(t.find(`.${k}.`, 1, 1 + k.length)).toBe(i))
    expect(t.find('k', 0, 1)).toBe(-1)
    expect(t.find('kzzz', 0, 4)).toBe(-1)
  })
})

describe('ASCII tokeniser', () => {
  const TOKEN_ASCII = /[a-z0-9]+(?:['-][a-z0-9]+)*|[.!?\n]+|[,;:]/g
  const spans = (s: string): [number, number][] =>
    [...s.matchAll(TOKEN_ASCII)].map((m) => [m.index, m.index + m[0].length])

  it('finds the spans the ASCII token regex finds', () => {
    const alphabet = 'ab9 \'-.!?\n,;:x"#()'
    let seed = 7
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed % n
    }
    const cases = ["don't-stop it's--fine. well!?\n\n,,;", "'a' -b- a--b a''b", '', '...']
    for (let k = 0; k < 3000; k++)
      cases.push(Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join(''))
    for (const s of cases) {
      const ta: number[] = []
      const tb: number[] = []
      tokensAscii(s, ta, tb)
      expect(
        ta.map((a, i) => [a, tb[i]]),
        JSON.stringify(s),
      ).toEqual(spans(s))
    }
  })
})
