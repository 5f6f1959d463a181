/**
 * Runs in: main process and CLI (Node). What the two Google connectors share: the secret
 * lookup seam, keeping secrets out of error URLs, reading Google's JSON error envelope, and
 * turning the polite HTTP layer's generic auth/rate errors into messages the ORM lead can act on.
 */
import type { GetOptions, HttpResult, PoliteHttp } from '../http'
import { SourceError, hostOf, isSourceError } from '../errors'

import type { Credentials } from '../credentials'
export type { Credentials }

/** Query parameters that carry secrets: stripped from every URL we put in an error or state. */
const SECRET_PARAMS = ['key', 'access_token', '$key']

export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    for (const p of SECRET_PARAMS) if (u.searchParams.has(p)) u.searchParams.set(p, 'REDACTED')
    return u.href
  } catch {
    return url
  }
}

/** Same error, same code and timing, but with the secret-bearing URL redacted. */
function redacted(e: SourceError, message = e.message): SourceError {
  return new SourceError(e.code, message, redactUrl(e.url), {
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}),
    cause: e,
  })
}

/** "at 14:05 UTC" style reset time for a rate-limit message, from the server's wait. */
export function resetPhrase(retryAfterMs: number | undefined, nowMs: number): string {
  if (retryAfterMs === undefined) return ''
  const at = new Date(nowMs + retryAfterMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return `; try again after ${at}`
}

export interface ErrorWording {
  /** "Google Business Profile" / "Google Places". */
  service: string
  /** What the user does about 401/403. */
  auth: string
}

/**
 * GET through the polite HTTP layer, re-wording its auth and rate-limit errors for this service
 * and redacting secrets from every error's URL (the error is stored as the source's last error).
 */
export async function googleGet(
  http: PoliteHttp,
  url: string,
  options: GetOptions,
  wording: ErrorWording,
): Promise<HttpResult> {
  try {
    return await http.get(url, { ...options, accept: 'application/json' })
  } catch (e) {
    if (!isSourceError(e)) throw e
    if (e.code === 'auth') {
      throw redacted(e, `${wording.auth} (HTTP ${e.status ?? 401} from ${hostOf(e.url)})`)
    }
    if (e.code === 'rate_limited') {
      throw redacted(
        e,
        `${wording.service} quota exhausted or rate limited (HTTP 429 from ${hostOf(e.url)})` +
          resetPhrase(e.retryAfterMs, http.now()),
      )
    }
    throw redacted(e)
  }
}

/** GETs an answer that must be a JSON object; anything else is a specific parse error naming `what`. */
export async function googleGetObject(
  http: PoliteHttp,
  url: string,
  options: GetOptions,
  wording: ErrorWording,
  what: string,
): Promise<Record<string, unknown>> {
  const res = await googleGet(http, url, options, wording)
  const body = parseJsonBody(res.body, url, wording.service)
  if (!isRecord(body)) {
    throw new SourceError('parse', `unexpected ${what} answer from ${hostOf(url)}`, redactUrl(url))
  }
  return body
}

export function parseJsonBody(body: string, url: string, service: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch (e) {
    throw new SourceError(
      'invalid_json',
      `invalid JSON from ${service} (${hostOf(url)})`,
      redactUrl(url),
      {
        cause: e,
      },
    )
  }
}

/** Google's error envelope: {"error": {"code", "message", "status", "details": [...]}}. */
export interface GoogleErrorInfo {
  status: string | null
  message: string | null
  /** From a google.rpc.RetryInfo detail ("retryDelay": "30s"), when present. */
  retryAfterMs: number | null
}

export function parseGoogleError(body: string): GoogleErrorInfo {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { status: null, message: null, retryAfterMs: null }
  }
  const err = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {}
  let retryAfterMs: number | null = null
  if (Array.isArray(err.details)) {
    for (const d of err.details) {
      if (!isRecord(d) || typeof d.retryDelay !== 'string') continue
      const m = /^(\d+(?:\.\d+)?)s$/.exec(d.retryDelay)
      if (m) retryAfterMs = Math.round(Number(m[1]) * 1000)
    }
  }
  return {
    status: typeof err.status === 'string' ? err.status : null,
    message: typeof err.message === 'string' ? err.message : null,
    retryAfterMs,
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null
}

/** RFC 3339 from Google (up to nanoseconds) → ISO 8601 UTC, or null when unreadable. */
export function isoOrNull(v: unknown): string | null {
  if (typeof v !== 'string') return null
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** A path segment we splice into a URL: letters, digits, '-', '_' only, so no '/' or '..'. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/
