// Runs in: Vitest (Node). Source and mention operations through service.dispatch: validation names
// the field, changes are audited, and "not about us" records an exclusion and hides what it rules out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import type { AppEvent } from '../../src-main/contract'
import { ctx, harness, rss, serveFeed } from './poller-harness'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

const CHURCH_1 = "St Aldhelm's Church flower festival draws crowds to Hollinbury"
const CHURCH_2 = "Roof appeal: St Aldhelm's Church needs £40,000, Hollinbury vicar says"
const SCHOOL_NEWS = "St Aldhelm's C of E Primary School in Hollinbury wins a reading award"

describe('source and mention operations', () => {
  it('validates input and names the field', async () => {
    const { service, store } = await harness(server)
    const cases: [unknown, string][] = [
      [{ kind: 'feed', name: 'X feed', config: { url: 'ftp://x.example/f' } }, 'config.url'],
      [{ kind: 'gopher', name: 'X feed', config: {} }, 'kind'],
      [{ kind: 'feed', name: 'X', config: { url: 'https://x.example/f' } }, 'name'],
      [{ kind: 'feed', name: 'X feed', intervalMinutes: 1, config: { url: 'https://x.example/f' } }, 'intervalMinutes'],
      [{ kind: 'wikipedia', name: 'Wiki', config: { searchTerms: ['ab'] } }, 'config.searchTerms.0'],
    ] // prettier-ignore
    for (const [input, field] of cases) {
      expect(await service.dispatch('sources.create', input, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field },
      })
    }
    expect(
      await service.dispatch(
        'sources.create',
        { kind: 'feed', name: 'X feed', schoolId: 99, config: { url: 'https://x.example/f' } },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'schoolId' } })
    expect(await service.dispatch('mentions.list', { since: 'yesterday' }, ctx)).toMatchObject({
      ok: false,
      error: { field: 'since' },
    })
    expect(store.sources.list()).toEqual([])
  })

  it('creates with default intervals, updates, pauses and removes, each audited', async () => {
    const { service, store } = await harness(server)
    const events: AppEvent[] = []
    service.events.subscribe((e) => events.push(e))
    const feed = await service.call(
      'sources.create',
      { kind: 'feed', name: 'Gazette', config: { url: 'https://gazette.example/rss' } },
      ctx,
    )
    const wiki = await service.call(
      'sources.create',
      { kind: 'wikipedia', name: 'Wikipedia', config: { pages: ['Hollinbury'] } },
      ctx,
    )
    expect(feed).toMatchObject({
      intervalMinutes: 30,
      enabled: true,
      health: { status: 'never_run' },
    })
    expect(wiki).toMatchObject({
      intervalMinutes: 60,
      config: { apiUrl: 'https://en.wikipedia.org/w/api.php', watchTalkPages: true },
    })
    const changed = await service.call(
      'sources.update',
      {
        id: feed.id,
        source: { kind: 'feed', name: 'Gazette news', intervalMinutes: 15, config: feed.config },
      },
      ctx,
    )
    expect(changed).toMatchObject({ name: 'Gazette news', intervalMinutes: 15 })
    await service.call('sources.setEnabled', { id: feed.id, enabled: false }, ctx)
    await service.call('sources.remove', { id: wiki.id }, ctx)
    expect((await service.call('sources.list', undefined, ctx)).map((s) => s.id)).toEqual([feed.id])
    expect(await service.dispatch('sources.update', { id: 42, source: { kind: 'feed', name: 'Nope', config: feed.config } }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } }) // prettier-ignore
    const actions = (
      store.db.prepare("SELECT action FROM audit_events WHERE entity = 'source'").all() as {
        action: string
      }[]
    ).map((r) => r.action)
    expect(actions).toEqual([
      'source.create',
      'source.create',
      'source.update',
      'source.pause',
      'source.remove',
    ])
    expect(store.audit.verify()).toMatchObject({ ok: true })
    expect(events.filter((e) => e.type === 'sources.changed')).toHaveLength(5)
  })

  it('"not about us" records the exclusion, hides what it rules out, and stops new ones', async () => {
    const h = await harness(server)
    let items: [string, string, string, string][] = [
      ['c1', CHURCH_1, 'The festival runs all weekend.', 'https://news.example/c1'],
      ['c2', CHURCH_2, 'The vicar hopes to raise the money by Easter.', 'https://news.example/c2'],
      ['s1', SCHOOL_NEWS, 'Pupils read 10,000 books this year.', 'https://news.example/s1'],
    ]
    serveFeed(server, '/nau/feed', () => rss(items))
    const s = await h.addFeed('/nau/feed')
    await h.poll(s.id)
    const stored = h.mentionsOf(s.id)
    expect(stored).toHaveLength(3)
    const church = stored.find((m) => m.externalId === 'c1')!
    expect(church.matchedAlias).toBe("St Aldhelm's")

    const r = await h.service.call('mentions.notAboutUs', { id: church.id }, ctx)
    expect(r).toEqual({ exclusion: "St Aldhelm's Church", hidden: 2 })
    expect(h.store.schools.get(h.school.id)!.exclusions).toEqual(["St Aldhelm's Church"])
    const visible = (await h.service.call('mentions.list', {}, ctx)).items
    expect(visible.map((m) => m.externalId)).toEqual(['s1'])
    const all = (await h.service.call('mentions.list', { includeHidden: true }, ctx)).items
    expect(all.find((m) => m.externalId === 'c2')!.hiddenReason).toBe(
      'not about us: "St Aldhelm\'s Church"',
    )
    expect(h.store.audit.verify()).toMatchObject({ ok: true })

    // The next church story is not stored at all; the school's own news still is.
    items = [
      ['c3', "St Aldhelm's Church bell ringers visit Hollinbury", 'Bells.', 'https://news.example/c3'],
      ['s2', "St Aldhelm's C of E Primary School in Hollinbury opens a library", 'Books.', 'https://news.example/s2'],
    ] // prettier-ignore
    const [run] = await h.poll(s.id)
    expect(run).toMatchObject({ itemsFound: 2, itemsNew: 1 })
    expect(h.mentionsOf(s.id).map((m) => m.externalId)).not.toContain('c3')
  })

  it('refuses an exclusion that would hide the school itself, or one it cannot tell apart', async () => {
    const h = await harness(server)
    serveFeed(server, '/nau/plain', () =>
      rss([['p1', SCHOOL_NEWS, 'Well done everyone.', 'https://news.example/p1']]),
    )
    const s = await h.addFeed('/nau/plain')
    await h.poll(s.id)
    const [m] = h.mentionsOf(s.id)
    const tooWide = await h.service.dispatch(
      'mentions.notAboutUs',
      { id: m.id, term: "Aldhelm's" },
      ctx,
    )
    expect(tooWide).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'term' } })
    expect(await h.service.dispatch('mentions.notAboutUs', { id: m.id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'term' },
    })
    expect(h.store.schools.get(h.school.id)!.exclusions).toEqual([])
    expect(h.store.mentions.get(m.id)!.hiddenReason).toBeNull()
    expect(await h.service.dispatch('mentions.notAboutUs', { id: 999 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    })
  })

  it('pages mentions newest first and filters by time', async () => {
    let now = new Date('2026-11-20T09:00:00Z')
    const h = await harness(server, { now: () => now })
    const s = await h.addFeed('/feeds/6.xml')
    await h.poll(s.id)
    now = new Date('2026-11-21T09:00:00Z')
    const w = await h.addFeed('/google-alerts')
    await h.poll(w.id)
    const total = h.count('mentions')
    const first = await h.service.call('mentions.list', { limit: 4 }, ctx)
    expect(first.items).toHaveLength(4)
    const ids = [...first.items.map((m) => m.id)]
    let before = first.nextBeforeId
    while (before !== null) {
      const page = await h.service.call('mentions.list', { limit: 4, beforeId: before }, ctx)
      ids.push(...page.items.map((m) => m.id))
      before = page.nextBeforeId
    }
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(ids).toHaveLength(total)
    const recent = await h.service.call(
      'mentions.list',
      { since: '2026-11-21T00:00:00+00:00' },
      ctx,
    )
    expect(recent.items.map((m) => m.sourceId)).toEqual([w.id, w.id, w.id])
  })
})
