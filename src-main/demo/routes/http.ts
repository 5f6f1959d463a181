// Runs in: CLI (Node). What every demo route shares: a route table, JSON and cacheable answers
// (ETag / Last-Modified → 304, as a well-behaved server does), and reading a request body.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface DemoRoute {
  /** A path prefix ending at a segment boundary, or a pattern tested on the pathname. */
  match: string | RegExp
  handler: (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>
}

export function matches(route: DemoRoute, path: string): boolean {
  if (typeof route.match !== 'string') return route.match.test(path)
  return path === route.match || path.startsWith(`${route.match}/`)
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(body))
}

export function send(res: ServerResponse, status: number, body: string, type: string): void {
  res
    .writeHead(status, {
      'content-type': `${type}; charset=utf-8`,
      'content-length': String(Buffer.byteLength(body)),
    })
    .end(body)
}

/** 200 with an ETag and Last-Modified, or 304 when the client already has this body. */
export function sendCacheable(
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  type: string,
  lastModified: string,
): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`
  const inm = req.headers['if-none-match']
  const ims = req.headers['if-modified-since']
  const fresh =
    inm !== undefined
      ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
      : ims !== undefined && Date.parse(ims) >= Date.parse(lastModified)
  if (fresh) {
    res.writeHead(304, { etag, 'last-modified': lastModified }).end()
    return
  }
  res
    .writeHead(200, {
      'content-type': `${type}; charset=utf-8`,
      'content-length': String(Buffer.byteLength(body)),
      etag,
      'last-modified': lastModified,
      'cache-control': 'max-age=300',
    })
    .end(body)
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function bearer(req: IncomingMessage): string {
  return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Only what was published by now: the demo serves a year at once, never the future. */
export const published = <T extends { at: string }>(list: T[], now: string): T[] =>
  list.filter((i) => i.at <= now)

/** The server's idea of "now": what has been published so far (the demo may replay the year). */
export interface DemoView {
  now: string
}
