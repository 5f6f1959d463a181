// Runs in: Vitest (Node). Triage: the pure rules (what a change does to a mention's row) and the service
// around them: bulk changes with one audit event per mention and nothing kept when one fails, who can
// be assigned, snoozing against the fake clock, full-text search that survives any input, the daily
// check per user, safeguarding items withheld from everyone but the DSL and the head, and the SLA
// clock across the October clock change.
import { describe, expect, it } from 'vitest'
import { applyTriage, TriageRuleError, type TriageRow } from '../../src-main/workflow/triage'
import { RESTRICTED_TEXT } from '../../src-main/workflow/visibility'
import { auditRows, SYSTEM, workflowFixture } from '../helpers/workflow'

const NOW = '2026-11-23T09:00:00.000Z'
const NEW: TriageRow = {
  state: 'new',
  outcome: null,
  assigneeId: null,
  snoozedUntil: null,
  respondedAt: null,
}
const MINUTE = 60_000
const HOUR = 60 * MINUTE

function ruleError(f: () => unknown): TriageRuleError {
  try {
    f()
  } catch (e) {
    if (e instanceof TriageRuleError) return e
    throw e
  }
  throw new Error('expected a TriageRuleError')
}

describe('applyTriage (the rules)', () => {
  it('deciding no action, monitor or escalate triages the item and stops the SLA clock', () => {
    for (const outcome of ['no_action', 'monitor', 'escalate'] as const) {
      expect(applyTriage(NEW, { outcome }, NOW)).toEqual({
        ...NEW,
        state: 'triaged',
        outcome,
        respondedAt: NOW,
      })
    }
  })

  it('"respond" triages it but leaves the clock running until the reply is posted', () => {
    expect(applyTriage(NEW, { outcome: 'respond' }, NOW)).toEqual({
      ...NEW,
      state: 'triaged',
      outcome: 'respond',
      respondedAt: null,
    })
  })

  it('refuses "triaged" without an outcome, naming the outcome field', () => {
    const e = ruleError(() => applyTriage(NEW, { state: 'triaged' }, NOW))
    expect(e.field).toBe('outcome')
    // With an outcome already decided, the state alone may change.
    const decided = applyTriage(NEW, { outcome: 'respond' }, NOW)
    expect(applyTriage({ ...decided, state: 'new' }, { state: 'triaged' }, NOW).state).toBe(
      'triaged',
    )
  })

  it('resolving stops the clock; reopening keeps the record of the earlier response', () => {
    const resolved = applyTriage(NEW, { state: 'resolved' }, NOW)
    expect(resolved).toMatchObject({ state: 'resolved', respondedAt: NOW })
    const later = '2026-11-24T09:00:00.000Z'
    expect(applyTriage(resolved, { state: 'new' }, later)).toEqual({
      ...NEW,
      respondedAt: NOW,
    })
    // A new outcome on a resolved item keeps it resolved.
    expect(applyTriage(resolved, { outcome: 'monitor' }, later)).toMatchObject({
      state: 'resolved',
      outcome: 'monitor',
      respondedAt: NOW,
    })
  })

  it('assigns, unassigns and snoozes without touching the decision', () => {
    const assigned = applyTriage(NEW, { assigneeId: 7 }, NOW)
    expect(assigned).toEqual({ ...NEW, assigneeId: 7 })
    expect(applyTriage(assigned, { assigneeId: null }, NOW)).toEqual(NEW)
    expect(applyTriage(NEW, { snoozeUntil: '2026-11-23T10:00:00.000Z' }, NOW)).toEqual({
      ...NEW,
      snoozedUntil: '2026-11-23T10:00:00.000Z',
    })
    expect(
      applyTriage({ ...NEW, snoozedUntil: '2026-11-24T00:00:00.000Z' }, { snoozeUntil: null }, NOW),
    ).toEqual(NEW)
  })

  it('stores a snooze time given with an offset in UTC, and refuses one that is not in the future', () => {
    expect(applyTriage(NEW, { snoozeUntil: '2026-11-23T11:30:00+01:00' }, NOW).snoozedUntil).toBe(
      '2026-11-23T10:30:00.000Z',
    )
    expect(ruleError(() => applyTriage(NEW, { snoozeUntil: NOW }, NOW)).field).toBe('snoozeUntil')
    expect(
      ruleError(() => applyTriage(NEW, { snoozeUntil: '2026-11-23T09:30:00+01:00' }, NOW)).field,
    ).toBe('snoozeUntil')
  })
})

