// Runs in: main process and CLI (Node). Captures one web page as evidence: a full-page screenshot,
// the HTML, the visible text, when (UTC and the school's local time), where it ended up after
// redirects, its title and HTTP status, and whether it was a login wall. Each capture runs in a
// fresh browser context (no cookies, no storage) and never hangs: a page that never finishes
// loading is captured as it stands when the time is up, and marked partial with the reason.
import type { BrowserContext, Page, Response } from 'playwright-core'
import { BANNER_HEIGHT, withBanner } from './banner'
import { CaptureError, describeNavigationError } from './errors'
import { systemBrowserLauncher, type BrowserLauncher } from './launcher'
import { loginWallReasons } from './login-wall'
import { captureTimes } from './time'
import {
  assertPublicPage,
  createHostGuard,
  defaultLookup,
  parseCaptureUrl,
  type Lookup,
} from './url-guard'

export interface UrlCaptureOptions {
  launcher?: BrowserLauncher
  /** Lets the page be on this computer or a private network (tests, a deliberate intranet page). */
  allowPrivateNetwork?: boolean
  lookup?: Lookup
  /** How long the page may take to load before it is captured as it stands (default 30 s). */
  navigationTimeoutMs?: number
  /** After load, how long to wait for late content (feeds, comments) to settle (default 3 s). */
  settleMs?: number
  /** The screenshot stops here (CSS pixels): an endless page must not become a 2 GB image. */
  maxScreenshotHeight?: number
  viewport?: { width: number; height: number }
  now?: () => Date
  /** Puts a banner with the address and capture time on top of the screenshot (evidence). */
  banner?: boolean
}

export interface UrlCapture {
  kind: 'url'
  requestedUrl: string
  finalUrl: string
  /** Each hop of the redirect chain, first to last, ending at finalUrl. */
  redirects: string[]
  title: string
  httpStatus: number | null
  capturedAtUtc: string
  capturedAtLocal: string
  /** Why the capture is incomplete (still loading, screenshot cut), or null. */
  partial: string | null
  needsLogin: boolean
  loginReasons: string[]
  html: string
  text: string
  screenshot: Buffer
  pageHeight: number
  screenshotHeight: number
  viewport: { width: number; height: number }
  browserVersion: string
  /** Height of the banner above the page in the screenshot (0: no banner). */
  bannerHeight: number
}

export const DEFAULT_NAVIGATION_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_SCREENSHOT_HEIGHT = 15_000

export async function captureUrl(input: string, opts: UrlCaptureOptions = {}): Promise<UrlCapture> {
  const url = parseCaptureUrl(input)
  const lookup = opts.lookup ?? defaultLookup
  if (!opts.allowPrivateNetwork) await assertPublicPage(url, lookup)
  const browser = await (opts.launcher ?? systemBrowserLauncher())()
  try {
    const viewport = opts.viewport ?? { width: 1280, height: 900 }
    const context = await browser.newContext({
      viewport,
      acceptDownloads: false,
      serviceWorkers: 'block',
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      permissions: [],
    })
    try {
      const refused = opts.allowPrivateNetwork ? null : await guardRequests(context, lookup)
      const page = await context.newPage()
      // Popups and dialogs would wait for a person who is not there.
      page.on('popup', (p) => void p.close().catch(() => {}))
      page.on('dialog', (d) => void d.dismiss().catch(() => {}))
      const c = await capturePage(page, url, viewport, opts, refused, browser.version())
      if (!opts.banner) return c
      const screenshot = await withBanner(
        browser,
        c.screenshot,
        { width: viewport.width, height: c.screenshotHeight },
        c,
      )
      return { ...c, screenshot, bannerHeight: BANNER_HEIGHT }
    } finally {
      await context.close().catch(() => {})
    }
  } finally {
    await browser.close().catch(() => {})
  }
}

/** Aborts every request to a non-web scheme or a private host; returns what was refused. */
async function guardRequests(context: BrowserContext, lookup: Lookup): Promise<string[]> {
  const refused: string[] = []
  const guard = createHostGuard(lookup)
  await context.route('**/*', async (route) => {
    const u = new URL(route.request().url())
    const reason =
      u.protocol === 'http:' || u.protocol === 'https:'
        ? await guard(u.hostname)
        : `${u.protocol} requests are not allowed`
    if (reason) {
      refused.push(reason)
      await route.abort('blockedbyclient').catch(() => {})
    } else await route.continue().catch(() => {})
  })
  return refused
}

