// Runs in: Vitest (Node). The crashes and wrong answers the fuzz suite found, each pinned as a plain
// example so it cannot come back unnoticed even with FUZZ_RUNS=0.
import { describe, expect, it } from 'vitest'
import type { Connector } from '../../src-main/sources/connector'
import type { Credentials } from '../../src-main/sources/credentials'
import { SourceError } from '../../src-main/sources/errors'
import { htmlToText } from '../../src-main/sources/feeds/html-text'
import { placesReviewToItem } from '../../src-main/sources/google/places'
import { createXConnector } from '../../src-main/sources/x/connector'
import { createBlueskyConnector } from '../../src-main/sources/bluesky/connector'
import { createFacebookConnector, createInstagramConnector } from '../../src-main/sources/meta'
import { wikipediaConnector } from '../../src-main/sources/wikipedia'
import { NOW, checkItem, fakeHttp } from './fuzz'

const creds: Credentials = {
  get: async (n) =>
    ({
      'x.bearerToken': 'b',
      'bluesky.handle': 'h.bsky.social',
      'bluesky.appPassword': 'p',
      'facebook.pageAccessToken': 'f',
      'instagram.accessToken': 'i',
    })[n] ?? null,
}

/** One run answering each request from the first matching route's bodies, in order. */
async function run(connector: Connector<unknown>, config: object, routes: [RegExp, string[]][]) {
  const http = fakeHttp((url) => {
    const route = routes.find(([re]) => re.test(url))
    return { body: route?.[1].shift() ?? '{}' }
  })
  const r = await connector.fetch(
    connector.configSchema.parse(config),
    {},
    {
      http,
      now: () => new Date(NOW),
      credentials: creds,
    },
  )
  for (const i of r.items) checkItem(i)
  return r
}

const BASE = 'https://api.example'

describe('found by fuzzing', () => {
  it('X: a null body is a parse answer with no posts, not a TypeError; odd fields are ignored', async () => {
    const x = createXConnector(creds) as Connector<unknown>
    const cfg = { aliases: ['St Aldhelm'], baseUrl: BASE }
    expect((await run(x, cfg, [[/./, ['null']]])).items).toEqual([])
    const r = await run(x, cfg, [
      [
        /./,
        [
          JSON.stringify({
            data: [{ id: '1', text: { html: 'x' }, author_id: '9' }],
            includes: { users: { id: '9' } },
            meta: { result_count: 3e306 },
          }),
        ],
      ],
    ])
    expect(r.items[0]).toMatchObject({
      externalId: '1',
      text: '',
      url: 'https://x.com/i/web/status/1',
    })
    expect(r.state.projectedMonthlyUsd).toBeTypeOf('number')
  })

  it('Bluesky: a null search answer and a lone-surrogate handle do not throw', async () => {
    const b = createBlueskyConnector(creds) as Connector<unknown>
    const post = {
      uri: 'at://did:plc:a/app.bsky.feed.post/1',
      author: { handle: '\ud800' },
      record: { text: 5 },
    }
    const session = JSON.stringify({ accessJwt: 'a', refreshJwt: 'r' })
    const cfg = { aliases: ['St Aldhelm'], baseUrl: BASE }
    expect(
      (
        await run(b, cfg, [
          [/Session/, [session]],
          [/./, ['null']],
        ])
      ).items,
    ).toEqual([])
    const r = await run(createBlueskyConnector(creds) as Connector<unknown>, cfg, [
      [/Session/, [session]],
      [/./, [JSON.stringify({ posts: [post] })]],
    ])
    expect(r.items[0]).toMatchObject({ text: '', author: '@\ud800' })
  })

  it('Graph: a null page is a SourceError; an empty comment id and a javascript: link are dropped', async () => {
    const fb = createFacebookConnector(creds) as Connector<unknown>
    const cfg = { pageId: '1122', baseUrl: BASE }
    await expect(run(fb, cfg, [[/./, ['null']]])).rejects.toBeInstanceOf(SourceError)
    const posts = JSON.stringify({ data: [{ id: '1122_1', message: 7 }] })
    const comments = JSON.stringify({
      data: [
        { id: '', message: 'x' },
        { id: '1_2', message: 'hi', permalink_url: 'javascript:alert(1)', from: { name: {} } },
      ],
    })
    const r = await run(fb, cfg, [
      [/\/posts/, [posts]],
      [/\/comments/, [comments]],
    ])
    expect(r.items).toHaveLength(1)
    expect(r.items[0]).toMatchObject({ externalId: '1_2', url: null, author: null })
  })

  it('Instagram: a lone surrogate in a username does not throw URIError', async () => {
    const ig = createInstagramConnector(creds) as Connector<unknown>
    const r = await run(ig, { igUserId: '1789', baseUrl: BASE }, [
      [/\/media/, [JSON.stringify({ data: [{ id: '1789', permalink: 'notaurl' }] })]],
      [/\/comments/, [JSON.stringify({ data: [{ id: '1790', username: '\ud800' }] })]],
    ])
    expect(r.items[0]).toMatchObject({ externalId: '1790', url: null })
  })

  it('Places: a review link that is not http(s) is not kept', () => {
    const item = placesReviewToItem({
      name: 'places/x/reviews/1',
      googleMapsUri: 'javascript:alert(1)',
      authorAttribution: { uri: 'school' },
    })
    expect(item).toMatchObject({ url: null, authorUrl: null })
  })

  it('Wikipedia: bad revisions are skipped, a bad search timestamp is null, redirects report once', async () => {
    const page = (revisions: unknown) =>
      JSON.stringify({ query: { pages: [{ pageid: 1, ns: 0, title: 'A', revisions }] } })
    const revs = page([
      { revid: 5, parentid: 0, timestamp: 'not a date' },
      { revid: 'x', timestamp: '2025-03-01T00:00:00Z' },
      { revid: 6, parentid: 0, timestamp: '2025-03-01T00:00:00Z', comment: {} },
    ])
    const search = JSON.stringify({
      query: { search: [{ pageid: 9, title: 'B', timestamp: 'yesterday' }, { title: 7 }] },
    })
    const r = await run(
      wikipediaConnector as Connector<unknown>,
      {
        apiUrl: `${BASE}/w/api.php`,
        pages: ['A', 'A redirect'],
        searchTerms: ['St Aldhelm'],
        watchTalkPages: false,
      },
      [
        [/list=search/, [search]],
        [/rvprop=content/, []],
        [/./, [revs, revs]],
      ],
    )
    expect(r.items.map((i) => i.externalId)).toEqual(['rev:6', 'page:9'])
    expect(r.items[1].publishedAt).toBeNull()
  })

  it('feeds: an unclosed <pre> does not pass the tags after it through as text', () => {
    expect(htmlToText('<p>Hi</p><pre><script>alert(1)</script><b>bold</b>')).toBe('Hi\nbold')
  })
})
