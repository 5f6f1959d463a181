import { describe, expect, it } from 'vitest'
import { freshService, SCHOOL } from './helpers/service'
import type { AppEvent } from '../src-main/contract'

const USER = {
  displayName: 'Jo Bloggs',
  email: 'jo@school.example',
  role: 'orm_lead',
  password: 'correct horse battery',
}
const ctx = { actor: 'test' }

describe('service dispatch', () => {
  it('reports setup state and completes setup once', async () => {
    const { service } = freshService(() => new Date('2026-11-21T08:00:00Z'))
    const before = await service.dispatch('app.status', undefined, ctx)
    expect(before).toMatchObject({ ok: true, data: { setupComplete: false, schoolCount: 0 } })
    const events: AppEvent[] = []
    service.events.subscribe((e) => events.push(e))
    const done = await service.dispatch('setup.complete', { school: SCHOOL, user: USER }, ctx)
    expect(done).toMatchObject({
      ok: true,
      data: {
        school: { name: SCHOOL.name, createdAt: '2026-11-21T08:00:00.000Z' },
        user: { role: 'orm_lead' },
      },
    })
    expect(events.map((e) => e.type)).toEqual(['schools.changed', 'users.changed'])
    expect(await service.dispatch('app.status', undefined, ctx)).toMatchObject({
      data: { setupComplete: true },
    })
    const again = await service.dispatch('setup.complete', { school: SCHOOL, user: USER }, ctx)
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('returns validation errors with the field and never calls the handler', async () => {
    const { service, store } = freshService()
    const r = await service.dispatch('schools.create', { name: 'Ok name', urn: 5 }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'urn' } })
    expect(store.schools.count()).toBe(0)
    const wrongShape = await service.dispatch('schools.get', 'one', ctx)
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('names the field on a duplicate URN and a duplicate email', async () => {
    const { service } = freshService()
    await service.call('schools.create', SCHOOL, ctx)
    expect(
      await service.dispatch('schools.create', { ...SCHOOL, name: 'Other school' }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'urn', message: 'Another school already has URN 990417' },
    })
    await service.call('users.create', USER, ctx)
    expect(
      await service.dispatch('users.create', { ...USER, email: 'JO@school.example' }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'email' },
    })
  })

  it('answers not_found for unknown schools and operations', async () => {
    const { service } = freshService()
    expect(await service.dispatch('schools.get', { id: 9 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    })
    expect(await service.dispatch('schools.drop', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await service.dispatch('toString', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('writes an audit event for every change, in the same transaction', async () => {
    const { service, store } = freshService()
    const s = await service.call('schools.create', SCHOOL, ctx)
    await service.call('schools.update', { id: s.id, profile: { ...SCHOOL, town: 'Newtown' } }, ctx)
    await service.call('users.create', USER, ctx)
    const actions = (
      store.db.prepare('SELECT action, actor FROM audit_events ORDER BY id').all() as {
        action: string
      }[]
    ).map((r) => r.action)
    expect(actions).toEqual(['school.create', 'school.update', 'user.create'])
    expect(store.audit.verify()).toMatchObject({ ok: true, count: 3 })
  })

  it('hides internal errors from the caller but logs them', async () => {
    const { service, db, logs } = freshService()
    db.exec('DROP TABLE user_schools')
    const r = await service.dispatch('users.list', undefined, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(r)).not.toContain('user_schools')
    expect(logs.join('\n')).toContain('user_schools')
  })

  it('summarises today for a school with real counts', async () => {
    const { service } = freshService()
    const s = await service.call('schools.create', SCHOOL, ctx)
    expect(await service.call('today.summary', { schoolId: s.id }, ctx)).toMatchObject({
      school: { id: s.id },
      sourceCount: 0,
      mentionCount: 0,
    })
  })
})
