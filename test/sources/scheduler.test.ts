// Runs in: Vitest (Node). The polling scheduler, driven by a fake clock: no real timers, no sleeps.
import { describe, expect, it } from 'vitest'
import {
  createScheduler,
  DEFAULT_INTERVAL_MINUTES,
  type SchedulableSource,
  type SchedulerDeps,
} from '../../src-main/sources/scheduler'
import { createFakeClock, settle, type FakeClock } from './fake-clock'

const MIN = 60_000

/** A store, a run() that takes `durationMs` of fake time, and a log of what ran when. */
function harness(
  sources: SchedulableSource[],
  opts: Partial<SchedulerDeps> & { durationMs?: number } = {},
) {
  const clock: FakeClock = createFakeClock()
  const t0 = clock.now()
  const rows = new Map(sources.map((s) => [s.id, { ...s }]))
  const starts: { id: number; at: number }[] = []
  const active = new Map<number, number>()
  let maxActive = 0
  let maxActivePerSource = 0
  const errors: [number, unknown][] = []
  const held = new Map<number, () => void>() // runs a test finishes by hand
  let hold = false
  const fail = new Set<number>()

  const store = {
    listSchedulable: () => [...rows.values()].map((r) => ({ ...r })),
    setNextDue: (id: number, at: number) => {
      const r = rows.get(id)
      if (r) r.nextDueAt = at
    },
  }
  const run = async (id: number) => {
    starts.push({ id, at: clock.now() - t0 })
    active.set(id, (active.get(id) ?? 0) + 1)
    maxActivePerSource = Math.max(maxActivePerSource, active.get(id)!)
    maxActive = Math.max(
      maxActive,
      [...active.values()].reduce((a, b) => a + b, 0),
    )
    try {
      if (hold) await new Promise<void>((r) => held.set(id, r))
      else await new Promise<void>((r) => clock.setTimer(r, opts.durationMs ?? MIN))
      if (fail.has(id)) throw new Error(`source ${id} failed`)
    } finally {
      active.set(id, active.get(id)! - 1)
    }
  }
  const scheduler = createScheduler({
    clock,
    store,
    run,
    onError: (id, e) => errors.push([id, e]),
    ...opts,
  })
  return {
    clock, t0, rows, starts, errors, scheduler, store, fail,
    runsOf: (id: number) => starts.filter((s) => s.id === id).map((s) => s.at / MIN),
    get maxActive() { return maxActive },
    get maxActivePerSource() { return maxActivePerSource },
    hold: (on: boolean) => { hold = on },
    finish: async (id: number) => { held.get(id)?.(); held.delete(id); await settle() },
    /** dispose(), letting in-flight runs finish in fake time. */
    shutdown: async () => {
      const d = scheduler.dispose()
      await clock.advance(opts.durationMs ?? MIN)
      await d
    },
  } // prettier-ignore
}

const src = (
  id: number,
  intervalMinutes = 30,
  nextDueAt: number | null = null,
  enabled = true,
) => ({
  id,
  intervalMinutes,
  nextDueAt,
  enabled,
})

