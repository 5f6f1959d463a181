// Runs in: tests (Node). Builds a polite HTTP client whose clock, sleep and randomness are
// injected, so backoff and Retry-After are asserted without real waiting, and whose DNS lookup
// can pretend a name is public while the fixture server really listens on 127.0.0.1.
import { createPoliteHttp, type PoliteHttpOptions } from '../../src-main/sources/http'
import { SourceError } from '../../src-main/sources/errors'

export const TEST_UA =
  'Footprint/0.1.0 (school reputation monitor; +mailto:orm@st-aldhelms.example)'
export const NOW = Date.UTC(2025, 2, 5, 12, 0, 0)
export const PUBLIC_HOST = 'public.example'

export function testHttp(overrides: Partial<PoliteHttpOptions> = {}) {
  const sleeps: number[] = []
  const http = createPoliteHttp({
    userAgent: TEST_UA,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    lookup: async (host) => (host === 'localhost' ? ['127.0.0.1'] : ['93.184.216.34']),
    timeoutMs: 5_000,
    ...overrides,
  })
  return { http, sleeps }
}

/** A fetch that sends `public.example` to the fixture server, as if DNS said so. */
export function routePublicHostTo(port: number): typeof fetch {
  return (input, init) => {
    const url = String(input).replace(`//${PUBLIC_HOST}:${port}`, `//127.0.0.1:${port}`)
    return fetch(url, init)
  }
}

export async function sourceError(p: Promise<unknown>): Promise<SourceError> {
  try {
    await p
  } catch (e) {
    if (e instanceof SourceError) return e
    throw e
  }
  throw new Error('expected a SourceError, but the call succeeded')
}

/** Lets queued promise callbacks and I/O callbacks run. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r))
}
