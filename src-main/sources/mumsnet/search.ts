/**
 * Runs in: main process and CLI (Node). Mumsnet's public search for one of the school's names:
 * the threads it lists. A thread is recognised by its address (/talk/<topic>/<id>-<slug>), not
 * by a class name, so a restyle of the results does not lose them; a page with neither a results
 * list nor a "no results" message is a layout change and fails the run.
 */
import { SourceError, hostOf } from '../errors'
import { isUnderBase, layoutError, waitForAny, type Crawl } from './crawl'
import { readSearchPage, type RawSearchPage } from './page-scripts'
import { baseWithSlash } from './robots'
import { MUMSNET_URLS, SEARCH_SELECTORS } from './selectors'

export interface ThreadRef {
  id: string
  topic: string
  /** Canonical thread address: no query, no fragment. */
  url: string
  title: string | null
}

export function searchUrlFor(baseUrl: string, alias: string): string {
  return new URL(MUMSNET_URLS.search(alias), baseWithSlash(baseUrl)).href
}

/** Thread id and topic when `href` is a thread under the configured base; null otherwise. */
export function threadRefOf(href: string, baseUrl: string): Omit<ThreadRef, 'title'> | null {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return null
  }
  if (!isUnderBase(url, new URL(baseWithSlash(baseUrl)))) return null
  const m = MUMSNET_URLS.threadPath.exec(url.pathname)
  if (!m) return null
  return { topic: m[1], id: m[2], url: `${url.origin}${url.pathname}` }
}

/** What a search page says, or the layout error that explains why it cannot be read. */
export function interpretSearchPage(raw: RawSearchPage, url: string, baseUrl: string): ThreadRef[] {
  const sel = SEARCH_SELECTORS
  if (!raw.hasResultsList) {
    if (raw.hasNoResultsMarker) return []
    throw layoutError(
      `no search results list (${sel.results}) and no "no results" message (${sel.noResults})`,
      url,
    )
  }
  if (raw.resultCount === 0) {
    if (raw.hasNoResultsMarker) return []
    throw layoutError(`the search results list has no results in it (${sel.result})`, url)
  }
  const refs = new Map<string, ThreadRef>()
  for (const link of raw.links) {
    const ref = threadRefOf(link.href, baseUrl)
    if (!ref) continue
    const known = refs.get(ref.id)
    if (!known) refs.set(ref.id, { ...ref, title: link.text || null })
    else if (!known.title && link.text) known.title = link.text
  }
  if (refs.size === 0) {
    throw layoutError(
      `${raw.resultCount} search results but no thread links (/talk/<topic>/<id>-…) in them`,
      url,
    )
  }
  return [...refs.values()]
}

export async function searchThreads(
  crawl: Crawl,
  baseUrl: string,
  alias: string,
): Promise<ThreadRef[]> {
  const url = searchUrlFor(baseUrl, alias)
  const loaded = await crawl.load(url)
  crawl.stats.searches++
  if (loaded.status === 404 || loaded.status === 410) {
    throw new SourceError(
      'http_status',
      `HTTP ${loaded.status} from ${hostOf(url)}: the Mumsnet search page was not found (${url})`,
      url,
      { status: loaded.status },
    )
  }
  await waitForAny(
    loaded.page,
    `${SEARCH_SELECTORS.results}, ${SEARCH_SELECTORS.noResults}`,
    crawl.layoutTimeoutMs,
  )
  const raw = await loaded.page.evaluate(readSearchPage, SEARCH_SELECTORS)
  return interpretSearchPage(raw, url, baseUrl)
}
