/**
 * Runs in: main process and CLI (Node). Concurrency gates: one request at a time per host (so
 * we never hammer a small school news site or Wikipedia), a global cap across all hosts, and a
 * per-host "not before" time set by Retry-After so every request to that host waits, not just
 * the one that was told to.
 */

export class Gate {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.active < this.limit) {
      this.active++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort)
        this.active++
        resolve()
      }
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant)
        if (i >= 0) this.waiting.splice(i, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(grant)
    })
  }

  release(): void {
    this.active--
    const next = this.waiting.shift()
    if (next) next()
  }
}

export class HostLimiter {
  private readonly hosts = new Map<string, Gate>()
  private readonly notBefore = new Map<string, number>()
  private readonly global: Gate

  constructor(
    globalLimit: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {
    this.global = new Gate(Math.max(1, globalLimit))
  }

  /** Ask that no request reach `host` before `until` (epoch ms). Only ever extends. */
  deferHost(host: string, until: number): void {
    if (until > (this.notBefore.get(host) ?? 0)) this.notBefore.set(host, until)
  }

  /** Run `fn` holding the host's slot and a global slot. */
  async run<T>(host: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let gate = this.hosts.get(host)
    if (!gate) {
      gate = new Gate(1)
      this.hosts.set(host, gate)
    }
    await gate.acquire(signal)
    try {
      // Wait out Retry-After while holding only the host slot: other hosts carry on.
      const until = this.notBefore.get(host)
      if (until !== undefined) {
        const wait = until - this.now()
        if (wait > 0) await this.sleep(wait, signal)
        // Served: forget it unless the host asked for a new pause meanwhile.
        if (this.notBefore.get(host) === until) this.notBefore.delete(host)
      }
      await this.global.acquire(signal)
      try {
        return await fn()
      } finally {
        this.global.release()
      }
    } finally {
      gate.release()
      if (gate.idle) this.hosts.delete(host)
    }
  }
}
