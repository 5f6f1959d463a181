// Runs in: Vitest (Node). Fuzzes every API connector's parse/normalise path through its real fetch:
// a PoliteHttp stand-in answers each request with a payload mutated from the API's real shape (or
// arbitrary JSON, or not JSON at all). Each run must give well-formed items and JSON state, or fail
// with a SourceError the user can read — never a TypeError from deep inside.
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { Connector } from '../../src-main/sources/connector'
import type { Credentials } from '../../src-main/sources/credentials'
import { SourceError } from '../../src-main/sources/errors'
import {
  createGoogleBusinessConnector,
  reviewToItem,
} from '../../src-main/sources/google/business-profile'
import {
  createGooglePlacesConnector,
  placesReviewToItem,
} from '../../src-main/sources/google/places'
import { createXConnector } from '../../src-main/sources/x/connector'
import { createBlueskyConnector } from '../../src-main/sources/bluesky/connector'
import { createFacebookConnector, createInstagramConnector } from '../../src-main/sources/meta'
import {
  MAX_CASE_MS,
  NOW,
  body,
  checkItem,
  ensure,
  fakeHttp,
  mutated,
  params,
  testTimeout,
  timed,
  timedAsync,
} from './fuzz'

const creds: Credentials = {
  get: async (name) =>
    ({
      'google_business.access_token': 'tok',
      'google_places.api_key': 'key',
      'x.bearerToken': 'bearer',
      'bluesky.handle': 'school.bsky.social',
      'bluesky.appPassword': 'app-pass',
      'facebook.pageAccessToken': 'fb',
      'instagram.accessToken': 'ig',
    })[name] ?? null,
}

// ---- the real shapes (as the fixture server answers) ------------------------------------------

