// Runs in: Vitest (Node). Personal data as people actually type it: letters for digits, numbers
// said in words, handles spelled out, plates and postcodes that are shaped right but never issued,
// class codes such as 10R. And what looks like it but is an institution's own published address.
import { describe, expect, it } from 'vitest'
import { analyzeRules } from '../../src-main/analysis/engine'
import { school } from './helpers'

/** The rules alone, so each case proves a detector fired, not the learned layer. */
const piiRules = (t: string): string[] =>
  analyzeRules(t, { school })
    .result.evidence.filter((e) => e.signal === 'personal_info')
    .map((e) => e.rule)

describe('personal data in the spellings people use', () => {
  it.each([
    ['Text me on 077OO 9OO 316 if you want the old blazer', 'personal_info.phone-mobile'],
    ['cheap alterations, ring 077OO9OO4I7 now', 'personal_info.phone-mobile'],
    [
      'His number is seven seven zero zero, nine zero zero, three one two. Ring him.',
      'personal_info.phone-spoken',
    ],
    [
      'call oh seven seven oh oh, nine hundred, four two one after six',
      'personal_info.phone-spoken',
    ],
    [
      'Lost keys by the school gate and the Co-op. Please ring 01632-960-554',
      'personal_info.phone-landline',
    ],
    ["her private one is bluebell.mum77 at example.net, she'll answer", 'personal_info.email'],
    ['The van parked on the zigzags every morning is QX19 ZZT', 'personal_info.vehicle-reg'],
    ['A man in a black car, Q841 PLK, was filming at the gates', 'personal_info.vehicle-reg'],
    ['she wrote our postcode, XV9 3NB, on the rota', 'personal_info.postcode'],
    ['fyi he lives at no. 22 calder rise, go and have a word', 'personal_info.address'],
    [
      'The girl bullying her is Ellie-Mae from 4F, everyone knows',
      'personal_info.child-first-name-year',
    ],
    ['It was Mason Pryor-Hughes, year 10, who started it', 'personal_info.child-name-year'],
    [
      'Our baby starts today! Alfie Nkemelu, Hedgehog Class, you have got this',
      'personal_info.child-name-year',
    ],
  ])('finds %s', (text, rule) => {
    expect(piiRules(text)).toContain(rule)
  })

  it.each([
    'Please ring the absence line on 01632 960 210 before 9am',
    'Our new main number is 0161 496 0250, please update your phones',
    'Find us at Thornbury Lane Junior School, Thornbury Lane, Braddon, ZB2 4TR',
    'Sponsor the leavers hoodies: contact pta.fennickroad@example.org',
    'Concerns can be emailed to safeguarding@stcolmans.example.org',
    'DS came home in Year 4 with SATs practice again',
  ])('leaves alone: %s', (text) => {
    expect(piiRules(text)).toEqual([])
  })
})

describe('threat parts', () => {
  it('reads a water bottle as a thing, not as a blow', () => {
    const flags = analyzeRules(
      'Lost his water bottle again, nobody noticed it missing until Friday',
      {
        school,
      },
    ).result.flags
    expect(flags).not.toContain('threat')
    expect(
      analyzeRules("I'll bottle him next time he's at the gate", { school }).result.flags,
    ).toContain('threat')
  })
})
