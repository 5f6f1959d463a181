// Runs in: tests (Node). The Bluesky search connector against the local fixture PDS: sign-in,
// refresh on ExpiredToken, cursor paging, since, permalinks, exclusions and auth failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import {
  BSKY_APP_PASSWORD,
  BSKY_HANDLE,
  BSKY_POSTS,
  BSKY_RATE_LIMIT_RESET,
  addBlueskyRoutes,
  type BlueskyFixture,
} from '../fixtures/routes/bluesky'
import {
  blueskyPermalink,
  createBlueskyConnector,
  type BlueskyConfig,
  type BlueskyState,
} from '../../src-main/sources/bluesky/connector'
import type { Credentials } from '../../src-main/sources/credentials'
import type { ConnectorContext } from '../../src-main/sources/connector'
import { NOW, sourceError, testHttp } from './helpers'

let server: FixtureServer
let pds: BlueskyFixture
beforeAll(async () => {
  server = await startFixtureServer()
  pds = addBlueskyRoutes(server)
})
afterAll(() => server.close())

const creds = (password: string | null = BSKY_APP_PASSWORD): Credentials => ({
  get: async (name) =>
    name === 'bluesky.handle' ? BSKY_HANDLE : name === 'bluesky.appPassword' ? password : null,
})
const ctx = (): ConnectorContext => ({ http: testHttp().http, now: () => new Date(NOW) })
const config = (over: Partial<BlueskyConfig> = {}): BlueskyConfig =>
  createBlueskyConnector(creds()).configSchema.parse({
    aliases: ["St Aldhelm's"],
    baseUrl: server.url,
    allowPrivateNetwork: true,
    limit: 2,
    ...over,
  })
const searches = () => server.requests.filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts')
const byId = (uri: string) => BSKY_POSTS.find((p) => p.uri === uri)!

describe('blueskyPermalink', () => {
  it('builds bsky.app links from handle and rkey, falling back to the DID', () => {
    expect(blueskyPermalink('at://did:plc:x/app.bsky.feed.post/3abc', 'jo.bsky.social')).toBe(
      'https://bsky.app/profile/jo.bsky.social/post/3abc',
    )
    expect(blueskyPermalink('at://did:plc:x/app.bsky.feed.post/3abc', 'handle.invalid')).toBe(
      'https://bsky.app/profile/did%3Aplc%3Ax/post/3abc',
    )
    expect(blueskyPermalink('at://did:plc:x/app.bsky.feed.like/3abc', 'jo.bsky.social')).toBeNull()
  })
})

