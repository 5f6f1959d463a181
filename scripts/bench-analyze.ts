// Runs in: CLI (Node), via `npx tsx scripts/bench-analyze.ts`. Throughput of the built-in engine on
// one core: the opened corpus texts (part1/part2; never the blind part3) repeated to at least
// 50,000 items, median of 5 runs.
//   --rules-only    time the rules without the learned layer (to see what the model costs)
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { analyzeRules, createBuiltinEngine } from '../src-main/analysis/engine'
import { loadSchoolProfile } from '../src-main/analysis/profile'

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
const N = Math.max(50_000, texts.length)
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