async function capturePage(
  page: Page,
  url: URL,
  viewport: { width: number; height: number },
  opts: UrlCaptureOptions,
  refused: string[] | null,
  browserVersion: string,
): Promise<UrlCapture> {
  const timeout = opts.navigationTimeoutMs ?? DEFAULT_NAVIGATION_TIMEOUT_MS
  let mainResponse: Response | null = null
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) mainResponse = r
  })
  let partial: string | null = null
  try {
    mainResponse = (await page.goto(url.href, { waitUntil: 'load', timeout })) ?? mainResponse
    // Late content (comments, feeds) often arrives after "load"; wait for quiet, but not for ever.
    await page
      .waitForLoadState('networkidle', { timeout: opts.settleMs ?? 3000 })
      .catch(() => undefined)
  } catch (e) {
    const message = (e as Error).message ?? String(e)
    const blocked = refused?.find(Boolean)
    if (blocked && /ERR_BLOCKED_BY_CLIENT/.test(message) && !mainResponse)
      throw new CaptureError(
        'private_address',
        `Could not capture ${url.href}: it led to a page Footprint does not open (${blocked}).`,
      )
    if ((e as Error).name !== 'TimeoutError')
      throw new CaptureError(
        'navigation_failed',
        `Could not capture ${url.href}: ${describeNavigationError(message)}.`,
        { cause: e },
      )
    if (!mainResponse)
      throw new CaptureError(
        'timeout',
        `Could not capture ${url.href}: the site did not answer within ${Math.round(timeout / 1000)} seconds.`,
        { cause: e },
      )
    partial = `the page was still loading after ${Math.round(timeout / 1000)} seconds; this is what had appeared by then`
  }
  const response = mainResponse as Response | null
  // The moment the content below was read: what anyone could see at that time.
  const at = (opts.now ?? (() => new Date()))()
  const facts = (await page.evaluate(`({
    title: document.title || '',
    text: document.body ? document.body.innerText : '',
    hasPasswordField: !!document.querySelector('input[type=password]'),
    height: Math.max(document.documentElement ? document.documentElement.scrollHeight : 0,
      document.body ? document.body.scrollHeight : 0),
  })`)) as { title: string; text: string; hasPasswordField: boolean; height: number }
  const html = await page.content()
  const maxHeight = opts.maxScreenshotHeight ?? DEFAULT_MAX_SCREENSHOT_HEIGHT
  const pageHeight = Math.max(facts.height, viewport.height)
  const screenshotHeight = Math.min(pageHeight, maxHeight)
  const screenshot = await page.screenshot({
    type: 'png',
    fullPage: true,
    clip: { x: 0, y: 0, width: viewport.width, height: screenshotHeight },
    animations: 'disabled',
    caret: 'hide',
    timeout: 30_000,
  })
  if (pageHeight > maxHeight) {
    const cut = `the page is ${pageHeight.toLocaleString('en-GB')} pixels tall; the screenshot shows the first ${maxHeight.toLocaleString('en-GB')}`
    partial = partial ? `${partial}; ${cut}` : cut
  }
  const finalUrl = page.url()
  const redirects: string[] = []
  for (let r = response?.request().redirectedFrom() ?? null; r; r = r.redirectedFrom())
    redirects.unshift(r.url())
  const httpStatus = response?.status() ?? null
  const times = captureTimes(at)
  const loginReasons = loginWallReasons({
    httpStatus,
    requestedUrl: url.href,
    finalUrl,
    hasPasswordField: facts.hasPasswordField,
    title: facts.title,
    text: facts.text,
  })
  return {
    kind: 'url',
    requestedUrl: url.href,
    finalUrl,
    redirects: [...redirects, finalUrl],
    title: facts.title.trim(),
    httpStatus,
    capturedAtUtc: times.utc,
    capturedAtLocal: times.local,
    partial,
    needsLogin: loginReasons.length > 0,
    loginReasons,
    html,
    text: facts.text,
    screenshot,
    pageHeight,
    screenshotHeight,
    viewport,
    browserVersion,
    bannerHeight: 0,
  }
}
