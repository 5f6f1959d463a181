// Runs in: main process and CLI (Node). The SQL of start-up recovery: what a process killed mid-way
// (a power cut, a crash, the task manager) can leave behind, found and put right on the next start.
// Every statement is narrow on purpose: recovery must never touch work that finished normally.
import type { Db } from '../db'

/** Said on a reply whose posting was cut off: nobody can know whether the platform got it. */
export const INTERRUPTED_POST =
  'Footprint stopped while this reply was being posted, so it may or may not have appeared. Check the platform, then record it as posted or post it again.'

export function recoveryRepo(db: Db) {
  // A post the queue claimed (post_after cleared) but never finished: neither posted nor failed.
  const claimed = db.prepare<[], { id: number }>(
    `SELECT id FROM drafts WHERE status = 'approved' AND post_after IS NULL
     AND posted_by IS NOT NULL AND posted_at IS NULL AND post_error IS NULL ORDER BY id`,
  )
  const markInterrupted = db.prepare(
    `UPDATE drafts SET post_error = @error, updated_at = @now WHERE id = @id AND status = 'approved'
     AND post_after IS NULL AND post_error IS NULL AND posted_at IS NULL`,
  )
  // Nothing writes 'running' today (a run row is written when the run ends); older versions or a
  // future one might, and a killed process would leave it spinning for ever.
  const staleRuns = db.prepare(
    `UPDATE fetch_runs SET status = 'error', finished_at = @now,
     error = 'interrupted: Footprint stopped during this run' WHERE status = 'running'`,
  )
  const captureUuids = db.prepare<[], { uuid: string }>('SELECT uuid FROM captures')
  const unlinked = db.prepare<[], { id: number; uuid: string }>(
    'SELECT id, uuid FROM captures WHERE mention_id IS NULL ORDER BY id',
  )
  // The mention a manual capture became: ingest stores it as capture:<uuid> in a manual source.
  const captureMention = db.prepare<[string], { id: number; school_id: number }>(
    `SELECT m.id, m.school_id FROM mentions m JOIN sources s ON s.id = m.source_id
     WHERE s.kind = 'manual' AND m.external_id = ? ORDER BY m.id LIMIT 1`,
  )
  const mentionSchool = db.prepare<[number], { school_id: number }>(
    'SELECT school_id FROM mentions WHERE id = ?',
  )

  return {
    claimedPosts: (): number[] => claimed.all().map((r) => r.id),
    markPostInterrupted: (id: number, now: string): boolean =>
      markInterrupted.run({ id, now, error: INTERRUPTED_POST }).changes > 0,
    closeStaleRuns: (now: string): number => staleRuns.run({ now }).changes,
    captureUuids: (): Set<string> => new Set(captureUuids.all().map((r) => r.uuid)),
    unlinkedCaptures: () => unlinked.all(),
    mentionOfCapture: (uuid: string) => captureMention.get(`capture:${uuid}`),
    schoolOfMention: (id: number): number | undefined => mentionSchool.get(id)?.school_id,
  }
}
export type RecoveryRepo = ReturnType<typeof recoveryRepo>
