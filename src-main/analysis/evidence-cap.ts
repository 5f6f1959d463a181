/**
 * Runs in: main process / CLI (Node). The evidence list is capped so a pasted essay does not carry
 * thousands of spans; the cap must never leave a flag without its words. Cutting the position-sorted
 * list at N did exactly that for a long post whose threat came after N phone numbers (found by the
 * fuzz suite, test/fuzz/analysis.test.ts): here each signal keeps its first span, the rest fill up
 * in text order.
 */
import type { EvidenceSpan } from './types'

export const MAX_EVIDENCE_SPANS = 60

export function capEvidence(sorted: EvidenceSpan[], max = MAX_EVIDENCE_SPANS): EvidenceSpan[] {
  // An empty span points at nothing a user could be shown.
  const spans = sorted.filter((e) => e.end > e.start)
  if (spans.length <= max) return spans
  const keep = new Set<EvidenceSpan>()
  const signals = new Set<string>()
  for (const e of spans) {
    if (signals.has(e.signal)) continue
    signals.add(e.signal)
    keep.add(e)
  }
  for (const e of spans) {
    if (keep.size >= max) break
    keep.add(e)
  }
  return spans.filter((e) => keep.has(e))
}
