// Runs in: main process and CLI (Node). One run of one source: fetch with the persisted state, then
// match, dedup, analyse and store. A poll can bring 100,000 items, so the main thread is never held for
// long: matching runs in short turns, the analysis in worker threads (analysis/worker-pool.ts), and the
// new mentions are written in bounded transactions (a few hundred rows or ~25 ms each), yielding to the
// event loop between them so IPC and HTTP calls from the screens are answered while a run stores.
//
// Guarantees, kept across those transactions: each mention is written together with its verdict, so
// none is ever half-stored; mentions are keyed by (source, external id) (UNIQUE in 0001, and insert is
// ON CONFLICT DO NOTHING), so storing an item twice is impossible; and the source's saved state (its
// cursor, ETag, seen ids), health and run row are written in ONE final transaction, only after every
// new mention is stored. A run that fails or is killed part-way therefore keeps what it stored and
// leaves the state alone: the next run fetches the same items again and stores only the rest. A
// failed run records its specific error.
import { performance } from 'node:perf_hooks'
import type { FetchRun, School } from '../contract'
import type { Store } from '../store'
import type { AnalysisRow } from '../store/repos/analyses'
import type { WorkerResult } from '../analysis/worker-pool'
import type { ConnectorResult } from './connector'
import type { PoliteHttp } from './http'
import type { ConnectorRegistry } from './registry'
import type { SchoolMatching } from './school-matching'
import type { Credentials } from './credentials'
import { SourceError } from './errors'
import { redactSecrets } from './http/redact'
import { connectorContext } from './run-context'
import { prepareItems, type Candidate, type PreparedCache } from './prepare'
import { analyseBatch, createWriter, type Progress } from './ingest-write'

/** The analysis engine's verdict on one new mention, written beside it in the same transaction. */
export type AnalyzeFn = (text: string, school: School) => AnalysisRow
/** Verdicts for many mentions at once, off the main thread (an AnalysisPool's `analyze`). */
export type AnalyzeBatchFn = (
  items: readonly { text: string; school: School }[],
) => Promise<WorkerResult[]>

export interface IngestDeps {
  store: Store
  connectors: ConnectorRegistry
  http: () => PoliteHttp
  now: () => Date
  matching: SchoolMatching
  /** In-process analysis: small runs, tests, and the fallback when no worker can run. */
  analyze?: AnalyzeFn
  /** Analysis in worker threads, for runs of at least `offThreadFrom` new items. */
  analyzeBatch?: AnalyzeBatchFn
  signal?: AbortSignal
  log?: (msg: string) => void
  /** Shingles of recent mentions, reused across runs (owned by the poller). */
  dedupCache?: PreparedCache
  /** The secrets store; each run sees it scoped to its source. */
  credentials?: Credentials
  /** Told the first copies stored as each transaction commits (the poller's new-mentions hook). */
  onStored?: (ids: number[]) => void
  /** Tuning (tests and the load bench); see DEFAULT_TURNS. */
  turns?: Partial<Turns>
}

export interface Turns {
  /** Items per analysis batch, and at most this many rows per write transaction. */
  batch: number
  /** A turn (a write transaction, a stretch of matching) ends once it has run this long… */
  budgetMs: number
  /** …but a write transaction takes at least this many rows: each commit rewrites the same rollup
   * pages, so on a starved machine one-row transactions would never finish the run. */
  minRows: number
  /** The new-mentions hook (themes, spikes, notifier) is told in lots of this many. */
  tellEvery: number
  /** Analysis batches sent ahead of the one being written. */
  ahead: number
  /** Runs with fewer new items than this are analysed in-process: a worker costs more than it saves. */
  offThreadFrom: number
}
export const DEFAULT_TURNS: Turns = {
  batch: 500,
  budgetMs: 25,
  minRows: 20,
  tellEvery: 100,
  ahead: 4,
  offThreadFrom: 200,
}

export interface RunOutcome {
  run: FetchRun
  /** New (non-duplicate) mentions per school id: who should hear "mentions.changed". */
  newBySchool: Map<number, number>
  /** The first copies stored by this run (already told to `onStored`, transaction by transaction). */
  newIds: number[]
  updated: number
  /** The server asked us to wait this long (429/503 Retry-After, a lagged wiki) before asking again. */
  retryAfterMs?: number
}

