/**
 * Runs in: main process and CLI (Node). The polite HTTP client every connector uses: timeouts,
 * a size cap, conditional GET, Retry-After, capped jittered backoff, redirects followed by hand
 * (each hop re-checked against private addresses), one request per host at a time and a global
 * cap, and a User-Agent that tells site owners who we are and how to reach us.
 */
import { SourceError, hostOf } from '../errors'
import { assertPublicHost, defaultLookup, type Lookup } from './address'
import { decodeBody, inflateIfStillEncoded, readCapped } from './body'
import { HostLimiter } from './limiter'
import { backoffDelay, defaultSleep, parseRetryAfter } from './retry'

export interface PoliteHttpOptions {
  userAgent: string
  fetch?: typeof fetch
  now?: () => number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  lookup?: Lookup
  globalConcurrency?: number
  maxBytes?: number
  timeoutMs?: number
  maxRedirects?: number
  retries?: number
  maxBackoffMs?: number
  /** First backoff ceiling; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number
  /** A Retry-After longer than this is not waited out in-line: the error goes to the scheduler. */
  maxRetryAfterMs?: number
}

export interface GetOptions {
  etag?: string | null
  lastModified?: string | null
  allowPrivateNetwork?: boolean
  accept?: string
  /**
   * Extra headers, e.g. an Authorization token, so secrets never travel in URLs (which reach
   * logs). They are dropped on a redirect to another origin, as browsers do.
   */
  headers?: Record<string, string>
  signal?: AbortSignal
}

export interface HttpResult {
  status: number
  /** 304: nothing new since the ETag/Last-Modified we sent; body is empty, skip parsing. */
  notModified: boolean
  body: string
  /** Lower-cased header names. */
  headers: Record<string, string>
  finalUrl: string
  etag: string | null
  lastModified: string | null
}

export type SendMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface SendOptions {
  method: SendMethod
  /** Extra request headers (e.g. authorization, content-type). The User-Agent is always ours. */
  headers?: Record<string, string>
  body?: string
  allowPrivateNetwork?: boolean
  signal?: AbortSignal
}

export interface SendResult {
  status: number
  /** Lower-cased header names. */
  headers: Record<string, string>
  body: string
}

