// Runs in: Vitest (Node). Shared pieces of the fuzz suite: the run settings (a fixed seed by
// default so CI is reproducible; FUZZ_SEED / FUZZ_RUNS to explore), generators for hostile text and
// for payloads mutated from the real APIs' shapes, a PoliteHttp stand-in that answers with those
// payloads, the FetchedItem invariants every connector owes the poller, and time/heap guards.
import fc from 'fast-check'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { PoliteHttp } from '../../src-main/sources/http'
import type { FetchedItem } from '../../src-main/sources/types'

const DEFAULT_SEED = 20261121
const DEFAULT_RUNS = 10_000

export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED
export const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : DEFAULT_RUNS

/** Run settings for one property; fast-check prints the seed and the shrunk case on failure. */
export function params<T>(over: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: SEED, numRuns: RUNS, endOnFailure: false, ...over }
}

/** A vitest timeout sized to the number of runs, so FUZZ_RUNS=100000 does not trip it. */
export const testTimeout = (msPer10k: number) => Math.max(20_000, (msPer10k * RUNS) / 10_000)

// ---- hostile text ---------------------------------------------------------------------------

const TRICKY_CHARS = [
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u2060', // word joiner
  '\ufeff', // BOM
  '\u202e', // right-to-left override
  '\u202c',
  '\u200f', // right-to-left mark
  '\u0301', // combining acute
  '\u0130', // İ: lower-cases to two units
  '\u00df', // ß: upper-cases to two
  '\ufb01', // ﬁ ligature
  '\u0410', // Cyrillic A (homoglyph)
  '\u043e', // Cyrillic o
  '\u0455', // Cyrillic s
  '\uff33', // fullwidth S
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '😀',
  '👩‍👧',
  '\u0000',
  '\r\n',
  '\t',
  ' ',
  '&amp;',
  '&#x1F600;',
  '&#0;',
  '<',
  '>',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1))',
  '**bold**',
  '=HYPERLINK("http://x")',
  '@SUM(A1)',
  '+1',
  '-2',
  'http://example.com/a?b=c',
  'שלום',
  'مدرسة',
  'Школа',
  '学校',
]

const WORDS = [
  'school',
  'St',
  "Aldhelm's",
  'Aldhelms',
  'Saint',
  'Primary',
  'Academy',
  'C of E',
  'Hollinbury',
  'teacher',
  'head',
  'Mrs',
  'Okafor',
  'kill',
  'hate',
  'lovely',
  'awful',
  'bully',
  'address',
  '07700 900123',
  'HB4 2AA',
  'not',
  'very',
  'child',
  'police',
  '!!!',
  '?',
  '...',
  'and',
  '&',
  'Mary’s',
  'St.',
]

/** Text from words, tricky code points and any unicode, short enough for 10,000 runs. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '. ', ', ') },
  )
  return fc.array(piece, { maxLength }).map((p) => p.join(''))
}

// ---- payloads mutated from a valid shape ----------------------------------------------------

const SPECIAL = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  [],
  {},
  [null],
  'null',
  '__proto__',
  'constructor',
  '9999-99-99T99:99:99Z',
  '2025-13-45',
  '+275760-09-13T00:00:00.001Z',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '\u0000',
  '\ud800',
)

const wild: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: SPECIAL },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)

function leaf(v: unknown): fc.Arbitrary<unknown> {
  const same: fc.Arbitrary<unknown> =
    typeof v === 'string'
      ? fc.oneof(hostileText(12), fc.string({ maxLength: 8 }))
      : typeof v === 'number'
        ? fc.oneof(fc.integer(), fc.double())
        : typeof v === 'boolean'
          ? fc.boolean()
          : wild
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(v) },
    { weight: 2, arbitrary: same },
    { weight: 1, arbitrary: wild },
  )
}

/**
 * Payloads near a real one: each value kept, replaced by one of its type, or by anything; keys
 * dropped; arrays shortened or repeated. Most cases get past the first type checks, so the code
 * that reads fields deep inside runs too.
 */
export function mutated(template: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(template)) {
    const el = template.length ? fc.oneof(...template.map((t) => mutated(t))) : wild
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(el, { maxLength: Math.max(4, template.length + 1) }) },
      { weight: 1, arbitrary: wild },
    )
  }
  if (template && typeof template === 'object') {
    const shape: Record<string, fc.Arbitrary<unknown>> = {}
    for (const [k, v] of Object.entries(template)) shape[k] = mutated(v)
    return fc.oneof(
      { weight: 6, arbitrary: fc.record(shape) },
      { weight: 3, arbitrary: fc.record(shape, { requiredKeys: [] }) },
      { weight: 1, arbitrary: wild },
    )
  }
  return leaf(template)
}

