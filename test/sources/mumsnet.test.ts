// Runs in: tests (Node). The Mumsnet connector driving real Chromium against the fixture site:
// posts with every field, incremental runs, pagination, robots.txt (rules, agent groups,
// Crawl-delay through the injected sleep, a day's cache), exclusions, layout changes, no browser,
// a page that never loads, 429/403, and the browser closed after every run, however it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import type { MumsnetSite } from '../fixtures/routes/mumsnet'
import {
  DEFAULT_MUMSNET_URL,
  createMumsnetConnector,
  mumsnetConfigSchema,
  type LaunchBrowser,
  type MumsnetConfig,
  type MumsnetDeps,
  type MumsnetState,
} from '../../src-main/sources/mumsnet'
import { loadRobots } from '../../src-main/sources/mumsnet/robots'
import { parseMumsnetTime } from '../../src-main/sources/mumsnet/uk-time'
import { NoBrowserError } from '../../src-main/core/browser'
import type { ConnectorContext } from '../../src-main/sources/connector'
import type { FetchedItem } from '../../src-main/sources/types'
import { NOW, TEST_UA, sourceError, testHttp } from './helpers'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const THREAD_A = '/talk/primary/5123456-st-aldhelms-c-of-e-primary-new-head-thoughts'
const THREAD_CHAT = '/talk/_chat/5123999-which-secondary-after-st-aldhelms'
const THREAD_CHURCH = '/talk/local/5124000-st-aldhelms-church-bells-at-7am'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

const base = (site: MumsnetSite) => `${server.url}/mumsnet/${site}`
const config = (site: MumsnetSite, over: Partial<MumsnetConfig> = {}): MumsnetConfig =>
  mumsnetConfigSchema.parse({
    aliases: ["St Aldhelm's"],
    baseUrl: base(site),
    allowPrivateNetwork: true,
    browserPath: CHROMIUM,
    ...over,
  })

/** A connector whose browser launches are counted, with a ctx whose sleeps are recorded. */
function harness(over: Partial<MumsnetDeps> = {}, at = NOW) {
  const browsers: Browser[] = []
  const launch: LaunchBrowser = async (request) => {
    const browser = await chromium.launch(request)
    browsers.push(browser)
    return browser
  }
  const { http, sleeps } = testHttp()
  const ctx: ConnectorContext = { http, now: () => new Date(at) }
  const connector = createMumsnetConnector({
    launch,
    userAgent: TEST_UA,
    navigationTimeoutMs: 10_000,
    layoutTimeoutMs: 1_500,
    ...over,
  })
  const open = () => browsers.filter((b) => b.isConnected()).length
  return { connector, ctx, sleeps, browsers, open }
}

/** Requests for a path on a site; with `search`, only that exact query (page 1 is ''). */
const hits = (site: MumsnetSite, path: string, search: string | null = '') =>
  server.requests.filter(
    (r) => r.path === `/mumsnet/${site}${path}` && (search === null || r.search === search),
  ).length
const byId = (items: FetchedItem[]) => new Map(items.map((i) => [i.externalId, i]))

