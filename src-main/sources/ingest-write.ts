// Runs in: main process and CLI (Node). The writing half of a source run (ingest.ts): each new mention
// with its verdict inside the caller's transaction, and the verdicts themselves — from the analysis
// workers for a large run, else in-process. Split from ingest.ts, which owns the transactions.
import { performance } from 'node:perf_hooks'
import type { AnalysisRow } from '../store/repos/analyses'
import type { IngestDeps } from './ingest'
import { createDeduper, type Candidate } from './prepare'

export interface Progress {
  newBySchool: Map<number, number>
  newIds: number[]
  /** Rows committed so far, duplicates included. */
  stored: number
  fresh: number
}

export const analysisText = (c: Candidate) =>
  c.item.title ? `${c.item.title}\n${c.item.text}` : c.item.text

/**
 * Writes mentions with their verdicts inside the caller's transaction; `committed` then moves what
 * the last transaction wrote into the run's progress (a rolled-back one never reaches it).
 */
export function createWriter(deps: IngestDeps, sourceId: number) {
  const { store } = deps
  const at = deps.now().toISOString()
  const dedup = createDeduper(store, sourceId, deps.dedupCache)
  let rows = 0
  let firsts: { id: number; schoolId: number }[] = []
  return {
    /** From `from` on, until the batch ends or the turn is over; answers where it stopped. */
    write(
      batch: Candidate[],
      verdicts: (AnalysisRow | null)[],
      from: number,
      turn: { budgetMs: number; minRows: number },
    ) {
      rows = 0
      firsts = []
      const t0 = performance.now()
      let j = from
      while (
        j < batch.length &&
        (j - from < Math.max(1, turn.minRows) || performance.now() - t0 < turn.budgetMs)
      ) {
        writeOne(batch[j], verdicts[j])
        j++
      }
      return j
    },
    committed(progress: Progress): number[] {
      progress.stored += rows
      for (const f of firsts) {
        progress.newIds.push(f.id)
        progress.newBySchool.set(f.schoolId, (progress.newBySchool.get(f.schoolId) ?? 0) + 1)
      }
      const ids = firsts.map((f) => f.id)
      rows = 0
      firsts = []
      return ids
    },
  }

  function writeOne(c: Candidate, verdict: AnalysisRow | null): void {
    if (store.mentions.idOf(sourceId, c.item.externalId) !== undefined) return
    const duplicateOf = dedup.duplicateOf(c)
    const id = store.mentions.insert(
      {
        sourceId,
        schoolId: c.match.school.id,
        externalId: c.item.externalId,
        url: c.item.url,
        canonicalUrl: c.canonicalUrl,
        title: c.item.title,
        author: c.item.author,
        authorUrl: c.item.authorUrl ?? null,
        publishedAt: c.item.publishedAt,
        text: c.item.text,
        raw: c.item.raw,
        meta: c.item.meta ?? {},
        matchedAlias: c.match.alias,
        contentHash: c.contentHash,
        duplicateOf,
      },
      at,
    )
    if (id === null) return
    rows++
    // A failing analysis must not cost the mention: it is stored unanalysed and can be analysed later.
    if (verdict) store.analyses.put(id, verdict, at)
    if (duplicateOf === null) firsts.push({ id, schoolId: c.match.school.id })
  }
}

/** Verdicts for a batch (null where the engine failed), in the workers or, failing that, in-process. */
export async function analyseBatch(
  deps: IngestDeps,
  batch: Candidate[],
  offThread: boolean,
): Promise<(AnalysisRow | null)[]> {
  if (offThread) {
    try {
      const results = await deps.analyzeBatch!(
        batch.map((c) => ({ text: analysisText(c), school: c.match.school })),
      )
      return results.map((r, i) => {
        if (r.ok) return r.verdict
        deps.log?.(`[poller] analysis of ${batch[i].item.externalId} failed: ${r.error}`)
        return null
      })
    } catch (e) {
      deps.log?.(
        `[poller] analysis workers unavailable, analysing in-process: ${(e as Error)?.message ?? e}`,
      )
    }
  }
  if (!deps.analyze) return batch.map(() => null)
  const out: (AnalysisRow | null)[] = []
  for (const c of batch) {
    try {
      out.push(deps.analyze(analysisText(c), c.match.school))
    } catch (e) {
      deps.log?.(`[poller] analysis of ${c.item.externalId} failed: ${(e as Error)?.message ?? e}`)
      out.push(null)
    }
  }
  return out
}
