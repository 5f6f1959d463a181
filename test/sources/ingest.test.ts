// Runs in: Vitest (Node). One source run end to end against the fixture server: match, dedup, store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '../fixtures/server'
import { generatedFeed } from '../fixtures/routes/feeds'
import { ctx, harness, rss, serveFeed } from './poller-harness'
import { NOW } from './helpers'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

const STORY =
  "Pupils at St Aldhelm's C of E Primary School in Hollinbury have planted two hundred trees along the river path this week, " +
  'working with volunteers from the county wildlife trust and parents who gave up their weekend to help.'

describe('ingest', () => {
  it('stores matched items with their school and alias, and skips the rest', async () => {
    const h = await harness(server)
    const s = await h.addFeed('/feeds/3.xml')
    const [run] = await h.poll(s.id)
    const expected = (generatedFeed(3).match(/<item>.*?<\/item>/g) ?? []).filter((i) =>
      i.includes("St Aldhelm's"),
    ).length
    expect(expected).toBeGreaterThan(3)
    expect(run).toMatchObject({ status: 'ok', itemsFound: 20, itemsNew: expected, error: null })
    const stored = h.mentionsOf(s.id)
    expect(stored).toHaveLength(expected)
    for (const m of stored) {
      expect(m.schoolId).toBe(h.school.id)
      expect(m.matchedAlias).toBe("St Aldhelm's C of E Primary School")
      expect(m.text).toContain("St Aldhelm's")
      expect(m.canonicalUrl).toMatch(/^https:\/\/news3\.example\/story\/3-\d+$/) // utm_source gone
    }
    expect(h.source(s.id).health).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      zeroItemRuns: 0,
    })
    expect(h.source(s.id).mentionCount).toBe(expected)
  })

  it('ignores items it already holds: a 304, then an overlapping feed, add nothing twice', async () => {
    const h = await harness(server)
    const s = await h.addFeed('/feeds/9.xml?items=20')
    const [first] = await h.poll(s.id)
    const [second] = await h.poll(s.id)
    expect(second).toMatchObject({ status: 'not_modified', httpStatus: 304, itemsNew: 0 })
    expect(h.source(s.id).health.zeroItemRuns).toBe(1)
    const before = h.mentionsOf(s.id).map((m) => m.id)
    // Three newer stories published, three old ones dropped: only the new matching one is stored.
    await h.service.call(
      'sources.update',
      {
        id: s.id,
        source: {
          kind: 'feed',
          name: s.name,
          config: {
            url: `${server.url}/feeds/9.xml?items=20&version=3`,
            allowPrivateNetwork: true,
          },
        },
      },
      ctx,
    )
    const [third] = await h.poll(s.id)
    const newMatching = [20, 21, 22].filter((k) => (9 + k) % 3 === 0).length
    expect(third).toMatchObject({ status: 'ok', itemsFound: 20, itemsNew: newMatching })
    const after = h.mentionsOf(s.id)
    expect(after).toHaveLength(first.itemsNew + newMatching)
    expect(after.map((m) => m.id).slice(-before.length)).toEqual(before)
    expect(new Set(after.map((m) => m.externalId)).size).toBe(after.length)
  })

  it('links the same story from another feed to the first copy and counts it once', async () => {
    const h = await harness(server)
    serveFeed(server, '/dup/gazette', () =>
      rss([
        ['g-1', 'Pupils plant 200 trees', STORY, 'https://gazette.example/trees?utm_source=rss'],
      ]),
    )
    // An alert with its own id, a Google redirect to the same article, a truncated snippet.
    const wrapped = `https://www.google.com/url?rct=j&url=${encodeURIComponent('https://gazette.example/trees?fbclid=x')}`
    serveFeed(server, '/dup/alert', () =>
      rss([['alert-77', 'Pupils plant 200 trees', `${STORY.slice(0, 120)} ...`, wrapped]]),
    )
    // A reworded copy on another site: different link, nearly the same words.
    serveFeed(server, '/dup/blog', () =>
      rss([
        ['b-9', 'Pupils plant 200 trees', `${STORY} Photos below.`, 'https://blog.example/p/9'],
      ]),
    )
    const a = await h.addFeed('/dup/gazette')
    const b = await h.addFeed('/dup/alert')
    const c = await h.addFeed('/dup/blog')
    // The gazette first (runs of different sources may finish in any order), then everything.
    expect((await h.poll(a.id))[0].itemsNew).toBe(1)
    const runs = await h.poll()
    expect(runs.map((r) => [r.sourceId, r.status, r.itemsFound, r.itemsNew])).toEqual([
      [a.id, 'ok', 1, 0],
      [b.id, 'ok', 1, 0],
      [c.id, 'ok', 1, 0],
    ])
    const [first] = h.mentionsOf(a.id)
    expect(first.duplicateOf).toBeNull()
    expect(h.mentionsOf(b.id)[0]).toMatchObject({
      duplicateOf: first.id,
      canonicalUrl: 'https://gazette.example/trees',
    })
    expect(h.mentionsOf(c.id)[0].duplicateOf).toBe(first.id)
    // Not counted twice anywhere: the default list, the per-source and Today counts.
    const page = await h.service.call('mentions.list', {}, ctx)
    expect(page.items.map((m) => m.id)).toEqual([first.id])
    expect(h.source(b.id).mentionCount).toBe(0)
    const today = await h.service.call('today.summary', { schoolId: h.school.id }, ctx)
    expect(today.mentionCount).toBe(1)
    // Re-polling changes nothing: the copies were stored once, as rows of their own sources.
    await h.poll()
    expect(h.count('mentions')).toBe(3)
  })

  it('keeps two different short comments under one cross-posted caption apart', async () => {
    const h = await harness(server)
    const caption = `Comment on: ${STORY.slice(0, 80)}`
    serveFeed(server, '/dup/page-a', () =>
      rss([['fb-1', caption, 'So cute!!', 'https://social-a.example/c/1']]),
    )
    serveFeed(server, '/dup/page-b', () =>
      rss([['ig-1', caption, 'Fab!', 'https://social-b.example/c/1']]),
    )
    const a = await h.addFeed('/dup/page-a')
    const b = await h.addFeed('/dup/page-b')
    expect((await h.poll(a.id))[0]).toMatchObject({ status: 'ok', itemsNew: 1 })
    expect((await h.poll(b.id))[0]).toMatchObject({ status: 'ok', itemsNew: 1 })
    expect(h.mentionsOf(b.id)[0].duplicateOf).toBeNull()
  })

  it('applies a wiki revision later tagged mw-reverted to the stored row', async () => {
    // The wiki fixture's edits are from 2023–25; revert tracking looks back from "now".
    const h = await harness(server, { now: () => new Date(NOW) })
    const w = await h.addWiki()
    const [run] = await h.poll(w.id)
    expect(run.status).toBe('ok')
    const vandal = h.mentionsOf(w.id).find((m) => m.externalId === 'rev:1202')!
    expect(vandal.meta).toMatchObject({ reverted: false, anonymous: true })
    expect(vandal.matchedAlias).toBe("St Aldhelm's C of E Primary School")
    const stored = h.count('mentions')
    server.wiki.tag(1202, 'mw-reverted')
    const [next] = await h.poll(w.id)
    expect(next).toMatchObject({ status: 'ok', itemsNew: 0 })
    const updated = h.store.mentions.get(vandal.id)!
    expect(updated.meta).toMatchObject({ reverted: true })
    expect(updated.meta.tags).toContain('mw-reverted')
    expect(updated.firstSeenAt).toBe(vandal.firstSeenAt)
    expect(h.count('mentions')).toBe(stored)
  })

  it('writes the analysis of each new mention beside it, and keeps a mention whose analysis throws', async () => {
    const seen: string[] = []
    const h = await harness(server, {
      analyze: (text, school) => {
        seen.push(school.name)
        if (text.includes('story 0 ')) throw new Error('engine broke')
        return {
          engine: 'fake',
          engineVersion: '1',
          sentiment: { label: 'positive', score: 0.5 },
          flags: ['praise'],
          priority: 'low',
          owner: 'orm_lead',
          evidence: [{ words: 'took part' }],
        }
      },
    })
    const s = await h.addFeed('/feeds/0.xml')
    const [run] = await h.poll(s.id)
    const ids = h.mentionsOf(s.id).map((m) => m.id)
    expect(ids).toHaveLength(run.itemsNew)
    expect(seen).toHaveLength(ids.length)
    const analysed = ids.filter((id) => h.store.analyses.getRaw(id))
    expect(analysed).toHaveLength(ids.length - 1)
    expect(h.store.analyses.getRaw(analysed[0])).toMatchObject({
      engine: 'fake',
      sentiment_label: 'positive',
      flags_json: '["praise"]',
      owner_role: 'orm_lead',
    })
    expect(h.logs.join('\n')).toContain('engine broke')
  })
})