describe('Mumsnet connector: reading posts', () => {
  it('turns each post of each thread the search found into one mention with every field', async () => {
    const h = harness()
    const { items, state } = await h.connector.fetch(config('site'), {}, h.ctx)
    expect(items.map((i) => i.externalId)).toEqual([
      '5123456:139000001',
      '5123456:139000002',
      // 139000003 was withdrawn: it keeps its number but is not a mention.
      '5123456:139000010',
      '5123456:139000011',
      '5123999:139100001',
      '5123999:139100002',
      '5124000:139200001',
    ])
    const posts = byId(items)
    const reply = posts.get('5123456:139000002')!
    expect(reply).toMatchObject({
      url: `${base('site')}${THREAD_A}?reply=139000002`,
      title: "St Aldhelm's C of E Primary - new head, thoughts?",
      author: 'PTAqueen',
      // Quoted post, buttons and the advert between posts are not part of the text.
      text: "The new head at St Aldhelm's has been brilliant with my DD.\nVery approachable at the gate every morning.",
      publishedAt: '2025-03-03T10:02:00.000Z',
      meta: { threadId: '5123456', topic: 'primary', postId: '139000002', postNumber: 2, page: 1 },
    })
    const op = posts.get('5123456:139000001')!
    // British Summer Time: 21:14 in London on 28 June is 20:14 UTC. The signature is dropped.
    expect(op.publishedAt).toBe('2024-06-28T20:14:00.000Z')
    expect(op.text).toBe(
      "Has anyone got a child at St Aldhelm's C of E Primary in Hollinbury?\nWe've been offered a place for September and I hear there is a new head. What is she like?",
    )
    // "Yesterday" and "Today" are London dates relative to the run's clock (5 March, 12:00 UTC).
    expect(posts.get('5123456:139000010')).toMatchObject({
      publishedAt: '2025-03-04T21:14:00.000Z',
      meta: { postNumber: 4, page: 2 },
    })
    expect(posts.get('5123456:139000011')?.publishedAt).toBe('2025-03-05T08:30:00.000Z')
    // No per-post link on this page: the permalink is the post's anchor; <time datetime> wins.
    const chat = posts.get('5123999:139100001')!
    expect(chat.url).toBe(`${base('site')}${THREAD_CHAT}#post-139100001`)
    expect(chat.publishedAt).toBe('2025-03-04T18:20:00.000Z')
    expect(chat.author).toBe('YearSixWorrier')
    expect(posts.get('5123999:139100002')?.text).toBe(
      "Most of my granddaughter's class went on to Westmarch Academy.",
    )
    const s = state as MumsnetState
    // robots.txt is kept in state for the next runs of the day.
    expect(s.robots).toMatchObject({
      url: `${base('site')}/robots.txt`,
      fetchedAt: new Date(NOW).toISOString(),
    })
    expect(s.threads?.['5123456']).toMatchObject({
      lastPostId: '139000011',
      lastPostNumber: 5,
      lastPage: 2,
      perPage: 3,
    })
    // The removed thread (404) is counted, not fatal. 1 search + 2 + 1 + 1 + 1 page loads.
    expect(s.lastRun).toMatchObject({ threadsFound: 4, threadsRead: 3, skippedMissing: 1 })
    expect(s.lastRun?.pagesLoaded).toBe(6)
    // robots.txt's Crawl-delay: 5 between every two page loads, through the injected sleep.
    expect(h.sleeps).toEqual([5000, 5000, 5000, 5000, 5000])
    const page = server.requests.find((r) => r.path === `/mumsnet/site${THREAD_A}`)
    expect(page?.headers['user-agent']).toBe(TEST_UA)
    expect(h.browsers).toHaveLength(1)
    expect(h.open()).toBe(0)
  })

  it('a later run reads only new posts, starting at the page it stopped on', async () => {
    const h = harness()
    // The state of a run on the site as it was, then a run after three new posts.
    const old = await h.connector.fetch(config('site'), {}, h.ctx)
    const [page1, page2] = [hits('later', THREAD_A), hits('later', THREAD_A, '?page=2')]
    const next = await h.connector.fetch(config('later'), old.state, h.ctx)
    expect(next.items.map((i) => [i.externalId, i.meta?.postNumber, i.meta?.page])).toEqual([
      ['5123456:139000012', 6, 2],
      ['5123456:139000020', 7, 3],
    ])
    expect(hits('later', THREAD_A)).toBe(page1) // page 1 was not opened again
    expect(hits('later', THREAD_A, '?page=2')).toBe(page2 + 1)
    expect((next.state as MumsnetState).threads?.['5123456']).toMatchObject({
      lastPostId: '139000020',
      lastPostNumber: 7,
      lastPage: 3,
    })
    expect(h.browsers).toHaveLength(2)
    expect(h.open()).toBe(0)
  }, 40_000)

  it('a first visit to a long thread reads page 1 and then its last pages, up to the cap', async () => {
    const h = harness()
    const cfg = config('later', { maxThreadsPerRun: 1, maxPagesPerThread: 2 })
    const { items, state } = await h.connector.fetch(cfg, {}, h.ctx)
    expect(items.map((i) => [i.externalId, i.meta?.postNumber, i.meta?.page])).toEqual([
      ['5123456:139000001', 1, 1],
      ['5123456:139000002', 2, 1],
      // Page 2 skipped; page 3 numbered from page 1's size (3 a page).
      ['5123456:139000020', 7, 3],
    ])
    expect((state as MumsnetState).lastRun?.threadsRead).toBe(1)
  })

  it('leaves out threads and posts that match an exclusion', async () => {
    const h = harness()
    const before = hits('site', THREAD_CHURCH)
    const cfg = config('site', { exclusions: ["St Aldhelm's Church"], maxThreadsPerRun: 1 })
    const { items, state } = await h.connector.fetch(cfg, {}, h.ctx)
    const ids = items.map((i) => i.externalId)
    expect(ids).not.toContain('5124000:139200001')
    expect(ids).not.toContain('5123456:139000011') // mentions the church hall
    expect(ids).toContain('5123456:139000010')
    expect(hits('site', THREAD_CHURCH)).toBe(before) // the excluded thread was never opened
    expect((state as MumsnetState).lastRun?.skippedExcluded).toBe(2)
  })
})

