// Runs in: Electron main process. The Electron security checklist in one place, so a test can read it.
import {
  app,
  dialog,
  session,
  shell,
  type BrowserWindow,
  type IpcMainInvokeEvent,
  type Session,
  type WebPreferences,
} from 'electron'
import { CONTENT_SECURITY_POLICY } from '../core/csp'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  }
}

/** Only http(s) URLs with a host may leave the app; anything else (file:, javascript:, custom schemes) is refused. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const u = new URL(raw)
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') &&
      u.hostname.length > 0 &&
      !u.username &&
      !u.password
    )
  } catch {
    return false
  }
}

/** Opens a link in the user's browser only after they confirm it: mention text is untrusted. */
export async function openExternalSafely(win: BrowserWindow | null, raw: string): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) return false
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open link',
    message: 'Open this address in your web browser?',
    detail: raw,
  }
  const { response } = win
    ? await dialog.showMessageBox(win, options)
    : await dialog.showMessageBox(options)
  if (response !== 0) return false
  await shell.openExternal(raw)
  return true
}

/** Where the renderer legitimately lives; IPC from any other frame or origin is refused. */
export function isTrustedSender(event: IpcMainInvokeEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  try {
    const expected = new URL(rendererUrl)
    const actual = new URL(frame.url)
    if (expected.protocol === 'file:')
      return actual.protocol === 'file:' && actual.pathname === expected.pathname
    return actual.origin === expected.origin
  } catch {
    return false
  }
}

/** Camera, microphone, location, notifications, clipboard, USB…: Footprint's pages never need them. */
function denyPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

export function hardenSession(): void {
  const ses = session.defaultSession
  denyPermissions(ses)
  // Other sessions (the report printer's partition, anything added later) are refused the same way.
  app.on('session-created', denyPermissions)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    })
  })
}

/** No navigation away from the app, no new windows, no webviews, in every web contents ever created. */
export function lockDownWebContents(
  rendererUrl: string,
  getWindow: () => BrowserWindow | null,
): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (url !== rendererUrl) e.preventDefault()
    })
    contents.on('will-redirect', (e, url) => {
      if (url !== rendererUrl) e.preventDefault()
    })
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafely(getWindow(), url)
      return { action: 'deny' }
    })
  })
}
