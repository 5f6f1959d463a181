/**
 * Runs in: main process and CLI (Node). Bluesky search, signed in: searchPosts may need an
 * authenticated session on the school's PDS (which proxies it to the app view), and logged-out
 * clients do not get follow-up pages. We sign in with the school's handle and an app password
 * (never their main password), keep the session tokens in memory only, and refresh on expiry.
 *
 * Shapes follow the atproto lexicons: com.atproto.server.createSession {identifier, password} →
 * {accessJwt, refreshJwt, handle, did}; com.atproto.server.refreshSession (auth with refreshJwt);
 * app.bsky.feed.searchPosts (q, sort, since, limit 1–100, cursor) → {cursor?, hitsTotal?, posts:
 * postView[]}; postView {uri, cid, author {did, handle, displayName}, record {text, createdAt},
 * indexedAt}; errors are {error, message}, e.g. ExpiredToken.
 */
import type { Connector } from '../connector'
import { NO_CREDENTIALS, type Credentials } from '../credentials'
import { SourceError, hostOf } from '../errors'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { BlueskyConfig, DEFAULT_BLUESKY_PDS } from '../../contract/connectors'
import { searchNames } from '../search-names'
import { parseRetryAfter } from '../http/retry'
import { authedRequest, parseJson, type AuthedResponse } from '../social/authed-request'
import { encodePart, idOrNull, objectOr, textOrNull } from '../payload'

export const BLUESKY_HANDLE_CREDENTIAL = 'bluesky.handle'
export const BLUESKY_APP_PASSWORD_CREDENTIAL = 'bluesky.appPassword'

export const blueskyConfigSchema = BlueskyConfig
export type { BlueskyConfig }
export { DEFAULT_BLUESKY_PDS }

export interface BlueskyState {
  /** Newest indexedAt seen (ISO): the next run asks only for posts since then. */
  since?: string
}

interface Session {
  accessJwt: string
  refreshJwt: string
}

interface PostView {
  uri: string
  cid?: string
  author?: { did?: string; handle?: string; displayName?: string }
  record?: { text?: string; createdAt?: string }
  indexedAt?: string
}

/** at://did/app.bsky.feed.post/rkey → https://bsky.app/profile/handle/post/rkey */
export function blueskyPermalink(uri: string, handleOrDid: string | null): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri)
  if (!m) return null
  const who = handleOrDid && handleOrDid !== 'handle.invalid' ? handleOrDid : m[1]
  return `https://bsky.app/profile/${encodePart(who)}/post/${encodePart(m[2])}`
}

const postText = (p: PostView): string => textOrNull(objectOr(p.record).text) ?? ''

