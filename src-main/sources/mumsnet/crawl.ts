/**
 * Runs in: main process and CLI (Node). What one run's page loads share: the browser session, the
 * robots rules, the pause between loads (robots.txt's Crawl-delay, through the injected sleep so
 * tests never wait) and the run's counters. Also the one "layout changed" error: a page we cannot
 * read must fail the run by name, never pass as "nothing new".
 */
import type { Page } from 'playwright-core'
import type { ConnectorContext } from '../connector'
import { SourceError } from '../errors'
import type { RobotsRules } from './robots'
import type { BrowserSession, Loaded } from './session'
import type { RunStats } from './state'

/** Without a Crawl-delay we still leave a gap: Mumsnet is one site, read by one school's app. */
export const DEFAULT_PAGE_GAP_MS = 3_000

export interface Crawl {
  robots: RobotsRules
  stats: RunStats
  now: Date
  exclusions: string[]
  layoutTimeoutMs: number
  /** Waits the crawl delay (except before the run's first page), then loads `url`. */
  load(url: string): Promise<Loaded>
}

export function createCrawl(opts: {
  session: () => Promise<BrowserSession>
  robots: RobotsRules
  ctx: ConnectorContext
  stats: RunStats
  exclusions: string[]
  layoutTimeoutMs: number
  pageGapMs?: number
}): Crawl {
  const gap = opts.robots.crawlDelayMs ?? opts.pageGapMs ?? DEFAULT_PAGE_GAP_MS
  return {
    robots: opts.robots,
    stats: opts.stats,
    now: opts.ctx.now(),
    exclusions: opts.exclusions.map((e) => e.toLowerCase()),
    layoutTimeoutMs: opts.layoutTimeoutMs,
    async load(url) {
      const session = await opts.session()
      if (opts.stats.pagesLoaded > 0 && gap > 0) await opts.ctx.http.sleep(gap, opts.ctx.signal)
      opts.ctx.signal?.throwIfAborted()
      opts.stats.pagesLoaded++
      return session.open(url)
    },
  }
}

export function layoutError(missing: string, url: string): SourceError {
  return new SourceError(
    'parse',
    `Could not read the Mumsnet page layout: ${missing} (${url})`,
    url,
  )
}

/** Mumsnet renders in the page: wait until one of `selectors` exists, or give up quietly. */
export async function waitForAny(page: Page, selectors: string, timeoutMs: number): Promise<void> {
  await page
    .locator(selectors)
    .first()
    .waitFor({ state: 'attached', timeout: timeoutMs })
    .catch(() => undefined)
}

export function isExcluded(crawl: Crawl, text: string): boolean {
  const lower = text.toLowerCase()
  return crawl.exclusions.some((e) => lower.includes(e))
}

/** Same site as the configured base (origin and any base path). */
export function isUnderBase(url: URL, base: URL): boolean {
  const basePath = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`
  return url.origin === base.origin && (url.pathname + '/').startsWith(basePath)
}
