// Runs in: main process and CLI (Node). Retention: which mentions have been held longer than the
// policy allows (never those in an incident or under legal hold), and deleting them with everything
// that hangs off them. Rollups follow by the triggers of 0007; captures and evidence rows go here,
// their files are removed by the caller after the transaction commits.
import type { Db } from '../db'

export interface RetentionCandidate {
  id: number
  schoolId: number
  sourceId: number
  sourceName: string
  firstSeenAt: string
}

export interface LegalHoldRow {
  mentionId: number
  schoolId: number
  sourceName: string
  firstSeenAt: string
  reason: string
  setBy: string
  setAt: string
}

export function retentionRepo(db: Db) {
  const candidates = db.prepare<{ cutoff: string; schools: string }, RetentionCandidate>(`
    SELECT m.id, m.school_id AS schoolId, m.source_id AS sourceId, s.name AS sourceName,
      m.first_seen_at AS firstSeenAt
    FROM mentions m JOIN sources s ON s.id = m.source_id
    WHERE m.first_seen_at < @cutoff
      AND m.school_id IN (SELECT value FROM json_each(@schools))
      AND NOT EXISTS (SELECT 1 FROM incident_mentions im WHERE im.mention_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.mention_id = m.id)
    ORDER BY m.first_seen_at, m.id`)
  const kept = db.prepare<{ cutoff: string; schools: string }, { incident: number; hold: number }>(`
    SELECT
      (SELECT count(*) FROM mentions m WHERE m.first_seen_at < @cutoff
        AND m.school_id IN (SELECT value FROM json_each(@schools))
        AND EXISTS (SELECT 1 FROM incident_mentions im WHERE im.mention_id = m.id)) AS incident,
      (SELECT count(*) FROM mentions m WHERE m.first_seen_at < @cutoff
        AND m.school_id IN (SELECT value FROM json_each(@schools))
        AND NOT EXISTS (SELECT 1 FROM incident_mentions im WHERE im.mention_id = m.id)
        AND EXISTS (SELECT 1 FROM legal_holds h WHERE h.mention_id = m.id)) AS hold`)
  const capturesOf = db.prepare<[string], { uuid: string; files: number }>(`
    SELECT c.uuid, (SELECT count(*) FROM capture_files f WHERE f.capture_id = c.id) AS files
    FROM captures c WHERE c.mention_id IN (SELECT value FROM json_each(?))`)
  const evidenceOf = db.prepare<[string], { relPath: string }>(
    'SELECT rel_path AS relPath FROM evidence WHERE mention_id IN (SELECT value FROM json_each(?))',
  )
  // Duplicates of a deleted mention become first copies of their own (as mentions.delete does).
  const unlinkDuplicates = db.prepare(
    `UPDATE mentions SET duplicate_of = NULL WHERE duplicate_of IN (SELECT value FROM json_each(?))
     AND id NOT IN (SELECT value FROM json_each(?))`,
  )
  const deleteCaptures = db.prepare(
    'DELETE FROM captures WHERE mention_id IN (SELECT value FROM json_each(?))',
  )
  const deleteEvidence = db.prepare(
    'DELETE FROM evidence WHERE mention_id IN (SELECT value FROM json_each(?))',
  )
  const deleteMentions = db.prepare(
    'DELETE FROM mentions WHERE id IN (SELECT value FROM json_each(?))',
  )

  const holdGet = db.prepare<[number], { mentionId: number }>(
    'SELECT mention_id AS mentionId FROM legal_holds WHERE mention_id = ?',
  )
  const holdPut = db.prepare(`INSERT INTO legal_holds (mention_id, reason, set_by, set_at)
    VALUES (?, ?, ?, ?) ON CONFLICT (mention_id) DO UPDATE SET reason = excluded.reason`)
  const holdDelete = db.prepare('DELETE FROM legal_holds WHERE mention_id = ?')
  const holdList = db.prepare<{ schools: string }, LegalHoldRow>(`
    SELECT h.mention_id AS mentionId, m.school_id AS schoolId, s.name AS sourceName,
      m.first_seen_at AS firstSeenAt, h.reason, h.set_by AS setBy, h.set_at AS setAt
    FROM legal_holds h JOIN mentions m ON m.id = h.mention_id JOIN sources s ON s.id = m.source_id
    WHERE m.school_id IN (SELECT value FROM json_each(@schools)) ORDER BY h.set_at DESC`)

  return {
    candidates: (cutoff: string, schoolIds: number[]) =>
      candidates.all({ cutoff, schools: JSON.stringify(schoolIds) }),
    kept: (cutoff: string, schoolIds: number[]) =>
      kept.get({ cutoff, schools: JSON.stringify(schoolIds) })!,
    capturesOf: (ids: number[]) => capturesOf.all(JSON.stringify(ids)),
    evidenceOf: (ids: number[]) => evidenceOf.all(JSON.stringify(ids)).map((r) => r.relPath),
    /** Deletes the mentions and their captures' records; analyses, triage and rollups follow. */
    deleteMentions(ids: number[]): number {
      const json = JSON.stringify(ids)
      unlinkDuplicates.run(json, json)
      deleteCaptures.run(json)
      deleteEvidence.run(json)
      return deleteMentions.run(json).changes
    },
    isHeld: (id: number) => holdGet.get(id) !== undefined,
    hold: (id: number, reason: string, by: string, at: string) => holdPut.run(id, reason, by, at),
    release: (id: number) => holdDelete.run(id).changes > 0,
    holds: (schoolIds: number[]) => holdList.all({ schools: JSON.stringify(schoolIds) }),
  }
}
export type RetentionRepo = ReturnType<typeof retentionRepo>