/** A response body: mostly JSON of a mutated payload, sometimes arbitrary JSON or not JSON at all. */
export function body(template: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: mutated(template).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '{}', '"x"', '<html></html>') },
  )
}

// ---- a PoliteHttp that answers from the test --------------------------------------------------

export interface Answer {
  status?: number
  body: string
  headers?: Record<string, string>
}

export const NOW = Date.UTC(2025, 2, 5, 12, 0, 0)

/** Never touches the network: every request gets `answer(url, method)`. */
export function fakeHttp(answer: (url: string, method: string) => Answer): PoliteHttp {
  return {
    userAgent: 'Footprint-fuzz/1.0 (+mailto:orm@example.org)',
    now: () => NOW,
    sleep: async () => {},
    async get(url) {
      const a = answer(url, 'GET')
      return {
        status: a.status ?? 200,
        notModified: false,
        body: a.body,
        headers: { 'content-type': 'application/json', ...a.headers },
        finalUrl: url,
        etag: null,
        lastModified: null,
      }
    },
    async send(url, o) {
      const a = answer(url, o.method)
      return {
        status: a.status ?? 200,
        headers: { 'content-type': 'application/json', ...a.headers },
        body: a.body,
      }
    },
  }
}

// ---- what every connector owes the poller -----------------------------------------------------

const isIso = (s: string) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s

/**
 * A plain assertion for hot predicates: vitest's expect costs tens of microseconds a call, which
 * across 10,000 cases of a dozen checks each is most of the suite's time.
 */
export function ensure(ok: boolean, what: string, value?: unknown): asserts ok {
  if (!ok) {
    let shown: string
    try {
      shown = JSON.stringify(value)
    } catch {
      shown = String(value)
    }
    throw new Error(`${what}${value === undefined ? '' : `: ${shown}`}`)
  }
}

const nullOrString = (v: unknown) => v === null || typeof v === 'string'

function httpLink(v: string): boolean {
  try {
    const p = new URL(v).protocol
    return p === 'http:' || p === 'https:'
  } catch {
    return false
  }
}

/** The FetchedItem contract: plain text, an id, http(s) links only, ISO dates, JSON-safe. */
export function checkItem(item: FetchedItem): void {
  ensure(typeof item.externalId === 'string' && item.externalId.length > 0, 'externalId', item)
  ensure(typeof item.text === 'string', 'text is a string', item)
  ensure(nullOrString(item.title), 'title', item)
  ensure(nullOrString(item.author), 'author', item)
  ensure(nullOrString(item.url) && nullOrString(item.authorUrl ?? null), 'links', item)
  for (const link of [item.url, item.authorUrl ?? null]) {
    if (link !== null) ensure(httpLink(link), 'links are absolute http(s)', item)
  }
  ensure(item.publishedAt === null || isIso(item.publishedAt), 'publishedAt is ISO', item)
  ensure(item.meta === undefined || typeof item.meta === 'object', 'meta', item)
  JSON.stringify(item)
}

// ---- time and memory ----------------------------------------------------------------------------

/** Wraps a predicate so the slowest case is known; assert it after the run. */
export function timed<A extends unknown[], R>(fn: (...a: A) => R) {
  const stats = { max: 0, cases: 0 }
  const wrapped = (...a: A): R => {
    const t0 = performance.now()
    try {
      return fn(...a)
    } finally {
      stats.max = Math.max(stats.max, performance.now() - t0)
      stats.cases++
    }
  }
  return { fn: wrapped, stats }
}

/** As `timed`, for async predicates. */
export function timedAsync<A extends unknown[], R>(fn: (...a: A) => Promise<R>) {
  const stats = { max: 0, cases: 0 }
  const wrapped = async (...a: A): Promise<R> => {
    const t0 = performance.now()
    try {
      return await fn(...a)
    } finally {
      stats.max = Math.max(stats.max, performance.now() - t0)
      stats.cases++
    }
  }
  return { fn: wrapped, stats }
}

/**
 * The slowest case may take this long. Generous: eight engineers share two cores, and a case
 * that hangs (catastrophic backtracking, a loop on bad data) takes seconds or never ends.
 */
export const MAX_CASE_MS = Number(process.env.FUZZ_MAX_CASE_MS ?? 1_500)

let gcFn: (() => void) | null = null
/** A full collection, so heap figures compare live data rather than garbage. */
export function collect(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc')
    gcFn = runInNewContext('gc') as () => void
  }
  gcFn()
  gcFn()
}

export function heapUsed(): number {
  collect()
  return process.memoryUsage().heapUsed
}

/** Heap growth allowed across a whole run once caches are warm: leaks grow with the runs. */
export const MAX_HEAP_GROWTH_BYTES = 24 * 1024 * 1024
