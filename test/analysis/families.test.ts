// Runs in: Vitest (Node). The paraphrase families for the strict flags: each concept caught in
// wordings that appear nowhere in the corpus, and the look-alikes each family must leave alone.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import {
  OUTPUTS,
  WEIGHTS_FORMAT,
  type WeightsFile,
  applyLearned,
  loadLearnedModel,
} from '../../src-main/analysis/learned'
import { POLICY_FLAGS, type PolicyFlag } from '../../src-main/analysis/types'
import { analyze, school } from './helpers'

const fires = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: fires on %s`, (t) => expect(analyze(t).flags).toContain(flag))
}
const quiet = (flag: PolicyFlag, texts: string[]): void => {
  it.each(texts)(`${flag}: stays quiet on %s`, (t) => expect(analyze(t).flags).not.toContain(flag))
}

describe('threat families', () => {
  fires('threat', [
    "I'll set fire to that staffroom if they exclude him again",
    'Maybe someone should pay the head a little visit at home',
    "We'll settle this man to man in the car park",
    'Our day is coming for the traitors who run that school',
    "I'll make sure every last one of them regrets it",
    'Teachers like that end up with bricks through their windows',
  ])
  quiet('threat', [
    "I'll be burning the midnight oil on this costume",
    "Someone's going to get hurt on that icy crossing, please grit it",
    'A spoonful of peanut butter will not kill anyone, calm down',
  ])
})

describe('safeguarding families', () => {
  fires('safeguarding', [
    'DD has been getting WhatsApp messages from one of the coaches saying it is their little secret',
    'A man nobody recognised walked off with a Y2 girl who was crying and pulling away',
    'My son has cuts up and down his arms and says it helps when he is sad',
    'The class page put up a photo with every child’s full name underneath it',
  ])
  quiet('safeguarding', [
    "DS's jumper went missing again, third one this term",
    'Do you have a nut-free policy? My daughter has an allergy and we are applying.',
    'The fake Okafor account has been messaging parents asking for gift cards',
  ])
})

describe('sexual, hate and extremism families', () => {
  fires('sexual', [
    'gorgeous little girls in that netball photo, message me',
    'Mr Baxter offers one-to-one sessions for the mums, if you know what I mean',
  ])
  quiet('sexual', ['The girls looked gorgeous in their nativity costumes, well done all'])
  fires('hate', [
    'The class is full of Romanian kids now, no wonder standards dropped',
    'She needs a man in to sort out the discipline',
    'A lad in a dress using the girls toilets, absolute freak show',
    'protect our kids 14 88',
  ])
  quiet('hate', ['The Polish evening the PTA ran was brilliant, lovely food'])
  fires('extremism', [
    'He keeps saying it is an honour to die for the cause and that non-believers are vermin',
  ])
})

describe('personal data families', () => {
  fires('personal_info', [
    'That is Amara Bello from Robin class in the front row',
    'ask noah t in 5b, he saw everything',
    'Paul Gray, 41, of Hawthorn Close, Hollinbury, was fined',
  ])
})

describe('the learned layer never adds a flag on function words alone', () => {
  it('drops a strict flag whose only support is "of" and "the"', () => {
    const col = 3 + POLICY_FLAGS.indexOf('hate')
    const row = (name: string, w: number): [string, ...number[]] => {
      const r = new Array<number>(OUTPUTS).fill(0)
      r[col] = w
      return [name, ...r]
    }
    const weights: WeightsFile = {
      format: WEIGHTS_FORMAT,
      flags: { hate: { mode: 'or', threshold: 0.5 } },
      entries: [row('w:of', 3000), row('w:the', 3000), row('b:of_the', 3000)],
      scale: 1000,
    }
    const model = loadLearnedModel(weights)!
    const text = 'Not a fan of the new lunch menu.'
    const r = applyLearned(analyzeRules(text, { school }), {}, model)
    expect(r.flags).not.toContain('hate')
  })
})
