// Runs in: main process (Node). Automatic evidence for urgent mentions: as polling stores an urgent
// mention with a web address, its page is captured in the background. A disposable job with an
// injected clock: one capture at a time (a browser per capture is heavy), no overlapping runs, the next
// run planned only after the last one finishes. A capture that fails is recorded on the capture itself
// (capture.mention_failed) and logged; nothing here can stop polling.
import type { SchedulerClock } from '../sources/scheduler'

export interface EvidenceJobDeps {
  clock: SchedulerClock
  /** True when the mention should get automatic evidence (urgent, has a URL, no capture yet). */
  wants(mentionId: number): boolean
  /** Captures one mention's page; a rejected promise is only logged. */
  capture(mentionId: number): Promise<void>
  /** Mentions that arrived while the app was closed and still want evidence (read on start). */
  backlog?: () => number[]
  log?: (msg: string) => void
}

export interface EvidenceJob {
  start(): void
  /** The poller's hook: new mentions were stored. Queued even before start(); run after it. */
  mentionsAdded(ids: number[]): void
  /** Captures everything queued now, one at a time; answers how many were attempted. Tests call it. */
  runDue(): Promise<number>
  /** Ids waiting to be captured. */
  pending(): number[]
  dispose(): Promise<void>
}

/** Bounded, so a flood of urgent items cannot hold unbounded memory; the rest wait for the backlog. */
const MAX_QUEUE = 500

export function createEvidenceJob(deps: EvidenceJobDeps): EvidenceJob {
  const log = deps.log ?? ((m: string) => console.error(m))
  const queue = new Set<number>()
  let started = false
  let disposed = false
  let timer: unknown = null
  let running: Promise<number> | null = null

  function add(ids: number[]) {
    for (const id of ids) {
      if (queue.size >= MAX_QUEUE) break
      try {
        if (deps.wants(id)) queue.add(id)
      } catch (e) {
        log(`[evidence] mention ${id}: ${(e as Error)?.message ?? e}`)
      }
    }
  }

  async function runDue(): Promise<number> {
    if (running) return running
    running = (async () => {
      let n = 0
      while (queue.size && !disposed) {
        const id = queue.values().next().value as number
        queue.delete(id)
        // Checked again: someone may have captured it by hand while it waited.
        if (!deps.wants(id)) continue
        n++
        try {
          await deps.capture(id)
        } catch (e) {
          log(`[evidence] mention ${id}: ${(e as Error)?.message ?? e}`)
        }
      }
      return n
    })()
    try {
      return await running
    } finally {
      running = null
    }
  }

  function plan() {
    if (!started || disposed || timer !== null || running || !queue.size) return
    timer = deps.clock.setTimer(() => {
      timer = null
      runDue()
        .catch((e) => log(`[evidence] ${(e as Error)?.stack ?? e}`))
        .finally(plan)
    }, 0)
  }

  return {
    start() {
      if (started) return
      started = true
      try {
        add(deps.backlog?.() ?? [])
      } catch (e) {
        log(`[evidence] backlog: ${(e as Error)?.message ?? e}`)
      }
      plan()
    },
    mentionsAdded(ids) {
      add(ids)
      plan()
    },
    runDue,
    pending: () => [...queue],
    async dispose() {
      disposed = true
      if (timer !== null) deps.clock.clearTimer(timer)
      timer = null
      await running
    },
  }
}
