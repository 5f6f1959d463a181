// Runs in: main process (Electron). Reports rendered by Electron's own Chromium: the HTML loaded into a
// hidden, sandboxed window with no scripts and no network, then printToPDF with the same A4 page,
// margins and numbered footer as the playwright renderer used by browser mode and the CLI.
import { BrowserWindow } from 'electron'
import { footerTemplate, type PdfRenderer } from '../reports'

const MM_PER_INCH = 25.4
const margin = (mm: number) => mm / MM_PER_INCH

export function electronPdfRenderer(): PdfRenderer {
  return {
    async render(html, { footer }) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          // Its own in-memory session: blocking its requests never touches the app's window.
          partition: 'footprint-report-pdf',
        },
      })
      try {
        // A report is self-contained: anything it tries to fetch is refused.
        win.webContents.session.webRequest.onBeforeRequest(
          { urls: ['http://*/*', 'https://*/*'] },
          (_d, cb) => cb({ cancel: true }),
        )
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`)
        return await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(footer),
          margins: { top: margin(16), bottom: margin(18), left: margin(15), right: margin(15) },
        })
      } finally {
        win.destroy()
      }
    },
  }
}
