// Runs in: Vitest (Node). Incidents through the service: mentions grouped into one story, a timeline in
// the order things happened, the platform-reply reminder on a fake clock, safeguarding incidents kept
// to the DSL and the head, and every change written with its audit event.
import { describe, expect, it } from 'vitest'
import type { AppEvent, Role } from '../../src-main/contract'
import { freshService, SCHOOL } from '../helpers/service'

const system = { actor: 'test' }
const START = Date.parse('2026-11-03T09:00:00.000Z')

async function setUp() {
  let clock = START
  const env = freshService(() => new Date(clock))
  const { service, store } = env
  const { school } = await service.call(
    'setup.complete',
    {
      school: SCHOOL,
      user: {
        displayName: 'Jo Bloggs',
        email: 'jo@school.example',
        role: 'orm_lead',
        password: 'correct horse battery',
      },
    },
    system,
  )
  const other = await service.call(
    'schools.create',
    { ...SCHOOL, name: 'Hollinbury Nursery', urn: '990418', aliases: [] },
    system,
  )
  const source = store.sources.create(
    { kind: 'feed', name: 'Hollinbury Gazette', schoolId: null, intervalMinutes: 30, config: { url: 'https://gazette.example/rss' } },
    new Date(clock).toISOString(),
  ) // prettier-ignore
  let n = 0
  /** A stored mention with a known verdict; flags ['safeguarding'] and owner 'dsl' make it need-to-know. */
  const mention = (text: string, o: { schoolId?: number; safeguarding?: boolean } = {}) => {
    const at = new Date(clock).toISOString()
    const id = store.mentions.insert(
      {
        sourceId: source.id, schoolId: o.schoolId ?? school.id, externalId: `m-${++n}`, url: `https://gazette.example/${n}`,
        canonicalUrl: null, title: null, author: 'a parent', authorUrl: null, publishedAt: null, text, raw: null,
        meta: {}, matchedAlias: "St Aldhelm's", contentHash: `h-${n}`, duplicateOf: null,
      },
      at,
    )! // prettier-ignore
    store.analyses.put(id, {
      engine: 'builtin', engineVersion: 'test', sentiment: { label: 'negative', score: -0.6 },
      flags: o.safeguarding ? ['safeguarding'] : ['complaint'], priority: 'high',
      owner: o.safeguarding ? 'dsl' : 'orm_lead', evidence: [],
    }, at) // prettier-ignore
    return id
  }
  /** Signs a new user in on their own session and returns the context to call as them. */
  const as = async (role: Role, name: string) => {
    const email = `${role}@school.example`
    await service.call(
      'users.create',
      { displayName: name, email, role, password: 'correct horse battery' },
      system,
    )
    const ctx = { actor: 't', session: `s-${role}` }
    await service.call('auth.signIn', { email, password: 'correct horse battery' }, ctx)
    return ctx
  }
  const tick = (hours: number) => (clock += hours * 3_600_000)
  const at = (hoursFromStart: number) => new Date(START + hoursFromStart * 3_600_000).toISOString()
  return { ...env, school, other, mention, as, tick, at }
}

