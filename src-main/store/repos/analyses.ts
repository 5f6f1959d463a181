// Runs in: main process and CLI (Node). All SQL about verdicts on mentions: the machine's (analyses),
// users' corrections beside it (analysis_overrides, a history), and the effective verdict that every
// list and statistic reads (the mention_verdicts view of migration 0005).
import type { Db } from '../db'
import {
  normaliseFlags,
  POLICY_FLAGS,
  type CorrectionEntry,
  type EvidenceSpan,
  type MentionAnalysis,
  type OwnerRole,
  type PolicyFlag,
  type Priority,
  type SentimentLabel,
} from '../../contract'
import { parseJson } from './json'

export interface AnalysisRow {
  engine: string
  engineVersion: string
  sentiment: { label: SentimentLabel; score: number }
  flags: string[]
  priority: Priority
  owner: string
  evidence: unknown[]
}

export interface NewCorrection {
  mentionId: number
  actor: string
  userId: number | null
  sentiment: SentimentLabel
  flags: PolicyFlag[]
  priority: Priority
  owner: OwnerRole
  note: string
}

/** Columns of mention_verdicts (alias v) and the corrector's name (alias cu), as toMentionAnalysis reads them. */
export const VERDICT_COLUMNS = `v.engine AS v_engine, v.evidence_json AS v_evidence,
  v.machine_sentiment AS v_machine_sentiment, v.machine_score AS v_machine_score,
  v.machine_flags_json AS v_machine_flags, v.machine_priority AS v_machine_priority,
  v.machine_owner AS v_machine_owner, v.correction_id AS v_correction_id,
  v.corrected_by AS v_corrected_by, cu.display_name AS v_corrected_by_name,
  v.corrected_at AS v_corrected_at, v.correction_note AS v_correction_note,
  v.sentiment_label AS v_sentiment, v.sentiment_score AS v_score, v.flags_json AS v_flags,
  v.priority AS v_priority, v.owner_role AS v_owner`
export const VERDICT_JOIN = `JOIN mention_verdicts v ON v.mention_id = m.id
  LEFT JOIN users cu ON cu.id = v.corrected_by_user`

export interface VerdictColumns {
  v_engine: string | null
  v_evidence: string | null
  v_machine_sentiment: SentimentLabel | null
  v_machine_score: number | null
  v_machine_flags: string | null
  v_machine_priority: Priority | null
  v_machine_owner: OwnerRole | null
  v_correction_id: number | null
  v_corrected_by: string | null
  v_corrected_by_name: string | null
  v_corrected_at: string | null
  v_correction_note: string | null
  v_sentiment: SentimentLabel | null
  v_score: number | null
  v_flags: string | null
  v_priority: Priority | null
  v_owner: OwnerRole | null
}

// Until sign-in, the audit actor is the channel a change came through; say it the way staff would.
const ACTOR_TEXT: Record<string, string> = {
  app: 'someone using the desktop app',
  browser: 'someone using browser mode',
  cli: 'someone at the command line',
}
export const correctorName = (actor: string, userName: string | null): string =>
  userName ?? ACTOR_TEXT[actor] ?? actor

const SIGNALS = new Set<string>([...POLICY_FLAGS, 'sentiment'])
const isFlag = (f: string): f is PolicyFlag => (POLICY_FLAGS as readonly string[]).includes(f)
const flagsOf = (json: string, column: string): PolicyFlag[] =>
  normaliseFlags(parseJson<string[]>(json, column).filter(isFlag))

interface RawSpan {
  start: number
  end: number
  signal: EvidenceSpan['signal']
  rule: string
  explanation: string
}

function rawSpans(json: string): RawSpan[] {
  const spans = parseJson<unknown>(json, 'analyses.evidence_json')
  if (!Array.isArray(spans)) return []
  // An older engine may have written spans of another shape: show what is sound, skip the rest.
  return spans.filter(
    (s): s is RawSpan =>
      typeof s === 'object' &&
      s !== null &&
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.end > s.start &&
      SIGNALS.has(s.signal) &&
      typeof s.rule === 'string' &&
      typeof s.explanation === 'string',
  )
}

/**
 * Evidence offsets count in the text the engine read: the title, a newline, then the text, when there
 * is a title (sources/ingest.ts, analyzeInto). The screens show the two apart, so each span is placed
 * in its field; one that runs across the join is cut in two.
 */
export function locateEvidence(
  spans: readonly RawSpan[],
  title: string | null,
  textLength: number,
): EvidenceSpan[] {
  const titleLength = title ? title.length : 0
  const offset = title ? titleLength + 1 : 0
  const out: EvidenceSpan[] = []
  for (const s of spans) {
    const { start, end, signal, rule, explanation } = s
    if (title && start < titleLength)
      out.push({
        field: 'title',
        start,
        end: Math.min(end, titleLength),
        signal,
        rule,
        explanation,
      })
    const ts = Math.max(start - offset, 0)
    const te = Math.min(end - offset, textLength)
    if (te > ts) out.push({ field: 'text', start: ts, end: te, signal, rule, explanation })
  }
  return out
}

