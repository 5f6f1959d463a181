// Runs in: Electron main process. The app menu and the tray icon.
import {
  app,
  Menu,
  Tray,
  nativeImage,
  shell,
  type BrowserWindow,
  type MenuItemConstructorOptions,
} from 'electron'
import { join } from 'node:path'

export function buildMenu(dataDir: string, showWindow: () => void): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open data folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'Show Footprint', click: showWindow }] },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

export function createTray(iconDir: string, showWindow: () => void): Tray {
  const icon = nativeImage.createFromPath(join(iconDir, 'tray.png'))
  const tray = new Tray(icon)
  tray.setToolTip('Footprint')
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Footprint', click: showWindow },
      { type: 'separator' },
      { label: 'Quit', role: 'quit' },
    ]),
  )
  tray.on('click', showWindow)
  return tray
}

export function focusWindow(win: BrowserWindow | null): void {
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
