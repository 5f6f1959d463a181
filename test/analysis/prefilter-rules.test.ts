// Runs in: Vitest (Node). The prefilter against the engine's real rules: on every opened corpus
// text (and look-alike spellings of it), a rule whose regex matches is never skipped.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BROAD_COMMERCIAL,
  BROAD_EXTREMISM,
  BROAD_HATE,
  BROAD_IMPERSONATION,
  BROAD_SAFEGUARDING,
  BROAD_SEXUAL,
  BROAD_SPAM,
  BROAD_THREAT,
} from '../../src-main/analysis/flags/broad'
import {
  EXTREMISM_FAMILIES,
  HATE_FAMILIES,
  SAFEGUARDING_FAMILIES,
  SEXUAL_FAMILIES,
  THREAT_FAMILIES,
} from '../../src-main/analysis/flags/families'
import { EXTREMISM_FAMILIES_2, HATE_FAMILIES_2 } from '../../src-main/analysis/flags/families-hate'
import {
  EXTREMISM_FAMILIES_3,
  HATE_FAMILIES_3,
  HATE_FAMILIES_4,
} from '../../src-main/analysis/flags/families-hate-3'
import { PERSONAL_DATA_FAMILIES } from '../../src-main/analysis/flags/families-pii'
import { SAFEGUARDING_FAMILIES_2 } from '../../src-main/analysis/flags/families-safeguarding'
import { SEXUAL_FAMILIES_2, SEXUAL_FAMILIES_3 } from '../../src-main/analysis/flags/families-sexual'
import { THREAT_FAMILIES_2 } from '../../src-main/analysis/flags/families-threat'
import { gateOf, mayMatch, newIndex } from '../../src-main/analysis/flags/prefilter'
import { THREAT_FAMILIES_3 } from '../../src-main/analysis/flags/threat-compose'
import { THREAT_RULES } from '../../src-main/analysis/flags/threat'
import { type Rule, viewOf } from '../../src-main/analysis/flags/util'
import { fold } from '../../src-main/analysis/normalize'

const RULES: Rule[] = [
  BROAD_COMMERCIAL,
  BROAD_EXTREMISM,
  BROAD_HATE,
  BROAD_IMPERSONATION,
  BROAD_SAFEGUARDING,
  BROAD_SEXUAL,
  BROAD_SPAM,
  BROAD_THREAT,
  ...EXTREMISM_FAMILIES,
  ...EXTREMISM_FAMILIES_2,
  ...EXTREMISM_FAMILIES_3,
  ...HATE_FAMILIES,
  ...HATE_FAMILIES_2,
  ...HATE_FAMILIES_3,
  ...HATE_FAMILIES_4,
  ...PERSONAL_DATA_FAMILIES,
  ...SAFEGUARDING_FAMILIES,
  ...SAFEGUARDING_FAMILIES_2,
  ...SEXUAL_FAMILIES,
  ...SEXUAL_FAMILIES_2,
  ...SEXUAL_FAMILIES_3,
  ...THREAT_FAMILIES,
  ...THREAT_FAMILIES_2,
  ...THREAT_FAMILIES_3,
  ...THREAT_RULES,
]

// Only the opened files: blind texts are read by the evaluation alone.
const corpus = join(import.meta.dirname, '..', 'corpus')
const texts: string[] = []
for (const file of ['part1.jsonl', 'part2.jsonl', 'part4.jsonl']) {
  let raw: string
  try {
    raw = readFileSync(join(corpus, file), 'utf8')
  } catch {
    continue
  }
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue
    const t = (JSON.parse(line) as { text: string }).text
    // The text, shouted, and dodged with leetspeak and homoglyphs: other views, other trigrams.
    texts.push(t, t.toUpperCase(), t.replace(/o/g, '0').replace(/a/g, 'а'))
  }
}

describe('prefilter on the real rules', () => {
  it('has rules and texts to check', () => {
    expect(RULES.length).toBeGreaterThan(50)
    expect(texts.length).toBeGreaterThan(1000)
    // Most rules get a gate: otherwise this test would prove little.
    expect(RULES.filter((r) => gateOf(r.re)).length).toBeGreaterThan(RULES.length * 0.8)
  })

  it('never skips a rule whose regex matches the text', () => {
    const gates = RULES.map((r) => ({ r, gate: gateOf(r.re) }))
    const ix = newIndex()
    let matched = 0
    const missed: string[] = []
    for (const text of texts) {
      const f = fold(text)
      for (const { r, gate } of gates) {
        const s = viewOf(f, r.view ?? 'lower')
        r.re.lastIndex = 0
        const hit = r.re.test(s)
        r.re.lastIndex = 0
        if (!hit) continue
        matched++
        if (!mayMatch(ix, s, gate)) missed.push(`${r.id}: ${s.slice(0, 80)}`)
      }
    }
    expect(missed).toEqual([])
    // The check ran on real matches, not on nothing.
    expect(matched).toBeGreaterThan(200)
  })
})
