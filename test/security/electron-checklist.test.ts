// Runs in: Vitest (Node). The Electron security checklist, item by item, against the code the app runs:
// src-main/app/security.ts, ipc.ts and the preload, with Electron replaced by recorders (its runtime is not
// installed on build machines). Every assertion names its checklist item, so a regression says which.
// electron-bundle.test.ts checks the same items in a fresh build of main and preload.
import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const rec = vi.hoisted(() => ({
  appEvents: new Map<string, ((...a: unknown[]) => void)[]>(),
  handles: new Map<string, (event: unknown, input: unknown) => unknown>(),
  ipcOn: [] as string[],
  showMessageBox: vi.fn(async (..._a: unknown[]) => ({ response: 1 })),
  openExternal: vi.fn(async (_url: string) => {}),
  exposed: [] as [string, unknown][],
  invoke: vi.fn(async (..._a: unknown[]) => ({ ok: true, data: null })),
  rendererSend: vi.fn(),
  rendererSendSync: vi.fn(),
  sessions: [] as FakeSession[],
}))

interface FakeSession {
  request?: (wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void
  check?: (...a: unknown[]) => boolean
  headers?: (d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void
  setPermissionRequestHandler(fn: FakeSession['request']): void
  setPermissionCheckHandler(fn: FakeSession['check']): void
  webRequest: { onHeadersReceived(fn: FakeSession['headers']): void }
}

vi.mock('electron', () => {
  const fakeSession = (): FakeSession => {
    const s: FakeSession = {
      setPermissionRequestHandler: (fn) => (s.request = fn),
      setPermissionCheckHandler: (fn) => (s.check = fn),
      webRequest: { onHeadersReceived: (fn) => (s.headers = fn) },
    }
    rec.sessions.push(s)
    return s
  }
  const ipcRenderer = {
    invoke: rec.invoke,
    on: vi.fn(),
    off: vi.fn(),
    send: rec.rendererSend,
    sendSync: rec.rendererSendSync,
  }
  return {
    app: {
      on: (event: string, fn: (...a: unknown[]) => void) =>
        rec.appEvents.set(event, [...(rec.appEvents.get(event) ?? []), fn]),
    },
    dialog: { showMessageBox: rec.showMessageBox },
    shell: { openExternal: rec.openExternal },
    session: {
      get defaultSession() {
        return (rec.sessions[0] ??= fakeSession())
      },
      fromPartition: () => fakeSession(),
    },
    ipcMain: {
      handle: (channel: string, fn: (e: unknown, i: unknown) => unknown) =>
        rec.handles.set(channel, fn),
      on: (channel: string) => rec.ipcOn.push(channel),
      once: (channel: string) => rec.ipcOn.push(channel),
      removeHandler: (channel: string) => rec.handles.delete(channel),
    },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => rec.exposed.push([key, value]),
    },
    ipcRenderer,
  }
})

const security = await import('../../src-main/app/security')
const { registerIpc } = await import('../../src-main/app/ipc')
const { OP_NAMES, ipcChannel } = await import('../../src-main/contract')
const electron = await import('electron')

const APP = 'file:///opt/footprint/resources/app/out/renderer/index.html'
/** Every scheme that must never reach shell.openExternal (programs, files, script, data). */
const NEVER_EXTERNAL = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://server/share/payload.exe',
  'smb://evil.example/share',
  'ms-settings:privacy',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'steam://run/1',
  'chrome://settings',
  'about:blank',
  'https://user:password@evil.example/',
  'http://',
  'not a url',
]

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    windowOpen?: (d: { url: string }) => { action: string }
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }): void
  }
  contents.setWindowOpenHandler = (fn) => (contents.windowOpen = fn)
  for (const fn of rec.appEvents.get('web-contents-created') ?? []) fn({}, contents)
  return contents
}

/** Emits a cancellable Electron event; true when a listener prevented it. */
function prevented(contents: EventEmitter, name: string, url: string): boolean {
  let stopped = false
  contents.emit(name, { preventDefault: () => (stopped = true) }, url)
  return stopped
}

beforeEach(() => {
  rec.showMessageBox.mockClear()
  rec.openExternal.mockClear()
})

