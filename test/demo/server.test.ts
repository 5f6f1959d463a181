// Runs in: Vitest (Node). The demo server speaks each real API's shape: every connector (except
// Mumsnet, which needs a browser and is read in demo.test.ts) reads the demo school's year from it
// with the source configs the demo creates, page by page, with the demo's made-up tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateContent } from '../../src-main/demo/content'
import { demoCredentials } from '../../src-main/demo/credentials'
import { DEMO_SCHOOL } from '../../src-main/demo/school'
import { startDemoServer, type DemoServer } from '../../src-main/demo/server'
import { demoSourceInputs } from '../../src-main/demo/sources'
import { averageOf } from '../../src-main/demo/routes/google'
import { defaultConnectors } from '../../src-main/sources/registry'
import { createPoliteHttp } from '../../src-main/sources/http'
import type { ConnectorContext } from '../../src-main/sources/connector'
import type { SourceKind } from '../../src-main/contract'

const NOW = new Date('2026-11-23T10:00:00.000Z')
// A full year, so paging shows: more than one page of reviews (50) and of X posts (100).
const content = generateContent({ seed: 11, scale: 1, now: NOW })
const connectors = defaultConnectors()
let server: DemoServer

beforeAll(async () => {
  server = await startDemoServer(content)
})
afterAll(() => server.close())

function ctx(): ConnectorContext {
  return {
    http: createPoliteHttp({ userAgent: 'Footprint-test (demo server shapes)', timeoutMs: 5_000 }),
    now: () => NOW,
    credentials: demoCredentials,
    names: { aliases: [DEMO_SCHOOL.name, ...(DEMO_SCHOOL.aliases ?? [])], exclusions: [] },
  }
}

/** The demo's own source config for a kind (the n-th of that kind), parsed by the connector. */
async function fetchAs(kind: SourceKind, n = 0, state: Record<string, unknown> = {}) {
  const input = demoSourceInputs(1, server.url).filter((s) => s.kind === kind)[n]
  const connector = connectors[kind]!
  const config = connector.configSchema.parse(input.config)
  return connector.fetch(config, state, ctx())
}

describe('demo server: each connector reads its API shape', () => {
  it('Google Business Profile: every review over two pages, with the listing rating', async () => {
    const before = server.hits('/v4/')
    const r = await fetchAs('google_business')
    expect(content.reviews.length).toBeGreaterThan(50)
    expect(r.items).toHaveLength(content.reviews.length)
    expect(server.hits('/v4/') - before).toBe(2)
    expect(server.hits('/token')).toBeGreaterThan(0)
    const state = r.state as { rating: { averageRating: number; totalReviewCount: number } }
    expect(state.rating.averageRating).toBe(averageOf(content.reviews))
    expect(state.rating.totalReviewCount).toBe(content.reviews.length)
    const oneStar = r.items.find((i) => i.meta?.starRating === 1)
    expect(oneStar?.text).toMatch(/Hollowmere/)
  })

  it('Google Places: the rating, the count and the 5 newest reviews with attribution', async () => {
    const r = await fetchAs('google_places')
    expect(r.items).toHaveLength(5)
    const newest = [...content.reviews].sort((a, b) => b.at.localeCompare(a.at))[0]
    expect(r.items.map((i) => i.text)).toContain(newest.text)
    expect((r.state as { rating: { averageRating: number } }).rating.averageRating).toBe(
      averageOf(content.reviews),
    )
  })

  it('X recent search: every post naming the school, paged with next_token', async () => {
    const before = server.hits('/2/tweets/search/recent')
    const r = await fetchAs('x')
    expect(content.x.length).toBeGreaterThan(100)
    expect(new Set(r.items.map((i) => i.externalId)).size).toBe(content.x.length)
    expect(server.hits('/2/tweets/search/recent') - before).toBe(2)
    // A second run asks only for newer posts (since_id) and finds none.
    const again = await fetchAs('x', 0, r.state)
    expect(again.items).toHaveLength(0)
  })

  it('Bluesky: signs in with the app password and finds every post', async () => {
    const r = await fetchAs('bluesky')
    expect(new Set(r.items.map((i) => i.externalId)).size).toBe(content.bluesky.length)
    expect(server.hits('/xrpc/com.atproto.server.createSession')).toBeGreaterThan(0)
  })

  it('Facebook Page and Instagram: every comment under the school’s own posts', async () => {
    const fb = await fetchAs('facebook')
    expect(fb.items).toHaveLength(content.facebook.comments.length)
    expect(fb.items.every((i) => i.title?.startsWith('Comment on: Hollowmere'))).toBe(true)
    const ig = await fetchAs('instagram')
    expect(ig.items).toHaveLength(content.instagram.comments.length)
  })

  it('feeds: news RSS, Reddit Atom and the Google Alert, then 304 Not Modified', async () => {
    const lists = [content.news, content.reddit, content.alerts]
    for (let n = 0; n < 3; n++) {
      const r = await fetchAs('feed', n)
      expect(r.items).toHaveLength(lists[n].length)
      const again = await fetchAs('feed', n, r.state)
      expect(again.notModified).toBe(true)
    }
    // The alert's google.com/url wrapper is unwrapped to the paper's own link.
    const alerts = await fetchAs('feed', 2)
    const ofsted = alerts.items.find((i) => /rated good by Ofsted/.test(i.title ?? ''))
    expect(ofsted?.url).toMatch(/^https:\/\/marrowby-chronicle\.example\/news\//)
  })

  it('Wikipedia: the article’s and the talk page’s revisions, with the vandal edit’s words', async () => {
    const r = await fetchAs('wikipedia')
    const revisions = content.wiki.reduce((a, p) => a + p.revisions.length, 0)
    expect(r.items).toHaveLength(revisions)
    const vandal = r.items.find((i) =>
      (i.meta?.tags as string[] | undefined)?.includes('mw-reverted'),
    )
    expect(vandal?.text).toMatch(/covers up bullying/)
  })

  it('refuses a wrong token the way the real API does', async () => {
    const res = await fetch(`${server.url}/2/tweets/search/recent?query=%22Hollowmere%22`, {
      headers: { authorization: 'Bearer wrong' },
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('x-rate-limit-limit')).toBe('450')
  })
})
