/**
 * Runs in: main process and CLI (Node). What the Facebook and Instagram connectors share: the
 * Graph API config, reading the token from the credential store (never from config), GETs
 * through the polite HTTP layer, the hide/delete writes, cursor paging, Graph error mapping and
 * the created-time high-water mark. Docs: graph-api/guides/error-handling, graph-api/results,
 * graph-api/overview/rate-limiting.
 */
import type { ConnectorContext } from '../connector'
import { SourceError, hostOf, type SourceErrorCode } from '../errors'
import type { PoliteHttp } from '../http'
import { DEFAULT_GRAPH_BASE_URL, DEFAULT_GRAPH_VERSION } from '../../contract/connectors'

import { requireCredential, type Credentials } from '../credentials'
export type { Credentials }

/** Current at the time of writing (the reference pages show v25.0 and v26.0); override per source. */
export { DEFAULT_GRAPH_BASE_URL, DEFAULT_GRAPH_VERSION }
/** What Facebook and Instagram configs share. */
export interface GraphBaseConfig {
  graphVersion: string
  baseUrl: string
  allowPrivateNetwork?: boolean
}

/** Which platform, for messages and for the credential name. */
export interface GraphPlatform {
  label: 'Facebook' | 'Instagram'
  credentialName: string
}

/** One page of a Graph edge (graph-api/results: cursor-based pagination). */
export interface GraphPage<T> {
  data?: T[]
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string }
}

interface GraphErrorBody {
  error?: {
    message?: string
    type?: string
    code?: number
    error_subcode?: number
    fbtrace_id?: string
  }
}

/** Rate-limit error codes (error-handling guide: 4 app, 17 user, 32 page, 613 custom; 80001+ BUC). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613])
const isRateLimitCode = (code: number): boolean =>
  RATE_LIMIT_CODES.has(code) || (code >= 80000 && code <= 80099)

export function requireToken(credentials: Credentials, platform: GraphPlatform, url: string) {
  const message = `no ${platform.label} access token saved: reconnect`
  return requireCredential(credentials, platform.credentialName, message, url)
}

export function graphUrl(config: GraphBaseConfig, path: string, params: Record<string, string>) {
  const base = config.baseUrl.replace(/\/+$/, '')
  const url = new URL(`${base}/${config.graphVersion}/${path.replace(/^\/+/, '')}`)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  return url
}

/** The token rides in the query string of GETs, so it must never reach an error's url. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.searchParams.has('access_token')) u.searchParams.set('access_token', 'REDACTED')
    return u.href
  } catch {
    return url.replace(/access_token=[^&]*/g, 'access_token=REDACTED')
  }
}

/**
 * Minutes until access returns, from X-Business-Use-Case-Usage
 * ({"<id>": [{"estimated_time_to_regain_access": n, ...}]}); null when absent or unreadable.
 */
export function regainAccessMs(headers: Record<string, string>): number | null {
  const raw = headers['x-business-use-case-usage']
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as Record<
      string,
      Array<{ estimated_time_to_regain_access?: unknown }>
    >
    let max = 0
    for (const entries of Object.values(parsed)) {
      for (const e of Array.isArray(entries) ? entries : []) {
        const m = Number(e.estimated_time_to_regain_access)
        if (Number.isFinite(m) && m > max) max = m
      }
    }
    return max > 0 ? max * 60_000 : null
  } catch {
    return null
  }
}

/** X-App-Usage is a percentage of the app's budget: kept as evidence, shown when throttled. */
function appUsage(headers: Record<string, string>): string {
  const raw = headers['x-app-usage']
  if (!raw) return ''
  try {
    const u = JSON.parse(raw) as Record<string, unknown>
    return ` (app usage: calls ${String(u.call_count ?? '?')}%, CPU ${String(u.total_cputime ?? '?')}%)`
  } catch {
    return ''
  }
}