describe('Electron security checklist: the window', () => {
  it('runs every page isolated, sandboxed and without Node, with web security on', () => {
    const p = security.secureWebPreferences('/app/out/preload/index.js')
    expect(p.contextIsolation, 'checklist: context isolation').toBe(true)
    expect(p.sandbox, 'checklist: sandbox').toBe(true)
    expect(p.nodeIntegration, 'checklist: no Node integration').toBe(false)
    expect(p.nodeIntegrationInSubFrames, 'checklist: no Node integration in subframes').toBe(false)
    expect(p.nodeIntegrationInWorker, 'checklist: no Node integration in workers').toBe(false)
    expect(p.webSecurity, 'checklist: web security not disabled').toBe(true)
    expect(p.allowRunningInsecureContent, 'checklist: no insecure content').toBe(false)
    expect(p.experimentalFeatures, 'checklist: no experimental features').toBe(false)
    expect(p.webviewTag, 'checklist: no <webview>').toBe(false)
    expect(p.enableBlinkFeatures, 'checklist: no extra Blink features').toBeUndefined()
    expect(p.preload, 'the preload is the only bridge').toBe('/app/out/preload/index.js')
    // A new preference is a security decision: it must be added here on purpose.
    expect(Object.keys(p).sort(), 'checklist: no unreviewed web preference').toEqual(
      [
        'allowRunningInsecureContent', 'contextIsolation', 'experimentalFeatures', 'navigateOnDragDrop',
        'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'sandbox',
        'spellcheck', 'webSecurity', 'webviewTag',
      ].sort(),
    ) // prettier-ignore
  })
})

describe('Electron security checklist: the session', () => {
  it('refuses every permission request and check, in the default session and every later one', () => {
    security.hardenSession()
    const later = rec.appEvents.get('session-created') ?? []
    expect(later.length, 'checklist: permissions denied in every session').toBeGreaterThan(0)
    const extra = (
      electron.session as unknown as { fromPartition(p: string): FakeSession }
    ).fromPartition('footprint-report-pdf')
    for (const fn of later) fn(extra)
    for (const ses of [electron.session.defaultSession as unknown as FakeSession, extra]) {
      expect(ses.request, 'checklist: setPermissionRequestHandler').toBeTypeOf('function')
      expect(ses.check, 'checklist: setPermissionCheckHandler').toBeTypeOf('function')
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'fullscreen']) {
        const answer = vi.fn()
        ses.request!({}, permission, answer, {})
        expect(answer, `checklist: permission request "${permission}" denied`).toHaveBeenCalledWith(false)
        expect(ses.check!({}, permission, APP, {}), `checklist: permission check "${permission}" denied`).toBe(false)
      } // prettier-ignore
    }
  })

  it('sends the strict Content-Security-Policy with every response', () => {
    const ses = electron.session.defaultSession as unknown as FakeSession
    let headers: Record<string, string[]> = {}
    ses.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => {
      headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders
    })
    const csp = headers['Content-Security-Policy']?.[0] ?? ''
    expect(csp, 'checklist: CSP script-src self').toMatch(/(^|; )script-src 'self'(;|$)/)
    expect(csp, 'checklist: CSP without unsafe-eval').not.toMatch(/unsafe-eval/)
    expect(headers['X-Other'], 'other headers are kept').toEqual(['1'])
  })
})

describe('Electron security checklist: navigation, new windows and links', () => {
  security.lockDownWebContents(APP, () => null)

  it('blocks navigation and redirects to anything but the app page', () => {
    const contents = fakeContents()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', `${APP}.evil`, 'http://127.0.0.1:9000/']) {
      expect(prevented(contents, 'will-navigate', url), `checklist: will-navigate to ${url} blocked`).toBe(true)
      expect(prevented(contents, 'will-redirect', url), `checklist: will-redirect to ${url} blocked`).toBe(true)
    } // prettier-ignore
    expect(prevented(contents, 'will-navigate', APP), 'the app may reload itself').toBe(false)
    expect(prevented(contents, 'will-attach-webview', ''), 'checklist: no <webview>').toBe(true)
  })

  it('denies every new window; a web link goes to the browser only after the user confirms', async () => {
    const contents = fakeContents()
    expect(contents.windowOpen, 'checklist: setWindowOpenHandler').toBeTypeOf('function')
    const url = 'https://www.mumsnet.com/talk/thread?x=1'

    rec.showMessageBox.mockResolvedValueOnce({ response: 1 })
    expect(contents.windowOpen!({ url }), 'checklist: window.open denied').toEqual({
      action: 'deny',
    })
    await vi.waitFor(() => expect(rec.showMessageBox).toHaveBeenCalledTimes(1))
    const shown = rec.showMessageBox.mock.calls[0].at(-1) as { detail: string; cancelId: number; defaultId: number } // prettier-ignore
    expect(shown.detail, 'the confirmation shows the address').toBe(url)
    expect(shown.defaultId, 'checklist: Cancel is the default').toBe(shown.cancelId)
    expect(rec.openExternal, 'checklist: cancelled links are not opened').not.toHaveBeenCalled()

    rec.showMessageBox.mockResolvedValueOnce({ response: 0 })
    expect(contents.windowOpen!({ url })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(rec.openExternal).toHaveBeenCalledWith(url))
    expect(rec.showMessageBox).toHaveBeenCalledTimes(2)
  })

  it('never hands anything but a web address to the operating system, confirmed or not', async () => {
    const contents = fakeContents()
    rec.showMessageBox.mockResolvedValue({ response: 0 })
    for (const url of NEVER_EXTERNAL) {
      expect(security.isSafeExternalUrl(url), `checklist: openExternal refuses ${url}`).toBe(false)
      expect(contents.windowOpen!({ url })).toEqual({ action: 'deny' })
      expect(await security.openExternalSafely(null, url), `checklist: openExternal refuses ${url}`).toBe(false) // prettier-ignore
    }
    expect(
      rec.showMessageBox,
      'checklist: no confirmation offered for unsafe links',
    ).not.toHaveBeenCalled()
    expect(rec.openExternal, 'checklist: openExternal only for http(s)').not.toHaveBeenCalled()
    rec.showMessageBox.mockResolvedValue({ response: 1 })
  })
})

