/**
 * Runs in: main process and CLI (Node). Finds a browser playwright can drive. Footprint never
 * downloads one: it uses the Chrome, Edge or Chromium the school already has, or the path the user
 * set. Shared by the Mumsnet connector, manual capture and evidence capture.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export class NoBrowserError extends Error {
  constructor(readonly tried: string[]) {
    super(
      'No Chrome, Edge or Chromium browser was found on this computer. Install one of them, ' +
        'or set its path in Settings → Sources (or the FOOTPRINT_BROWSER environment variable).',
    )
    this.name = 'NoBrowserError'
  }
}

export interface FindBrowserOptions {
  /** A path the user chose; when set it is the only one tried, so a typo is reported, not ignored. */
  override?: string | null
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
  exists?: (path: string) => boolean
}

/** Where each platform's installers put Chrome, Edge and Chromium, most common first. */
export function candidateBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (r): r is string => !!r,
    )
    const rel = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ]
    return roots.flatMap((root) => rel.map((r) => `${root}\\${r}`))
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Chromium.app/Contents/MacOS/Chromium',
    ]
    const home = env.HOME
    return [
      ...apps.map((a) => `/Applications/${a}`),
      ...(home ? apps.map((a) => join(home, 'Applications', a)) : []),
    ]
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ]
}

/** The browser executable to launch; throws NoBrowserError naming every path tried. */
export function findBrowser(opts: FindBrowserOptions = {}): string {
  const env = opts.env ?? process.env
  const exists = opts.exists ?? existsSync
  const override = opts.override?.trim() || env.FOOTPRINT_BROWSER?.trim()
  const tried = override
    ? [override]
    : candidateBrowserPaths(opts.platform ?? process.platform, env)
  const found = tried.find((p) => exists(p))
  if (!found) throw new NoBrowserError(tried)
  return found
}

/** Flags for a headless, quiet, sandboxed-where-possible browser that phones nobody. */
export const BROWSER_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  // Containers (CI) have no user namespaces for Chromium's sandbox; the page is untrusted either way
  // and runs in a fresh profile with no access to Footprint's data.
  ...(process.env.CI || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
]
