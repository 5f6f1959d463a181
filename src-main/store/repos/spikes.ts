// Runs in: main process and CLI (Node). All SQL about spike alerts: the alerts themselves, and the
// small windows of mentions the spike rules look at (always bounded by school and time, on indexes).
import type { Db } from '../db'
import type { SpikeAlert, SpikeKind } from '../../contract'
import { parseJson } from './json'

interface AlertRow {
  id: number
  school_id: number
  kind: SpikeKind
  raised_at: string
  window_start: string
  window_end: string
  source_id: number | null
  explanation: string
  mention_ids_json: string
}

/** A counted mention as the spike rules see it. */
export interface SpikeMention {
  id: number
  school_id: number
  source_id: number
  url: string | null
  published_at: string | null
  first_seen_at: string
  sentiment: string
  priority: string | null
}

const toAlert = (r: AlertRow): SpikeAlert => ({
  id: r.id,
  schoolId: r.school_id,
  kind: r.kind,
  raisedAt: r.raised_at,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  sourceId: r.source_id,
  explanation: r.explanation,
  mentionIds: parseJson<number[]>(r.mention_ids_json, 'spike_alerts.mention_ids_json'),
})

const MENTION = `SELECT m.id, m.school_id, m.source_id, m.url, m.published_at, m.first_seen_at,
  f.sentiment, v.priority FROM mentions m JOIN mention_facts f ON f.mention_id = m.id
  JOIN mention_verdicts v ON v.mention_id = m.id`

export function spikesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO spike_alerts (school_id, kind, raised_at, window_start,
    window_end, source_id, explanation, mention_ids_json)
    VALUES (@schoolId, @kind, @raisedAt, @windowStart, @windowEnd, @sourceId, @explanation, @ids)`)
  const last = db.prepare<[number, string], { raised_at: string }>(
    'SELECT raised_at FROM spike_alerts WHERE school_id = ? AND kind = ? ORDER BY raised_at DESC LIMIT 1',
  )
  const list = db.prepare<[number, number], AlertRow>(
    'SELECT * FROM spike_alerts WHERE school_id = ? ORDER BY raised_at DESC, id DESC LIMIT ?',
  )
  const one = db.prepare<[number], SpikeMention>(`${MENTION} WHERE m.id = ?`)
  // Seen since `since`: anything said in the window was necessarily seen after its start.
  const seenSince = db.prepare<[number, string], SpikeMention>(
    `${MENTION} WHERE m.school_id = ? AND m.first_seen_at >= ? ORDER BY m.id`,
  )
  const sourceSince = db.prepare<[number, number, string, number], { url: string | null }>(
    `SELECT m.url FROM mentions m WHERE m.school_id = ? AND m.source_id = ? AND m.first_seen_at >= ?
    AND m.id < ? AND m.duplicate_of IS NULL AND m.hidden_reason IS NULL`,
  )

  return {
    insert(a: Omit<SpikeAlert, 'id'>): number {
      return Number(insert.run({ ...a, ids: JSON.stringify(a.mentionIds) }).lastInsertRowid)
    },
    lastRaised: (schoolId: number, kind: SpikeKind): string | null =>
      last.get(schoolId, kind)?.raised_at ?? null,
    list: (schoolId: number, limit: number): SpikeAlert[] => list.all(schoolId, limit).map(toAlert),
    /** Counted mentions only (linked duplicates and hidden ones have no fact row). */
    mention: (id: number): SpikeMention | undefined => one.get(id),
    seenSince: (schoolId: number, sinceIso: string) => seenSince.all(schoolId, sinceIso),
    /** Links of the source's counted mentions first seen since `sinceIso`, before mention `beforeId`. */
    earlierOfSource: (schoolId: number, sourceId: number, sinceIso: string, beforeId: number) =>
      sourceSince.all(schoolId, sourceId, sinceIso, beforeId).map((r) => r.url),
  }
}
export type SpikesRepo = ReturnType<typeof spikesRepo>
