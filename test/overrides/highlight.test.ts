// Runs in: Vitest (Node). The renderer's evidence highlighting, on its own: text cut into segments at
// every span edge, overlapping and nested spans included, the shown text never altered.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EvidenceSpan, MentionAnalysis } from '../../src-main/contract'
import {
  describeSpans,
  segments,
  shownEvidence,
} from '../../src-renderer/src/components/evidence/highlight'

const span = (start: number, end: number, signal: EvidenceSpan['signal'] = 'complaint'): EvidenceSpan => ({
  field: 'text',
  start,
  end,
  signal,
  rule: 'r',
  explanation: `${signal} ${start}-${end}`,
}) // prettier-ignore

const view = (text: string, spans: EvidenceSpan[], limit?: number) =>
  segments(text, spans, limit).map((s) => [s.text, s.spans.map((x) => `${x.start}-${x.end}`)])

describe('segments', () => {
  it('cuts overlapping spans into pieces covered by one fixed set each', () => {
    const text = 'The head is a joke and rude'
    expect(view(text, [span(4, 18), span(14, 27)])).toEqual([
      ['The ', []],
      ['head is a ', ['4-18']],
      ['joke', ['4-18', '14-27']],
      [' and rude', ['14-27']],
    ])
  })

  it('handles nested, identical and touching spans', () => {
    expect(view('abcdefgh', [span(0, 8), span(2, 4), span(2, 4, 'threat'), span(4, 6)])).toEqual([
      ['ab', ['0-8']],
      ['cd', ['0-8', '2-4', '2-4']],
      ['ef', ['0-8', '4-6']],
      ['gh', ['0-8']],
    ])
  })

  it('keeps markup-like text as the characters it is', () => {
    const text = 'x <img src=x onerror=alert(1)> y'
    const parts = segments(text, [span(2, 30)])
    expect(parts.map((p) => p.text)).toEqual(['x ', '<img src=x onerror=alert(1)>', ' y'])
  })

  it('stops at the limit and ignores spans beyond the text', () => {
    expect(view('abcdefghij', [span(3, 8), span(20, 30)], 5)).toEqual([
      ['abc', []],
      ['de', ['3-8']],
    ])
    expect(view('', [span(0, 3)])).toEqual([])
  })

  it('always gives back exactly the shown text, each segment covered by exactly its spans', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 8 }),
        fc.option(fc.nat(70), { nil: undefined }),
        (text, pairs, limit) => {
          const spans = pairs.map(([a, b]) => span(Math.min(a, b), Math.max(a, b)))
          const parts = segments(text, spans, limit)
          const shown = text.slice(0, Math.min(limit ?? text.length, text.length))
          expect(parts.map((p) => p.text).join('')).toBe(shown)
          for (const p of parts) {
            expect(p.text.length).toBeGreaterThan(0)
            const end = p.start + p.text.length
            const covering = spans.filter((s) => s.start <= p.start && s.end >= end)
            expect(p.spans.length).toBe(covering.length)
          }
        },
      ),
    )
  })
})

describe('which evidence is shown', () => {
  const analysis = (over: Partial<MentionAnalysis>): MentionAnalysis => ({
    sentiment: { label: 'negative', score: -0.5 },
    flags: ['complaint'],
    priority: 'normal',
    owner: 'head',
    evidence: [span(0, 3, 'complaint'), span(4, 6, 'sentiment'), span(7, 9, 'threat')],
    explanations: {},
    engine: 'builtin',
    machine: { sentiment: { label: 'negative', score: -0.5 }, flags: ['complaint', 'threat'], priority: 'urgent', owner: 'head' }, // prettier-ignore
    correction: null,
    ...over,
  })
  it('shows evidence of flags that stand, and sentiment words only while the sentiment is the machine’s', () => {
    expect(shownEvidence(analysis({}), 'text').map((s) => s.signal)).toEqual([
      'complaint',
      'sentiment',
    ])
    const corrected = analysis({ sentiment: { label: 'positive', score: 0.5 } })
    expect(shownEvidence(corrected, 'text').map((s) => s.signal)).toEqual(['complaint'])
    expect(shownEvidence(analysis({}), 'title')).toEqual([])
  })
  it('describes a highlight in words, once per reason', () => {
    expect(describeSpans([span(0, 3, 'personal_info'), span(0, 3, 'personal_info')])).toBe(
      'Personal information: personal_info 0-3',
    )
  })
})
