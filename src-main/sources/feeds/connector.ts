/**
 * Runs in: main process and CLI (Node). The feed connector: any RSS 1.0/2.0 or Atom URL —
 * Google Alerts, Talkwalker Alerts, news sites, Reddit search feeds. We fetch the body with the
 * polite HTTP layer (conditional GET, caps, redirects checked) and only then hand it to
 * rss-parser's parseString; rss-parser never touches the network.
 */
import Parser from 'rss-parser'
import type { Connector } from '../connector'
import { SourceError, hostOf } from '../errors'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES, FeedConfig } from '../../contract/sources'
import { toFetchedItem, type ParsedItem } from './item'
import { blankUnreadableDates, sniffFeed } from './sniff'

export { FeedConfig as feedConfigSchema } from '../../contract/sources'

export interface FeedState {
  etag?: string
  lastModified?: string
}

/** A huge feed is usually an archive dump; the newest entries come first in practice. */
export const MAX_ITEMS_PER_RUN = 500

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5'

// A fresh parser per body: rss-parser keeps one xml2js parser per instance, and after a parse
// error that parser is left mid-document, so the NEXT body it reads (even the same broken one)
// comes out as a half-parsed "success". Building one costs microseconds.
const newParser = () =>
  new Parser<Record<string, unknown>, ParsedItem>({
    // <rss> without a version is still RSS 2 in practice.
    defaultRSS: 2,
    customFields: {
      item: [
        ['author', 'atomAuthor'],
        ['category', 'atomCategory', { keepArray: true }],
        ['dc:date', 'dcDate'],
        'content:encoded',
      ] as never,
    },
  })

export async function parseFeedBody(
  body: string,
  contentType: string | null,
  feedUrl: string,
  now: Date,
): Promise<{ items: FetchedItem[]; title: string | null }> {
  const sniff = sniffFeed(body, contentType)
  if (!sniff.feed) throw new SourceError('not_a_feed', `not a feed: ${sniff.reason}`, feedUrl)
  let feed: Awaited<ReturnType<ReturnType<typeof newParser>['parseString']>>
  try {
    feed = await newParser().parseString(blankUnreadableDates(body))
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]
    throw new SourceError('parse', `malformed feed from ${hostOf(feedUrl)}: ${detail}`, feedUrl, {
      cause: e,
    })
  }
  const title = typeof feed.title === 'string' ? feed.title.trim() || null : null
  const ctx = { feedUrl, feedTitle: title, now }
  const items = (feed.items ?? []).slice(0, MAX_ITEMS_PER_RUN).map((i) => toFetchedItem(i, ctx))
  return { items: dedupeIds(items), title }
}

/** Two entries with one id would collide in storage; keep the first, as feeds list newest first. */
function dedupeIds(items: FetchedItem[]): FetchedItem[] {
  const seen = new Set<string>()
  return items.filter((i) => !seen.has(i.externalId) && (seen.add(i.externalId), true))
}

export const feedConnector: Connector<FeedConfig> = {
  kind: 'feed',
  configSchema: FeedConfig,
  defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.feed,
  async fetch(config, state, ctx) {
    const prev = state as FeedState
    const res = await ctx.http.get(config.url, {
      etag: prev.etag,
      lastModified: prev.lastModified,
      allowPrivateNetwork: config.allowPrivateNetwork,
      accept: FEED_ACCEPT,
      signal: ctx.signal,
    })
    const next: FeedState = {}
    if (res.etag) next.etag = res.etag
    if (res.lastModified) next.lastModified = res.lastModified
    if (res.notModified) return { items: [], state: { ...next }, notModified: true }
    const { items } = await parseFeedBody(
      res.body,
      res.headers['content-type'] ?? null,
      res.finalUrl,
      ctx.now(),
    )
    return { items, state: { ...next }, notModified: false }
  },
}
