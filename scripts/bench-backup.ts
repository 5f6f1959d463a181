// Runs in: CLI (Node), via `npx tsx scripts/bench-backup.ts [N]`. Backups, restore and retention on a
// large database: N mentions (default 50,000, half of them two years old) in a fresh data folder;
// "Back up now" (online copy, integrity_check, SHA-256, prune), the check before a restore, a restore
// (safety backup + copy into the live file + migrate), and the retention preview: median of 5 each;
// then one retention apply deleting the old half (rollups kept by the triggers).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createStore, openDataDir } from '../src-main/store'
import { createService } from '../src-main/services'
import { median, ms1, printFigures } from './bench-lib/figures'

const N = Number(process.argv[2] ?? 50_000)
const dataDir = mkdtempSync(join(tmpdir(), 'footprint-bench-backup-'))
const db = openDataDir(dataDir)
const store = createStore(db)
const service = createService({ store, mode: 'browser', dataDir, version: 'bench' }, () => {})
const ctx = { actor: 'bench' }

async function main() {
  const school = await service.call('schools.create', { name: "St Aldhelm's C of E Primary School", town: 'Hollinbury', aliases: [], staff: [] }, ctx) // prettier-ignore
  const source = store.sources.create({ kind: 'feed', name: 'Gazette', schoolId: school.id, intervalMinutes: 60, config: { url: 'https://gazette.example/rss' } }, new Date().toISOString()) // prettier-ignore
  const old = new Date(Date.now() - 2 * 365 * 86_400_000)
  store.tx(() => {
    for (let i = 0; i < N; i++) {
      const at = new Date(
        (i % 2 ? Date.now() : old.getTime()) - (i % 300) * 3_600_000,
      ).toISOString()
      const id = store.mentions.insert({ sourceId: source.id, schoolId: school.id, externalId: `item-${i}`, url: `https://gazette.example/story/${i}`, canonicalUrl: null, title: `Story ${i}`, author: `parent${i % 500}`, authorUrl: null, publishedAt: at, text: `Parents at St Aldhelm's say the new car park rules, story ${i}, are a mess.`, raw: null, meta: {}, matchedAlias: "St Aldhelm's", contentHash: `h-${i}`, duplicateOf: null }, at)! // prettier-ignore
      store.analyses.put(id, { engine: 'builtin', engineVersion: 'bench', sentiment: { label: i % 3 ? 'negative' : 'positive', score: i % 3 ? -0.4 : 0.5 }, flags: i % 3 ? ['complaint'] : ['praise'], priority: 'normal', owner: 'orm_lead', evidence: [] }, at) // prettier-ignore
    }
  })
  await service.call('backups.updateSettings', { enabled: true, intervalHours: 24, keep: 20 }, ctx)
  const dbMb = statSync(join(dataDir, 'footprint.sqlite')).size / 1048576

  const figures: Record<string, number> = {}
  async function time(label: string, fn: () => Promise<unknown>, runs = 5) {
    const ts: number[] = []
    for (let r = 0; r < runs; r++) {
      const t = performance.now()
      await fn()
      ts.push(performance.now() - t)
    }
    figures[label] = ms1(median(ts))
    console.log(`${label}: median ${median(ts).toFixed(0)} ms (runs: ${ts.map((x) => x.toFixed(0)).join(', ')})`) // prettier-ignore
  }
  let last = ''
  await time('backupNowMs', async () => {
    last = (await service.call('backups.run', undefined, ctx)).fileName
  })
  await time('checkMs', () => service.call('backups.check', { file: last }, ctx))
  await time('restoreMs', () => service.call('backups.restore', { file: last, confirm: true }, ctx))
  let preview = await service.call('retention.preview', { months: 12 }, ctx)
  await time('retentionPreviewMs', async () => {
    preview = await service.call('retention.preview', { months: 12 }, ctx)
  })
  const t = performance.now()
  const applied = await service.call('retention.apply', { months: 12, cutoff: preview.cutoff, expected: preview.count }, ctx) // prettier-ignore
  figures.retentionApplyMs = ms1(performance.now() - t)
  console.log(`retention apply: ${applied.deleted} mentions deleted in ${figures.retentionApplyMs.toFixed(0)} ms`) // prettier-ignore
  console.log(`database: ${N} mentions, ${dbMb.toFixed(1)} MB`)
  printFigures('backup', { mentions: N, databaseMb: Math.round(dbMb * 10) / 10, runs: 5, deleted: applied.deleted, ...figures }) // prettier-ignore
  db.close()
  rmSync(dataDir, { recursive: true, force: true })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
