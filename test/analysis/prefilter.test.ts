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
]

describe('rule prefilter', () => {
  it('derives the literals every match must contain, or none when unsure', () => {
    expect(requiredLiterals(/\b(?:idiot|moron)\b/g)?.sort()).toEqual(['idiot', 'moron'])
    expect(requiredLiterals(/\bwe know (?:where|which)\b/g)).not.toBeNull()
    // Case-insensitive and optional-only patterns give no literals: those rules always run.
    expect(requiredLiterals(/idiot/gi)).toBeNull()
    expect(requiredLiterals(/(?:ab)?c/g)).toBeNull()
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
