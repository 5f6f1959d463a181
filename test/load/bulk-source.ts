// Runs in: Node (the load test and `npm run bench:load`). A source that delivers a very large poll: the
// fixture server serves N generated mentions as JSON pages (each well under the HTTP client's 5 MiB
// cap), and a connector standing in for the feed connector reads every page through the polite HTTP
// client in ONE run, so a single poll cycle hands ingest all N items at once.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Connector } from '../../src-main/sources/connector'
import type { FetchedItem } from '../../src-main/sources/types'
import type { FixtureServer } from '../fixtures/server'

const CORPUS = join(import.meta.dirname, '..', 'corpus')

/**
 * The opened corpus texts (never the blind part3), so the engine does the work real mentions cost;
 * each is prefixed with the school's name so every item matches the school.
 */
function corpusTexts(): string[] {
  const out: string[] = []
  for (const f of ['part1.jsonl', 'part2.jsonl']) {
    for (const line of readFileSync(join(CORPUS, f), 'utf8').split('\n')) {
      if (!line.trim()) continue
      out.push((JSON.parse(line) as { text: string }).text)
    }
  }
  return out
}

let texts: string[] | undefined
const DAY_MS = 86_400_000
const EPOCH = Date.UTC(2026, 0, 1)

/** Item `i` of the bulk source: the same every time, so a re-run fetches the very same items. */
export function bulkItem(i: number): FetchedItem {
  texts ??= corpusTexts()
  const text = `St Aldhelm's C of E Primary School, Hollinbury: ${texts[i % texts.length]}`
  return {
    externalId: `bulk-${i}`,
    url: `https://forum.example/t/${i}`,
    title: null,
    text,
    author: `parent${i % 997}`,
    // Spread over a year, a few undated: the rollups get many days and the undated column.
    publishedAt: i % 50 === 7 ? null : new Date(EPOCH + (i % 365) * DAY_MS).toISOString(),
    raw: { id: i },
  }
}

/** Serves `count()` items at `path?page=K` as `{ items, next }`, `pageSize` per page. */
export function serveBulk(
  server: FixtureServer,
  path: string,
  count: () => number,
  pageSize = 5_000,
): { warm(): void } {
  // The server shares the process with the app under test: bodies are made once, so serving a page
  // during a measured poll costs next to nothing.
  const bodies = new Map<string, string>()
  const body = (page: number, n: number): string => {
    const key = `${page}/${n}`
    let b = bodies.get(key)
    if (b === undefined) {
      const items: FetchedItem[] = []
      for (let i = page * pageSize; i < Math.min(n, (page + 1) * pageSize); i++)
        items.push(bulkItem(i))
      const next = (page + 1) * pageSize < n ? page + 1 : null
      b = JSON.stringify({ items, next })
      bodies.set(key, b)
    }
    return b
  }
  server.route(path, (req, res) => {
    const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 0)
    res.writeHead(200, { 'content-type': 'application/json' }).end(body(page, count()))
  })
  return {
    /** Makes every page now, before anything is measured. */
    warm(): void {
      for (let p = 0; p * pageSize < count(); p++) body(p, count())
    },
  }
}

const BulkConfig = z.object({ url: z.string(), allowPrivateNetwork: z.boolean().optional() })
type BulkConfig = z.infer<typeof BulkConfig>

/** Reads every page in one run; registered in place of the feed connector. */
export const bulkConnector: Connector<BulkConfig> = {
  kind: 'feed',
  configSchema: BulkConfig,
  defaultIntervalMinutes: 30,
  async fetch(config, state, ctx) {
    const items: FetchedItem[] = []
    let page: number | null = 0
    while (page !== null) {
      const r = await ctx.http.get(`${config.url}?page=${page}`, {
        allowPrivateNetwork: true,
        signal: ctx.signal,
      })
      const body = JSON.parse(r.body) as { items: FetchedItem[]; next: number | null }
      items.push(...body.items)
      page = body.next
    }
    return { items, state: { ...state, fetched: items.length }, notModified: false }
  },
}
