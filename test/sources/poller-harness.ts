// Runs in: Vitest (Node). A service with its poller over a fresh data folder and the fixture server:
// the HTTP client never waits (injected sleep) and `public.example` is routed to the fixture server,
// so a "public" host redirecting to a private address can be tested without the internet.
import { openDataDir, createStore } from '../../src-main/store'
import { createService } from '../../src-main/services'
import type { PollerOptions } from '../../src-main/sources/poller'
import type { Source } from '../../src-main/contract'
import type { FixtureServer } from '../fixtures/server'
import { SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'
import { routePublicHostTo, testHttp } from './helpers'

export const ctx = { actor: 'test' }

export type Polling = Omit<PollerOptions, 'store' | 'events' | 'version'>

export async function harness(server: FixtureServer, polling: Polling = {}) {
  const dataDir = tempDir()
  const db = openDataDir(dataDir)
  const store = createStore(db)
  const logs: string[] = []
  const { http } = testHttp({ fetch: routePublicHostTo(server.port) })
  const service = createService(
    { store, mode: 'browser', dataDir, version: '0.0.0-test', polling: { http, ...polling } },
    (l) => logs.push(l),
  )
  const school = await service.call('schools.create', SCHOOL, ctx)

  const addFeed = (path: string, over: Record<string, unknown> = {}): Promise<Source> =>
    service.call(
      'sources.create',
      {
        kind: 'feed',
        name: `Feed ${path}`,
        config: {
          url: path.startsWith('http') ? path : `${server.url}${path}`,
          allowPrivateNetwork: true,
        },
        ...over,
      },
      ctx,
    )
  const addWiki = (over: Record<string, unknown> = {}): Promise<Source> =>
    service.call(
      'sources.create',
      {
        kind: 'wikipedia',
        name: 'Wikipedia',
        config: {
          apiUrl: `${server.url}/w/api.php`,
          pages: [SCHOOL.name, 'Hollinbury'],
          allowPrivateNetwork: true,
          ...over,
        },
      },
      ctx,
    )
  const poll = (id?: number) => service.call('sources.pollNow', id === undefined ? {} : { id }, ctx)
  const source = (id: number) => store.sources.get(id)!
  /** Every stored row of a source, hidden and duplicates included. */
  const mentionsOf = (sourceId: number) =>
    store.mentions.list({ sourceId, includeHidden: true, limit: 500 }).items
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

  return {
    dataDir,
    db,
    store,
    service,
    logs,
    school,
    addFeed,
    addWiki,
    poll,
    source,
    mentionsOf,
    count,
  }
}

/** An RSS 2.0 body; each item: [guid, title, text, link]. */
export function rss(items: [string, string, string, string][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>' +
    '<link>https://test.example/</link><description>t</description>' +
    items
      .map(
        ([guid, title, text, link]) =>
          `<item><guid isPermaLink="false">${esc(guid)}</guid><title>${esc(title)}</title>` +
          `<link>${esc(link)}</link><description>${esc(text)}</description>` +
          '<pubDate>Tue, 04 Mar 2025 08:15:00 GMT</pubDate></item>',
      )
      .join('') +
    '</channel></rss>'
  )
}

/** Serves `body()` as an RSS feed at `path` (no ETag, so every poll re-reads it). */
export function serveFeed(server: FixtureServer, path: string, body: () => string): void {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body())
  })
}
