// Runs in: Vitest (Node). One poll cycle delivering thousands of new mentions while the screens keep
// asking (the inbox or Today, one call every 50 ms, as a signed-in ORM lead): the main thread must stay
// responsive (analysis in worker threads, writes in bounded transactions), and nothing may be lost or
// stored twice — also when a run fails half-way and the next run picks up the rest.
//
// The full 100,000 are in `npm run bench:load`; here LOAD_TEST_N (default 2,000) keeps the suite's
// budget. The old path (one transaction, analysis in-process) held the main thread for the whole run:
// ~134 s at 20,000 items on the shared 2-core machine, and seconds at 2,000 — far past the
// bounds below, which leave room for a loaded CI machine.
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILTIN_ENGINE_VERSION } from '../../src-main/analysis'
import { createAnalysisPool, type AnalysisPool } from '../../src-main/analysis/worker-pool'
import { schoolAnalyzer } from '../../src-main/services/analysis'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import { recount, rollupSnapshot } from '../trends/helpers'
import { bulkItem } from './bulk-source'
import { loadInstall } from './harness'
import { startProbe } from './probe'

const N = Number(process.env.LOAD_TEST_N ?? 2_000)
/** p99 latency of a UI call (inbox + Today), from when it was due. */
const P99_BOUND_MS = 1_500
/** The longest the main thread may be held at once: in milliseconds, and as a share of the run. */
const BLOCK_BOUND_MS = 2_000
const BLOCK_SHARE = 0.15

type Install = Awaited<ReturnType<typeof loadInstall>>
let open: Install[] = []
afterEach(async () => {
  for (const h of open) await h.close()
  open = []
})

/** The app's pool, counting what it analysed (so the test knows the work left the main thread). */
function countingPool(): AnalysisPool & { items: number } {
  const pool = createAnalysisPool({ size: 1 })
  const counted = {
    items: 0,
    analyze: async (items: Parameters<AnalysisPool['analyze']>[0]) => {
      const r = await pool.analyze(items)
      counted.items += items.length
      return r
    },
    get running() {
      return pool.running
    },
    dispose: () => pool.dispose(),
  }
  return counted
}

/** Every stored mention once, each with a verdict from this build's engine; the rollups recount. */
function expectComplete(h: Install, n: number) {
  expect(h.count1('SELECT count(*) AS n FROM mentions')).toBe(n)
  expect(h.count1('SELECT count(DISTINCT external_id) AS n FROM mentions')).toBe(n)
  expect(
    h.count1(
      'SELECT count(*) AS n FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id WHERE a.mention_id IS NULL',
    ),
  ).toBe(0)
  expect(
    h.count1(
      'SELECT count(*) AS n FROM analyses WHERE engine_version != ?',
      BUILTIN_ENGINE_VERSION,
    ),
  ).toBe(0)
  expect(rollupSnapshot(h.db)).toEqual(recount(h.store))
}

describe('a poll of thousands of new mentions', () => {
  it('keeps the screens responsive and stores every mention once, with its analysis', async () => {
    const pool = countingPool()
    const h = await loadInstall({ count: N, polling: { analysisPool: pool } })
    open.push(h)
    await h.uiCall() // warm: the first call compiles the inbox's statements

    const probe = startProbe(h.uiCall)
    const t0 = performance.now()
    const [run] = await h.service.poller.pollNow(h.source.id)
    const runMs = performance.now() - t0
    const figures = await probe.stop()
    console.log(`load test, ${N} mentions in ${Math.round(runMs)} ms: ${JSON.stringify(figures)}`)

    expect(run).toMatchObject({ status: 'ok', itemsFound: N, itemsNew: N, error: null })
    expect(pool.items).toBe(N) // analysed in the worker, not on the main thread
    expectComplete(h, N)
    // The worker's verdicts are the in-process engine's, with the same school profile.
    const analyze = schoolAnalyzer()
    const school = h.store.schools.get(h.school.id)!
    for (const i of [0, 1, 2, 17, 101, N - 1]) {
      const id = h.store.mentions.idOf(h.source.id, `bulk-${i}`)!
      const row = h.db.prepare('SELECT * FROM analyses WHERE mention_id = ?').get(id) as Record<
        string,
        unknown
      >
      const v: AnalysisRow = analyze(bulkItem(i).text, school)
      expect(row).toMatchObject({
        sentiment_label: v.sentiment.label,
        sentiment_score: v.sentiment.score,
        flags_json: JSON.stringify(v.flags),
        priority: v.priority,
        owner_role: v.owner,
        evidence_json: JSON.stringify(v.evidence),
      })
    }
    expect(h.store.sources.getRecord(h.source.id)!.state).toEqual({ fetched: N })

    expect(figures.failed).toBe(0)
    expect(figures.calls).toBeGreaterThan(10)
    expect(figures.p99Ms).toBeLessThan(P99_BOUND_MS)
    // The old path held the thread for the whole run: a share bound holds on a slow machine too.
    const block = Math.max(figures.maxBlockMs, figures.loopMaxMs)
    expect(block).toBeLessThan(BLOCK_BOUND_MS)
    expect(block).toBeLessThan(BLOCK_SHARE * runMs)
  }, 120_000)

  it('keeps what a failed run stored, leaves the state alone, and the next run stores only the rest', async () => {
    const n = 600
    const h = await loadInstall({
      count: n,
      // In-process analysis (no pool): this is about the transactions, and a worker takes a while to start.
      polling: { analysisPool: undefined, turns: { batch: 50, budgetMs: 5 } },
    })
    open.push(h)
    // The disk fills (say) part-way: the 300th verdict cannot be written.
    const put = h.store.analyses.put
    let puts = 0
    h.store.analyses.put = (...args) => {
      if (++puts === 300) throw new Error('database or disk is full')
      return put(...args)
    }

    const [failed] = await h.service.poller.pollNow(h.source.id)
    expect(failed.status).toBe('error')
    expect(failed.error).toMatch(
      new RegExp(
        `^could not store the items: database or disk is full \\((\\d+) of ${n} new items were stored; the next run stores the rest\\)$`,
      ),
    )
    const kept = h.count1('SELECT count(*) AS n FROM mentions')
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(300)
    expect(failed.error).toContain(`(${kept} of ${n}`)
    // No mention without its verdict: the transaction that failed took its mentions with it.
    expect(
      h.count1(
        'SELECT count(*) AS n FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id WHERE a.mention_id IS NULL',
      ),
    ).toBe(0)
    expect(h.store.sources.getRecord(h.source.id)!.state).toEqual({})

    h.store.analyses.put = put
    const [rerun] = await h.service.poller.pollNow(h.source.id)
    expect(rerun).toMatchObject({ status: 'ok', itemsFound: n, itemsNew: n - kept })
    expectComplete(h, n)
    expect(h.store.sources.getRecord(h.source.id)!.state).toEqual({ fetched: n })

    // And once more: nothing new, nothing twice.
    const [again] = await h.service.poller.pollNow(h.source.id)
    expect(again).toMatchObject({ status: 'ok', itemsNew: 0 })
    expectComplete(h, n)
  }, 120_000)
})
