/**
 * Runs in: main process and CLI (Node). X (Twitter) API v2 recent search with an app bearer
 * token. X charges per post read, so the connector reads little (since_id, a page cap), stops as
 * soon as the rate-limit headers say the window is spent, and keeps a month-to-date count of
 * posts read in its state so settings can show the cost.
 *
 * Field names follow docs.x.com: GET /2/tweets/search/recent (query, max_results, since_id,
 * next_token, tweet.fields, expansions, user.fields); the answer has `data`, `includes.users`,
 * `meta.newest_id`, `meta.next_token`, `meta.result_count`; x-rate-limit-limit / -remaining /
 * -reset (Unix seconds) on every answer, and 429 when the window is spent.
 */
import { NO_CREDENTIALS, requireCredential } from '../credentials'
import type { Connector } from '../connector'
import type { Credentials } from '../credentials'
import { SourceError, hostOf } from '../errors'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { DEFAULT_X_API, XConfig } from '../../contract/connectors'
import { searchNames } from '../search-names'
import { authedRequest, parseJson } from '../social/authed-request'
import { arrayOr, idOrNull, objectOr, textOrNull } from '../payload'

/** X's documented limit for a recent-search query on the standard tiers. */
export const X_QUERY_MAX_CHARS = 512
export const X_BEARER_CREDENTIAL = 'x.bearerToken'
const SEARCH_PATH = '/2/tweets/search/recent'

export const xConfigSchema = XConfig
export type { XConfig }
export { DEFAULT_X_API }

export interface XRateLimit {
  limit: number | null
  remaining: number
  /** Epoch ms. */
  resetAt: number
}

export interface XState {
  sinceId?: string
  /**
   * A run cut short (page cap, rate limit) leaves older pages unread. Moving since_id to the
   * newest post would skip them for good, so we keep the token and finish them next run.
   */
  resume?: { nextToken: string; newestId: string }
  /** 'YYYY-MM' (UTC) the count below belongs to. */
  month?: string
  postsReadThisMonth?: number
  rateLimit?: XRateLimit
  /** This run's posts read at this price, as if every run in a 30-day month were the same. */
  projectedMonthlyUsd?: number
}

/**
 * The X search query: the school's names as exact phrases, OR'd; each exclusion as -"phrase";
 * no retweets (a retweet is the same words again, and billed again); English only.
 */
export function buildXQuery(aliases: string[], exclusions: string[] = []): string {
  const phrase = (s: string) => `"${s.replace(/"/g, '').replace(/\s+/g, ' ').trim()}"`
  const names = [...new Set(aliases.map(phrase))].filter((p) => p !== '""')
  if (names.length === 0) {
    throw new SourceError('parse', 'X search needs at least one name for the school', 'x:query')
  }
  const excluded = [...new Set(exclusions.map(phrase))].filter((p) => p !== '""')
  const group = names.length > 1 ? `(${names.join(' OR ')})` : names[0]
  const query = [group, ...excluded.map((e) => `-${e}`), '-is:retweet', 'lang:en'].join(' ')
  if (query.length > X_QUERY_MAX_CHARS) {
    throw new SourceError(
      'parse',
      `the X search query is ${query.length} characters; X allows ${X_QUERY_MAX_CHARS}. ` +
        'Remove some names or exclusions for this source.',
      'x:query',
    )
  }
  return query
}

/**
 * Posts read (billed) in a month if every run reads as many as this one. A 30-day month: the
 * figure is a planning estimate, not an invoice.
 */
