// Runs in: Vitest (Node). Fuzzes the browser-mode server's request parsing over real sockets (so
// fewer cases than the in-process suites: each is a TCP round trip): any request target, op name,
// content type and body must get a JSON answer below 500 — and the server must still answer the
// next request. The service behind it is real but its handlers are recorders, so nothing is written.
import fc from 'fast-check'
import { connect } from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/server/http'
import { OP_NAMES } from '../../src-main/contract'
import { freshService } from '../helpers/service'
import { tempDir } from '../helpers/tmp'
import { ensure, hostileText, params } from './fuzz'

let srv: BrowserServer
beforeAll(async () => {
  const { service } = freshService()
  const handlers = service.handlers as unknown as Record<string, (i: unknown) => unknown>
  for (const n of OP_NAMES) handlers[n] = () => ({ stub: true })
  const staticDir = join(tempDir(), 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Footprint</title>')
  srv = await startBrowserServer({ service, staticDir })
})
afterAll(() => srv.close())

/** One raw HTTP/1.1 exchange: the status line's code, or null if the connection just closed. */
function exchange(raw: Buffer): Promise<{ status: number | null; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(srv.port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      resolve({ status: m ? Number(m[1]) : null, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
    // No half-close: the server closes after answering (Connection: close), as browsers expect.
    socket.write(raw)
  })
}

const target = fc.oneof(
  fc.constantFrom(...OP_NAMES).map((n) => `/api/op/${n}`),
  fc.string({ maxLength: 20 }).map((s) => `/api/op/${encodeURIComponent(s)}`),
  fc.constantFrom(
    '/api/op/%E0%A4%A',
    '/api/op/%',
    '//x:99999',
    '//[::1',
    '/api/op/app.status?x=%',
    '/api/../api/op/app.status',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fsecret',
    '/api/events?token=x',
    '/',
  ),
)

const request = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'),
  target,
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    '',
  ),
  body: fc.oneof(
    fc.json({ maxDepth: 3 }),
    hostileText(20),
    fc.constantFrom('', '{', '{"a":', '\u0000', '[]'.repeat(10), '"\ud800"'),
  ),
  withToken: fc.boolean(),
})

describe('browser-mode server request fuzz', () => {
  it('any request gets a JSON answer below 500, and the server keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const body = Buffer.from(r.body, 'utf8')
        const head = [
          `${r.method} ${r.target} HTTP/1.1`,
          `Host: 127.0.0.1:${srv.port}`,
          r.withToken ? `Authorization: Bearer ${srv.token}` : '',
          r.contentType ? `Content-Type: ${r.contentType}` : '',
          `Content-Length: ${body.length}`,
          'Connection: close',
        ]
          .filter(Boolean)
          .join('\r\n')
        const res = await exchange(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body]))
        ensure(res.status !== null, 'an answer', r)
        ensure(res.status! < 500, `status ${res.status}`, { r, body: res.body })
      }),
      // A TCP round trip each: a tenth of the in-process runs still covers every route and shape.
      params({ numRuns: Math.max(1, Math.floor(params().numRuns! / 10)) }),
    )
    // Still up.
    const ok = await exchange(
      Buffer.from(
        `POST /api/op/app.status HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    )
    expect(ok.status).toBe(200)
  }, 120_000)

  it('regression: an unparseable target or op name is a 4xx, not an uncaught exception', async () => {
    for (const t of ['//x:99999', '//[::1', '/api/op/%E0%A4%A']) {
      const res = await exchange(
        Buffer.from(
          `POST ${t} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        ),
      )
      expect([400, 404]).toContain(res.status)
      expect(JSON.parse(res.body).ok).toBe(false)
    }
  })
})
