/**
 * Runs in: main process and CLI (Node). Mumsnet's robots.txt, read through the polite HTTP layer
 * (GET only) and parsed with robots-parser. It is kept in the source's state for a day, so a
 * source polled every few hours asks for it once a day, not once a run.
 *
 * Status handling follows RFC 9309: a 4xx robots.txt means "no rules" (allowed); a 5xx or no
 * answer means we cannot know, so the run fails (transiently) rather than crawl blind.
 */
import robotsParser from 'robots-parser'
import type { ConnectorContext } from '../connector'
import { SourceError, hostOf } from '../errors'
import { MUMSNET_URLS, ROBOTS_AGENT } from './selectors'

export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000
/** RFC 9309 asks crawlers to read at least 500 KiB; anything past that is not kept in state. */
const MAX_ROBOTS_CHARS = 500 * 1024

export interface RobotsCache {
  url: string
  fetchedAt: string
  body: string
}

export interface RobotsRules {
  url: string
  cache: RobotsCache
  allowed(url: string): boolean
  /** The robots.txt line that decided `url` ("Disallow: /search"), for messages. */
  ruleFor(url: string): string | null
  /** Crawl-delay for our agent (or *), in ms; null when the file sets none. */
  crawlDelayMs: number | null
}

/** The base address with a trailing slash, so relative paths keep any path it has. */
export function baseWithSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
}

export function robotsUrlFor(baseUrl: string): string {
  return new URL(MUMSNET_URLS.robots, baseWithSlash(baseUrl)).href
}

function isFresh(cache: RobotsCache | undefined, url: string, nowMs: number): boolean {
  if (!cache || cache.url !== url || typeof cache.body !== 'string') return false
  const at = Date.parse(cache.fetchedAt)
  return Number.isFinite(at) && nowMs - at >= 0 && nowMs - at < ROBOTS_TTL_MS
}

async function fetchRobotsBody(
  url: string,
  ctx: ConnectorContext,
  allowPrivateNetwork: boolean | undefined,
): Promise<string> {
  try {
    const res = await ctx.http.get(url, {
      accept: 'text/plain, */*;q=0.5',
      allowPrivateNetwork,
      signal: ctx.signal,
    })
    return res.body.slice(0, MAX_ROBOTS_CHARS)
  } catch (e) {
    if (!(e instanceof SourceError)) throw e
    const status = e.status ?? 0
    if (status >= 400 && status < 500 && status !== 429) return ''
    throw new SourceError(
      e.code,
      `could not read robots.txt from ${hostOf(url)}, so Mumsnet was not crawled: ${e.message}`,
      url,
      {
        ...(e.status !== undefined ? { status: e.status } : {}),
        ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
        cause: e,
      },
    )
  }
}

export async function loadRobots(
  baseUrl: string,
  cached: RobotsCache | undefined,
  ctx: ConnectorContext,
  allowPrivateNetwork: boolean | undefined,
): Promise<RobotsRules> {
  const url = robotsUrlFor(baseUrl)
  const nowMs = ctx.now().getTime()
  const cache: RobotsCache = isFresh(cached, url, nowMs)
    ? (cached as RobotsCache)
    : {
        url,
        fetchedAt: new Date(nowMs).toISOString(),
        body: await fetchRobotsBody(url, ctx, allowPrivateNetwork),
      }
  const robots = robotsParser(url, cache.body)
  const lines = cache.body.split(/\r\n|\r|\n/)
  const delay = robots.getCrawlDelay(ROBOTS_AGENT)
  return {
    url,
    cache,
    // undefined means "another host": never ours to open.
    allowed: (target) => robots.isAllowed(target, ROBOTS_AGENT) === true,
    ruleFor(target) {
      const n = robots.getMatchingLineNumber(target, ROBOTS_AGENT)
      return n > 0 ? (lines[n - 1] ?? '').trim() || null : null
    },
    crawlDelayMs:
      typeof delay === 'number' && Number.isFinite(delay) && delay > 0
        ? Math.round(delay * 1000)
        : null,
  }
}
