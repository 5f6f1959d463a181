// Runs in: main process and CLI `serve` (Node). Runs one job on an interval with an injected clock:
// never two runs at once, the next planned only after the last finishes, and a stop that waits for a
// run in flight. Created idle; the app and `footprint serve` start it, tests drive a fake clock.
import type { SchedulerClock } from '../sources/scheduler'

export interface IntervalJob {
  start(): void
  /** Stops planning and waits for a run in flight. */
  dispose(): Promise<void>
  /** Epoch ms of the next planned run, or null when idle. */
  nextAt(): number | null
}

export interface IntervalJobOptions {
  clock: SchedulerClock
  /** How long until the first run, read at start (e.g. what is left of the interval since the last backup). */
  firstDelayMs: () => number
  /** Read after each run, so a changed setting applies to the next one. */
  intervalMs: () => number
  run: () => Promise<unknown>
  log: (msg: string) => void
  name: string
}

export function createIntervalJob(o: IntervalJobOptions): IntervalJob {
  let timer: unknown = null
  let next: number | null = null
  let running: Promise<void> | null = null
  let stopped = true

  function plan(delay: number): void {
    if (stopped) return
    const ms = Math.max(0, delay)
    next = o.clock.now() + ms
    timer = o.clock.setTimer(fire, ms)
  }

  function fire(): void {
    timer = null
    next = null
    running = o
      .run()
      .then(
        () => undefined,
        (e: unknown) => o.log(`[${o.name}] failed: ${(e as Error)?.message ?? e}`),
      )
      .finally(() => {
        running = null
        plan(o.intervalMs())
      })
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      plan(o.firstDelayMs())
    },
    async dispose() {
      stopped = true
      if (timer !== null) o.clock.clearTimer(timer)
      timer = null
      next = null
      await running
    },
    nextAt: () => next,
  }
}
