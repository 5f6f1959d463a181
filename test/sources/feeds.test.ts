// Runs in: tests (Node). The feed connector on every fixture feed and every broken one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATA_DIR, startFixtureServer, type FixtureServer } from '../fixtures/server'
import { feedConnector, parseFeedBody, type FeedConfig } from '../../src-main/sources/feeds'
import type { ConnectorContext } from '../../src-main/sources/connector'
import { NOW, sourceError, testHttp } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

function ctx(): ConnectorContext {
  return { http: testHttp().http, now: () => new Date(NOW) }
}
const config = (path: string): FeedConfig =>
  feedConnector.configSchema.parse({ url: `${server.url}${path}`, allowPrivateNetwork: true })

describe('feed connector', () => {
  it('has a schema that rejects non-HTTP URLs', () => {
    expect(() => feedConnector.configSchema.parse({ url: 'file:///etc/passwd' })).toThrow()
    expect(feedConnector.kind).toBe('feed')
  })

  it('Google Alerts: unwraps google.com/url, strips <b>, decodes entities', async () => {
    const { items } = await feedConnector.fetch(config('/google-alerts'), {}, ctx())
    expect(items).toHaveLength(3)
    const [first, second] = items
    expect(first.externalId).toBe('tag:google.com,2013:googlealerts/feed:11398462093371625512')
    expect(first.title).toBe("Parents praise St Aldhelm's after glowing Ofsted visit")
    expect(first.url).toBe(
      'https://www.hollinburygazette.co.uk/news/education/st-aldhelms-ofsted-2025',
    )
    expect(first.text).toBe(
      'Inspectors said pupils at St Aldhelm\'s C of E Primary School in Hollinbury are "happy, safe and keen to learn" ...',
    )
    expect(first.publishedAt).toBe('2025-03-04T08:57:30.000Z')
    expect(first.author).toBeNull()
    expect(first.meta?.unwrapped).toBe(true)
    expect(String(first.meta?.originalUrl)).toMatch(/^https:\/\/www\.google\.com\/url\?/)
    expect(second.url).toBe('https://westmarch.gov.uk/news/roadworks-march')
    expect(second.text).toContain('from 10 March & expects')
    for (const i of items) expect(i.title).not.toMatch(/<|&#39;/)
  })

  it('RSS 2.0 news: guid, dc:creator, content:encoded as text, BST dates, relative links', async () => {
    const { items } = await feedConnector.fetch(config('/news'), {}, ctx())
    expect(items.map((i) => i.externalId)).toEqual([
      'hollinbury-gazette-4419021',
      'https://www.hollinburygazette.co.uk/news/education/school-place-offers-4418877',
      'hollinbury-gazette-4418102',
    ])
    const [fund, offers, letters] = items
    expect(fund.title).toBe("St Aldhelm's pupils raise £2,000 for hospice")
    expect(fund.author).toBe('Maria Hughes')
    expect(fund.url).toBe(
      'https://www.hollinburygazette.co.uk/news/education/st-aldhelms-hospice-fundraiser-4419021',
    )
    expect(fund.text).toContain('Headteacher Helen Okafor said')
    expect(fund.text).not.toMatch(/<|track\(\)/)
    expect(offers.publishedAt).toBe('2025-03-03T15:40:00.000Z')
    expect(letters.url).toBe(`${server.url}/news/letters/parking-4418102`)
  })

  it('Reddit search (Atom): author and profile, subreddit, tracking stripped', async () => {
    const { items } = await feedConnector.fetch(config('/reddit'), {}, ctx())
    expect(items).toHaveLength(2)
    const [post] = items
    expect(post.externalId).toBe('t3_1j3kq7z')
    expect(post.title).toBe("St Aldhelm's for reception?")
    expect(post.author).toBe('/u/hollinbury_dad')
    expect(post.authorUrl).toBe('https://www.reddit.com/user/hollinbury_dad')
    expect(post.url).toBe(
      'https://www.reddit.com/r/Westmarch/comments/1j3kq7z/st_aldhelms_reception/',
    )
    expect(post.meta?.categories).toEqual(['r/Westmarch'])
    expect(post.text).toContain('Heard mixed things about SEN support.')
    expect(post.publishedAt).toBe('2025-03-05T09:02:11.000Z')
  })

  it('stores the ETag; the next run is a 304 with nothing parsed', async () => {
    const cfg = config('/etag/news-rss.xml')
    const first = await feedConnector.fetch(cfg, {}, ctx())
    expect(first.notModified).toBe(false)
    expect(first.state.etag).toMatch(/^"/)
    const second = await feedConnector.fetch(cfg, first.state, ctx())
    expect(second).toMatchObject({ notModified: true, items: [] })
    expect(second.state.etag).toBe(first.state.etag)
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(first.state.etag)
  })

  it('a feed with no ids and no links gets stable hashed ids', async () => {
    const a = await feedConnector.fetch(config('/no-ids'), {}, ctx())
    const b = await feedConnector.fetch(config('/no-ids'), {}, ctx())
    expect(a.items).toHaveLength(3)
    expect(a.items.map((i) => i.externalId)).toEqual(b.items.map((i) => i.externalId))
    expect(new Set(a.items.map((i) => i.externalId)).size).toBe(3)
    for (const i of a.items) {
      expect(i.externalId).toMatch(/^sha256:[0-9a-f]{32}$/)
      expect(i.url).toBeNull()
    }
    expect(a.items[2].title).toBeNull()
    expect(a.items[1].publishedAt).toBeNull()
    expect(a.items[1].meta?.dateIssue).toBe('missing')
  })

  it('future, missing and unreadable dates become null, flagged; good dates survive', async () => {
    const { items } = await feedConnector.fetch(config('/future-dates'), {}, ctx())
    const byId = Object.fromEntries(items.map((i) => [i.externalId, i]))
    expect(byId['urn:uuid:future-1']).toMatchObject({
      publishedAt: null,
      meta: { dateIssue: 'future' },
    })
    expect(byId['urn:uuid:missing-1']).toMatchObject({
      publishedAt: null,
      meta: { dateIssue: 'missing' },
    })
    expect(byId['urn:uuid:garbage-1']).toMatchObject({
      publishedAt: null,
      meta: { dateIssue: 'missing' },
    })
    expect(byId['urn:uuid:ok-1'].publishedAt).toBe('2025-02-20T15:00:00.000Z')
  })

  it('malformed XML', async () => {
    const e = await sourceError(feedConnector.fetch(config('/malformed-xml'), {}, ctx()))
    expect(e.code).toBe('parse')
    expect(e.message).toMatch(/^malformed feed from 127\.0\.0\.1:\d+: Unexpected close tag$/)
  })

  it('malformed XML stays malformed on the next read (no parser state leaks between bodies)', async () => {
    const body = readFileSync(join(DATA_DIR, 'malformed.xml'), 'utf8')
    const parse = () =>
      parseFeedBody(body, 'application/rss+xml', 'http://feed.example/', new Date(NOW))
    for (let i = 0; i < 3; i++) expect((await sourceError(parse())).code).toBe('parse')
  })

  it('an HTML page where a feed was expected', async () => {
    const e = await sourceError(feedConnector.fetch(config('/html'), {}, ctx()))
    expect(e.code).toBe('not_a_feed')
    expect(e.message).toBe('not a feed: HTML page')
  })

  it('JSON, other XML and empty bodies are not feeds either', async () => {
    const cases: Array<[string, string]> = [
      ['/invalid-json', 'not a feed: JSON'],
      ['/data/wiki/maxlag.json', 'not a feed: JSON'],
    ]
    server.route(
      '/sitemap',
      (_q, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0"?><urlset></urlset>'),
    )
    server.route('/empty', (_q, res) => void res.writeHead(200).end(''))
    cases.push(
      ['/sitemap', 'not a feed: XML with root <urlset>'],
      ['/empty', 'not a feed: empty body'],
    )
    for (const [path, message] of cases) {
      const e = await sourceError(feedConnector.fetch(config(path), {}, ctx()))
      expect(e.code, path).toBe('not_a_feed')
      expect(e.message, path).toBe(message)
    }
  })

  it('HTTP errors from the feed URL pass through as the specific error', async () => {
    const e = await sourceError(feedConnector.fetch(config('/status/404'), {}, ctx()))
    expect(e.message).toBe(`HTTP 404 from 127.0.0.1:${server.port}`)
    const big = await sourceError(feedConnector.fetch(config('/gzip-bomb'), {}, ctx()))
    expect(big.message).toMatch(/^body over 5 MiB/)
  })

  it('polls a generated benchmark feed, and a new version only adds the new items', async () => {
    const v0 = await feedConnector.fetch(config('/feeds/42.xml?items=5'), {}, ctx())
    expect(v0.items).toHaveLength(5)
    const v2 = await feedConnector.fetch(config('/feeds/42.xml?items=5&version=2'), v0.state, ctx())
    expect(v2.notModified).toBe(false)
    const old = new Set(v0.items.map((i) => i.externalId))
    expect(v2.items.filter((i) => !old.has(i.externalId))).toHaveLength(2)
  })
})
