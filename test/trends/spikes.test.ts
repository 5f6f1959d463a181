// Runs in: Vitest (Node). Spike alerts with an injected clock: exactly at the negative floor, below it,
// outside the window, the cool-down, a new source and a new website, the notification they raise, and
// the settings (validated, audited, and only for those who manage settings).
import { afterEach, describe, expect, it } from 'vitest'
import { workflowFixture, SYSTEM, auditRows, type WorkflowFixture } from '../helpers/workflow'
import { addMention } from './helpers'
import { createSpikeWatch, type SpikeWatch } from '../../src-main/trends/spikes'

const HOUR = 3_600_000
let f: WorkflowFixture
let watch: SpikeWatch
afterEach(() => f?.db.close())

async function fixture() {
  f = await workflowFixture({ start: '2026-05-01T09:00:00.000Z' })
  const feed = f.source('feed', 'Google Alerts')
  const mumsnet = f.source('mumsnet', 'Mumsnet')
  const facebook = f.source('facebook', 'School Facebook')
  watch = createSpikeWatch({
    store: f.store,
    notifier: f.service.notifier,
    now: f.now,
    log: () => {},
  })
  // The sources have been watched for months.
  await f.clock.advance(200 * 24 * HOUR)
  const add = (
    label: 'negative' | 'neutral' | 'positive',
    o: { sourceId?: number; hoursAgo?: number; url?: string; priority?: 'urgent' | 'normal' } = {},
  ) =>
    addMention(f.store, {
      schoolId: f.school.id,
      sourceId: o.sourceId ?? facebook.id,
      text: 'A comment',
      url: o.url,
      firstSeenAt: f.now().toISOString(),
      publishedAt:
        o.hoursAgo === undefined ? null : new Date(f.clock.now() - o.hoursAgo * HOUR).toISOString(),
      verdict: { sentiment: { label, score: 0 }, priority: o.priority ?? 'normal' },
    })
  return { feed, mumsnet, facebook, add }
}

describe('negative floor', () => {
  it('fires exactly at the floor, not below it, and explains itself', async () => {
    const { add } = await fixture()
    const a = add('negative', { hoursAgo: 23 })
    const b = add('negative', { hoursAgo: 2 })
    add('positive')
    expect(watch.evaluate([b]).filter((x) => x.kind === 'negative_floor')).toEqual([])
    add('negative', { hoursAgo: 30 }) // said before the window: does not count
    const c = add('negative')
    const [alert] = watch.evaluate([c]).filter((x) => x.kind === 'negative_floor')
    expect(alert).toMatchObject({
      kind: 'negative_floor',
      schoolId: f.school.id,
      mentionIds: [a, b, c],
    })
    expect(alert.explanation).toBe(
      '3 negative mentions in the last 24 hours: the alert is set for 3 or more. From School Facebook (3).',
    )
    expect((await f.service.call('trends.alerts', { schoolId: f.school.id }, SYSTEM))[0].id).toBe(
      alert.id,
    )
    const [n] = await f.service.call('notifications.list', {}, SYSTEM)
    expect(n).toMatchObject({
      kind: 'spike',
      title: 'More negative mentions than usual',
      body: alert.explanation,
    })
    expect(auditRows(f).some((r) => r.action === 'trends.spike_alert')).toBe(true)
  })

  it('stays quiet during the cool-down, then fires again', async () => {
    const { add } = await fixture()
    add('negative')
    add('negative')
    expect(watch.evaluate([add('negative')])).toHaveLength(1)
    await f.clock.advance(HOUR)
    expect(watch.evaluate([add('negative')])).toEqual([])
    await f.clock.advance(24 * HOUR)
    add('negative')
    add('negative')
    expect(watch.evaluate([add('negative')]).map((x) => x.kind)).toEqual(['negative_floor'])
  })

  it('is urgent only when it holds an urgent item', async () => {
    const { add } = await fixture()
    const events: unknown[] = []
    f.service.events.subscribe((e) => events.push(e))
    add('negative')
    add('negative')
    watch.evaluate([add('negative')])
    expect(events).toEqual([{ type: 'notifications.changed', urgent: false }])
    await f.clock.advance(25 * HOUR) // 10:00 the next day: outside quiet hours
    add('negative')
    add('negative')
    watch.evaluate([add('negative', { priority: 'urgent' })])
    expect(events).toContainEqual({ type: 'notifications.changed', urgent: true })
  })

  it('follows the settings the school saved', async () => {
    const { add } = await fixture()
    await f.service.call(
      'trends.updateSpikeSettings',
      {
        schoolId: f.school.id,
        settings: { negativeFloor: 1, windowHours: 2, cooldownHours: 0, newSourceQuietDays: 30 },
      },
      SYSTEM,
    )
    expect(watch.evaluate([add('negative', { hoursAgo: 3 })])).toEqual([])
    expect(watch.evaluate([add('negative', { hoursAgo: 1 })])).toHaveLength(1)
  })
})

