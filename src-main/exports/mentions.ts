// Runs in: main process and CLI (Node), pure. The rows of a mentions export: what the inbox shows,
// one row per mention, with its verdict, triage, SLA clock and the state of its evidence (re-hashed
// for this export). A safeguarding item the reader may not open arrives already withheld (the inbox
// blanks it per workflow/visibility.ts); here it is only marked so.
import type { WorkItem } from '../contract'
import type { MentionEvidenceState } from '../capture/verify'
import { csvFile, type Cell } from './csv'

export const MENTION_COLUMNS = [
  'id',
  'first_seen_utc',
  'published',
  'source',
  'source_kind',
  'author',
  'title',
  'text',
  'url',
  'sentiment',
  'sentiment_score',
  'priority',
  'flags',
  'owner',
  'state',
  'outcome',
  'assignee',
  'sla_due_utc',
  'sla_breached',
  'responded_utc',
  'withheld',
  'evidence',
] as const

export type MentionRecord = Record<(typeof MENTION_COLUMNS)[number], Cell | string[]>

export function evidenceWords(e: MentionEvidenceState | undefined): string {
  if (!e) return ''
  const n = `${e.captures} capture${e.captures === 1 ? '' : 's'}`
  return e.ok ? `${n}, verified` : `${n}, NOT VERIFIED: ${e.problems.join('; ')}`
}

export function mentionRecord(
  m: WorkItem,
  evidence: MentionEvidenceState | undefined,
): MentionRecord {
  const a = m.analysis
  return {
    id: m.id,
    first_seen_utc: m.firstSeenAt,
    published: m.publishedAt,
    source: m.sourceName,
    source_kind: m.sourceKind,
    author: m.author,
    title: m.title,
    text: m.text,
    url: m.url,
    sentiment: a?.sentiment.label ?? null,
    sentiment_score: a ? Math.round(a.sentiment.score * 1000) / 1000 : null,
    priority: a?.priority ?? null,
    flags: a?.flags ?? [],
    owner: a?.owner ?? null,
    state: m.triage.state,
    outcome: m.triage.outcome,
    assignee: m.triage.assigneeName,
    sla_due_utc: m.sla.dueAt,
    sla_breached: m.sla.breached,
    responded_utc: m.triage.respondedAt,
    withheld: m.restricted,
    evidence: m.restricted ? '' : evidenceWords(evidence),
  }
}

export function mentionsCsv(records: MentionRecord[]): string {
  return csvFile(
    [...MENTION_COLUMNS],
    records.map((r) =>
      MENTION_COLUMNS.map((c) => {
        const v = r[c]
        return Array.isArray(v) ? v.join('; ') : v
      }),
    ),
  )
}

export function mentionsJsonl(records: MentionRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '')
}
