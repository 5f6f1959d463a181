/**
 * Runs in: main process and CLI (Node). Google reviews on the school's own verified Business
 * Profile listing (mybusiness v4): lists reviews newest-updated first and, as a capability the
 * approval workflow calls, posts the head-approved reply. Since Feb 2025 UK school listings lost
 * their reviews; nurseries, pre-schools and wraparound clubs keep them, hence this connector.
 *
 * Field names and endpoints follow the v4 reference (accounts.locations.reviews list and
 * updateReply, the Review resource). The OAuth token travels in the Authorization header, as
 * Google recommends, never in a URL (URLs reach logs and the source's last error).
 */
import { NO_CREDENTIALS } from '../credentials'
import type { Connector } from '../connector'
import { SourceError, hostOf } from '../errors'
import type { FetchedItem } from '../types'
import type { PoliteHttp } from '../http'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { DEFAULT_BUSINESS_PROFILE_BASE_URL, GoogleBusinessConfig } from '../../contract/connectors'
import { googleAccessToken, NOT_CONNECTED_MESSAGE, type TokenCache } from './oauth'
export {
  GOOGLE_BUSINESS_TOKEN,
  GOOGLE_CLIENT_ID,
  GOOGLE_CLIENT_SECRET,
  GOOGLE_REFRESH_TOKEN,
  NOT_CONNECTED_MESSAGE,
} from './oauth'
import {
  googleGetObject,
  isRecord,
  isoOrNull,
  parseGoogleError,
  parseJsonBody,
  resetPhrase,
  str,
  type Credentials,
} from './common'
import { encodePart } from '../payload'

export type { Credentials } from './common'

/** reviews.list allows at most 50 per page. */
export const PAGE_SIZE = 50
/** A first run on a busy listing stops here; later runs only read back to the watermark. */
export const MAX_PAGES = 20
/** ReviewReply.comment: "The maximum length is 4096 bytes." */
export const MAX_REPLY_BYTES = 4096
const RATING_HISTORY_CAP = 400

const WORDING = {
  service: 'Google Business Profile',
  auth: 'Google Business Profile sign-in has expired or lost access to this listing: sign in again (reconnect)',
}

export const googleBusinessConfigSchema = GoogleBusinessConfig
export type { GoogleBusinessConfig }
export { DEFAULT_BUSINESS_PROFILE_BASE_URL }

export interface RatingSnapshot {
  averageRating: number | null
  totalReviewCount: number | null
  observedAt: string
}

export interface GoogleBusinessState {
  /** Newest review updateTime seen: later runs stop reading once they pass it. */
  watermark?: string
  /** Reviews whose updateTime equals the watermark, so a tie is not reported twice. */
  atWatermark?: string[]
  /** The listing's rating on the last run. */
  rating?: RatingSnapshot
  /** One snapshot per UTC day (or on change), oldest first, capped: the rating history. */
  ratingHistory?: RatingSnapshot[]
}

const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 }

/** StarRating enum → 1..5; STAR_RATING_UNSPECIFIED or anything unknown → null. */
export function starRatingToNumber(v: unknown): number | null {
  return typeof v === 'string' ? (STARS[v] ?? null) : null
}

export function baseOf(config: { baseUrl: string }): string {
  return config.baseUrl.replace(/\/+$/, '')
}

export function reviewsUrl(config: GoogleBusinessConfig, pageToken?: string) {
  const u = new URL(
    `${baseOf(config)}/v4/accounts/${config.accountId}/locations/${config.locationId}/reviews`,
  )
  u.searchParams.set('pageSize', String(PAGE_SIZE))
  u.searchParams.set('orderBy', 'updateTime desc')
  if (pageToken) u.searchParams.set('pageToken', pageToken)
  return u.href
}

