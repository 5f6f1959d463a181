// Runs in: CLI (Node), via `npx tsx scripts/bench-analyze.ts`. Throughput of the built-in engine on
// one core: the opened corpus texts (part1/part2; never the blind part3) repeated to at least
// 50,000 items, median of 5 runs.
//   --rules-only    time the rules without the learned layer (to see what the model costs)
//   --n=COUNT       mentions per run (default 50,000): shorter runs on a busy machine
//   --profile       after the timed runs, profile one more run in-process and print where the
//                   CPU time goes (self time per function), and save the .cpuprofile for DevTools
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeRules, createBuiltinEngine } from '../src-main/analysis/engine'
import { loadSchoolProfile } from '../src-main/analysis/profile'
import { printFigures } from './bench-lib/figures'

const dir = join(import.meta.dirname, '..', 'test', 'corpus')
const texts: { text: string; source?: string }[] = []
// Only the opened files: the figure stays comparable when a blind file is added, and blind texts
// are never read by anything but the evaluation.
for (const f of readdirSync(dir).filter((x) => /^part[12]\.jsonl$/.test(x))) {
  for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
    if (!line.trim()) continue
    try {
      const o = JSON.parse(line) as { text: string; source?: string }
      texts.push({ text: o.text, source: o.source })
    } catch {
      // a malformed line is the corpus writers' problem, not the benchmark's
    }
  }
}
if (texts.length === 0)
  texts.push({ text: 'Lovely teachers but dreadful leadership. Mrs Okafor never replies.' })
const nArg = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4))
const N = nArg > 0 ? Math.floor(nArg) : Math.max(50_000, texts.length)
const school = loadSchoolProfile(join(dir, 'school-profile.json'))
const rulesOnly = process.argv.includes('--rules-only')
const engine = rulesOnly
  ? { analyze: (t: string, c: object) => analyzeRules(t, c).result }
  : createBuiltinEngine()
console.log(rulesOnly ? 'rules only (no learned layer)' : 'built-in engine (rules + learned layer)')

let peakRss = 0
let peakHeap = 0
const sample = (): void => {
  const m = process.memoryUsage()
  peakRss = Math.max(peakRss, m.rss)
  peakHeap = Math.max(peakHeap, m.heapUsed)
}
// Warm-up: JIT and regex compilation are one-off costs of a long-running app.
for (let i = 0; i < 2000; i++)
  engine.analyze(texts[i % texts.length].text, { school, source: texts[i % texts.length].source })

// Wall-clock rate and CPU-time rate: on a shared machine other processes steal the core, and
// CPU time is what one core actually spent on our work.
const rates: number[] = []
const cpuRates: number[] = []
for (let run = 0; run < 5; run++) {
  const c0 = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < N; i++) {
    const t = texts[i % texts.length]
    engine.analyze(t.text, { school, source: t.source })
    if ((i & 4095) === 0) sample()
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const c = process.cpuUsage(c0)
  const cpuSecs = (c.user + c.system) / 1e6
  rates.push(N / secs)
  cpuRates.push(N / cpuSecs)
  sample()
  console.log(
    `run ${run + 1}: ${N} mentions in ${secs.toFixed(2)} s wall (${Math.round(N / secs)}/s), ${cpuSecs.toFixed(2)} s CPU (${Math.round(N / cpuSecs)}/s)`,
  )
}
rates.sort((a, b) => a - b)
cpuRates.sort((a, b) => a - b)
const median = rates[2]
console.log(`median CPU-time rate: ${Math.round(cpuRates[2])} mentions/s`)
const mb = (b: number): string => (b / 1024 / 1024).toFixed(1)
console.log(
  `median wall-clock rate: ${Math.round(median)} mentions/s (target >= 5000) ${median >= 5000 ? 'PASS' : 'FAIL'}`,
)
console.log(
  `peak RSS ${mb(peakRss)} MB, peak heap used ${mb(peakHeap)} MB (target < 200 MB) ${peakRss < 200 * 1024 * 1024 ? 'PASS' : 'FAIL'}`,
)

// Hostile sizes, one analysis each: the bad input the engine must survive in bounded time. The
// spaced letters once cost time in the square of their length (1.7 s at 40,000 characters).
const hostile: Record<string, string> = {
  'a megabyte of prose': 'The head is lovely but the car park is a nightmare. '.repeat(20_000),
  'a megabyte of spaced letters': 'a '.repeat(500_000),
  '100,000 characters without a space': 'x'.repeat(100_000),
}
const hostileMs: Record<string, number> = {}
for (const [name, text] of Object.entries(hostile)) {
  const t = performance.now()
  engine.analyze(text, { school })
  hostileMs[name] = Math.round(performance.now() - t)
  console.log(`${name}: ${hostileMs[name]} ms`)
}

printFigures('analyze', {
  hostileInputMs: hostileMs,
  mentionsPerRun: N,
  runs: 5,
  wallRateMedian: Math.round(median),
  cpuRateMedian: Math.round(cpuRates[2]),
  targetRate: 5000,
  peakRssMB: Number(mb(peakRss)),
  peakHeapUsedMB: Number(mb(peakHeap)),
})

// A CommonJS script (no top-level await): the pending promise keeps the process alive.
if (process.argv.includes('--profile'))
  profileOneRun().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

/** One more run under V8's sampling profiler; prints the 20 engine functions with most self time. */
async function profileOneRun(): Promise<void> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  for (let i = 0; i < N; i++) {
    const t = texts[i % texts.length]
    engine.analyze(t.text, { school, source: t.source })
  }
  const { profile } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  session.disconnect()
  const file = join(tmpdir(), `bench-analyze-${Date.now()}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, k) => {
    const dt = profile.timeDeltas[k] ?? 0
    const { functionName, url } = byId.get(id)!.callFrame
    // Only the engine's own work: not the profiler's dispatch, idle time or this script.
    const ours =
      /src-main|node_modules/.test(url) ||
      functionName.startsWith('RegExp: ') ||
      functionName === '(garbage collector)'
    if (!ours) return
    // Regex code shows up as "RegExp: <source>": the source is shortened to stay readable.
    const name = `${(functionName || '(anonymous)').slice(0, 70)} ${url.replace(/^.*\/(src-main|node_modules)\//, '$1/')}`
    self.set(name, (self.get(name) ?? 0) + dt)
    total += dt
  })
  console.log(`\nself time by function (one run of ${N}; profile saved to ${file}):`)
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${name}`)
}