describe('Mumsnet connector: robots.txt', () => {
  it('skips a thread its rules close, uses our own group and its Crawl-delay', async () => {
    const h = harness()
    const cfg = config('strict', { maxThreadsPerRun: 1 })
    const { items, state } = await h.connector.fetch(cfg, {}, h.ctx)
    expect(items.some((i) => i.externalId.startsWith('5123999:'))).toBe(false)
    expect(items.some((i) => i.externalId.startsWith('5123456:'))).toBe(true)
    expect(hits('strict', THREAD_CHAT)).toBe(0)
    expect((state as MumsnetState).lastRun?.skippedByRobots).toBe(1)
    expect(new Set(h.sleeps)).toEqual(new Set([2000]))
  })

  it('a search path it closes fails the run naming the rule, without starting a browser', async () => {
    const h = harness()
    const err = await sourceError(h.connector.fetch(config('nosearch'), {}, h.ctx))
    expect(err.code).toBe('auth')
    expect(err.message).toContain('does not allow Footprint to open Mumsnet search')
    expect(err.message).toContain('rule "Disallow: /mumsnet/nosearch/search"')
    expect(hits('nosearch', '/search', null)).toBe(0)
    expect(h.browsers).toHaveLength(0)
  })

  it('no robots.txt (404) allows crawling (here to an empty search: a quiet success)', async () => {
    const h = harness()
    const { items, state } = await h.connector.fetch(config('norobots'), {}, h.ctx)
    expect(items).toEqual([])
    expect((state as MumsnetState).lastRun).toMatchObject({ searches: 1, pagesLoaded: 1 })
    expect(h.open()).toBe(0)
  })

  it('keeps robots.txt for a day, then reads it again', async () => {
    const h = harness()
    const cache = (await loadRobots(base('site'), undefined, h.ctx, true)).cache
    const fetched = hits('site', '/robots.txt')
    const later = (ms: number): ConnectorContext => ({ ...h.ctx, now: () => new Date(NOW + ms) })
    await loadRobots(base('site'), cache, later(23 * 3600_000), true)
    expect(hits('site', '/robots.txt')).toBe(fetched)
    await loadRobots(base('site'), cache, later(25 * 3600_000), true)
    expect(hits('site', '/robots.txt')).toBe(fetched + 1)
  })
})

describe('Mumsnet connector: failures', () => {
  it('a search page whose layout changed is a specific error, never an empty success', async () => {
    const h = harness()
    const err = await sourceError(h.connector.fetch(config('changed'), {}, h.ctx))
    expect(err.code).toBe('parse')
    expect(err.message).toMatch(
      /^Could not read the Mumsnet page layout: no search results list \(.*\) and no "no results" message/,
    )
    expect(h.open()).toBe(0)
  })

  it('a thread page whose layout changed is the same error', async () => {
    const h = harness()
    const err = await sourceError(h.connector.fetch(config('changedthread'), {}, h.ctx))
    expect(err.code).toBe('parse')
    expect(err.message).toContain('Could not read the Mumsnet page layout: no list of posts')
    expect(err.url).toBe(`${base('changedthread')}${THREAD_A}`)
    expect(h.open()).toBe(0)
  })

  it('no browser installed: the source fails with a plain message and nothing is launched', async () => {
    const h = harness()
    const cfg = config('site', { browserPath: '/nowhere/chromium-that-is-not-there' })
    const err = await sourceError(h.connector.fetch(cfg, {}, h.ctx))
    expect(err.code).toBe('parse')
    expect(err.message).toBe(new NoBrowserError([]).message)
    expect(h.browsers).toHaveLength(0)
  })

  it('a page that never finishes loading times out, naming the URL', async () => {
    const h = harness({ navigationTimeoutMs: 1_500 })
    const err = await sourceError(h.connector.fetch(config('hang'), {}, h.ctx))
    expect(err.code).toBe('timeout')
    expect(err.message).toBe(
      `Mumsnet page did not finish loading within 1.5 s: ${base('hang')}/search?q=St%20Aldhelm%27s`,
    )
    expect(h.open()).toBe(0)
  })

  it('429 is rate_limited with Retry-After for the scheduler; 403 is access denied', async () => {
    const h = harness()
    const limited = await sourceError(h.connector.fetch(config('limited'), {}, h.ctx))
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 120_000 })
    expect(limited.message).toBe(
      'HTTP 429 from ' + new URL(server.url).host + ' (rate limited; retry after 120 s)',
    )
    const denied = await sourceError(h.connector.fetch(config('forbidden'), {}, h.ctx))
    expect(denied).toMatchObject({ code: 'auth', status: 403 })
    expect(h.browsers).toHaveLength(2)
    expect(h.open()).toBe(0)
  })

  it('an abort mid-run closes the browser', async () => {
    const h = harness()
    const controller = new AbortController()
    const seen = server.hits(`/mumsnet/site${THREAD_A}`)
    const run = h.connector.fetch(config('site'), {}, { ...h.ctx, signal: controller.signal })
    await server.waitForRequest(`/mumsnet/site${THREAD_A}`, seen + 1)
    controller.abort(new Error('stopped'))
    await expect(run).rejects.toThrow()
    expect(h.browsers).toHaveLength(1)
    expect(h.open()).toBe(0)
  })
})

