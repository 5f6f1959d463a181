// Runs in: tests (Node). The MediaWiki connector against the simulated Action API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import {
  wikipediaConnector,
  watchedTitles,
  type WikiConfig,
} from '../../src-main/sources/wikipedia'
import type { ConnectorContext } from '../../src-main/sources/connector'
import type { FetchedItem } from '../../src-main/sources/types'
import { NOW, TEST_UA, sourceError, testHttp } from './helpers'

const SCHOOL = "St Aldhelm's C of E Primary School"
let server: FixtureServer
let sleeps: number[]
let context: ConnectorContext

beforeEach(async () => {
  server = await startFixtureServer()
  const t = testHttp()
  sleeps = t.sleeps
  context = { http: t.http, now: () => new Date(NOW) }
})
afterEach(() => server.close())

const config = (over: Partial<WikiConfig> = {}): WikiConfig =>
  wikipediaConnector.configSchema.parse({
    apiUrl: `${server.url}/w/api.php`,
    pages: [SCHOOL, 'Hollinbury'],
    allowPrivateNetwork: true,
    ...over,
  })
const byId = (items: FetchedItem[]) => Object.fromEntries(items.map((i) => [i.externalId, i]))

describe('wikipedia connector', () => {
  it('defaults to English Wikipedia and watches talk pages too', () => {
    const c = wikipediaConnector.configSchema.parse({ pages: ['hollinbury'] })
    expect(c.apiUrl).toBe('https://en.wikipedia.org/w/api.php')
    expect(watchedTitles(c)).toEqual(['Hollinbury', 'Talk:Hollinbury'])
    expect(watchedTitles({ pages: ['Talk:Hollinbury'], watchTalkPages: true })).toEqual([
      'Talk:Hollinbury',
    ])
  })

  it('turns each revision into a mention with editor, tags, size delta and diff text', async () => {
    const run = await wikipediaConnector.fetch(config(), {}, context)
    const items = byId(run.items)
    expect(Object.keys(items)).toEqual([
      'rev:1200',
      'rev:1201',
      'rev:1202',
      'rev:1203',
      'rev:1300',
      'rev:1100',
    ])

    const created = items['rev:1200']
    expect(created.meta).toMatchObject({ newPage: true, parentid: 0, anonymous: false })
    expect(created.meta?.added).toContain('voluntary aided primary school')
    expect(created.url).toBe(`${server.url}/w/index.php?oldid=1200`)

    const update = items['rev:1201']
    expect(update.meta).toMatchObject({
      user: 'Westmarch Editor',
      userid: 44115,
      anonymous: false,
      tags: ['visualeditor'],
      comment: '/* Ofsted */ update',
      reverted: false,
    })
    expect(update.meta?.added).toBe('2023\nThe headteacher is Helen Okafor.')
    expect(update.meta?.removed).toBe('2018')
    expect(update.meta?.sizeDelta).toBe(33)
    expect(update.url).toBe(`${server.url}/w/index.php?diff=1201&oldid=1200`)
    expect(update.publishedAt).toBe('2023-11-02T08:15:40.000Z')

    const vandal = items['rev:1202']
    expect(vandal.author).toBe('2a02:c7c:5d21:9b00:1d3a:8e6f:40b2:77c1')
    expect(vandal.meta).toMatchObject({
      anonymous: true,
      userid: 0,
      tags: ['mobile edit', 'mobile web edit'],
    })
    expect(vandal.meta?.added).toBe('The teachers are lazy and the school is a disgrace.')
    expect(vandal.meta?.sizeDelta).toBe(52)
    expect(vandal.text).toBe('The teachers are lazy and the school is a disgrace.')
    expect(vandal.authorUrl).toBe(
      `${server.url}/w/index.php?title=Special%3AContributions%2F2a02%3Ac7c%3A5d21%3A9b00%3A1d3a%3A8e6f%3A40b2%3A77c1`,
    )

    const rollback = items['rev:1203']
    expect(rollback.meta).toMatchObject({ tags: ['mw-rollback'], sizeDelta: -52, added: '' })
    expect(rollback.meta?.removed).toBe('The teachers are lazy and the school is a disgrace.')

    expect(items['rev:1300'].meta).toMatchObject({ talkPage: true, pageTitle: `Talk:${SCHOOL}` })
    expect(items['rev:1300'].title).toBe(`Talk page edit: Talk:${SCHOOL}`)
    expect(run.state.missingPages).toEqual(['Talk:Hollinbury'])
  })

  it('reports a revision later tagged mw-reverted as an update, not a new item', async () => {
    const first = await wikipediaConnector.fetch(config(), {}, context)
    expect(byId(first.items)['rev:1202'].meta?.reverted).toBe(false)
    server.wiki.tag(1202, 'mw-reverted')
    const second = await wikipediaConnector.fetch(config(), first.state, context)
    expect(second.items).toEqual([])
    expect(second.updates?.map((u) => u.externalId)).toEqual(['rev:1202'])
    expect(second.updates?.[0].meta).toMatchObject({ reverted: true, anonymous: true })
    expect(second.updates?.[0].meta?.tags).toContain('mw-reverted')
    expect(second.updates?.[0].meta?.added).toBe(
      'The teachers are lazy and the school is a disgrace.',
    )
    const third = await wikipediaConnector.fetch(config(), second.state, context)
    expect(third.updates).toEqual([])
  })

  it('a revert arriving in a later run re-reads earlier revisions', async () => {
    const first = await wikipediaConnector.fetch(config({ pages: ['Hollinbury'] }), {}, context)
    const bad = server.wiki.addRevision('Hollinbury', {
      content: 'Hollinbury is rubbish.',
      user: '81.2.69.160',
      userid: 0,
      anon: true,
    })
    const second = await wikipediaConnector.fetch(
      config({ pages: ['Hollinbury'] }),
      first.state,
      context,
    )
    expect(second.items.map((i) => i.externalId)).toEqual([`rev:${bad.revid}`])
    const revert = server.wiki.addRevision('Hollinbury', {
      content: 'x',
      tags: ['mw-manual-revert'],
    })
    server.wiki.tag(bad.revid, 'mw-reverted')
    const third = await wikipediaConnector.fetch(
      config({ pages: ['Hollinbury'] }),
      second.state,
      context,
    )
    expect(third.items.map((i) => i.externalId)).toEqual([`rev:${revert.revid}`])
    expect(third.updates?.map((u) => u.externalId)).toEqual([`rev:${bad.revid}`])
  })

  it('follows rvcontinue across several responses and reports only new revisions, oldest first', async () => {
    const first = await wikipediaConnector.fetch(
      config({ pages: [SCHOOL], watchTalkPages: false }),
      {},
      context,
    )
    server.wiki.pageSize = 2
    const added = [1, 2, 3, 4, 5].map((n) =>
      server.wiki.addRevision(SCHOOL, {
        content: `Line ${n}`,
        temp: n === 3,
        user: n === 3 ? '~2025-31415-9' : 'Editor',
        userid: n === 3 ? 0 : 9,
      }),
    )
    const before = server.requests.length
    const run = await wikipediaConnector.fetch(
      config({ pages: [SCHOOL], watchTalkPages: false }),
      first.state,
      context,
    )
    expect(run.items.map((i) => i.externalId)).toEqual(added.map((r) => `rev:${r.revid}`))
    const listed = server.requests
      .slice(before)
      .filter((r) => r.search.includes('prop=revisions') && r.search.includes('rvdir=newer'))
    expect(listed).toHaveLength(3)
    expect(listed[1].search).toMatch(/rvcontinue=\d{14}%7C\d+/)
    expect(run.items[2].meta).toMatchObject({ temporaryAccount: true, anonymous: true })
    expect(run.state.pages).toMatchObject({ [SCHOOL]: { lastRevId: added[4].revid } })
  })

  it('list=search finds new pages naming the school, skips watched pages, reports each once', async () => {
    server.wiki.pageSize = 2
    const cfg = config({ searchTerms: [SCHOOL] })
    const first = await wikipediaConnector.fetch(cfg, {}, context)
    const found = first.items.filter((i) => i.externalId.startsWith('page:'))
    expect(found.map((i) => i.title)).toEqual(['List of schools in Westmarch'])
    expect(found[0]).toMatchObject({
      url: `${server.url}/w/index.php?curid=5005`,
      text: "* St Aldhelm's C of E Primary School, Hollinbury",
      meta: { kind: 'search', searchTerm: SCHOOL, pageId: 5005 },
    })
    expect(server.requests.some((r) => r.search.includes('sroffset=2'))).toBe(true)
    expect(server.requests.find((r) => r.search.includes('list=search'))!.search).toContain(
      `srsearch=${encodeURIComponent(`"${SCHOOL}"`).replace(/%20/g, '+').replace(/'/g, '%27')}`,
    )
    const page = server.wiki.addRevision('Hollinbury Carnival', {
      content: `Floats from ${SCHOOL} won first prize.`,
    })
    const second = await wikipediaConnector.fetch(cfg, first.state, context)
    expect(second.items.map((i) => i.title)).toEqual(['Hollinbury Carnival'])
    expect(page.parentid).toBe(0)
  })

  it('sends every request in series with maxlag=5, JSON formatversion 2 and our User-Agent', async () => {
    server.resetStats()
    const before = server.requests.length
    await wikipediaConnector.fetch(config({ searchTerms: [SCHOOL] }), {}, context)
    const reqs = server.requests.slice(before)
    expect(reqs.length).toBeGreaterThan(8)
    for (const r of reqs) {
      expect(r.search).toMatch(/[?&]maxlag=5(&|$)/)
      expect(r.search).toContain('format=json')
      expect(r.search).toContain('formatversion=2')
      expect(r.headers['user-agent']).toBe(TEST_UA)
    }
    expect(server.stats().maxInFlight).toBe(1)
  })

  it('waits out maxlag errors with the server’s Retry-After, then carries on', async () => {
    server.wiki.maxlagTimes = 2
    const run = await wikipediaConnector.fetch(
      config({ pages: ['Hollinbury'], watchTalkPages: false }),
      {},
      context,
    )
    expect(run.items).toHaveLength(1)
    expect(sleeps).toEqual([5000, 5000])
  })

  it('persistent maxlag ends as rate_limited with the wait for the scheduler', async () => {
    server.wiki.maxlagTimes = 100
    const e = await sourceError(wikipediaConnector.fetch(config(), {}, context))
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterMs).toBe(5000)
    expect(e.message).toBe(`127.0.0.1:${server.port} is lagged (6.2 s behind); will retry later`)
    expect(sleeps).toEqual([5000, 5000, 5000])
  })

  it('invalid JSON from the wiki', async () => {
    server.wiki.invalidJsonTimes = 1
    const e = await sourceError(wikipediaConnector.fetch(config(), {}, context))
    expect(e.code).toBe('invalid_json')
    expect(e.message).toBe(`invalid JSON from 127.0.0.1:${server.port} (action=query)`)
  })

  it('an HTML error page instead of JSON, and HTTP errors, are specific too', async () => {
    const html = await sourceError(
      wikipediaConnector.fetch(config({ apiUrl: `${server.url}/html` }), {}, context),
    )
    expect(html.message).toBe(
      `invalid JSON from 127.0.0.1:${server.port} (action=query): HTML page`,
    )
    const forbidden = await sourceError(
      wikipediaConnector.fetch(config({ apiUrl: `${server.url}/status/403` }), {}, context),
    )
    expect(forbidden).toMatchObject({
      code: 'auth',
      message: `HTTP 403 from 127.0.0.1:${server.port} (access denied)`,
    })
  })

  it('a revision whose diff cannot be read is still reported, with the reason', async () => {
    const first = await wikipediaConnector.fetch(
      config({ pages: ['Hollinbury'], watchTalkPages: false }),
      {},
      context,
    )
    const orphan = server.wiki.addRevision('Hollinbury', {
      content: 'x',
      parentid: 999_999,
      comment: 'edit summary',
    })
    const run = await wikipediaConnector.fetch(
      config({ pages: ['Hollinbury'], watchTalkPages: false }),
      first.state,
      context,
    )
    expect(run.items[0].externalId).toBe(`rev:${orphan.revid}`)
    expect(run.items[0].meta?.diffError).toMatch(/nosuchrevid/)
    expect(run.items[0].text).toBe('edit summary')
  })
})
