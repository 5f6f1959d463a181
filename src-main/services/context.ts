// Runs in: main process and CLI (Node). What every service handler is given.
import { EventEmitter } from 'node:events'
import type { AppEvent } from '../contract'
import type { Store } from '../store'
import type { PollerOptions } from '../sources/poller'
import type { CaptureDeps } from '../capture'
import type { KeyProvider } from '../secrets/providers'

/** Who is asking: recorded in the audit trail. Sign-in (workflow) will make this a real user. */
export interface CallContext {
  actor: string
}

export interface ServiceDeps {
  store: Store
  mode: 'electron' | 'browser'
  dataDir: string
  version: string
  now?: () => Date
  /** How the poller reaches the network and tells time: tests inject a fake clock and fetch. */
  polling?: Omit<PollerOptions, 'store' | 'events' | 'version'>
  /** Manual capture's browser launcher, OCR engine and timeouts: tests inject their own. */
  capture?: CaptureDeps
  /** What wraps the secrets key: the app passes safeStorage; absent: the OS keychain; null: passphrase only. */
  secretKeyProvider?: KeyProvider | null
}

/** Typed push channel from services to whichever transport is listening. */
export class AppEvents {
  private readonly emitter = new EventEmitter()
  constructor() {
    // Every SSE client and the Electron window subscribe; more than ten is normal in browser mode.
    this.emitter.setMaxListeners(0)
  }
  emit(event: AppEvent): void {
    this.emitter.emit('event', event)
  }
  subscribe(listener: (event: AppEvent) => void): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }
}
