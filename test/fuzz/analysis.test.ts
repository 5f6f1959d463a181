// Runs in: Vitest (Node). Fuzzes the analysis engine with hostile text: any unicode, right-to-left
// and zero-width characters, homoglyphs, HTML and markdown, long strings. Every answer must be a
// valid verdict (label in the enum, score in [-1, 1], known flags, evidence spans inside the text
// with start < end), deterministic, quick, and the heap must not grow across the run.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { analyzeBuiltin } from '../../src-main/analysis/engine'
import { loadSchoolProfile } from '../../src-main/analysis/profile'
import { POLICY_FLAGS, type AnalysisResult } from '../../src-main/analysis/types'
import {
  MAX_CASE_MS,
  MAX_HEAP_GROWTH_BYTES,
  ensure,
  heapUsed,
  hostileText,
  params,
  testTimeout,
  timed,
} from './fuzz'

const school = loadSchoolProfile(join(import.meta.dirname, '..', 'corpus', 'school-profile.json'))
const LABELS = new Set(['negative', 'neutral', 'positive'])
const FLAGS = new Set<string>(POLICY_FLAGS)
const PRIORITIES = new Set(['urgent', 'high', 'normal', 'low'])
const OWNERS = new Set(['head', 'dsl', 'orm_lead'])
const SOURCES = [undefined, 'feed', 'google_business', 'facebook', 'x', 'mumsnet', 'wikipedia']

function checkVerdict(r: AnalysisResult, text: string): void {
  ensure(LABELS.has(r.sentiment.label), 'label in the enum', r.sentiment)
  ensure(Number.isFinite(r.sentiment.score), 'score is a number', r.sentiment)
  ensure(r.sentiment.score >= -1 && r.sentiment.score <= 1, 'score in [-1, 1]', r.sentiment)
  ensure(
    r.flags.every((f) => FLAGS.has(f)),
    'known flags',
    r.flags,
  )
  ensure(new Set(r.flags).size === r.flags.length, 'no flag twice', r.flags)
  ensure(PRIORITIES.has(r.priority) && OWNERS.has(r.owner), 'priority and owner', r)
  for (const e of r.evidence) {
    ensure(Number.isInteger(e.start) && Number.isInteger(e.end), 'integer offsets', e)
    ensure(e.start >= 0 && e.start < e.end && e.end <= text.length, 'span inside the text', {
      e,
      length: text.length,
    })
    ensure(e.signal === 'sentiment' || FLAGS.has(e.signal), 'evidence signal', e)
    ensure(typeof e.explanation === 'string' && e.explanation.length > 0, 'explains why', e)
  }
  // Every flag comes with its evidence (racist emoji aimed at a person are abuse, shown as hate).
  const signals = new Set(r.evidence.map((e) => e.signal))
  for (const f of r.flags) {
    ensure(signals.has(f) || (f === 'abuse' && signals.has('hate')), `flag ${f} has evidence`, r)
  }
}

const markup = fc.constantFrom(
  '<b>',
  '</b>',
  '<a href="javascript:alert(1)">',
  '</a>',
  '<img src=x onerror=alert(1)>',
  '**',
  '_',
  '# ',
  '> ',
  '[',
  '](http://x.example)',
  '`',
  '&lt;',
  '&#x202E;',
)

const text = fc.oneof(
  { weight: 6, arbitrary: hostileText(40) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(hostileText(6), markup), { maxLength: 20 }).map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 80 }) },
)

describe('analysis engine fuzz', () => {
  beforeAll(() => {
    analyzeBuiltin('warm-up: the teachers are lovely', { school })
  })

  it(
    'any text gives a valid, deterministic verdict quickly; the heap stays flat',
    () => {
      let n = 0
      const { fn, stats } = timed((t: string, source: string | undefined) => {
        const r = analyzeBuiltin(t, { school, source })
        checkVerdict(r, t)
        // Same input, same verdict: nothing leaks from one call into the next (every 8th case,
        // as a second analysis of each would double the suite's time).
        if (n++ % 8 === 0) {
          ensure(
            JSON.stringify(analyzeBuiltin(t, { school, source })) === JSON.stringify(r),
            'deterministic',
            t,
          )
        }
      })
      const prop = fc.property(text, fc.constantFrom(...SOURCES), fn)
      fc.assert(prop, params({ numRuns: 300, seed: 1 }))
      const before = heapUsed()
      fc.assert(prop, params())
      const growth = heapUsed() - before
      expect(stats.max).toBeLessThan(MAX_CASE_MS)
      expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES)
    },
    testTimeout(60_000),
  )

  it('invisible characters and homoglyphs do not break spans: evidence stays inside the text', () => {
    const INVISIBLE = ['\u200b', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u202e', '\u0301']
    const HOMOGLYPH: Record<string, string> = {
      a: '\u0430',
      e: '\u0435',
      o: '\u043e',
      i: '\u0456',
      c: '\u0441',
    }
    const phrase = fc.constantFrom(
      "I will kill the head of St Aldhelm's",
      'the teachers are useless and rude',
      'call me on 07700 900123',
      'Lovely school, wonderful staff',
      'Mrs Okafor should be sacked',
    )
    fc.assert(
      fc.property(
        phrase,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 6 }),
        fc.boolean(),
        (p, inserts, swap) => {
          let t = swap ? p.replace(/[aeoic]/g, (c) => HOMOGLYPH[c]) : p
          for (const [at, ch] of inserts) {
            const i = at % (t.length + 1)
            t = t.slice(0, i) + ch + t.slice(i)
          }
          checkVerdict(analyzeBuiltin(t, { school }), t)
        },
      ),
      params(),
    )
  })

  it('dedicated long inputs: 80 kB of mixed text, 100 kB in one "word", stay valid and quick', () => {
    const long = fc.sample(text, { seed: 7, numRuns: 4000 }).join(' ')
    // One run of 100,000 letters took over a minute before long runs were broken up (regression).
    const cases = [
      long,
      'a'.repeat(100_000),
      'a\u200b'.repeat(50_000),
      '<'.repeat(100_000),
      'kill '.repeat(30_000),
    ]
    for (const t of cases) {
      const t0 = performance.now()
      checkVerdict(analyzeBuiltin(t, { school }), t)
      expect(performance.now() - t0).toBeLessThan(5_000)
    }
  })

  it("the evidence cap never drops a flag's words: a threat after 80 phone numbers keeps its span (regression)", () => {
    const t = 'Ring 07700 900123 now. '.repeat(80) + 'I will kill the head when she leaves school.'
    const r = analyzeBuiltin(t, { school })
    expect(r.flags).toContain('threat')
    expect(r.evidence.length).toBeLessThanOrEqual(60)
    const threat = r.evidence.find((e) => e.signal === 'threat')
    expect(threat && t.slice(threat.start, threat.end)).toMatch(/kill/i)
    checkVerdict(r, t)
  })
})
