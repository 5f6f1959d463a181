/**
 * Runs in: main process and CLI (Node). The Mumsnet connector. Mumsnet has no API or feed, so a
 * run reads robots.txt (GET, through the polite HTTP layer), then drives one real browser over
 * the public search for each of the school's names and the threads it lists, one mention per post.
 * robots.txt decides every address before it is opened; its Crawl-delay spaces the page loads.
 * The browser is started only when there is something to open, and closed however the run ends.
 */
import type { Connector } from '../connector'
import { SourceError, hostOf } from '../errors'
import type { FetchedItem } from '../types'
import { DEFAULT_INTERVAL_MINUTES } from '../../contract/sources'
import { searchNames } from '../search-names'
import { mumsnetConfigSchema, type MumsnetConfig } from './config'
import { createCrawl, isExcluded } from './crawl'
import { loadRobots } from './robots'
import { searchThreads, searchUrlFor, type ThreadRef } from './search'
import {
  DEFAULT_LAYOUT_TIMEOUT_MS,
  openBrowserSession,
  type BrowserSession,
  type MumsnetDeps,
} from './session'
import { pruneThreads, readState, type MumsnetState, type RunStats } from './state'
import { readThread } from './thread'

function newStats(at: Date): RunStats {
  return {
    at: at.toISOString(),
    searches: 0,
    threadsFound: 0,
    threadsRead: 0,
    pagesLoaded: 0,
    posts: 0,
    skippedByRobots: 0,
    skippedExcluded: 0,
    skippedMissing: 0,
  }
}

export function createMumsnetConnector(deps: MumsnetDeps = {}): Connector<MumsnetConfig> {
  return {
    kind: 'mumsnet',
    configSchema: mumsnetConfigSchema,
    defaultIntervalMinutes: DEFAULT_INTERVAL_MINUTES.mumsnet,
    async fetch(config, rawState, ctx) {
      const prev = readState(rawState)
      const now = ctx.now()
      const stats = newStats(now)
      const robots = await loadRobots(config.baseUrl, prev.robots, ctx, config.allowPrivateNetwork)
      const { aliases, exclusions } = searchNames(config, ctx, config.baseUrl)
      const searches = aliases.map((alias) => ({ alias, url: searchUrlFor(config.baseUrl, alias) }))
      // Refused before a browser is even started: the owner's rule is the whole answer.
      for (const { url } of searches) {
        if (robots.allowed(url)) continue
        const rule = robots.ruleFor(url)
        throw new SourceError(
          'auth',
          `robots.txt at ${hostOf(robots.url)} does not allow Footprint to open Mumsnet search` +
            `${rule ? ` (rule "${rule}")` : ''}: ${url}`,
          url,
        )
      }

      let opening: Promise<BrowserSession> | null = null
      const crawl = createCrawl({
        session: () =>
          (opening ??= openBrowserSession(
            {
              baseUrl: config.baseUrl,
              browserPath: config.browserPath,
              allowPrivateNetwork: config.allowPrivateNetwork,
              signal: ctx.signal,
              now: () => ctx.now().getTime(),
            },
            { ...deps, userAgent: deps.userAgent ?? ctx.http.userAgent },
          )),
        robots,
        ctx,
        stats,
        exclusions,
        layoutTimeoutMs: deps.layoutTimeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS,
        pageGapMs: deps.pageGapMs,
      })

      const threads = { ...prev.threads }
      const items: FetchedItem[] = []
      try {
        const found = new Map<string, ThreadRef>()
        for (const { alias } of searches) {
          for (const ref of await searchThreads(crawl, config.baseUrl, alias)) {
            if (!found.has(ref.id)) found.set(ref.id, ref)
          }
        }
        stats.threadsFound = found.size
        const toRead: ThreadRef[] = []
        for (const ref of found.values()) {
          if (ref.title && isExcluded(crawl, ref.title)) stats.skippedExcluded++
          else if (!robots.allowed(ref.url)) stats.skippedByRobots++
          else toRead.push(ref)
        }
        for (const ref of toRead.slice(0, config.maxThreadsPerRun)) {
          const outcome = await readThread(crawl, ref, threads[ref.id] ?? null, config)
          if (outcome.skipped === 'robots') stats.skippedByRobots++
          else if (outcome.skipped === 'missing') stats.skippedMissing++
          else stats.threadsRead++
          if (outcome.memory) threads[ref.id] = outcome.memory
          items.push(...outcome.items)
        }
      } finally {
        // Also when opening is still under way (an abort mid-launch): wait for it, then close.
        const pending = opening as Promise<BrowserSession> | null
        if (pending)
          await pending.then(
            (s) => s.close(),
            () => undefined,
          )
      }

      stats.posts = items.length
      const next: MumsnetState = {
        robots: robots.cache,
        threads: pruneThreads(threads),
        lastRun: stats,
      }
      return { items, state: { ...next }, notModified: false }
    },
  }
}