/** Why the config cannot be used, in words for the Sources screen. */
export function configError(kind: string, e: unknown): string {
  const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0]
  return issue
    ? `invalid ${kind} settings: ${issue.path.map(String).join('.') || 'config'}: ${issue.message}`
    : `invalid ${kind} settings`
}

/** Lets the event loop answer what is waiting (IPC, HTTP, timers) before the next turn. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

class Stopped extends Error {}

/** Runs source `sourceId` once. Null when it no longer exists or the poller was stopped mid-run. */
export async function ingestSource(deps: IngestDeps, sourceId: number): Promise<RunOutcome | null> {
  const { store, now } = deps
  const source = store.sources.getRecord(sourceId)
  if (!source) return null
  const startedAt = now().toISOString()

  const fail = (
    error: string,
    httpStatus: number | null = null,
    retryAfterMs?: number,
  ): RunOutcome => {
    const at = now().toISOString()
    const run = store.tx(() => {
      store.sources.recordHealth(sourceId, { ok: false, at, error })
      return store.runs.insert({
        sourceId,
        startedAt,
        finishedAt: at,
        status: 'error',
        httpStatus,
        itemsFound: 0,
        itemsNew: 0,
        error,
      })
    })
    return { run, newBySchool: new Map(), newIds: [], updated: 0, retryAfterMs }
  }

  const connector = deps.connectors[source.kind]
  if (!connector) return fail(`no connector for ${source.kind} sources in this version`)
  const config = connector.configSchema.safeParse(source.config)
  if (!config.success) return fail(configError(source.kind, config.error))

  let result: ConnectorResult
  try {
    result = await connector.fetch(
      config.data,
      source.state,
      connectorContext(deps, { id: sourceId, schoolId: source.schoolId }),
    )
  } catch (e) {
    if (deps.signal?.aborted) return null // stopped, not failed: the next run starts from the same state
    if (e instanceof SourceError) return fail(e.message, e.status ?? null, e.retryAfterMs)
    deps.log?.(`[poller] source ${sourceId} failed: ${(e as Error)?.stack ?? String(e)}`)
    // Not a SourceError, so not yet cleaned: an exception's text may quote a request with its key.
    return fail(redactSecrets(`unexpected error: ${(e as Error)?.message ?? String(e)}`))
  }

  const turns = { ...DEFAULT_TURNS, ...deps.turns }
  const progress: Progress = { newBySchool: new Map(), newIds: [], stored: 0, fresh: 0 }
  try {
    const fresh = await prepareFresh(deps, sourceId, source, result.items, turns)
    progress.fresh = fresh.length
    const finish = () => finishRun(deps, sourceId, startedAt, result, progress)
    // A small run (nearly every run) is still ONE transaction: mentions, state and run row together.
    if (fresh.length < turns.offThreadFrom) {
      const rows = await analyseBatch(deps, fresh, false)
      const writer = createWriter(deps, sourceId)
      let ids: number[] = []
      try {
        const outcome = store.tx(() => {
          writer.write(fresh, rows, 0, { budgetMs: Infinity, minRows: 0 })
          ids = writer.committed(progress)
          return finish()
        })
        tell(deps, ids)
        return outcome
      } catch (e) {
        progress.stored = 0 // rolled back whole
        throw e
      }
    }
    await storeInTurns(deps, sourceId, fresh, turns, progress)
    return store.tx(finish)
  } catch (e) {
    // Stopped (the app closing) or failed part-way: what was committed stays, the state does not
    // move, and the next run stores the rest.
    if (e instanceof Stopped || deps.signal?.aborted) return null
    deps.log?.(`[poller] storing source ${sourceId} failed: ${(e as Error)?.stack ?? String(e)}`)
    const kept = progress.stored
      ? ` (${progress.stored} of ${progress.fresh} new items were stored; the next run stores the rest)`
      : ''
    return fail(`could not store the items: ${(e as Error)?.message ?? String(e)}${kept}`)
  }
}

function checkStopped(deps: IngestDeps): void {
  if (deps.signal?.aborted) throw new Stopped('stopped')
}

