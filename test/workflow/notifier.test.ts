// Runs in: Vitest (Node). The notifier with a fake clock: urgent items pop up at once, everything else
// stays quiet, quiet hours hold pop-ups until 07:00 London time, and nothing is announced twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SchoolInput, type AppEvent } from '../../src-main/contract'
import type { AnalysisRow } from '../../src-main/store/repos/analyses'
import { AppEvents } from '../../src-main/services/context'
import { createStore, openDataDir, type Store } from '../../src-main/store'
import {
  createNotifier,
  NOTIFICATION_SETTINGS_KEY,
  type DesktopNotification,
  type Notifier,
} from '../../src-main/workflow/notify/notifier'
import { RESTRICTED_TITLE } from '../../src-main/workflow/notify'
import { createFakeClock, type FakeClock } from '../sources/fake-clock'
import { tempDir } from '../helpers/tmp'

/** A school, a feed and mentions stored as ingest stores them, with the verdict given. */
function seedSchoolAndSource(store: Store) {
  const at = new Date(NOON).toISOString()
  const school = store.schools.create(
    SchoolInput.parse({ name: 'Meadlands Primary School', urn: '990417', town: 'Hollinbury' }),
    at,
  )
  const source = store.sources.create(
    {
      kind: 'feed',
      name: 'Gazette',
      schoolId: null,
      intervalMinutes: 30,
      config: { url: 'https://g.example/rss' },
    },
    at,
  )
  let n = 0
  function mention(text: string, verdict: Partial<AnalysisRow> | null): number {
    n++
    const id = store.mentions.insert(
      {
        sourceId: source.id,
        schoolId: school.id,
        externalId: `item-${n}`,
        url: null,
        canonicalUrl: null,
        title: null,
        author: null,
        authorUrl: null,
        publishedAt: null,
        text,
        raw: null,
        meta: {},
        matchedAlias: 'Meadlands',
        contentHash: `hash-${n}`,
        duplicateOf: null,
      },
      at,
    )!
    if (verdict) {
      store.analyses.put(
        id,
        {
          engine: 'builtin',
          engineVersion: 'test',
          sentiment: { label: 'negative', score: -0.6 },
          flags: [],
          priority: 'low',
          owner: 'orm_lead',
          evidence: [],
          ...verdict,
        },
        at,
      )
    }
    return id
  }
  return { school, source, mention }
}

const HOUR = 3_600_000
// A Wednesday in January: London is on GMT, so UTC hours are local hours.
const NOON = Date.UTC(2025, 0, 15, 12, 0)
const ELEVEN_PM = Date.UTC(2025, 0, 15, 23, 0)

let store: Store
let events: AppEvents
let seen: AppEvent[]
let shown: DesktopNotification[]
let logs: string[]
let clock: FakeClock
let notifier: Notifier | undefined
let seed: ReturnType<typeof seedSchoolAndSource>

beforeEach(() => {
  store = createStore(openDataDir(tempDir()))
  events = new AppEvents()
  seen = []
  events.subscribe((e) => seen.push(e))
  shown = []
  logs = []
  seed = seedSchoolAndSource(store)
})
afterEach(() => notifier?.dispose())

function start(at: number, opts: { desktop?: boolean } = {}): Notifier {
  clock = createFakeClock(at)
  notifier = createNotifier({
    store,
    events,
    clock,
    desktop: opts.desktop === false ? undefined : (n) => shown.push(n),
    log: (m) => logs.push(m),
  })
  notifier.start()
  return notifier
}

const threat = () =>
  seed.mention('I will be waiting outside the gates.', {
    flags: ['threat'],
    priority: 'urgent',
    owner: 'head',
  })
const praise = () =>
  seed.mention('Lovely nativity play!', {
    sentiment: { label: 'positive', score: 0.8 },
    flags: ['praise'],
    priority: 'low',
  })
const notes = () => seen.filter((e) => e.type === 'notifications.changed')

