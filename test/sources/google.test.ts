// Runs in: tests (Node). The Google Business Profile and Places connectors against fixture
// routes on 127.0.0.1 that answer in Google's real shapes: paging, field and star mapping,
// incremental runs, the reply capability and its byte limit, auth and quota errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import {
  ACCOUNT_ID,
  AVERAGE_RATING,
  EXPIRED_TOKEN,
  GOOD_KEY,
  CLIENT_ID,
  CLIENT_SECRET,
  GOOD_REFRESH,
  REVOKED_REFRESH,
  GOOD_TOKEN,
  LOCATION_ID,
  PLACE,
  PLACE_ID,
  QUOTA_LOCATION,
  QUOTA_NO_RESET_LOCATION,
  QUOTA_REVIEW,
  TOTAL_REVIEW_COUNT,
  addGoogleRoutes,
} from '../fixtures/routes/google'
import {
  DEFAULT_BUSINESS_PROFILE_BASE_URL,
  GOOGLE_BUSINESS_TOKEN,
  GOOGLE_CLIENT_ID,
  GOOGLE_CLIENT_SECRET,
  GOOGLE_REFRESH_TOKEN,
  MAX_REPLY_BYTES,
  NOT_CONNECTED_MESSAGE,
  createGoogleBusinessConnector,
  replyToReview,
  starRatingToNumber,
  type Credentials,
  type GoogleBusinessConfig,
} from '../../src-main/sources/google/business-profile'
import {
  DEFAULT_PLACES_BASE_URL,
  GOOGLE_PLACES_KEY,
  PLACES_NOT_CONNECTED_MESSAGE,
  PLACES_TERMS_NOTE,
  createGooglePlacesConnector,
  type GooglePlacesConfig,
} from '../../src-main/sources/google/places'
import type { ConnectorContext } from '../../src-main/sources/connector'
import type { PoliteHttp, SendOptions } from '../../src-main/sources/http'
import { NOW, sourceError, testHttp } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
  addGoogleRoutes(server)
})
afterAll(() => server.close())

function ctx(): ConnectorContext {
  return { http: testHttp().http, now: () => new Date(NOW) }
}
function creds(values: Record<string, string | null>): Credentials & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    get: async (name) => {
      asked.push(name)
      return values[name] ?? null
    },
  }
}
const gbp = (token: string | null = GOOD_TOKEN) =>
  createGoogleBusinessConnector(creds({ [GOOGLE_BUSINESS_TOKEN]: token }))
const gbpConfig = (locationId = LOCATION_ID): GoogleBusinessConfig =>
  gbp().configSchema.parse({
    accountId: ACCOUNT_ID,
    locationId,
    baseUrl: server.url,
    allowPrivateNetwork: true,
  })
const reviewsPath = (locationId = LOCATION_ID) =>
  `/v4/accounts/${ACCOUNT_ID}/locations/${locationId}/reviews`
const requestsTo = (path: string) => server.requests.filter((r) => r.path === path)
const name = (id: string) => `accounts/${ACCOUNT_ID}/locations/${LOCATION_ID}/reviews/${id}`

/** The real PoliteHttp (send), counting the requests it makes. */
function putHttp(): PoliteHttp & { calls: number } {
  const inner = testHttp().http
  const h = {
    ...inner,
    calls: 0,
    send(url: string, o: SendOptions) {
      h.calls++
      return inner.send(url, o)
    },
  }
  return h
}

