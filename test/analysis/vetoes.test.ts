// Runs in: Vitest (Node). The learned layer may not add a threat to a farewell or to a hazard, nor
// safeguarding to hunger blamed on school food, nor hostility to a warm text. Those vetoes stand
// only while the labels agree: this reads every training set and the opened corpus files (never the
// blind part3.jsonl) and fails when a labelled threat is a farewell or an unturned hazard, when a
// labelled safeguarding case is a school-food complaint, or when warm texts hold more than a trace
// of the hostility the model may not add to them. A toy model then checks that the engine applies
// each veto, and only where it should.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import { isHazard } from '../../src-main/analysis/flags/threat-not'
import {
  FAREWELL,
  NEGLECT,
  NEVER_WARM,
  SCHOOL_FOOD_HUNGER,
  WEIGHTS_FORMAT,
  applyLearned,
  loadLearnedModel,
} from '../../src-main/analysis/learned'
import { fold } from '../../src-main/analysis/normalize'
import { allTrainingSets, readLabelledRows } from '../../scripts/lib/training-sets'
import { weightRow } from './helpers'

const corpus = join(import.meta.dirname, '..', 'corpus')
const rows = readLabelledRows([
  ...allTrainingSets(),
  ...['part1.jsonl', 'part2.jsonl', 'part4.jsonl'].map((f) => join(corpus, f)),
])

describe('the learned layer’s vetoes agree with the labels', () => {
  it('no labelled threat is a farewell, among the texts that hold one', () => {
    const farewells = rows.filter((r) => FAREWELL.test(fold(r.text).lower))
    // Enough farewells that the check means something.
    expect(farewells.length).toBeGreaterThanOrEqual(20)
    expect(farewells.filter((r) => r.flags.includes('threat')).map((r) => r.id)).toEqual([])
  })

  it('no labelled threat is a hazard that no condition or person turns', () => {
    const hazards = rows.filter((r) => isHazard(fold(r.text).lower))
    expect(hazards.length).toBeGreaterThanOrEqual(15)
    expect(hazards.filter((r) => r.flags.includes('threat')).map((r) => r.id)).toEqual([])
  })

  it('no labelled safeguarding case is hunger blamed on school food without neglect', () => {
    const food = rows.filter((r) => {
      const t = fold(r.text).lower
      return SCHOOL_FOOD_HUNGER.test(t) && !NEGLECT.test(t)
    })
    expect(food.filter((r) => r.flags.includes('safeguarding')).map((r) => r.id)).toEqual([])
  })

  it.each(NEVER_WARM)('%s is almost never labelled on a positive text', (flag) => {
    const flagged = rows.filter((r) => r.flags.includes(flag))
    expect(flagged.length).toBeGreaterThanOrEqual(500)
    const warm = flagged.filter((r) => r.sentiment === 'positive')
    // threat: none today; hate 6 and extremism 7 (sarcasm and quoted slogans) out of ~1,000 each.
    expect(warm.length / flagged.length).toBeLessThan(flag === 'threat' ? 0.002 : 0.01)
  })
})

// A toy model whose one word, "crossing", pushes hard towards threat and hate, and "proud" towards
// positive: without the vetoes it would add both flags to every text holding the word.
function toyModel() {
  const model = loadLearnedModel({
    format: WEIGHTS_FORMAT,
    entries: [
      weightRow('w:crossing', { threat: 6, hate: 6 }),
      weightRow('w:proud', { positive: 8 }),
    ],
    flags: { threat: { mode: 'or', threshold: 0.5 }, hate: { mode: 'or', threshold: 0.5 } },
  })
  if (!model) throw new Error('toy weights rejected')
  return model
}
const withToy = (text: string) => applyLearned(analyzeRules(text, {}), {}, toyModel())

describe('the learned layer’s vetoes hold in the engine', () => {
  it('adds the toy flags where no veto applies', () => {
    expect(withToy('That crossing again.').flags).toEqual(
      expect.arrayContaining(['threat', 'hate']),
    )
  })

  it('adds no threat to a hazard, but does once a person turns it', () => {
    const hazard = 'Somebody is going to get hurt at that crossing one of these mornings.'
    expect(withToy(hazard).flags).not.toContain('threat')
    expect(withToy(`${hazard} If the head keeps ignoring us it might be her.`).flags).toContain(
      'threat',
    )
  })

  it('adds no threat, hate or extremism to a text it reads as positive', () => {
    const r = withToy('So proud of the new crossing outside school.')
    expect(r.sentiment.label).toBe('positive')
    for (const fl of NEVER_WARM) expect(r.flags).not.toContain(fl)
  })

  it('keeps hate the rules raised on a text it reads as positive', () => {
    const text = 'Proud of the crossing. Now send them all back where they came from.'
    expect(analyzeRules(text, {}).result.flags).toContain('hate')
    const r = withToy(text)
    expect(r.sentiment.label).toBe('positive')
    expect(r.flags).toContain('hate')
  })
})