/** Maps a Graph `error` object to the one SourceError the scheduler and the ORM lead understand. */
export function graphError(
  body: GraphErrorBody,
  headers: Record<string, string>,
  url: string,
  platform: GraphPlatform,
  status?: number,
): SourceError {
  const err = body.error ?? {}
  const code = typeof err.code === 'number' ? err.code : -1
  const host = hostOf(url)
  const safeUrl = redact(url)
  const extra = status !== undefined ? { status } : {}
  if (code === 190 || code === 102) {
    return new SourceError(
      'auth',
      `${platform.label} access token expired or revoked (Graph error ${code}): reconnect`,
      safeUrl,
      extra,
    )
  }
  if (isRateLimitCode(code)) {
    const wait = regainAccessMs(headers)
    return new SourceError(
      'rate_limited',
      `${platform.label} rate limit reached (Graph error ${code})${appUsage(headers)}`,
      safeUrl,
      { ...extra, ...(wait !== null ? { retryAfterMs: wait } : {}) },
    )
  }
  let kind: SourceErrorCode = 'http_status'
  let hint = ''
  if (code === 10 || (code >= 200 && code <= 299)) {
    kind = 'auth'
    hint = ': a permission is missing, reconnect'
  }
  // Graph's message is remote text: keep it short and on one line.
  const detail = (err.message ?? 'unknown error').replace(/\s+/g, ' ').slice(0, 160)
  return new SourceError(kind, `Graph error ${code} from ${host}: ${detail}${hint}`, safeUrl, extra)
}

/** A SourceError from the HTTP layer carries the token in its url: rebuild it without. */
function withoutToken(e: unknown): unknown {
  if (!(e instanceof SourceError)) return e
  const extra = {
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
  }
  // A plain 401/403 (Graph ignoring suppress_http_code) still means the token needs renewing.
  const message = e.code === 'auth' ? `${e.message}: reconnect` : e.message
  return new SourceError(e.code, message, redact(e.url), extra)
}

/**
 * GET through the polite layer. The polite layer drops the body of a non-2xx answer, and the
 * Graph error code (190 vs 4/17/32/613) is only in that body, so we ask Graph to answer 200 with
 * the error in the JSON (`suppress_http_code=1`, what Graph Explorer itself sends).
 */
export async function graphGet<T>(
  url: URL,
  token: string,
  config: GraphBaseConfig,
  ctx: ConnectorContext,
  platform: GraphPlatform,
): Promise<T> {
  const u = new URL(url)
  u.searchParams.set('suppress_http_code', '1')
  u.searchParams.set('access_token', token)
  let res
  try {
    res = await ctx.http.get(u.href, {
      accept: 'application/json',
      allowPrivateNetwork: config.allowPrivateNetwork ?? false,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })
  } catch (e) {
    throw withoutToken(e)
  }
  const body = parseJson(res.body, u.href, platform) as T & GraphErrorBody
  if (body && typeof body === 'object' && body.error) {
    throw graphError(body, res.headers, u.href, platform)
  }
  // Every Graph read answers an object; `null` or a bare list is not something we can page.
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new SourceError(
      'parse',
      `${platform.label} Graph API at ${hostOf(u.href)} answered with something other than an object`,
      redact(u.href),
    )
  }
  return body
}

function parseJson(text: string, url: string, platform: GraphPlatform): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new SourceError(
      'invalid_json',
      `${platform.label} Graph API at ${hostOf(url)} did not answer JSON`,
      redact(url),
    )
  }
}

/** Follows `paging.cursors.after` while `paging.next` says there is more (graph-api/results). */
export async function* graphPages<T>(
  first: URL,
  token: string,
  config: GraphBaseConfig,
  ctx: ConnectorContext,
  platform: GraphPlatform,
  maxPages: number,
): AsyncGenerator<T[]> {
  let url: URL | null = first
  for (let n = 0; url && n < maxPages; n++) {
    const page: GraphPage<T> = await graphGet<GraphPage<T>>(url, token, config, ctx, platform)
    yield Array.isArray(page.data) ? page.data : []
    const after = typeof page.paging?.cursors?.after === 'string' ? page.paging.cursors.after : ''
    // We rebuild the URL from our own base rather than following `next`, so the token is only
    // ever sent to the host the school configured.
    if (!page.paging?.next || !after) break
    url = new URL(first)
    url.searchParams.set('after', after)
  }
}

