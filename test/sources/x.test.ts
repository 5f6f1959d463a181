// Runs in: tests (Node). The X recent-search connector against the local fixture: query
// building, since_id and paging, author mapping, rate limits, cost and a rejected token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import {
  X_DRAINED_TOKEN,
  X_GOOD_TOKEN,
  X_LIMITED_TOKEN,
  X_RESET_EPOCH,
  X_TWEETS,
  addXRoutes,
} from '../fixtures/routes/x'
import {
  X_QUERY_MAX_CHARS,
  buildXQuery,
  createXConnector,
  estimateMonthlyCost,
  type XConfig,
  type XState,
} from '../../src-main/sources/x/connector'
import type { Credentials } from '../../src-main/sources/credentials'
import type { ConnectorContext } from '../../src-main/sources/connector'
import { NOW, sourceError, testHttp } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
  addXRoutes(server)
})
afterAll(() => server.close())

const creds = (token: string | null): Credentials => ({
  get: async (name) => (name === 'x.bearerToken' ? token : null),
})
const ctx = (at = NOW): ConnectorContext => ({ http: testHttp().http, now: () => new Date(at) })
const config = (over: Partial<XConfig> = {}): XConfig =>
  createXConnector(creds(null)).configSchema.parse({
    aliases: ["St Aldhelm's", "St Aldhelm's C of E Primary"],
    exclusions: ['St Aldhelm’s Church'],
    baseUrl: server.url,
    allowPrivateNetwork: true,
    ...over,
  })
const searches = () => server.requests.filter((r) => r.path === '/2/tweets/search/recent')

describe('buildXQuery', () => {
  it('ORs quoted names, excludes phrases, drops retweets and keeps English', () => {
    expect(buildXQuery(["St Aldhelm's", 'Saint Aldhelms Primary'], ['church', 'Aldhelm FC'])).toBe(
      `("St Aldhelm's" OR "Saint Aldhelms Primary") -"church" -"Aldhelm FC" -is:retweet lang:en`,
    )
    expect(buildXQuery(['  St  Aldhelm\'s "School" '])).toBe(
      `"St Aldhelm's School" -is:retweet lang:en`,
    )
  })

  it('refuses a query over 512 characters with a message saying what to do', () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `St Aldhelm's name variant ${i}`)
    let caught: unknown
    try {
      buildXQuery(aliases, [])
    } catch (e) {
      caught = e
    }
    expect(caught).toMatchObject({ code: 'parse' })
    expect(String((caught as Error).message)).toMatch(/X allows 512\. Remove some names/)
    // Exactly at the limit is accepted.
    const fixed = ' -is:retweet lang:en'.length + 2
    const exact = buildXQuery(['a'.repeat(X_QUERY_MAX_CHARS - fixed)])
    expect(exact).toHaveLength(X_QUERY_MAX_CHARS)
    expect(() => buildXQuery(['a'.repeat(X_QUERY_MAX_CHARS - fixed + 1)])).toThrow(/X allows 512/)
  })

  it('needs at least one usable name', () => {
    expect(() => buildXQuery(['""'])).toThrow(/at least one name/)
  })
})

describe('estimateMonthlyCost', () => {
  it('multiplies posts per run by runs per day over a 30-day month', () => {
    expect(estimateMonthlyCost(20, 2, 0.005)).toEqual({ postsPerMonth: 1200, usd: 6 })
    expect(estimateMonthlyCost(0, 24, 0.005)).toEqual({ postsPerMonth: 0, usd: 0 })
    expect(() => estimateMonthlyCost(-1, 1, 0.005)).toThrow(RangeError)
    expect(() => estimateMonthlyCost(1, Number.NaN, 0.005)).toThrow(RangeError)
  })
})

