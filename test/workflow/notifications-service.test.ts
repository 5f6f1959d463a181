// Runs in: Vitest (Node). The notification operations as each role sees them: only their schools,
// safeguarding details only for the DSL and the head, read marks per person, audited quiet hours,
// and the digest of everything that did not interrupt anyone.
import { describe, expect, it } from 'vitest'
import { SchoolInput, type Role } from '../../src-main/contract'
import { AppEvents, type CallContext } from '../../src-main/services/context'
import { notificationHandlers } from '../../src-main/services/notifications'
import { createNotifier } from '../../src-main/workflow/notify/notifier'
import { RESTRICTED_TITLE } from '../../src-main/workflow/notify'
import { freshService, SCHOOL } from '../helpers/service'
import { seedSchoolAndSource } from '../overrides/seed'

// Monday 23 November 2026, 08:00 GMT: the seeded mentions were first seen on Saturday at 08:00.
const NOW = new Date('2026-11-23T08:00:00.000Z')
const system = { actor: 'test' }

async function setup() {
  const f = freshService(() => NOW)
  const { store, service } = f
  const seed = seedSchoolAndSource(store)
  const other = store.schools.create(
    SchoolInput.parse({ ...SCHOOL, name: 'Hollinbury Infant School', urn: '990418' }),
    NOW.toISOString(),
  )
  const notifier = createNotifier({ store, events: service.events, now: () => NOW, log: () => {} })
  const threat = seed.mention('I will be waiting outside the gates', {
    flags: ['threat'],
    priority: 'urgent',
    owner: 'head',
  })
  const child = seed.mention('Jamie in Year 4 told me what happens at home', {
    flags: ['safeguarding'],
    priority: 'urgent',
    owner: 'dsl',
  })
  notifier.mentionsAdded([threat, child])
  // Another feature's restricted notification with a telling title: the service must blank it.
  notifier.notify('platform_no_answer', seed.school.id, {
    dedupeKey: 'report:1',
    title: 'No answer about the post naming Jamie',
    body: 'Reported 2 days ago',
    restricted: true,
  })
  notifier.notify('post_failed', other.id, { dedupeKey: 'post:1', title: 'Reply not posted' })

  let n = 0
  async function signIn(role: Role, schoolIds: number[] = []): Promise<CallContext> {
    n++
    const email = `${role}${n}@school.example`
    const password = 'correct horse battery'
    await service.call(
      'users.create',
      { displayName: `${role} ${n}`, email, role, password, schoolIds },
      system,
    )
    await service.call('auth.signIn', { email, password }, { actor: 't', session: `s${n}` })
    return { actor: 't', session: `s${n}` }
  }
  return { ...f, seed, other, threat, child, signIn }
}

describe('notifications.list and markRead', () => {
  it('shows the system everything, unread, with the real titles', async () => {
    const { service } = await setup()
    const list = await service.call('notifications.list', {}, system)
    expect(list.map((x) => x.title)).toEqual([
      'Reply not posted',
      'No answer about the post naming Jamie',
      RESTRICTED_TITLE,
      'Urgent: possible threat on Gazette',
    ])
    expect(list.every((x) => !x.read)).toBe(true)
    expect(await service.call('notifications.markRead', { ids: [list[0].id] }, system)).toEqual({
      updated: 0,
    })
  })

  it('tells an ORM lead that a safeguarding item waits, and nothing more', async () => {
    const { service, signIn } = await setup()
    const lead = await signIn('orm_lead')
    const list = await service.call('notifications.list', {}, lead)
    const restricted = list.filter((x) => x.restricted)
    expect(restricted).toHaveLength(2)
    for (const r of restricted) expect(r).toMatchObject({ title: RESTRICTED_TITLE, body: '' })
    expect(JSON.stringify(list)).not.toContain('Jamie')

    const dsl = await signIn('dsl')
    const forDsl = await service.call('notifications.list', {}, dsl)
    expect(forDsl.find((x) => x.kind === 'platform_no_answer')).toMatchObject({
      title: 'No answer about the post naming Jamie',
      body: 'Reported 2 days ago',
    })
  })

  it('lists only the schools a user acts for', async () => {
    const { service, signIn, other } = await setup()
    const infantOnly = await signIn('viewer', [other.id])
    const list = await service.call('notifications.list', {}, infantOnly)
    expect(list.map((x) => x.title)).toEqual(['Reply not posted'])
  })

  it('keeps read marks per person, for their own schools only', async () => {
    const { service, signIn, other, seed } = await setup()
    const a = await signIn('orm_lead', [seed.school.id])
    const b = await signIn('head')
    const all = await service.call('notifications.list', {}, b)
    const ofOther = all.find((x) => x.schoolId === other.id)!
    const mine = all.filter((x) => x.schoolId === seed.school.id).map((x) => x.id)

    // The other school's id is not a's to mark.
    expect(await service.call('notifications.markRead', { ids: [...mine, ofOther.id] }, a)).toEqual(
      {
        updated: 3,
      },
    )
    expect(await service.call('notifications.markRead', { ids: mine }, a)).toEqual({ updated: 0 })
    expect((await service.call('notifications.list', {}, a)).every((x) => x.read)).toBe(true)
    expect(await service.call('notifications.list', { unreadOnly: true }, a)).toEqual([])
    expect(await service.call('notifications.list', { unreadOnly: true }, b)).toHaveLength(4)
  })

  it('refuses anyone not signed in', async () => {
    const { service } = await setup()
    expect(
      await service.dispatch('notifications.list', {}, { actor: 't', session: 'nobody' }),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })
})

describe('quiet hours settings', () => {
  it('defaults to 21:00–07:00 and saves a change with an audit event', async () => {
    const { service, store, signIn } = await setup()
    expect(await service.call('notifications.settings', undefined, system)).toEqual({
      quietHours: { enabled: true, start: '21:00', end: '07:00' },
      desktop: true,
    })
    const changed = { quietHours: { enabled: true, start: '22:30', end: '06:45' }, desktop: false }
    expect(await service.call('notifications.updateSettings', changed, system)).toEqual(changed)
    const viewer = await signIn('viewer')
    expect(await service.call('notifications.settings', undefined, viewer)).toEqual(changed)
    const events = store.db
      .prepare(
        "SELECT actor, detail_json FROM audit_events WHERE action = 'notifications.settings'",
      )
      .all() as { actor: string; detail_json: string }[]
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0].detail_json)).toMatchObject({ after: changed })
  })

  it('names the field of a bad time, and lets only managers change the settings', async () => {
    const { service, signIn } = await setup()
    const bad = { quietHours: { enabled: true, start: '9pm', end: '07:00' }, desktop: true }
    expect(await service.dispatch('notifications.updateSettings', bad, system)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'quietHours.start' },
    })
    const dsl = await signIn('dsl')
    const good = { ...bad, quietHours: { ...bad.quietHours, start: '21:00' } }
    expect(await service.dispatch('notifications.updateSettings', good, dsl)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })
})

