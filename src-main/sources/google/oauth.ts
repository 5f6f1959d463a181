/**
 * Runs in: main process and CLI (Node). An access token for the Business Profile API. Google's
 * access tokens last an hour and polling is every few hours, so the school stores a refresh token
 * (with its OAuth client) and each run exchanges it at the token endpoint (RFC 6749 §6:
 * POST grant_type=refresh_token → {access_token, expires_in, token_type}). The access token lives
 * only in memory. A pasted access token (`google_business.access_token`) is still honoured, for a
 * quick trial with the OAuth Playground.
 */
import { createHash } from 'node:crypto'
import type { Credentials } from '../credentials'
import { SourceError, hostOf } from '../errors'
import type { PoliteHttp } from '../http'

export const NOT_CONNECTED_MESSAGE =
  'Google Business Profile is not connected: sign in again (reconnect)'
export const GOOGLE_BUSINESS_TOKEN = 'google_business.access_token'
export const GOOGLE_CLIENT_ID = 'google_business.client_id'
export const GOOGLE_CLIENT_SECRET = 'google_business.client_secret'
export const GOOGLE_REFRESH_TOKEN = 'google_business.refresh_token'

/** Renew a minute early so a token never expires between two pages of one run. */
const EARLY_MS = 60_000

export interface TokenCache {
  get(key: string): { token: string; expiresAt: number } | undefined
  set(key: string, v: { token: string; expiresAt: number }): void
  delete(key: string): void
}

export async function googleAccessToken(
  credentials: Credentials,
  http: PoliteHttp,
  oauthUrl: string,
  allowPrivateNetwork: boolean | undefined,
  cache: TokenCache,
  signal?: AbortSignal,
): Promise<string> {
  const pasted = (await credentials.get(GOOGLE_BUSINESS_TOKEN))?.trim()
  const clientId = (await credentials.get(GOOGLE_CLIENT_ID))?.trim()
  const clientSecret = (await credentials.get(GOOGLE_CLIENT_SECRET))?.trim()
  const refresh = (await credentials.get(GOOGLE_REFRESH_TOKEN))?.trim()
  if (!clientId || !clientSecret || !refresh) {
    if (pasted) return pasted
    throw new SourceError('auth', NOT_CONNECTED_MESSAGE, oauthUrl)
  }
  // Keyed by a hash, so a changed secret starts afresh and no secret is a Map key in a heap dump.
  const key = createHash('sha256').update(`${oauthUrl}\0${clientId}\0${refresh}`).digest('hex')
  const hit = cache.get(key)
  if (hit && hit.expiresAt - EARLY_MS > http.now()) return hit.token

  const res = await http.send(oauthUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refresh,
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
    allowPrivateNetwork,
    signal,
  })
  let body: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(res.body) as unknown
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>
  } catch {
    // Not JSON: reported below by status.
  }
  const host = hostOf(oauthUrl)
  if (res.status === 400 || res.status === 401) {
    cache.delete(key)
    const why = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`
    // invalid_grant: revoked, expired (unused for 6 months, password change) or another client's.
    const hint =
      why === 'invalid_client'
        ? 'the OAuth client ID or secret is wrong'
        : 'the sign-in has expired or was revoked'
    throw new SourceError(
      'auth',
      `Google refused to renew access (${why}): ${hint}. Sign in again (reconnect) in Settings`,
      oauthUrl,
      { status: res.status },
    )
  }
  if (res.status < 200 || res.status > 299) {
    throw new SourceError(
      'http_status',
      `HTTP ${res.status} from ${host} (token renewal)`,
      oauthUrl,
      {
        status: res.status,
      },
    )
  }
  const token = typeof body.access_token === 'string' ? body.access_token : ''
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600
  if (!token) throw new SourceError('parse', `${host} renewed access without a token`, oauthUrl)
  cache.set(key, { token, expiresAt: http.now() + expiresIn * 1000 })
  return token
}
