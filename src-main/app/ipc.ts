// Runs in: Electron main process. IPC is generated from the contract: one ipcMain.handle per operation.
import { ipcMain, type BrowserWindow } from 'electron'
import { OP_NAMES, ipcChannel, IPC_EVENT_CHANNEL } from '../contract'
import type { Service } from '../services'
import { isTrustedSender } from './security'

export function registerIpc(
  service: Service,
  rendererUrl: string,
  getWindow: () => BrowserWindow | null,
): () => void {
  for (const name of OP_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event, rendererUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This window may not call Footprint' },
        }
      }
      // One session per window: whoever signed in there.
      return service.dispatch(name, input, { actor: 'app', session: `window:${event.sender.id}` })
    })
  }
  const unsubscribe = service.events.subscribe((event) => {
    const win = getWindow()
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event)
  })
  return () => {
    unsubscribe()
    for (const name of OP_NAMES) ipcMain.removeHandler(ipcChannel(name))
  }
}
