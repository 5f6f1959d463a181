// Runs in: main process and CLI (Node). Why a capture could not be made, in words for school office
// staff. A failed capture stores nothing, so the message is all the user gets: it must say what to do.

export type CaptureErrorCode =
  | 'invalid_url'
  | 'private_address'
  | 'no_browser'
  | 'navigation_failed'
  | 'timeout'
  | 'unsupported_type'
  | 'too_large'
  | 'ocr_failed'
  | 'storage_failed'

export class CaptureError extends Error {
  override name = 'CaptureError'
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Chromium's net::ERR_* codes, as a person would put them. */
const NET_ERRORS: [RegExp, string][] = [
  [/ERR_NAME_NOT_RESOLVED/, 'the web address could not be found (no such site, or no internet)'],
  [/ERR_CONNECTION_REFUSED/, 'the site refused the connection'],
  [/ERR_CONNECTION_(RESET|CLOSED)|ERR_EMPTY_RESPONSE/, 'the site closed the connection'],
  [
    /ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED/,
    'this computer is not connected to the internet',
  ],
  [/ERR_CERT_|ERR_SSL_/, 'the site’s security certificate is not valid'],
  [/ERR_TOO_MANY_REDIRECTS/, 'the site keeps redirecting to itself'],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, 'the site did not answer in time'],
  [/ERR_ABORTED/, 'the page started a download or was cancelled, not shown'],
]

export function describeNavigationError(message: string): string {
  const known = NET_ERRORS.find(([re]) => re.test(message))
  if (known) return known[1]
  const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1]
  return code ? `the browser could not open it (${code})` : 'the browser could not open it'
}
