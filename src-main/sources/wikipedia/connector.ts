/**
 * Runs in: main process and CLI (Node). The MediaWiki connector (default English Wikipedia):
 * revisions of watched pages (the school's article, its town or village, and their talk pages)
 * and list=search for new pages naming the school. Every request is awaited before the next —
 * Wikimedia asks API clients to run in series — and carries maxlag=5.
 */
import type { Connector } from '../connector'
import type { FetchedItem } from '../types'
import { createApiClient } from './api'
import { DEFAULT_INTERVAL_MINUTES, DEFAULT_WIKI_API, WikiConfig } from '../../contract/sources'
import { pollPage, type PageState } from './revisions'
import { normaliseTitle, searchTerm } from './search'

export { DEFAULT_WIKI_API, WikiConfig as wikiConfigSchema } from '../../contract/sources'

export interface WikiState {
  pages?: Record<string, PageState>
  search?: Record<string, number[]>
  missingPages?: string[]
}

const NAMESPACED =
  /^(talk|user|user talk|wikipedia|wikipedia talk|project|file|image|mediawiki|template|help|category|portal|draft|module)( talk)?:/i

/** The configured pages plus their talk pages, without duplicates. */
export function watchedTitles(config: Pick<WikiConfig, 'pages' | 'watchTalkPages'>): string[] {
  const out: string[] = []
  for (const raw of config.pages) {
    const title = normaliseTitle(raw)
    out.push(title)
    if (config.watchTalkPages !== false && !NAMESPACED.test(title)) out.push(`Talk:${title}`)
  }
  return [...new Set(out)]
}

export const wikipediaConnector: Connector<WikiConfig> = {
  kind: 'wikipedia',
  configSchema: WikiConfig,
  defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.wikipedia,
  async fetch(config, state, ctx) {
    const prev = state as WikiState
    const api = createApiClient(
      {
        apiUrl: config.apiUrl ?? DEFAULT_WIKI_API,
        allowPrivateNetwork: config.allowPrivateNetwork,
      },
      ctx,
    )
    const titles = watchedTitles(config)
    const items: FetchedItem[] = []
    const updates: FetchedItem[] = []
    const pages: Record<string, PageState> = {}
    const missingPages: string[] = []
    // Two watched titles that redirect to one page answer with the same revisions: report once.
    const reported = new Set<string>()
    for (const title of titles) {
      const r = await pollPage(
        api,
        title,
        prev.pages?.[title] ?? {},
        {
          initialRevisions: config.initialRevisions ?? 5,
          maxRequests: 10,
          maxDiffs: 50,
        },
        ctx.now(),
      )
      for (const item of r.items) {
        if (!reported.has(item.externalId)) items.push(item)
        reported.add(item.externalId)
      }
      updates.push(...r.updates)
      pages[title] = r.state
      if (r.state.missing) missingPages.push(title)
    }
    const search: Record<string, number[]> = {}
    const watched = new Set(titles)
    for (const term of config.searchTerms) {
      const r = await searchTerm(api, term, prev.search?.[term] ?? [], watched, 2)
      for (const item of r.items) {
        // Two terms can find the same page: report it once.
        if (reported.has(item.externalId)) continue
        reported.add(item.externalId)
        items.push(item)
      }
      search[term] = r.seen
    }
    const next: WikiState = { pages, search }
    if (missingPages.length) next.missingPages = missingPages
    return {
      items,
      updates,
      state: next as Record<string, unknown>,
      // The Action API has no conditional GET: every run reads, so never "not modified".
      notModified: false,
    }
  },
}
