// Runs in: Vitest (Node). The rule prefilter may skip a regex only when it certainly cannot match.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  gateOf,
  mayMatch,
  newIndex,
  requiredLiterals,
} from '../../src-main/analysis/flags/prefilter'

const RULES: RegExp[] = [
  /\b(?:idiot|moron|useless (?:cow|prat))\b/g,
  /\bwe know (?:where you|which car)\b/g,
  /\b(?:kill|hurt)(?:ing|s)? (?:you|him|her)\b/g,
  /\bwaiting (?:for you )?at the gates?\b/g,
  /\b(?:07\d{3}|01632) ?\d{3} ?\d{3}\b/g,
  /(?:ab|cd)+x?/g,
  // Shapes the literal parser multiplies out or reads through: classes, optional pieces,
  // lookarounds, astral characters in 'u' mode, repeats.
  /\b(?:boy|man) in an? (?:dress|wig)\b/g,
  /\b[Yy]ear [1-6] (?:pupils?|class)\b/g,
  /\bcolou?r(?:ed)? (?:me|us) (?:shocked|surprised)/g,
  /\b(?:mr|dr) \w+(?=[\s\S]{0,40}\bsend me\b)/g,
  /\bhi (?!there)[a-z]+ (?<=hi y)ou/g,
  /(?:\u{1F52A}|\u{1F52B})+ (?:you|u)\b/gu,
  /\b(?:go){2,} (?:ho+me|away)\b/g,
  /[*#@]{2}(?:k|ck)/g,
]

describe('rule prefilter', () => {
  it('derives the literals every match must contain, or none when unsure', () => {
    expect(requiredLiterals(/\b(?:idiot|moron)\b/g)?.sort()).toEqual(['idiot', 'moron'])
    expect(requiredLiterals(/\bwe know (?:where|which)\b/g)).not.toBeNull()
    // Case-insensitive and optional-only patterns give no literals: those rules always run.
    expect(requiredLiterals(/idiot/gi)).toBeNull()
    expect(requiredLiterals(/(?:ab)?c/g)).toBeNull()
  })

  it('multiplies out exact pieces and reads classes, optional parts and lookaheads', () => {
    const lits = (re: RegExp): string[] | undefined => requiredLiterals(re)?.sort()
    expect(lits(/\b(?:boy|man) in a (?:dress|wig)\b/g)).toEqual([
      'boy in a dress',
      'boy in a wig',
      'man in a dress',
      'man in a wig',
    ])
    expect(lits(/\b[Yy]ear \d/g)).toEqual(['Year ', 'year '])
    expect(lits(/\bcolou?r (?:red|blue)/g)).toEqual([
      'color blue',
      'color red',
      'colour blue',
      'colour red',
    ])
    // What a positive lookahead needs is in the text too; a negative one promises nothing.
    expect(lits(/\b(?:mr|dr) \w+(?=[\s\S]{0,40}\bsend me\b)/g)).toEqual(['send me'])
    expect(lits(/\b(?:mr|dr)\w+(?![\s\S]{0,40}\bsend me\b)/g)).toBeUndefined()
    // An astral character is one atom in 'u' mode, escaped or not.
    expect(lits(/(?:\u{1F52A}|\u{1F52B}) you/gu)).toEqual(['\u{1F52A} you', '\u{1F52B} you'])
    expect(lits(/\b(?:ta|sir) said/g)).toEqual(['sir said', 'ta said'])
    // Too little to go on: a two-letter word, a negated class, a backreference.
    expect(requiredLiterals(/\b(?:ta|mr)\b/g)).toBeNull()
    expect(requiredLiterals(/[^abc]{3}/g)).toBeNull()
    expect(requiredLiterals(/(ab)\1/g)).toBeNull()
  })

  it('skips a rule only when the text lacks every literal', () => {
    const ix = newIndex()
    const gate = gateOf(/\b(?:idiot|moron)\b/g)
    expect(gate).not.toBeNull()
    expect(mayMatch(ix, 'the head is a total moron', gate)).toBe(true)
    expect(mayMatch(ix, 'lovely nativity, thank you', gate)).toBe(false)
    expect(mayMatch(ix, 'anything at all', null)).toBe(true)
  })

  it('never hides a match (10,000 generated texts)', () => {
    const words = [
      'idiot',
      'moron',
      'useless cow',
      'we know where you',
      'which car',
      'killing you',
      'waiting at the gate',
      '07700 900 123',
      'abcd',
      'x',
      'boy in a dress',
      'man in an wig',
      'Year 4 pupil',
      'year 6 class',
      'colored me surprised',
      'colour us shocked',
      'mr smith',
      'send me',
      'hi you',
      'hi yyou',
      '\u{1F52A}\u{1F52A} u',
      '\u{1F52B} you',
      'gogo home',
      'gogogo hooome',
      '**ck',
      '#@k',
      'the',
      'school',
      ' ',
      '.',
    ]
    const text = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 12 })
      .map((p) => p.join(' '))
    const gates = RULES.map((re) => ({ re, gate: gateOf(re) }))
    const ix = newIndex()
    fc.assert(
      fc.property(text, (s) => {
        for (const { re, gate } of gates) {
          re.lastIndex = 0
          if (re.test(s) && !mayMatch(ix, s, gate)) return false
        }
        return true
      }),
      { numRuns: 10_000, seed: 20261121 },
    )
  })
})
