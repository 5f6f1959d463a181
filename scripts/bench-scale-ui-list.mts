// Runs in: Node (tsx), driving Chromium; the functions passed to page.evaluate run in the page. The
// Mentions list half of scripts/bench-scale-ui.mts: scrolling the list in steps until the cards on
// screen are loaded, a scrollbar drag, and the renderer's heap after a garbage collection.
import type { CDPSession, Page } from 'playwright-core'

/** The page's globals, typed here: this script's typecheck has no DOM library. */
export interface El {
  textContent: string | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { top: number; bottom: number; height: number }
}
export interface PageGlobals {
  location: { hash: string }
  document: {
    body: unknown
    documentElement: { scrollHeight: number }
    querySelector(sel: string): El | null
    querySelectorAll(sel: string): ArrayLike<El>
  }
  innerHeight: number
  scrollY: number
  performance: {
    now(): number
    memory?: { usedJSHeapSize: number }
    getEntriesByType(type: string): { name: string; duration: number }[]
  }
  MutationObserver: new (cb: () => void) => {
    observe(target: unknown, opts: object): void
    disconnect(): void
  }
  scrollTo(x: number, y: number): void
  requestAnimationFrame(cb: () => void): void
  sessionStorage: { getItem(k: string): string | null }
  localStorage: { setItem(k: string, v: string): void }
  fetch: typeof fetch
}

/** The renderer's JS heap after a full garbage collection, in MB (what the page truly keeps). */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
  return Math.round((used / 1048576) * 10) / 10
}

/**
 * Scrolls the window to each fraction of the list in turn and, after each, waits until the rows on
 * screen are cards rather than placeholders (the list fetched their pages). Returns the time taken,
 * and what the list held at its most and at the end.
 */
export function scrollThrough(page: Page, fractions: number[]) {
  return page.evaluate(
    (stops) =>
      new Promise<{ ms: number; cards: number; maxPages: number; pages: number; rows: number }>(
        (done, fail) => {
          const g = globalThis as unknown as PageGlobals
          const { document, performance } = g
          const list = () => document.querySelector('[data-testid="mention-list"]')
          const t0 = performance.now()
          let maxPages = 0
          let i = 0
          let since = performance.now()
          const onScreen = (sel: string) =>
            Array.from(document.querySelectorAll(sel)).filter((el) => {
              const r = el.getBoundingClientRect()
              return r.bottom > 0 && r.top < g.innerHeight
            }).length
          const go = () => {
            const el = list()
            if (!el) return fail(new Error('the Mentions list is not on the page'))
            const top = el.getBoundingClientRect().top + g.scrollY
            const height = el.getBoundingClientRect().height
            g.scrollTo(0, top + stops[i] * Math.max(0, height - g.innerHeight))
            since = performance.now()
            g.requestAnimationFrame(wait)
          }
          const wait = () => {
            const el = list()!
            maxPages = Math.max(maxPages, Number(el.getAttribute('data-held-pages')))
            const ready =
              onScreen('[data-testid="mention"]') > 0 &&
              onScreen('[data-testid="mention-placeholder"]') === 0
            if (performance.now() - since > 60_000)
              return fail(new Error(`rows at ${stops[i]} of the list never loaded`))
            if (!ready) return g.requestAnimationFrame(wait)
            if (++i < stops.length) return go()
            done({
              ms: performance.now() - t0,
              cards: document.querySelectorAll('[data-testid="mention"]').length,
              maxPages,
              pages: Number(el.getAttribute('data-held-pages')),
              rows: Number(el.getAttribute('data-held-rows')),
            })
          }
          go()
        },
      ),
    fractions,
  )
}

/** Drags the scrollbar: the window jumps through `fractions` a frame apart, without waiting. */
export function drag(page: Page, fractions: number[]) {
  return page.evaluate(
    (stops) =>
      new Promise<void>((done) => {
        const g = globalThis as unknown as PageGlobals
        const el = g.document.querySelector('[data-testid="mention-list"]')!
        const top = el.getBoundingClientRect().top + g.scrollY
        const height = el.getBoundingClientRect().height
        let i = 0
        const step = () => {
          if (i >= stops.length) return done()
          g.scrollTo(0, top + stops[i++] * Math.max(0, height - g.innerHeight))
          g.requestAnimationFrame(step)
        }
        step()
      }),
    fractions,
  )
}
