// Runs in: Vitest (Node). trends.overview through the service: bucketing across BST/GMT and ISO weeks,
// every bucket present, the previous period, 20-year and empty ranges, a single mention, undated and
// future-dated mentions, the Google rating history, and who may call it.
import { afterEach, describe, expect, it } from 'vitest'
import { workflowFixture, SYSTEM, type WorkflowFixture } from '../helpers/workflow'
import { addMention } from './helpers'
import { bucketsOf, londonDay, saidDay, weekStart } from '../../src-main/trends/days'
import { MAX_TREND_DAYS } from '../../src-main/contract'

let f: WorkflowFixture
afterEach(() => f?.db.close())

describe('days and buckets', () => {
  it('put instants on London days across the clock changes', () => {
    expect(londonDay('2026-03-28T23:30:00Z')).toBe('2026-03-28') // GMT
    expect(londonDay('2026-03-29T23:30:00Z')).toBe('2026-03-30') // BST began 01:00 UTC that day
    expect(londonDay('2026-10-24T23:30:00Z')).toBe('2026-10-25') // still BST
    expect(londonDay('2026-10-25T23:30:00Z')).toBe('2026-10-25') // GMT again
    expect(saidDay('2030-01-01T00:00:00Z', '2026-06-01T12:00:00Z')).toBe('2026-06-01')
    expect(saidDay(null, '2026-06-01T23:30:00Z')).toBe('2026-06-02')
  })

  it('make ISO weeks from Monday and months from the 1st, clipped to the range', () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16') // a Sunday belongs to the week before
    expect(weekStart('2026-11-23')).toBe('2026-11-23')
    const w = bucketsOf('2026-12-30', '2027-01-12', 'week')
    expect(w.spans).toEqual([
      { start: '2026-12-30', end: '2027-01-03' },
      { start: '2027-01-04', end: '2027-01-10' },
      { start: '2027-01-11', end: '2027-01-12' },
    ])
    expect(w.indexOf('2027-01-03')).toBe(0)
    expect(w.indexOf('2027-01-04')).toBe(1)
    expect(w.indexOf('2027-01-13')).toBe(-1)
    const m = bucketsOf('2026-01-31', '2026-03-01', 'month')
    expect(m.spans.map((s) => s.start)).toEqual(['2026-01-31', '2026-02-01', '2026-03-01'])
    expect(bucketsOf('2026-03-28', '2026-03-30', 'day').spans).toHaveLength(3)
  })
})

async function fixture() {
  f = await workflowFixture({ start: '2026-11-23T09:00:00.000Z' })
  const feed = f.source('feed', 'Gazette')
  const google = f.source('google_business', 'Google reviews')
  const add = (
    text: string,
    firstSeenAt: string,
    label: 'negative' | 'neutral' | 'positive' | null,
    o: { publishedAt?: string | null; sourceId?: number; flags?: string[] } = {},
  ) =>
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId: o.sourceId ?? feed.id,
      text,
      firstSeenAt,
      publishedAt: o.publishedAt ?? null,
      verdict: label === null ? null : { sentiment: { label, score: 0 }, flags: o.flags ?? [] },
    })
  return { feed, google, add }
}

const overview = (q: Record<string, unknown>) =>
  f.service.call('trends.overview', { schoolId: f.school.id, ...q }, SYSTEM)

