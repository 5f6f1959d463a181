// Runs in: tests (Node). The polite HTTP layer against the local fixture server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { backoffDelay, buildUserAgent, parseRetryAfter } from '../../src-main/sources/http'
import { NOW, TEST_UA, settle, sourceError, testHttp } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

const local = { allowPrivateNetwork: true }

describe('polite HTTP', () => {
  it('sends a descriptive User-Agent with the contact address, and gzip in Accept-Encoding', async () => {
    const { http } = testHttp()
    const res = await http.get(`${server.url}/news?ua`, local)
    expect(res.status).toBe(200)
    const req = server.requests.find((r) => r.search === '?ua')!
    expect(req.headers['user-agent']).toBe(TEST_UA)
    expect(req.headers['accept-encoding']).toContain('gzip')
    expect(buildUserAgent('0.1.0', 'orm@school.example')).toBe(
      'Footprint/0.1.0 (school reputation monitor; +mailto:orm@school.example)',
    )
  })

  it('decodes gzip bodies', async () => {
    const { http } = testHttp()
    const res = await http.get(`${server.url}/gzip/news-rss.xml`, local)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body).toContain("St Aldhelm's pupils raise £2,000")
  })

  it('inflates a still-gzipped body from a fetch that does not decode', async () => {
    const real = await fetch(`${server.url}/gzip/news-rss.xml`)
    const rawFetch: typeof fetch = async () => {
      const { gzipSync } = await import('node:zlib')
      const text = await real.text()
      return new Response(gzipSync(text), { headers: { 'content-encoding': 'gzip' } })
    }
    const { http } = testHttp({ fetch: rawFetch })
    const res = await http.get('http://127.0.0.1:1/x', local)
    expect(res.body).toContain('Hollinbury Gazette')
  })

  it('conditional GET: a matching ETag gets 304, notModified and an empty body', async () => {
    const { http } = testHttp()
    const first = await http.get(`${server.url}/etag/news-rss.xml`, local)
    expect(first.etag).toMatch(/^".+"$/)
    expect(first.lastModified).toBeTruthy()
    const second = await http.get(`${server.url}/etag/news-rss.xml`, { ...local, etag: first.etag })
    expect(second.status).toBe(304)
    expect(second.notModified).toBe(true)
    expect(second.body).toBe('')
    expect(second.etag).toBe(first.etag)
    const byDate = await http.get(`${server.url}/etag/news-rss.xml`, {
      ...local,
      lastModified: first.lastModified,
    })
    expect(byDate.notModified).toBe(true)
    const last = server.requests.at(-1)!
    expect(last.headers['if-modified-since']).toBe(first.lastModified)
  })

  it('honours 429 Retry-After through the injected sleep, then succeeds', async () => {
    const { http, sleeps } = testHttp()
    const res = await http.get(`${server.url}/retry-after/7?times=1`, local)
    expect(res.status).toBe(200)
    expect(sleeps).toEqual([7000])
    expect(server.hits('/retry-after/7')).toBe(2)
  })

  it('honours 503 Retry-After given as an HTTP date', async () => {
    const { http, sleeps } = testHttp({ now: () => Date.now() })
    const res = await http.get(`${server.url}/retry-after/30?times=1&status=503&date=1`, local)
    expect(res.status).toBe(200)
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThan(25_000)
    expect(sleeps[0]).toBeLessThanOrEqual(30_000)
  })

  it('gives up with rate_limited (and the wait) when Retry-After is too long to wait in-line', async () => {
    const { http, sleeps } = testHttp()
    const e = await sourceError(http.get(`${server.url}/retry-after/3600?times=5`, local))
    expect(e.code).toBe('rate_limited')
    expect(e.status).toBe(429)
    expect(e.retryAfterMs).toBe(3_600_000)
    expect(e.message).toBe(
      `HTTP 429 from 127.0.0.1:${server.port} (rate limited; retry after 3600 s)`,
    )
    expect(sleeps).toEqual([])
  })

  it('keeps later requests to a rate-limited host waiting too', async () => {
    const { http, sleeps } = testHttp({ retries: 0 })
    await sourceError(http.get(`${server.url}/retry-after/20?times=1&k=2`, local))
    await http.get(`${server.url}/news?after-429`, local)
    expect(sleeps).toEqual([20_000])
  })

  it('backs off with full jitter on 5xx, bounded by the cap', async () => {
    const { http, sleeps } = testHttp({ retries: 3, random: () => 0.999, maxBackoffMs: 3000 })
    const res = await http.get(`${server.url}/flaky?times=3&status=502`, local)
    expect(res.status).toBe(200)
    // ceilings 1000, 2000, then capped at 3000; random just under 1 gives just under each.
    expect(sleeps).toEqual([999, 1998, 2997])
    for (let attempt = 0; attempt < 10; attempt++) {
      for (const r of [0, 0.3, 0.999]) {
        const d = backoffDelay(attempt, 1000, 30_000, () => r)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThan(Math.min(30_000, 1000 * 2 ** attempt))
      }
    }
  })

  it('reports the last failure once retries are spent', async () => {
    const { http, sleeps } = testHttp({ retries: 2 })
    const e = await sourceError(http.get(`${server.url}/flaky?times=9&status=500&x=1`, local))
    expect(e.code).toBe('http_status')
    expect(e.message).toBe(`HTTP 500 from 127.0.0.1:${server.port}`)
    expect(sleeps).toHaveLength(2)
  })

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000)
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000)
    expect(parseRetryAfter('soon', NOW)).toBeNull()
    expect(parseRetryAfter(null, NOW)).toBeNull()
  })

  it('follows redirects by hand and reports the final URL', async () => {
    const { http } = testHttp()
    const res = await http.get(`${server.url}/redirect/3?to=/google-alerts`, local)
    expect(res.finalUrl).toBe(`${server.url}/google-alerts`)
    expect(res.body).toContain('Google Alert')
  })

  it('sends caller headers, keeps them on a same-origin redirect and drops them on a cross-origin one', async () => {
    server.route('/whoami', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ auth: req.headers.authorization ?? null, ua: req.headers['user-agent'] }),
      )
    })
    const { http } = testHttp()
    const headers = { Authorization: 'Bearer s3cret', 'User-Agent': 'spoof' }
    const same = await http.get(
      `${server.url}/redirect-to?url=${encodeURIComponent(`${server.url}/whoami`)}`,
      { ...local, headers },
    )
    expect(JSON.parse(same.body)).toEqual({ auth: 'Bearer s3cret', ua: TEST_UA })
    const other = `http://localhost:${server.port}/whoami`
    const cross = await http.get(`${server.url}/redirect-to?url=${encodeURIComponent(other)}`, {
      ...local,
      headers,
    })
    expect(cross.finalUrl).toBe(other)
    expect(JSON.parse(cross.body)).toEqual({ auth: null, ua: TEST_UA })
  })

  it('decodes the declared charset', async () => {
    server.route('/latin1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' })
      res.end(Buffer.from([0x3c, 0x61, 0x3e, 0xa3, 0x35, 0x3c, 0x2f, 0x61, 0x3e])) // <a>£5</a>
    })
    const { http } = testHttp()
    expect((await http.get(`${server.url}/latin1`, local)).body).toBe('<a>£5</a>')
  })
})

