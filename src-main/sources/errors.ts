/**
 * Runs in: main process and CLI (Node). The one error type every connector throws.
 * A source's last error is shown to the ORM lead as-is, so each message names what went
 * wrong and where ("HTTP 404 from example.org"), never a stack or a library's wording.
 */
import { redactSecrets } from './http/redact'

export type SourceErrorCode =
  | 'http_status'
  | 'not_a_feed'
  | 'too_large'
  | 'timeout'
  | 'redirect_loop'
  | 'redirect_refused'
  | 'private_address'
  | 'connection_failed'
  | 'invalid_json'
  | 'auth'
  | 'rate_limited'
  | 'parse'
  /** The secrets store is locked (passphrase not entered yet): not the token's fault, so not 'auth'. */
  | 'locked'

export class SourceError extends Error {
  override readonly name = 'SourceError'
  readonly code: SourceErrorCode
  readonly url: string
  readonly status?: number
  /** When the server said how long to wait (Retry-After, maxlag): the scheduler honours it. */
  readonly retryAfterMs?: number

  constructor(
    code: SourceErrorCode,
    message: string,
    url: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    // The message is stored and shown; a server may have echoed the credentials it was sent.
    super(redactSecrets(message), extra.cause === undefined ? undefined : { cause: extra.cause })
    this.code = code
    this.url = redactSecrets(url)
    if (extra.status !== undefined) this.status = extra.status
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs
  }

  /** Whether trying again later could help: the scheduler backs off rather than flagging the source. */
  get transient(): boolean {
    return (
      this.code === 'timeout' ||
      this.code === 'connection_failed' ||
      this.code === 'rate_limited' ||
      (this.code === 'http_status' && (this.status ?? 0) >= 500)
    )
  }
}

export function isSourceError(e: unknown): e is SourceError {
  return e instanceof SourceError
}

/** Host for messages: short and what the user typed, without credentials or the path. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
