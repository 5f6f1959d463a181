// Runs in: main process and CLI (Node). Starts the browser a capture drives: the system Chrome, Edge
// or Chromium (never a downloaded one). Injectable, so tests and the service can swap it.
import type { Browser } from 'playwright-core'
import { BROWSER_ARGS, findBrowser, NoBrowserError } from '../core/browser'
import { CaptureError } from './errors'

export type BrowserLauncher = () => Promise<Browser>

export function systemBrowserLauncher(opts: { override?: string | null } = {}): BrowserLauncher {
  return async () => {
    let executablePath: string
    try {
      executablePath = findBrowser({ override: opts.override })
    } catch (e) {
      if (e instanceof NoBrowserError) throw new CaptureError('no_browser', e.message, { cause: e })
      throw e
    }
    try {
      // Loaded on first use: playwright-core holds ~60 MB once required, and most sessions of the
      // main process never capture a page (the 300 MB main-process memory target, issue 7).
      const { chromium } = await import('playwright-core')
      return await chromium.launch({ executablePath, args: BROWSER_ARGS, timeout: 60_000 })
    } catch (e) {
      throw new CaptureError(
        'no_browser',
        `The browser at ${executablePath} could not be started: ${(e as Error).message.split('\n')[0]}`,
        { cause: e },
      )
    }
  }
}