const GBP_REVIEW = {
  name: 'accounts/1/locations/2/reviews/abc',
  reviewId: 'abc',
  reviewer: {
    displayName: 'A Parent',
    profilePhotoUrl: 'https://lh3.example/p.jpg',
    isAnonymous: false,
  },
  starRating: 'FOUR',
  comment: 'Lovely nursery, caring staff',
  createTime: '2025-03-01T10:00:00.123456789Z',
  updateTime: '2025-03-02T10:00:00Z',
  reviewReply: { comment: 'Thank you!', updateTime: '2025-03-03T10:00:00Z' },
}
const GBP_PAGE = {
  reviews: [
    GBP_REVIEW,
    { ...GBP_REVIEW, name: 'accounts/1/locations/2/reviews/def', starRating: 'ONE' },
  ],
  averageRating: 4.5,
  totalReviewCount: 12,
  nextPageToken: 'next',
}
const PLACES_REVIEW = {
  name: 'places/ChIJ/reviews/r1',
  relativePublishTimeDescription: 'a week ago',
  rating: 5,
  text: { text: 'Great pre-school', languageCode: 'en' },
  originalText: { text: 'Great pre-school', languageCode: 'en' },
  authorAttribution: {
    displayName: 'Sam',
    uri: 'https://maps.google.com/u/1',
    photoUri: 'https://lh3.example/s.jpg',
  },
  publishTime: '2025-02-20T09:00:00Z',
  flagContentUri: 'https://maps.google.com/flag',
  googleMapsUri: 'https://maps.google.com/review/r1',
}
const PLACE = {
  rating: 4.2,
  userRatingCount: 31,
  reviews: [PLACES_REVIEW, { ...PLACES_REVIEW, name: 'places/ChIJ/reviews/r2' }],
  displayName: { text: 'Little Acorns Nursery', languageCode: 'en' },
  googleMapsUri: 'https://maps.google.com/?cid=1',
}
const X_PAGE = {
  data: [
    {
      id: '1897300000000000003',
      text: "Lovely assembly at St Aldhelm's today",
      created_at: '2025-03-05T11:02:00.000Z',
      author_id: '111',
      lang: 'en',
      conversation_id: '1897300000000000003',
      public_metrics: { retweet_count: 0, reply_count: 1, like_count: 4, quote_count: 0 },
    },
  ],
  includes: { users: [{ id: '111', username: 'hollinbury_mum', name: 'Hollinbury Mum' }] },
  meta: { newest_id: '1897300000000000003', oldest_id: '1', result_count: 1, next_token: 'p2' },
}
const BSKY_SESSION = {
  accessJwt: 'a.b.c',
  refreshJwt: 'd.e.f',
  handle: 'school.bsky.social',
  did: 'did:plc:x',
}
const BSKY_PAGE = {
  posts: [
    {
      uri: 'at://did:plc:abc/app.bsky.feed.post/3kxyz',
      cid: 'bafy',
      author: { did: 'did:plc:abc', handle: 'parent.bsky.social', displayName: 'A Parent' },
      record: { text: "St Aldhelm's fair was fun", createdAt: '2025-03-05T10:00:00.000Z' },
      indexedAt: '2025-03-05T10:00:01.000Z',
    },
  ],
  cursor: 'c1',
}
const GRAPH_POSTS = {
  data: [
    {
      id: '1122_1',
      message: 'Sports day photos',
      created_time: '2025-03-04T10:00:00+0000',
      updated_time: '2025-03-05T10:00:00+0000',
      permalink_url: 'https://www.facebook.com/1122/posts/1',
    },
  ],
  paging: { cursors: { before: 'b', after: 'a' }, next: 'https://graph.facebook.com/next' },
}
const FB_COMMENTS = {
  data: [
    {
      id: '1_2',
      message: 'Well done everyone',
      created_time: '2025-03-05T11:00:00+0000',
      from: { id: '9', name: 'A Parent' },
      permalink_url: 'https://www.facebook.com/1122/posts/1?comment_id=2',
      parent: { id: '1_1' },
      is_hidden: false,
    },
  ],
  paging: { cursors: { after: 'a2' }, next: 'https://graph.facebook.com/next' },
}
const IG_MEDIA = {
  data: [
    {
      id: '1789',
      caption: 'Our new library',
      permalink: 'https://www.instagram.com/p/abc/',
      timestamp: '2025-03-04T10:00:00+0000',
      comments_count: 2,
    },
  ],
  paging: { cursors: { after: 'm2' }, next: 'https://graph.facebook.com/next' },
}
const IG_COMMENT = {
  id: '1790',
  text: 'Looks amazing',
  timestamp: '2025-03-05T10:00:00+0000',
  username: 'parent_1',
  hidden: false,
  parent_id: '1789',
}
const IG_COMMENTS = {
  data: [
    {
      ...IG_COMMENT,
      replies: {
        data: [{ ...IG_COMMENT, id: '1791' }],
        paging: { next: 'x', cursors: { after: 'r' } },
      },
    },
  ],
  paging: { cursors: { after: 'c2' }, next: 'https://graph.facebook.com/next' },
}

// ---- one run of a connector against fuzzed answers ----------------------------------------------

type Route = [RegExp, fc.Arbitrary<string>]

/** For each route, a list of bodies (one per request to it, the last repeating). */
function answers(routes: Route[]) {
  return fc.tuple(
    ...routes.map(([, b]) => fc.array(b, { minLength: 1, maxLength: 3 })),
    fc.array(fc.constantFrom(200, 200, 200, 200, 400, 401, 404, 429, 500), {
      minLength: 1,
      maxLength: 3,
    }),
  )
}

async function runConnector(
  connector: Connector<unknown>,
  rawConfig: Record<string, unknown>,
  routes: Route[],
  bodies: string[][],
  statuses: number[],
) {
  const counts = routes.map(() => 0)
  let n = 0
  const http = fakeHttp((url) => {
    const i = routes.findIndex(([re]) => re.test(url))
    if (i < 0) throw new Error(`fuzz: no route for ${url}`)
    // Past the generated answers, an empty object: an API that keeps saying "more" forever is
    // not a payload shape, and would only measure the connectors' page caps.
    const b = bodies[i][counts[i]++] ?? '{}'
    const status = statuses[Math.min(n++, statuses.length - 1)]
    return {
      status,
      body: b,
      headers: { 'x-rate-limit-remaining': '10', 'x-rate-limit-reset': '1741176900' },
    }
  })
  const config = connector.configSchema.parse(rawConfig)
  try {
    const r = await connector.fetch(
      config,
      {},
      {
        http,
        now: () => new Date(NOW),
        credentials: creds,
        names: { aliases: ["St Aldhelm's"], exclusions: ['church'] },
      },
    )
    for (const item of [...r.items, ...(r.updates ?? [])]) checkItem(item)
    // The state is persisted as JSON: it must survive the round trip unchanged.
    ensure(
      isDeepStrictEqual(JSON.parse(JSON.stringify(r.state)), r.state),
      'state is plain JSON',
      r.state,
    )
    ensure(typeof r.notModified === 'boolean', 'notModified')
  } catch (e) {
    if (!(e instanceof SourceError)) throw e
    ensure(e.message.length > 0, 'a SourceError says what went wrong')
  }
}