describe('concurrency', () => {
  it('never has two requests to one host in flight at once (real server)', async () => {
    const { http } = testHttp()
    server.resetStats()
    const a = http.get(`${server.url}/hold/a`, local)
    const b = http.get(`${server.url}/hold/b`, local)
    await server.waitForRequest('/hold/a')
    await settle(20)
    expect(server.hits('/hold/b')).toBe(0)
    server.release('a')
    await server.waitForRequest('/hold/b')
    server.release('b')
    await Promise.all([a, b])
    expect(server.stats().maxInFlightByHost[`127.0.0.1:${server.port}`]).toBe(1)
  })

  it('one request per host and a global cap across hosts (controlled fetch)', async () => {
    const started: string[] = []
    const finishers = new Map<string, () => void>()
    const fakeFetch: typeof fetch = (input) => {
      const url = String(input)
      started.push(url)
      return new Promise((resolve) =>
        finishers.set(url, () => resolve(new Response('ok', { status: 200 }))),
      )
    }
    const { http } = testHttp({ fetch: fakeFetch, globalConcurrency: 2 })
    const urls = [
      'http://a.example/1',
      'http://a.example/2',
      'http://b.example/1',
      'http://c.example/1',
    ]
    const all = Promise.all(urls.map((u) => http.get(u)))
    await settle()
    // a/1 and b/1 run; a/2 waits for its host, c/1 for the global cap.
    expect(started).toEqual(['http://a.example/1', 'http://b.example/1'])
    finishers.get('http://a.example/1')!()
    await settle()
    // The global slot goes to c/1, which queued for it first; a/2 now queues for a global slot.
    expect(started).toEqual(['http://a.example/1', 'http://b.example/1', 'http://c.example/1'])
    finishers.get('http://b.example/1')!()
    await settle()
    expect(started.at(-1)).toBe('http://a.example/2')
    finishers.get('http://a.example/2')!()
    finishers.get('http://c.example/1')!()
    expect(await all).toHaveLength(4)
  })
})
