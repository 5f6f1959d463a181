// Runs in: Vitest (Node). The Mentions list's page window, against a fake server whose answers the
// test releases one by one: only the pages near the screen are held, a jump fetches only what it
// needs, late and out-of-date answers are dropped, a reset starts afresh, and odd rows are bounded.
import { describe, expect, it } from 'vitest'
import { createPageWindow, type PageResult } from '../../src-renderer/src/composables/page-window'

interface Ask {
  offset: number
  limit: number
  withTotal: boolean
  answer: (rows?: number) => Promise<void>
  refuse: (e: Error) => Promise<void>
}

/** A result of `rows` rows (row i is `tag + i`); every request waits until the test answers it. */
function fakeServer(rows: number, tag = 'r') {
  const asks: Ask[] = []
  /** Every offset ever asked for. */
  const history: number[] = []
  let count = rows
  const fetch = (a: { offset: number; limit: number; withTotal: boolean }) =>
    new Promise<PageResult<string>>((ok, fail) => {
      history.push(a.offset)
      const settled = () => new Promise<void>((r) => setTimeout(r, 0))
      asks.push({
        ...a,
        answer: (n = count) => {
          const items: string[] = []
          for (let i = a.offset; i < Math.min(n, a.offset + a.limit); i++) items.push(`${tag}${i}`)
          ok({ items, total: a.withTotal ? n : undefined })
          return settled()
        },
        refuse: (e) => {
          fail(e)
          return settled()
        },
      })
    })
  return {
    asks,
    history,
    fetch,
    setRows: (n: number) => (count = n),
    /** The pages asked for and not yet answered, by page number. */
    pending: (size: number) => asks.map((a) => a.offset / size),
  }
}

const SIZE = 50

function setup(rows = 100_000, maxPages = 4) {
  const server = fakeServer(rows)
  let changes = 0
  const win = createPageWindow({
    fetch: server.fetch,
    pageSize: SIZE,
    maxPages,
    ahead: 1,
    maxInFlight: 2,
    onChange: () => changes++,
  })
  return { server, win, changes: () => changes }
}

/** Answers every request in order until none is waiting. */
async function drain(server: ReturnType<typeof fakeServer>): Promise<void> {
  while (server.asks.length) await server.asks.shift()!.answer()
}