describe('the notifier', () => {
  it('pops an urgent mention up at once, on the desktop and in the app', () => {
    const n = start(NOON)
    const id = threat()
    expect(n.mentionsAdded([id])).toBe(1)
    expect(shown).toEqual([
      {
        title: 'Urgent: possible threat on Gazette',
        body: 'I will be waiting outside the gates.',
      },
    ])
    expect(notes()).toEqual([{ type: 'notifications.changed', urgent: true }])
    const [row] = store.notifications.list({
      schoolIds: null,
      userId: null,
      unreadOnly: false,
      limit: 10,
    })
    expect(row).toMatchObject({ kind: 'urgent_mention', mentionId: id, schoolId: seed.school.id })
    expect(row.deliveredAt).toBe(new Date(NOON).toISOString())
  })

  it('says nothing about a mention that is not urgent: it waits for the digest', () => {
    const n = start(NOON)
    expect(n.mentionsAdded([praise(), seed.mention('Unanalysed', null)])).toBe(0)
    expect(shown).toEqual([])
    expect(notes()).toEqual([])
    expect(
      store.notifications.list({ schoolIds: null, userId: null, unreadOnly: false, limit: 10 }),
    ).toEqual([])
  })

  it('holds a pop-up at 23:00 and sends it at 07:00', async () => {
    const n = start(ELEVEN_PM)
    expect(n.mentionsAdded([threat()])).toBe(1)
    expect(shown).toEqual([])
    // The bell updates silently; the urgent alert waits for the morning.
    expect(notes()).toEqual([{ type: 'notifications.changed', urgent: false }])
    expect(store.notifications.undelivered()).toHaveLength(1)

    await clock.advance(8 * HOUR - 60_000) // 06:59
    expect(shown).toEqual([])
    await clock.advance(60_000) // 07:00
    expect(shown).toHaveLength(1)
    expect(shown[0].title).toBe('Urgent: possible threat on Gazette')
    expect(notes().at(-1)).toEqual({ type: 'notifications.changed', urgent: true })
    expect(store.notifications.undelivered()).toEqual([])

    await clock.advance(2 * HOUR)
    expect(shown).toHaveLength(1)
    expect(logs).toEqual([])
  })

  it('announces the same mention once, however often it is reported', () => {
    const n = start(NOON)
    const id = threat()
    n.mentionsAdded([id, id])
    n.mentionsAdded([id])
    expect(shown).toHaveLength(1)
    expect(notes()).toHaveLength(1)
    expect(
      store.notifications.list({ schoolIds: null, userId: null, unreadOnly: false, limit: 10 }),
    ).toHaveLength(1)
  })

  it('keeps a safeguarding item generic on the desktop and in the row', () => {
    const n = start(NOON)
    const id = seed.mention('Jamie in Year 4 told me what happens at home', {
      flags: ['safeguarding'],
      priority: 'urgent',
      owner: 'dsl',
    })
    n.mentionsAdded([id])
    expect(shown).toEqual([{ title: RESTRICTED_TITLE, body: '' }])
    const [row] = store.notifications.list({
      schoolIds: null,
      userId: null,
      unreadOnly: false,
      limit: 1,
    })
    expect(row).toMatchObject({ restricted: true, title: RESTRICTED_TITLE, body: '' })
  })

  it('sends a night of held items as one summary when there are many', async () => {
    const n = start(ELEVEN_PM)
    n.mentionsAdded([threat(), threat(), threat(), threat()])
    await clock.advance(8 * HOUR)
    expect(shown).toEqual([
      { title: '4 urgent items need attention', body: 'Open Footprint to see them.' },
    ])
  })

  it('respects the desktop switch and disabled quiet hours', () => {
    store.settings.set(
      NOTIFICATION_SETTINGS_KEY,
      { quietHours: { enabled: false, start: '21:00', end: '07:00' }, desktop: false },
      new Date(NOON).toISOString(),
    )
    const n = start(ELEVEN_PM)
    n.mentionsAdded([threat()])
    expect(shown).toEqual([])
    // Not held: quiet hours are off, so the in-app alert goes at once.
    expect(notes()).toEqual([{ type: 'notifications.changed', urgent: true }])
    expect(store.notifications.undelivered()).toEqual([])
  })

  it('sends what was held while the app was closed as soon as it starts in the morning', () => {
    start(ELEVEN_PM).mentionsAdded([threat()])
    notifier!.dispose()
    expect(shown).toEqual([])
    start(Date.UTC(2025, 0, 16, 8, 0))
    expect(shown).toHaveLength(1)
  })

  it('records other kinds in the app without a pop-up, once per key', () => {
    const n = start(NOON)
    const first = n.notify('post_failed', seed.school.id, {
      dedupeKey: 'post:1',
      title: 'A reply could not be posted to Google',
      body: 'Google said the review no longer exists.',
    })
    expect(first).toBeTypeOf('number')
    expect(
      n.notify('post_failed', seed.school.id, { dedupeKey: 'post:1', title: 'again' }),
    ).toBeNull()
    expect(shown).toEqual([])
    expect(notes()).toEqual([{ type: 'notifications.changed', urgent: false }])
    expect(store.notifications.get(first!)?.deliveredAt).not.toBeNull()
    // An urgent one follows the urgent path; a restricted one pops up in generic words only.
    n.notify('platform_no_answer', seed.school.id, {
      dedupeKey: 'report:9',
      title: 'The platform has not answered the report about Jamie',
      body: 'Reported on 2 June',
      restricted: true,
      urgent: true,
    })
    expect(shown).toEqual([{ title: RESTRICTED_TITLE, body: '' }])
  })

  it('leaves no timer behind once disposed', async () => {
    start(ELEVEN_PM).mentionsAdded([threat()])
    expect(clock.pending()).toBe(1)
    notifier!.dispose()
    expect(clock.pending()).toBe(0)
    await clock.advance(10 * HOUR)
    expect(shown).toEqual([])
  })

  it('never throws into the poller', () => {
    const n = start(NOON)
    store.db.close()
    expect(n.mentionsAdded([1])).toBe(0)
    expect(logs.join('\n')).toMatch(/announcing mentions failed/)
  })
})