describe('Mumsnet settings and times', () => {
  it('validates settings with plain messages and sensible defaults', () => {
    const parsed = mumsnetConfigSchema.parse({ aliases: ["St Aldhelm's"] })
    expect(parsed).toMatchObject({
      baseUrl: DEFAULT_MUMSNET_URL,
      exclusions: [],
      maxThreadsPerRun: 10,
      maxPagesPerThread: 3,
    })
    const issue = (input: unknown) => mumsnetConfigSchema.safeParse(input).error?.issues[0]?.message
    // No names of its own: the school profile's names are searched (see search-names).
    expect(mumsnetConfigSchema.parse({}).aliases).toEqual([])
    expect(issue({ aliases: [''] })).toBe('A name cannot be empty')
    expect(issue({ aliases: ['x'], baseUrl: 'ftp://mumsnet.com' })).toBe(
      'Mumsnet address must be a web address starting with http:// or https://',
    )
    expect(issue({ aliases: ['x'], maxThreadsPerRun: 500 })).toMatch(/at most 50/)
    expect(createMumsnetConnector().defaultIntervalMinutes).toBe(360)
  })

  it('reads UK local times into UTC across the clock changes', () => {
    const now = new Date('2025-03-30T12:00:00Z') // the spring change: BST from 01:00 UTC
    expect(parseMumsnetTime(null, 'Today 00:30', now)).toBe('2025-03-30T00:30:00.000Z')
    expect(parseMumsnetTime(null, 'Today 03:00', now)).toBe('2025-03-30T02:00:00.000Z')
    expect(parseMumsnetTime(null, 'Yesterday 23:59', now)).toBe('2025-03-29T23:59:00.000Z')
    // 23:30 UTC on 1 June is already 2 June in London, so "Yesterday" is 1 June (BST).
    const lateNight = new Date('2025-06-01T23:30:00Z')
    expect(parseMumsnetTime(null, 'Yesterday 22:15', lateNight)).toBe('2025-06-01T21:15:00.000Z')
    expect(parseMumsnetTime(null, 'Today 00:10', lateNight)).toBe('2025-06-01T23:10:00.000Z')
    expect(parseMumsnetTime(null, 'PTAqueen · 27/10/2025 09:00', now)).toBe(
      '2025-10-27T09:00:00.000Z',
    )
    expect(parseMumsnetTime(null, '26/10/2025 00:30', now)).toBe('2025-10-25T23:30:00.000Z')
    expect(parseMumsnetTime('2025-03-04T18:20:00+01:00', null, now)).toBe(
      '2025-03-04T17:20:00.000Z',
    )
    // Unreadable or impossible times are left undated rather than guessed.
    expect(parseMumsnetTime('2025-03-04T18:20', null, now)).toBeNull()
    expect(parseMumsnetTime(null, '31/02/2025 10:00', now)).toBeNull()
    expect(parseMumsnetTime(null, 'a while ago', now)).toBeNull()
  })
})
