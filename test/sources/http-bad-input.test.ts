// Runs in: tests (Node). Every hostile or broken response ends as a specific SourceError.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { isPrivateAddress } from '../../src-main/sources/http'
import { PUBLIC_HOST, routePublicHostTo, sourceError, testHttp } from './helpers'

let server: FixtureServer
let host: string
beforeAll(async () => {
  server = await startFixtureServer()
  host = `127.0.0.1:${server.port}`
})
afterAll(() => server.close())

const local = { allowPrivateNetwork: true }

describe('bad input at the HTTP layer', () => {
  it('a 20 MiB chunked body stops at the 5 MiB cap', async () => {
    const { http } = testHttp()
    const e = await sourceError(http.get(`${server.url}/huge`, local))
    expect(e.code).toBe('too_large')
    expect(e.message).toBe(`body over 5 MiB from ${host}`)
  })

  it('a declared 20 MiB body is refused before reading', async () => {
    const { http } = testHttp()
    const e = await sourceError(http.get(`${server.url}/huge?length=1`, local))
    expect(e.code).toBe('too_large')
  })

  it('a gzip bomb stops at the cap on the decompressed size', async () => {
    const { http } = testHttp()
    const before = process.memoryUsage().rss
    const e = await sourceError(http.get(`${server.url}/gzip-bomb`, local))
    expect(e.code).toBe('too_large')
    expect(e.message).toBe(`body over 5 MiB from ${host}`)
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
  })

  it('the cap is configurable', async () => {
    const { http } = testHttp({ maxBytes: 1024 })
    const e = await sourceError(http.get(`${server.url}/news`, local))
    expect(e.message).toBe(`body over 1 KiB from ${host}`)
  })

  it('a redirect loop', async () => {
    const { http } = testHttp()
    const e = await sourceError(http.get(`${server.url}/redirect-loop`, local))
    expect(e.code).toBe('redirect_loop')
    expect(e.message).toBe(`redirect loop at ${host}`)
  })

  it('too many redirects', async () => {
    const { http } = testHttp({ maxRedirects: 3 })
    const e = await sourceError(http.get(`${server.url}/redirect/5`, local))
    expect(e.code).toBe('redirect_loop')
    expect(e.message).toBe(`more than 3 redirects from ${host}`)
    expect(server.hits('/redirect/2')).toBe(1)
  })

  it('a redirect to a non-HTTP scheme', async () => {
    const { http } = testHttp()
    const target = encodeURIComponent('file:///etc/passwd')
    const e = await sourceError(http.get(`${server.url}/redirect-to?url=${target}`, local))
    expect(e.code).toBe('redirect_refused')
    expect(e.message).toBe(`redirect from ${host} to a file: URL refused`)
  })

  it('a loopback or private address as the source itself, unless allowed', async () => {
    const { http } = testHttp()
    const seen = server.requests.length
    const e = await sourceError(http.get(`${server.url}/news`))
    expect(e.code).toBe('private_address')
    expect(e.message).toBe(
      `${host} is a private address (127.0.0.1); allow private network for this source to use it`,
    )
    expect(server.requests.length).toBe(seen) // refused before connecting
    const viaName = await sourceError(http.get(`http://localhost:${server.port}/news`))
    expect(viaName.code).toBe('private_address')
    expect((await http.get(`${server.url}/news`, local)).status).toBe(200)
  })

  describe('a public host redirecting to a private address', () => {
    const cases = [
      ['loopback (this server)', ''],
      ['10.x', '?ip=10.1.2.3'],
      ['192.168.x', '?ip=192.168.0.10'],
      ['link-local metadata', '?ip=169.254.169.254'],
      ['IPv6 loopback', '?ip=::1'],
      ['IPv4-mapped IPv6', '?ip=::ffff:127.0.0.1'],
    ] as const
    for (const [name, query] of cases) {
      it(`is refused: ${name}`, async () => {
        const { http } = testHttp({ fetch: routePublicHostTo(server.port) })
        const e = await sourceError(
          http.get(`http://${PUBLIC_HOST}:${server.port}/redirect-to-private${query}`),
        )
        expect(e.code).toBe('private_address')
        expect(e.message).toMatch(
          new RegExp(`^redirect from ${PUBLIC_HOST}:${server.port} to private address .+ refused$`),
        )
      })
    }

    it('is followed when the user allowed private network for this source', async () => {
      const { http } = testHttp({ fetch: routePublicHostTo(server.port) })
      const res = await http.get(`http://${PUBLIC_HOST}:${server.port}/redirect-to-private`, local)
      expect(res.finalUrl).toBe(`${server.url}/news`)
    })
  })

  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:7f00:1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      expect(isPrivateAddress(a), a).toBe(true)
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2a00:1450:4009:81f::200e', '172.32.0.1']) {
      expect(isPrivateAddress(a), a).toBe(false)
    }
  })

  it('connection refused', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    const { http, sleeps } = testHttp({ retries: 1 })
    const e = await sourceError(http.get(`http://127.0.0.1:${port}/feed`, local))
    expect(e.code).toBe('connection_failed')
    expect(e.message).toBe(`connection refused by 127.0.0.1:${port}`)
    expect(sleeps).toHaveLength(1)
  })

  it('a name that does not resolve', async () => {
    const { http } = testHttp({
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
      },
    })
    const e = await sourceError(http.get('https://no-such-host.invalid/feed'))
    expect(e.code).toBe('connection_failed')
    expect(e.message).toBe('could not resolve host no-such-host.invalid')
  })

  it('a server that never answers times out', async () => {
    const { http } = testHttp({ timeoutMs: 300 })
    const e = await sourceError(http.get(`${server.url}/slow`, local))
    expect(e.code).toBe('timeout')
    expect(e.message).toBe(`no answer from ${host} within 0.3 s`)
  })

  it('the caller can cancel', async () => {
    const { http } = testHttp()
    const ac = new AbortController()
    const p = http.get(`${server.url}/slow?cancel`, { ...local, signal: ac.signal })
    await server.waitForRequest('/slow?cancel')
    ac.abort(new Error('poll cancelled'))
    await expect(p).rejects.toThrow('poll cancelled')
  })

  it.each([
    [401, 'auth', 'HTTP 401 from HOST (access denied)'],
    [403, 'auth', 'HTTP 403 from HOST (access denied)'],
    [404, 'http_status', 'HTTP 404 from HOST'],
    [410, 'http_status', 'HTTP 410 from HOST'],
  ])('HTTP %i', async (status, code, message) => {
    const { http, sleeps } = testHttp()
    const e = await sourceError(http.get(`${server.url}/status/${status}`, local))
    expect(e.code).toBe(code)
    expect(e.status).toBe(status)
    expect(e.message).toBe(message.replace('HOST', host))
    expect(sleeps).toEqual([]) // 4xx is not retried
  })

  it('an invalid URL', async () => {
    const { http } = testHttp()
    expect((await sourceError(http.get('not a url'))).message).toBe('not a valid URL: not a url')
    expect((await sourceError(http.get('ftp://x.example/'))).code).toBe('parse')
  })
})
