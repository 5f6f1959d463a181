// Runs in: Vitest (Node). The learned layer: shipped weights, determinism, the trainer on a tiny
// fixture, how it combines with the rules, and that bad input still gets a valid result.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { trainAnalysis } from '../../src-main/analysis/calibrate'
import { analyzeBuiltin, analyzeRules } from '../../src-main/analysis/engine'
import {
  emitFeatures,
  featureKey,
  featureName,
  parseFeatureName,
} from '../../src-main/analysis/features'
import {
  WEIGHTS_FORMAT,
  type WeightsFile,
  applyLearned,
  loadLearnedModel,
  scoreOutcome,
  shippedModel,
} from '../../src-main/analysis/learned'
import {
  DEFAULT_TRAIN_OPTIONS,
  type TrainExample,
  encodeExamples,
  fit,
  score,
} from '../../src-main/analysis/trainer'
import { POLICY_FLAGS } from '../../src-main/analysis/types'
import { school, weightRow } from './helpers'

const modelDir = join(import.meta.dirname, '..', '..', 'src-main', 'analysis', 'model')
const corpusDir = join(import.meta.dirname, '..', 'corpus')

describe('shipped weights', () => {
  it('load, with the strict flags only ever adding to the rules', () => {
    const m = shippedModel()
    expect(m).not.toBeNull()
    expect(m!.vocab.length).toBeGreaterThan(1000)
    for (const fl of ['threat', 'safeguarding', 'extremism', 'sexual', 'personal_info', 'hate'])
      expect(['or', 'rule']).toContain(m!.flags[fl as 'threat'].mode)
  })

  it('predict deterministically', () => {
    const text = 'Mr Pryce shouted at my son again, the office never calls back. Disgraceful.'
    const a = analyzeBuiltin(text, { school, source: 'mumsnet' })
    const b = analyzeBuiltin(text, { school, source: 'mumsnet' })
    expect(b).toEqual(a)
    const o = analyzeRules(text, { school })
    expect([...scoreOutcome(shippedModel()!, o).z]).toEqual([...scoreOutcome(shippedModel()!, o).z])
  })

  it('hash features exactly as the trainer names them', () => {
    for (const t of [
      "school's can't 07700 900123 y6 abcdefghijklmnop1234567 ?! $5",
      'héllo café 😡 don’t Ｓｃｈｏｏｌ',
      'f u c k this sh1t',
    ]) {
      const o = analyzeRules(t)
      emitFeatures(
        o,
        'x',
        (kind, w1, w2, key) => {
          expect(featureKey(...parseFeatureName(featureName(kind, w1, w2)))).toBe(key)
        },
        true,
      )
    }
  })
})

const POS = [
  'wonderful caring teachers, my daughter loves it',
  'brilliant school, wonderful staff',
  'caring and wonderful, thank you all',
  'my son loves his brilliant teacher',
  'thank you for a wonderful nativity',
  'brilliant caring head, thank you',
  'the staff are wonderful and caring',
  'loves going in every day, brilliant',
  'thank you to the wonderful office team',
  'caring brilliant teachers all round',
  'wonderful sports day, thank you',
  'my daughter loves the brilliant library',
  'brilliant and caring as always',
  'thank you, wonderful term',
  'loves it, caring teachers',
]
const NEG = [
  'awful rude office, nobody answers',
  'the office is rude and awful',
  'rude head, awful communication',
  'nobody answers the phone, awful',
  'awful lunches and rude staff',
  'rude receptionist again, nobody cares',
  'awful awful school, rude to parents',
  'nobody answers emails, rude office',
  'the rude office ignored us, awful',
  'awful communication, nobody answers',
  'so rude, awful behaviour policy',
  'rude and awful, nobody listens',
  'awful parking and rude staff',
  'nobody answers, the head is rude',
  'awful and rude, shocking',
]

describe('trainer on a tiny fixture', () => {
  const examples: TrainExample[] = [
    ...POS.map((text) => ({ text, sentiment: 'positive' as const, flags: ['praise' as const] })),
    ...NEG.map((text) => ({ text, sentiment: 'negative' as const, flags: ['complaint' as const] })),
  ]
  const opts = { minCount: 1, folds: 3, epochs: 30 }

  it('is reproducible and separates two obvious classes', () => {
    const a = trainAnalysis(examples, opts)
    const b = trainAnalysis(examples, opts)
    expect(JSON.stringify(b.weights)).toBe(JSON.stringify(a.weights))
    const m = loadLearnedModel(a.weights)
    expect(m).not.toBeNull()
    const pos = applyLearned(analyzeRules('wonderful caring people'), {}, m)
    const neg = applyLearned(analyzeRules('rude people, nobody answers'), {}, m)
    expect(pos.sentiment.label).toBe('positive')
    expect(neg.sentiment.label).toBe('negative')
    expect(pos.sentiment.score).toBeGreaterThan(neg.sentiment.score)
  })
})

describe('trainer: sentiment class balance', () => {
  // One wording, labelled negative three times as often as neutral: the briefs' mix, not meaning.
  const text = 'the newsletter came out on friday'
  const examples: TrainExample[] = [
    ...Array.from({ length: 9 }, () => ({ text, sentiment: 'negative' as const, flags: [] })),
    ...Array.from({ length: 3 }, () => ({ text, sentiment: 'neutral' as const, flags: [] })),
  ]
  const logits = (sentimentBalance: number): Float64Array => {
    const opts = { ...DEFAULT_TRAIN_OPTIONS, minCount: 1, epochs: 40, sentimentBalance }
    const data = encodeExamples(examples)
    return score(fit(data, opts), data)[0]
  }

  it('learns the labels’ skew unweighted and not when the classes are balanced', () => {
    const raw = logits(0)
    const balanced = logits(1)
    // Unweighted, the softmax settles near the 3:1 odds (log 3 ≈ 1.1 between the two logits).
    expect(raw[0] - raw[1]).toBeGreaterThan(0.8)
    expect(Math.abs(balanced[0] - balanced[1])).toBeLessThan(0.2)
  })
})

