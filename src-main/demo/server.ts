// Runs in: CLI (Node). The demo's stand-in for the internet: one node:http server on 127.0.0.1 (a
// random port) answering as Google, X, Bluesky, Facebook/Instagram, Mumsnet, the news and alert
// feeds and Wikipedia do, from the demo school's generated year. The real connectors poll it through
// the real poller; sources point at it with each connector's own base-address option.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { DemoContent } from './types'
import { googleRoutes, type GoogleState } from './routes/google'
import { matches, type DemoRoute, type DemoView } from './routes/http'
import { metaRoutes, type MetaState } from './routes/meta'
import { evidenceRoutes, feedRoutes, mumsnetRoutes } from './routes/pages'
import { blueskyRoutes, xRoutes } from './routes/social'
import { wikiRoutes } from './routes/wiki'

export interface DemoServer {
  url: string
  /** What the server says has been published so far; the demo may replay the year month by month. */
  view: DemoView
  google: GoogleState
  meta: MetaState
  /** Requests answered, by path prefix: the demo's summary and the tests read it. */
  hits(prefix: string): number
  close(): Promise<void>
}

export async function startDemoServer(content: DemoContent): Promise<DemoServer> {
  const view: DemoView = { now: content.now }
  const google: GoogleState = { replies: new Map() }
  const meta: MetaState = { replies: [] }
  const paths: string[] = []
  let origin = ''
  const routes: DemoRoute[] = [
    ...googleRoutes(content, google, view),
    ...xRoutes(content, view),
    ...blueskyRoutes(content, view),
    ...metaRoutes(content, view, () => origin, meta),
    ...mumsnetRoutes(content, view),
    ...feedRoutes(content, view),
    ...wikiRoutes(content, view),
    ...evidenceRoutes(content),
  ]
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin)
    paths.push(url.pathname)
    const route = routes.find((r) => matches(r, url.pathname))
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found on the demo server')
      return
    }
    Promise.resolve(route.handler(req, res, url)).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`demo server error: ${(e as Error)?.message ?? String(e)}`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    view,
    google,
    meta,
    hits: (prefix) => paths.filter((p) => p.startsWith(prefix)).length,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
