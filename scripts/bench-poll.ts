// Runs in: Node (`npm run bench:poll`). The polling engine against the local fixture server, in one run:
//  1. 200 feed sources polled from cold (fresh data folder each time), median of 5;
//  2. the same 200 when every one answers 304 (the second poll), median of 5;
//  3. the parse + match + dedup + insert rate (the ingest path, network left out: the connector parses
//     the same 200 bodies from memory), beside a plain better-sqlite3 insert loop of the very rows it
//     stored, into a fresh database with the same schema, in the same run. The ratio is what counts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startFixtureServer } from '../test/fixtures/server'
import { generatedFeed } from '../test/fixtures/routes/feeds'
import { createStore, openDataDir } from '../src-main/store'
import { createService } from '../src-main/services'
import type { Connector } from '../src-main/sources/connector'
import { parseFeedBody } from '../src-main/sources/feeds'
import type { PollerOptions } from '../src-main/sources/poller'
import { median, ms1, printFigures } from './bench-lib/figures'

type Polling = Omit<PollerOptions, 'store' | 'events' | 'version'>
const SCHOOL = {
  name: "St Aldhelm's C of E Primary School",
  urn: '990417',
  town: 'Hollinbury',
  localAuthority: 'Westmarch Council',
  postcode: 'HB4 2QT',
  aliases: ["Aldhelm's"],
}

const SOURCES = Number(process.env.SOURCES ?? 200)
const RUNS = Number(process.env.RUNS ?? 5)
const ctx = { actor: 'bench' }
const dirs: string[] = []

async function freshInstall(baseUrl: string, polling: Polling = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'footprint-bench-poll-'))
  dirs.push(dataDir)
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const service = createService({
    store,
    mode: 'browser',
    dataDir,
    version: '0.0.0-bench',
    polling,
  })
  await service.call('schools.create', SCHOOL, ctx)
  for (let n = 0; n < SOURCES; n++) {
    await service.call(
      'sources.create',
      { kind: 'feed', name: `Feed ${n}`, config: { url: `${baseUrl}/feeds/${n}.xml`, allowPrivateNetwork: true } },
      ctx,
    ) // prettier-ignore
  }
  return { db, store, service }
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const r = await fn()
  return [performance.now() - t0, r]
}

/** The feed connector's parsing, fed from memory: the ingest path without the network. */
const memoryFeed: Connector<{ url: string }> = {
  kind: 'feed',
  configSchema: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never,
  defaultIntervalMinutes: 30,
  async fetch(config, _state, c) {
    const n = Number(/(\d+)\.xml$/.exec(config.url)![1])
    const body = generatedFeed(n)
    const { items } = await parseFeedBody(body, 'application/rss+xml', config.url, c.now())
    return { items, state: {}, notModified: false }
  },
}

async function main(): Promise<void> {
  const server = await startFixtureServer()
  const cold: number[] = []
  const warm: number[] = []
  let stored = 0
  try {
    for (let i = 0; i < RUNS; i++) {
      const { db, service } = await freshInstall(server.url)
      const [tCold, first] = await timed(() => service.poller.pollNow())
      const [tWarm, second] = await timed(() => service.poller.pollNow())
      if (first.some((r) => r.status !== 'ok') || second.some((r) => r.status !== 'not_modified'))
        throw new Error('bench: a run did not end as expected (ok, then 304)')
      cold.push(tCold)
      warm.push(tWarm)
      stored = first.reduce((a, r) => a + r.itemsNew, 0)
      db.close()
    }

    // Ingest path vs a plain insert loop, same run.
    const ingestTimes: number[] = []
    const loopTimes: number[] = []
    let items = 0
    let rows: Record<string, unknown>[] = []
    for (let i = 0; i < RUNS; i++) {
      const a = await freshInstall(server.url, { connectors: { feed: memoryFeed as never } })
      const [t, runs] = await timed(() => a.service.poller.pollNow())
      ingestTimes.push(t)
      items = runs.reduce((s, r) => s + r.itemsFound, 0)
      rows = a.db.prepare('SELECT * FROM mentions ORDER BY id').all() as Record<string, unknown>[]
      a.db.close()

      const b = await freshInstall(server.url)
      const insert = b.db.prepare(`INSERT INTO mentions (source_id, school_id, external_id, url,
        canonical_url, title, author, author_url, published_at, first_seen_at, updated_at, text,
        raw_json, meta_json, matched_alias, content_hash, duplicate_of) VALUES (@source_id, @school_id,
        @external_id, @url, @canonical_url, @title, @author, @author_url, @published_at,
        @first_seen_at, @updated_at, @text, @raw_json, @meta_json, @matched_alias, @content_hash,
        @duplicate_of)`)
      // One transaction per source, as the poller commits one per run.
      const bySource = new Map<unknown, Record<string, unknown>[]>()
      for (const r of rows) bySource.set(r.source_id, [...(bySource.get(r.source_id) ?? []), r])
      const tx = b.db.transaction((batch: Record<string, unknown>[]) => {
        for (const r of batch) insert.run({ ...r, duplicate_of: null })
      })
      const [tl] = await timed(async () => {
        for (const batch of bySource.values()) tx(batch)
      })
      loopTimes.push(tl)
      b.db.close()
    }
    const tIngest = median(ingestTimes)
    const tLoop = median(loopTimes)
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`
    const rate = (n: number, ms: number) =>
      `${Math.round((n / ms) * 1000).toLocaleString('en-GB')}/s`
    const table = [
      ['what', 'median of ' + RUNS, 'runs (ms)'],
      [`${SOURCES} feeds, cold poll (${stored} mentions stored)`, fmt(median(cold)), cold.map((x) => x.toFixed(0)).join(', ')],
      [`${SOURCES} feeds, all answer 304`, fmt(median(warm)), warm.map((x) => x.toFixed(0)).join(', ')],
      [`ingest: parse+match+dedup+insert, ${items} items → ${rows.length} rows`, `${fmt(tIngest)} (${rate(items, tIngest)} items, ${rate(rows.length, tIngest)} rows)`, ingestTimes.map((x) => x.toFixed(0)).join(', ')],
      [`plain better-sqlite3 insert loop, same ${rows.length} rows`, `${fmt(tLoop)} (${rate(rows.length, tLoop)} rows)`, loopTimes.map((x) => x.toFixed(0)).join(', ')],
    ] // prettier-ignore
    const width = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)))
    for (const r of table)
      console.log(
        r
          .map((v, c) => v.padEnd(width[c]))
          .join('  ')
          .trimEnd(),
      )
    console.log(
      `\nratio: the ingest path takes ${(tIngest / tLoop).toFixed(1)}× the plain insert loop's time for the same stored rows`,
    )
    printFigures('poll', {
      runs: RUNS,
      sources: SOURCES,
      coldPollMedianMs: ms1(median(cold)),
      notModifiedPollMedianMs: ms1(median(warm)),
      ingest: { items, rows: rows.length, medianMs: ms1(tIngest) },
      plainInsertMedianMs: ms1(tLoop),
      ingestToPlainRatio: Math.round((tIngest / tLoop) * 10) / 10,
    })
  } finally {
    await server.close()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