describe('page window', () => {
  it('loads the first page with the total, then shows its rows', async () => {
    const { server, win } = setup(120)
    const shown = win.show(0, 9)
    // The page on screen (with the count), and the next one ahead, before anything answers.
    expect(server.asks.map(({ offset, withTotal }) => ({ offset, withTotal }))).toEqual([
      { offset: 0, withTotal: true },
      { offset: SIZE, withTotal: false },
    ])
    expect(win.get(0)).toBeUndefined()
    await server.asks.shift()!.answer()
    await shown
    expect(win.total()).toBe(120)
    expect(win.get(0)).toBe('r0')
    expect(win.get(9)).toBe('r9')
    await drain(server)
    // Only the first request asked for the count; the 120-row result has no third page to fetch.
    expect(server.history).toEqual([0, SIZE])
  })

  it('never holds more than maxPages however far the reader scrolls', async () => {
    const { server, win } = setup(100_000, 4)
    await Promise.all([win.show(0, 5), drain(server)])
    for (let row = 0; row < 100_000; row += 700) {
      void win.show(row, row + 5)
      await drain(server)
      expect(win.heldPages()).toBeLessThanOrEqual(4)
    }
    void win.show(99_990, 99_999)
    await drain(server)
    expect(win.get(99_999)).toBe('r99999')
    expect(win.get(0)).toBeUndefined()
    expect(win.heldRows()).toBeLessThanOrEqual(4 * SIZE)
  })

  it('lets go of the pages farthest from the screen first', async () => {
    const { server, win } = setup(100_000, 3)
    void win.show(0, 5)
    await drain(server) // pages 0 and 1 (one ahead)
    void win.show(60, 70)
    await drain(server) // page 2 ahead
    void win.show(160, 170) // page 3 on screen, 2 and 4 either side: page 0 is the farthest
    await drain(server)
    expect(win.get(0)).toBeUndefined()
    expect(win.get(160)).toBe('r160')
    expect(win.heldPages()).toBe(3)
  })

  it('a jump to 80% fetches only the pages around it', async () => {
    const { server, win } = setup(100_000)
    await Promise.all([win.show(0, 5), drain(server)])
    const shown = win.show(80_000, 80_004)
    // Page 1600 on screen first, then the page either side; only two ask at once.
    expect(server.pending(SIZE)).toEqual([1600, 1601])
    await server.asks.shift()!.answer()
    await shown
    expect(win.get(80_000)).toBe('r80000')
    await drain(server)
    // 1600 on screen, 1601 and 1599 either side: nothing between the top and 80% was asked for.
    expect(server.history.filter((o) => o > 2 * SIZE && o < 1599 * SIZE)).toEqual([])
    expect(win.get(40_000)).toBeUndefined()
    expect(win.heldPages()).toBeLessThanOrEqual(4)
  })

  it('drops queued pages the reader has dragged past before they are asked for', async () => {
    const { server, win } = setup(100_000)
    await Promise.all([win.show(0, 5), drain(server)])
    // A drag through the scrollbar: three positions before anything answers.
    void win.show(10_000, 10_004)
    void win.show(40_000, 40_004)
    void win.show(80_000, 80_004)
    // Page 200 and 201 were already on their way; 199 and every page for 40,000 were never sent.
    expect(server.pending(SIZE)).toEqual([200, 201])
    await drain(server)
    // Nothing for the middle of the drag was ever asked for.
    expect(server.history.filter((o) => o >= 39_000 && o <= 41_000)).toEqual([])
    expect(server.history).not.toContain(199 * SIZE)
    expect(win.get(10_000)).toBeUndefined() // arrived late, past: dropped
    expect(win.get(80_000)).toBe('r80000')
  })

  it('drops an answer that arrives after the reader scrolled past it (no overwrite)', async () => {
    // Room for many pages, so it is the drop (not eviction) that keeps the late page out.
    const { server, win } = setup(100_000, 20)
    await Promise.all([win.show(0, 5), drain(server)])
    void win.show(5_000, 5_004) // page 100 (and 101) asked
    const late = server.asks.shift()!
    void win.show(50_000, 50_004)
    await drain(server) // 101 is dropped too; 1000, 1001, 999 arrive
    await late.answer()
    expect(win.get(5_000)).toBeUndefined()
    expect(win.get(5_050)).toBeUndefined()
    expect(win.get(50_000)).toBe('r50000')
    // Pages 0 and 1 from the top, 999 to 1001 around the screen: nothing from the scroll past.
    expect(win.heldPages()).toBe(5)
  })

  it('a reset forgets everything and drops answers to the old question', async () => {
    const server = fakeServer(1_000, 'old')
    const next = fakeServer(30, 'new')
    let useNew = false
    const win = createPageWindow<string>({
      fetch: (a) => (useNew ? next.fetch(a) : server.fetch(a)),
      pageSize: SIZE,
      maxPages: 4,
    })
    await Promise.all([win.show(0, 5), drain(server)])
    void win.show(500, 505)
    const stale = [...server.asks]
    server.asks.length = 0
    useNew = true
    win.reset()
    expect(win.total()).toBeNull()
    expect(win.get(0)).toBeUndefined()
    expect(win.heldPages()).toBe(0)
    const shown = win.show(0, 20)
    await drain(next)
    await shown
    for (const s of stale) await s.answer()
    expect(win.total()).toBe(30)
    expect(win.get(0)).toBe('new0')
    expect(win.get(29)).toBe('new29')
    expect(win.get(500)).toBeUndefined()
    expect(win.heldPages()).toBe(1)
  })

  it('invalidate keeps showing held rows until the fresh ones arrive', async () => {
    const { server, win } = setup(200)
    await Promise.all([win.show(0, 5), drain(server)])
    server.setRows(201)
    const again = win.invalidate()
    expect(win.get(0)).toBe('r0') // still shown meanwhile
    expect(server.asks[0]).toMatchObject({ offset: 0, withTotal: true })
    await drain(server)
    await again
    expect(win.total()).toBe(201)
  })

  it('bounds: rows past the end, negative and non-numbers ask for nothing outside the result', async () => {
    const { server, win } = setup(120)
    await Promise.all([win.show(0, 0), drain(server)])
    void win.show(5_000, 9_000)
    await drain(server)
    void win.show(-40, Number.NaN)
    await drain(server)
    void win.show(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)
    await drain(server)
    expect(server.history.length).toBeGreaterThan(0)
    expect(server.history.every((o) => o >= 0 && o < 120)).toBe(true)
    void win.show(119, 200)
    await drain(server)
    expect(win.get(119)).toBe('r119')
    expect(win.get(120)).toBeUndefined()
  })

  it('an empty result asks once and holds nothing', async () => {
    const { server, win } = setup(0)
    const shown = win.show(0, 10)
    await drain(server)
    await shown
    expect(win.total()).toBe(0)
    void win.show(0, 10)
    expect(server.asks).toHaveLength(0)
    expect(win.heldPages()).toBe(0)
  })

  it('a failed page rejects the wait, asks again on the next scroll, and asks for the total again', async () => {
    const { server, win } = setup(300)
    const failed = expect(win.show(0, 5)).rejects.toThrow('main is not answering')
    await server.asks.shift()!.refuse(new Error('main is not answering'))
    await failed
    await drain(server)
    const again = win.show(0, 5)
    expect(server.asks[0]).toMatchObject({ offset: 0, withTotal: true })
    await drain(server)
    await again
    expect(win.get(3)).toBe('r3')
    expect(win.total()).toBe(300)
  })

  it('update changes held rows in place', async () => {
    const { server, win, changes } = setup(100)
    await Promise.all([win.show(0, 5), drain(server)])
    const before = changes()
    win.update((r) => (r === 'r3' ? 'R3' : r))
    expect(win.get(3)).toBe('R3')
    expect(changes()).toBeGreaterThan(before)
  })
})
