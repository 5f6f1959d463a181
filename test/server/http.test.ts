import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http'
import { freshService, SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'

let srv: BrowserServer | undefined
afterEach(async () => {
  await srv?.close()
  srv = undefined
})

async function start() {
  const { service } = freshService()
  const root = tempDir()
  const staticDir = join(root, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Footprint</title>')
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET-CONTENT')
  srv = await startBrowserServer({ service, staticDir })
  // Every tab signs in: the operations below need a signed-in ORM lead, not the system.
  await service.call('users.create', ORM_LEAD, { actor: 'test' })
  const signIn = await api(
    srv,
    'auth.signIn',
    JSON.stringify({ email: ORM_LEAD.email, password: ORM_LEAD.password }),
  )
  expect(signIn.status).toBe(200)
  return { service, srv }
}

const ORM_LEAD = {
  displayName: 'Jo Bloggs',
  email: 'jo@school.example',
  role: 'orm_lead',
  password: 'correct horse battery',
}
/** The id a tab keeps in sessionStorage and sends on every call. */
const TAB = 'tab-id-0123456789abcdef'

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP so tests can send any Host header and malformed bodies, as an attacker would. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: false,
      },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (opts.body !== undefined) req.write(opts.body)
    req.end()
  })
}

const api = (s: BrowserServer, op: string, body: string, extra: Record<string, string> = {}) =>
  raw(s.port, {
    method: 'POST',
    path: `/api/op/${op}`,
    headers: {
      host: `127.0.0.1:${s.port}`,
      'content-type': 'application/json',
      authorization: `Bearer ${s.token}`,
      'x-footprint-session': TAB,
      ...extra,
    },
    body,
  })

describe('browser-mode server', () => {
  it('listens on loopback only and prints a URL carrying the token', async () => {
    const { srv } = await start()
    expect(srv.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}/?token=${srv.token}`)
    expect(srv.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers a valid call through the same service', async () => {
    const { srv } = await start()
    const r = await api(srv, 'schools.create', JSON.stringify(SCHOOL))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({
      ok: true,
      data: { name: SCHOOL.name, postcode: 'HB4 2QT' },
    })
    expect(r.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('acts as whoever signed in on the tab: another tab, or none, is signed out (401)', async () => {
    const { srv } = await start()
    const session = await api(srv, 'auth.session', '')
    expect(JSON.parse(session.body)).toMatchObject({ data: { user: { email: ORM_LEAD.email } } })
    for (const other of ['other-tab-0123456789abcdef', 'short', '']) {
      const r = await api(srv, 'schools.list', '{}', { 'x-footprint-session': other })
      expect(r.status, other).toBe(401)
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    // A public operation still answers a tab nobody signed in on.
    const status = await api(srv, 'app.status', '', { 'x-footprint-session': 'short' })
    expect(status.status).toBe(200)
  })

  it('refuses calls without the token, or with a wrong one (401)', async () => {
    const { srv } = await start()
    const none = await raw(srv.port, {
      method: 'POST',
      path: '/api/op/schools.list',
      headers: { host: `127.0.0.1:${srv.port}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await api(srv, 'schools.list', '{}', { authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    const events = await raw(srv.port, {
      path: '/api/events?token=nope',
      headers: { host: `127.0.0.1:${srv.port}` },
    })
    expect(events.status).toBe(401)
  })

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const { srv } = await start()
    const r = await api(srv, 'schools.list', '{}', { host: `evil.example:${srv.port}` })
    expect(r.status).toBe(403)
    const page = await raw(srv.port, { path: '/', headers: { host: 'evil.example' } })
    expect(page.status).toBe(403)
    const ok = await api(srv, 'schools.list', '{}', { host: `localhost:${srv.port}` })
    expect(ok.status).toBe(200)
  })

  it('refuses cross-origin calls (CSRF)', async () => {
    const { srv } = await start()
    const r = await api(srv, 'schools.list', '{}', { origin: 'https://evil.example' })
    expect(r.status).toBe(403)
    const same = await api(srv, 'schools.list', '{}', { origin: `http://127.0.0.1:${srv.port}` })
    expect(same.status).toBe(200)
  })

  it('answers malformed JSON and wrong types with 400 and the field, and keeps running', async () => {
    const { srv } = await start()
    const bad = await api(srv, 'schools.create', '{"name": "Oops",')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: '(body)' },
    })
    const wrongType = await api(
      srv,
      'schools.create',
      JSON.stringify({ name: 'Fine name', staff: 'everyone' }),
    )
    expect(wrongType.status).toBe(400)
    expect(JSON.parse(wrongType.body)).toMatchObject({
      error: { field: 'staff', message: 'staff: Staff must be a list' },
    })
    const arrayBody = await api(srv, 'schools.get', '[1,2]')
    expect(arrayBody.status).toBe(400)
    const unknown = await api(srv, 'schools.nuke', '{}')
    expect(unknown.status).toBe(404)
    const textBody = await api(srv, 'schools.list', '{}', { 'content-type': 'text/plain' })
    expect(textBody.status).toBe(415)
    const huge = await api(
      srv,
      'schools.create',
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    )
    expect(huge.status).toBe(413)
    const get = await raw(srv.port, {
      path: '/api/op/schools.list',
      headers: { host: `127.0.0.1:${srv.port}`, authorization: `Bearer ${srv.token}` },
    })
    expect(get.status).toBe(405)
    const after = await api(srv, 'schools.list', '')
    expect(after.status).toBe(200)
  })

  it('serves the renderer with a strict CSP and never files outside it', async () => {
    const { srv } = await start()
    const page = await raw(srv.port, { path: '/', headers: { host: `127.0.0.1:${srv.port}` } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Footprint</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-frame-options']).toBe('DENY')
    const js = await raw(srv.port, {
      path: '/assets/app.js',
      headers: { host: `127.0.0.1:${srv.port}` },
    })
    expect(js.headers['content-type']).toMatch(/javascript/)
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const r = await raw(srv.port, { path, headers: { host: `127.0.0.1:${srv.port}` } })
      expect(r.body).not.toContain('TOP-SECRET-CONTENT')
      expect(r.status).toBe(404)
    }
  })

  it('pushes events to subscribers as server-sent events', async () => {
    const { srv, service } = await start()
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: srv.port,
          path: `/api/events?token=${srv.token}`,
          headers: { host: `127.0.0.1:${srv.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/)
          let buf = ''
          let triggered = false
          res.on('data', (c: Buffer) => {
            buf += c.toString()
            if (!triggered && buf.includes(': connected')) {
              triggered = true
              void service.call('schools.create', SCHOOL, { actor: 'test' })
            }
            const m = /data: (.*)\n\n/.exec(buf)
            if (m) {
              req.destroy()
              resolve(m[1])
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(JSON.parse(received)).toEqual({ type: 'schools.changed' })
  })
})