function isoOrNull(s: unknown): string | null {
  if (!s || typeof s !== 'string') return null
  const d = new Date(s)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

function toItem(p: PostView): FetchedItem {
  const author = objectOr(p.author)
  const handle = idOrNull(author.handle)
  return {
    externalId: p.uri,
    url: blueskyPermalink(p.uri, handle ?? idOrNull(author.did)),
    title: null,
    text: postText(p),
    author: handle ? `@${handle}` : null,
    authorUrl: handle ? `https://bsky.app/profile/${encodePart(handle)}` : null,
    // The author's own createdAt can be anything the client sent; indexedAt is the fallback.
    publishedAt: isoOrNull(objectOr(p.record).createdAt) ?? isoOrNull(p.indexedAt),
    raw: p,
    meta: {
      displayName: textOrNull(author.displayName),
      did: textOrNull(author.did),
      indexedAt: textOrNull(p.indexedAt),
    },
  }
}

function xrpcError(res: AuthedResponse): { error: string; message: string } {
  try {
    const j = JSON.parse(res.body) as { error?: unknown; message?: unknown }
    return {
      error: typeof j.error === 'string' ? j.error : '',
      message: typeof j.message === 'string' ? j.message : '',
    }
  } catch {
    return { error: '', message: '' }
  }
}

function reconnect(url: string, why: string, status?: number): SourceError {
  return new SourceError(
    'auth',
    `Bluesky sign-in failed (${why}): reconnect Bluesky in settings`,
    url,
    status === undefined ? {} : { status },
  )
}

function statusError(res: AuthedResponse, url: string, nowMs: number): SourceError {
  const { error, message } = xrpcError(res)
  if (res.status === 429) {
    // atproto servers send RateLimit-Reset (Unix seconds); honour Retry-After if given instead.
    const retry = parseRetryAfter(res.headers['retry-after'] ?? null, nowMs)
    const reset = Number(res.headers['ratelimit-reset'])
    const retryAfterMs =
      retry ?? (Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) : 60_000)
    return new SourceError(
      'rate_limited',
      `Bluesky rate limit reached; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
      url,
      { status: 429, retryAfterMs },
    )
  }
  const detail = [error, message].filter(Boolean).join(': ')
  return new SourceError(
    'http_status',
    `HTTP ${res.status} from ${hostOf(url)}${detail ? ` (${detail})` : ''}`,
    url,
    { status: res.status },
  )
}

const isExpired = (res: AuthedResponse) =>
  (res.status === 400 || res.status === 401) && xrpcError(res).error === 'ExpiredToken'

export function createBlueskyConnector(
  credentials: Credentials = NO_CREDENTIALS,
): Connector<BlueskyConfig> {
  // Tokens stay in memory: the state is plain JSON persisted with the source.
  const sessions = new Map<string, Session>()

  return {
    kind: 'bluesky',
    configSchema: blueskyConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.bluesky,
    async fetch(config, state, ctx) {
      const prev = state as BlueskyState
      const xrpc = (nsid: string) => new URL(`/xrpc/${nsid}`, config.baseUrl).href
      const base = { allowPrivateNetwork: config.allowPrivateNetwork, signal: ctx.signal }
      const nowMs = () => ctx.now().getTime()

      const creds = ctx.credentials ?? credentials
      const handle = (await creds.get(BLUESKY_HANDLE_CREDENTIAL))?.trim()
      const password = (await creds.get(BLUESKY_APP_PASSWORD_CREDENTIAL))?.trim()
      const createUrl = xrpc('com.atproto.server.createSession')
      if (!handle || !password) throw reconnect(createUrl, 'no handle or app password saved')
      const key = `${config.baseUrl} ${handle}`

      async function createSession(): Promise<Session> {
        const res = await authedRequest(ctx.http, createUrl, {
          ...base,
          method: 'POST',
          json: { identifier: handle, password },
        })
        if (res.status === 401 || res.status === 400) {
          const { error, message } = xrpcError(res)
          throw reconnect(createUrl, message || error || `HTTP ${res.status}`, res.status)
        }
        if (res.status < 200 || res.status > 299) throw statusError(res, createUrl, nowMs())
        return readSession(res, createUrl)
      }

      async function refreshSession(s: Session): Promise<Session> {
        const url = xrpc('com.atproto.server.refreshSession')
        const res = await authedRequest(ctx.http, url, {
          ...base,
          method: 'POST',
          bearer: s.refreshJwt,
        })
        // A refresh token expires too (or was revoked): sign in again from the app password.
        if (res.status === 400 || res.status === 401) return createSession()
        if (res.status < 200 || res.status > 299) throw statusError(res, url, nowMs())
        return readSession(res, url)
      }

      function readSession(res: AuthedResponse, url: string): Session {
        const j = objectOr(parseJson(res.body, url, hostOf(url))) as Partial<Session>
        if (typeof j.accessJwt !== 'string' || typeof j.refreshJwt !== 'string') {
          throw new SourceError('parse', `${hostOf(url)} sent a session without tokens`, url)
        }
        const s = { accessJwt: j.accessJwt, refreshJwt: j.refreshJwt }
        sessions.set(key, s)
        return s
      }

      let session = sessions.get(key) ?? (await createSession())

      async function search(url: string): Promise<AuthedResponse> {
        let res = await authedRequest(ctx.http, url, { ...base, bearer: session.accessJwt })
        if (isExpired(res)) {
          session = await refreshSession(session)
          res = await authedRequest(ctx.http, url, { ...base, bearer: session.accessJwt })
        }
        if (res.status === 401) {
          sessions.delete(key)
          throw reconnect(url, xrpcError(res).message || 'HTTP 401', 401)
        }
        return res
      }

      const names = searchNames(config, ctx, xrpc('app.bsky.feed.searchPosts'))
      const exclusions = names.exclusions.map((e) => e.toLowerCase())
      const seen = new Set<string>()
      const items: FetchedItem[] = []
      let newest = prev.since
      // One phrase search per name: the lexicon leaves boolean syntax unspecified, so OR is not
      // something we can rely on across servers.
      for (const alias of names.aliases) {
        let cursor: string | undefined
        for (let page = 0; page < config.maxPagesPerRun; page++) {
          const url = new URL(xrpc('app.bsky.feed.searchPosts'))
          url.searchParams.set('q', `"${alias.replace(/"/g, '')}"`)
          url.searchParams.set('sort', 'latest')
          url.searchParams.set('limit', String(config.limit))
          if (prev.since) url.searchParams.set('since', prev.since)
          if (cursor) url.searchParams.set('cursor', cursor)
          const res = await search(url.href)
          if (res.status < 200 || res.status > 299) throw statusError(res, url.href, nowMs())
          const body = objectOr(parseJson(res.body, url.href, hostOf(url.href))) as {
            posts?: PostView[]
            cursor?: string
          }
          const posts = Array.isArray(body.posts) ? body.posts : []
          for (const p of posts) {
            if (!p || !idOrNull(p.uri) || seen.has(p.uri)) continue
            seen.add(p.uri)
            const text = postText(p).toLowerCase()
            if (exclusions.some((e) => text.includes(e))) continue
            items.push(toItem(p))
            const at = isoOrNull(p.indexedAt)
            if (at && (!newest || at > newest)) newest = at
          }
          cursor = typeof body.cursor === 'string' && body.cursor ? body.cursor : undefined
          if (!cursor || posts.length === 0) break
        }
      }
      const next: BlueskyState = {}
      if (newest) next.since = newest
      return { items, state: { ...next }, notModified: false }
    },
  }
}
