// Runs in: Vitest (Node). The Electron security checklist read from what ships: main and preload are
// built fresh (the app's own electron-vite config, into a temporary folder, about 10 s) and the bundles
// are searched for each setting, so a change that only shows after bundling (a second window, a
// dependency calling openExternal, sync IPC) still fails here, naming the checklist item.
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from 'electron-vite'
import { CONTENT_SECURITY_POLICY } from '../../src-main/core/csp'
import { tempDir } from '../helpers/tmp'

const ROOT = resolve(__dirname, '../..')
let out = ''
let main = ''
let preload = ''

const jsUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))

beforeAll(async () => {
  out = tempDir()
  await build({
    root: ROOT,
    configFile: join(__dirname, 'main-only.vite.config.ts'),
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true },
  })
  main = jsUnder(join(out, 'main')).join('\n')
  preload = jsUnder(join(out, 'preload')).join('\n')
}, 120_000)
afterAll(() => rmSync(out, { recursive: true, force: true }))

const count = (text: string, re: RegExp) => (text.match(new RegExp(re, 'g')) ?? []).length

/** The option objects of every `new BrowserWindow({...})` in the bundle, as text. */
function windowOptions(text: string): string[] {
  const found: string[] = []
  const re = /new (?:[\w$]+\.)?BrowserWindow\(/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 0
    let i = m.index + m[0].length
    const start = i
    for (; i < text.length; i++) {
      if (text[i] === '(' || text[i] === '{') depth++
      else if (text[i] === ')' || text[i] === '}') {
        if (depth === 0) break
        depth--
      }
    }
    found.push(text.slice(start, i))
  }
  return found
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]),
  )
}

describe('Electron security checklist in the built bundles', () => {
  it('builds main and preload', () => {
    expect(main.length).toBeGreaterThan(10_000)
    expect(preload.length).toBeGreaterThan(100)
  })

  it('keeps the window settings', () => {
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'experimentalFeatures: false',
      'webviewTag: false',
    ])
      expect(main, `checklist: ${setting}`).toContain(setting)
    for (const [bad, item] of [
      [/contextIsolation:\s*(false|!1)/, 'context isolation'],
      [/sandbox:\s*(false|!1)/, 'sandbox'],
      [/nodeIntegration(InWorker|InSubFrames)?:\s*(true|!0)/, 'no Node integration'],
      [/webSecurity:\s*(false|!1)/, 'web security'],
      [/allowRunningInsecureContent:\s*(true|!0)/, 'no insecure content'],
      [/experimentalFeatures:\s*(true|!0)/, 'no experimental features'],
      [/enableBlinkFeatures/, 'no extra Blink features'],
      [/webviewTag:\s*(true|!0)/, 'no <webview>'],
      [/--disable-web-security|disable-site-isolation|appendSwitch\(\s*["']no-sandbox/, 'no switches that turn security off'], // prettier-ignore
    ] as const)
      expect(main, `checklist: ${item}`).not.toMatch(bad)
  })

  it('gives every window the secure settings', () => {
    const windows = windowOptions(main)
    expect(windows.length, 'the app window and the report printer').toBeGreaterThanOrEqual(2)
    for (const w of windows) {
      const secure =
        /secureWebPreferences\(/.test(w) ||
        (/sandbox: true/.test(w) && /contextIsolation: true/.test(w) && /nodeIntegration: false/.test(w)) // prettier-ignore
      expect(secure, `checklist: every BrowserWindow sandboxed and isolated:\n${w}`).toBe(true)
    }
  })

  it('locks down navigation, new windows, permissions and links', () => {
    expect(main, 'checklist: will-navigate handled').toContain('"will-navigate"')
    expect(main, 'checklist: will-redirect handled').toContain('"will-redirect"')
    expect(main, 'checklist: will-attach-webview handled').toContain('"will-attach-webview"')
    expect(main, 'checklist: setWindowOpenHandler').toMatch(/setWindowOpenHandler\(/)
    expect(main, 'checklist: new windows denied').toMatch(/action: "deny"/)
    expect(main, 'checklist: setPermissionRequestHandler').toMatch(/setPermissionRequestHandler\(/)
    expect(main, 'checklist: setPermissionCheckHandler').toMatch(/setPermissionCheckHandler\(/)
    expect(main, 'checklist: permissions denied in new sessions').toContain('"session-created"')
    // One place opens links outside the app, and it asks first.
    expect(count(main, /\.openExternal\(/), 'checklist: openExternal in one place only').toBe(1)
    const site = main.slice(0, main.search(/\.openExternal\(/))
    const fn = site.slice(site.lastIndexOf('function '))
    expect(fn, 'checklist: openExternal only after a confirmation').toMatch(/showMessageBox\(/)
    expect(fn, 'checklist: openExternal only for http(s)').toMatch(/isSafeExternalUrl\(/)
  })

  it('uses invoke-only IPC with sender checks, and no remote module', () => {
    expect(main, 'checklist: IPC through ipcMain.handle').toMatch(/ipcMain\.handle\(/)
    expect(main, 'checklist: sender validation').toMatch(/isTrustedSender\(/)
    for (const [bad, item] of [
      [/ipcMain\.(on|once)\(/, 'no ipcMain.on (sync replies)'],
      [/\.returnValue\s*=/, 'no sync IPC replies'],
      [/sendSync\(/, 'no sendSync'],
      [/@electron\/remote|enableRemoteModule|electron\.remote\b/, 'no remote module'],
    ] as const) {
      expect(main, `checklist: ${item} (main)`).not.toMatch(bad)
      expect(preload, `checklist: ${item} (preload)`).not.toMatch(bad)
    }
    expect(count(preload, /exposeInMainWorld\(/), 'checklist: one object exposed').toBe(1)
    expect(preload, 'checklist: ipcRenderer never exposed').not.toMatch(
      /exposeInMainWorld\(\s*["'][\w$]+["']\s*,\s*(?:[\w$]+\.)?ipcRenderer\b/,
    )
    expect(preload, 'checklist: the page never gets send').not.toMatch(/ipcRenderer\.send\(/)
  })

  it('ships a strict Content-Security-Policy in the page and the header, and they agree', () => {
    const html = readFileSync(join(ROOT, 'src-renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'checklist: CSP in the page (file:// has no headers)').toBeTruthy()
    for (const [name, policy] of [
      ['page', meta!],
      ['header', CONTENT_SECURITY_POLICY],
    ]) {
      const d = directives(policy)
      expect(d.get('script-src'), `checklist: CSP script-src 'self' only (${name})`).toBe("'self'")
      expect(d.get('default-src'), `checklist: CSP default-src 'none' (${name})`).toBe("'none'")
      expect(d.get('object-src'), `checklist: CSP object-src 'none' (${name})`).toBe("'none'")
      expect(d.get('base-uri'), `checklist: CSP base-uri 'none' (${name})`).toBe("'none'")
      expect(policy, `checklist: CSP without unsafe-eval (${name})`).not.toMatch(/unsafe-eval/)
      expect(policy, `checklist: CSP loads nothing remote (${name})`).not.toMatch(/https?:|\*/)
    }
    // The meta tag cannot carry frame-ancestors; every other directive must match the header's.
    const header = directives(CONTENT_SECURITY_POLICY)
    header.delete('frame-ancestors')
    expect(directives(meta!), 'checklist: one CSP (page and header agree)').toEqual(header)
    expect(main, 'checklist: the header CSP is in the build').toContain("script-src 'self'")
  })
})
