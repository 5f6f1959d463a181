// Runs in: Node (`npm run bench`). Runs every benchmark in the repo — each `bench:*` script in
// package.json, one after another so they do not compete for the two cores — and writes ONE JSON file
// of their figures with a description of the machine, so results can be compared over time:
//   bench-results/<UTC time>.json  (and the same content in bench-results/latest.json)
// Each benchmark prints its figures as its last JSON line (scripts/bench-lib/figures.ts); its table
// still streams to the terminal. A benchmark that fails is recorded with its error and the others
// still run; the command then exits 1. Usage:
//   npm run bench [-- --only analyze,match] [-- --skip scale] [-- --out FILE]
//                 [-- --scale-mentions N | --scale-reuse DIR]   (passed to bench:scale)
// The renderer is built first (startup and the scale UI benchmark serve out/renderer).
import { execSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lastJsonLine } from './bench-lib/figures'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()) : undefined)

interface Outcome {
  script: string
  ok: boolean
  seconds: number
  figures?: Record<string, unknown>
  error?: string
}

function run(script: string, extra: string[]): Promise<Outcome> {
  const t0 = performance.now()
  return new Promise((done) => {
    const child = spawn(
      'npm',
      ['run', '--silent', script, ...(extra.length ? ['--', ...extra] : [])],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: '0' },
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString()
      process.stdout.write(b)
    })
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString()
      process.stderr.write(b)
    })
    child.on('close', (code) => {
      const seconds = Math.round((performance.now() - t0) / 100) / 10
      const figures = lastJsonLine(out)
      if (code === 0 && figures) done({ script, ok: true, seconds, figures })
      else
        done({
          script,
          ok: false,
          seconds,
          figures,
          error:
            code !== 0
              ? `exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`
              : 'printed no JSON line of figures',
        })
    })
  })
}

function machine() {
  const cpus = os.cpus()
  let commit = 'unknown'
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()
    // Figures from uncommitted code cannot be reproduced from the commit alone: say so.
    if (execSync('git status --porcelain', { cwd: ROOT }).toString().trim()) commit += '-dirty'
  } catch {
    // Not a git checkout (an unpacked release): the version below still identifies the code.
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  return {
    hostname: os.hostname(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    footprint: pkg.version,
    commit,
  }
}

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const only = list(arg('only'))
  const skip = list(arg('skip')) ?? []
  const names = Object.keys(pkg.scripts)
    .filter((s) => s.startsWith('bench:'))
    .map((s) => s.slice('bench:'.length))
    .filter((n) => (only ? only.includes(n) : true) && !skip.includes(n))
    .sort()
  if (names.length === 0) {
    console.error('No benchmark left to run: check --only/--skip against the bench:* scripts.')
    process.exit(2)
  }
  const startedAt = new Date()
  const description = machine()
  console.log(`Building the renderer first (startup and scale serve it)…`)
  execSync('npx electron-vite build', { cwd: ROOT, stdio: 'ignore' })
  const results: Record<string, Outcome> = {}
  for (const name of names) {
    console.log(`\n=== bench:${name}`)
    const extra: string[] = []
    if (name === 'scale') {
      // A kept million-mention database saves the generation's minutes when only the queries changed.
      const reuse = arg('scale-reuse')
      const mentions = arg('scale-mentions')
      if (reuse) extra.push('--reuse', reuse)
      else if (mentions) extra.push('--mentions', mentions)
    }
    results[name] = await run(`bench:${name}`, extra)
  }
  const file = resolve(
    ROOT,
    arg('out') ?? join('bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
  )
  const doc = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    machine: description,
    results,
  }
  mkdirSync(dirname(file), { recursive: true })
  const text = JSON.stringify(doc, null, 2) + '\n'
  writeFileSync(file, text)
  if (!arg('out')) writeFileSync(join(ROOT, 'bench-results', 'latest.json'), text)
  const failed = Object.values(results).filter((r) => !r.ok)
  console.log(`\nFigures written to ${file}`)
  for (const r of Object.values(results))
    console.log(
      `  ${r.ok ? 'ok    ' : 'FAILED'} ${r.script} (${r.seconds} s)${r.error ? ': ' + r.error : ''}`,
    )
  if (failed.length) process.exit(1)
}

void main()
