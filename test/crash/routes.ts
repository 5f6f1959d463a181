// Runs in: Vitest (Node), inside the fixture server. What the crash worker polls and posts to: feeds
// that publish newer items on every request (so each poll has new work), two of them sharing their
// words (so cross-source duplicates are made), and a reply endpoint standing in for a platform.
import type { FixtureServer } from '../fixtures/server'

export const SCHOOL_WORDS = "St Aldhelm's C of E Primary School in Hollinbury"

const TEMPLATES = [
  (k: number) => `Parents at ${SCHOOL_WORDS} praised the wonderful nativity play, number ${k}.`,
  (k: number) =>
    `Complaint ${k}: the pick-up queue at ${SCHOOL_WORDS} is chaos and nobody answers the phone.`,
  (k: number) => `Item ${k}: a story about the weather in Hollinbury with no school in it.`,
  (k: number) => `${SCHOOL_WORDS} fundraiser ${k} raised money for the new library books.`,
  (k: number) =>
    `Thread ${k}: is ${SCHOOL_WORDS} any good? The head is rude and the teachers are useless.`,
]

/** The words of item k: the same in every feed, so two feeds carrying item k are duplicates. */
export const itemText = (k: number) => TEMPLATES[k % TEMPLATES.length](k)
export const itemMatches = (k: number) => k % TEMPLATES.length !== 2

export function crashFeed(name: string, version: number, items: number): string {
  const entries: string[] = []
  for (let k = version + items - 1; k >= version; k--) {
    const date = new Date(Date.UTC(2026, 0, 1) + k * 600_000).toUTCString()
    entries.push(
      `<item><title>Story ${k}</title><link>https://news.example/${name}/${k}</link>` +
        `<guid isPermaLink="false">${name}-${k}</guid><pubDate>${date}</pubDate>` +
        `<description><![CDATA[<p>${itemText(k)}</p>]]></description></item>`,
    )
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Crash feed ${name}</title>` +
    `<link>https://news.example/</link><description>crash test</description>${entries.join('')}</channel></rss>\n`
  )
}

export interface CrashRoutes {
  /** Every request gets the same (latest) version from now on: conditional GETs can answer 304. */
  freeze(): void
  /** The version a feed path served last. */
  lastVersion(path: string): number
  /** How many times each draft was posted to the "platform". */
  posts: Map<number, number>
}

/**
 * /crash/feed/<name>.xml?items=N&step=S: version = S × (requests so far), so every poll finds S new
 * items while the older ones stay in the window (a kill mid-poll loses nothing that the next poll
 * cannot still see). /crash/post: the platform a reply is posted to.
 */
export function addCrashRoutes(server: FixtureServer): CrashRoutes {
  let frozen = false
  const served = new Map<string, number>()
  const posts = new Map<number, number>()
  server.route(/^\/crash\/feed\/[a-z]+\.xml$/, (req, res, ctx) => {
    const path = ctx.url.pathname
    const name = /feed\/([a-z]+)\.xml/.exec(path)![1]
    const items = Number(ctx.url.searchParams.get('items') ?? 30)
    const step = Number(ctx.url.searchParams.get('step') ?? 5)
    const version = frozen ? (served.get(path) ?? 0) : (ctx.hit - 1) * step
    served.set(path, version)
    const body = crashFeed(name, version, items)
    const etag = `"${name}-${version}-${items}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body)
  })
  server.route('/crash/post', (req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const { draftId } = JSON.parse(body) as { draftId: number }
      posts.set(draftId, (posts.get(draftId) ?? 0) + 1)
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ url: `https://platform.example/reply/${draftId}` }))
    })
  })
  return {
    freeze: () => (frozen = true),
    lastVersion: (path) => served.get(path) ?? 0,
    posts,
  }
}
