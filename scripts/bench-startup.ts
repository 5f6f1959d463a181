// Runs in: Node (`npm run bench:startup`). Cold start of `footprint serve` (spawn → first API answer) on a
// fresh data folder, median of 5, and the renderer bundle's size gzipped. Needs `npm run build` first.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { ms1, printFigures } from './bench-lib/figures'

const ROOT = resolve(__dirname, '..')
const RUNS = Number(process.env.RUNS ?? 5)

async function coldStart(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'footprint-bench-'))
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/footprint.cjs'), '--data-dir', dataDir, 'serve'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = ''
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Open: (\S+)/.exec(out)
        if (m) ok(m[1])
      })
      child.once('exit', (code) => fail(new Error(`serve exited ${code}`)))
    })
    const u = new URL(url)
    const res = await fetch(new URL('/api/op/app.status', u), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${u.searchParams.get('token')}`,
      },
      body: 'null',
    })
    const body = (await res.json()) as { ok: boolean }
    if (!body.ok) throw new Error('first API call failed')
    return performance.now() - t0
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function bundleSizes() {
  const dir = join(ROOT, 'out/renderer/assets')
  let raw = 0
  let gz = 0
  let largest = { name: '', gz: 0 }
  for (const f of readdirSync(dir)) {
    if (!/\.(js|css)$/.test(f)) continue
    const buf = readFileSync(join(dir, f))
    const g = gzipSync(buf, { level: 9 }).length
    raw += statSync(join(dir, f)).size
    gz += g
    if (g > largest.gz) largest = { name: f, gz: g }
  }
  return { raw, gz, largest }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html')))
    throw new Error('Build first: npm run build')
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await coldStart())
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  const b = bundleSizes()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
  console.log(
    `footprint serve cold start → first API answer (${RUNS} runs): median ${median.toFixed(0)} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  )
  console.log(
    `renderer bundle (js+css): ${kb(b.raw)} raw, ${kb(b.gz)} gzip; largest chunk ${b.largest.name} ${kb(b.largest.gz)} gzip`,
  )
  printFigures('startup', {
    runs: RUNS,
    coldStartMedianMs: ms1(median),
    bundleBytes: b.raw,
    bundleGzipBytes: b.gz,
    largestChunk: { name: b.largest.name, gzipBytes: b.largest.gz },
  })
}

main().catch((e: unknown) => {
  console.error((e as Error).message)
  process.exit(1)
})
