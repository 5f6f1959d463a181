// Runs in: CLI (Node), via `npx tsx scripts/bench-export.ts [N]`. How long exports take on a large
// inbox: N mentions (default 20,000) in a fresh data folder, exported as CSV and as JSON Lines through
// the service (every page, evidence re-verified), and the audit trail as CSV; median of 5 runs each.
import { createStore, openDataDir } from '../src-main/store'
import { createService } from '../src-main/services'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { median, ms1, printFigures } from './bench-lib/figures'

const N = Number(process.argv[2] ?? 20_000)
const dataDir = mkdtempSync(join(tmpdir(), 'footprint-bench-export-'))
const db = openDataDir(dataDir)
const store = createStore(db)
const service = createService({ store, mode: 'browser', dataDir, version: 'bench' }, () => {})
const ctx = { actor: 'bench' }

async function main() {
  const school = await service.call(
    'schools.create',
    { name: "St Aldhelm's C of E Primary School", town: 'Hollinbury', aliases: [], staff: [] },
    ctx,
  )
  const at = new Date().toISOString()
  const source = store.sources.create(
    { kind: 'feed', name: 'Gazette', schoolId: school.id, intervalMinutes: 60, config: { url: 'https://gazette.example/rss' } },
    at,
  ) // prettier-ignore
  store.tx(() => {
    for (let i = 0; i < N; i++) {
      const id = store.mentions.insert(
        {
          sourceId: source.id,
          schoolId: school.id,
          externalId: `item-${i}`,
          url: `https://gazette.example/story/${i}`,
          canonicalUrl: null,
          title: `Story ${i}, about "the school"`,
          author: i % 7 ? 'A parent' : '=cmd|calc',
          authorUrl: null,
          publishedAt: null,
          text: `Parents at St Aldhelm's say the new car park rules, story ${i}, are a mess.`,
          raw: null,
          meta: {},
          matchedAlias: "St Aldhelm's",
          contentHash: `h-${i}`,
          duplicateOf: null,
        },
        at,
      )!
      store.analyses.put(
        id,
        {
          engine: 'builtin',
          engineVersion: 'bench',
          sentiment: { label: i % 3 ? 'negative' : 'positive', score: i % 3 ? -0.4 : 0.5 },
          flags: i % 3 ? ['complaint'] : ['praise'],
          priority: 'normal',
          owner: 'orm_lead',
          evidence: [],
        },
        at,
      )
    }
  })
  const figures: Record<string, { rows: number; mb: number; medianMs: number }> = {}
  async function time(label: string, fn: () => Promise<{ rows: number; content: string }>) {
    const runs: number[] = []
    let last = { rows: 0, content: '' }
    for (let r = 0; r < 5; r++) {
      const t = performance.now()
      last = await fn()
      runs.push(performance.now() - t)
    }
    const mb = Buffer.byteLength(last.content) / 1024 / 1024
    figures[label] = { rows: last.rows, mb: Math.round(mb * 10) / 10, medianMs: ms1(median(runs)) }
    console.log(
      `${label}: ${last.rows} rows, ${mb.toFixed(1)} MB, median ${median(runs).toFixed(0)} ms (runs: ${runs.map((x) => x.toFixed(0)).join(', ')})`,
    )
  }
  const base = { schoolId: school.id, state: 'all' as const }
  await time('mentions CSV', () =>
    service.call('exports.mentions', { ...base, format: 'csv' }, ctx),
  )
  await time('mentions JSONL', () =>
    service.call('exports.mentions', { ...base, format: 'jsonl' }, ctx),
  )
  await time('audit CSV', () => service.call('exports.audit', undefined, ctx))
  printFigures('export', { runs: 5, exports: figures })
  db.close()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
