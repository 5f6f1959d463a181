/**
 * Runs in: main process and CLI (Node). One browser for one run: a system Chrome, Edge or
 * Chromium (never a downloaded one) in a fresh, non-persistent context that says who we are,
 * allows JavaScript (Mumsnet renders with it) but no downloads, permissions, service workers,
 * popups, images, media or fonts. Each page load is checked like a polite HTTP response: 403 and
 * 429 become the usual source errors, a page that never loads becomes a timeout naming the URL.
 */
import type { Browser, Page } from 'playwright-core'
import { BROWSER_ARGS, NoBrowserError, findBrowser } from '../../core/browser'
import { SourceError, hostOf } from '../errors'
import { buildUserAgent, defaultLookup, parseRetryAfter, type Lookup } from '../http'
import { assertPublicHost } from '../http/address'
import { UK_ZONE } from './uk-time'

export interface LaunchRequest {
  executablePath: string
  args: string[]
  headless: boolean
  timeout: number
}
export type LaunchBrowser = (request: LaunchRequest) => Promise<Browser>

export interface MumsnetDeps {
  /** Starts the browser; tests wrap playwright's to count launches and closes. */
  launch?: LaunchBrowser
  /** The same User-Agent the poller's HTTP client sends (name, version, contact). */
  userAgent?: string
  /** How long one page may take to reach DOMContentLoaded. */
  navigationTimeoutMs?: number
  /** How long to wait for the results or posts to render once the page has loaded. */
  layoutTimeoutMs?: number
  /** Gap between page loads when robots.txt sets no Crawl-delay. */
  pageGapMs?: number
  /** DNS for the private-address check (tests pretend a name is public). */
  lookup?: Lookup
  /** Where to look for a browser (tests point the environment elsewhere). */
  env?: NodeJS.ProcessEnv
}

export const DEFAULT_NAVIGATION_TIMEOUT_MS = 30_000
export const DEFAULT_LAYOUT_TIMEOUT_MS = 10_000
const BLOCKED_RESOURCES = new Set(['image', 'media', 'font'])

export interface Loaded {
  page: Page
  /** HTTP status of the document; only 2xx and 404/410 come back, the rest are thrown. */
  status: number
  finalUrl: string
}

export interface BrowserSession {
  open(url: string): Promise<Loaded>
  close(): Promise<void>
}

export interface SessionOptions {
  baseUrl: string
  browserPath?: string
  allowPrivateNetwork?: boolean
  signal?: AbortSignal
  now(): number
}

const defaultLaunch: LaunchBrowser = async (request) => {
  // Loaded on first use: most runs of the app never open a browser.
  const { chromium } = await import('playwright-core')
  return chromium.launch(request)
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].trim()
}

/**
 * SourceError has no browser-specific code; 'parse' is the one that means "this source cannot be
 * read as set up" without the scheduler treating it as a passing network blip.
 */
function browserUnavailable(message: string, url: string, cause?: unknown): SourceError {
  return new SourceError('parse', message, url, cause === undefined ? {} : { cause })
}

export async function openBrowserSession(
  opts: SessionOptions,
  deps: MumsnetDeps = {},
): Promise<BrowserSession> {
  let executablePath: string
  try {
    executablePath = findBrowser({ override: opts.browserPath, env: deps.env })
  } catch (e) {
    if (e instanceof NoBrowserError) throw browserUnavailable(e.message, opts.baseUrl, e)
    throw e
  }
  const navigationTimeout = deps.navigationTimeoutMs ?? DEFAULT_NAVIGATION_TIMEOUT_MS
  let browser: Browser
  try {
    browser = await (deps.launch ?? defaultLaunch)({
      executablePath,
      args: BROWSER_ARGS,
      headless: true,
      timeout: Math.max(navigationTimeout, 30_000),
    })
  } catch (e) {
    throw browserUnavailable(
      `could not start the browser at ${executablePath}: ${firstLine(e)}`,
      opts.baseUrl,
      e,
    )
  }
  let closed: Promise<void> | null = null
  const close = (): Promise<void> => (closed ??= browser.close().catch(() => undefined))
  const onAbort = (): void => void close()
  opts.signal?.addEventListener('abort', onAbort, { once: true })

  let page: Page
  try {
    const context = await browser.newContext({
      userAgent: deps.userAgent ?? buildUserAgent('0', ''),
      acceptDownloads: false,
      javaScriptEnabled: true,
      permissions: [],
      serviceWorkers: 'block',
      locale: 'en-GB',
      timezoneId: UK_ZONE,
    })
    context.setDefaultNavigationTimeout(navigationTimeout)
    context.setDefaultTimeout(deps.layoutTimeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS)
    await context.route('**/*', (route) =>
      BLOCKED_RESOURCES.has(route.request().resourceType()) ? route.abort() : route.continue(),
    )
    page = await context.newPage()
    // Only our one tab: a popup or window.open from the page is closed at once.
    context.on('page', (p) => void (p === page ? undefined : p.close().catch(() => undefined)))
  } catch (e) {
    await close()
    throw browserUnavailable(`could not open a browser page: ${firstLine(e)}`, opts.baseUrl, e)
  }

  const lookup = deps.lookup ?? defaultLookup
  const checkAddress = async (url: string): Promise<void> => {
    if (!opts.allowPrivateNetwork) await assertPublicHost(new URL(url), lookup)
  }

  async function open(url: string): Promise<Loaded> {
    opts.signal?.throwIfAborted()
    await checkAddress(url)
    let response: Awaited<ReturnType<Page['goto']>>
    try {
      response = await page.goto(url, { waitUntil: 'domcontentloaded' })
    } catch (e) {
      if (opts.signal?.aborted) throw opts.signal.reason
      if ((e as Error)?.name === 'TimeoutError') {
        throw new SourceError(
          'timeout',
          `Mumsnet page did not finish loading within ${Math.round(navigationTimeout / 100) / 10} s: ${url}`,
          url,
          { cause: e },
        )
      }
      throw new SourceError('connection_failed', `could not load ${url}: ${firstLine(e)}`, url, {
        cause: e,
      })
    }
    const finalUrl = page.url()
    if (finalUrl !== url) await checkAddress(finalUrl)
    const status = response?.status() ?? 200
    const host = hostOf(url)
    if (status === 401 || status === 403) {
      throw new SourceError('auth', `HTTP ${status} from ${host} (access denied)`, url, { status })
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(
        (await response?.headerValue('retry-after')) ?? null,
        opts.now(),
      )
      const wait = retryAfterMs !== null ? `; retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''
      throw new SourceError('rate_limited', `HTTP 429 from ${host} (rate limited${wait})`, url, {
        status,
        ...(retryAfterMs !== null ? { retryAfterMs } : {}),
      })
    }
    if (status >= 300 && status !== 404 && status !== 410) {
      throw new SourceError('http_status', `HTTP ${status} from ${host}`, url, { status })
    }
    return { page, status, finalUrl }
  }

  return {
    open,
    async close() {
      opts.signal?.removeEventListener('abort', onAbort)
      await close()
    },
  }
}
