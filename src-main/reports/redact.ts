// Runs in: main process and CLI (Node), pure. Anonymising what a report quotes: the analysis engine
// already located personal data (phone numbers, addresses, a named child…) and named staff in each
// mention; those spans are replaced, so a report never repeats what the school would not publish.
import type { EvidenceSpan } from '../contract'

const REDACTING = new Set<EvidenceSpan['signal']>(['personal_info', 'staff_named'])
export const REDACTED = '[personal details removed]'

/** The field with every personal-data span replaced; overlapping spans are merged first. */
export function redact(
  value: string,
  field: EvidenceSpan['field'],
  evidence: readonly EvidenceSpan[],
): { text: string; redacted: boolean } {
  const spans = evidence
    .filter((e) => e.field === field && REDACTING.has(e.signal) && e.end > e.start)
    .map((e) => [Math.max(0, e.start), Math.min(value.length, e.end)] as [number, number])
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const s of spans) {
    const last = merged.at(-1)
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1])
    else merged.push([...s])
  }
  if (!merged.length) return { text: value, redacted: false }
  let out = ''
  let at = 0
  for (const [a, b] of merged) {
    out += value.slice(at, a) + REDACTED
    at = b
  }
  return { text: out + value.slice(at), redacted: true }
}

/** A short quotation: whole words, at most `max` characters. */
export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