describe('the daily digest', () => {
  it('counts what came in since the last working day, leaving out urgent and hidden items', async () => {
    const { service, seed, other } = await setup()
    seed.mention('Lovely nativity play', {
      sentiment: { label: 'positive', score: 0.8 },
      flags: ['praise'],
    })
    seed.mention('Parking is awful at pick-up', {
      sentiment: { label: 'negative', score: -0.5 },
      flags: ['complaint'],
      priority: 'normal',
    })
    seed.mention(
      'Not about us at all',
      { sentiment: { label: 'negative', score: -0.5 } },
      { hidden: true },
    )
    seed.mention('Still being analysed', null)

    const d = await service.call('digest.get', {}, system)
    // Monday's digest starts at 00:00 on Friday, London time.
    expect(d).toMatchObject({ from: '2026-11-20T00:00:00.000Z', to: NOW.toISOString() })
    const mine = d.sections.find((s) => s.schoolId === seed.school.id)!
    expect(mine).toEqual({
      schoolId: seed.school.id,
      schoolName: seed.school.name,
      newMentions: 3,
      bySentiment: { negative: 1, neutral: 0, positive: 1 },
      bySource: [{ source: 'Gazette', count: 3 }],
      // The service's own SLA hooks: every open item seen on Saturday is due on Monday, none late yet
      // (the threat and the safeguarding item at 09:00, the other three by 17:00; hidden never counts).
      breached: 0,
      dueToday: 5,
      reminders: [],
    })
    expect(d.sections.find((s) => s.schoolId === other.id)).toMatchObject({ newMentions: 0 })

    const later = await service.call('digest.get', { since: '2026-11-22T00:00:00Z' }, system)
    expect(later.sections.every((s) => s.newMentions === 0)).toBe(true)
  })

  it('has a section only for the schools the reader acts for', async () => {
    const { service, signIn, other } = await setup()
    const viewer = await signIn('viewer', [other.id])
    const d = await service.call('digest.get', {}, viewer)
    expect(d.sections.map((s) => s.schoolId)).toEqual([other.id])
  })

  it('takes SLA figures and reminders from the hooks it is given', async () => {
    const { store, seed } = await setup()
    const handlers = notificationHandlers(
      {
        store,
        mode: 'browser',
        dataDir: '',
        version: 'test',
        now: () => NOW,
        digest: {
          slaCounts: (id) => ({ breached: id, dueToday: 2 }),
          reminders: () => ['Incident 1: chase the platform'],
        },
      },
      new AppEvents(),
    )
    const d = handlers['digest.get'](
      {},
      { actor: 'test', principal: { kind: 'system', name: 'test' } },
    )
    expect(d.sections.find((s) => s.schoolId === seed.school.id)).toMatchObject({
      breached: seed.school.id,
      dueToday: 2,
      reminders: ['Incident 1: chase the platform'],
    })
  })
})