describe('trends.overview', () => {
  it('counts each mention once, on the day said, in stacked sentiment and net per bucket', async () => {
    const { feed, google, add } = await fixture()
    add('late on Saturday in BST', '2026-10-24T23:30:00Z', 'negative', { flags: ['complaint'] }) // Sun 25th
    add('Monday', '2026-10-26T10:00:00Z', 'positive', { sourceId: google.id, flags: ['praise'] })
    add('Monday again', '2026-10-26T11:00:00Z', 'positive')
    add('not analysed', '2026-10-27T11:00:00Z', null)
    add('from the future', '2026-10-28T11:00:00Z', 'neutral', {
      publishedAt: '2027-05-01T00:00:00Z',
    })
    add('said last month', '2026-10-28T12:00:00Z', 'negative', {
      publishedAt: '2026-09-30T23:30:00Z',
    }) // 00:30 BST, 1 Oct

    const o = await overview({ from: '2026-10-19', to: '2026-11-01', bucket: 'week' })
    expect(o.buckets.map((b) => [b.start, b.end])).toEqual([
      ['2026-10-19', '2026-10-25'],
      ['2026-10-26', '2026-11-01'],
    ])
    expect(o.buckets[0]).toMatchObject({ total: 1, negative: 1, net: -1 })
    expect(o.buckets[1]).toMatchObject({ total: 4, positive: 2, neutral: 1, unanalysed: 1 })
    expect(o.buckets[1].net).toBeCloseTo(2 / 3, 3)
    expect(o.totals).toMatchObject({
      total: 5,
      negative: 1,
      positive: 2,
      neutral: 1,
      unanalysed: 1,
    })
    expect(o.bySource).toEqual([
      { sourceId: feed.id, name: 'Gazette', kind: 'feed', counts: [1, 3], total: 4 },
      {
        sourceId: google.id,
        name: 'Google reviews',
        kind: 'google_business',
        counts: [0, 1],
        total: 1,
      },
    ])
    expect(o.flags).toEqual([
      { flag: 'complaint', counts: [1, 0], total: 1 },
      { flag: 'praise', counts: [0, 1], total: 1 },
    ])
    // The future-dated one has a date of its own, so only the four without one are "undated".
    expect(o.undatedCount).toBe(4)
    expect(o.previous).toMatchObject({ from: '2026-10-05', to: '2026-10-18', total: 0, net: null })

    const bySourceOnly = await overview({
      from: '2026-10-19',
      to: '2026-11-01',
      sourceId: google.id,
    })
    expect(bySourceOnly.totals.total).toBe(1)
    const older = await overview({ from: '2026-10-01', to: '2026-10-01', bucket: 'day' })
    expect(older.totals).toMatchObject({ total: 1, negative: 1 })
  })

  it('compares with the period of equal length just before', async () => {
    const { add } = await fixture()
    add('a', '2026-11-02T10:00:00Z', 'negative')
    add('b', '2026-11-03T10:00:00Z', 'negative')
    add('c', '2026-11-10T10:00:00Z', 'positive')
    const o = await overview({ from: '2026-11-09', to: '2026-11-15', bucket: 'day' })
    expect(o.buckets).toHaveLength(7)
    expect(o.previous).toMatchObject({
      from: '2026-11-02',
      to: '2026-11-08',
      total: 2,
      negative: 2,
      net: -1,
    })
    expect(o.totals).toMatchObject({ total: 1, net: 1 })
  })

  it('answers an empty range with zeros in every bucket, and a single mention', async () => {
    const { add } = await fixture()
    const empty = await overview({ from: '2026-01-01', to: '2026-12-31', bucket: 'month' })
    expect(empty.buckets).toHaveLength(12)
    expect(empty.buckets.every((b) => b.total === 0 && b.net === null)).toBe(true)
    expect(empty.totals).toMatchObject({ total: 0, net: null })
    expect(empty.bySource).toEqual([])
    expect(empty.rating).toEqual([])
    add('the only one', '2026-06-15T10:00:00Z', 'positive')
    const one = await overview({ from: '2026-01-01', to: '2026-12-31', bucket: 'month' })
    expect(one.buckets[5]).toMatchObject({
      start: '2026-06-01',
      end: '2026-06-30',
      total: 1,
      net: 1,
    })
    expect(one.totals.total).toBe(1)
  })

  it('draws 20 years (every day present) and refuses a longer range, naming the field', async () => {
    const { add } = await fixture()
    add('old', '2008-02-29T10:00:00Z', 'negative')
    add('new', '2026-11-20T10:00:00Z', 'positive')
    const days = await overview({ from: '2006-11-24', to: '2026-11-23', bucket: 'day' })
    expect(days.buckets.length).toBe(7305)
    expect(days.totals.total).toBe(2)
    const months = await overview({ from: '2006-11-24', to: '2026-11-23', bucket: 'month' })
    expect(months.buckets.length).toBe(241)
    const r = await f.service.dispatch(
      'trends.overview',
      { schoolId: f.school.id, from: '1990-01-01', to: '2026-11-23' },
      SYSTEM,
    )
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } })
    expect(MAX_TREND_DAYS).toBeGreaterThanOrEqual(7305)
    const backwards = await f.service.dispatch(
      'trends.overview',
      { schoolId: f.school.id, from: '2026-11-23', to: '2026-11-01' },
      SYSTEM,
    )
    expect(backwards).toMatchObject({ ok: false, error: { field: 'to' } })
  })

  it("reads the Google rating history from the source's state, with the reading before the range", async () => {
    const { google } = await fixture()
    f.store.sources.recordHealth(google.id, {
      ok: true,
      at: '2026-11-01T00:00:00Z',
      itemsNew: 0,
      state: {
        ratingHistory: [
          { averageRating: 4.1, totalReviewCount: 30, observedAt: '2026-09-01T06:00:00Z' },
          { averageRating: 4.2, totalReviewCount: 31, observedAt: '2026-10-01T06:00:00Z' },
          { averageRating: null, totalReviewCount: null, observedAt: '2026-10-10T06:00:00Z' },
          { averageRating: 4.3, totalReviewCount: 35, observedAt: '2026-10-20T06:00:00Z' },
          { averageRating: 4.4, totalReviewCount: 40, observedAt: '2026-12-01T06:00:00Z' },
        ],
      },
    })
    const o = await overview({ from: '2026-10-05', to: '2026-11-01' })
    expect(o.rating).toEqual([
      { observedAt: '2026-10-01T06:00:00Z', rating: 4.2, reviewCount: 31, sourceId: google.id },
      { observedAt: '2026-10-20T06:00:00Z', rating: 4.3, reviewCount: 35, sourceId: google.id },
    ])
  })

  it("names a shared source in the volume by source, and keeps its rating out of the school's", async () => {
    const { add } = await fixture()
    const shared = f.store.sources.create(
      {
        kind: 'google_places',
        name: 'Every local school (shared)',
        schoolId: null,
        intervalMinutes: 60,
        config: { placeId: 'shared' },
      },
      '2026-10-01T00:00:00Z',
    )
    f.store.sources.recordHealth(shared.id, {
      ok: true,
      at: '2026-11-01T00:00:00Z',
      itemsNew: 0,
      state: {
        ratingHistory: [
          { averageRating: 2.1, totalReviewCount: 9, observedAt: '2026-10-20T06:00:00Z' },
        ],
      },
    })
    add('seen on the shared source', '2026-10-26T10:00:00Z', 'neutral', { sourceId: shared.id })
    const o = await overview({ from: '2026-10-05', to: '2026-11-01' })
    expect(o.bySource).toEqual([
      expect.objectContaining({
        sourceId: shared.id,
        name: 'Every local school (shared)',
        total: 1,
      }),
    ])
    expect(o.rating).toEqual([])
  })

  it('is for users of the school who may read mentions', async () => {
    await fixture()
    const viewer = await f.signIn('viewer')
    const ok = await f.service.dispatch(
      'trends.overview',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-23' },
      viewer,
    )
    expect(ok.ok).toBe(true)
    const other = await f.service.call(
      'schools.create',
      { name: 'Other Academy', town: 'Elsewhere' },
      SYSTEM,
    )
    const stranger = await f.signIn('orm_lead', { schoolIds: [other.id] })
    const refused = await f.service.dispatch(
      'trends.overview',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-23' },
      stranger,
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const anonymous = await f.service.dispatch(
      'trends.overview',
      { schoolId: f.school.id, from: '2026-11-01', to: '2026-11-23' },
      { actor: 'window', session: 'nobody' },
    )
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })
})
