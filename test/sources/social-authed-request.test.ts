// Runs in: tests (Node). PoliteHttp.send and the credentialed request the social connectors share:
// they keep the polite layer's guarantees (private-address check, size cap, our User-Agent, one
// request per host at a time) and never carry a token through a redirect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { authedRequest } from '../../src-main/sources/social/authed-request'
import { sourceError, testHttp, TEST_UA } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
  server.route('/echo', async (req, res) => {
    let body = ''
    for await (const chunk of req) body += String(chunk)
    res
      .writeHead(418, { 'content-type': 'application/json' })
      .end(JSON.stringify({ method: req.method, headers: req.headers, body }))
  })
})
afterAll(() => server.close())

const local = { allowPrivateNetwork: true }

interface Echo {
  method: string
  headers: Record<string, string>
  body: string
}

describe('authedRequest over PoliteHttp.send', () => {
  it('sends the bearer token and JSON body, and returns non-2xx answers for the caller to read', async () => {
    const { http } = testHttp()
    const res = await authedRequest(http, `${server.url}/echo`, {
      ...local,
      method: 'POST',
      bearer: 'tok',
      json: { a: 1 },
    })
    expect(res.status).toBe(418)
    const echoed = JSON.parse(res.body) as Echo
    expect(echoed.method).toBe('POST')
    expect(echoed.headers.authorization).toBe('Bearer tok')
    expect(echoed.headers['content-type']).toBe('application/json')
    expect(echoed.headers['user-agent']).toBe(TEST_UA)
    expect(JSON.parse(echoed.body)).toEqual({ a: 1 })
  })

  it('refuses to follow a redirect with credentials', async () => {
    const { http } = testHttp()
    const before = server.hits('/echo')
    const err = await sourceError(
      authedRequest(
        http,
        `${server.url}/redirect-to?url=${encodeURIComponent(`${server.url}/echo`)}`,
        { ...local, bearer: 'tok' },
      ),
    )
    expect(err.code).toBe('redirect_refused')
    expect(server.hits('/echo')).toBe(before)
  })

  it('caps the body size', async () => {
    const { http } = testHttp({ maxBytes: 64 * 1024 })
    const err = await sourceError(authedRequest(http, `${server.url}/huge`, local))
    expect(err.code).toBe('too_large')
  })

  it('checks the address before sending anything', async () => {
    const before = server.requests.length
    const err = await sourceError(
      authedRequest(testHttp().http, `${server.url}/echo`, { bearer: 'tok' }),
    )
    expect(err.code).toBe('private_address')
    const viaDns = await sourceError(
      authedRequest(
        testHttp({ lookup: async () => ['10.0.0.7'] }).http,
        'http://school.example/echo',
        {},
      ),
    )
    expect(viaDns.code).toBe('private_address')
    expect(server.requests.length).toBe(before)
  })

  it('refuses non-HTTP URLs', async () => {
    const { http } = testHttp()
    expect((await sourceError(authedRequest(http, 'file:///etc/passwd', local))).code).toBe('parse')
    expect((await sourceError(authedRequest(http, 'not a url', local))).code).toBe('parse')
  })
})

describe('PoliteHttp.send', () => {
  it('sends PUT and DELETE with the given headers but never lets a caller change the User-Agent', async () => {
    const { http } = testHttp()
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await http.send(`${server.url}/echo`, {
        method,
        headers: { 'User-Agent': 'spoofed', 'X-Goog-FieldMask': 'rating', Host: 'evil.example' },
        body: method === 'PUT' ? 'comment=hi' : undefined,
        ...local,
      })
      const echoed = JSON.parse(res.body) as Echo
      expect(echoed.method).toBe(method)
      expect(echoed.headers['user-agent']).toBe(TEST_UA)
      expect(echoed.headers['x-goog-fieldmask']).toBe('rating')
      expect(echoed.headers.host).toMatch(/^127\.0\.0\.1:/)
      expect(echoed.body).toBe(method === 'PUT' ? 'comment=hi' : '')
    }
  })

  it('does not retry a failed write', async () => {
    const { http } = testHttp()
    const before = server.hits('/status/503')
    const res = await http.send(`${server.url}/status/503`, { method: 'POST', ...local })
    expect(res.status).toBe(503)
    expect(server.hits('/status/503')).toBe(before + 1)
  })
})
