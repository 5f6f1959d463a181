// Runs in: CLI (Node). The demo school's Google listing: the OAuth token endpoint (refresh_token grant),
// Business Profile v4 reviews.list (50 a page, updateTime desc, with the location's averageRating and
// totalReviewCount) and updateReply, and Places API (New) Place Details (rating, userRatingCount and
// the 5 newest reviews with authorAttribution). Errors use Google's {error: {code, message, status}}.
import { DEMO_ACCESS_TOKEN, DEMO_SECRETS } from '../credentials'
import { DEMO_ACCOUNTS, DEMO_SCHOOL_NAME } from '../school'
import type { DemoContent, DemoReview } from '../types'
import { bearer, json, published, readBody, type DemoRoute, type DemoView } from './http'

const STAR_ENUM = ['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'] as const
const PAGE_SIZE = 50

const googleError = (code: number, status: string, message: string) => ({
  error: { code, message, status, details: [] },
})

export interface GoogleState {
  /** Replies the demo posted, by review id. */
  replies: Map<string, { comment: string; updateTime: string }>
}

function reviewName(id: string): string {
  return `accounts/${DEMO_ACCOUNTS.googleAccountId}/locations/${DEMO_ACCOUNTS.googleLocationId}/reviews/${id}`
}

function toReview(r: DemoReview, state: GoogleState, now: string) {
  const own =
    r.reply && r.reply.at <= now ? { comment: r.reply.comment, updateTime: r.reply.at } : null
  const reply = state.replies.get(r.id) ?? own
  return {
    name: reviewName(r.id),
    reviewId: r.id,
    reviewer: r.anonymous
      ? { displayName: 'A Google user', isAnonymous: true }
      : {
          profilePhotoUrl: `https://lh3.googleusercontent.example/a/${r.id}=s120`,
          displayName: r.author,
          isAnonymous: false,
        },
    starRating: STAR_ENUM[r.stars],
    comment: r.text,
    createTime: r.at,
    updateTime: reply && reply.updateTime > r.at ? reply.updateTime : r.at,
    ...(reply ? { reviewReply: reply } : {}),
  }
}

export function averageOf(reviews: DemoReview[]): number {
  if (!reviews.length) return 0
  return Math.round((reviews.reduce((a, r) => a + r.stars, 0) / reviews.length) * 10) / 10
}

export function googleRoutes(c: DemoContent, state: GoogleState, view: DemoView): DemoRoute[] {
  const reviewsPath = new RegExp(
    `^/v4/accounts/${DEMO_ACCOUNTS.googleAccountId}/locations/${DEMO_ACCOUNTS.googleLocationId}/reviews(?:/([^/]+)/reply)?$`,
  )
  return [
    {
      match: '/token',
      handler: async (req, res) => {
        const form = new URLSearchParams(await readBody(req))
        if (req.method !== 'POST' || form.get('grant_type') !== 'refresh_token')
          return json(res, 400, { error: 'unsupported_grant_type' })
        if (
          form.get('client_id') !== DEMO_SECRETS['google_business.client_id'] ||
          form.get('client_secret') !== DEMO_SECRETS['google_business.client_secret']
        )
          return json(res, 401, { error: 'invalid_client' })
        if (form.get('refresh_token') !== DEMO_SECRETS['google_business.refresh_token'])
          return json(res, 400, { error: 'invalid_grant' })
        json(res, 200, {
          access_token: DEMO_ACCESS_TOKEN,
          expires_in: 3599,
          scope: 'https://www.googleapis.com/auth/business.manage',
          token_type: 'Bearer',
        })
      },
    },
    {
      match: reviewsPath,
      handler: async (req, res, url) => {
        if (bearer(req) !== DEMO_ACCESS_TOKEN)
          return json(
            res,
            401,
            googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
          )
        const replyTo = reviewsPath.exec(url.pathname)?.[1]
        if (replyTo !== undefined) {
          if (req.method !== 'PUT')
            return json(res, 405, googleError(405, 'INVALID_ARGUMENT', 'PUT only'))
          if (!c.reviews.some((r) => r.id === replyTo))
            return json(res, 404, googleError(404, 'NOT_FOUND', 'Requested entity was not found.'))
          const body = JSON.parse(await readBody(req)) as { comment?: unknown }
          const reply = { comment: String(body.comment ?? ''), updateTime: view.now }
          state.replies.set(replyTo, reply)
          return json(res, 200, reply)
        }
        const all = published(c.reviews, view.now)
          .map((r) => toReview(r, state, view.now))
          .sort((a, b) => b.updateTime.localeCompare(a.updateTime))
        const offset = Number(/^p(\d+)$/.exec(url.searchParams.get('pageToken') ?? '')?.[1] ?? 0)
        const size = Math.min(PAGE_SIZE, Number(url.searchParams.get('pageSize') ?? PAGE_SIZE))
        const page = all.slice(offset, offset + size)
        json(res, 200, {
          reviews: page,
          // A listing with no reviews yet has no average: Google leaves the field out.
          ...(all.length ? { averageRating: averageOf(published(c.reviews, view.now)) } : {}),
          totalReviewCount: all.length,
          ...(offset + size < all.length ? { nextPageToken: `p${offset + size}` } : {}),
        })
      },
    },
    {
      match: /^\/v1\/places\/[^/]+$/,
      handler: (req, res, url) => {
        const key = url.searchParams.get('key') ?? req.headers['x-goog-api-key']
        if (key !== DEMO_SECRETS['google_places.api_key'])
          return json(
            res,
            403,
            googleError(403, 'PERMISSION_DENIED', 'The provided API key is invalid.'),
          )
        if (!url.searchParams.get('fields') && !req.headers['x-goog-fieldmask'])
          return json(res, 400, googleError(400, 'INVALID_ARGUMENT', 'FieldMask is required'))
        if (url.pathname !== `/v1/places/${DEMO_ACCOUNTS.placeId}`)
          return json(res, 404, googleError(404, 'NOT_FOUND', 'Place not found.'))
        const reviews = published(c.reviews, view.now)
        json(res, 200, {
          ...(reviews.length
            ? { rating: averageOf(reviews), userRatingCount: reviews.length }
            : {}),
          displayName: { text: DEMO_SCHOOL_NAME, languageCode: 'en' },
          googleMapsUri: 'https://maps.google.com/?cid=4200000000000000042',
          reviews: reviews
            .slice(-5)
            .reverse()
            .map((r) => ({
              name: `places/${DEMO_ACCOUNTS.placeId}/reviews/${r.id}`,
              relativePublishTimeDescription: 'recently',
              rating: r.stars,
              text: { text: r.text, languageCode: 'en' },
              originalText: { text: r.text, languageCode: 'en' },
              authorAttribution: {
                displayName: r.anonymous ? 'A Google user' : r.author,
                uri: `https://www.google.com/maps/contrib/${r.id}/reviews`,
                photoUri: `https://lh3.googleusercontent.example/a-/${r.id}=s128`,
              },
              publishTime: r.at,
              googleMapsUri: `https://www.google.com/maps/reviews/data=${r.id}`,
            })),
        })
      },
    },
  ]
}
