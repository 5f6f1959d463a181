// What reports quote: escaped as text, personal data spans replaced, excerpts cut at words.
import { describe, expect, it } from 'vitest'
import { esc, html, trusted } from '../../src-main/reports/escape'
import { excerpt, redact, REDACTED } from '../../src-main/reports/redact'
import type { EvidenceSpan } from '../../src-main/contract'

const span = (
  start: number,
  end: number,
  signal: EvidenceSpan['signal'],
  field: EvidenceSpan['field'] = 'text',
): EvidenceSpan => ({
  field,
  start,
  end,
  signal,
  rule: 'r',
  explanation: 'e',
})

describe('escaping', () => {
  it('turns every markup character into text', () => {
    expect(esc(`<img src=x onerror="a('1')"> & more`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp; more',
    )
  })
  it('escapes interpolations, nested lists too, but not our own markup', () => {
    // prettier-ignore
    const out = html`<p>${'<b>'}</p>${['<i>', html`<em>${'&'}</em>`]}${trusted('<svg/>')}${null}${false}`
    expect(out.value).toBe('<p>&lt;b&gt;</p>&lt;i&gt;<em>&amp;</em><svg/>')
  })
})

describe('redact', () => {
  const text = 'Call Mrs Okafor on 07700 900123 or 07700 900124 today'
  it('replaces personal data and named staff, merging overlaps, leaving the rest', () => {
    const r = redact(text, 'text', [
      span(5, 15, 'staff_named'),
      span(19, 31, 'personal_info'),
      span(25, 47, 'personal_info'),
      span(0, 4, 'complaint'),
      span(0, 4, 'personal_info', 'title'),
    ])
    expect(r).toEqual({ text: `Call ${REDACTED} on ${REDACTED} today`, redacted: true })
  })
  it('leaves text with no personal data alone', () => {
    expect(redact(text, 'text', [span(0, 4, 'sentiment')])).toEqual({ text, redacted: false })
  })
  it('excerpts at a word boundary with an ellipsis', () => {
    expect(excerpt('one two three four five', 12)).toBe('one two…')
    expect(excerpt('  short\n text ')).toBe('short text')
  })
})
