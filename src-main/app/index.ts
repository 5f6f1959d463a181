// Runs in: Electron main process. Entry point of the desktop app: one instance, one window, the same
// service as browser mode reached over IPC generated from the contract.
import { app, BrowserWindow, dialog, powerMonitor, safeStorage } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { projectRoot, resolveDataDir, APP_NAME } from '../core/paths'
import { openDataDir, createStore, StoreError } from '../store'
import { createService, type Service } from '../services'
import { registerIpc } from './ipc'
import { electronPdfRenderer } from './pdf'
import { safeStorageKeyProvider } from './safe-storage'
import { desktopNotifier } from './notifications'
import { hardenSession, lockDownWebContents, secureWebPreferences } from './security'
import { buildMenu, createTray, focusWindow } from './shell'

app.setName(APP_NAME)
let win: BrowserWindow | null = null

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag)
  if (i >= 0) return process.argv[i + 1]
  return process.argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1)
}

/** better-sqlite3 must be built for Electron's ABI; tests use Node's build, so the app carries its own. */
function nativeBinding(root: string): string | undefined {
  const candidates = [
    process.env.FOOTPRINT_SQLITE_BINDING,
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(root, 'build', 'native', 'electron', 'better_sqlite3.node'),
  ]
  return candidates.find((p): p is string => !!p && existsSync(p))
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit()
} else {
  app.on('second-instance', () => focusWindow(win))
  app.whenReady().then(start, (e) => fail(e))
}

function fail(e: unknown): void {
  const message =
    e instanceof StoreError ? e.message : `Footprint could not start: ${(e as Error)?.message ?? e}`
  dialog.showErrorBox('Footprint could not start', message)
  app.exit(1)
}

function start(): void {
  const root = projectRoot(__dirname)
  const dataDir = resolveDataDir(argValue('--data-dir'), process.env, app.getPath('userData'))
  let service: Service
  try {
    const db = openDataDir(dataDir, { nativeBinding: nativeBinding(root) })
    service = createService({
      store: createStore(db),
      mode: 'electron',
      dataDir,
      version: app.getVersion(),
      // Built after `ready` (start runs then): safeStorage reports no encryption before it.
      secretKeyProvider: safeStorageKeyProvider(safeStorage),
      // Urgent items only; clicking one brings the window forward.
      desktop: desktopNotifier(() => focusWindow(win)),
      // Reports are printed by Electron's own Chromium: no system browser needed in the app.
      reports: { pdf: electronPdfRenderer() },
    })
    const poller = service.poller
    poller.start()
    service.jobs.start()
    // Automatic backups into <data folder>/backups (Settings → Backups).
    service.backups.scheduler.start()
    // After sleep, re-plan at once: overdue sources run once each, not once per missed slot.
    powerMonitor.on('resume', () => poller.refresh())
    let quitting = false
    app.on('will-quit', (event) => {
      if (quitting) return
      // Let runs in flight end (cancelled, their sources keep their last state) before closing.
      event.preventDefault()
      quitting = true
      const jobs = service.jobs
      void Promise.all([
        poller.dispose(),
        jobs.dispose(),
        service.backups.scheduler.dispose(),
      ]).finally(() => {
        db.close()
        app.quit()
      })
    })
  } catch (e) {
    fail(e)
    return
  }

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const indexFile = join(__dirname, '../renderer/index.html')
  const rendererUrl = devUrl ?? pathToFileURL(indexFile).toString()

  hardenSession()
  lockDownWebContents(rendererUrl, () => win)
  registerIpc(service, rendererUrl, () => win)
  const show = () => (win ? focusWindow(win) : createWindow())
  buildMenu(dataDir, show)
  createTray(join(root, 'build'), show)

  function createWindow(): void {
    win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 680,
      show: false,
      title: 'Footprint',
      backgroundColor: '#f7f8fa',
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
    })
    win.once('ready-to-show', () => win?.show())
    win.on('closed', () => (win = null))
    if (devUrl) void win.loadURL(devUrl)
    else void win.loadFile(indexFile)
  }
  createWindow()
  app.on('activate', show)
}

// The tray keeps Footprint watching with no window open; quitting is explicit (tray or menu).
app.on('window-all-closed', () => {})