/** Matching and fingerprints in short turns; items this source already holds are left out. */
async function prepareFresh(
  deps: IngestDeps,
  sourceId: number,
  source: Parameters<typeof prepareItems>[2],
  items: ConnectorResult['items'],
  turns: Turns,
): Promise<Candidate[]> {
  const fresh: Candidate[] = []
  const PIECE = 50
  let t0 = performance.now()
  for (let i = 0; i < items.length; i += PIECE) {
    if (performance.now() - t0 >= turns.budgetMs) {
      await nextTurn()
      checkStopped(deps)
      t0 = performance.now()
    }
    const { kept } = prepareItems(items.slice(i, i + PIECE), deps.matching, source)
    for (const c of kept)
      if (deps.store.mentions.idOf(sourceId, c.item.externalId) === undefined) fresh.push(c)
  }
  return fresh
}

/**
 * A large run: analysis batches go out ahead (to the workers) while the batch before is written, in
 * transactions of at most `budgetMs` each, with a turn of the event loop between them.
 */
async function storeInTurns(
  deps: IngestDeps,
  sourceId: number,
  fresh: Candidate[],
  turns: Turns,
  progress: Progress,
): Promise<void> {
  const writer = createWriter(deps, sourceId)
  const offThread = deps.analyzeBatch !== undefined
  /** Committed, not yet told. */
  const told: number[] = []
  // In-process analysis holds the thread for a whole batch: smaller batches, none sent ahead.
  const size = offThread ? turns.batch : Math.min(turns.batch, 100)
  const ahead = offThread ? turns.ahead : 0
  const batches: Candidate[][] = []
  for (let i = 0; i < fresh.length; i += size) batches.push(fresh.slice(i, i + size))
  const verdicts: Promise<(AnalysisRow | null)[]>[] = []
  const send = (k: number) => {
    if (k < batches.length && !verdicts[k]) {
      verdicts[k] = analyseBatch(deps, batches[k], offThread)
      verdicts[k].catch(() => {}) // awaited in order below; a stop must not leave it unhandled
    }
  }
  for (let k = 0; k < batches.length; k++) {
    for (let a = k; a <= k + ahead; a++) send(a)
    const batch = batches[k]
    const rows = await verdicts[k]
    let i = 0
    while (i < batch.length) {
      checkStopped(deps)
      i = deps.store.tx(() => writer.write(batch, rows, i, turns))
      told.push(...writer.committed(progress))
      await nextTurn()
      // Lots of a fixed size, in stored order: the same poll gives the hook the same lots, whatever
      // the machine's speed made of the transactions.
      const lot = Math.max(1, turns.tellEvery)
      while (told.length >= lot) {
        tell(deps, told.splice(0, lot))
        await nextTurn()
      }
    }
  }
  tell(deps, told.splice(0))
}

/** Committed first copies: what the notifier, spike alerts and themes look at, lot by lot. */
function tell(deps: IngestDeps, ids: number[]): void {
  if (!ids.length) return
  try {
    deps.onStored?.(ids)
  } catch (e) {
    deps.log?.(`[poller] new-mentions hook failed: ${(e as Error)?.message ?? e}`)
  }
}

/** The last transaction: updates, the new state, health and the run row, once everything is stored. */
function finishRun(
  deps: IngestDeps,
  sourceId: number,
  startedAt: string,
  result: ConnectorResult,
  progress: Progress,
): RunOutcome {
  const { store } = deps
  const at = deps.now().toISOString()
  let updated = 0
  for (const u of result.updates ?? []) {
    const changed = store.mentions.updateItem(
      {
        sourceId,
        externalId: u.externalId,
        url: u.url,
        title: u.title,
        text: u.text,
        author: u.author,
        meta: u.meta ?? {},
        raw: u.raw,
      },
      at,
    )
    if (changed) updated++
  }
  const itemsNew = progress.newIds.length
  store.sources.recordHealth(sourceId, { ok: true, at, state: result.state, itemsNew })
  const run = store.runs.insert({
    sourceId,
    startedAt,
    finishedAt: at,
    status: result.notModified ? 'not_modified' : 'ok',
    httpStatus: result.notModified ? 304 : null,
    itemsFound: result.items.length,
    itemsNew,
    error: null,
  })
  return { run, newBySchool: progress.newBySchool, newIds: progress.newIds, updated }
}
