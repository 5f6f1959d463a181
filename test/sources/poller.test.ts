// Runs in: Vitest (Node). The poller: scheduling with a fake clock (overdue once, next run planned
// after the last finishes), no overlapping runs, "test" storing nothing, and our User-Agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import type { FetchRun } from '../../src-main/contract'
import type { PoliteHttp } from '../../src-main/sources/http'
import { createFakeClock, settle } from './fake-clock'
import { testHttp } from './helpers'
import { ctx, harness } from './poller-harness'

const MIN = 60_000
let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

/** An HTTP client that counts requests as they are made: synchronous, so no waiting is needed. */
function countingHttp(): { http: PoliteHttp; gets: string[] } {
  const inner = testHttp().http
  const gets: string[] = []
  return {
    gets,
    http: { ...inner, get: (url, o) => (gets.push(url), inner.get(url, o)) },
  }
}

describe('poller', () => {
  it('runs an overdue source once, then plans the next run from when it finished', async () => {
    const clock = createFakeClock()
    const { http, gets } = countingHttp()
    const h = await harness(server, { clock, http })
    const s = await h.addFeed('/feeds/21.xml')
    // Closed for five hours: ten 30-minute slots were missed.
    h.store.sources.setNextDue(s.id, clock.now() - 5 * 60 * MIN)
    const runs: FetchRun[] = []
    let next!: () => void
    const nextRun = () => new Promise<void>((r) => (next = r))
    h.service.poller.onRun((r) => (runs.push(r), next()))

    let ran = nextRun()
    h.service.poller.start()
    await ran
    await settle() // the scheduler plans the next run once run() has returned
    expect(runs).toHaveLength(1)
    expect(gets).toHaveLength(1)
    const finishedAt = clock.now()
    expect(h.source(s.id).nextDueAt).toBe(new Date(finishedAt + 30 * MIN).toISOString())

    // 29 minutes on: not due, nothing requested.
    await clock.advance(29 * MIN)
    expect(gets).toHaveLength(1)
    ran = nextRun()
    await clock.advance(MIN)
    await ran
    await settle()
    expect(gets).toHaveLength(2)
    expect(runs[1].status).toBe('not_modified')

    // The laptop sleeps for a day: on wake the source runs once, not 48 times.
    ran = nextRun()
    await clock.sleep(24 * 60 * MIN)
    await ran
    await settle()
    expect(gets).toHaveLength(3)
    expect(h.source(s.id).nextDueAt).toBe(new Date(clock.now() + 30 * MIN).toISOString())
    await h.service.poller.dispose()
    expect(await h.service.call('sources.runs', { id: s.id }, ctx)).toHaveLength(3)
  })

  it('waits as long as a server asks (429 with a long Retry-After), not just the interval', async () => {
    const clock = createFakeClock()
    const h = await harness(server, { clock })
    const s = await h.addFeed('/retry-after/7200?times=5')
    const runs: FetchRun[] = []
    let next!: () => void
    const ran = new Promise<void>((r) => (next = r))
    h.service.poller.onRun((r) => (runs.push(r), next()))
    h.service.poller.start()
    await ran
    await settle()
    expect(runs[0]).toMatchObject({ status: 'error', httpStatus: 429 })
    expect(runs[0].error).toMatch(/retry after 7200 s/)
    // Two hours, as asked, rather than the feed's 30 minutes.
    expect(h.source(s.id).nextDueAt).toBe(new Date(clock.now() + 7200 * 1000).toISOString())
    await h.service.poller.dispose()
  })

  it('never runs a source twice at once: a second "poll now" waits for the first', async () => {
    const h = await harness(server)
    const s = await h.addFeed('/hold/overlap')
    const first = h.poll(s.id)
    const second = h.poll(s.id)
    await server.waitForRequest('/hold/overlap')
    server.release('overlap')
    const [a, b] = await Promise.all([first, second])
    expect(a).toEqual(b)
    expect(a[0]).toMatchObject({ status: 'error', error: 'not a feed: plain text' })
    expect(server.hits('/hold/overlap')).toBe(1)
    expect(await h.service.call('sources.runs', { id: s.id }, ctx)).toHaveLength(1)
  })

  it('"test" fetches, matches and dedups, and stores nothing, not even the state', async () => {
    const h = await harness(server)
    const s = await h.addFeed('/google-alerts')
    await h.poll(s.id)
    const snapshot = () => ({
      mentions: h.count('mentions'),
      runs: h.count('fetch_runs'),
      sources: h.count('sources'),
      audit: h.count('audit_events'),
      record: h.store.sources.getRecord(s.id),
    })
    const before = snapshot()
    const input = { kind: 'feed', name: 'Alerts again', config: s.config }
    // The same feed as a new source: its items are already held by another source.
    const asNew = await h.service.call('sources.test', { source: input }, ctx)
    expect(asNew).toMatchObject({ ok: true, error: null, itemsFound: 3 })
    expect(asNew.items.map((i) => i.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    // Re-testing the source itself: its own items are already stored.
    const again = await h.service.call('sources.test', { source: input, id: s.id }, ctx)
    expect(again.items.map((i) => i.outcome)).toEqual([
      'already_stored',
      'already_stored',
      'already_stored',
    ])
    expect(again.items[0]).toMatchObject({
      schoolName: h.school.name,
      matchedAlias: "St Aldhelm's C of E Primary School",
    })
    // A feed with items about nobody, and a broken one.
    const other = await h.service.call(
      'sources.test',
      {
        source: {
          ...input,
          config: { url: `${server.url}/feeds/1.xml`, allowPrivateNetwork: true },
        },
      },
      ctx,
    )
    const outcomes = other.items.map((i) => i.outcome)
    expect(outcomes).toContain('new')
    expect(outcomes).toContain('not_about_us')
    const broken = await h.service.call(
      'sources.test',
      { source: { ...input, config: { url: `${server.url}/html`, allowPrivateNetwork: true } } },
      ctx,
    )
    expect(broken).toEqual({ ok: false, error: 'not a feed: HTML page', itemsFound: 0, items: [] })
    expect(snapshot()).toEqual(before)
  })

  it('tells sites who we are: the ORM contact, else the first school’s office email', async () => {
    const h = await harness(server, { http: undefined, httpOptions: { sleep: async () => {} } })
    const s = await h.addFeed('/news')
    await h.service.call(
      'schools.update',
      { id: h.school.id, profile: { ...h.school, email: 'office@st-aldhelms.example' } },
      ctx,
    )
    await h.poll(s.id)
    const ua = () => server.requests.filter((r) => r.path === '/news').at(-1)!.headers['user-agent']
    expect(ua()).toBe(
      'Footprint/0.0.0-test (school reputation monitor; +mailto:office@st-aldhelms.example)',
    )
    h.store.settings.set('contactEmail', 'orm@st-aldhelms.example', new Date().toISOString())
    await h.poll(s.id)
    expect(ua()).toContain('+mailto:orm@st-aldhelms.example)')
  })

  it('pauses, resumes and removes: a removed source is not polled and its mentions stay', async () => {
    const h = await harness(server)
    const s = await h.addFeed('/google-alerts')
    await h.poll()
    const stored = h.mentionsOf(s.id).length
    await h.service.call('sources.setEnabled', { id: s.id, enabled: false }, ctx)
    expect(h.source(s.id).health.status).toBe('paused')
    expect(await h.poll()).toEqual([]) // "all" means all enabled
    expect(await h.poll(s.id)).toHaveLength(1) // but one paused source can be polled on request
    await h.service.call('sources.remove', { id: s.id }, ctx)
    expect(await h.service.call('sources.list', undefined, ctx)).toEqual([])
    expect(await h.service.dispatch('sources.pollNow', { id: s.id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    })
    expect(h.count('mentions')).toBe(stored)
    expect((await h.service.call('mentions.list', {}, ctx)).items[0].sourceName).toBe(s.name)
  })
})
