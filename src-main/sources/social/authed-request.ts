/**
 * Runs in: main process and CLI (Node). One request with an Authorization header or a JSON body,
 * for the social APIs. PoliteHttp.get sends neither (it has no headers or method option), and we
 * add nothing to the HTTP layer, so this reuses its exported pieces to keep the same safety: the
 * private-address check, a timeout, the streamed size cap and the same error messages. Redirects
 * are refused rather than followed: a bearer token must never be replayed to another host.
 */
import { SourceError } from '../errors'
import { assertPublicHost, defaultLookup, type Lookup } from '../http/address'
import { decodeBody, inflateIfStillEncoded, readCapped } from '../http/body'
import { DEFAULT_MAX_BYTES } from '../http/polite-http'

export interface AuthedHttpOptions {
  userAgent?: string
  fetch?: typeof fetch
  lookup?: Lookup
  timeoutMs?: number
  maxBytes?: number
}

export interface AuthedRequest {
  method?: 'GET' | 'POST'
  bearer?: string
  /** Sent as JSON. */
  json?: unknown
  allowPrivateNetwork?: boolean
  signal?: AbortSignal
}

export interface AuthedResponse {
  status: number
  /** Lower-cased header names. */
  headers: Record<string, string>
  body: string
}

export const DEFAULT_SOCIAL_UA = 'Footprint (school reputation monitor)'

/**
 * Any status comes back as a response (not thrown): the APIs explain 400/401/429 in the body and
 * headers (ExpiredToken, rate-limit reset) and each connector decides what that means.
 */
export async function authedRequest(
  url: string,
  req: AuthedRequest,
  opts: AuthedHttpOptions = {},
): Promise<AuthedResponse> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    throw new SourceError('parse', `not a valid URL: ${url}`, url)
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new SourceError('parse', `only http and https URLs can be fetched`, url)
  }
  if (!req.allowPrivateNetwork) await assertPublicHost(target, opts.lookup ?? defaultLookup)
  const timeoutMs = opts.timeoutMs ?? 30_000
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULT_SOCIAL_UA,
    accept: 'application/json',
  }
  if (req.bearer) headers.authorization = `Bearer ${req.bearer}`
  if (req.json !== undefined) headers['content-type'] = 'application/json'
  const failed = (e: unknown): unknown => {
    if (req.signal?.aborted) return req.signal.reason
    if (timeout.aborted) {
      return new SourceError(
        'timeout',
        `no answer from ${target.host} within ${timeoutMs / 1000} s`,
        url,
        {
          cause: e,
        },
      )
    }
    if (e instanceof SourceError) return e
    return new SourceError('connection_failed', `could not connect to ${target.host}`, url, {
      cause: e,
    })
  }
  let res: Response
  try {
    res = await (opts.fetch ?? globalThis.fetch)(target.href, {
      method: req.method ?? 'GET',
      headers,
      body: req.json === undefined ? undefined : JSON.stringify(req.json),
      redirect: 'manual',
      signal,
    })
  } catch (e) {
    throw failed(e)
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel().catch(() => undefined)
    throw new SourceError(
      'redirect_refused',
      `${target.host} answered with a redirect; not following it with credentials`,
      url,
      { status: res.status },
    )
  }
  let raw: Buffer
  try {
    raw = await readCapped(res, url, maxBytes)
    raw = await inflateIfStillEncoded(raw, res.headers.get('content-encoding'), url, maxBytes)
  } catch (e) {
    throw failed(e)
  }
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers) as Record<string, string>,
    body: decodeBody(raw, res.headers.get('content-type')),
  }
}

/** Parses a JSON body, or explains in the user's terms that the API answered with something else. */
export function parseJson(body: string, url: string, host: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch (e) {
    throw new SourceError('invalid_json', `${host} answered with something other than JSON`, url, {
      cause: e,
    })
  }
}
