// Runs in: main process and CLI (Node). The polling engine as a disposable service: the scheduler
// (when), ingest (one run, one transaction) and the polite HTTP client (how), with the clock and
// fetch injected so tests control time and the network. Only the app and `footprint serve` (and
// `footprint poll` in the foreground) start it; other CLI commands never poll in the background.
import type { FetchRun, SourceInput, SourceTestResult } from '../contract'
import type { AppEvents } from '../services/context'
import type { Store } from '../store'
import { buildUserAgent, createPoliteHttp, type PoliteHttp, type PoliteHttpOptions } from './http'
import type { Credentials } from './credentials'
import { ingestSource, type AnalyzeFn, type IngestDeps, type Turns } from './ingest'
import type { AnalysisPool } from '../analysis/worker-pool'
import { defaultConnectors, type ConnectorRegistry } from './registry'
import { createScheduler, type SchedulerClock } from './scheduler'
import { createSchoolMatching } from './school-matching'
import { testSource } from './test-source'
import { capturesRepo } from '../store/repos/captures'

export interface PollerOptions {
  store: Store
  events: AppEvents
  /** The app version, for the User-Agent. */
  version: string
  /** A ready-made HTTP client (tests); otherwise one is built with our User-Agent. */
  http?: PoliteHttp
  fetch?: typeof fetch
  httpOptions?: Partial<Omit<PoliteHttpOptions, 'userAgent' | 'fetch'>>
  clock?: SchedulerClock
  /** Timestamps for runs and mentions; defaults to the clock's time. */
  now?: () => Date
  connectors?: ConnectorRegistry
  analyze?: AnalyzeFn
  /** Analyses large runs in worker threads (the app's default); stopped with the poller. */
  analysisPool?: AnalysisPool
  /** How large runs are cut into transactions (tests and the load bench). */
  turns?: Partial<Turns>
  /** Sources polled together (default 4; the HTTP layer still asks one host at a time). */
  maxConcurrent?: number
  log?: (msg: string) => void
  /** The secrets store the connectors read tokens from (scoped to each source per run). */
  credentials?: Credentials
  /** Told the ids of the first copies stored, as each transaction of a run commits (the notifier announces urgent ones). */
  onNewMentions?: (ids: number[]) => void
}

export interface Poller {
  /** Begin polling on schedule; overdue sources run at once, once each. */
  start(): void
  /** Stop scheduling and wait for runs in flight to finish. */
  stop(): Promise<void>
  /** For good: runs in flight are cancelled (their sources keep their last state) and awaited. */
  dispose(): Promise<void>
  /** Poll one source (even a paused one) or every enabled source now; answers with the runs. */
  pollNow(id?: number): Promise<FetchRun[]>
  /** Fetch and match a source that may not exist yet; stores nothing, not even its state. */
  test(input: SourceInput, sourceId?: number): Promise<SourceTestResult>
  /** Re-read the sources and re-plan: after an edit, or on wake from sleep. */
  refresh(): void
  /** Every finished run, as it finishes. */
  onRun(listener: (run: FetchRun) => void): () => void
  readonly started: boolean
  /** The polite HTTP client (our User-Agent, per-host queue): posting replies uses it too. */
  http(): PoliteHttp
}

export const realClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export function createPoller(opts: PollerOptions): Poller {
  const { store, events } = opts
  const clock = opts.clock ?? realClock
  const now = opts.now ?? (() => new Date(clock.now()))
  const log = opts.log ?? ((m: string) => console.error(m))
  const connectors = opts.connectors ?? defaultConnectors()
  const matching = createSchoolMatching(() => store.schools.list())
  const abort = new AbortController()
  const lastRun = new Map<number, FetchRun>()
  const listeners = new Set<(run: FetchRun) => void>()
  let started = false

  /** Wikimedia and small sites ask for a way to reach us: the ORM contact, else the school office. */
  function contact(): string {
    const set = store.settings.get<string>('contactEmail')
    if (typeof set === 'string' && set.trim()) return set
    const first = [...store.schools.list()].sort((a, b) => a.id - b.id)[0]
    return first?.email ?? ''
  }
  let cached: { ua: string; http: PoliteHttp } | null = null
  function http(): PoliteHttp {
    if (opts.http) return opts.http
    const ua = buildUserAgent(opts.version, contact())
    if (cached?.ua !== ua) {
      cached = {
        ua,
        http: createPoliteHttp({ ...opts.httpOptions, userAgent: ua, fetch: opts.fetch }),
      }
    }
    return cached.http
  }

  const deps: IngestDeps = {
    store,
    connectors,
    http,
    now,
    matching,
    analyze: opts.analyze,
    analyzeBatch: opts.analysisPool && ((items) => opts.analysisPool!.analyze(items)),
    onStored: (ids) => opts.onNewMentions?.(ids),
    turns: opts.turns,
    signal: abort.signal,
    log,
    dedupCache: new Map(),
    credentials: opts.credentials,
  }

  async function run(id: number): Promise<void | { notBefore?: number }> {
    const outcome = await ingestSource(deps, id)
    if (!outcome) return
    lastRun.set(id, outcome.run)
    events.emit({ type: 'sources.changed' })
    for (const schoolId of outcome.newBySchool.keys())
      events.emit({ type: 'mentions.changed', schoolId })
    if (outcome.updated > 0) events.emit({ type: 'mentions.changed' })
    for (const l of listeners) {
      try {
        l(outcome.run)
      } catch (e) {
        log(`[poller] run listener failed: ${(e as Error)?.message ?? e}`)
      }
    }
    if (outcome.retryAfterMs) return { notBefore: now().getTime() + outcome.retryAfterMs }
  }

  // Manual captures arrive when a person captures something: there is nothing to poll.
  const manualSources = capturesRepo(store.db)
  const polled = () => {
    const manual = manualSources.manualSourceIds()
    return store.sources.listSchedulable().filter((s) => !manual.has(s.id))
  }

  const scheduler = createScheduler({
    clock,
    store: {
      listSchedulable: polled,
      setNextDue: (id, at) => store.sources.setNextDue(id, at),
    },
    run,
    maxConcurrent: opts.maxConcurrent ?? 4,
    onError: (id, e) => log(`[poller] source ${id}: ${(e as Error)?.stack ?? String(e)}`),
  })

  return {
    start() {
      scheduler.start()
      started = true
    },
    async stop() {
      started = false
      await scheduler.stop()
    },
    async dispose() {
      started = false
      abort.abort(new Error('The poller was stopped'))
      await scheduler.dispose()
      await opts.analysisPool?.dispose()
    },
    async pollNow(id) {
      if (id !== undefined && manualSources.manualSourceIds().has(id)) return []
      const ids =
        id !== undefined
          ? [id]
          : polled()
              .filter((s) => s.enabled)
              .map((s) => s.id)
      const before = new Map(ids.map((i) => [i, lastRun.get(i)]))
      await scheduler.pollNow(id)
      return ids
        .map((i) => lastRun.get(i))
        .filter((r, k): r is FetchRun => r !== undefined && r !== before.get(ids[k]))
    },
    test: (input, sourceId) =>
      testSource(
        {
          store,
          connectors,
          http,
          now,
          matching,
          signal: abort.signal,
          credentials: opts.credentials,
        },
        input,
        sourceId,
      ),
    refresh: () => scheduler.refresh(),
    onRun(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    get started() {
      return started
    },
    http,
  }
}
