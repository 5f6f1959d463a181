// Runs in: renderer. Turns a mention's text and its evidence spans into plain segments, each covered by
// zero or more spans, so the card can render every segment as TEXT (inside <mark> when covered) and
// never as HTML. Spans may overlap or nest: cutting at every span edge gives segments that are each
// covered by one fixed set of spans.
import { FLAG_INFO, type EvidenceSpan, type MentionAnalysis } from '@contract'

export interface Segment {
  /** Offset of the segment in the text. */
  start: number
  text: string
  /** The spans covering the whole segment; empty for unhighlighted text. */
  spans: EvidenceSpan[]
}

/** Segments of text[0, limit): consecutive, non-empty, and together exactly the shown text. */
export function segments(
  text: string,
  spans: readonly EvidenceSpan[],
  limit = text.length,
): Segment[] {
  const end = Math.min(limit, text.length)
  const usable = spans.filter((s) => Math.min(end, s.end) > Math.max(0, s.start))
  const inside = (n: number) => Math.min(end, Math.max(0, n))
  const cuts = [...new Set([0, end, ...usable.flatMap((s) => [inside(s.start), inside(s.end)])])]
  cuts.sort((a, b) => a - b)
  const out: Segment[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]]
    out.push({
      start: a,
      text: text.slice(a, b),
      spans: usable.filter((s) => s.start <= a && s.end >= b),
    })
  }
  return out
}

/**
 * The evidence that still explains the verdict shown: spans of flags that stand (a flag a user removed
 * has no evidence left to show), and the sentiment's words only while the sentiment is the machine's.
 */
export function shownEvidence(a: MentionAnalysis, field: EvidenceSpan['field']): EvidenceSpan[] {
  const sentimentStands = a.sentiment.label === a.machine.sentiment.label
  return a.evidence.filter(
    (e) =>
      e.field === field &&
      (e.signal === 'sentiment'
        ? sentimentStands
        : (a.flags as readonly string[]).includes(e.signal)),
  )
}

/** What a highlight is for, in words: each span's signal and explanation, once each. */
export function describeSpans(spans: readonly EvidenceSpan[]): string {
  const lines = spans.map(
    (s) =>
      `${s.signal === 'sentiment' ? 'Sentiment' : FLAG_INFO[s.signal].label}: ${s.explanation}`,
  )
  return [...new Set(lines)].join('\n')
}
