// Runs in: main process and CLI (Node). Counts for the Today screen and the Mentions filters. Verdict
// counts read the effective verdict (mention_verdicts), so a user's correction counts everywhere.
import type { Db } from '../db'
import { POLICY_FLAGS, PRIORITIES, SENTIMENT_LABELS, type VerdictCounts } from '../../contract'

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

/** Adds n under key if the key is one of the record's own (an unknown label is not counted). */
function add(into: Record<string, number>, key: string, n: number): void {
  if (Object.hasOwn(into, key)) into[key] += n
}

export function countsRepo(db: Db) {
  const sources = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM sources WHERE deleted_at IS NULL AND (school_id = ? OR school_id IS NULL)',
  )
  // From the all-time rollups that migration 0007's triggers keep (counted mentions only, effective
  // verdict): a school with 100,000 mentions costs a few rows, not a count of its mentions.
  const mentions = db.prepare<[number], { n: number }>(
    'SELECT coalesce(sum(n), 0) AS n FROM rollup_verdicts WHERE school_id = ?',
  )
  const byVerdict = db.prepare<
    [number],
    { sentiment: string; priority: string; n: number; corrected: number }
  >(`SELECT sentiment, priority, n, corrected FROM rollup_verdicts
    WHERE school_id = ? AND sentiment != 'none'`)
  const byFlag = db.prepare<[number], { flag: string; n: number }>(
    'SELECT flag, n FROM rollup_school_flags WHERE school_id = ?',
  )
  return {
    sources: (schoolId: number): number => sources.get(schoolId)!.n,
    mentions: (schoolId: number): number => mentions.get(schoolId)!.n,
    verdicts(schoolId: number): VerdictCounts {
      const out: VerdictCounts = {
        analysed: 0,
        corrected: 0,
        sentiment: zeroes(SENTIMENT_LABELS),
        priority: zeroes(PRIORITIES),
        flags: zeroes(POLICY_FLAGS),
      }
      for (const r of byVerdict.all(schoolId)) {
        out.analysed += r.n
        out.corrected += r.corrected
        add(out.sentiment, r.sentiment, r.n)
        add(out.priority, r.priority, r.n)
      }
      for (const r of byFlag.all(schoolId)) add(out.flags, r.flag, r.n)
      return out
    },
  }
}
