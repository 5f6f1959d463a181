// Runs in: CLI (Node). The demo's web pages: Mumsnet (robots.txt, a search page that renders its
// results with script a moment after load, and thread pages with posts in the markup the Mumsnet
// connector reads), the news, Reddit and Google Alerts feeds (RSS 2.0 and Atom, with ETags), and the
// "TikTok" page the incident's evidence is captured from. Every text is escaped: it is data.
import type { DemoContent, DemoFeedItem, DemoThread } from '../types'
import {
  escapeXml as esc,
  published,
  send,
  sendCacheable,
  type DemoRoute,
  type DemoView,
} from './http'

const POSTS_PER_PAGE = 25

function ukTime(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

const page = (title: string, body: string) =>
  `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}</body></html>\n`

function threadUrl(base: string, t: DemoThread): string {
  return `${base}/talk/${t.topic}/${t.id}-${t.slug}`
}

function threadPage(
  base: string,
  t: DemoThread,
  posts: DemoThread['posts'],
  n: number,
): string | null {
  const pages = Math.max(1, Math.ceil(posts.length / POSTS_PER_PAGE))
  if (n < 1 || n > pages) return null
  const url = threadUrl(base, t)
  const nav =
    pages > 1
      ? `<nav aria-label="Pagination">${Array.from({ length: pages }, (_, i) => `<a href="${url}${i ? `?page=${i + 1}` : ''}"${i + 1 === n ? ' aria-current="page"' : ''}>${i + 1}</a>`).join(' ')}</nav>`
      : ''
  const body = posts
    .slice((n - 1) * POSTS_PER_PAGE, n * POSTS_PER_PAGE)
    .map(
      (p, i) =>
        `<article data-testid="post" data-post-id="${p.id}" id="post-${p.id}"><div><span data-testid="post-author">${esc(p.author)}</span> · <a data-testid="post-link" href="${url}?reply=${p.id}"><time datetime="${p.at}">${ukTime(p.at)}</time></a>${n === 1 && i === 0 ? ' <span>OP posts:</span>' : ''}</div><div data-testid="post-body">${esc(p.body)}</div></article>`,
    )
    .join('\n')
  return page(
    `${t.title} | Mumsnet`,
    `<header><a href="${base}/">Mumsnet</a> › <a href="${base}/talk/${t.topic}">${esc(t.topicName)}</a></header><main><h1>${esc(t.title)}</h1><p>${posts.length - 1} replies</p>${nav}<div data-testid="thread-posts">${body}</div>${nav}</main>`,
  )
}

export function mumsnetRoutes(c: DemoContent, view: DemoView): DemoRoute[] {
  const base = '/mumsnet'
  const visible = (t: DemoThread) => published(t.posts, view.now)
  return [
    {
      match: base,
      handler: (_req, res, url) => {
        const rest = url.pathname.slice(base.length + 1)
        if (rest === 'robots.txt')
          // A short Crawl-delay: the connector honours it, and this "site" is on the same computer.
          return send(
            res,
            200,
            `User-agent: *\nDisallow: ${base}/account/\nCrawl-delay: 0.05\n`,
            'text/plain',
          )
        if (rest === 'search') {
          const q = (url.searchParams.get('q') ?? '').toLowerCase().trim()
          if (!q) return send(res, 400, page('Bad request', '<h1>Bad request</h1>'), 'text/html')
          const found = c.mumsnet.filter((t) => {
            const posts = visible(t)
            return (
              posts.length > 0 &&
              [t.title, ...posts.map((p) => p.body)].some((s) => s.toLowerCase().includes(q))
            )
          })
          const results = found.length
            ? `<section data-testid="search-results">${found.map((t) => `<article class="search-result"><a href="${threadUrl(base, t)}">${esc(t.title)}</a><p>${esc(t.topicName)} · ${visible(t).length - 1} replies</p></article>`).join('')}</section>`
            : '<p data-testid="search-no-results">No results</p>'
          // Mumsnet draws its results with script after load; so does this page.
          const script = `<template id="r">${results}</template><div id="app">Loading…</div><script>setTimeout(function(){document.getElementById('app').replaceWith(document.getElementById('r').content.cloneNode(true))},30)</script>`
          return send(
            res,
            200,
            page('Search results | Mumsnet', `<main><h1>Search results</h1>${script}</main>`),
            'text/html',
          )
        }
        const m = /^talk\/[a-z0-9_]+\/(\d+)-[^/]+$/i.exec(rest)
        const t = m ? c.mumsnet.find((x) => x.id === Number(m[1])) : undefined
        const html =
          t && visible(t).length
            ? threadPage(base, t, visible(t), Number(url.searchParams.get('page') ?? '1'))
            : null
        if (!html)
          return send(res, 404, page('Not found | Mumsnet', '<h1>Page not found</h1>'), 'text/html')
        send(res, 200, html, 'text/html')
      },
    },
  ]
}

function rss(title: string, link: string, items: DemoFeedItem[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><guid isPermaLink="true">${esc(i.id)}</guid><pubDate>${new Date(i.at).toUTCString()}</pubDate>${i.author ? `<author>${esc(i.author)}</author>` : ''}<description>${esc(`<p>${i.text}</p>`)}</description></item>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>${esc(link)}</link><description>${esc(title)}</description>\n${entries}\n</channel></rss>\n`
}

function atom(title: string, id: string, items: DemoFeedItem[], updated: string): string {
  const entries = items
    .map(
      (i) =>
        `<entry><id>${esc(i.id)}</id><title type="html">${esc(i.title)}</title><link href="${esc(i.link)}"/><published>${i.at}</published><updated>${i.at}</updated>${i.author ? `<author><name>${esc(i.author)}</name></author>` : ''}<content type="html">${esc(i.text)}</content></entry>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${esc(id)}</id><title>${esc(title)}</title><updated>${updated}</updated>\n${entries}\n</feed>\n`
}

/** Newest first, as feeds list them; Last-Modified is the newest item's time. */
function feedRoute(
  path: string,
  list: () => DemoFeedItem[],
  render: (items: DemoFeedItem[], updated: string) => string,
  type: string,
): DemoRoute {
  return {
    match: path,
    handler: (req, res) => {
      const items = [...list()].sort((a, b) => b.at.localeCompare(a.at))
      const updated = items[0]?.at ?? '2000-01-01T00:00:00Z'
      sendCacheable(req, res, render(items, updated), type, new Date(updated).toUTCString())
    },
  }
}

export function feedRoutes(c: DemoContent, view: DemoView): DemoRoute[] {
  return [
    feedRoute(
      '/feeds/marrowby-chronicle.rss',
      () => published(c.news, view.now),
      (items) => rss('Marrowby Chronicle', 'https://marrowby-chronicle.example/', items),
      'application/rss+xml',
    ),
    feedRoute(
      '/feeds/reddit-search.atom',
      () => published(c.reddit, view.now),
      (items, u) =>
        atom(
          'reddit.com: search results - Hollowmere',
          'https://www.reddit.com/search.rss?q=Hollowmere',
          items,
          u,
        ),
      'application/atom+xml',
    ),
    feedRoute(
      '/feeds/google-alert.atom',
      () => published(c.alerts, view.now),
      (items, u) =>
        atom(
          'Google Alert - "Hollowmere Primary"',
          'tag:google.com,2013:googlealerts/feed:demo',
          items,
          u,
        ),
      'application/atom+xml',
    ),
  ]
}

export function evidenceRoutes(c: DemoContent): DemoRoute[] {
  return [
    {
      match: c.story.evidencePath,
      handler: (_req, res) => {
        const e = c.evidence
        send(
          res,
          200,
          page(
            e.title,
            `<main><h1>${esc(e.author)}</h1><p>Video · 1.2K likes · 340 shares</p><p data-testid="caption">${esc(e.text)}</p></main>`,
          ),
          'text/html',
        )
      },
    },
  ]
}