describe('incidents', () => {
  it('opens an incident with mentions and keeps a timeline in the order things happened', async () => {
    const { service, store, school, mention, as, at } = await setUp()
    const lead = await as('orm_lead', 'Sam Lead')
    const a = mention('The head is a disgrace, share this everywhere')
    const b = mention('Another post in the same campaign')
    const events: AppEvent[] = []
    service.events.subscribe((e) => events.push(e))
    const auditBefore = store.audit.verify()

    const created = await service.call(
      'incidents.create',
      {
        schoolId: school.id,
        title: 'Facebook campaign',
        summary: 'Posts about the head',
        mentionIds: [a, b, a],
      },
      lead,
    )
    expect(created).toMatchObject({
      title: 'Facebook campaign',
      status: 'open',
      safeguarding: false,
      restricted: false,
      mentionCount: 2,
      createdBy: 'Sam Lead',
      reminders: [],
    })
    expect(created.mentions.map((m) => m.id)).toEqual([a, b])
    expect(events).toContainEqual({ type: 'incidents.changed', schoolId: school.id })

    const id = created.id
    await service.call(
      'incidents.addEvent',
      { id, kind: 'posh_contacted', occurredAt: at(-1) },
      lead,
    )
    await service.call(
      'incidents.addEvent',
      { id, kind: 'reported_to_platform', occurredAt: at(-3), reference: 'FB-1' },
      system,
    )
    const got = await service.call('incidents.get', { id }, lead)
    expect(got.events.map((e) => [e.kind, e.by])).toEqual([
      ['reported_to_platform', 'test'],
      ['posh_contacted', 'Sam Lead'],
    ])
    expect(got.events[0].reference).toBe('FB-1')
    expect(got.lastEventAt).toBe(at(-1))

    const after = store.audit.verify()
    expect(after.ok).toBe(true)
    if (after.ok && auditBefore.ok)
      expect(after.count).toBeGreaterThanOrEqual(auditBefore.count + 3)
  })

  it('reminds about an unanswered platform report after 48 hours until the platform answers', async () => {
    const { service, store, school, tick, at } = await setUp()
    const { id } = await service.call(
      'incidents.create',
      { schoolId: school.id, title: 'Fake account' },
      system,
    )
    tick(1)
    await service.call(
      'incidents.addEvent',
      { id, kind: 'reported_to_platform', occurredAt: at(1), reference: 'ABC' },
      system,
    )
    tick(47)
    const list = (status = 'open') =>
      service.call('incidents.list', { schoolId: school.id, status }, system)
    expect((await list())[0].reminders).toEqual([])

    tick(2)
    const [summary] = await list()
    // Created by the system: named from the audit trail, as no user did it.
    expect(summary.createdBy).toBe('test')
    expect(summary.reminders).toEqual([
      {
        eventId: expect.any(Number),
        message:
          'Reported to the platform on Tue 3 Nov 10:00 (ref ABC) with no answer for 2 days: chase it or escalate to POSH.',
      },
    ])
    expect((await service.call('incidents.get', { id }, system)).reminders).toHaveLength(1)

    const count = (store.audit.verify() as { count: number }).count
    await service.call(
      'incidents.addEvent',
      { id, kind: 'platform_response', occurredAt: at(49) },
      system,
    )
    expect((await list())[0].reminders).toEqual([])
    expect(store.audit.verify()).toEqual({ ok: true, count: count + 1 })
  })

  it('closes once, reopens, filters by status and has no reminders when closed', async () => {
    const { service, school, tick, at } = await setUp()
    const { id } = await service.call(
      'incidents.create',
      { schoolId: school.id, title: 'Review bombing' },
      system,
    )
    await service.call(
      'incidents.addEvent',
      { id, kind: 'reported_to_platform', occurredAt: at(0) },
      system,
    )
    tick(72)
    const closed = await service.call('incidents.setStatus', { id, status: 'closed' }, system)
    expect(closed).toMatchObject({ status: 'closed', closedAt: at(72), reminders: [] })
    await expect(
      service.call('incidents.setStatus', { id, status: 'closed' }, system),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This incident is already closed.',
    })
    const list = (status: string) =>
      service
        .call('incidents.list', { schoolId: school.id, status }, system)
        .then((l) => l.map((i) => i.id))
    expect(await list('open')).toEqual([])
    expect(await list('closed')).toEqual([id])
    expect(await list('all')).toEqual([id])
    const reopened = await service.call('incidents.setStatus', { id, status: 'open' }, system)
    expect(reopened).toMatchObject({ status: 'open', closedAt: null })
    expect(reopened.reminders).toHaveLength(1)
  })

  it('refuses a time in the future and mentions that are missing or about another school', async () => {
    const { service, store, school, other, mention, at } = await setUp()
    const { id } = await service.call(
      'incidents.create',
      { schoolId: school.id, title: 'Thread' },
      system,
    )
    await expect(
      service.call('incidents.addEvent', { id, kind: 'note', occurredAt: at(1) }, system),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'occurredAt' })
    // A few minutes of clock skew is accepted.
    await service.call('incidents.addEvent', { id, kind: 'note', occurredAt: at(0.05) }, system)

    const theirs = mention('About the nursery', { schoolId: other.id })
    await expect(
      service.call('incidents.addMentions', { id, mentionIds: [theirs] }, system),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'mentionIds',
      message: expect.stringContaining(`${theirs}`),
    })
    await expect(
      service.call(
        'incidents.create',
        { schoolId: school.id, title: 'Other', mentionIds: [999] },
        system,
      ),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'mentionIds',
      message: expect.stringContaining('999'),
    })
    // Nothing half-made: the refused create left no incident behind.
    expect(
      await service.call('incidents.list', { schoolId: school.id, status: 'all' }, system),
    ).toHaveLength(1)
    expect(store.audit.verify().ok).toBe(true)
  })

  it('adds a mention once, takes it out, and leaves no audit trace for a no-op', async () => {
    const { service, store, school, mention } = await setUp()
    const a = mention('First post')
    const { id } = await service.call(
      'incidents.create',
      { schoolId: school.id, title: 'Thread', mentionIds: [a] },
      system,
    )
    const count = () => (store.audit.verify() as { count: number }).count
    const before = count()
    expect(
      (await service.call('incidents.addMentions', { id, mentionIds: [a] }, system)).mentionCount,
    ).toBe(1)
    expect(count()).toBe(before)
    const b = mention('Second post')
    expect(
      (await service.call('incidents.addMentions', { id, mentionIds: [a, b] }, system))
        .mentionCount,
    ).toBe(2)
    const removed = await service.call('incidents.removeMention', { id, mentionId: a }, system)
    expect(removed.mentions.map((m) => m.id)).toEqual([b])
    expect(count()).toBe(before + 2)
  })

  it('keeps a safeguarding incident to the DSL and the head', async () => {
    const { service, school, mention, as } = await setUp()
    const dsl = await as('dsl', 'Dee Dsl')
    const viewer = await as('viewer', 'Vi Viewer')
    const lead = await as('orm_lead', 'Lee Lead')
    const concern = mention('A child in year 4 is being hurt at home', { safeguarding: true })
    const plain = mention('Car park chaos again')

    // Someone who may not read the item cannot file it either: the incident would lock them out.
    await expect(
      service.call(
        'incidents.create',
        { schoolId: school.id, title: 'Concern', mentionIds: [concern] },
        lead,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' })

    const { id } = await service.call('incidents.create', { schoolId: school.id, title: 'Disclosure on Facebook', mentionIds: [plain] }, dsl) // prettier-ignore
    const marked = await service.call('incidents.addMentions', { id, mentionIds: [concern] }, dsl)
    expect(marked).toMatchObject({ safeguarding: true, restricted: false })
    // Taking the item out again does not make what was seen unseen.
    expect(
      (await service.call('incidents.removeMention', { id, mentionId: concern }, dsl)).safeguarding,
    ).toBe(true)

    for (const who of [viewer, lead]) {
      const [entry] = await service.call('incidents.list', { schoolId: school.id }, who)
      expect(entry).toMatchObject({
        id,
        restricted: true,
        title: 'Safeguarding incident',
        summary: '',
        reminders: [],
      })
      await expect(service.call('incidents.get', { id }, who)).rejects.toMatchObject({
        code: 'forbidden',
        message:
          'Only the designated safeguarding lead and the head can open safeguarding incidents.',
      })
    }
    await expect(
      service.call(
        'incidents.addEvent',
        { id, kind: 'note', occurredAt: new Date().toISOString() },
        lead,
      ),
    ).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      service.call('incidents.setStatus', { id, status: 'closed' }, lead),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    // A viewer may read incidents but never change one.
    await expect(
      service.call('incidents.create', { schoolId: school.id, title: 'Mine' }, viewer),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('refuses a user who does not act for the school', async () => {
    const { service, school, other } = await setUp()
    await service.call(
      'users.create',
      { displayName: 'Nina Nursery', email: 'nina@school.example', role: 'orm_lead', schoolIds: [other.id], password: 'correct horse battery' },
      system,
    ) // prettier-ignore
    const nina = { actor: 't', session: 'nina' }
    await service.call(
      'auth.signIn',
      { email: 'nina@school.example', password: 'correct horse battery' },
      nina,
    )
    const { id } = await service.call(
      'incidents.create',
      { schoolId: school.id, title: 'Ours' },
      system,
    )
    await expect(service.call('incidents.get', { id }, nina)).rejects.toMatchObject({
      code: 'forbidden',
    })
    await expect(
      service.call('incidents.list', { schoolId: school.id }, nina),
    ).rejects.toMatchObject({ code: 'forbidden' })
  })
})
