// Runs in: Vitest (Node). The sentiment phrases run only on texts the rules' literal scan lets
// through: that gate may never hide a phrase.
import { describe, expect, it } from 'vitest'
import { openedCorpusTexts } from './helpers'
import { mayMatchFolded } from '../../src-main/analysis/flags/util'
import { fold } from '../../src-main/analysis/normalize'
import { PHRASE_ALTERNATIONS } from '../../src-main/analysis/sentiment'

describe('sentiment phrase gate', () => {
  it('lets through every opened corpus text that holds a phrase, and keeps some others out', () => {
    const texts = openedCorpusTexts()
    // Phrases whose literals are the shortest the gate accepts, and an emoji-bearing one.
    texts.push('Great idea, cancel the trip /s', 'Ofsted: a* for the office 🙃', 'Yeah right 🙄')
    let held = 0
    let passed = 0
    for (const t of texts) {
      const f = fold(t)
      for (const re of PHRASE_ALTERNATIONS) {
        re.lastIndex = 0
        const holds = re.test(f.lower)
        const gate = mayMatchFolded(f, 'lower', re, 2)
        if (holds) expect(gate, t).toBe(true)
        if (holds) held++
        if (gate) passed++
      }
    }
    expect(held).toBeGreaterThan(100)
    expect(passed).toBeLessThan(0.8 * PHRASE_ALTERNATIONS.length * texts.length)
  })
})
