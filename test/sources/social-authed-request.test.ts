// Runs in: tests (Node). The credentialed request the social connectors share: it must keep the
// polite layer's guarantees (private-address check, size cap) and never carry a token through a
// redirect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { authedRequest } from '../../src-main/sources/social/authed-request'
import { sourceError } from './helpers'

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

describe('authedRequest', () => {
  it('sends the bearer token and JSON body, and returns non-2xx answers for the caller to read', async () => {
    const res = await authedRequest(
      `${server.url}/echo`,
      { ...local, method: 'POST', bearer: 'tok', json: { a: 1 } },
      { userAgent: 'Footprint/test' },
    )
    expect(res.status).toBe(418)
    const echoed = JSON.parse(res.body) as {
      method: string
      headers: Record<string, string>
      body: string
    }
    expect(echoed.method).toBe('POST')
    expect(echoed.headers.authorization).toBe('Bearer tok')
    expect(echoed.headers['content-type']).toBe('application/json')
    expect(echoed.headers['user-agent']).toBe('Footprint/test')
    expect(JSON.parse(echoed.body)).toEqual({ a: 1 })
  })

  it('refuses to follow a redirect with credentials', async () => {
    const err = await sourceError(
      authedRequest(`${server.url}/redirect-to?url=${encodeURIComponent(`${server.url}/echo`)}`, {
        ...local,
        bearer: 'tok',
      }),
    )
    expect(err.code).toBe('redirect_refused')
    expect(server.hits('/echo')).toBe(1)
  })

  it('caps the body size', async () => {
    const err = await sourceError(
      authedRequest(`${server.url}/huge`, local, { maxBytes: 64 * 1024 }),
    )
    expect(err.code).toBe('too_large')
  })

  it('checks the address before sending anything', async () => {
    const before = server.requests.length
    const err = await sourceError(authedRequest(`${server.url}/echo`, { bearer: 'tok' }))
    expect(err.code).toBe('private_address')
    const viaDns = await sourceError(
      authedRequest('http://school.example/echo', {}, { lookup: async () => ['10.0.0.7'] }),
    )
    expect(viaDns.code).toBe('private_address')
    expect(server.requests.length).toBe(before)
  })

  it('refuses non-HTTP URLs', async () => {
    const err = await sourceError(authedRequest('file:///etc/passwd', local))
    expect(err.code).toBe('parse')
    expect((await sourceError(authedRequest('not a url', local))).code).toBe('parse')
  })
})