interface Case {
  name: string
  connector: Connector<unknown>
  config: Record<string, unknown>
  routes: Route[]
}

const BASE = 'https://api.example'
const CASES: Case[] = [
  {
    name: 'Google Business Profile reviews',
    connector: createGoogleBusinessConnector(creds) as Connector<unknown>,
    config: { accountId: '1', locationId: '2', baseUrl: BASE, oauthUrl: `${BASE}/token` },
    routes: [[/\/reviews/, body(GBP_PAGE)]],
  },
  {
    name: 'Google Places details',
    connector: createGooglePlacesConnector(creds) as Connector<unknown>,
    config: { placeId: 'ChIJabc', baseUrl: BASE },
    routes: [[/\/v1\/places\//, body(PLACE)]],
  },
  {
    name: 'X recent search',
    connector: createXConnector(creds) as Connector<unknown>,
    config: { aliases: ["St Aldhelm's"], baseUrl: BASE, maxPagesPerRun: 3 },
    routes: [[/\/2\/tweets\/search\/recent/, body(X_PAGE)]],
  },
  {
    name: 'Bluesky search',
    connector: createBlueskyConnector(creds) as Connector<unknown>,
    config: { aliases: ["St Aldhelm's", 'Aldhelm'], baseUrl: BASE, maxPagesPerRun: 3 },
    routes: [
      [/Session/, body(BSKY_SESSION)],
      [/searchPosts/, body(BSKY_PAGE)],
    ],
  },
  {
    name: 'Facebook Page comments (Graph API)',
    connector: createFacebookConnector(creds) as Connector<unknown>,
    config: { pageId: '1122', baseUrl: BASE, maxPosts: 3 },
    routes: [
      [/\/1122\/posts/, body(GRAPH_POSTS)],
      [/\/comments/, body(FB_COMMENTS)],
    ],
  },
  {
    name: 'Instagram comments (Graph API)',
    connector: createInstagramConnector(creds) as Connector<unknown>,
    config: { igUserId: '1789', baseUrl: BASE, maxMedia: 3 },
    routes: [
      [/\/1789\/media/, body(IG_MEDIA)],
      [/\/(comments|replies)/, body(IG_COMMENTS)],
    ],
  },
]

describe('connector payload fuzz', () => {
  for (const c of CASES) {
    it(
      `${c.name}: mutated and arbitrary payloads give valid items or a SourceError`,
      async () => {
        const { fn, stats } = timedAsync(async (a: unknown[]) => {
          const statuses = a.at(-1) as number[]
          await runConnector(
            c.connector,
            c.config,
            c.routes,
            a.slice(0, -1) as string[][],
            statuses,
          )
        })
        await fc.assert(fc.asyncProperty(answers(c.routes), fn), params())
        expect(stats.max).toBeLessThan(MAX_CASE_MS)
      },
      testTimeout(60_000),
    )
  }
})

describe('review shaping fuzz (pure)', () => {
  it('reviewToItem / placesReviewToItem: null or a valid item whose id is the review name', () => {
    const { fn, stats } = timed((gbp: unknown, places: unknown) => {
      for (const [f, r] of [
        [reviewToItem, gbp],
        [placesReviewToItem, places],
      ] as const) {
        const item = f(r)
        if (item === null) continue
        checkItem(item)
        ensure(item.externalId === (r as { name: string }).name, 'id is the review name', item)
      }
    })
    fc.assert(fc.property(mutated(GBP_REVIEW), mutated(PLACES_REVIEW), fn), params())
    expect(stats.max).toBeLessThan(MAX_CASE_MS)
  })
})
