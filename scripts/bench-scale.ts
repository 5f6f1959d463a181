// Runs in: Node (`npm run bench:scale`). Speed at scale: generates a database of 1,000,000 mentions
// (--mentions N) across 50 schools (--schools) and 3 years (--years), with rollups built by the app's
// own triggers, then times the dashboard queries through the service in a fresh process (median of 5):
// the Today query, a year of weekly trends with themes, a full-text search, opening a mention, and a
// 100,000-row inbox paged (first page and a deep page). Prints a table and one JSON line, with the
// database size and the measuring process's RSS, and each query's median CPU time beside its wall
// time. Targets: every query < 50 ms, DB < 2 GB, RSS < 300 MB.
// If scripts/bench-scale-ui.mts (or the file BENCH_UI_SCRIPT names) exists, it is run with the data
// folder and its JSON line (renderer figures) is included.
// Flags: --mentions N, --schools N, --years N; --data-dir DIR generates into DIR (which must be empty)
// and keeps it (--keep keeps the temporary folder); --reuse DIR measures a database an earlier
// --data-dir run left there without generating again (about 5 minutes saved at 1,000,000), after
// bringing its schema up to date with any newer migrations. A reused database's size includes those.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createStore, openDataDir } from '../src-main/store'
import { generate } from './bench-scale/generate'
import { measure, type Figure } from './bench-scale/measure'

const TARGET_MS = 50
const TARGET_DB_MB = 2048
const TARGET_RSS_MB = 300

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
function intArg(name: string, fallback: number): number {
  const v = arg(name)
  if (v === undefined) return fallback
  const n = Number(v.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number above 0 (got "${v}")`)
    process.exit(2)
  }
  return n
}

const dirBytes = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.startsWith('footprint.sqlite'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)

async function childMeasure(): Promise<void> {
  const result = await measure(arg('data-dir')!, intArg('school', 1))
  console.log(JSON.stringify(result))
}

function runUiBench(dataDir: string): { status: string; figures?: unknown } {
  const script = resolve(process.env.BENCH_UI_SCRIPT ?? 'scripts/bench-scale-ui.mts')
  if (!existsSync(script)) return { status: `skipped: ${script} does not exist` }
  const r = spawnSync(join('node_modules', '.bin', 'tsx'), [script, '--data-dir', dataDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const line = r.stdout
    ?.trim()
    .split('\n')
    .reverse()
    .find((l) => l.trim().startsWith('{'))
  if (r.status !== 0 || !line)
    return {
      status: `failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().slice(-400)}`,
    }
  return { status: 'ran', figures: JSON.parse(line) }
}

/** A database an earlier run kept: migrated to the current schema, and the school to measure. */
function reuse(dataDir: string) {
  if (!existsSync(join(dataDir, 'footprint.sqlite'))) {
    console.error(`${dataDir} holds no database to reuse: generate one first with --data-dir.`)
    process.exit(2)
  }
  const db = openDataDir(dataDir)
  const q = (sql: string) => db.prepare(sql).pluck().get() as number
  const found = {
    mentions: q('SELECT count(*) FROM mentions'),
    schools: q('SELECT count(*) FROM schools'),
    // Mentions are stored in time order, so the first and last ids give the span.
    years: Math.round(
      (Date.parse(q('SELECT first_seen_at FROM mentions ORDER BY id DESC LIMIT 1') as never) -
        Date.parse(q('SELECT first_seen_at FROM mentions ORDER BY id LIMIT 1') as never)) /
        (365 * 86_400_000),
    ),
    // The school with the most counted mentions, as generate() makes the first school the big one.
    bigSchoolId: q(
      'SELECT school_id FROM rollup_verdicts GROUP BY school_id ORDER BY sum(n) DESC, school_id LIMIT 1',
    ),
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return found
}

async function main(): Promise<void> {
  if (process.argv.includes('--measure-only')) return childMeasure()
  const reuseDir = arg('reuse')
  let mentions = intArg('mentions', 1_000_000)
  let schools = intArg('schools', 50)
  let years = intArg('years', 3)
  const keep = process.argv.includes('--keep') || arg('data-dir') !== undefined || !!reuseDir
  const dataDir =
    reuseDir ?? arg('data-dir') ?? mkdtempSync(join(tmpdir(), 'footprint-bench-scale-'))
  let gen: { bigSchoolId: number; seconds: number }
  if (reuseDir) {
    const found = reuse(reuseDir)
    ;({ mentions, schools, years } = found)
    gen = { bigSchoolId: found.bigSchoolId, seconds: 0 }
    console.log(
      `Reusing ${reuseDir}: ${mentions.toLocaleString('en-GB')} mentions, ${schools} schools.`,
    )
  } else {
    if (existsSync(join(dataDir, 'footprint.sqlite'))) {
      console.error(
        `${dataDir} already holds a database: give an empty or new folder (or measure it with --reuse).`,
      )
      process.exit(2)
    }
    console.log(
      `Generating ${mentions.toLocaleString('en-GB')} mentions, ${schools} schools, ${years} years in ${dataDir}`,
    )
    const db = openDataDir(dataDir)
    const store = createStore(db)
    // A fixture: a power cut during generation loses nothing worth keeping. The app keeps FULL.
    db.pragma('synchronous = OFF')
    gen = generate(store, mentions, schools, years, new Date(), (s) => console.log(s))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
  }
  const dbMb = Math.round(dirBytes(dataDir) / 1048576)
  console.log(
    `${reuseDir ? 'Reused' : `Generated in ${gen.seconds.toFixed(0)} s`}; database ${dbMb} MB. Measuring in a fresh process…`,
  )

  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1],
      '--measure-only',
      '--data-dir',
      dataDir,
      '--school',
      String(gen.bigSchoolId),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  )
  const m = JSON.parse(out.trim().split('\n').pop()!) as {
    figures: Figure[]
    rssMb: number
    inboxRows: number
  }
  const ui = runUiBench(dataDir)

  const rows = [
    ...m.figures.map((f) => [
      f.name,
      `${f.medianMs} ms`,
      `${f.cpuMs} ms`,
      f.medianMs < TARGET_MS ? 'ok' : 'OVER',
    ]),
    ['Database size', `${dbMb} MB`, '', dbMb < TARGET_DB_MB ? 'ok' : 'OVER'],
    ['RSS of the measuring process', `${m.rssMb} MB`, '', m.rssMb < TARGET_RSS_MB ? 'ok' : 'OVER'],
  ]
  const w = Math.max(...rows.map((r) => r[0].length))
  // CPU: the same runs' median CPU time, for when a busy machine stretches the wall-clock figure.
  console.log(`\n${'query'.padEnd(w)}  ${'median of 5'.padStart(12)}  ${'CPU'.padStart(9)}  target`)
  for (const [a, b, c, d] of rows)
    console.log(`${a.padEnd(w)}  ${b.padStart(12)}  ${c.padStart(9)}  ${d}`)
  console.log(`Renderer figures (bench-scale-ui): ${ui.status}`)
  console.log(
    JSON.stringify({
      bench: 'scale',
      mentions,
      schools,
      years,
      generateSeconds: Math.round(gen.seconds),
      dbMb,
      rssMb: m.rssMb,
      inboxRows: m.inboxRows,
      queries: Object.fromEntries(m.figures.map((f) => [f.name, f.medianMs])),
      cpu: Object.fromEntries(m.figures.map((f) => [f.name, f.cpuMs])),
      runs: Object.fromEntries(m.figures.map((f) => [f.name, f.runs])),
      ui,
    }),
  )
  if (!keep) rmSync(dataDir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
