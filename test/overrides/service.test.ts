// Runs in: Vitest (Node). Correcting the analysis engine's verdict through the service: validation
// names the field, each correction is audited with before and after, the history is kept, clearing
// returns to the machine's verdict, and every list and count reads the corrected values.
import { describe, expect, it } from 'vitest'
import type { AppEvent } from '../../src-main/contract'
import { route } from '../../src-main/analysis/routing'
import { freshService } from '../helpers/service'
import { seedSchoolAndSource } from './seed'

const ctx = { actor: 'test' }
const NOW = new Date('2026-11-21T09:30:00Z')

function setup() {
  const s = freshService(() => NOW)
  return { ...s, ...seedSchoolAndSource(s.store) }
}

const auditRows = (db: ReturnType<typeof setup>['db']) =>
  db
    .prepare('SELECT actor, action, entity_id, detail_json FROM audit_events ORDER BY id')
    .all() as {
    actor: string
    action: string
    entity_id: string
    detail_json: string
  }[]

describe('mentions.correct: validation', () => {
  it.each([
    [{}, 'sentiment', 'Choose the right sentiment or the right flags'],
    [
      { sentiment: 'furious' },
      'sentiment',
      'Sentiment must be one of: negative, neutral, positive',
    ],
    [{ flags: ['threat', 'rude'] }, 'flags.1', '"rude" is not a policy flag; choose from: threat'],
    [{ flags: 'threat' }, 'flags', 'Flags must be a list of policy flags'],
    [
      { sentiment: 'negative', note: 'x'.repeat(501) },
      'note',
      'Note must be at most 500 characters',
    ],
  ])('refuses %j naming the field and writes nothing', async (extra, field, message) => {
    const { service, store, db, mention } = setup()
    const id = mention('Lovely school', { sentiment: { label: 'positive', score: 0.6 } })
    const r = await service.dispatch('mentions.correct', { id, ...extra }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field } })
    expect(!r.ok && r.error.message).toContain(message)
    expect(store.analyses.history(id)).toEqual([])
    expect(auditRows(db)).toEqual([])
  })

  it('says which mention is missing or not analysed, and refuses a correction that changes nothing', async () => {
    const { service, mention } = setup()
    expect(
      await service.dispatch('mentions.correct', { id: 99, sentiment: 'negative' }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } })
    const raw = mention('Not analysed', null)
    expect(
      await service.dispatch('mentions.correct', { id: raw, sentiment: 'negative' }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } })
    const id = mention('Fine', { sentiment: { label: 'neutral', score: 0 }, flags: ['question'] })
    const same = await service.dispatch(
      'mentions.correct',
      { id, flags: ['question', 'question'] },
      ctx,
    )
    expect(same).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'flags', message: expect.stringContaining('already') },
    })
  })
})