describe('new source', () => {
  it('fires when a source quiet for the set days talks again, not when it talked recently', async () => {
    const { mumsnet, facebook, add } = await fixture()
    add('neutral', { sourceId: facebook.id })
    await f.clock.advance(100 * 24 * HOUR) // Mumsnet never mentioned the school; Facebook did, 100 days ago
    const m = add('neutral', { sourceId: mumsnet.id })
    const [alert] = watch.evaluate([m])
    expect(alert).toMatchObject({ kind: 'new_source', sourceId: mumsnet.id, mentionIds: [m] })
    expect(alert.explanation).toBe(
      'Mumsnet had not mentioned the school for at least 90 days and now has 1 new mention.',
    )
    await f.clock.advance(25 * HOUR)
    add('neutral', { sourceId: mumsnet.id })
    await f.clock.advance(HOUR)
    expect(watch.evaluate([add('neutral', { sourceId: mumsnet.id })])).toEqual([])
  })

  it('looks at websites for feeds, and ignores old posts brought in late', async () => {
    const { feed, add } = await fixture()
    add('neutral', { sourceId: feed.id, url: 'https://www.gazette.example/a' })
    await f.clock.advance(HOUR)
    const again = add('neutral', { sourceId: feed.id, url: 'https://gazette.example/b' })
    expect(watch.evaluate([again])).toEqual([])
    const old = add('neutral', {
      sourceId: feed.id,
      url: 'https://blog.example/old',
      hoursAgo: 24 * 30,
    })
    expect(watch.evaluate([old])).toEqual([])
    const fresh = add('negative', { sourceId: feed.id, url: 'https://news.example/story' })
    const [alert] = watch.evaluate([fresh])
    expect(alert.explanation).toMatch(
      /^The website news\.example \(found through Google Alerts\) had not mentioned/,
    )
  })

  it('does not count a source added within the window (its first poll is what was asked for)', async () => {
    const { add } = await fixture()
    const fresh = f.source('bluesky', 'Bluesky')
    expect(watch.evaluate([add('neutral', { sourceId: fresh.id })])).toEqual([])
  })
})

describe('spike settings', () => {
  it('are read by anyone of the school and changed only by those who manage settings', async () => {
    await fixture()
    const viewer = await f.signIn('viewer')
    const lead = await f.signIn('orm_lead')
    const settings = {
      negativeFloor: 5,
      windowHours: 48,
      cooldownHours: 12,
      newSourceQuietDays: 60,
    }
    expect(await f.service.call('trends.spikeSettings', { schoolId: f.school.id }, viewer)).toEqual(
      {
        negativeFloor: 3,
        windowHours: 24,
        cooldownHours: 24,
        newSourceQuietDays: 90,
      },
    )
    const refused = await f.service.dispatch(
      'trends.updateSpikeSettings',
      { schoolId: f.school.id, settings },
      viewer,
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(
      await f.service.call('trends.updateSpikeSettings', { schoolId: f.school.id, settings }, lead),
    ).toEqual(settings)
    expect(await f.service.call('trends.spikeSettings', { schoolId: f.school.id }, viewer)).toEqual(
      settings,
    )
    const bad = await f.service.dispatch(
      'trends.updateSpikeSettings',
      { schoolId: f.school.id, settings: { ...settings, negativeFloor: 0 } },
      lead,
    )
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'settings.negativeFloor' },
    })
    expect(auditRows(f).filter((r) => r.action === 'trends.spike_settings')).toHaveLength(1)
  })
})
