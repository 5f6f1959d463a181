import { beforeAll, describe, expect, it } from 'vitest'
import { createBuiltinEngine } from '../../src-main/analysis/engine'
import { fold } from '../../src-main/analysis/normalize'
import { POLICY_FLAGS } from '../../src-main/analysis/types'
import { analyze, school } from './helpers'

function expectValid(r: ReturnType<typeof analyze>, text: string): void {
  expect(['negative', 'neutral', 'positive']).toContain(r.sentiment.label)
  expect(Number.isFinite(r.sentiment.score)).toBe(true)
  expect(Math.abs(r.sentiment.score)).toBeLessThanOrEqual(1)
  for (const f of r.flags) expect(POLICY_FLAGS).toContain(f)
  expect(['urgent', 'high', 'normal', 'low']).toContain(r.priority)
  expect(['head', 'dsl', 'orm_lead']).toContain(r.owner)
  for (const e of r.evidence) {
    expect(e.start).toBeGreaterThanOrEqual(0)
    expect(e.end).toBeLessThanOrEqual(text.length)
  }
  expect(() => JSON.stringify(r)).not.toThrow()
}

describe('bad input always yields a valid result, quickly', () => {
  // The first analysis compiles every rule and lazy table once; that one-off start-up cost (slow
  // on a shared machine) is not what these timings are about.
  beforeAll(() => {
    analyze('warm-up: the teachers are lovely')
  })
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    [
      'binary junk',
      String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65536)),
    ],
    ['lone surrogates', '\uD800\uDC00\uD800 abc \uDFFF'],
    ['right-to-left', 'المدرسة رائعة \u202Eevil\u202C שלום לכולם'],
    ['mixed scripts', 'Школа 学校 école 🏫 St Aldhelm’s'],
    [
      'html',
      '<script>alert(1)</script><div class="x">The head is <b>useless</b></div>&amp;&#128545;',
    ],
    ['markdown', '# Title\n**really** _awful_ [link](http://x.y) `code` > quote'],
    ['unterminated tag', '<div class="' + 'a'.repeat(5000)],
    ['object key tokens', 'constructor toString __proto__ hasOwnProperty valueOf'],
  ]
  it.each(cases)('%s', (_name, text) => {
    const t0 = performance.now()
    const r = analyze(text)
    expect(performance.now() - t0).toBeLessThan(500)
    expectValid(r, text)
  })

  it('handles 1 MB of text in well under two seconds', () => {
    const text = 'The teachers are lovely but the office never replies. '.repeat(20_000)
    expect(text.length).toBeGreaterThan(1_000_000)
    const t0 = performance.now()
    const r = analyze(text)
    expect(performance.now() - t0).toBeLessThan(2000)
    expectValid(r, text)
  })

  it('catches a threat hidden with zero-width characters and homoglyphs', () => {
    const text = 'we kn\u200Bow wh\u00ADich саr is yоurs'
    const r = analyze(text)
    expect(r.flags).toContain('threat')
    const e = r.evidence.find((x) => x.signal === 'threat')!
    expect(text.slice(e.start, e.end)).toBe(text)
  })

  it('catches profanity in fullwidth and mathematical letters', () => {
    expect(analyze('ｆｕｃｋ you').flags).toContain('abuse')
    expect(analyze('𝐟𝐮𝐜𝐤 you').flags).toContain('abuse')
  })

  it('never throws through the engine interface, even for non-strings', () => {
    const engine = createBuiltinEngine()
    for (const bad of [undefined, null, 42, {}, []] as unknown[]) {
      const r = engine.analyze(bad as string, { school })
      expect(r.engine).toBe('builtin')
      expect(r.flags).toEqual([])
    }
  })
})

describe('fold', () => {
  it('maps folded ranges back to the original', () => {
    const text = 'A\u200Bb <i>c</i> ｄ'
    const f = fold(text)
    expect(f.lower).toBe('ab  c  d')
    const i = f.lower.indexOf('d')
    const [s, e] = f.span(i, i + 1)
    expect(text.slice(s, e)).toBe('ｄ')
  })
  it('undoes leet and spaced letters only in the deobfuscated view', () => {
    const f = fold('sh1t f u c k 07700 900123 great!')
    expect(f.deob).toContain('shit')
    expect(f.deob).toContain('fuck')
    expect(f.deob).toContain('07700 900123')
    expect(f.deob).toContain('great!')
    const i = f.deob.indexOf('fuck')
    const [s, e] = f.deobSpan(i, i + 4)
    expect('sh1t f u c k 07700 900123 great!'.slice(s, e)).toBe('f u c k')
  })
})
