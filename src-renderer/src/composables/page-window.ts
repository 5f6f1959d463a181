// Runs in: renderer (plain TypeScript, no Vue, so it is unit-tested with fake fetchers).
// A window of pages over a long result that the server counts and serves by offset: only the pages
// around what is on screen are held (a reader of a 100,000-row inbox never holds it all), pages are
// fetched as the reader scrolls or jumps, and a page that arrives after the reader has moved on, or
// after the question changed, is dropped rather than written over what is now shown.

export interface PageResult<T> {
  items: T[]
  /** Every row of the result; sent when asked for (`withTotal`). */
  total?: number
}

export type PageFetcher<T> = (ask: {
  offset: number
  limit: number
  withTotal: boolean
}) => Promise<PageResult<T>>

export interface PageWindowOptions<T> {
  fetch: PageFetcher<T>
  pageSize: number
  /** Most pages held at once; those farthest from the rows on screen are let go first. */
  maxPages: number
  /** Pages fetched beyond each end of the rows on screen, so a steady scroll meets few placeholders. */
  ahead?: number
  /**
   * Requests at once. Main answers one call at a time, so more would only wait there, where a page
   * the reader has dragged past can no longer be dropped; here it can.
   */
  maxInFlight?: number
  /** Something shown changed (a page arrived or was let go, the total, a reset). */
  onChange?: () => void
}

interface Held<T> {
  items: T[]
  /** From before an invalidate(): still shown, fetched again. */
  stale: boolean
}

interface Waiter {
  first: number
  last: number
  generation: number
  ok: () => void
  fail: (e: unknown) => void
}

export function createPageWindow<T>(options: PageWindowOptions<T>) {
  const { pageSize: size, maxPages } = options
  const ahead = options.ahead ?? 1
  const maxInFlight = options.maxInFlight ?? 2
  if (!(size >= 1) || !(maxPages >= 1)) throw new Error('pageSize and maxPages must be at least 1')

  // Each reset or invalidate starts a new question; answers to an older one are dropped on arrival.
  let generation = 0
  let total: number | null = null
  let needTotal = true
  const pages = new Map<number, Held<T>>()
  /** Pages asked for in this generation and not yet answered. */
  const inFlight = new Set<number>()
  let queue: number[] = []
  /** The pages on screen (empty when last < first). */
  let visible = { first: 0, last: -1 }
  let waiters: Waiter[] = []

  const changed = () => options.onChange?.()
  const lastPage = () => (total === null ? Infinity : Math.ceil(total / size) - 1)
  const fresh = (p: number) => pages.get(p)?.stale === false
  /** On screen or just beyond it: worth fetching and keeping. */
  const wanted = (p: number) =>
    visible.last >= visible.first &&
    p >= visible.first - ahead &&
    p <= Math.min(visible.last + ahead, lastPage())

  function settle(): void {
    waiters = waiters.filter((w) => {
      let done = w.generation !== generation
      if (!done) {
        done = true
        for (let p = w.first; p <= Math.min(w.last, lastPage()); p++) if (!fresh(p)) done = false
      }
      if (done) w.ok()
      return !done
    })
  }

  /** Lets go of the pages farthest from the screen until no more than maxPages are held. */
  function evict(): boolean {
    let any = false
    while (pages.size > maxPages) {
      let worst = -1
      let worstDistance = 0
      for (const p of pages.keys()) {
        const d = p < visible.first ? visible.first - p : p > visible.last ? p - visible.last : 0
        if (d > worstDistance) [worst, worstDistance] = [p, d]
      }
      if (worst < 0) break // every page held is on screen
      pages.delete(worst)
      any = true
    }
    return any
  }

  function pump(): void {
    while (inFlight.size < maxInFlight && queue.length) {
      const p = queue.shift()!
      if (wanted(p) && !fresh(p) && !inFlight.has(p)) send(p)
    }
  }

  function send(p: number): void {
    const asked = generation
    const withTotal = needTotal
    needTotal = false
    inFlight.add(p)
    options.fetch({ offset: p * size, limit: size, withTotal }).then(
      (r) => {
        if (asked !== generation) return
        inFlight.delete(p)
        if (r.total !== undefined) total = r.total
        // Scrolled past while it was on its way: not worth a slot that a wanted page needs.
        if (wanted(p)) pages.set(p, { items: r.items, stale: false })
        evict()
        changed()
        settle()
        pump()
      },
      (e: unknown) => {
        if (asked !== generation) return
        inFlight.delete(p)
        if (withTotal) needTotal = true
        // Not retried here (a broken connection would be hammered): the next scroll asks again.
        waiters = waiters.filter((w) => {
          const hit = p >= w.first && p <= w.last
          if (hit) w.fail(e)
          return !hit
        })
        pump()
      },
    )
  }

  /**
   * The rows from `firstRow` to `lastRow` are on screen: fetch what they (and the pages just beyond)
   * need, drop queued pages that are no longer needed, let go of far pages. Resolves when the rows
   * on screen are loaded (or the question changed), rejects if one of their pages fails.
   */
  function show(firstRow: number, lastRow: number): Promise<void> {
    const a = Number.isFinite(firstRow) ? Math.max(0, Math.floor(firstRow)) : 0
    const b = Number.isFinite(lastRow) ? Math.max(a, Math.floor(lastRow)) : a
    const last = Math.min(Math.floor(b / size), lastPage())
    visible = { first: Math.min(Math.floor(a / size), Math.max(last, 0)), last }
    const order: number[] = []
    for (let p = visible.first; p <= visible.last; p++) order.push(p)
    for (let k = 1; k <= ahead; k++) order.push(visible.last + k, visible.first - k)
    queue = order.filter((p) => p >= 0 && wanted(p) && !fresh(p) && !inFlight.has(p))
    if (evict()) changed()
    // Whoever waited for the rows on screen before has had their answer: the screen moved on.
    for (const w of waiters) w.ok()
    const done = new Promise<void>((ok, fail) => {
      waiters = [{ first: visible.first, last: visible.last, generation, ok, fail }]
    })
    settle()
    pump()
    return done
  }

  return {
    show,
    /** The row at `index`, or undefined while its page is not held (the list shows a placeholder). */
    get(index: number): T | undefined {
      return pages.get(Math.floor(index / size))?.items[index % size]
    },
    /** Rows in the whole result, as the server last counted them; null until it has said. */
    total: () => total,
    heldPages: () => pages.size,
    heldRows: () => [...pages.values()].reduce((n, h) => n + h.items.length, 0),
    inFlight: () => inFlight.size,
    /** A new question (another filter or school): forget everything, placeholders until it answers. */
    reset(): void {
      generation++
      pages.clear()
      inFlight.clear()
      queue = []
      total = null
      needTotal = true
      visible = { first: 0, last: -1 }
      settle()
      changed()
    },
    /**
     * The same question, but the answers may have changed (new mentions, a triage): keep showing what
     * is held while the rows on screen, and the total, are fetched again.
     */
    invalidate(): Promise<void> {
      generation++
      for (const h of pages.values()) h.stale = true
      inFlight.clear()
      needTotal = true
      settle()
      const { first, last } = visible
      return last < first ? Promise.resolve() : show(first * size, last * size + size - 1)
    },
    /** Changes held rows in place (a correction shown at once). */
    update(change: (item: T) => T): void {
      for (const h of pages.values()) h.items = h.items.map(change)
      changed()
    },
  }
}

export type PageWindow<T> = ReturnType<typeof createPageWindow<T>>
