// Runs in: main process and CLI (Node). The retention policy: mentions Footprint has held for longer
// than N months are deleted, except those in an incident or under legal hold. Age is counted from when
// Footprint first held the item (first seen), because retention limits how long the school keeps
// personal data, whenever it was written. A preview says exactly what an apply with the same cut-off
// deletes; the apply deletes it in one transaction with its audit event (counts, never content), then
// removes the deleted mentions' evidence files from disk.
import { subMonths } from 'date-fns'
import { join, normalize, sep } from 'node:path'
import { ServiceError } from '../contract'
import type { Store } from '../store'
import { retentionRepo, type RetentionCandidate } from '../store/repos/retention'
import { discardEvidence } from '../capture/evidence'
import { rm } from 'node:fs/promises'

export interface RetentionPreview {
  months: number
  /** Mentions first seen before this time are deleted (ISO). */
  cutoff: string
  count: number
  sources: { sourceId: number; name: string; count: number }[]
  oldest: string | null
  newest: string | null
  /** Old enough, but kept. */
  keptInIncidents: number
  keptOnLegalHold: number
  /** Evidence captures (and their files) that go with the deleted mentions. */
  captures: number
  evidenceFiles: number
}

export const cutoffFor = (now: Date, months: number) => subMonths(now, months).toISOString()

export function previewRetention(
  store: Store,
  schoolIds: number[],
  months: number,
  cutoff: string,
): RetentionPreview & { ids: number[] } {
  const repo = retentionRepo(store.db)
  const rows = repo.candidates(cutoff, schoolIds)
  const ids = rows.map((r) => r.id)
  const kept = repo.kept(cutoff, schoolIds)
  const captures = ids.length ? repo.capturesOf(ids) : []
  const evidence = ids.length ? repo.evidenceOf(ids) : []
  return {
    months,
    cutoff,
    count: rows.length,
    sources: bySource(rows),
    oldest: rows[0]?.firstSeenAt ?? null,
    newest: rows.at(-1)?.firstSeenAt ?? null,
    keptInIncidents: kept.incident,
    keptOnLegalHold: kept.hold,
    captures: captures.length,
    evidenceFiles: captures.reduce((n, c) => n + c.files, 0) + evidence.length,
    ids,
  }
}

function bySource(rows: RetentionCandidate[]): RetentionPreview['sources'] {
  const m = new Map<number, { sourceId: number; name: string; count: number }>()
  for (const r of rows) {
    const e = m.get(r.sourceId) ?? { sourceId: r.sourceId, name: r.sourceName, count: 0 }
    e.count++
    m.set(r.sourceId, e)
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}

export interface RetentionResult extends RetentionPreview {
  deleted: number
  /** Evidence folders or files that could not be removed from disk (named, for the school to remove). */
  fileProblems: string[]
}

/**
 * Deletes what the preview with this cut-off lists. `expected` is the count the user confirmed: if the
 * data changed since (a mention put on hold, added to an incident), nothing is deleted.
 */
export async function applyRetention(
  store: Store,
  dataDir: string,
  o: {
    schoolIds: number[]
    months: number
    cutoff: string
    expected: number
    actor: string
    now: Date
  },
): Promise<RetentionResult> {
  const repo = retentionRepo(store.db)
  const { preview, uuids, paths, deleted } = store.tx(() => {
    const p = previewRetention(store, o.schoolIds, o.months, o.cutoff)
    if (p.count !== o.expected)
      throw new ServiceError(
        'conflict',
        `The preview said ${o.expected} mentions but ${p.count} now match: preview again before deleting.`,
        'expected',
      )
    const uuids = p.ids.length ? repo.capturesOf(p.ids).map((c) => c.uuid) : []
    const paths = p.ids.length ? repo.evidenceOf(p.ids) : []
    const deleted = p.ids.length ? repo.deleteMentions(p.ids) : 0
    const { ids: _ids, ...preview } = p
    store.audit.append(
      {
        actor: o.actor,
        action: 'retention.apply',
        entity: 'mention',
        entityId: null,
        // Counts only: the deleted words must not live on in the audit trail.
        detail: {
          months: o.months,
          cutoff: o.cutoff,
          deleted,
          bySource: preview.sources.map((s) => ({ sourceId: s.sourceId, count: s.count })),
          keptInIncidents: preview.keptInIncidents,
          keptOnLegalHold: preview.keptOnLegalHold,
          captures: preview.captures,
          evidenceFiles: preview.evidenceFiles,
          schoolIds: o.schoolIds,
        },
      },
      o.now.toISOString(),
    )
    return { preview, uuids, paths, deleted }
  })
  // After the commit: a crash here leaves files without records, never records without files.
  const fileProblems: string[] = []
  for (const uuid of uuids) {
    try {
      await discardEvidence(dataDir, uuid)
    } catch (e) {
      fileProblems.push(`evidence/${uuid}: ${(e as Error).message}`)
    }
  }
  for (const rel of paths) {
    const full = normalize(join(dataDir, rel))
    // A recorded path never leads outside the data folder.
    if (!full.startsWith(normalize(dataDir) + sep)) continue
    await rm(full, { force: true }).catch((e: Error) => fileProblems.push(`${rel}: ${e.message}`))
  }
  return { ...preview, deleted, fileProblems }
}
