// Runs in: main process and CLI (Node). All SQL about fetch runs: each source's run history.
import type { Db } from '../db'
import type { FetchRun } from '../../contract'

interface Row {
  id: number
  source_id: number
  started_at: string
  finished_at: string | null
  status: FetchRun['status']
  http_status: number | null
  items_found: number
  items_new: number
  error: string | null
}

export type RunInput = Omit<FetchRun, 'id'>

/** Enough history to see a pattern (a week of half-hourly runs is 336); older runs are pruned. */
export const RUNS_KEPT_PER_SOURCE = 400

function toRun(r: Row): FetchRun {
  return {
    id: r.id,
    sourceId: r.source_id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    httpStatus: r.http_status,
    itemsFound: r.items_found,
    itemsNew: r.items_new,
    error: r.error,
  }
}

export function runsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO fetch_runs
    (source_id, started_at, finished_at, status, http_status, items_found, items_new, error)
    VALUES (@sourceId, @startedAt, @finishedAt, @status, @httpStatus, @itemsFound, @itemsNew, @error)`)
  const get = db.prepare<[number], Row>('SELECT * FROM fetch_runs WHERE id = ?')
  const recent = db.prepare<[number, number], Row>(
    'SELECT * FROM fetch_runs WHERE source_id = ? ORDER BY id DESC LIMIT ?',
  )
  const prune = db.prepare(`DELETE FROM fetch_runs WHERE source_id = @id AND id <= (
    SELECT id FROM fetch_runs WHERE source_id = @id ORDER BY id DESC LIMIT 1 OFFSET @keep)`)

  return {
    /** Call inside the run's transaction. */
    insert(run: RunInput): FetchRun {
      const id = Number(insert.run(run).lastInsertRowid)
      prune.run({ id: run.sourceId, keep: RUNS_KEPT_PER_SOURCE })
      return toRun(get.get(id)!)
    },
    recent: (sourceId: number, limit: number): FetchRun[] => recent.all(sourceId, limit).map(toRun),
  }
}
export type RunsRepo = ReturnType<typeof runsRepo>
