// Runs in: main process and CLI (Node). Small counts for the Today screen until richer statistics exist.
import type { Db } from '../db'

export function countsRepo(db: Db) {
  const sources = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM sources WHERE deleted_at IS NULL AND (school_id = ? OR school_id IS NULL)',
  )
  const mentions = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM mentions WHERE school_id = ? AND duplicate_of IS NULL AND hidden_reason IS NULL',
  )
  return {
    sources: (schoolId: number): number => sources.get(schoolId)!.n,
    mentions: (schoolId: number): number => mentions.get(schoolId)!.n,
  }
}
