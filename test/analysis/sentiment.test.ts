import { describe, expect, it } from 'vitest'
import { analyze } from './helpers'

describe('sentiment: what general lexicons get wrong', () => {
  it.each([
    ['The new head is a joke and should be sacked', 'negative'],
    ['Not the worst school in the area but not far off', 'negative'],
    ["Can't fault it", 'positive'],
    ['Great, another INSET day. Thanks for the notice', 'negative'],
    ["Wouldn't send my dog there", 'negative'],
    ['Lovely teachers but dreadful leadership', 'negative'],
    ['The leadership is poor at times but the teachers are lovely and DS is thriving', 'positive'],
    ['Not bad at all, DS is happy', 'positive'],
    ['Communication could be better, to be honest', 'negative'],
    ['AIBU to think the SENCO should reply to an EHCP email within a month?', 'negative'],
    ['Ofsted have put the school in special measures', 'negative'],
    ['Rated outstanding by Ofsted and you can see why', 'positive'],
    ['The staff went above and beyond for my PFB 😍', 'positive'],
    ['Absolutely useless 😡', 'negative'],
    ['What time does breakfast club open?', 'neutral'],
    ['Year 6 absolutely smashed their SATs', 'positive'],
  ])('%s → %s', (text, label) => {
    expect(analyze(text).sentiment.label).toBe(label)
  })

  it('scores stay in [-1, 1] and agree in sign with the label', () => {
    for (const t of [
      'Brilliant brilliant brilliant amazing wonderful!!! 😍😍😍',
      'Awful dreadful shocking appalling 😡😡',
    ]) {
      const r = analyze(t)
      expect(r.sentiment.score).toBeGreaterThanOrEqual(-1)
      expect(r.sentiment.score).toBeLessThanOrEqual(1)
      expect(Math.sign(r.sentiment.score)).toBe(r.sentiment.label === 'positive' ? 1 : -1)
    }
  })

  it('news reporting is read as neutral unless strongly worded', () => {
    const text =
      'Road closure on Fenwick Road outside the school from Monday for gas works, three weeks.'
    expect(analyze(text, 'news').sentiment.label).toBe('neutral')
  })

  it('gives sentiment evidence that points at the words that decided it', () => {
    const text = 'Lovely teachers but dreadful leadership'
    const r = analyze(text)
    const spans = r.evidence
      .filter((e) => e.signal === 'sentiment')
      .map((e) => text.slice(e.start, e.end))
    expect(spans).toContain('dreadful')
  })
})