export interface PoliteHttp {
  get(url: string, options?: GetOptions): Promise<HttpResult>
  /**
   * One request with any method and headers, for the APIs that need a token or a write (X,
   * Bluesky, Graph, Business Profile replies). Same address check, timeout, size cap and per-host
   * queue as `get`, but: no retries (a write is not idempotent; the connector reads 429s itself),
   * redirects refused (a token must never be replayed to another host), and every status comes
   * back as a result, because these APIs explain 400/401/429 in the body and headers.
   */
  send(url: string, options: SendOptions): Promise<SendResult>
  /** Who we say we are: a browser-driven connector (Mumsnet) presents the same name. */
  readonly userAgent: string
  /** The injected clock and sleep, so connectors wait (e.g. on maxlag) the same testable way. */
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

type HopOutcome =
  { kind: 'redirect'; location: string | null } | { kind: 'done'; result: HttpResult }

export function createPoliteHttp(opts: PoliteHttpOptions): PoliteHttp {
  const fetchImpl = opts.fetch ?? globalThis.fetch
  const now = opts.now ?? Date.now
  const sleep = opts.sleep ?? defaultSleep
  const random = opts.random ?? Math.random
  const lookup = opts.lookup ?? defaultLookup
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const timeoutMs = opts.timeoutMs ?? 30_000
  const maxRedirects = opts.maxRedirects ?? 5
  const retries = opts.retries ?? 2
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000
  const baseBackoffMs = opts.baseBackoffMs ?? 1_000
  const maxRetryAfterMs = opts.maxRetryAfterMs ?? 120_000
  const limiter = new HostLimiter(opts.globalConcurrency ?? 4, now, sleep)
  if (!opts.userAgent.trim()) throw new Error('createPoliteHttp: a User-Agent is required')

  async function exchange(url: URL, o: GetOptions): Promise<HopOutcome> {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout
    const headers: Record<string, string> = {
      ...callerHeaders(o.headers),
      'user-agent': opts.userAgent,
      accept: o.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    }
    if (o.etag) headers['if-none-match'] = o.etag
    if (o.lastModified) headers['if-modified-since'] = o.lastModified
    const href = url.href
    const failed = (e: unknown) => failure(e, url, o.signal, timeout)

    let res: Response
    try {
      res = await fetchImpl(href, { method: 'GET', headers, redirect: 'manual', signal })
    } catch (e) {
      throw failed(e)
    }
    const status = res.status
    if (REDIRECT_STATUSES.has(status)) {
      await res.body?.cancel().catch(() => undefined)
      return { kind: 'redirect', location: res.headers.get('location') }
    }
    const headerRecord = Object.fromEntries(res.headers) as Record<string, string>
    const etag = res.headers.get('etag')
    const lastModified = res.headers.get('last-modified')
    if (status === 304) {
      await res.body?.cancel().catch(() => undefined)
      return {
        kind: 'done',
        result: {
          status,
          notModified: true,
          body: '',
          headers: headerRecord,
          finalUrl: href,
          etag: etag ?? o.etag ?? null,
          lastModified: lastModified ?? o.lastModified ?? null,
        },
      }
    }
    if (status < 200 || status > 299) {
      await res.body?.cancel().catch(() => undefined)
      throw statusError(status, url, parseRetryAfter(res.headers.get('retry-after'), now()))
    }
    let raw: Buffer
    try {
      raw = await readCapped(res, href, maxBytes)
      raw = await inflateIfStillEncoded(raw, res.headers.get('content-encoding'), href, maxBytes)
    } catch (e) {
      throw failed(e)
    }
    return {
      kind: 'done',
      result: {
        status,
        notModified: false,
        body: decodeBody(raw, res.headers.get('content-type')),
        headers: headerRecord,
        finalUrl: href,
        etag,
        lastModified,
      },
    }
  }

  async function followRedirects(start: URL, first: GetOptions): Promise<HttpResult> {
    let o = first
    const visited = new Set<string>()
    let current = start
    let from: string | undefined
    for (let hops = 0; ; hops++) {
      if (!o.allowPrivateNetwork) await assertPublicHost(current, lookup, from)
      visited.add(current.href)
      const url = current
      const outcome = await limiter.run(url.host, () => exchange(url, o), o.signal)
      if (outcome.kind === 'done') return outcome.result
      const next = resolveLocation(outcome.location, url)
      if (visited.has(next.href)) {
        throw new SourceError('redirect_loop', `redirect loop at ${url.host}`, start.href)
      }
      if (hops + 1 > maxRedirects) {
        throw new SourceError(
          'redirect_loop',
          `more than ${maxRedirects} redirects from ${start.host}`,
          start.href,
        )
      }
      from = url.host
      if (next.origin !== start.origin && o.headers) o = { ...o, headers: undefined }
      current = next
    }
  }

  async function get(url: string, o: GetOptions = {}): Promise<HttpResult> {
    const start = parseHttpUrl(url)
    for (let attempt = 0; ; attempt++) {
      try {
        return await followRedirects(start, o)
      } catch (e) {
        if (!(e instanceof SourceError) || !isRetryable(e) || attempt >= retries) throw e
        if (e.retryAfterMs !== undefined) {
          if (e.retryAfterMs > maxRetryAfterMs) throw e
          // The host is deferred in the limiter, so the next attempt waits there (and so does
          // every other request to that host).
          limiter.deferHost(new URL(e.url).host, now() + e.retryAfterMs)
          continue
        }
        const delay = backoffDelay(attempt, baseBackoffMs, maxBackoffMs, random)
        if (delay > 0) await sleep(delay, o.signal)
      }
    }
  }

  function statusError(status: number, url: URL, retryAfterMs: number | null): SourceError {
    const href = url.href
    const extra = { status, ...(retryAfterMs !== null ? { retryAfterMs } : {}) }
    if (retryAfterMs !== null) limiter.deferHost(url.host, now() + retryAfterMs)
    const wait = retryAfterMs !== null ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''
    if (status === 401 || status === 403) {
      return new SourceError('auth', `HTTP ${status} from ${url.host} (access denied)`, href, extra)
    }
    if (status === 429) {
      return new SourceError(
        'rate_limited',
        `HTTP 429 from ${url.host} (rate limited${wait})`,
        href,
        extra,
      )
    }
    return new SourceError(
      'http_status',
      `HTTP ${status} from ${url.host}${wait ? ` (${wait.slice(2)})` : ''}`,
      href,
      extra,
    )
  }

  /** What a failed fetch or body read means: the caller's abort, our timeout, or the connection. */
  function failure(e: unknown, url: URL, caller: AbortSignal | undefined, timeout: AbortSignal) {
    if (caller?.aborted) return caller.reason as unknown
    if (timeout.aborted) {
      return new SourceError(
        'timeout',
        `no answer from ${url.host} within ${Math.round(timeoutMs / 100) / 10} s`,
        url.href,
        { cause: e },
      )
    }
    return e instanceof SourceError ? e : connectionError(e, url)
  }

  async function send(url: string, o: SendOptions): Promise<SendResult> {
    const target = parseHttpUrl(url)
    if (!o.allowPrivateNetwork) await assertPublicHost(target, lookup)
    return limiter.run(target.host, () => sendOnce(target, o), o.signal)
  }

  async function sendOnce(target: URL, o: SendOptions): Promise<SendResult> {
    const href = target.href
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...callerHeaders(o.headers),
      'user-agent': opts.userAgent,
    }
    const failed = (e: unknown) => failure(e, target, o.signal, timeout)
    let res: Response
    try {
      res = await fetchImpl(href, {
        method: o.method,
        headers,
        body: o.body,
        redirect: 'manual',
        signal,
      })
    } catch (e) {
      throw failed(e)
    }
    if (REDIRECT_STATUSES.has(res.status)) {
      await res.body?.cancel().catch(() => undefined)
      throw new SourceError(
        'redirect_refused',
        `${target.host} answered with a redirect; not following it with credentials`,
        href,
        { status: res.status },
      )
    }
    let raw: Buffer
    try {
      raw = await readCapped(res, href, maxBytes)
      raw = await inflateIfStillEncoded(raw, res.headers.get('content-encoding'), href, maxBytes)
    } catch (e) {
      throw failed(e)
    }
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers) as Record<string, string>,
      body: decodeBody(raw, res.headers.get('content-type')),
    }
  }

  return { get, send, now, sleep, userAgent: opts.userAgent }
}

