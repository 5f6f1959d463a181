/**
 * Runs in: main process and CLI (Node). One rss-parser item to one FetchedItem: a stable id
 * even when the feed gives none, links unwrapped and canonical, text without markup, and a date
 * only when it can be trusted (a missing or future date becomes null, flagged in meta).
 */
import { createHash } from 'node:crypto'
import { canonicalUrl, unwrapRedirect } from '../canonical-url'
import type { FetchedItem } from '../types'
import { MAX_TEXT_CHARS, cleanTitle, htmlToText } from './html-text'

/** The fields rss-parser produces that we read (plus our customFields). */
export interface ParsedItem {
  title?: string
  link?: string
  guid?: string
  id?: string
  'rdf:about'?: string
  pubDate?: string
  isoDate?: string
  creator?: string
  author?: string
  content?: string
  contentSnippet?: string
  summary?: string
  'content:encoded'?: string
  categories?: unknown[]
  atomAuthor?: { name?: string[]; uri?: string[] }
  atomCategory?: Array<{ $?: { term?: string; label?: string } }>
  dcDate?: string
}

export interface FeedContext {
  feedUrl: string
  feedTitle: string | null
  now: Date
}

const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000
// Before the web had feeds: a date this old is a parsing accident, not a publication date.
const EARLIEST_PLAUSIBLE = Date.UTC(1995, 0, 1)

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (v && typeof v === 'object' && typeof (v as { _?: unknown })._ === 'string') {
    return (v as { _: string })._.trim() || undefined
  }
  return undefined
}

/** RFC 822 dates from UK sites often say BST, which Date.parse does not know. */
function parseDate(raw: string | undefined): number | null {
  if (!raw) return null
  const fixed = raw
    .trim()
    .replace(/\bBST$/, '+0100')
    .replace(/\b(UT|Z)$/, 'GMT')
  const t = Date.parse(fixed)
  return Number.isNaN(t) ? null : t
}

function trustedDate(
  item: ParsedItem,
  now: Date,
): { publishedAt: string | null; dateIssue?: 'missing' | 'future' | 'implausible' } {
  const t = parseDate(item.isoDate) ?? parseDate(item.pubDate) ?? parseDate(str(item.dcDate))
  if (t === null) return { publishedAt: null, dateIssue: 'missing' }
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) return { publishedAt: null, dateIssue: 'future' }
  if (t < EARLIEST_PLAUSIBLE) return { publishedAt: null, dateIssue: 'implausible' }
  return { publishedAt: new Date(t).toISOString() }
}

function resolveLink(link: string | undefined, base: string): string | null {
  if (!link) return null
  try {
    const u = new URL(link, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

export function toFetchedItem(item: ParsedItem, ctx: FeedContext): FetchedItem {
  const originalLink = resolveLink(str(item.link), ctx.feedUrl)
  const url = originalLink ? canonicalUrl(originalLink) : null
  const title = cleanTitle(str(item.title))
  const encoded = str(item['content:encoded'])
  const body = encoded ?? str(item.content) ?? str(item.summary) ?? str(item.contentSnippet) ?? ''
  const text = htmlToText(body, MAX_TEXT_CHARS)
  const date = trustedDate(item, ctx.now)

  const declaredId = str(item.guid) ?? str(item.id) ?? str(item['rdf:about'])
  let externalId: string
  if (declaredId) externalId = declaredId
  else if (url) externalId = url
  else {
    // Neither id nor link: hash what the entry says, so the same entry gets the same id next run.
    const basis = [title ?? '', text, str(item.pubDate) ?? str(item.isoDate) ?? ''].join('\u0000')
    externalId = `sha256:${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
  }

  const authorName = str(item.creator) ?? str(item.author) ?? str(item.atomAuthor?.name?.[0])
  const authorUri = resolveLink(str(item.atomAuthor?.uri?.[0]), ctx.feedUrl)
  const meta: Record<string, unknown> = { feedTitle: ctx.feedTitle }
  if (date.dateIssue) meta.dateIssue = date.dateIssue
  if (originalLink && originalLink !== url) meta.originalUrl = originalLink
  if (originalLink && unwrapRedirect(originalLink) !== originalLink) meta.unwrapped = true
  const categories = collectCategories(item)
  if (categories.length) meta.categories = categories

  return {
    externalId,
    url,
    title,
    text,
    author: authorName ?? null,
    authorUrl: authorUri,
    publishedAt: date.publishedAt,
    raw: item,
    meta,
  }
}

function collectCategories(item: ParsedItem): string[] {
  const out: string[] = []
  for (const c of item.categories ?? []) {
    const s = str(c)
    if (s) out.push(s)
  }
  for (const c of item.atomCategory ?? []) {
    const s = c.$?.label ?? c.$?.term
    if (s) out.push(s)
  }
  return [...new Set(out)]
}
