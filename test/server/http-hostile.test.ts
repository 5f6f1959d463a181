// Runs in: Vitest (Node). Browser mode against a hostile page or local program: the paths, methods,
// origins, hosts and bodies an attacker would try beyond the basics in http.test.ts. Each must be refused
// without serving a byte from outside the renderer folder, and the server must keep answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connect } from 'node:net'
import { request } from 'node:http'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http'
import { freshService } from '../helpers/service'
import { tempDir } from '../helpers/tmp'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER'
let srv: BrowserServer
let host = ''

beforeAll(async () => {
  const { service } = freshService()
  const root = tempDir('footprint-hostile-')
  const staticDir = join(root, 'renderer')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Footprint</title>')
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), SECRET)
  mkdirSync(join(root, 'private'))
  writeFileSync(join(root, 'private', 'notes.txt'), SECRET)
  // Links planted inside the renderer folder that lead out of it.
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'linked.txt'))
  symlinkSync(join(root, 'private'), join(staticDir, 'linked-dir'))
  srv = await startBrowserServer({ service, staticDir })
  host = `127.0.0.1:${srv.port}`
})
afterAll(() => srv.close())

interface Raw {
  status: number
  body: string
}

function raw(opts: {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string
}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: srv.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host, ...opts.headers },
        setHost: false,
      },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      },
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

/** Bytes exactly as written: Node's client would normalise some of these paths and headers. */
function wire(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(srv.port, '127.0.0.1', () => socket.end(text))
    let out = ''
    socket.on('data', (c) => (out += c.toString('latin1')))
    socket.on('end', () => resolve(out))
    socket.on('close', () => resolve(out))
    socket.on('error', reject)
  })
}

const authed = (extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${srv.token}`,
  'content-type': 'application/json',
  ...extra,
})

describe('browser-mode server against hostile requests', () => {
  it('never serves a file from outside the renderer, however the path is spelt', async () => {
    const paths = [
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%252fsecret.txt',
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/..%5c..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//secret.txt',
      '///..//secret.txt',
      '/assets//../../secret.txt',
      '/index.html%00/../../secret.txt',
      `/${join('..', 'secret.txt')}`,
      '/assets/linked.txt',
      '/linked-dir/notes.txt',
      '/private/notes.txt',
      '/etc/passwd',
      '//etc/passwd',
      '/proc/self/environ',
    ]
    for (const path of paths) {
      const r = await raw({ path })
      expect(r.body, path).not.toContain(SECRET)
      expect(r.body, path).not.toMatch(/root:x:0:0/)
      expect([400, 403, 404], path).toContain(r.status)
    }
    // Raw bytes Node's own client would tidy up: backslashes, absolute-form and bare dot segments.
    for (const target of ['/..\\secret.txt', '\\..\\secret.txt', '/assets/..\\..\\secret.txt', `http://${host}/../secret.txt`, '/../../secret.txt', '*']) {
      const answer = await wire(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
      expect(answer, target).not.toContain(SECRET)
      expect(answer, target).toMatch(/^HTTP\/1\.1 (400|403|404)/)
    } // prettier-ignore
    expect((await raw({ path: '/' })).status).toBe(200)
  })

  it('accepts the token only in the Authorization header, except on the event stream', async () => {
    for (const path of [
      `/api/op/schools.list?token=${srv.token}`,
      `/api/op/app.status/?token=${srv.token}`,
      `/api/events/x?token=${srv.token}`,
      `/api/other?token=${srv.token}`,
    ]) {
      const r = await raw({
        method: path.includes('/op/') ? 'POST' : 'GET',
        path,
        headers: { 'content-type': 'application/json' },
        body: path.includes('/op/') ? '{}' : undefined,
      })
      expect(r.status, path).toBe(401)
    }
    const lower = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed({ authorization: `bearer ${srv.token}` }), body: '{}' }) // prettier-ignore
    expect(lower.status).toBe(200)
    const basic = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed({ authorization: `Basic ${srv.token}` }), body: '{}' }) // prettier-ignore
    expect(basic.status).toBe(401)
    const prefix = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed({ authorization: `Bearer ${srv.token.slice(0, -1)}` }), body: '{}' }) // prettier-ignore
    expect(prefix.status).toBe(401)
  })

  it('refuses an opaque or look-alike Origin, and look-alike Host headers', async () => {
    for (const origin of [
      'null',
      'file://',
      `https://${host}`,
      `http://${host}.evil.example`,
      `http://evil.example#${host}`,
      `http://127.0.0.1:${srv.port + 1}`,
      'http://127.0.0.1',
    ]) {
      const r = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed({ origin }), body: '{}' }) // prettier-ignore
      expect(r.status, `Origin ${origin}`).toBe(403)
    }
    for (const h of [
      `127.0.0.1:${srv.port}.evil.example`,
      `localhost.evil.example:${srv.port}`,
      `127.0.0.1:${srv.port}@evil.example`,
      '127.0.0.1',
      `0.0.0.0:${srv.port}`,
      `[::1]:${srv.port}`,
      '',
    ]) {
      const r = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed({ host: h }), body: '{}' }) // prettier-ignore
      expect(r.status, `Host ${h}`).toBe(403)
    }
    const none = await wire(`GET / HTTP/1.0\r\n\r\n`)
    expect(none).toMatch(/^HTTP\/1\.1 403/)
  })

  it('calls operations with POST only, and refuses every other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const r = await raw({ method, path: '/api/op/schools.list', headers: authed() })
      expect(r.status, method).toBe(405)
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await raw({ method, path: '/index.html' })
      expect(r.status, `${method} on a page`).toBe(405)
    }
    // A cross-site preflight is refused before the token is even looked at.
    const preflight = await raw({ method: 'OPTIONS', path: '/api/op/schools.list', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }) // prettier-ignore
    expect(preflight.status).toBe(403)
  })

  it('cuts off bodies over the limit, chunked or not, and keeps answering', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
    const fixed = await raw({ method: 'POST', path: '/api/op/schools.create', headers: authed(), body: big }) // prettier-ignore
    expect(fixed.status).toBe(413)
    // Chunked, with no length announced, and far past the drain allowance: the socket is cut.
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(srv.port, '127.0.0.1', () => {
        socket.write(`POST /api/op/schools.create HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${srv.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`) // prettier-ignore
        const chunk = 'a'.repeat(64 * 1024)
        const frame = `${chunk.length.toString(16)}\r\n${chunk}\r\n`
        let sent = 0
        const pump = () => {
          while (sent < 40 * 1024 * 1024 && !socket.destroyed) {
            sent += chunk.length
            if (!socket.write(frame)) return void socket.once('drain', pump)
          }
          if (!socket.destroyed) socket.end('0\r\n\r\n')
        }
        pump()
      })
      let out = ''
      socket.on('data', (c) => (out += c.toString('latin1')))
      socket.on('error', () => resolve(out))
      socket.on('close', () => resolve(out))
    })
    expect(answer === '' || /^HTTP\/1\.1 413/.test(answer), answer.slice(0, 80)).toBe(true)
    const after = await raw({ method: 'POST', path: '/api/op/app.status', headers: authed(), body: '{}' }) // prettier-ignore
    expect(after.status).toBe(200)
  }, 60_000)
})