/** Set by the HTTP layer itself; a connector cannot override who we say we are or the framing. */
const RESERVED_HEADERS = new Set([
  'user-agent',
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'accept-encoding',
  'if-none-match',
  'if-modified-since',
])

function callerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    const key = name.toLowerCase()
    if (!RESERVED_HEADERS.has(key)) out[key] = value
  }
  return out
}

function isRetryable(e: SourceError): boolean {
  if (e.code === 'rate_limited' || e.code === 'connection_failed') return true
  // 501 Not Implemented and 505 will not change on a retry.
  return e.code === 'http_status' && [500, 502, 503, 504].includes(e.status ?? 0)
}

function parseHttpUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new SourceError('parse', `not a valid URL: ${url}`, url)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceError(
      'parse',
      `only http and https URLs can be fetched, not ${parsed.protocol}`,
      url,
    )
  }
  return parsed
}

function resolveLocation(location: string | null, base: URL): URL {
  if (!location) {
    throw new SourceError(
      'redirect_refused',
      `redirect without a Location from ${base.host}`,
      base.href,
    )
  }
  let next: URL
  try {
    next = new URL(location, base)
  } catch {
    throw new SourceError(
      'redirect_refused',
      `invalid redirect Location from ${base.host}`,
      base.href,
    )
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new SourceError(
      'redirect_refused',
      `redirect from ${base.host} to a ${next.protocol} URL refused`,
      base.href,
    )
  }
  next.hash = ''
  return next
}

/** undici reports network failures as TypeError('fetch failed') with the system error as cause. */
function connectionError(e: unknown, url: URL): SourceError {
  const cause = (e as { cause?: { code?: string } } | null)?.cause
  const code = cause?.code ?? (e as { code?: string } | null)?.code ?? ''
  const host = url.host
  const messages: Record<string, string> = {
    ECONNREFUSED: `connection refused by ${host}`,
    ECONNRESET: `connection reset by ${host}`,
    ENOTFOUND: `could not resolve host ${host}`,
    EAI_AGAIN: `could not resolve host ${host}`,
    ETIMEDOUT: `connection to ${host} timed out`,
    EHOSTUNREACH: `${host} is unreachable`,
    ENETUNREACH: `network unreachable for ${host}`,
    UND_ERR_SOCKET: `connection to ${host} dropped mid-response`,
  }
  const message =
    messages[code] ??
    (/CERT|TLS|SSL/i.test(code)
      ? `TLS certificate problem at ${host} (${code})`
      : `could not connect to ${hostOf(url.href)}${code ? ` (${code})` : ''}`)
  return new SourceError('connection_failed', message, url.href, { cause: e })
}
