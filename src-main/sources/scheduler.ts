// Runs in: main process / CLI (Node). When each source is polled: intervals, next-due times, no overlap.
//
// Pollers are disposable: the scheduler owns no source state beyond "is it running now", and
// reads the persisted next-due times from the store every time it plans, so a restart, an edited
// interval or a newly added source all take effect by re-reading. Rules:
//  - one timer, for the earliest next-due time (capped at maxTimerMs so the scheduler notices a
//    wake from sleep or an edited source within a minute even if nobody calls refresh());
//  - next due = when the last run FINISHED + interval: a slow source never piles up runs;
//  - an overdue source runs once, however many slots it missed (sleep, closed app);
//  - a source never runs twice at once; at most maxConcurrent sources run together;
//  - a failing run is reported through onError and scheduled like any other: it never stops us.

export { DEFAULT_INTERVAL_MINUTES } from '../contract/sources'

export interface SchedulerClock {
  now(): number
  setTimer(fn: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
}

export interface SchedulableSource {
  id: number
  intervalMinutes: number
  /** Epoch ms; null for a source that has never run (due at once). */
  nextDueAt: number | null
  enabled: boolean
}

export interface SchedulerStore {
  listSchedulable(): SchedulableSource[]
  setNextDue(id: number, at: number): void
}

export interface SchedulerDeps {
  clock: SchedulerClock
  store: SchedulerStore
  /** Resolves with `notBefore` (epoch ms) when the source asked for a longer wait than its interval. */
  run: (sourceId: number) => Promise<void | { notBefore?: number }>
  /** Sources polled at the same time, across all sources (default 2). */
  maxConcurrent?: number
  /** Called with the source id when a run rejects, or with -1 when the store fails. */
  onError?: (id: number, e: unknown) => void
  /** Longest the single timer waits before re-planning (default 60 000 ms). */
  maxTimerMs?: number
}

export interface Scheduler {
  /** Begin automatic polling; overdue sources run at once (once each). */
  start(): void
  /** Stop automatic polling and wait for in-flight runs. Queued "poll now" requests are dropped. */
  stop(): Promise<void>
  /**
   * Poll one source (even a disabled one: the user asked) or all enabled sources now, within the
   * concurrency cap. Resolves when the run(s) finish; a source already running is awaited, not
   * started again. Works without start() (CLI "poll once").
   */
  pollNow(id?: number): Promise<void>
  /** Re-read the store and re-plan: call after editing sources or on wake from sleep. */
  refresh(): void
  /** stop() for good. */
  dispose(): Promise<void>
  isRunning(id: number): boolean
}

const MAX_TIMER = 2 ** 31 - 1 // setTimeout overflows beyond this and fires at once

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, store } = deps
  const maxConcurrent = Math.max(1, deps.maxConcurrent ?? 2)
  const maxTimerMs = Math.min(MAX_TIMER, Math.max(1, deps.maxTimerMs ?? 60_000))
  let started = false
  let disposed = false
  let timer: unknown = null
  const running = new Map<number, Promise<void>>()
  // "Poll now" requests waiting for a free slot, in request order.
  const queued = new Map<number, { promise: Promise<void>; resolve: () => void }>()

  const report = (id: number, e: unknown) => {
    try {
      deps.onError?.(id, e)
    } catch {
      // A throwing error handler must not take the scheduler down with it.
    }
  }

  function list(): SchedulableSource[] | null {
    try {
      return store.listSchedulable()
    } catch (e) {
      report(-1, e)
      return null
    }
  }

  function clearTimer() {
    if (timer !== null) clock.clearTimer(timer)
    timer = null
  }

  function plan() {
    clearTimer()
    if (disposed) return
    const sources = list()
    for (const [id, q] of queued) {
      if (running.size >= maxConcurrent) break
      queued.delete(id)
      void launch(id).then(q.resolve)
    }
    if (!started) return
    const now = clock.now()
    let earliest = Infinity
    if (sources) {
      const due = sources
        .filter((s) => s.enabled && !running.has(s.id) && (s.nextDueAt ?? -Infinity) <= now)
        .sort((a, b) => (a.nextDueAt ?? -Infinity) - (b.nextDueAt ?? -Infinity) || a.id - b.id)
      for (const s of due) {
        if (running.size >= maxConcurrent) break // the next finishing run re-plans
        void launch(s.id)
      }
      for (const s of sources) {
        if (s.enabled && !running.has(s.id) && s.nextDueAt !== null && s.nextDueAt > now) {
          earliest = Math.min(earliest, s.nextDueAt)
        }
      }
    }
    const delay = Math.max(0, Math.min(maxTimerMs, earliest - now))
    timer = clock.setTimer(() => {
      timer = null
      plan()
    }, delay)
  }

  function launch(id: number): Promise<void> {
    let done!: () => void
    const promise = new Promise<void>((resolve) => (done = resolve))
    running.set(id, promise)
    void (async () => {
      let notBefore = 0
      try {
        await Promise.resolve() // never call run() from inside plan()
        notBefore = (await deps.run(id))?.notBefore ?? 0
      } catch (e) {
        report(id, e)
      }
      const finishedAt = clock.now()
      // The interval as it is now: the user may have changed it during the run.
      const source = list()?.find((s) => s.id === id)
      if (source) {
        try {
          store.setNextDue(id, Math.max(finishedAt + source.intervalMinutes * 60_000, notBefore))
        } catch (e) {
          report(id, e)
        }
      }
      running.delete(id)
      done()
      plan()
    })()
    return promise
  }

  function pollNow(id?: number): Promise<void> {
    if (disposed) return Promise.reject(new Error('The scheduler has been disposed'))
    if (id === undefined) {
      const all = (list() ?? []).filter((s) => s.enabled)
      return Promise.all(all.map((s) => pollNow(s.id))).then(() => undefined)
    }
    const current = running.get(id) ?? queued.get(id)?.promise
    if (current) return current
    let resolve!: () => void
    const promise = new Promise<void>((r) => (resolve = r))
    queued.set(id, { promise, resolve })
    plan()
    return promise
  }

  async function stop(): Promise<void> {
    started = false
    clearTimer()
    for (const q of queued.values()) q.resolve()
    queued.clear()
    // Runs finishing while we wait plan again, but with started = false that only sets next-due.
    while (running.size > 0) await Promise.all([...running.values()])
  }

  return {
    start() {
      if (disposed) throw new Error('The scheduler has been disposed')
      if (started) return
      started = true
      plan()
    },
    stop,
    pollNow,
    refresh() {
      if (started || queued.size > 0) plan()
    },
    async dispose() {
      await stop()
      disposed = true
    },
    isRunning: (id) => running.has(id),
  }
}