export function estimateMonthlyCost(
  postsReadPerRun: number,
  runsPerDay: number,
  pricePerPostUsd: number,
): { postsPerMonth: number; usd: number } {
  for (const [name, v] of [
    ['postsReadPerRun', postsReadPerRun],
    ['runsPerDay', runsPerDay],
    ['pricePerPostUsd', pricePerPostUsd],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a number ≥ 0`)
  }
  const postsPerMonth = Math.round(postsReadPerRun * runsPerDay * 30)
  return { postsPerMonth, usd: Math.round(postsPerMonth * pricePerPostUsd * 100) / 100 }
}

interface XUser {
  id: string
  username?: string
  name?: string
}
interface XTweet {
  id: string
  text?: string
  created_at?: string
  author_id?: string
  lang?: string
  conversation_id?: string
  public_metrics?: Record<string, number>
}
interface XSearchResponse {
  data?: XTweet[]
  includes?: { users?: XUser[] }
  meta?: { newest_id?: string; oldest_id?: string; next_token?: string; result_count?: number }
  errors?: Array<{ message?: string; detail?: string; title?: string }>
}

function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7)
}

function readRateLimit(headers: Record<string, string>): XRateLimit | null {
  const remaining = Number(headers['x-rate-limit-remaining'])
  const reset = Number(headers['x-rate-limit-reset'])
  if (headers['x-rate-limit-remaining'] === undefined || !Number.isFinite(remaining)) return null
  if (!Number.isFinite(reset)) return null
  const limit = Number(headers['x-rate-limit-limit'])
  return { limit: Number.isFinite(limit) ? limit : null, remaining, resetAt: reset * 1000 }
}

function rateLimited(url: string, resetAt: number, nowMs: number): SourceError {
  const retryAfterMs = Math.max(0, resetAt - nowMs)
  return new SourceError(
    'rate_limited',
    `X rate limit reached; it resets in ${Math.ceil(retryAfterMs / 1000)} s`,
    url,
    { status: 429, retryAfterMs },
  )
}

function errorDetail(body: string): string {
  try {
    const j = JSON.parse(body) as {
      detail?: string
      title?: string
      errors?: XSearchResponse['errors']
    }
    const e = j.errors?.[0]
    return j.detail ?? j.title ?? e?.message ?? e?.detail ?? ''
  } catch {
    return ''
  }
}

function toItem(t: XTweet, users: Map<string, XUser>): FetchedItem {
  const authorId = idOrNull(t.author_id)
  const user = authorId ? users.get(authorId) : undefined
  // Only a real handle goes into a link: anything else would make a broken or foreign address.
  const username =
    typeof user?.username === 'string' && /^\w{1,50}$/.test(user.username) ? user.username : null
  const created = typeof t.created_at === 'string' ? new Date(t.created_at) : null
  return {
    externalId: t.id,
    url: username
      ? `https://x.com/${username}/status/${t.id}`
      : `https://x.com/i/web/status/${t.id}`,
    title: null,
    text: textOrNull(t.text) ?? '',
    author: username ? `@${username}` : null,
    authorUrl: username ? `https://x.com/${username}` : null,
    publishedAt: created && !Number.isNaN(created.getTime()) ? created.toISOString() : null,
    raw: { tweet: t, user: user ?? null },
    meta: {
      authorId,
      authorName: textOrNull(user?.name),
      lang: textOrNull(t.lang),
      conversationId: textOrNull(t.conversation_id),
      publicMetrics: t.public_metrics ?? null,
    },
  }
}

export function createXConnector(credentials: Credentials = NO_CREDENTIALS): Connector<XConfig> {
  return {
    kind: 'x',
    configSchema: xConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.x,
    async fetch(config, state, ctx) {
      const prev = state as XState
      const endpoint = new URL(SEARCH_PATH, config.baseUrl).href
      const now = ctx.now()
      // A window we know is spent: asking again costs a request and answers 429 anyway.
      if (
        prev.rateLimit &&
        prev.rateLimit.remaining <= 0 &&
        prev.rateLimit.resetAt > now.getTime()
      ) {
        throw rateLimited(endpoint, prev.rateLimit.resetAt, now.getTime())
      }
      const token = await requireCredential(
        ctx.credentials ?? credentials,
        X_BEARER_CREDENTIAL,
        'no X bearer token saved: reconnect X in settings',
        endpoint,
      )
      const { aliases, exclusions } = searchNames(config, ctx, endpoint)
      const query = buildXQuery(aliases, exclusions)
      const items: FetchedItem[] = []
      let newestId: string | undefined = prev.resume?.newestId
      let nextToken: string | undefined = prev.resume?.nextToken
      let rateLimit: XRateLimit | undefined
      let postsRead = 0
      for (let page = 0; page < config.maxPagesPerRun; page++) {
        const url = new URL(endpoint)
        const p = url.searchParams
        p.set('query', query)
        p.set('max_results', String(config.maxResults))
        p.set('tweet.fields', 'created_at,author_id,lang,public_metrics,conversation_id')
        p.set('expansions', 'author_id')
        p.set('user.fields', 'username,name')
        if (prev.sinceId) p.set('since_id', prev.sinceId)
        if (nextToken) p.set('next_token', nextToken)
        const res = await authedRequest(ctx.http, url.href, {
          bearer: token,
          allowPrivateNetwork: config.allowPrivateNetwork,
          signal: ctx.signal,
        })
        rateLimit = readRateLimit(res.headers) ?? rateLimit
        if (res.status === 401 || res.status === 403) {
          const detail = errorDetail(res.body)
          throw new SourceError(
            'auth',
            `X refused the bearer token (HTTP ${res.status}${detail ? `: ${detail}` : ''}): reconnect X in settings`,
            url.href,
            { status: res.status },
          )
        }
        if (res.status === 429) {
          const resetAt = rateLimit?.resetAt ?? now.getTime() + 15 * 60_000
          throw rateLimited(url.href, resetAt, now.getTime())
        }
        if (res.status < 200 || res.status > 299) {
          const detail = errorDetail(res.body)
          throw new SourceError(
            'http_status',
            `HTTP ${res.status} from ${hostOf(url.href)}${detail ? ` (${detail})` : ''}`,
            url.href,
            { status: res.status },
          )
        }
        const body = objectOr(parseJson(res.body, url.href, hostOf(url.href))) as XSearchResponse
        const tweets = arrayOr(body.data) as XTweet[]
        const users = new Map<string, XUser>()
        for (const u of arrayOr(objectOr(body.includes).users) as XUser[]) {
          if (u && typeof u.id === 'string') users.set(u.id, u)
        }
        for (const t of tweets) if (t && idOrNull(t.id)) items.push(toItem(t, users))
        const meta = objectOr(body.meta)
        // A page holds at most 100 posts: any other count is not one to bill or project from.
        const count = meta.result_count
        postsRead +=
          Number.isSafeInteger(count) && (count as number) >= 0 && (count as number) <= 1000
            ? (count as number)
            : tweets.length
        // The first page holds the newest post of the whole result set.
        newestId ??= idOrNull(meta.newest_id) ?? undefined
        nextToken = idOrNull(meta.next_token) ?? undefined
        if (!nextToken) break
        // Out of requests in this window: keep what we have rather than earn a 429.
        if (rateLimit && rateLimit.remaining <= 0) break
      }
      const month = monthOf(now)
      const before = prev.month === month ? (prev.postsReadThisMonth ?? 0) : 0
      const runsPerDay = (24 * 60) / DEFAULT_INTERVAL_MINUTES.x
      const next: XState = {
        month,
        postsReadThisMonth: before + postsRead,
        projectedMonthlyUsd: estimateMonthlyCost(postsRead, runsPerDay, config.pricePerPostUsd).usd,
      }
      if (nextToken && newestId) {
        next.resume = { nextToken, newestId }
        if (prev.sinceId) next.sinceId = prev.sinceId
      } else {
        const sinceId = newestId ?? prev.sinceId
        if (sinceId) next.sinceId = sinceId
      }
      if (rateLimit) next.rateLimit = rateLimit
      return { items, state: { ...next }, notModified: false }
    },
  }
}