/** One Review resource → a FetchedItem; null when it has no name (nothing to dedup on). */
export function reviewToItem(review: unknown): FetchedItem | null {
  if (!isRecord(review)) return null
  const name = str(review.name)
  if (!name) return null
  const reviewer = isRecord(review.reviewer) ? review.reviewer : {}
  const reply = isRecord(review.reviewReply) ? review.reviewReply : null
  const anonymous = reviewer.isAnonymous === true
  return {
    externalId: name,
    // The API gives no public link to a single review.
    url: null,
    title: null,
    // A rating-only review has no comment.
    text: typeof review.comment === 'string' ? review.comment : '',
    author: str(reviewer.displayName),
    authorUrl: null,
    publishedAt: isoOrNull(review.createTime),
    raw: review,
    meta: {
      reviewId: str(review.reviewId),
      starRating: starRatingToNumber(review.starRating),
      starRatingEnum: str(review.starRating),
      createTime: isoOrNull(review.createTime),
      updateTime: isoOrNull(review.updateTime),
      reviewerAnonymous: anonymous,
      reviewerPhotoUrl: anonymous ? null : str(reviewer.profilePhotoUrl),
      // The school already answered: the inbox shows it instead of asking for a draft.
      reviewReply: reply
        ? { comment: str(reply.comment) ?? '', updateTime: isoOrNull(reply.updateTime) }
        : null,
    },
  }
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** Appends a snapshot when the day or the figures changed, keeping the newest entries. */
export function appendRatingHistory(
  history: RatingSnapshot[] | undefined,
  snap: RatingSnapshot,
): RatingSnapshot[] {
  const list = Array.isArray(history) ? [...history] : []
  const last = list.at(-1)
  const sameDay = last?.observedAt.slice(0, 10) === snap.observedAt.slice(0, 10)
  const same =
    last?.averageRating === snap.averageRating && last?.totalReviewCount === snap.totalReviewCount
  if (last && sameDay && same) return list
  list.push(snap)
  return list.slice(-RATING_HISTORY_CAP)
}

export function createGoogleBusinessConnector(
  credentials: Credentials = NO_CREDENTIALS,
): Connector<GoogleBusinessConfig> {
  // Access tokens last an hour: kept in memory between runs, never in the source's state.
  const tokens: TokenCache = new Map()
  return {
    kind: 'google_business',
    configSchema: googleBusinessConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.google_business,
    async fetch(config, state, ctx) {
      const token = await googleAccessToken(
        ctx.credentials ?? credentials,
        ctx.http,
        config.oauthUrl,
        config.allowPrivateNetwork,
        tokens,
        ctx.signal,
      )
      const prev = state as GoogleBusinessState
      const watermark = typeof prev.watermark === 'string' ? prev.watermark : null
      const seenAtMark = new Set(Array.isArray(prev.atWatermark) ? prev.atWatermark : [])
      const items: FetchedItem[] = []
      const updates: FetchedItem[] = []
      let rating: RatingSnapshot | null = null
      let newest: string | null = null
      let pageToken: string | undefined
      let pages = 0
      reading: do {
        const url = reviewsUrl(config, pageToken)
        const body = await googleGetObject(
          ctx.http,
          url,
          {
            allowPrivateNetwork: config.allowPrivateNetwork,
            signal: ctx.signal,
            headers: { authorization: `Bearer ${token}` },
          },
          WORDING,
          'reviews',
        )
        // Every page repeats the location totals; the first page's are as fresh as any.
        rating ??= {
          averageRating: numberOrNull(body.averageRating),
          totalReviewCount: numberOrNull(body.totalReviewCount),
          observedAt: ctx.now().toISOString(),
        }
        for (const review of Array.isArray(body.reviews) ? body.reviews : []) {
          const item = reviewToItem(review)
          if (!item) continue
          const updated = (item.meta?.updateTime as string | null) ?? null
          if (updated && (newest === null || updated > newest)) newest = updated
          if (watermark && updated) {
            // Ordered by updateTime desc: everything from here on was read last time.
            if (updated < watermark) break reading
            if (updated === watermark && seenAtMark.has(item.externalId)) continue
          }
          const created = (item.meta?.createTime as string | null) ?? null
          // Written before the last run but changed since: an edit, or a reply posted.
          if (watermark && created && created <= watermark) updates.push(item)
          else items.push(item)
        }
        pageToken = str(body.nextPageToken) ?? undefined
        pages++
      } while (pageToken && pages < MAX_PAGES)

      const mark = newest && (!watermark || newest > watermark) ? newest : watermark
      const atMark = [...items, ...updates]
        .filter((i) => i.meta?.updateTime === mark)
        .map((i) => i.externalId)
      const next: GoogleBusinessState = {}
      if (mark) {
        next.watermark = mark
        next.atWatermark = mark === watermark ? [...new Set([...seenAtMark, ...atMark])] : atMark
      }
      if (rating) {
        next.rating = rating
        next.ratingHistory = appendRatingHistory(prev.ratingHistory, rating)
      }
      return {
        items,
        state: { ...next },
        notModified: false,
        ...(updates.length ? { updates } : {}),
      }
    },
  }
}

// ---- Posting the approved reply ------------------------------------------------------------

export interface PostedReply {
  comment: string
  updateTime: string | null
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * Checks a reply before anything is sent: not empty, at most 4,096 UTF-8 bytes (Google's limit
 * is bytes, so an emoji or accented name costs more than one), and for a review of this
 * source's own location.
 */
export function validateReply(
  config: GoogleBusinessConfig,
  reviewName: string,
  text: string,
): void {
  const prefix = `accounts/${config.accountId}/locations/${config.locationId}/reviews/`
  const here = baseOf(config)
  if (!reviewName.startsWith(prefix) || !/^[^/?#\s]+$/.test(reviewName.slice(prefix.length))) {
    throw new SourceError(
      'parse',
      `review ${reviewName} does not belong to location ${config.locationId}`,
      here,
    )
  }
  if (!text.trim()) throw new SourceError('parse', 'a reply cannot be empty', here)
  const bytes = utf8Bytes(text)
  if (bytes > MAX_REPLY_BYTES) {
    throw new SourceError(
      'too_large',
      `reply is ${bytes} bytes; Google allows at most ${MAX_REPLY_BYTES} bytes (UTF-8): shorten it by ${bytes - MAX_REPLY_BYTES} bytes`,
      here,
    )
  }
}

/**
 * Creates or replaces the owner's reply to a review (PUT {name}/reply with {comment}).
 * Called by the approval workflow after the head approves; never by the poller.
 */
export async function replyToReview(
  http: PoliteHttp,
  config: GoogleBusinessConfig,
  token: string | null,
  reviewName: string,
  text: string,
  signal?: AbortSignal,
): Promise<PostedReply> {
  validateReply(config, reviewName, text)
  const url = `${baseOf(config)}/v4/${reviewName.split('/').map(encodePart).join('/')}/reply`
  if (!token) throw new SourceError('auth', NOT_CONNECTED_MESSAGE, url)
  // PUT is idempotent here (it creates or replaces the one reply), but send() still makes one
  // attempt: the workflow shows the error and the ORM lead decides whether to try again.
  const res = await http.send(url, {
    method: 'PUT',
    body: JSON.stringify({ comment: text }),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      authorization: `Bearer ${token}`,
    },
    allowPrivateNetwork: config.allowPrivateNetwork,
    signal,
  })
  const host = hostOf(url)
  if (res.status === 401 || res.status === 403) {
    throw new SourceError('auth', `${WORDING.auth} (HTTP ${res.status} from ${host})`, url, {
      status: res.status,
    })
  }
  if (res.status < 200 || res.status > 299) {
    const info = parseGoogleError(res.body)
    if (res.status === 429 || info.status === 'RESOURCE_EXHAUSTED') {
      const header = Number(res.headers['retry-after'])
      const wait = Number.isFinite(header) && header >= 0 ? header * 1000 : info.retryAfterMs
      throw new SourceError(
        'rate_limited',
        `${WORDING.service} quota exhausted (HTTP ${res.status} from ${host})` +
          resetPhrase(wait ?? undefined, http.now()),
        url,
        { status: res.status, ...(wait !== null ? { retryAfterMs: wait } : {}) },
      )
    }
    const why = info.message ? `: ${info.message}` : ''
    throw new SourceError('http_status', `HTTP ${res.status} from ${host}${why}`, url, {
      status: res.status,
    })
  }
  const body = parseJsonBody(res.body, url, WORDING.service)
  if (!isRecord(body)) throw new SourceError('parse', `unexpected reply answer from ${host}`, url)
  return {
    comment: typeof body.comment === 'string' ? body.comment : text,
    updateTime: isoOrNull(body.updateTime),
  }
}
