/**
 * Runs in: main process and CLI (Node). A small MediaWiki Action API client over the polite
 * HTTP layer: JSON with formatversion=2, maxlag=5 on every request (Wikimedia's etiquette for
 * automated clients), waiting out maxlag errors, following `continue`, and turning API errors and
 * non-JSON bodies into specific SourceErrors. Callers await each request: strictly in series.
 */
import { SourceError, hostOf } from '../errors'
import type { ConnectorContext } from '../connector'
import { parseRetryAfter } from '../http'

export type Params = Record<string, string | number | boolean | undefined>

export interface ApiClient {
  readonly apiUrl: string
  readonly host: string
  call<T = Record<string, unknown>>(params: Params): Promise<T>
  /** Runs a query, following `continue` until done or `maxRequests` responses were read. */
  queryAll<T = Record<string, unknown>>(params: Params, maxRequests: number): Promise<T[]>
  /** index.php beside api.php: for links that work on any MediaWiki, not just Wikipedia. */
  indexUrl(query: Record<string, string | number>): string
}

export interface ApiOptions {
  apiUrl: string
  allowPrivateNetwork?: boolean
  maxlagSeconds?: number
  /** maxlag waits before giving up and reporting rate_limited to the scheduler. */
  maxlagRetries?: number
}

interface ApiError {
  code?: string
  info?: string
  lag?: number
}

export function createApiClient(opts: ApiOptions, ctx: ConnectorContext): ApiClient {
  const apiUrl = opts.apiUrl
  const host = hostOf(apiUrl)
  const maxlag = opts.maxlagSeconds ?? 5
  const maxlagRetries = opts.maxlagRetries ?? 3

  function buildUrl(params: Params): string {
    const u = new URL(apiUrl)
    const all: Params = { format: 'json', formatversion: 2, maxlag, ...params }
    for (const [k, v] of Object.entries(all)) {
      if (v === undefined || v === false) continue
      u.searchParams.set(k, v === true ? '1' : String(v))
    }
    return u.href
  }

  async function call<T>(params: Params): Promise<T> {
    const url = buildUrl(params)
    const what = `action=${params.action ?? 'query'}`
    for (let attempt = 0; ; attempt++) {
      const res = await ctx.http.get(url, {
        accept: 'application/json',
        allowPrivateNetwork: opts.allowPrivateNetwork,
        signal: ctx.signal,
      })
      let data: unknown
      try {
        data = JSON.parse(res.body)
      } catch (e) {
        const html = /html/i.test(res.headers['content-type'] ?? '') ? ': HTML page' : ''
        throw new SourceError('invalid_json', `invalid JSON from ${host} (${what})${html}`, url, {
          cause: e,
        })
      }
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        throw new SourceError('invalid_json', `unexpected JSON from ${host} (${what})`, url)
      }
      const error = (data as { error?: ApiError }).error
      if (!error) return data as T
      if (error.code === 'maxlag') {
        // Replicas are lagging: Wikimedia asks bots to wait (Retry-After, else the lag) and retry.
        const waitMs =
          parseRetryAfter(res.headers['retry-after'] ?? null, ctx.http.now()) ??
          Math.max(1000, Math.ceil((error.lag ?? 5) * 1000))
        if (attempt >= maxlagRetries) {
          throw new SourceError(
            'rate_limited',
            `${host} is lagged (${error.lag ?? '?'} s behind); will retry later`,
            url,
            { retryAfterMs: waitMs },
          )
        }
        await ctx.http.sleep(waitMs, ctx.signal)
        continue
      }
      const code = error.code ?? 'unknown'
      const codeKind = /^(readapidenied|permissiondenied|mwoauth|badtoken|notloggedin)/.test(code)
        ? 'auth'
        : 'parse'
      throw new SourceError(
        codeKind,
        `wiki API error from ${host}: ${code}${error.info ? ` (${error.info})` : ''}`,
        url,
      )
    }
  }

  async function queryAll<T>(params: Params, maxRequests: number): Promise<T[]> {
    const pages: T[] = []
    let cont: Record<string, string> | undefined
    for (let i = 0; i < maxRequests; i++) {
      const data = await call<T & { continue?: Record<string, string> }>({ ...params, ...cont })
      pages.push(data)
      cont = data.continue
      if (!cont) break
    }
    return pages
  }

  function indexUrl(query: Record<string, string | number>): string {
    const u = new URL('index.php', apiUrl)
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v))
    return u.href
  }

  return { apiUrl, host, call, queryAll, indexUrl }
}