describe('Google Business Profile connector', () => {
  it('config: ids without slashes, http(s) baseUrl defaulting to the real host', () => {
    const schema = gbp().configSchema
    expect(schema.parse({ accountId: '1', locationId: '2' }).baseUrl).toBe(
      DEFAULT_BUSINESS_PROFILE_BASE_URL,
    )
    expect(DEFAULT_BUSINESS_PROFILE_BASE_URL).toBe('https://mybusiness.googleapis.com')
    expect(() => schema.parse({ accountId: '1/../2', locationId: '2' })).toThrow()
    expect(() => schema.parse({ accountId: '1', locationId: '2', baseUrl: 'file:///x' })).toThrow()
    expect(() => schema.parse({ locationId: '2' })).toThrow()
    expect(gbp().kind).toBe('google_business')
  })

  it('pages through nextPageToken with pageSize and orderBy=updateTime desc', async () => {
    const before = requestsTo(reviewsPath()).length
    const { items, updates } = await gbp().fetch(gbpConfig(), {}, ctx())
    const reqs = requestsTo(reviewsPath()).slice(before)
    expect(reqs).toHaveLength(2)
    const q = reqs.map((r) => new URLSearchParams(r.search))
    expect(q[0].get('pageToken')).toBeNull()
    expect(q[1].get('pageToken')).toBe('page-2')
    for (const p of q) {
      expect(p.get('pageSize')).toBe('50')
      expect(p.get('orderBy')).toBe('updateTime desc')
    }
    expect(items.map((i) => i.externalId)).toEqual(
      ['AbFvOqk1', 'AbFvOqk2', 'AbFvOqk3', 'AbFvOqk4', 'AbFvOqk5', 'AbFvOqk6'].map(name),
    )
    expect(updates).toBeUndefined()
  })

  it('maps review fields: name, reviewer, comment, times, existing reply', async () => {
    const { items } = await gbp().fetch(gbpConfig(), {}, ctx())
    const [first, replied, anonymous] = items
    expect(first).toMatchObject({
      externalId: name('AbFvOqk1'),
      url: null,
      text: 'Lovely nursery, my daughter is so happy here.',
      author: 'Parent AbFvOqk1',
      publishedAt: '2025-03-04T08:00:00.123Z',
    })
    expect(first.meta).toMatchObject({
      reviewId: 'AbFvOqk1',
      starRating: 5,
      starRatingEnum: 'FIVE',
      createTime: '2025-03-04T08:00:00.123Z',
      updateTime: '2025-03-04T08:00:00.123Z',
      reviewerAnonymous: false,
      reviewerPhotoUrl: 'https://lh3.googleusercontent.com/a/AbFvOqk1=s120',
      reviewReply: null,
    })
    expect((first.raw as { reviewId: string }).reviewId).toBe('AbFvOqk1')
    expect(replied.meta?.reviewReply).toEqual({
      comment: 'Thank you for telling us. Please contact the office so we can help.',
      updateTime: '2025-03-03T10:00:00.000Z',
    })
    expect(replied.publishedAt).toBe('2025-03-01T17:30:00.000Z')
    // Rating-only, anonymous: empty text, no photo.
    expect(anonymous.text).toBe('')
    expect(anonymous.author).toBe('A Google user')
    expect(anonymous.meta).toMatchObject({ reviewerAnonymous: true, reviewerPhotoUrl: null })
  })

  it('maps the StarRating enum ONE..FIVE to 1..5, anything else to null', async () => {
    expect(['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].map(starRatingToNumber)).toEqual([1, 2, 3, 4, 5])
    expect(starRatingToNumber('STAR_RATING_UNSPECIFIED')).toBeNull()
    expect(starRatingToNumber(5)).toBeNull()
    const { items } = await gbp().fetch(gbpConfig(), {}, ctx())
    expect(items.map((i) => i.meta?.starRating)).toEqual([5, 2, 3, 1, 4, null])
  })

  it('keeps averageRating/totalReviewCount in state, and a one-a-day rating history', async () => {
    const first = await gbp().fetch(gbpConfig(), {}, ctx())
    const rating = {
      averageRating: AVERAGE_RATING,
      totalReviewCount: TOTAL_REVIEW_COUNT,
      observedAt: new Date(NOW).toISOString(),
    }
    expect(first.state.rating).toEqual(rating)
    expect(first.state.ratingHistory).toEqual([rating])
    expect(first.state.watermark).toBe('2025-03-04T08:00:00.123Z')
    const again = await gbp().fetch(gbpConfig(), first.state, ctx())
    expect(again.state.ratingHistory).toEqual([rating])
  })

  it('a later run reads back only to the watermark: nothing new, one request', async () => {
    const first = await gbp().fetch(gbpConfig(), {}, ctx())
    const before = requestsTo(reviewsPath()).length
    const second = await gbp().fetch(gbpConfig(), first.state, ctx())
    expect(requestsTo(reviewsPath()).length - before).toBe(1)
    expect(second.items).toEqual([])
    expect(second.updates).toBeUndefined()
    expect(second.state.watermark).toBe(first.state.watermark)
  })

  it('a review written before the watermark but changed after it is an update', async () => {
    const { items, updates, state } = await gbp().fetch(
      gbpConfig(),
      { watermark: '2025-03-02T00:00:00.000Z' },
      ctx(),
    )
    expect(items.map((i) => i.externalId)).toEqual([name('AbFvOqk1')])
    expect(updates?.map((i) => i.externalId)).toEqual([name('AbFvOqk2')])
    expect(state.watermark).toBe('2025-03-04T08:00:00.123Z')
  })

  it('no stored token: auth error asking to reconnect, and no request is made', async () => {
    const before = server.requests.length
    const e = await sourceError(gbp(null).fetch(gbpConfig(), {}, ctx()))
    expect(e.code).toBe('auth')
    expect(e.message).toBe(NOT_CONNECTED_MESSAGE)
    expect(server.requests.length).toBe(before)
  })

  it('an expired token (401): auth error naming reconnect, token kept out of the error', async () => {
    const e = await sourceError(gbp(EXPIRED_TOKEN).fetch(gbpConfig(), {}, ctx()))
    expect(e.code).toBe('auth')
    expect(e.status).toBe(401)
    expect(e.message).toMatch(/^Google Business Profile sign-in has expired.*\(reconnect\)/)
    expect(e.message).toContain(`HTTP 401 from 127.0.0.1:${server.port}`)
    expect(`${e.url} ${e.message}`).not.toContain(EXPIRED_TOKEN)
    // The token travels in the Authorization header, never the URL.
    const req = requestsTo(reviewsPath()).at(-1)!
    expect(req.search).not.toContain('access_token')
    expect(req.headers.authorization).toMatch(/^Bearer /)
  })

  it('quota exhausted (429 RESOURCE_EXHAUSTED) with a reset time → rate_limited', async () => {
    const e = await sourceError(gbp().fetch(gbpConfig(QUOTA_LOCATION), {}, ctx()))
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterMs).toBe(3_600_000)
    expect(e.transient).toBe(true)
    expect(e.message).toBe(
      `Google Business Profile quota exhausted or rate limited (HTTP 429 from 127.0.0.1:${server.port}); try again after 2025-03-05T13:00:00Z`,
    )
    expect(e.url).not.toContain(GOOD_TOKEN)
  })

  it('quota exhausted without a reset time: retried politely, then rate_limited', async () => {
    const before = requestsTo(reviewsPath(QUOTA_NO_RESET_LOCATION)).length
    const { http, sleeps } = testHttp()
    const e = await sourceError(
      gbp().fetch(gbpConfig(QUOTA_NO_RESET_LOCATION), {}, { http, now: () => new Date(NOW) }),
    )
    expect(e.code).toBe('rate_limited')
    expect(e.retryAfterMs).toBeUndefined()
    expect(requestsTo(reviewsPath(QUOTA_NO_RESET_LOCATION)).length - before).toBe(3)
    expect(sleeps).toHaveLength(2)
  })
})

describe('Google Business Profile sign-in (refresh token)', () => {
  const oauthCreds = (refresh: string, secret = CLIENT_SECRET) =>
    creds({
      [GOOGLE_CLIENT_ID]: CLIENT_ID,
      [GOOGLE_CLIENT_SECRET]: secret,
      [GOOGLE_REFRESH_TOKEN]: refresh,
    })
  const withOauth = () => ({ ...gbpConfig(), oauthUrl: `${server.url}/token` })

  it('exchanges the refresh token once, then reuses the access token until it nearly expires', async () => {
    const before = server.hits('/token')
    const connector = createGoogleBusinessConnector()
    const run = { ...ctx(), credentials: oauthCreds(GOOD_REFRESH) }
    const { items } = await connector.fetch(withOauth(), {}, run)
    expect(items.length).toBeGreaterThan(0)
    expect(requestsTo(reviewsPath()).at(-1)!.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`)
    await connector.fetch(withOauth(), {}, run)
    expect(server.hits('/token')).toBe(before + 1)
  })

  it('a revoked refresh token or a wrong client secret says what to do, without the secret', async () => {
    const revoked = await sourceError(
      createGoogleBusinessConnector().fetch(
        withOauth(),
        {},
        {
          ...ctx(),
          credentials: oauthCreds(REVOKED_REFRESH),
        },
      ),
    )
    expect(revoked.code).toBe('auth')
    expect(revoked.message).toMatch(/invalid_grant.*expired or was revoked.*reconnect/)
    expect(revoked.message).not.toContain(REVOKED_REFRESH)
    const client = await sourceError(
      createGoogleBusinessConnector().fetch(
        withOauth(),
        {},
        {
          ...ctx(),
          credentials: oauthCreds(GOOD_REFRESH, 'wrong'),
        },
      ),
    )
    expect(client.message).toMatch(/invalid_client.*client ID or secret is wrong/)
  })

  it('nothing saved at all: not connected', async () => {
    const e = await sourceError(
      createGoogleBusinessConnector().fetch(withOauth(), {}, { ...ctx(), credentials: creds({}) }),
    )
    expect(e).toMatchObject({ code: 'auth', message: NOT_CONNECTED_MESSAGE })
  })
})

describe('replyToReview', () => {
  it('PUTs {comment} to {name}/reply with the Bearer token and returns the stored reply', async () => {
    const http = putHttp()
    const text = 'Thank you — please contact the office so we can help.'
    const posted = await replyToReview(http, gbpConfig(), GOOD_TOKEN, name('AbFvOqk2'), text)
    expect(posted).toEqual({ comment: text, updateTime: '2025-03-05T12:00:01.500Z' })
    const req = server.requests.at(-1)!
    expect(req.method).toBe('PUT')
    expect(req.path).toBe(`/v4/${name('AbFvOqk2')}/reply`)
    expect(req.search).toBe('')
    expect(req.headers.authorization).toBe(`Bearer ${GOOD_TOKEN}`)
  })

  it('refuses a reply over 4,096 UTF-8 bytes before sending; exactly 4,096 is fine', async () => {
    const http = putHttp()
    const euro = '€' // 3 bytes: the limit is bytes, not characters
    const tooLong = euro.repeat(1366) // 1,366 characters, 4,098 bytes
    const e = await sourceError(
      replyToReview(http, gbpConfig(), GOOD_TOKEN, name('AbFvOqk2'), tooLong),
    )
    expect(e.code).toBe('too_large')
    expect(e.message).toBe(
      'reply is 4098 bytes; Google allows at most 4096 bytes (UTF-8): shorten it by 2 bytes',
    )
    expect(http.calls).toBe(0)
    const exact = `${euro.repeat(1365)}a`
    expect(Buffer.byteLength(exact)).toBe(MAX_REPLY_BYTES)
    const ok = await replyToReview(http, gbpConfig(), GOOD_TOKEN, name('AbFvOqk2'), exact)
    expect(ok.comment).toBe(exact)
    expect(http.calls).toBe(1)
  })

  it('refuses an empty reply, or a review of another location', async () => {
    const http = putHttp()
    const empty = await sourceError(
      replyToReview(http, gbpConfig(), GOOD_TOKEN, name('AbFvOqk2'), '  '),
    )
    expect(empty.message).toBe('a reply cannot be empty')
    const other = await sourceError(
      replyToReview(http, gbpConfig(), GOOD_TOKEN, 'accounts/1/locations/2/reviews/x', 'Hi'),
    )
    expect(other.message).toMatch(/does not belong to location/)
    expect(http.calls).toBe(0)
  })

  it('missing or expired token → auth reconnect; quota → rate_limited with RetryInfo', async () => {
    const http = putHttp()
    const missing = await sourceError(
      replyToReview(http, gbpConfig(), null, name('AbFvOqk2'), 'Thanks'),
    )
    expect(missing).toMatchObject({ code: 'auth', message: NOT_CONNECTED_MESSAGE })
    expect(http.calls).toBe(0)
    const expired = await sourceError(
      replyToReview(http, gbpConfig(), EXPIRED_TOKEN, name('AbFvOqk2'), 'Thanks'),
    )
    expect(expired.code).toBe('auth')
    expect(expired.message).toMatch(/\(reconnect\) \(HTTP 401 from /)
    const quota = await sourceError(
      replyToReview(http, gbpConfig(), GOOD_TOKEN, name(QUOTA_REVIEW), 'Thanks'),
    )
    expect(quota.code).toBe('rate_limited')
    expect(quota.retryAfterMs).toBe(1_800_000)
    expect(quota.message).toMatch(/quota exhausted .*try again after 2025-03-05T12:30:00Z$/)
  })
})

describe('Google Places connector', () => {
  const places = (key: string | null = GOOD_KEY) =>
    createGooglePlacesConnector(creds({ [GOOGLE_PLACES_KEY]: key }))
  const config = (): GooglePlacesConfig =>
    places().configSchema.parse({
      placeId: PLACE_ID,
      baseUrl: server.url,
      allowPrivateNetwork: true,
    })

  it('config and terms note', () => {
    expect(places().kind).toBe('google_places')
    expect(places().configSchema.parse({ placeId: 'ChIJabc' }).baseUrl).toBe(
      DEFAULT_PLACES_BASE_URL,
    )
    expect(() => places().configSchema.parse({ placeId: 'a/b' })).toThrow()
    expect(PLACES_TERMS_NOTE).toMatch(/attribution/i)
    expect(PLACES_TERMS_NOTE).toMatch(/stor/i)
    expect(PLACES_TERMS_NOTE).toMatch(/at most 5 reviews/)
  })

  it('asks for the field mask, maps 5 reviews with attribution, keeps the rating in state', async () => {
    const { items, state } = await places().fetch(config(), {}, ctx())
    const req = server.requests.at(-1)!
    expect(req.path).toBe(`/v1/places/${PLACE_ID}`)
    expect(new URLSearchParams(req.search).get('fields')).toBe(
      'rating,userRatingCount,reviews,displayName,googleMapsUri',
    )
    expect(items).toHaveLength(5)
    const [first] = items
    const src = PLACE.reviews[0]
    expect(first).toMatchObject({
      externalId: src.name,
      url: src.googleMapsUri,
      text: 'Wonderful staff.',
      author: 'Reviewer 1',
      authorUrl: src.authorAttribution.uri,
      publishedAt: '2025-03-01T10:00:00.123Z',
    })
    expect(first.meta).toMatchObject({
      rating: 5,
      authorAttribution: src.authorAttribution,
      publishTime: '2025-03-01T10:00:00.123Z',
      placesTermsRestricted: true,
    })
    expect(items.map((i) => i.meta?.rating)).toEqual([5, 4, 1, 5, 3])
    const rating = {
      averageRating: 4.2,
      totalReviewCount: 37,
      observedAt: new Date(NOW).toISOString(),
    }
    expect(state).toMatchObject({
      rating,
      ratingHistory: [rating],
      displayName: "St Aldhelm's Pre-School",
      googleMapsUri: PLACE.googleMapsUri,
    })
  })

  it('missing key → auth (no request); refused key → auth reconnect with the key redacted', async () => {
    const before = server.requests.length
    const missing = await sourceError(places(null).fetch(config(), {}, ctx()))
    expect(missing).toMatchObject({ code: 'auth', message: PLACES_NOT_CONNECTED_MESSAGE })
    expect(server.requests.length).toBe(before)
    const bad = await sourceError(places('AIzaWrong').fetch(config(), {}, ctx()))
    expect(bad.code).toBe('auth')
    expect(bad.status).toBe(403)
    expect(bad.message).toMatch(/reconnect/)
    expect(`${bad.url} ${bad.message}`).not.toContain('AIzaWrong')
  })
})
