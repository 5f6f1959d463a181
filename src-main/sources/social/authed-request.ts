/**
 * Runs in: main process and CLI (Node). A request with a bearer token and/or a JSON body for the
 * social APIs, sent through the connector's PoliteHttp (`send`), so it keeps the same address
 * check, per-host queue, timeout and size cap, and never carries a token through a redirect.
 */
import { SourceError } from '../errors'
import type { PoliteHttp, SendResult } from '../http'

export interface AuthedRequest {
  method?: 'GET' | 'POST'
  bearer?: string
  /** Sent as JSON. */
  json?: unknown
  allowPrivateNetwork?: boolean
  signal?: AbortSignal
}

export type AuthedResponse = SendResult

/**
 * Any status comes back as a response (not thrown): the APIs explain 400/401/429 in the body and
 * headers (ExpiredToken, rate-limit reset) and each connector decides what that means.
 */
export function authedRequest(
  http: PoliteHttp,
  url: string,
  req: AuthedRequest,
): Promise<AuthedResponse> {
  const headers: Record<string, string> = {}
  if (req.bearer) headers.authorization = `Bearer ${req.bearer}`
  if (req.json !== undefined) headers['content-type'] = 'application/json'
  return http.send(url, {
    method: req.method ?? 'GET',
    headers,
    body: req.json === undefined ? undefined : JSON.stringify(req.json),
    allowPrivateNetwork: req.allowPrivateNetwork,
    signal: req.signal,
  })
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
