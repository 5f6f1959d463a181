// Runs in: Vitest (Node). A fake clock for the scheduler: time moves only when a test moves it.
//
// No real timers and no sleeps: advance() fires due timers in time order, letting promise
// callbacks settle after each; sleep() jumps the wall clock without firing anything in between,
// as a suspended laptop does, then fires what is overdue once, late.

export interface FakeClock {
  now(): number
  setTimer(fn: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
  /** Move time forward by ms, firing timers as their time comes. */
  advance(ms: number): Promise<void>
  /** Jump forward by ms without firing anything on the way, then fire what is overdue. */
  sleep(ms: number): Promise<void>
  /** Timers waiting to fire. */
  pending(): number
}

/** Let queued promise callbacks run: enough turns for the scheduler's async chains. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve()
}

export function createFakeClock(start = Date.UTC(2025, 0, 6, 8, 0)): FakeClock {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()

  async function fireDue(): Promise<void> {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null
      for (const entry of timers) {
        if (entry[1].at <= now && (!next || entry[1].at < next[1].at)) next = entry
      }
      if (!next) return
      timers.delete(next[0])
      next[1].fn()
      await settle()
    }
  }

  return {
    now: () => now,
    setTimer(fn, ms) {
      const id = ++seq
      timers.set(id, { at: now + Math.max(0, ms), fn })
      return id
    },
    clearTimer(handle) {
      timers.delete(handle as number)
    },
    async advance(ms) {
      const target = now + ms
      await settle()
      for (;;) {
        let at = Infinity
        for (const t of timers.values()) at = Math.min(at, t.at)
        if (at > target) break
        now = Math.max(now, at)
        await fireDue()
      }
      now = target
      await settle()
    },
    async sleep(ms) {
      now += ms
      await fireDue()
      await settle()
    },
    pending: () => timers.size,
  }
}