describe('X connector', () => {
  it('rejects a non-HTTP base URL; names may be left to the school profile', () => {
    const schema = createXConnector(creds(null)).configSchema
    expect(() => schema.parse({ aliases: ['x'], baseUrl: 'file:///etc/passwd' })).toThrow()
    expect(schema.parse({}).aliases).toEqual([])
    expect(schema.parse({ aliases: ['x'] }).baseUrl).toBe('https://api.x.com')
  })

  it("searches the school profile's names when the source has none, and says so when there are none", async () => {
    const x = createXConnector()
    const c = config({ aliases: [], exclusions: [] })
    const before = searches().length
    await x.fetch(
      c,
      {},
      {
        ...ctx(),
        credentials: creds(X_GOOD_TOKEN),
        names: { aliases: ["St Aldhelm's", 'Saint Aldhelms'], exclusions: ['St Aldhelm’s Church'] },
      },
    )
    const q = new URLSearchParams(searches()[before].search).get('query')
    expect(q).toBe(
      `("St Aldhelm's" OR "Saint Aldhelms") -"St Aldhelm’s Church" -is:retweet lang:en`,
    )
    const err = await sourceError(
      x.fetch(
        c,
        {},
        { ...ctx(), credentials: creds(X_GOOD_TOKEN), names: { aliases: [], exclusions: [] } },
      ),
    )
    expect(err.message).toMatch(/no names to search for/)
  })

  it('pages with next_token, maps authors from includes.users and sends the documented fields', async () => {
    const before = searches().length
    const x = createXConnector(creds(X_GOOD_TOKEN))
    const { items, state } = await x.fetch(config(), {}, ctx())
    expect(items.map((i) => i.externalId)).toEqual(X_TWEETS.map((t) => t.id))
    const [first, second] = items
    expect(first.author).toBe('@hollinbury_mum')
    expect(first.authorUrl).toBe('https://x.com/hollinbury_mum')
    expect(first.url).toBe(`https://x.com/hollinbury_mum/status/${X_TWEETS[0].id}`)
    expect(first.meta?.authorName).toBe('Hollinbury Mum')
    expect(first.meta?.publicMetrics).toEqual(X_TWEETS[0].public_metrics)
    expect(first.publishedAt).toBe('2025-03-05T11:02:00.000Z')
    expect(second.author).toBe('@hollinburygazette')
    const sent = searches().slice(before)
    expect(sent).toHaveLength(2)
    const p1 = new URLSearchParams(sent[0].search)
    expect(p1.get('query')).toBe(
      `("St Aldhelm's" OR "St Aldhelm's C of E Primary") -"St Aldhelm’s Church" -is:retweet lang:en`,
    )
    expect(p1.get('tweet.fields')).toBe('created_at,author_id,lang,public_metrics,conversation_id')
    expect(p1.get('expansions')).toBe('author_id')
    expect(p1.get('user.fields')).toBe('username,name')
    expect(p1.get('max_results')).toBe('100')
    expect(p1.has('next_token')).toBe(false)
    expect(sent[0].headers.authorization).toBe(`Bearer ${X_GOOD_TOKEN}`)
    expect(new URLSearchParams(sent[1].search).get('next_token')).toBe('page-2')
    const s = state as XState
    expect(s.sinceId).toBe(X_TWEETS[0].id)
    expect(s.month).toBe('2025-03')
    expect(s.postsReadThisMonth).toBe(3)
    // 3 posts × 2 runs a day (every 720 min) × 30 days × $0.005.
    expect(s.projectedMonthlyUsd).toBe(0.9)
    expect(s.rateLimit).toEqual({ limit: 450, remaining: 449, resetAt: X_RESET_EPOCH * 1000 })
  })

  it('sends since_id from state, reads only newer posts and adds to the month count', async () => {
    const x = createXConnector(creds(X_GOOD_TOKEN))
    const prev: XState = { sinceId: X_TWEETS[1].id, month: '2025-03', postsReadThisMonth: 40 }
    const before = searches().length
    const { items, state } = await x.fetch(config(), { ...prev }, ctx())
    expect(new URLSearchParams(searches()[before].search).get('since_id')).toBe(X_TWEETS[1].id)
    expect(items.map((i) => i.externalId)).toEqual([X_TWEETS[0].id])
    expect((state as XState).postsReadThisMonth).toBe(41)
    expect((state as XState).sinceId).toBe(X_TWEETS[0].id)
  })

  it('keeps since_id when nothing is new and restarts the count in a new month', async () => {
    const x = createXConnector(creds(X_GOOD_TOKEN))
    const prev: XState = { sinceId: X_TWEETS[0].id, month: '2025-02', postsReadThisMonth: 900 }
    const { items, state } = await x.fetch(config(), { ...prev }, ctx())
    expect(items).toEqual([])
    expect(state).toMatchObject({
      sinceId: X_TWEETS[0].id,
      month: '2025-03',
      postsReadThisMonth: 0,
    })
  })

  it('stops paging when x-rate-limit-remaining hits 0, then refuses until the reset', async () => {
    const x = createXConnector(creds(X_DRAINED_TOKEN))
    const before = searches().length
    const { items, state } = await x.fetch(config(), {}, ctx())
    expect(searches().length - before).toBe(1)
    expect(items).toHaveLength(2)
    expect((state as XState).rateLimit?.remaining).toBe(0)
    // The unread older page is kept for later, and since_id does not jump past it.
    expect((state as XState).resume).toEqual({ nextToken: 'page-2', newestId: X_TWEETS[0].id })
    expect((state as XState).sinceId).toBeUndefined()
    const err = await sourceError(x.fetch(config(), state, ctx(NOW + 60_000)))
    expect(err.code).toBe('rate_limited')
    expect(err.retryAfterMs).toBe(X_RESET_EPOCH * 1000 - NOW - 60_000)
    expect(err.transient).toBe(true)
    // No request was spent learning what the headers already said.
    expect(searches().length - before).toBe(1)
    // After the reset it finishes the older page, then moves since_id to the newest post.
    const after = await x.fetch(config(), state, ctx(X_RESET_EPOCH * 1000 + 1))
    expect(new URLSearchParams(searches().at(-1)?.search).get('next_token')).toBe('page-2')
    expect(after.items.map((i) => i.externalId)).toEqual([X_TWEETS[2].id])
    expect(after.state).toMatchObject({ sinceId: X_TWEETS[0].id, postsReadThisMonth: 3 })
    expect((after.state as XState).resume).toBeUndefined()
  })

  it('a page cap also resumes rather than skipping older posts', async () => {
    const x = createXConnector(creds(X_GOOD_TOKEN))
    const first = await x.fetch(config({ maxPagesPerRun: 1 }), {}, ctx())
    expect(first.items).toHaveLength(2)
    const second = await x.fetch(config({ maxPagesPerRun: 1 }), first.state, ctx())
    expect(second.items.map((i) => i.externalId)).toEqual([X_TWEETS[2].id])
    expect((second.state as XState).sinceId).toBe(X_TWEETS[0].id)
  })

  it('429 → rate_limited with retryAfterMs until x-rate-limit-reset', async () => {
    const err = await sourceError(
      createXConnector(creds(X_LIMITED_TOKEN)).fetch(config(), {}, ctx()),
    )
    expect(err.code).toBe('rate_limited')
    expect(err.status).toBe(429)
    expect(err.retryAfterMs).toBe(15 * 60_000)
  })

  it('401 → auth error asking to reconnect', async () => {
    const err = await sourceError(createXConnector(creds('revoked')).fetch(config(), {}, ctx()))
    expect(err.code).toBe('auth')
    expect(err.status).toBe(401)
    expect(err.message).toMatch(/HTTP 401: Unauthorized\): reconnect/)
  })

  it('a missing token → auth error without any request', async () => {
    const before = searches().length
    const err = await sourceError(createXConnector(creds(null)).fetch(config(), {}, ctx()))
    expect(err.code).toBe('auth')
    expect(err.message).toMatch(/reconnect/)
    expect(searches().length).toBe(before)
  })

  it('refuses a private address unless the source allows it', async () => {
    const err = await sourceError(
      createXConnector(creds(X_GOOD_TOKEN)).fetch(
        config({ allowPrivateNetwork: undefined }),
        {},
        ctx(),
      ),
    )
    expect(err.code).toBe('private_address')
  })
})
