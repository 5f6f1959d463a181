// Runs in: CLI (Node), `footprint serve`. Browser mode: the same service as the Electron app, as JSON over
// HTTP on 127.0.0.1 only, for a browser on this machine. Every API call needs the launch token.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import sirv from 'sirv'
import { contract, isOpName, type ApiErrorShape, type ErrorCode } from '../contract'
import type { Service, CallContext } from '../services'
import { CONTENT_SECURITY_POLICY } from '../core/csp'
import { escapingLinks, reachesLink } from './static-guard'

export const MAX_BODY_BYTES = 1024 * 1024
const API_PREFIX = '/api/op/'

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
}

export interface BrowserServerOptions {
  service: Service
  /** The built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  log?: (line: string) => void
}

export interface BrowserServer {
  server: Server
  port: number
  token: string
  /** The address to open; it carries the token, which the page keeps for the session. */
  url: string
  close(): Promise<void>
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  })
  res.end(text)
}

function sendError(res: ServerResponse, status: number, error: ApiErrorShape): void {
  sendJson(res, status, { ok: false, error })
}

export const SESSION_HEADER = 'x-footprint-session'
const SESSION_ID = /^[A-Za-z0-9_-]{16,128}$/

/**
 * Each tab names its own session (a random id it keeps in sessionStorage), so two tabs can be two
 * users. A call without a well-formed id gets the empty session: signed in as nobody, never as the
 * system (which is for the command line only).
 */
function browserContext(req: IncomingMessage): CallContext {
  const given = req.headers[SESSION_HEADER]
  const id = typeof given === 'string' && SESSION_ID.test(given) ? given : ''
  return { actor: 'browser', session: id ? `tab:${id}` : '' }
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** An operation may declare a larger body (capture.image carries a 50 MB image); others get 1 MiB. */
export function maxBodyBytesOf(name: string): number {
  const def = isOpName(name) ? (contract[name] as { maxBodyBytes?: number }) : undefined
  return def?.maxBodyBytes ?? MAX_BODY_BYTES
}

/** Reads at most `limit` bytes; past that it drains (so the client can read our 413) and rejects. */
function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
      // Draining is bounded too: a client that keeps sending is cut off.
      else if (size > limit + 16 * MAX_BODY_BYTES) req.destroy()
    })
    req.on('end', () =>
      size > limit
        ? reject(new Error('too_large'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const log = opts.log ?? (() => {})
  let port = 0
  const statics = sirv(opts.staticDir, {
    dev: false,
    etag: true,
    setHeaders: (res) => setPageHeaders(res),
  })

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const outsideLinks = escapingLinks(opts.staticDir)
  if (outsideLinks.length)
    log(
      `[serve] refusing ${outsideLinks.length} link(s) out of ${opts.staticDir}: ${outsideLinks.join(', ')}`,
    )

  const server = createServer((req, res) => {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends Host: evil.example.
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendError(res, 403, {
        code: 'forbidden',
        message: 'Host not allowed: Footprint answers only on 127.0.0.1',
      })
      return
    }
    // A target like "//x:99999" is not a URL: thrown here it would be uncaught and end the process.
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    } catch {
      sendError(res, 400, { code: 'invalid_input', message: 'Unreadable request address' })
      return
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url).catch((e) => {
        log(`[serve] ${(e as Error).stack}`)
        if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Internal error' })
      })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, { code: 'invalid_input', message: `${req.method} is not allowed here` })
      return
    }
    const notFound = () =>
      sendError(res, 404, { code: 'not_found', message: `No such file: ${url.pathname}` })
    if (reachesLink(url.pathname, outsideLinks)) return notFound()
    statics(req, res, notFound)
  })

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // CSRF: a cross-site form or fetch carries a foreign Origin; same-origin calls carry ours or none.
    const origin = req.headers.origin
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendError(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused' })
      return
    }
    const auth = req.headers.authorization?.replace(/^Bearer\s+/i, '')
    const given = url.pathname === '/api/events' ? (url.searchParams.get('token') ?? auth) : auth
    if (!sameToken(given, token)) {
      sendError(res, 401, {
        code: 'unauthorized',
        message: 'Missing or wrong token: open the address footprint serve printed',
      })
      return
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res)
    if (!url.pathname.startsWith(API_PREFIX)) {
      sendError(res, 404, { code: 'not_found', message: `No API route ${url.pathname}` })
      return
    }
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'invalid_input', message: 'API operations are called with POST' })
      return
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendError(res, 415, {
        code: 'invalid_input',
        message: 'Send the input as application/json',
        field: '(body)',
      })
      return
    }
    let name: string
    try {
      name = decodeURIComponent(url.pathname.slice(API_PREFIX.length))
    } catch {
      // Broken percent-encoding ("%E0%A4%A") names no operation; it is not a server fault.
      sendError(res, 404, { code: 'not_found', message: 'Unknown operation' })
      return
    }
    const limit = maxBodyBytesOf(name)
    let text: string
    try {
      text = await readBody(req, limit)
    } catch {
      res.setHeader('connection', 'close')
      sendError(res, 413, {
        code: 'invalid_input',
        message: `Request body over ${limit} bytes`,
        field: '(body)',
      })
      return
    }
    let input: unknown
    try {
      input = text.trim() === '' ? undefined : JSON.parse(text)
    } catch (e) {
      sendError(res, 400, {
        code: 'invalid_input',
        message: `Request body is not valid JSON: ${(e as Error).message}`,
        field: '(body)',
      })
      return
    }
    const result = await opts.service.dispatch(name, input, browserContext(req))
    sendJson(res, result.ok ? 200 : STATUS[result.error.code], result)
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    const unsubscribe = opts.service.events.subscribe((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    )
    // Keeps idle proxies and the browser from dropping the stream; never keeps the process alive.
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 25_000)
    heartbeat.unref()
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const sockets = new Set<import('node:net').Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })

  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

function setPageHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('x-frame-options', 'DENY')
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('cross-origin-opener-policy', 'same-origin')
}
