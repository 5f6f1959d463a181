import { describe, expect, it } from 'vitest'
import { SchoolInput } from '../../src-main/contract'
import { freshService, SCHOOL } from '../helpers/service'

const T = '2026-11-20T09:00:00.000Z'

describe('repositories', () => {
  it('round-trips a school profile with its lists', () => {
    const { store } = freshService()
    const created = store.schools.create(SchoolInput.parse(SCHOOL), T)
    expect(store.schools.get(created.id)).toEqual(created)
    expect(created).toMatchObject({
      urn: '990417',
      postcode: 'HB4 2QT',
      aliases: ["Aldhelm's"],
      staff: [{ name: 'Helen Okafor', title: 'Mrs', role: 'Headteacher' }],
    })
    const updated = store.schools.update(
      created.id,
      { ...SchoolInput.parse(SCHOOL), town: 'Newtown', urn: '' },
      '2026-11-21T00:00:00.000Z',
    )
    expect(updated).toMatchObject({
      town: 'Newtown',
      urn: '',
      updatedAt: '2026-11-21T00:00:00.000Z',
      createdAt: T,
    })
    expect(store.schools.update(999, SchoolInput.parse(SCHOOL), T)).toBeUndefined()
  })

  it('stores several schools without URNs (URN is unique only when given)', () => {
    const { store } = freshService()
    store.schools.create(SchoolInput.parse({ name: 'First school' }), T)
    store.schools.create(SchoolInput.parse({ name: 'Second school' }), T)
    expect(store.schools.list().map((s) => s.name)).toEqual(['First school', 'Second school'])
  })

  it('links a user to the schools they act for', () => {
    const { store } = freshService()
    const a = store.schools.create(SchoolInput.parse({ name: 'Alpha Primary' }), T)
    const b = store.schools.create(SchoolInput.parse({ name: 'Beta Primary' }), T)
    const u = store.users.create(
      {
        displayName: 'Exec Head',
        email: 'Head@Fed.example',
        role: 'head',
        schoolIds: [b.id, a.id],
      },
      null,
      T,
    )
    expect(u.schoolIds).toEqual([a.id, b.id])
    expect(store.users.idByEmail('head@fed.example')).toBe(u.id)
  })

  it('chains audit events and detects an edited row', () => {
    const { store, db } = freshService()
    store.audit.append({ actor: 'cli', action: 'school.create', entity: 'school', entityId: 1 }, T)
    store.audit.append(
      {
        actor: 'cli',
        action: 'school.update',
        entity: 'school',
        entityId: 1,
        detail: { town: 'X' },
      },
      T,
    )
    store.audit.append({ actor: 'app', action: 'user.create', entity: 'user', entityId: 2 }, T)
    expect(store.audit.verify()).toEqual({ ok: true, count: 3 })
    expect(() =>
      db.prepare("UPDATE audit_events SET actor = 'someone' WHERE id = 2").run(),
    ).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_events WHERE id = 2').run()).toThrow(/append-only/)
    // Someone with the file and a SQLite shell can drop the guard; the chain still tells.
    db.exec('DROP TRIGGER audit_events_no_update')
    db.prepare('UPDATE audit_events SET detail_json = \'{"town":"Y"}\' WHERE id = 2').run()
    expect(store.audit.verify()).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'contents do not match the hash',
    })
  })

  it('keeps settings as JSON', () => {
    const { store } = freshService()
    expect(store.settings.get('contact')).toBeUndefined()
    store.settings.set('contact', { email: 'office@school.example' }, T)
    store.settings.set('contact', { email: 'new@school.example' }, T)
    expect(store.settings.get('contact')).toEqual({ email: 'new@school.example' })
  })
})