describe('Electron security checklist: IPC', () => {
  const dispatch = vi.fn(async () => ({ ok: true, data: 'answered' }))
  const service = { dispatch, events: { subscribe: () => () => {} } } as never
  registerIpc(service, APP, () => null)
  const call = (url: string, parent: unknown = null) =>
    rec.handles.get(ipcChannel('schools.list'))!(
      { senderFrame: { url, parent }, sender: { id: 7 } },
      {},
    )

  it('handles the contract with invoke only: one handler per operation, no ipcMain.on, no sync IPC', () => {
    expect([...rec.handles.keys()].sort(), 'checklist: one ipcMain.handle per operation').toEqual(
      OP_NAMES.map(ipcChannel).sort(),
    )
    expect(rec.ipcOn, 'checklist: no ipcMain.on (sync IPC returns values through it)').toEqual([])
  })

  it('answers only the top frame of the app page (sender validation)', async () => {
    for (const [url, parent] of [
      ['https://evil.example/', null],
      ['file:///tmp/evil.html', null],
      [`${APP}#/today`, {}],
      ['about:blank', null],
    ] as const) {
      dispatch.mockClear()
      expect(await call(url, parent), `checklist: sender ${url} refused`).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
      expect(dispatch, `checklist: sender ${url} never reaches the service`).not.toHaveBeenCalled()
    }
    expect(await call(`${APP}#/today`)).toEqual({ ok: true, data: 'answered' })
    expect(dispatch).toHaveBeenCalledWith('schools.list', {}, { actor: 'app', session: 'window:7' })
  })
})

describe('Electron security checklist: the preload bridge', () => {
  it('exposes only the contract operations and the event stream, never ipcRenderer', async () => {
    await import('../../src-main/preload/index')
    expect(
      rec.exposed.map(([k]) => k),
      'checklist: one object exposed, window.footprint',
    ).toEqual(['footprint'])
    const bridge = rec.exposed[0][1] as { ops: Record<string, (i: unknown) => unknown> }
    expect(Object.keys(bridge).sort()).toEqual(['onEvent', 'ops'])
    expect(Object.isFrozen(bridge.ops), 'checklist: the page cannot add operations').toBe(true)
    expect(Object.keys(bridge.ops).sort()).toEqual([...OP_NAMES].sort())
    // Nothing reachable from the bridge is Electron's own object or one of its methods.
    const ipc = (electron as unknown as { ipcRenderer: Record<string, unknown> }).ipcRenderer
    const forbidden = new Set<unknown>([ipc, ...Object.values(ipc)])
    const seen = new Set<unknown>()
    const walk = (v: unknown): void => {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return
      seen.add(v)
      expect(forbidden.has(v), 'checklist: no ipcRenderer exposed').toBe(false)
      for (const k of Object.keys(v as object)) walk((v as Record<string, unknown>)[k])
    }
    walk(bridge)
    await bridge.ops['app.status'](undefined)
    expect(rec.invoke).toHaveBeenCalledWith(ipcChannel('app.status'), undefined)
    expect(rec.rendererSendSync, 'checklist: no sendSync').not.toHaveBeenCalled()
    expect(rec.rendererSend, 'checklist: invoke only').not.toHaveBeenCalled()
  })
})