/** The first `max` entries of a paged list (a page's posts, an account's media), newest first. */
export async function firstEntries<T>(
  first: URL,
  token: string,
  config: GraphBaseConfig,
  ctx: ConnectorContext,
  platform: GraphPlatform,
  max: number,
): Promise<T[]> {
  const pageSize = Number(first.searchParams.get('limit') ?? '25')
  const out: T[] = []
  for await (const page of graphPages<T>(
    first,
    token,
    config,
    ctx,
    platform,
    Math.ceil(max / pageSize) + 1,
  )) {
    out.push(...page)
    if (out.length >= max) break
  }
  return out.slice(0, max)
}

/** What a write needs: the same polite HTTP client the poller uses, and a way to cancel. */
export interface ActionContext {
  http: PoliteHttp
  signal?: AbortSignal
  /** The secrets store, scoped to the source (as ConnectorContext.credentials). */
  credentials?: Credentials
}

/**
 * POST or DELETE a Graph node through PoliteHttp.send: private-address check, timeout, capped
 * body, redirects refused (a write must not be replayed elsewhere) and no retries (not
 * idempotent in general; the ORM lead retries). The token goes in the form body, never the URL.
 */
export async function graphWrite(
  method: 'POST' | 'DELETE',
  url: URL,
  params: Record<string, string>,
  token: string,
  config: GraphBaseConfig,
  actx: ActionContext,
  platform: GraphPlatform,
): Promise<Record<string, unknown>> {
  const form = new URLSearchParams({ ...params, access_token: token })
  const res = await actx.http.send(url.href, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    allowPrivateNetwork: config.allowPrivateNetwork,
    signal: actx.signal,
  })
  let body: unknown
  try {
    body = JSON.parse(res.body)
  } catch {
    throw new SourceError(
      'invalid_json',
      `${platform.label} Graph API at ${url.host} answered HTTP ${res.status} without JSON`,
      url.href,
      { status: res.status },
    )
  }
  const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown> &
    GraphErrorBody
  if (obj.error) throw graphError(obj, res.headers, url.href, platform, res.status)
  if (res.status < 200 || res.status > 299 || obj.success === false) {
    throw new SourceError(
      'http_status',
      `${platform.label} Graph API at ${url.host} refused the ${method} (HTTP ${res.status})`,
      url.href,
      { status: res.status },
    )
  }
  return obj
}

/** Graph times look like 2025-03-05T10:00:00+0000; Date.parse wants +00:00. */
export function graphTime(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isFinite(t) ? new Date(t).toISOString() : null
}

/**
 * The high-water mark: the newest created time already returned, plus the ids at exactly that
 * second, so two comments in the same second across two polls are neither lost nor repeated.
 */
export interface HighWaterState {
  highWater?: string
  idsAtHighWater?: string[]
}

export class HighWater {
  private readonly prev: number | null
  private readonly prevIds: Set<string>
  private max: number | null
  private maxIds: Set<string>

  constructor(state: Record<string, unknown>) {
    const s = state as HighWaterState
    const t = typeof s.highWater === 'string' ? Date.parse(s.highWater) : NaN
    this.prev = Number.isFinite(t) ? t : null
    this.prevIds = new Set(Array.isArray(s.idsAtHighWater) ? s.idsAtHighWater.map(String) : [])
    this.max = this.prev
    this.maxIds = new Set(this.prevIds)
  }

  /** ms since epoch of the previous mark, or null on the first run. */
  get previous(): number | null {
    return this.prev
  }

  /** True (and remembered) when the item is newer than what the last run returned. */
  admit(id: string, iso: string | null): boolean {
    if (iso === null) return this.prev === null
    const t = Date.parse(iso)
    if (this.prev !== null && (t < this.prev || (t === this.prev && this.prevIds.has(id)))) {
      return false
    }
    if (this.max === null || t > this.max) {
      this.max = t
      this.maxIds = new Set([id])
    } else if (t === this.max) {
      this.maxIds.add(id)
    }
    return true
  }

  toState(): HighWaterState {
    if (this.max === null) return {}
    return { highWater: new Date(this.max).toISOString(), idsAtHighWater: [...this.maxIds] }
  }
}
