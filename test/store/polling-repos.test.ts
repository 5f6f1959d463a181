// Runs in: Vitest (Node). The polling repositories on their own: one row per (source, external id),
// soft-deleted sources, health bookkeeping and a bounded run history.
import { describe, expect, it } from 'vitest'
import { createStore, openDataDir } from '../../src-main/store'
import { RUNS_KEPT_PER_SOURCE } from '../../src-main/store/repos/runs'
import type { NewMention } from '../../src-main/store/repos/mentions'
import { SCHOOL } from '../helpers/service'
import { tempDir } from '../helpers/tmp'

const AT = '2026-11-21T08:00:00.000Z'

function setup() {
  const store = createStore(openDataDir(tempDir()))
  const school = store.schools.create(
    { ...SCHOOL, postcode: '', phone: '', email: '', website: '', headName: '', exclusions: [], urn: '990417', coTermRule: 'auto' },
    AT,
  ) // prettier-ignore
  const source = store.sources.create(
    { kind: 'feed', name: 'Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://g.example/rss' } },
    AT,
  ) // prettier-ignore
  const mention = (externalId: string, over: Partial<NewMention> = {}): NewMention => ({
    sourceId: source.id,
    schoolId: school.id,
    externalId,
    url: null,
    canonicalUrl: null,
    title: 'Title',
    author: null,
    authorUrl: null,
    publishedAt: null,
    text: 'Text',
    raw: { x: 1 },
    meta: {},
    matchedAlias: "St Aldhelm's",
    contentHash: externalId,
    duplicateOf: null,
    ...over,
  })
  return { store, school, source, mention }
}

describe('polling repositories', () => {
  it('stores one row per source and external id, and updates it in place', () => {
    const { store, source, mention } = setup()
    const id = store.mentions.insert(mention('a'), AT)
    expect(id).toBeTypeOf('number')
    expect(store.mentions.insert(mention('a', { text: 'changed' }), AT)).toBeNull()
    expect(store.mentions.get(id!)!.text).toBe('Text')
    expect(
      store.mentions.updateItem(
        { ...mention('a'), text: 'Reverted', meta: { reverted: true } },
        AT,
      ),
    ).toBe(true)
    expect(store.mentions.get(id!)).toMatchObject({ text: 'Reverted', meta: { reverted: true } })
    expect(store.mentions.updateItem({ ...mention('zzz') }, AT)).toBe(false)
    expect(store.mentions.idOf(source.id, 'a')).toBe(id)
  })

  it('keeps health: failures count up, a success resets them, zero-item runs are counted', () => {
    const { store, source } = setup()
    store.sources.recordHealth(source.id, { ok: false, at: AT, error: 'HTTP 404 from g.example' })
    store.sources.recordHealth(source.id, { ok: false, at: AT, error: 'HTTP 404 from g.example' })
    expect(store.sources.get(source.id)!.health).toMatchObject({
      status: 'failing',
      consecutiveFailures: 2,
      lastError: 'HTTP 404 from g.example',
      lastSuccessAt: null,
    })
    store.sources.recordHealth(source.id, { ok: true, at: AT, state: { etag: '"1"' }, itemsNew: 0 })
    store.sources.recordHealth(source.id, { ok: true, at: AT, state: { etag: '"2"' }, itemsNew: 0 })
    expect(store.sources.get(source.id)!.health).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      zeroItemRuns: 2,
      lastError: 'HTTP 404 from g.example', // the last error stays visible after recovery
    })
    expect(store.sources.getRecord(source.id)!.state).toEqual({ etag: '"2"' })
  })

  it('soft-deletes a source: gone from lists and the schedule, its mentions kept', () => {
    const { store, source, mention } = setup()
    store.mentions.insert(mention('a'), AT)
    expect(store.sources.remove(source.id, AT)).toBe(true)
    expect(store.sources.remove(source.id, AT)).toBe(false)
    expect(store.sources.list()).toEqual([])
    expect(store.sources.listSchedulable()).toEqual([])
    expect(store.mentions.list({ includeHidden: true, limit: 10 }).items).toHaveLength(1)
  })

  it('keeps a bounded run history per source', () => {
    const { store, source } = setup()
    const run = { sourceId: source.id, startedAt: AT, finishedAt: AT, status: 'ok' as const, httpStatus: null, itemsFound: 0, itemsNew: 0, error: null } // prettier-ignore
    for (let i = 0; i < RUNS_KEPT_PER_SOURCE + 5; i++) store.runs.insert(run)
    const kept = store.runs.recent(source.id, 1000)
    expect(kept).toHaveLength(RUNS_KEPT_PER_SOURCE)
    expect(kept[0].id).toBe(RUNS_KEPT_PER_SOURCE + 5)
  })
})
