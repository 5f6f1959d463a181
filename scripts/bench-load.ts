// Runs in: Node (`npm run bench:load`). 100,000 new mentions arriving in ONE poll of one source (served
// by the local fixture server, test/load/bulk-source.ts) while the screens keep asking — the inbox and
// Today, one call every 50 ms, as a signed-in ORM lead — through the real service, poller, ingest and analysis.
// Prints what the person at the screen would feel: the median (p50), p99 and worst latency of those
// calls (from when each was due), the main thread's event-loop delay (perf_hooks) and its longest
// block; then checks every mention was stored once with its verdict and the rollups equal a recount.
//   LOAD_N=100000   mentions in the poll          RUNS=1   runs (medians across runs when more)
//   --before        also time the old path (one transaction, analysis in-process) on LOAD_BEFORE_N
//                   mentions (default 20,000: the old path holds the thread for minutes at 100,000)
import { performance } from 'node:perf_hooks'
import { BUILTIN_ENGINE_VERSION } from '../src-main/analysis'
import { createAnalysisPool } from '../src-main/analysis/worker-pool'
import { recount, rollupSnapshot } from '../test/trends/helpers'
import { loadInstall, type Polling } from '../test/load/harness'
import { startProbe, type ProbeFigures } from '../test/load/probe'
import { median, ms1, printFigures } from './bench-lib/figures'

const N = Number(process.env.LOAD_N ?? 100_000)
const RUNS = Number(process.env.RUNS ?? 1)
const BEFORE_N = Number(process.env.LOAD_BEFORE_N ?? 20_000)

interface RunFigures extends ProbeFigures {
  items: number
  seconds: number
  perSecond: number
  complete: boolean
}

/** JSON with every object's keys sorted: equal for equal counts, whatever order they were added in. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  )

async function once(n: number, polling: Polling): Promise<RunFigures> {
  const h = await loadInstall({ count: n, polling })
  try {
    await h.uiCall()
    const probe = startProbe(h.uiCall)
    const t0 = performance.now()
    const [run] = await h.service.poller.pollNow(h.source.id)
    const seconds = (performance.now() - t0) / 1000
    const figures = await probe.stop()
    if (run?.status !== 'ok') throw new Error(`bench: the run ended ${run?.status}: ${run?.error}`)
    const stored = h.count1('SELECT count(DISTINCT external_id) AS n FROM mentions')
    const rows = h.count1('SELECT count(*) AS n FROM mentions')
    const analysed = h.count1(
      'SELECT count(*) AS n FROM analyses WHERE engine_version = ?',
      BUILTIN_ENGINE_VERSION,
    )
    const rollupsOk = canonical(rollupSnapshot(h.db)) === canonical(recount(h.store))
    const out = {
      ...figures,
      items: n,
      seconds,
      perSecond: n / seconds,
      complete: stored === n && rows === n && analysed === n && rollupsOk,
    }
    if (!out.complete)
      console.error(`incomplete: ${JSON.stringify({ stored, rows, analysed, rollupsOk, n })}`)
    return out
  } finally {
    await h.close()
  }
}

function row(label: string, f: RunFigures): string {
  const n = (x: number) => String(Math.round(x)).padStart(7)
  return (
    `${label.padEnd(34)} ${String(f.items).padStart(7)} ${f.seconds.toFixed(1).padStart(7)} s` +
    ` ${n(f.perSecond)}/s  calls p50 ${n(f.p50Ms)} p99 ${n(f.p99Ms)} max ${n(f.maxMs)} ms` +
    `  loop p99 ${n(f.loopP99Ms)} max block ${n(Math.max(f.maxBlockMs, f.loopMaxMs))} ms` +
    `  ${f.complete ? 'complete' : 'INCOMPLETE'}`
  )
}

async function main(): Promise<void> {
  const after: RunFigures[] = []
  for (let i = 0; i < RUNS; i++) {
    // The app's default: the analysis pool that services/index.ts gives the poller.
    const f = await once(N, { analysisPool: createAnalysisPool() })
    console.log(row('worker pool, bounded transactions', f))
    after.push(f)
  }
  let before: RunFigures | undefined
  if (process.argv.includes('--before')) {
    // The old path: everything in one transaction, analysed on the main thread.
    before = await once(BEFORE_N, { analysisPool: undefined, turns: { offThreadFrom: Infinity } })
    console.log(row('before: one transaction, in-process', before))
  }
  const m = (k: keyof RunFigures) => ms1(median(after.map((f) => f[k] as number)))
  if (after.some((f) => !f.complete)) process.exitCode = 1
  printFigures('load', {
    items: N,
    runs: RUNS,
    seconds: m('seconds'),
    mentionsPerSecond: Math.round(median(after.map((f) => f.perSecond))),
    callP50Ms: m('p50Ms'),
    callP99Ms: m('p99Ms'),
    callMaxMs: m('maxMs'),
    loopP99Ms: m('loopP99Ms'),
    maxBlockMs: ms1(median(after.map((f) => Math.max(f.maxBlockMs, f.loopMaxMs)))),
    complete: after.every((f) => f.complete),
    ...(before && {
      before: {
        items: before.items,
        seconds: ms1(before.seconds),
        callP99Ms: ms1(before.p99Ms),
        maxBlockMs: ms1(Math.max(before.maxBlockMs, before.loopMaxMs)),
      },
    }),
  })
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
