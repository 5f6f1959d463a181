// Runs in: main process and CLI (Node). What every service handler is given.
import { EventEmitter } from 'node:events'
import type { AppEvent } from '../contract'
import type { Store } from '../store'
import type { PollerOptions } from '../sources/poller'
import type { CaptureDeps } from '../capture'
import type { KeyProvider } from '../secrets/providers'
import type { Principal } from '../workflow/auth'
import type { Poster } from '../workflow/posting/post'
import type { SchedulerClock } from '../sources/scheduler'
import type { DesktopNotification } from '../workflow/notify/notifier'
import type { DigestHooks } from './notifications'
import type { ReportDeps } from '../reports'

/**
 * What the transport knows about a call. `session` is set by the app's IPC (one per window) and the
 * browser-mode server (one per tab): such calls act as whoever signed in there, or as nobody. Calls
 * without a session come from the CLI and the app's own jobs and act as the system, named by `actor`.
 */
export interface CallContext {
  actor: string
  session?: string
}

/** What a handler receives: the call resolved to a principal, and the actor the audit trail records. */
export interface Caller extends CallContext {
  principal: Principal
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
  /** How approved replies are posted and when: tests inject a fake poster and clock. */
  posting?: { post?: Poster; clock?: SchedulerClock }
  /** Shows a desktop notification (the Electron app passes one; elsewhere urgent items are in-app only). */
  desktop?: (n: DesktopNotification) => void
  /** What the digest borrows from SLA clocks and incidents; the service wires its own by default. */
  digest?: DigestHooks
  /** What wraps the secrets key: the app passes safeStorage; absent: the OS keychain; null: passphrase only. */
  secretKeyProvider?: KeyProvider | null
  /** How reports become PDFs: the app passes Electron's printToPDF; absent: the system Chromium. */
  reports?: ReportDeps
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
