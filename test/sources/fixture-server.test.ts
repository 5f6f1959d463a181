// Runs in: tests (Node). The fixture server itself: what benchmarks and later connectors rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { generatedFeed } from '../fixtures/routes/feeds'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

describe('fixture server', () => {
  it('serves 200 distinct deterministic generated feeds with ETags and 304s', async () => {
    const bodies = new Set<string>()
    const etags = new Set<string>()
    for (let n = 0; n < 200; n += 1) {
      const res = await fetch(`${server.url}/feeds/${n}.xml`)
      expect(res.status).toBe(200)
      bodies.add(await res.text())
      etags.add(res.headers.get('etag')!)
    }
    expect(bodies.size).toBe(200)
    expect(etags.size).toBe(200)
    expect(generatedFeed(7)).toBe(generatedFeed(7))
    const again = await fetch(`${server.url}/feeds/7.xml`, {
      headers: { 'if-none-match': (await fetch(`${server.url}/feeds/7.xml`)).headers.get('etag')! },
    })
    expect(again.status).toBe(304)
  })

  it('counts hits by path and by path+query, and lets tests add routes', async () => {
    server.route(
      '/gbp/v4/accounts',
      (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/json' }).end('{"reviews":[]}'),
    )
    await fetch(`${server.url}/gbp/v4/accounts/1/locations/2/reviews?pageSize=50`)
    expect(server.hits('/gbp/v4/accounts/1/locations/2/reviews')).toBe(1)
    expect(server.hits('/gbp/v4/accounts/1/locations/2/reviews?pageSize=50')).toBe(1)
  })

  it('redirects, statuses and Retry-After are shaped as documented', async () => {
    const r = await fetch(`${server.url}/redirect/2?to=/news`, { redirect: 'manual' })
    expect(r.status).toBe(301)
    expect(r.headers.get('location')).toBe('/redirect/1?to=/news')
    const limited = await fetch(`${server.url}/retry-after/9?times=1`)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('9')
    expect((await fetch(`${server.url}/retry-after/9?times=1`)).status).toBe(200)
    expect((await fetch(`${server.url}/status/401`)).headers.get('www-authenticate')).toContain(
      'Basic',
    )
  })
})