describe('mentions.triage (the service)', () => {
  it('changes several mentions in one call, with one audit event each', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const ids = [f.mention('one'), f.mention('two'), f.mention('three')]
    const untouched = f.mention('four')
    expect(
      await f.service.call('mentions.triage', { ids: [...ids, ids[0]], outcome: 'monitor' }, lead),
    ).toEqual({ updated: 3 })
    for (const id of ids)
      expect(f.store.triage.get(id)).toMatchObject({ state: 'triaged', outcome: 'monitor' })
    expect(f.store.triage.get(untouched).state).toBe('new')

    const events = auditRows(f).filter((r) => r.action === 'mention.triage')
    expect(events.map((e) => [e.entity, e.entity_id, e.actor])).toEqual(
      ids.map((id) => ['mention', String(id), lead.email]),
    )
    expect(JSON.parse(events[0].detail_json)).toMatchObject({
      before: { state: 'new', outcome: null },
      after: { state: 'triaged', outcome: 'monitor', respondedAt: NOW },
    })
    const inbox = await f.service.call(
      'inbox.list',
      { schoolId: f.school.id, state: 'triaged' },
      lead,
    )
    expect(inbox.items.map((i) => i.id).sort()).toEqual(ids)
    expect(inbox.items[0].sla.responded).toBe(true)
  })

  it('refuses assigning to a viewer or an unknown user, naming assigneeId, and keeps nothing', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const viewer = await f.signIn('viewer', { name: 'Val Viewer' })
    const ids = [f.mention('one'), f.mention('two')]
    const before = auditRows(f).length

    const toViewer = await f.service.dispatch(
      'mentions.triage',
      { ids, assigneeId: viewer.userId, outcome: 'respond' },
      lead,
    )
    expect(toViewer).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'assigneeId',
        message: 'Val Viewer is a viewer and cannot act on items',
      },
    })
    expect(
      await f.service.dispatch('mentions.triage', { ids, assigneeId: 9999 }, lead),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'assigneeId',
        message: 'There is no user with id 9999',
      },
    })
    // One bad id in the batch: the whole call is refused, the good one unchanged.
    expect(
      await f.service.dispatch(
        'mentions.triage',
        { ids: [ids[0], 424242], outcome: 'monitor' },
        lead,
      ),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'ids' } })
    for (const id of ids)
      expect(f.store.triage.get(id)).toMatchObject({
        state: 'new',
        outcome: null,
        assigneeId: null,
      })
    expect(auditRows(f).length).toBe(before)

    expect(await f.service.call('mentions.triage', { ids, assigneeId: lead.userId }, lead)).toEqual(
      { updated: 2 },
    )
    const mine = await f.service.call('inbox.list', { schoolId: f.school.id, assignee: 'me' }, lead)
    expect(mine.items.map((i) => [i.id, i.triage.assigneeName])).toEqual([
      [ids[1], 'orm_lead 1'],
      [ids[0], 'orm_lead 1'],
    ])
  })

  it('hides a snoozed item from the inbox until the clock passes the snooze time', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const sleepy = f.mention('Ask again after lunch')
    const awake = f.mention('Still here')
    const list = async (includeSnoozed = false) =>
      (
        await f.service.call('inbox.list', { schoolId: f.school.id, includeSnoozed }, lead)
      ).items.map((i) => i.id)

    // 11:30 in Paris is 10:30 UTC: ninety minutes from now.
    await f.service.call(
      'mentions.triage',
      { ids: [sleepy], snoozeUntil: '2026-11-23T11:30:00+01:00' },
      lead,
    )
    expect(await list()).toEqual([awake])
    expect(await list(true)).toEqual([awake, sleepy])
    await f.clock.advance(HOUR)
    expect(await list()).toEqual([awake])
    await f.clock.advance(30 * MINUTE)
    expect(await list()).toEqual([awake, sleepy])
    expect(f.store.triage.get(sleepy).snoozedUntil).toBe('2026-11-23T10:30:00.000Z')
  })

  it("counts my open, awake items on the daily check, as the inbox's 'assigned to me' lists them", async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const other = await f.signIn('orm_lead')
    const [mine, resolved, snoozed, theirs] = ['one', 'two', 'three', 'four'].map((t) =>
      f.mention(`Item ${t}`),
    )
    await f.service.call(
      'mentions.triage',
      { ids: [mine, resolved, snoozed], assigneeId: lead.userId },
      lead,
    )
    await f.service.call('mentions.triage', { ids: [theirs], assigneeId: other.userId }, lead)
    await f.service.call('mentions.triage', { ids: [resolved], state: 'resolved' }, lead)
    await f.service.call(
      'mentions.triage',
      { ids: [snoozed], snoozeUntil: '2026-11-23T10:00:00Z' },
      lead,
    )
    const count = async () =>
      (await f.service.call('today.check', { schoolId: f.school.id }, lead)).assignedToMe
    const listed = async () =>
      (
        await f.service.call(
          'inbox.list',
          { schoolId: f.school.id, state: 'open', assignee: 'me' },
          lead,
        )
      ).items.map((i) => i.id)
    expect(await listed()).toEqual([mine])
    expect(await count()).toBe(1)
    await f.clock.advance(2 * HOUR)
    expect(await listed()).toEqual([snoozed, mine])
    expect(await count()).toBe(2)
  })

  it('searches title, text and author, and survives input that is not a valid FTS query', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const parking = f.mention('The parking at pick-up is chaos every afternoon')
    const nativity = f.mention('Lovely nativity play this morning', {}, { title: 'Christmas' })
    const fines = f.mention('Parking fines outside the gates again')
    const search = async (text: string) => {
      const r = await f.service.dispatch(
        'inbox.list',
        { schoolId: f.school.id, search: text },
        lead,
      )
      if (!r.ok) throw new Error(`${text}: ${r.error.message}`)
      return (r.data as { items: { id: number }[] }).items.map((i) => i.id)
    }
    expect(await search('parking')).toEqual([fines, parking])
    expect(await search('PARKING chaos')).toEqual([parking])
    expect(await search('nativ')).toEqual([nativity])
    expect(await search('christmas')).toEqual([nativity])
    expect(await search('Nobody wrote this')).toEqual([])
    for (const nasty of [
      '"unbalanced (quote* AND',
      'NEAR(parking',
      'parking OR',
      '*',
      '"',
      "'",
      '-',
      'title:chaos',
      '^parking',
    ]) {
      await expect(search(nasty), nasty).resolves.toBeInstanceOf(Array)
    }
    // The operators are words like any other: "parking OR" does not widen the search.
    expect(await search('parking OR')).toEqual([])
    expect(await search('title:chaos')).toEqual([])
    expect(await search('NEAR(parking')).toEqual([])
  })
})

