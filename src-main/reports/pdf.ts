// Runs in: main process and CLI (Node). Turns a report's HTML into an A4 PDF with page numbers.
// Two implementations: the system Chromium driven by playwright (browser mode and the CLI) and
// Electron's printToPDF (src-main/app/pdf.ts). Both get the same HTML, footer and margins.
import type { Browser } from 'playwright-core'
import { BROWSER_ARGS, findBrowser, NoBrowserError } from '../core/browser'
import { ServiceError } from '../contract'

export interface PdfRenderer {
  /** A4 PDF of the page; `footer` is the left-hand footer text (already plain, escaped here). */
  render(html: string, opts: { footer: string }): Promise<Buffer>
}

export const PDF_MARGIN = { top: '16mm', bottom: '18mm', left: '15mm', right: '15mm' }

/** Chromium's footer template: its own tiny document, so styles are inline; page numbers are filled in. */
export function footerTemplate(text: string): string {
  const safe = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<div style="font-family:Helvetica,Arial,sans-serif;font-size:8px;color:#555;width:100%;padding:0 15mm;display:flex;justify-content:space-between"><span>${safe}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}

/** The system Chrome, Edge or Chromium (never a downloaded one); one browser per render. */
export function playwrightPdfRenderer(opts: { override?: string | null } = {}): PdfRenderer {
  return {
    async render(html, { footer }) {
      let browser: Browser
      try {
        const executablePath = findBrowser({ override: opts.override })
        // Loaded on first use (~60 MB once required): see capture/launcher.ts.
        const { chromium } = await import('playwright-core')
        browser = await chromium.launch({ executablePath, args: BROWSER_ARGS, timeout: 60_000 })
      } catch (e) {
        throw new ServiceError(
          'unavailable',
          e instanceof NoBrowserError
            ? `A PDF needs Chrome, Edge or Chromium. ${e.message}`
            : `The browser could not be started to make the PDF: ${(e as Error).message.split('\n')[0]}`,
        )
      }
      try {
        // No network at all: a report is self-contained, and untrusted text must not fetch anything.
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
        await context.route('**/*', (r) => r.abort())
        const page = await context.newPage()
        await page.setContent(html, { waitUntil: 'load' })
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(footer),
          margin: PDF_MARGIN,
        })
      } finally {
        await browser.close().catch(() => undefined)
      }
    },
  }
}
