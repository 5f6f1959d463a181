// Runs in: main process and CLI (Node). All SQL about sources: config, persisted connector state,
// schedule and health. Sources are soft-deleted: their mentions are evidence and keep their parent.
import type { Db } from '../db'
import type { Source, SourceHealth, SourceKind } from '../../contract'
import { parseJson } from './json'
import { sourceInsights } from '../../sources/insights'

interface Row {
  id: number
  school_id: number | null
  kind: SourceKind
  name: string
  config_json: string
  state_json: string
  enabled: number
  interval_minutes: number
  next_due_at: string | null
  last_run_at: string | null
  last_success_at: string | null
  last_error: string | null
  last_error_at: string | null
  consecutive_failures: number
  zero_item_runs: number
  created_at: string
  updated_at: string
  mention_count: number
}

/** What the poller needs besides the public shape: the connector state. */
export interface SourceRecord extends Omit<Source, 'insights'> {
  state: Record<string, unknown>
}

export interface SourceFields {
  kind: SourceKind
  name: string
  schoolId: number | null
  intervalMinutes: number
  config: Record<string, unknown>
}

/** How a run ended, for the health columns. */
export type RunHealth =
  | { ok: true; at: string; state: Record<string, unknown>; itemsNew: number }
  | { ok: false; at: string; error: string }

function health(r: Row): SourceHealth {
  const status = !r.enabled
    ? 'paused'
    : r.last_run_at === null
      ? 'never_run'
      : r.consecutive_failures > 0
        ? 'failing'
        : 'ok'
  return {
    status,
    lastRunAt: r.last_run_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures,
    zeroItemRuns: r.zero_item_runs,
  }
}

function toRecord(r: Row): SourceRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    schoolId: r.school_id,
    enabled: r.enabled === 1,
    intervalMinutes: r.interval_minutes,
    nextDueAt: r.next_due_at,
    config: parseJson<Record<string, unknown>>(r.config_json, 'sources.config_json'),
    health: health(r),
    mentionCount: r.mention_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    state: parseJson<Record<string, unknown>>(r.state_json, 'sources.state_json'),
  }
}

export function toSource(r: SourceRecord): Source {
  const { state, ...source } = r
  return { ...source, insights: sourceInsights(r.kind, r.config, state) }
}

// Counted as every statistic counts: linked duplicates and "not about us" mentions are left out
// (rollup_sources, kept by migration 0007's triggers, so listing sources never counts mentions).
const SELECT = `SELECT s.*, coalesce((SELECT r.n FROM rollup_sources r WHERE r.source_id = s.id), 0)
  AS mention_count FROM sources s WHERE s.deleted_at IS NULL`

export function sourcesRepo(db: Db) {
  const list = db.prepare<[], Row>(`${SELECT} ORDER BY s.name COLLATE NOCASE, s.id`)
  const get = db.prepare<[number], Row>(`${SELECT} AND s.id = ?`)
  const insert = db.prepare(`INSERT INTO sources
    (school_id, kind, name, config_json, interval_minutes, created_at, updated_at)
    VALUES (@schoolId, @kind, @name, @config, @interval, @now, @now)`)
  // A new kind means the old state (ETags, revision ids) means nothing: start afresh.
  const update = db.prepare(`UPDATE sources SET school_id = @schoolId, name = @name,
    config_json = @config, interval_minutes = @interval, updated_at = @now,
    state_json = CASE WHEN kind = @kind THEN state_json ELSE '{}' END, kind = @kind
    WHERE id = @id AND deleted_at IS NULL`)
  const setEnabled = db.prepare(
    'UPDATE sources SET enabled = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const remove = db.prepare(
    'UPDATE sources SET deleted_at = ?, enabled = 0, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  )
  const schedulable = db.prepare<
    [],
    { id: number; interval_minutes: number; next_due_at: string | null; enabled: number }
  >('SELECT id, interval_minutes, next_due_at, enabled FROM sources WHERE deleted_at IS NULL')
  const setNextDue = db.prepare('UPDATE sources SET next_due_at = ? WHERE id = ?')
  const success = db.prepare(`UPDATE sources SET state_json = @state, last_run_at = @at,
    last_success_at = @at, consecutive_failures = 0,
    zero_item_runs = CASE WHEN @itemsNew = 0 THEN zero_item_runs + 1 ELSE 0 END WHERE id = @id`)
  // The state is left alone on failure: the next run resumes from the last good one.
  const failure = db.prepare(`UPDATE sources SET last_run_at = @at, last_error = @error,
    last_error_at = @at, consecutive_failures = consecutive_failures + 1 WHERE id = @id`)

  const params = (f: SourceFields, now: string) => ({
    schoolId: f.schoolId,
    kind: f.kind,
    name: f.name,
    config: JSON.stringify(f.config),
    interval: f.intervalMinutes,
    now,
  })
  const getRecord = (id: number): SourceRecord | undefined => {
    const r = get.get(id)
    return r ? toRecord(r) : undefined
  }

  return {
    list: (): Source[] => list.all().map((r) => toSource(toRecord(r))),
    get: (id: number): Source | undefined => {
      const r = getRecord(id)
      return r ? toSource(r) : undefined
    },
    /** With the connector state: for the poller only. */
    getRecord,
    create: (f: SourceFields, now: string): Source => {
      const id = Number(insert.run(params(f, now)).lastInsertRowid)
      return toSource(getRecord(id)!)
    },
    update: (id: number, f: SourceFields, now: string): Source | undefined =>
      update.run({ ...params(f, now), id }).changes ? toSource(getRecord(id)!) : undefined,
    setEnabled: (id: number, enabled: boolean, now: string): Source | undefined =>
      setEnabled.run(enabled ? 1 : 0, now, id).changes ? toSource(getRecord(id)!) : undefined,
    remove: (id: number, now: string): boolean => remove.run(now, now, id).changes > 0,
    /** For the scheduler: times as epoch ms. */
    listSchedulable: () =>
      schedulable.all().map((r) => ({
        id: r.id,
        intervalMinutes: r.interval_minutes,
        nextDueAt: r.next_due_at === null ? null : Date.parse(r.next_due_at),
        enabled: r.enabled === 1,
      })),
    setNextDue: (id: number, atMs: number | null): void => {
      setNextDue.run(atMs === null ? null : new Date(atMs).toISOString(), id)
    },
    recordHealth: (id: number, h: RunHealth): void => {
      if (h.ok) success.run({ id, at: h.at, state: JSON.stringify(h.state), itemsNew: h.itemsNew })
      else failure.run({ id, at: h.at, error: h.error })
    },
  }
}
export type SourcesRepo = ReturnType<typeof sourcesRepo>
