// Runs in: Node (the load test and `npm run bench:load`). What the person at the screen would feel while
// a huge poll is stored: the main thread's event-loop delay (perf_hooks) and the latency of real service
// calls issued every 50 ms, as the inbox and the Today screen ask.
//
// Latency is measured from when each call was MEANT to be sent, not from when a late timer finally
// fired: a main thread blocked for 5 s makes every call due in those 5 s wait, and the figures must
// say so (otherwise a stalled loop would hide its own stall by sending fewer calls).
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'

export interface ProbeFigures {
  /** Calls completed. */
  calls: number
  /** Calls that came back with an error (they must not). */
  failed: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** The event loop's delay as perf_hooks sees it (10 ms resolution). */
  loopP99Ms: number
  loopMaxMs: number
  /** The longest gap between two turns of a 10 ms heartbeat: the longest the thread was blocked. */
  maxBlockMs: number
}

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}

/**
 * Starts calling `call()` every `everyMs`; `stop()` ends it and answers with the figures.
 * Calls never overlap: one due while another is out waits for it, and its latency counts the wait.
 */
export function startProbe(call: () => Promise<unknown>, everyMs = 50) {
  const latencies: number[] = []
  let failed = 0
  let stopped = false
  const hist = monitorEventLoopDelay({ resolution: 10 })
  hist.enable()

  let lastBeat = performance.now()
  let maxBlock = 0
  const beat = setInterval(() => {
    const t = performance.now()
    maxBlock = Math.max(maxBlock, t - lastBeat)
    lastBeat = t
  }, 10)

  const t0 = performance.now()
  let slot = 0
  const loop = (async () => {
    for (;;) {
      const due = t0 + slot * everyMs
      const wait = due - performance.now()
      if (wait > 0 && !stopped) await new Promise((r) => setTimeout(r, wait))
      // Stopped: one last call still answers for every slot already due (a loop blocked to the end
      // would otherwise leave its worst waits unrecorded).
      if (stopped && due > performance.now()) break
      try {
        await call()
      } catch {
        failed++
      }
      const done = performance.now()
      // Every slot that fell due before this call ended has waited until now.
      while (t0 + slot * everyMs <= done) {
        latencies.push(done - (t0 + slot * everyMs))
        slot++
      }
      if (stopped) break
    }
  })()

  return {
    async stop(): Promise<ProbeFigures> {
      stopped = true
      // A block that ends as the run ends is over before the heartbeat's next turn: count it now.
      maxBlock = Math.max(maxBlock, performance.now() - lastBeat)
      await loop
      clearInterval(beat)
      hist.disable()
      return {
        calls: latencies.length,
        failed,
        p50Ms: quantile(latencies, 0.5),
        p99Ms: quantile(latencies, 0.99),
        maxMs: latencies.length ? Math.max(...latencies) : 0,
        loopP99Ms: hist.percentile(99) / 1e6,
        loopMaxMs: hist.max / 1e6,
        maxBlockMs: maxBlock,
      }
    },
  }
}