describe('Bluesky connector', () => {
  it('defaults to bsky.social and rejects a non-HTTP base URL', () => {
    const schema = createBlueskyConnector(creds()).configSchema
    expect(schema.parse({ aliases: ['x'] }).baseUrl).toBe('https://bsky.social')
    expect(() => schema.parse({ aliases: ['x'], baseUrl: 'ftp://x' })).toThrow()
  })

  it('signs in, pages with cursor and maps posts to items', async () => {
    const bsky = createBlueskyConnector(creds())
    const created = pds.sessionsCreated()
    const before = searches().length
    const { items, state } = await bsky.fetch(config(), {}, ctx())
    expect(pds.sessionsCreated()).toBe(created + 1)
    expect(items.map((i) => i.externalId)).toEqual(BSKY_POSTS.map((p) => p.uri))
    const sent = searches().slice(before)
    expect(sent).toHaveLength(2)
    const p1 = new URLSearchParams(sent[0].search)
    expect(p1.get('q')).toBe(`"St Aldhelm's"`)
    expect(p1.get('sort')).toBe('latest')
    expect(p1.get('limit')).toBe('2')
    expect(p1.has('cursor')).toBe(false)
    expect(new URLSearchParams(sent[1].search).get('cursor')).toBe('2')
    expect(sent[0].headers.authorization).toMatch(/^Bearer access-\d+$/)

    const news = items.find((i) => i.externalId.includes('news222'))!
    expect(news.url).toBe('https://bsky.app/profile/hollinburygazette.bsky.social/post/3lcnews222')
    expect(news.text).toBe(byId(news.externalId).record.text)
    expect(news.author).toBe('@hollinburygazette.bsky.social')
    expect(news.meta?.displayName).toBe('Hollinbury Gazette')
    expect(news.publishedAt).toBe('2025-03-05T10:00:00.000Z')
    // No createdAt in the record: indexedAt stands in; an invalid handle links by DID.
    const anon = items.find((i) => i.externalId.includes('anon333'))!
    expect(anon.publishedAt).toBe('2025-03-05T11:00:00.000Z')
    expect(anon.url).toBe('https://bsky.app/profile/did%3Aplc%3Aanon3/post/3lcanon333')
    expect((state as BlueskyState).since).toBe('2025-03-05T11:00:00.000Z')
  })

  it('sends since from state and drops exclusions', async () => {
    const bsky = createBlueskyConnector(creds())
    const before = searches().length
    const { items } = await bsky.fetch(
      config({ exclusions: ['church fete'] }),
      { since: '2025-03-05T10:00:00.000Z' },
      ctx(),
    )
    expect(new URLSearchParams(searches()[before].search).get('since')).toBe(
      '2025-03-05T10:00:00.000Z',
    )
    expect(items.map((i) => i.externalId)).toEqual([BSKY_POSTS[0].uri, BSKY_POSTS[2].uri])
  })

  it('reuses the session, and refreshes it on ExpiredToken', async () => {
    const bsky = createBlueskyConnector(creds())
    await bsky.fetch(config(), {}, ctx())
    const created = pds.sessionsCreated()
    const refreshed = pds.refreshes()
    await bsky.fetch(config(), {}, ctx())
    expect(pds.sessionsCreated()).toBe(created)

    pds.expireAccessTokens()
    const { items } = await bsky.fetch(config(), {}, ctx())
    expect(items).toHaveLength(BSKY_POSTS.length)
    expect(pds.refreshes()).toBe(refreshed + 1)
    expect(pds.sessionsCreated()).toBe(created)
    const refreshCall = server.requests.filter(
      (r) => r.path === '/xrpc/com.atproto.server.refreshSession',
    )
    expect(refreshCall.at(-1)?.method).toBe('POST')
    expect(refreshCall.at(-1)?.headers.authorization).toMatch(/^Bearer refresh-\d+$/)
  })

  it('signs in again when the refresh token has expired too', async () => {
    const bsky = createBlueskyConnector(creds())
    await bsky.fetch(config(), {}, ctx())
    const created = pds.sessionsCreated()
    pds.expireAccessTokens()
    pds.expireRefreshTokens()
    const { items } = await bsky.fetch(config(), {}, ctx())
    expect(items).toHaveLength(BSKY_POSTS.length)
    expect(pds.sessionsCreated()).toBe(created + 1)
  })

  it('a rejected app password → auth error asking to reconnect', async () => {
    const err = await sourceError(createBlueskyConnector(creds('wrong')).fetch(config(), {}, ctx()))
    expect(err.code).toBe('auth')
    expect(err.status).toBe(401)
    expect(err.message).toMatch(/Invalid identifier or password\): reconnect/)
  })

  it('a missing app password → auth error without any request', async () => {
    const before = server.requests.length
    const err = await sourceError(createBlueskyConnector(creds(null)).fetch(config(), {}, ctx()))
    expect(err.code).toBe('auth')
    expect(err.message).toMatch(/reconnect/)
    expect(server.requests.length).toBe(before)
  })

  it('429 → rate_limited until RateLimit-Reset', async () => {
    const bsky = createBlueskyConnector(creds())
    pds.rateLimitNext()
    const err = await sourceError(bsky.fetch(config(), {}, ctx()))
    expect(err.code).toBe('rate_limited')
    expect(err.retryAfterMs).toBe(BSKY_RATE_LIMIT_RESET * 1000 - NOW)
  })

  it('refuses a private address unless the source allows it', async () => {
    const err = await sourceError(
      createBlueskyConnector(creds()).fetch(config({ allowPrivateNetwork: undefined }), {}, ctx()),
    )
    expect(err.code).toBe('private_address')
  })
})