describe("today.check (each user's daily check)", () => {
  it('shows what arrived since my last check, urgent first, while others still see everything new', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const head = await f.signIn('head')
    const first = [
      f.mention('A kind word about the choir', { priority: 'low' }),
      f.mention('Someone is waiting outside the gates', { priority: 'urgent', flags: ['threat'] }),
      f.mention('A question about uniform', { priority: 'normal' }),
    ]
    const check1 = await f.service.call('today.check', { schoolId: f.school.id }, lead)
    expect(check1.lastCheckAt).toBeNull()
    expect(check1.newItems.map((i) => i.id)).toEqual([first[1], first[2], first[0]])
    expect(check1.throughId).toBe(Math.max(...first))
    await f.service.call(
      'today.markChecked',
      { schoolId: f.school.id, throughId: check1.throughId },
      lead,
    )

    await f.clock.advance(HOUR)
    const second = [
      f.mention('Lovely photos from sports day', { priority: 'low' }),
      f.mention('Personal details of a teacher posted', {
        priority: 'urgent',
        flags: ['personal_info'],
      }),
      f.mention('Another question about dinner money', { priority: 'high' }),
    ]
    const check2 = await f.service.call('today.check', { schoolId: f.school.id }, lead)
    expect(check2.lastCheckAt).toBe(NOW)
    expect(check2.newItems.map((i) => i.id)).toEqual([second[1], second[2], second[0]])
    expect(check2.throughId).toBe(Math.max(...second))

    // The head never marked anything: everything is new to them.
    const headCheck = await f.service.call('today.check', { schoolId: f.school.id }, head)
    expect(headCheck.lastCheckAt).toBeNull()
    expect(headCheck.newItems.map((i) => i.id).sort((a, b) => a - b)).toEqual(
      [...first, ...second].sort((a, b) => a - b),
    )
    expect(headCheck.newItems.slice(0, 2).map((i) => i.id)).toEqual([second[1], first[1]])

    // A stale tab cannot move the mark back.
    await f.service.call('today.markChecked', { schoolId: f.school.id, throughId: 0 }, lead)
    expect(
      (await f.service.call('today.check', { schoolId: f.school.id }, lead)).newItems.map(
        (i) => i.id,
      ),
    ).toEqual([second[1], second[2], second[0]])
    // Only a person has a daily check.
    expect(
      await f.service.dispatch(
        'today.markChecked',
        { schoolId: f.school.id, throughId: 1 },
        SYSTEM,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('safeguarding items', () => {
  it('are withheld from the ORM lead and the viewer, and readable by the DSL and the head', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const viewer = await f.signIn('viewer')
    const dsl = await f.signIn('dsl')
    const head = await f.signIn('head')
    const TEXT = 'Jamie in Year 4 told me what happens at home'
    const child = f.mention(
      TEXT,
      { flags: ['safeguarding'], priority: 'urgent', owner: 'dsl' },
      { title: 'Worried about Jamie', url: 'https://example.net/jamie' },
    )
    const ordinary = f.mention('Parking is awful at pick-up', { flags: ['complaint'] })

    for (const who of [lead, viewer]) {
      const inbox = await f.service.call('inbox.list', { schoolId: f.school.id }, who)
      const item = inbox.items.find((i) => i.id === child)!
      expect(item).toMatchObject({
        restricted: true,
        text: RESTRICTED_TEXT,
        title: null,
        author: null,
        url: null,
        analysis: { priority: 'urgent', evidence: [] },
      })
      expect(JSON.stringify(inbox)).not.toContain('Jamie')
      expect(inbox.items.find((i) => i.id === ordinary)).toMatchObject({ restricted: false })
      // The daily check still says something urgent waits, without the words.
      const today = await f.service.call('today.check', { schoolId: f.school.id }, who)
      expect(today.newItems[0]).toMatchObject({
        id: child,
        restricted: true,
        text: RESTRICTED_TEXT,
      })
      // Every other way in withholds it too: the plain list, corrections, "not about us".
      const list = await f.service.call('mentions.list', { schoolId: f.school.id }, who)
      expect(list.items.find((m) => m.id === child)).toMatchObject({ text: RESTRICTED_TEXT })
      expect(JSON.stringify(list)).not.toContain('Jamie')
      for (const [op, input] of [
        ['mentions.corrections', { id: child }],
        ['mentions.correct', { id: child, flags: [] }],
        ['mentions.notAboutUs', { id: child, term: 'Year 4' }],
      ] as const)
        expect(await f.service.dispatch(op, input, who)).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        })
      const get = await f.service.dispatch('mentions.get', { id: child }, who)
      expect(get).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(JSON.stringify(get)).not.toContain('Jamie')
      expect(await f.service.dispatch('mentions.get', { id: ordinary }, who)).toMatchObject({
        ok: true,
      })
    }
    for (const who of [dsl, head]) {
      const inbox = await f.service.call('inbox.list', { schoolId: f.school.id }, who)
      expect(inbox.items.find((i) => i.id === child)).toMatchObject({
        restricted: false,
        text: TEXT,
        title: 'Worried about Jamie',
      })
      expect(await f.service.call('mentions.get', { id: child }, who)).toMatchObject({
        item: { id: child, text: TEXT, restricted: false },
        situations: [],
      })
    }
    // Nor can the ORM lead act on it blind.
    expect(
      await f.service.dispatch('mentions.triage', { ids: [child], outcome: 'monitor' }, lead),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('the SLA clock in the inbox', () => {
  it('across the October clock change: a Friday-evening Facebook comment is due Monday 17:00 GMT', async () => {
    // Friday 23 October 2026, 18:30 BST; the clocks go back on Sunday 25 October.
    const f = await workflowFixture({ start: '2026-10-23T17:30:00.000Z' })
    const lead = await f.signIn('orm_lead')
    const page = f.source('facebook', 'Our Facebook Page')
    const comment = f.mention(
      'Is the school open on Monday?',
      { flags: ['question'] },
      { sourceId: page.id },
    )
    const [item] = (await f.service.call('inbox.list', { schoolId: f.school.id }, lead)).items
    expect(item).toMatchObject({
      id: comment,
      sourceKind: 'facebook',
      sla: {
        rule: 'own-account-first-response',
        dueAt: '2026-10-26T17:00:00.000Z',
        breached: false,
        responded: false,
      },
    })
    // Wall-clock time left includes the extra hour of the change: 71.5 hours, not 70.5.
    expect(item.sla.timeLeftMs).toBe(71.5 * HOUR)
    await f.clock.advance(71.5 * HOUR + MINUTE)
    // (The lead's session has long expired; the system reads the same clock.)
    const [late] = (await f.service.call('inbox.list', { schoolId: f.school.id }, SYSTEM)).items
    expect(late.sla).toMatchObject({ breached: true, dueAt: '2026-10-26T17:00:00.000Z' })
  })
})
