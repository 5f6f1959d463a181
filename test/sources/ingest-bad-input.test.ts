// Runs in: Vitest (Node). Bad input the poller must survive: each ends as a specific error on that
// source, its failure count grows, other sources still succeed, and nothing already stored is lost,
// changed or duplicated (the source keeps its last good state, so its ETag survives too).
import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { PUBLIC_HOST } from './helpers'
import { ctx, harness } from './poller-harness'

let server: FixtureServer
let host: string
let closedPort: number
beforeAll(async () => {
  server = await startFixtureServer()
  host = `127.0.0.1:${server.port}`
  // A port that was listening a moment ago and is closed now: connections are refused.
  const probe = createServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  closedPort = (probe.address() as { port: number }).port
  await new Promise((r) => probe.close(r))
})
afterAll(() => server.close())

/** [case, URL (path on the fixture server or absolute), expected error (string or pattern)]. */
const feedCases: [string, () => string, () => string | RegExp][] = [
  ['malformed XML', () => '/malformed-xml', () => new RegExp(`^malformed feed from ${host}: .+`)],
  ['an HTML page', () => '/html', () => 'not a feed: HTML page'],
  ['a 20 MiB body', () => '/huge', () => `body over 5 MiB from ${host}`],
  ['a gzip bomb', () => '/gzip-bomb', () => `body over 5 MiB from ${host}`],
  ['a redirect loop', () => '/redirect-loop', () => `redirect loop at ${host}`],
  [
    'a public host redirecting to a private address',
    () => `http://${PUBLIC_HOST}:${server.port}/redirect-to-private?ip=10.1.2.3`,
    () =>
      `redirect from ${PUBLIC_HOST}:${server.port} to private address 10.1.2.3 (10.1.2.3) refused`,
  ],
  [
    'a refused connection',
    () => `http://127.0.0.1:${closedPort}/feed.xml`,
    () => `connection refused by 127.0.0.1:${closedPort}`,
  ],
  ['HTTP 401', () => '/status/401', () => `HTTP 401 from ${host} (access denied)`],
  ['HTTP 403', () => '/status/403', () => `HTTP 403 from ${host} (access denied)`],
  ['HTTP 404', () => '/status/404', () => `HTTP 404 from ${host}`],
]

describe('a source turning bad', () => {
  for (const [name, url, expected] of feedCases) {
    it(`survives ${name}`, async () => {
      const h = await harness(server)
      const bad = await h.addFeed('/google-alerts')
      const good = await h.addFeed('/reddit')
      await h.poll()
      const kept = h.mentionsOf(bad.id)
      expect(kept.length).toBeGreaterThan(0)
      const state = h.store.sources.getRecord(bad.id)!.state
      expect(state.etag).toBeTruthy()

      const target = url()
      const isPublic = target.includes(PUBLIC_HOST)
      await h.service.call(
        'sources.update',
        {
          id: bad.id,
          source: {
            kind: 'feed',
            name: bad.name,
            config: {
              url: target.startsWith('http') ? target : `${server.url}${target}`,
              // The private-redirect case must not be allowed to reach private addresses.
              ...(isPublic ? {} : { allowPrivateNetwork: true }),
            },
          },
        },
        ctx,
      )
      for (const attempt of [1, 2]) {
        const runs = await h.poll()
        const badRun = runs.find((r) => r.sourceId === bad.id)!
        const goodRun = runs.find((r) => r.sourceId === good.id)!
        expect(badRun.status).toBe('error')
        const want = expected()
        if (typeof want === 'string') expect(badRun.error).toBe(want)
        else expect(badRun.error).toMatch(want)
        expect(goodRun.status).toMatch(/^(ok|not_modified)$/)
        const health = h.source(bad.id).health
        expect(health).toMatchObject({
          status: 'failing',
          lastError: badRun.error,
          consecutiveFailures: attempt,
        })
        expect(health.lastSuccessAt).not.toBeNull()
        expect(h.source(good.id).health).toMatchObject({ status: 'ok', consecutiveFailures: 0 })
      }
      // Everything stored before is still there, unchanged; the last good state is kept.
      expect(h.mentionsOf(bad.id)).toEqual(kept)
      expect(h.store.sources.getRecord(bad.id)!.state).toEqual(state)
      const history = await h.service.call('sources.runs', { id: bad.id }, ctx)
      expect(history.map((r) => r.status)).toEqual(['error', 'error', 'ok'])
    })
  }

  it('survives invalid JSON from the wiki', async () => {
    const h = await harness(server)
    const wiki = await h.addWiki({ pages: ['Hollinbury'] })
    const feed = await h.addFeed('/reddit')
    server.wiki.invalidJsonTimes = 1
    const runs = await h.poll()
    expect(runs.find((r) => r.sourceId === wiki.id)).toMatchObject({
      status: 'error',
      error: `invalid JSON from ${host} (action=query)`,
    })
    expect(runs.find((r) => r.sourceId === feed.id)!.status).toBe('ok')
    expect(h.source(wiki.id).health).toMatchObject({ status: 'failing', consecutiveFailures: 1 })
    // The next run recovers and resets the count.
    const [again] = await h.poll(wiki.id)
    expect(again.status).toBe('ok')
    expect(h.source(wiki.id).health).toMatchObject({ status: 'ok', consecutiveFailures: 0 })
  })

  it('a failure while storing rolls the whole run back and says so', async () => {
    const h = await harness(server, {
      connectors: {
        feed: {
          kind: 'feed',
          configSchema: { safeParse: (v: unknown) => ({ success: true, data: v }) } as never,
          defaultIntervalMinutes: 30,
          fetch: async () => ({
            notModified: false,
            state: { cursor: 2 },
            items: [1, 2].map((n) => ({
              externalId: `x-${n}`,
              url: null,
              title: `St Aldhelm's C of E Primary School, Hollinbury: item ${n}`,
              text: 'text',
              author: null,
              publishedAt: null,
              // The second item cannot be serialised: the insert throws after the first succeeded.
              raw: n === 2 ? { big: BigInt(1) } : {},
            })),
          }),
        },
      },
    })
    const s = await h.addFeed('/unused')
    const [run] = await h.poll(s.id)
    expect(run.status).toBe('error')
    expect(run.error).toMatch(/^could not store the items: .*BigInt/)
    expect(h.count('mentions')).toBe(0) // the first item was rolled back with the rest
    expect(h.store.sources.getRecord(s.id)!.state).toEqual({})
  })
})