/** A hand-made model: one word pushes `threat`, everything else is neutral. */
function toyModel(): WeightsFile {
  return {
    format: WEIGHTS_FORMAT,
    scale: 1000,
    flags: { threat: { mode: 'or', threshold: 0.5 } },
    entries: [
      weightRow('w:banana', { threat: 6000 }),
      weightRow('bias', { threat: -4000, neutral: 1000 }),
    ],
  }
}

describe('combining rules and model', () => {
  it('keeps the rules’ evidence when a rule fired', () => {
    const text = 'we know which car is yours'
    const r = analyzeBuiltin(text, { school })
    expect(r.flags).toContain('threat')
    const ev = r.evidence.filter((e) => e.signal === 'threat')
    expect(ev.some((e) => !e.rule.startsWith('learned.'))).toBe(true)
  })

  it('explains a model-only flag with the words that carried it', () => {
    const m = loadLearnedModel(toyModel())
    const text = 'The banana is back.'
    const r = applyLearned(analyzeRules(text), {}, m)
    expect(r.flags).toContain('threat')
    const e = r.evidence.find((x) => x.rule === 'learned.threat')!
    expect(text.slice(e.start, e.end)).toBe('banana')
    expect(e.explanation).toContain("'banana'")
    expect(e.explanation).toContain('(model)')
    expect(r.priority).toBe('urgent')
  })

  it('never adds a flag without words behind it', () => {
    const m = loadLearnedModel(toyModel())
    expect(applyLearned(analyzeRules('An apple.'), {}, m).flags).not.toContain('threat')
  })

  it('keeps weights as 16-bit integers when they fit, with the sums float32 weights give', () => {
    const small = loadLearnedModel(toyModel())!
    expect(small.W).toBeInstanceOf(Int16Array)
    // One weight beyond 16 bits, on a feature no text below holds: the float32 path.
    const wide = toyModel()
    wide.entries.push(weightRow('w:zebra', { threat: 40_000, negative: 40_000 }))
    const big = loadLearnedModel(wide)!
    expect(big.W).toBeInstanceOf(Float32Array)
    const threat = 3 + POLICY_FLAGS.indexOf('threat')
    for (const text of ['The banana is back.', 'An apple.']) {
      const o = analyzeRules(text)
      const a = scoreOutcome(small, o)
      const b = scoreOutcome(big, o)
      expect([...a.z]).toEqual([...b.z])
      // bias -4 for threat, +6 more where "banana" is read
      expect(a.z[threat]).toBeCloseTo(text.includes('banana') ? 2 : -4, 9)
    }
    expect(scoreOutcome(big, analyzeRules('a zebra')).z[threat]).toBeCloseTo(36, 9)
  })

  it('scores with the shipped weights as 16-bit integers exactly as with float32', () => {
    const shipped = JSON.parse(readFileSync(join(modelDir, 'weights.json'), 'utf8')) as WeightsFile
    const ints = loadLearnedModel(shipped)!
    expect(ints.W).toBeInstanceOf(Int16Array)
    // The same file with one weight beyond 16 bits on a feature no text holds: the float32 path.
    const floats = loadLearnedModel({
      ...shipped,
      entries: [...shipped.entries, weightRow('w:zzzzzzzz', { threat: 40_000 })],
    })!
    expect(floats.W).toBeInstanceOf(Float32Array)
    const texts = ['part1.jsonl', 'part2.jsonl', 'part4.jsonl'].flatMap((f) =>
      readFileSync(join(corpusDir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { text: string; source?: string }),
    )
    expect(texts.length).toBeGreaterThan(900)
    for (const t of texts) {
      const o = analyzeRules(t.text, { school, source: t.source })
      expect([...scoreOutcome(ints, o, t.source).z]).toEqual([
        ...scoreOutcome(floats, o, t.source).z,
      ])
    }
  })

  it('falls back to the rules alone without usable weights', () => {
    for (const bad of [null, {}, { format: WEIGHTS_FORMAT, entries: [] }, { format: 'other' }])
      expect(loadLearnedModel(bad)).toBeNull()
    const o = analyzeRules('Lovely school')
    expect(applyLearned(o, {}, null)).toBe(o.result)
  })
})

describe('bad input through the learned engine', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['1 MB', 'The teachers are lovely but the office never replies. '.repeat(20_000)],
    ['binary', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65536))],
    ['right-to-left', 'المدرسة رائعة \u202Eevil\u202C שלום לכולם'],
    ['zero-width and homoglyphs', 'we kn\u200Bow wh\u00ADich саr is yоurs'],
    ['html', '<script>alert(1)</script><div>The head is <b>useless</b></div>&amp;&#128545;'],
    ['digits only', '42'],
  ]
  it.each(cases)('%s', (_name, text) => {
    const t0 = performance.now()
    const r = analyzeBuiltin(text, { school })
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(['negative', 'neutral', 'positive']).toContain(r.sentiment.label)
    expect(Math.abs(r.sentiment.score)).toBeLessThanOrEqual(1)
    for (const f of r.flags) expect(POLICY_FLAGS).toContain(f)
    for (const e of r.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0)
      expect(e.end).toBeLessThanOrEqual(text.length)
      expect(e.start).toBeLessThanOrEqual(e.end)
    }
    expect(() => JSON.stringify(r)).not.toThrow()
  })
})
