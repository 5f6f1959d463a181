// Runs in: main process and CLI (Node). All SQL about the machine's verdict on a mention.
import type { Db } from '../db'

export interface AnalysisRow {
  engine: string
  engineVersion: string
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number }
  flags: string[]
  priority: 'urgent' | 'high' | 'normal' | 'low'
  owner: string
  evidence: unknown[]
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
    /** The raw row, for tests and diagnostics; the analysis screens will get their own query. */
    getRaw: (mentionId: number) => get.get(mentionId),
  }
}
export type AnalysesRepo = ReturnType<typeof analysesRepo>