describe('scheduler', () => {
  it('has the documented default intervals', () => {
    expect(DEFAULT_INTERVAL_MINUTES.feed).toBe(30)
    expect(DEFAULT_INTERVAL_MINUTES.wikipedia).toBe(60)
    expect(DEFAULT_INTERVAL_MINUTES.mumsnet).toBe(360)
  })

  it('runs a never-polled source at once, then plans the next run after it finishes', async () => {
    const h = harness([src(1, 30)], { durationMs: 5 * MIN })
    h.scheduler.start()
    await h.clock.advance(0)
    expect(h.runsOf(1)).toEqual([0])
    await h.clock.advance(5 * MIN) // run finishes at minute 5
    expect(h.rows.get(1)!.nextDueAt).toBe(h.t0 + 35 * MIN) // finish + interval, not start + interval
    await h.clock.advance(100 * MIN)
    expect(h.runsOf(1)).toEqual([0, 35, 70, 105])
    await h.shutdown()
  })

  it('never overlaps runs of one source, even when a run outlasts its interval', async () => {
    const h = harness([src(1, 1)], { durationMs: 10 * MIN })
    h.scheduler.start()
    await h.clock.advance(60 * MIN)
    expect(h.maxActivePerSource).toBe(1)
    expect(h.runsOf(1)).toEqual([0, 11, 22, 33, 44, 55])
    await h.shutdown()
  })

  it('uses one timer, for the earliest due source', async () => {
    const now = Date.UTC(2025, 0, 6, 8, 0)
    const h = harness(
      [src(1, 30, now + 20 * MIN), src(2, 30, now + 7 * MIN), src(3, 30, now + 50 * MIN)],
      {
        maxTimerMs: 24 * 60 * MIN,
      },
    )
    h.scheduler.start()
    await h.clock.advance(0)
    expect(h.clock.pending()).toBe(1)
    await h.clock.advance(30 * MIN)
    expect(h.starts.map((s) => [s.id, s.at / MIN])).toEqual([
      [2, 7],
      [1, 20],
    ])
    expect(h.clock.pending()).toBe(1) // nothing in flight: only the scheduler timer
    await h.shutdown()
    expect(h.clock.pending()).toBe(0)
  })

  it('runs an overdue source once after a long sleep, not once per missed slot', async () => {
    const h = harness([src(1, 30)])
    h.scheduler.start()
    await h.clock.advance(2 * MIN) // first run 0 → 1
    expect(h.runsOf(1)).toEqual([0])
    await h.clock.sleep(10 * 60 * MIN) // the laptop lid closes for ten hours
    await h.clock.advance(MIN) // run finishes one minute after waking
    expect(h.runsOf(1)).toEqual([0, 602])
    expect(h.rows.get(1)!.nextDueAt).toBe(h.t0 + 633 * MIN)
    await h.clock.advance(31 * MIN)
    expect(h.runsOf(1)).toEqual([0, 602, 633])
    await h.shutdown()
  })

  it('runs sources overdue at start-up once each (the app was closed for days)', async () => {
    const now = Date.UTC(2025, 0, 6, 8, 0)
    const h = harness([
      src(1, 30, now - 3 * 24 * 60 * MIN),
      src(2, 60, now - 90 * MIN),
      src(3, 60, now + 45 * MIN),
    ])
    h.scheduler.start()
    await h.clock.advance(2 * MIN)
    expect(h.starts.map((s) => s.id)).toEqual([1, 2]) // most overdue first; 3 is not due
    expect(h.rows.get(1)!.nextDueAt).toBe(now + 31 * MIN)
    await h.shutdown()
  })

  it('caps how many sources run at once and runs the rest as slots free', async () => {
    const h = harness(
      [1, 2, 3, 4, 5].map((id) => src(id)),
      { maxConcurrent: 2 },
    )
    h.scheduler.start()
    await h.clock.advance(0)
    expect(h.starts.map((s) => s.id)).toEqual([1, 2])
    await h.clock.advance(3 * MIN)
    expect(h.starts.map((s) => [s.id, s.at / MIN])).toEqual([
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 2],
    ])
    expect(h.maxActive).toBe(2)
    await h.shutdown()
  })

  it('keeps going when runs fail, reporting each failure', async () => {
    const h = harness([src(1, 30), src(2, 30)])
    h.fail.add(1)
    h.scheduler.start()
    await h.clock.advance(65 * MIN)
    expect(h.runsOf(1)).toEqual([0, 31, 62])
    expect(h.runsOf(2)).toEqual([0, 31, 62])
    expect(h.errors.map(([id]) => id)).toEqual([1, 1, 1])
    await h.shutdown()
  })

  it('survives a run() that throws synchronously and an onError that throws', async () => {
    const clock = createFakeClock()
    let calls = 0
    const s = createScheduler({
      clock,
      store: { listSchedulable: () => [src(1, 30, clock.now() - 1)], setNextDue: () => {} },
      run: () => {
        calls++
        throw new Error('sync')
      },
      onError: () => {
        throw new Error('handler')
      },
    })
    await expect(s.pollNow(1)).resolves.toBeUndefined()
    await expect(s.pollNow(1)).resolves.toBeUndefined()
    expect(calls).toBe(2)
    await s.dispose()
  })

  it('reports a failing store with id -1 and recovers on the next timer', async () => {
    const h = harness([src(1, 30)], { maxTimerMs: MIN })
    const list = h.store.listSchedulable
    let broken = true
    h.store.listSchedulable = () => {
      if (broken) throw new Error('database is locked')
      return list()
    }
    h.scheduler.start()
    await h.clock.advance(0)
    expect(h.errors[0][0]).toBe(-1)
    expect(h.starts).toEqual([])
    broken = false
    await h.clock.advance(MIN)
    expect(h.runsOf(1)).toEqual([1])
    await h.shutdown()
  })

  it('stop() waits for in-flight runs and then nothing more runs', async () => {
    const h = harness([src(1, 30), src(2, 30)])
    h.hold(true)
    h.scheduler.start()
    await h.clock.advance(0)
    let stopped = false
    const stopping = h.scheduler.stop().then(() => (stopped = true))
    await settle()
    expect(stopped).toBe(false)
    await h.finish(1)
    expect(stopped).toBe(false)
    await h.finish(2)
    await stopping
    expect(stopped).toBe(true)
    expect(h.rows.get(1)!.nextDueAt).not.toBeNull() // the finished runs were still recorded
    await h.clock.advance(5 * 60 * MIN)
    expect(h.starts).toHaveLength(2)
    expect(h.clock.pending()).toBe(0)
  })

  it('pollNow(id) on a running source awaits that run instead of starting another', async () => {
    const h = harness([src(1, 30)])
    h.hold(true)
    h.scheduler.start()
    await h.clock.advance(0)
    expect(h.scheduler.isRunning(1)).toBe(true)
    let done = false
    const p = h.scheduler.pollNow(1).then(() => (done = true))
    await settle()
    expect(h.starts).toHaveLength(1)
    expect(done).toBe(false)
    await h.finish(1)
    await p
    expect(done).toBe(true)
    expect(h.scheduler.isRunning(1)).toBe(false)
    expect(h.starts).toHaveLength(1)
    await h.shutdown()
  })

  it('pollNow works without start(): one source, then all enabled ones, within the cap', async () => {
    const now = Date.UTC(2025, 0, 6, 8, 0)
    const h = harness(
      [src(1, 30, now + 60 * MIN), src(2, 30, now + 60 * MIN), src(3, 30, null, false), src(4)],
      {
        maxConcurrent: 2,
      },
    )
    const one = h.scheduler.pollNow(2)
    await h.clock.advance(MIN)
    await one
    expect(h.starts.map((s) => s.id)).toEqual([2])
    expect(h.rows.get(2)!.nextDueAt).toBe(now + 31 * MIN) // a manual poll resets the interval too
    const all = h.scheduler.pollNow()
    await h.clock.advance(2 * MIN)
    await all
    expect(h.starts.map((s) => [s.id, s.at / MIN])).toEqual([
      [2, 0],
      [1, 1],
      [2, 1],
      [4, 2],
    ])
    expect(h.maxActive).toBe(2)
    await h.clock.advance(120 * MIN)
    expect(h.starts).toHaveLength(4) // not started: no automatic runs
  })

  it('pollNow(id) runs a disabled source the user asked for; automatic polling skips it', async () => {
    const h = harness([src(1, 30, null, false)])
    h.scheduler.start()
    await h.clock.advance(10 * MIN)
    expect(h.starts).toEqual([])
    const p = h.scheduler.pollNow(1)
    await h.clock.advance(MIN)
    await p
    expect(h.runsOf(1)).toEqual([10])
    await h.shutdown()
  })

  it('refresh() picks up an added source and an edited interval', async () => {
    const h = harness([src(1, 30)], { maxTimerMs: 24 * 60 * MIN })
    h.scheduler.start()
    await h.clock.advance(5 * MIN)
    h.rows.set(2, src(2, 30))
    h.rows.get(1)!.nextDueAt = h.clock.now() + 2 * MIN
    h.scheduler.refresh()
    await h.clock.advance(3 * MIN)
    expect(h.starts.map((s) => [s.id, s.at / MIN])).toEqual([
      [1, 0],
      [2, 5],
      [1, 7],
    ])
    await h.shutdown()
  })

  it('refuses to be used after dispose()', async () => {
    const h = harness([src(1)])
    await h.shutdown()
    expect(() => h.scheduler.start()).toThrow(/disposed/)
    await expect(h.scheduler.pollNow(1)).rejects.toThrow(/disposed/)
  })
})

describe('a run that asks for a longer wait', () => {
  it('plans the next run no sooner than the run asked', async () => {
    const clock = createFakeClock()
    const due: number[] = []
    const scheduler = createScheduler({
      clock,
      store: {
        listSchedulable: () => [{ id: 1, intervalMinutes: 30, nextDueAt: null, enabled: true }],
        setNextDue: (_id, at) => due.push(at),
      },
      run: async () => ({ notBefore: clock.now() + 180 * MIN }),
    })
    await scheduler.pollNow(1)
    expect(due).toEqual([clock.now() + 180 * MIN])
    const shorter = createScheduler({
      clock,
      store: {
        listSchedulable: () => [{ id: 1, intervalMinutes: 30, nextDueAt: null, enabled: true }],
        setNextDue: (_id, at) => due.push(at),
      },
      run: async () => ({ notBefore: clock.now() + 5 * MIN }),
    })
    await shorter.pollNow(1)
    expect(due[1]).toBe(clock.now() + 30 * MIN)
    await scheduler.dispose()
    await shorter.dispose()
  })
})