/** The verdict of one mention as the contract gives it; null when the mention is not analysed yet. */
export function toMentionAnalysis(
  r: VerdictColumns,
  title: string | null,
  text: string,
): MentionAnalysis | null {
  if (r.v_machine_sentiment === null || r.v_sentiment === null) return null
  const spans = rawSpans(r.v_evidence ?? '[]')
  const machineFlags = flagsOf(r.v_machine_flags ?? '[]', 'analyses.flags_json')
  const explanations: MentionAnalysis['explanations'] = {}
  for (const f of machineFlags) {
    const first = spans.find((s) => s.signal === f)
    if (first) explanations[f] = first.explanation
  }
  return {
    sentiment: { label: r.v_sentiment, score: r.v_score ?? 0 },
    flags: flagsOf(r.v_flags ?? '[]', 'mention_verdicts.flags_json'),
    priority: r.v_priority ?? 'normal',
    owner: r.v_owner ?? 'orm_lead',
    evidence: locateEvidence(spans, title, text.length),
    explanations,
    engine: r.v_engine ?? '',
    machine: {
      sentiment: { label: r.v_machine_sentiment, score: r.v_machine_score ?? 0 },
      flags: machineFlags,
      priority: r.v_machine_priority ?? 'normal',
      owner: r.v_machine_owner ?? 'orm_lead',
    },
    correction:
      r.v_correction_id === null
        ? null
        : {
            by: correctorName(r.v_corrected_by ?? '', r.v_corrected_by_name),
            at: r.v_corrected_at ?? '',
            note: r.v_correction_note ?? '',
          },
  }
}

interface HistoryRow {
  id: number
  kind: 'correct' | 'clear'
  actor: string
  user_name: string | null
  created_at: string
  note: string
  sentiment_label: SentimentLabel | null
  flags_json: string | null
  priority: Priority | null
  owner_role: OwnerRole | null
}

export function analysesRepo(db: Db) {
  const put = db.prepare(`INSERT INTO analyses (mention_id, engine, engine_version, sentiment_label,
    sentiment_score, flags_json, priority, owner_role, evidence_json, analysed_at)
    VALUES (@mentionId, @engine, @engineVersion, @label, @score, @flags, @priority, @owner, @evidence, @at)
    ON CONFLICT (mention_id) DO UPDATE SET engine = excluded.engine,
    engine_version = excluded.engine_version, sentiment_label = excluded.sentiment_label,
    sentiment_score = excluded.sentiment_score, flags_json = excluded.flags_json,
    priority = excluded.priority, owner_role = excluded.owner_role,
    evidence_json = excluded.evidence_json, analysed_at = excluded.analysed_at`)
  const get = db.prepare<[number], Record<string, unknown>>(
    'SELECT * FROM analyses WHERE mention_id = ?',
  )
  const addOverride = db.prepare(`INSERT INTO analysis_overrides (mention_id, user_id, kind, actor,
    sentiment_label, flags_json, priority, owner_role, note, created_at)
    VALUES (@mentionId, @userId, @kind, @actor, @sentiment, @flags, @priority, @owner, @note, @at)`)
  const history = db.prepare<[number], HistoryRow>(`SELECT o.id, o.kind, o.actor,
    u.display_name AS user_name, o.created_at, o.note, o.sentiment_label, o.flags_json, o.priority,
    o.owner_role FROM analysis_overrides o LEFT JOIN users u ON u.id = o.user_id
    WHERE o.mention_id = ? ORDER BY o.id DESC`)
  const verdict = db.prepare<[number], VerdictColumns & { title: string | null; text: string }>(
    `SELECT m.title, m.text, ${VERDICT_COLUMNS} FROM mentions m ${VERDICT_JOIN} WHERE m.id = ?`,
  )

  return {
    put(mentionId: number, a: AnalysisRow, at: string): void {
      put.run({
        mentionId,
        engine: a.engine,
        engineVersion: a.engineVersion,
        label: a.sentiment.label,
        score: a.sentiment.score,
        flags: JSON.stringify(a.flags),
        priority: a.priority,
        owner: a.owner,
        evidence: JSON.stringify(a.evidence),
        at,
      })
    },
    /** The raw row, for tests and diagnostics. */
    getRaw: (mentionId: number) => get.get(mentionId),
    /** The effective verdict of a mention: undefined if there is no such mention, null if unanalysed. */
    verdict(mentionId: number): MentionAnalysis | null | undefined {
      const r = verdict.get(mentionId)
      return r ? toMentionAnalysis(r, r.title, r.text) : undefined
    },
    addCorrection(c: NewCorrection, at: string): number {
      return Number(
        addOverride.run({
          ...c,
          kind: 'correct',
          flags: JSON.stringify(normaliseFlags(c.flags)),
          at,
        }).lastInsertRowid,
      )
    },
    /** Back to the machine's verdict: a row of its own, so the history shows when and by whom. */
    addClear(
      c: Pick<NewCorrection, 'mentionId' | 'actor' | 'userId' | 'note'>,
      at: string,
    ): number {
      return Number(
        addOverride.run({
          ...c,
          kind: 'clear',
          sentiment: null,
          flags: null,
          priority: null,
          owner: null,
          at,
        }).lastInsertRowid,
      )
    },
    history: (mentionId: number): CorrectionEntry[] =>
      history.all(mentionId).map((r) => ({
        id: r.id,
        kind: r.kind === 'correct' ? 'correction' : 'cleared',
        by: correctorName(r.actor, r.user_name),
        at: r.created_at,
        note: r.note,
        sentiment: r.sentiment_label,
        flags:
          r.flags_json === null ? null : flagsOf(r.flags_json, 'analysis_overrides.flags_json'),
        priority: r.priority,
        owner: r.owner_role,
      })),
  }
}
export type AnalysesRepo = ReturnType<typeof analysesRepo>
