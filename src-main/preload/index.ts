// Runs in: the Electron preload, sandboxed, with context isolation. Exposes exactly the contract's
// operations and the event stream — never ipcRenderer itself.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge } from './bridge'
import { IPC_EVENT_CHANNEL, type AppEvent } from '../contract'

const bridge = createBridge(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    const wrapped = (_e: IpcRendererEvent, event: AppEvent) => listener(event)
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, wrapped)
  },
)

contextBridge.exposeInMainWorld('footprint', bridge)
