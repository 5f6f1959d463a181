// Runs in: main process and CLI (Node). The banner on top of an evidence screenshot: the address and
// the capture time (UTC and UK time), so a printed or forwarded image still says where and when it
// was taken. The banner is composited in a separate, script-free page from the finished screenshot:
// the captured page is never altered, so its saved HTML stays exactly the page's own.
import type { Browser } from 'playwright-core'

export interface BannerFacts {
  finalUrl: string
  requestedUrl: string
  capturedAtUtc: string
  capturedAtLocal: string
  /** Said on the banner when the image was cut or the page was still loading. */
  partial: string | null
}

export const BANNER_HEIGHT = 84

/** The banner's lines, as text (also what tests read back from the page). */
export function bannerLines(f: BannerFacts): string[] {
  const lines = [
    `Captured by Footprint · ${f.capturedAtUtc
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC')
      .replace(/Z$/, ' UTC')} · UK time ${f.capturedAtLocal.replace('T', ' ')}`,
    `Address: ${f.finalUrl}${f.finalUrl === f.requestedUrl ? '' : ` (asked for ${f.requestedUrl})`}`,
  ]
  if (f.partial) lines.push(`Incomplete: ${f.partial}`)
  return lines
}

/**
 * Answers a new PNG: the banner, then the screenshot beneath it, at the screenshot's own width.
 * The text is set through textContent, never parsed as HTML: an address is untrusted text.
 */
export async function withBanner(
  browser: Browser,
  screenshot: Buffer,
  size: { width: number; height: number },
  facts: BannerFacts,
): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: 600 },
    offline: true,
  })
  try {
    const page = await context.newPage()
    await page.setContent(
      '<!doctype html><html><head><style>' +
        'html,body{margin:0;padding:0;background:#fff}' +
        `#b{box-sizing:border-box;height:${BANNER_HEIGHT}px;padding:8px 14px;background:#14213d;` +
        'color:#fff;font:15px/1.45 sans-serif;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}' +
        '#b div{overflow:hidden;text-overflow:ellipsis}#b div:first-child{font-weight:bold}' +
        'img{display:block}</style></head><body><div id="b"></div><img id="s" alt=""></body></html>',
    )
    await page.evaluate(
      async ({ lines, src, width, height }) => {
        // Runs in the banner page; main's TypeScript has no DOM types, so the few used are named here.
        interface El {
          textContent: string | null
          appendChild(e: El): void
        }
        interface Img extends El {
          width: number
          height: number
          src: string
          decode(): Promise<void>
        }
        const doc = (
          globalThis as unknown as {
            document: { getElementById(id: string): El; createElement(t: string): El }
          }
        ).document
        const b = doc.getElementById('b')
        for (const line of lines) {
          const div = doc.createElement('div')
          div.textContent = line
          b.appendChild(div)
        }
        const img = doc.getElementById('s') as Img
        img.width = width
        img.height = height
        img.src = src
        await img.decode()
      },
      {
        lines: bannerLines(facts),
        src: `data:image/png;base64,${screenshot.toString('base64')}`,
        width: size.width,
        height: size.height,
      },
    )
    return await page.screenshot({
      type: 'png',
      fullPage: true,
      clip: { x: 0, y: 0, width: size.width, height: size.height + BANNER_HEIGHT },
      animations: 'disabled',
      timeout: 30_000,
    })
  } finally {
    await context.close().catch(() => {})
  }
}