describe('mentions.correct', () => {
  it('stores the corrected verdict beside the machine’s, routes it by the policy table and audits before/after', async () => {
    const { service, store, db, mention, school } = setup()
    const id = mention('The head is a joke', {
      sentiment: { label: 'negative', score: -0.7 },
      flags: ['complaint'],
      priority: 'normal',
      owner: 'head',
    })
    const events: AppEvent[] = []
    service.events.subscribe((e) => events.push(e))
    const a = await service.call(
      'mentions.correct',
      { id, flags: ['safeguarding', 'complaint'], note: '  Mentions a pupil being left alone  ' },
      ctx,
    )
    expect(a).toMatchObject({
      sentiment: { label: 'negative', score: -0.7 },
      flags: ['safeguarding', 'complaint'],
      priority: 'urgent',
      owner: 'dsl',
      machine: { sentiment: { label: 'negative' }, flags: ['complaint'], priority: 'normal', owner: 'head' },
      correction: { by: 'test', at: NOW.toISOString(), note: 'Mentions a pupil being left alone' },
    }) // prettier-ignore
    expect(events).toEqual([{ type: 'mentions.changed', schoolId: school.id }])
    const [row] = auditRows(db)
    expect(row).toMatchObject({ actor: 'test', action: 'mention.correct', entity_id: String(id) })
    expect(JSON.parse(row.detail_json)).toEqual({
      before: { sentiment: 'negative', flags: ['complaint'], priority: 'normal', owner: 'head' },
      after: { sentiment: 'negative', flags: ['safeguarding', 'complaint'], priority: 'urgent', owner: 'dsl' },
      note: 'Mentions a pupil being left alone',
    }) // prettier-ignore
    expect(store.audit.verify()).toMatchObject({ ok: true, count: 1 })
    // The machine's row is untouched: the correction sits beside it.
    expect(store.analyses.getRaw(id)).toMatchObject({ flags_json: '["complaint"]' })
  })

  it('recomputes priority and owner with the engine’s routing table for every combination it is given', async () => {
    const { service, mention } = setup()
    const cases = [
      { sentiment: 'negative', flags: ['complaint', 'staff_named'] },
      { sentiment: 'positive', flags: ['praise'] },
      { sentiment: 'negative', flags: [] },
      { sentiment: 'neutral', flags: ['threat', 'extremism'] },
      { sentiment: 'neutral', flags: ['personal_info', 'spam'] },
    ] as const
    for (const c of cases) {
      const id = mention('Some words', {
        sentiment: { label: 'neutral', score: 0 },
        flags: ['question'],
      })
      const a = await service.call('mentions.correct', { id, ...c, flags: [...c.flags] }, ctx)
      const expected = route([...c.flags], c.sentiment)
      expect({ priority: a.priority, owner: a.owner }).toEqual({
        priority: expected.priority,
        owner: expected.owner,
      })
    }
  })

  it('keeps the other half of the verdict when only sentiment or only flags are corrected', async () => {
    const { service, mention } = setup()
    const id = mention('Words', { sentiment: { label: 'positive', score: 0.4 }, flags: ['praise'] })
    await service.call('mentions.correct', { id, flags: ['praise', 'question'] }, ctx)
    const a = await service.call('mentions.correct', { id, sentiment: 'neutral' }, ctx)
    expect(a).toMatchObject({
      sentiment: { label: 'neutral', score: 0 },
      flags: ['question', 'praise'],
    })
  })
})

