/**
 * Runs in: main process and CLI (Node). list=search for pages naming the school that we are not
 * already watching. Each page is reported once: the ids seen per search term live in state.
 */
import type { FetchedItem } from '../types'
import { htmlToText } from '../feeds/html-text'
import type { ApiClient } from './api'
import { arrayOr, objectOr } from '../payload'

interface SearchHit {
  ns: number
  title: string
  pageid: number
  size?: number
  wordcount?: number
  snippet?: string
  timestamp?: string
}

interface SearchResponse {
  query?: { search?: SearchHit[]; searchinfo?: { totalhits?: number } }
  continue?: Record<string, string>
}

const SEEN_LIMIT = 5000

/** Exact phrase unless the user already wrote search syntax. */
export function searchQuery(term: string): string {
  const t = term.trim()
  return /["*~]|\b(AND|OR|NOT)\b|\w+:/.test(t) ? t : `"${t}"`
}

export async function searchTerm(
  api: ApiClient,
  term: string,
  seen: number[],
  watchedTitles: Set<string>,
  maxRequests: number,
): Promise<{ items: FetchedItem[]; seen: number[] }> {
  const responses = await api.queryAll<SearchResponse>(
    {
      action: 'query',
      list: 'search',
      srsearch: searchQuery(term),
      srlimit: 50,
      srprop: 'snippet|timestamp|size|wordcount',
      srsort: 'create_timestamp_desc',
    },
    maxRequests,
  )
  const known = new Set(seen)
  const items: FetchedItem[] = []
  for (const r of responses) {
    for (const raw of arrayOr(objectOr(r.query).search)) {
      const hit = objectOr(raw) as Partial<SearchHit>
      // A hit without a page id or title cannot be linked or reported once.
      if (!Number.isSafeInteger(hit.pageid) || typeof hit.title !== 'string') continue
      if (known.has(hit.pageid!)) continue
      known.add(hit.pageid!)
      if (watchedTitles.has(normaliseTitle(hit.title))) continue
      const snippet = htmlToText(typeof hit.snippet === 'string' ? hit.snippet : '', 2000)
      const edited = typeof hit.timestamp === 'string' ? Date.parse(hit.timestamp) : NaN
      items.push({
        externalId: `page:${hit.pageid}`,
        url: api.indexUrl({ curid: hit.pageid! }),
        title: hit.title,
        text: snippet,
        author: null,
        authorUrl: null,
        // Search gives the last edit time, not creation: it is the best date the API offers.
        publishedAt: Number.isNaN(edited) ? null : new Date(edited).toISOString(),
        raw: hit,
        meta: {
          wiki: api.host,
          kind: 'search',
          searchTerm: term,
          pageTitle: hit.title,
          pageId: hit.pageid,
          namespace: typeof hit.ns === 'number' ? hit.ns : null,
          size: typeof hit.size === 'number' ? hit.size : null,
          wordcount: typeof hit.wordcount === 'number' ? hit.wordcount : null,
          dateIsLastEdit: true,
        },
      })
    }
  }
  return { items, seen: [...known].slice(-SEEN_LIMIT) }
}

export function normaliseTitle(title: string): string {
  const t = title.replace(/_/g, ' ').trim()
  return t.charAt(0).toUpperCase() + t.slice(1)
}