describe('correction history and clearing', () => {
  it('lists every correction newest first, and clearing returns to the machine’s verdict', async () => {
    const { service, store, db, mention } = setup()
    const id = mention('Words', {
      sentiment: { label: 'positive', score: 0.5 },
      flags: ['praise'],
      priority: 'low',
      owner: 'orm_lead',
    })
    await service.call('mentions.correct', { id, sentiment: 'negative', note: 'sarcasm' }, ctx)
    await service.call('mentions.correct', { id, flags: ['complaint'] }, { actor: 'cli' })
    const cleared = await service.call('mentions.clearCorrection', { id }, ctx)
    expect(cleared).toMatchObject({
      sentiment: { label: 'positive', score: 0.5 },
      flags: ['praise'],
      priority: 'low',
      correction: null,
    })
    const history = await service.call('mentions.corrections', { id }, ctx)
    expect(history.map((h) => [h.kind, h.by, h.sentiment, h.flags, h.note])).toEqual([
      ['cleared', 'test', null, null, ''],
      ['correction', 'someone at the command line', 'negative', ['complaint'], ''],
      ['correction', 'test', 'negative', ['praise'], 'sarcasm'],
    ])
    expect(auditRows(db).map((r) => r.action)).toEqual([
      'mention.correct',
      'mention.correct',
      'mention.clear_correction',
    ])
    expect(JSON.parse(auditRows(db)[2].detail_json)).toEqual({
      before: { sentiment: 'negative', flags: ['complaint'], priority: 'normal', owner: 'head' },
      after: { sentiment: 'positive', flags: ['praise'], priority: 'low', owner: 'orm_lead' },
    })
    expect(await service.dispatch('mentions.clearCorrection', { id }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id' },
    })
    // A new correction after a clear stands again.
    await service.call('mentions.correct', { id, sentiment: 'neutral' }, ctx)
    expect(store.mentions.get(id)!.analysis).toMatchObject({
      sentiment: { label: 'neutral' },
      flags: ['praise'],
    })
    expect(await service.dispatch('mentions.corrections', { id: 404 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    })
  })
})

describe('the corrected verdict counts everywhere', () => {
  it('changes the counts, the filters, the list and the Today summary', async () => {
    const { service, mention, school } = setup()
    mention('Dreadful', { sentiment: { label: 'negative', score: -0.8 }, flags: ['complaint'], priority: 'normal', owner: 'head' }) // prettier-ignore
    const praised = mention('Great, another INSET day', { sentiment: { label: 'positive', score: 0.5 }, flags: ['praise'] }) // prettier-ignore
    mention('Term starts Monday', { sentiment: { label: 'neutral', score: 0 } })
    mention('Hidden', { sentiment: { label: 'negative', score: -1 }, flags: ['complaint'] }, { hidden: true }) // prettier-ignore
    const schoolId = school.id

    const before = await service.call('today.summary', { schoolId }, ctx)
    expect(before.verdicts).toMatchObject({
      analysed: 3,
      corrected: 0,
      sentiment: { negative: 1, neutral: 1, positive: 1 },
      flags: { complaint: 1, praise: 1, threat: 0 },
    })
    expect(await service.call('mentions.counts', { schoolId }, ctx)).toEqual(before.verdicts)

    await service.call(
      'mentions.correct',
      { id: praised, sentiment: 'negative', flags: ['complaint'], note: 'sarcasm' },
      ctx,
    )
    const after = await service.call('today.summary', { schoolId }, ctx)
    expect(after.verdicts).toMatchObject({
      analysed: 3,
      corrected: 1,
      sentiment: { negative: 2, neutral: 1, positive: 0 },
      priority: { normal: 2, low: 1 },
      flags: { complaint: 2, praise: 0 },
    })
    // The daily check reads the same effective verdict.
    const { newItems } = await service.call('today.check', { schoolId }, ctx)
    expect(newItems.find((m) => m.id === praised)!.analysis).toMatchObject({
      sentiment: { label: 'negative' },
      priority: 'normal',
      owner: 'head',
      correction: { note: 'sarcasm' },
    })
    // The corrected mention now sorts with the other normal-priority item, ahead of the low one.
    expect(newItems.map((m) => m.analysis!.priority)).toEqual(['normal', 'normal', 'low'])

    const negative = await service.call('mentions.list', { schoolId, sentiment: 'negative' }, ctx)
    expect(negative.items.map((m) => m.text)).toEqual(['Great, another INSET day', 'Dreadful'])
    const praise = await service.call('mentions.list', { schoolId, flag: 'praise' }, ctx)
    expect(praise.items).toEqual([])
    const normal = await service.call('mentions.list', { schoolId, priority: 'normal' }, ctx)
    expect(normal.items).toHaveLength(2)
    expect(
      await service.dispatch('mentions.list', { schoolId, flag: 'gossip' }, ctx),
    ).toMatchObject({ ok: false, error: { field: 'flag' } })

    await service.call('mentions.clearCorrection', { id: praised }, ctx)
    expect((await service.call('mentions.counts', { schoolId }, ctx)).sentiment).toEqual({
      negative: 1,
      neutral: 1,
      positive: 1,
    })
  })
})

describe('evidence for the screens', () => {
  it('places the engine’s evidence in the field the card shows, with a sentence per flag', async () => {
    const { service, mention } = setup()
    const title = "St Aldhelm's parents"
    const text = 'Ring me on 07700 900123 about Mrs Okafor'
    const id = mention(text, 'engine', { title })
    const { items } = await service.call('mentions.list', {}, ctx)
    const a = items.find((m) => m.id === id)!.analysis!
    expect(a.flags).toEqual(expect.arrayContaining(['personal_info', 'staff_named']))
    const phone = a.evidence.find((e) => e.signal === 'personal_info')!
    expect(phone.field).toBe('text')
    expect(text.slice(phone.start, phone.end)).toBe('07700 900123')
    const staff = a.evidence.find((e) => e.signal === 'staff_named')!
    expect(text.slice(staff.start, staff.end)).toContain('Okafor')
    expect(a.explanations.personal_info).toMatch(/phone/i)
    for (const e of a.evidence) {
      const field = e.field === 'title' ? title : text
      expect(e.start).toBeGreaterThanOrEqual(0)
      expect(e.end).toBeLessThanOrEqual(field.length)
    }
  })
})
