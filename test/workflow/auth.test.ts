// Runs in: Vitest (Node). Sign-in and permissions as the service enforces them: scrypt hashes, the
// lockout after five wrong passwords (lifted after 15 minutes of the fake clock), one answer for an
// unknown email and a wrong password, what anonymous, viewer, ORM lead, head and system callers may do,
// sessions that sign out and switch user, removing a user, and the audit trail of it all.
import { describe, expect, it } from 'vitest'
import { hashPassword, LOCKOUT, verifyPassword } from '../../src-main/workflow/auth'
import { auditRows, PASSWORD, SYSTEM, workflowFixture } from '../helpers/workflow'

const MINUTE = 60_000

describe('password hashes (scrypt)', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword(PASSWORD)
    const b = await hashPassword(PASSWORD)
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain(PASSWORD)
    expect(await verifyPassword(PASSWORD, a)).toBe(true)
    expect(await verifyPassword(PASSWORD, b)).toBe(true)
    expect(await verifyPassword('correct horse battery!', a)).toBe(false)
    expect(await verifyPassword('', a)).toBe(false)
  })

  it('answers false, never throws, for a hash it cannot read', async () => {
    const good = await hashPassword(PASSWORD)
    const [, , , , salt, key] = good.split('$')
    const malformed = [
      null,
      '',
      'not a hash',
      `bcrypt$32768$8$1$${salt}$${key}`,
      `scrypt$32768$8$1$${salt}`,
      `scrypt$abc$8$1$${salt}$${key}`,
      `scrypt$-2$8$1$${salt}$${key}`,
      // Not a power of two: node:crypto refuses the parameters.
      `scrypt$1000$8$1$${salt}$${key}`,
      // Absurd cost from a tampered row: refused before any work is done.
      `scrypt$1099511627776$8$1$${salt}$${key}`,
      // A key that decodes to nothing would otherwise match every password.
      `scrypt$16$1$1$${salt}$!!!!`,
      `scrypt$16$1$1$${salt}$=`,
    ]
    for (const stored of malformed) {
      await expect(verifyPassword(PASSWORD, stored), String(stored)).resolves.toBe(false)
    }
  })
})

describe('signing in', () => {
  it('locks the account after five wrong passwords, even against the right one, until 15 minutes pass', async () => {
    const f = await workflowFixture()
    const { service, clock } = f
    const lead = await f.signIn('orm_lead')
    const tab = { actor: 'window', session: 'lock-test' }
    const attempt = (password: string) =>
      service.dispatch('auth.signIn', { email: lead.email, password }, tab)

    for (let i = 1; i < LOCKOUT.attempts; i++) {
      expect(await attempt(`wrong password ${i}`)).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', field: 'password' },
      })
    }
    expect(f.store.users.get(lead.userId)?.lockedUntil).toBeNull()
    // The fifth wrong password locks it for 15 minutes from now.
    expect(await attempt('wrong password 5')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    const lockedUntil = new Date(clock.now() + LOCKOUT.minutes * MINUTE).toISOString()
    expect(f.store.users.get(lead.userId)?.lockedUntil).toBe(lockedUntil)

    const locked = await attempt(PASSWORD)
    expect(locked).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'password' } })
    expect(!locked.ok && locked.error.message).toMatch(
      /locked after 5 wrong passwords, until \d\d:\d\d/,
    )
    // Still locked one minute before the end: the tab is not signed in.
    await clock.advance(14 * MINUTE)
    expect(await attempt(PASSWORD)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await service.call('auth.session', undefined, tab)).toMatchObject({ user: null })

    await clock.advance(MINUTE)
    expect(await attempt(PASSWORD)).toMatchObject({
      ok: true,
      data: { user: { id: lead.userId, role: 'orm_lead', lockedUntil: null } },
    })
    expect(await service.call('auth.session', undefined, tab)).toMatchObject({
      user: { email: lead.email },
    })
    // A good sign-in clears the count: four more wrong passwords do not lock it again.
    for (let i = 1; i < LOCKOUT.attempts; i++) await attempt(`wrong again ${i}`)
    expect(f.store.users.get(lead.userId)?.lockedUntil).toBeNull()
  })

  it('gives an unknown email the same answer as a wrong password', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const tab = { actor: 'window', session: 'probe' }
    const wrong = await f.service.dispatch(
      'auth.signIn',
      { email: lead.email, password: 'not the password' },
      tab,
    )
    const unknown = await f.service.dispatch(
      'auth.signIn',
      { email: 'nobody@school.example', password: 'not the password' },
      tab,
    )
    expect(wrong.ok).toBe(false)
    expect(unknown).toEqual(wrong)
    expect(!wrong.ok && wrong.error).toEqual({
      code: 'unauthorized',
      field: 'password',
      message: 'That email and password do not match. Check them and try again.',
    })
  })

  it('matches the email whatever its case, and only on a window or tab (the CLI is the system)', async () => {
    const f = await workflowFixture()
    const head = await f.signIn('head')
    const tab = { actor: 'window', session: 'caps' }
    expect(
      await f.service.call(
        'auth.signIn',
        { email: head.email.toUpperCase(), password: PASSWORD },
        tab,
      ),
    ).toMatchObject({ user: { id: head.userId } })
    expect(
      await f.service.dispatch('auth.signIn', { email: head.email, password: PASSWORD }, SYSTEM),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('records sign-ins, wrong passwords, the lock and sign-outs in the audit trail', async () => {
    const f = await workflowFixture()
    const dsl = await f.signIn('dsl')
    const tab = { actor: 'window', session: 'audit' }
    for (let i = 0; i < LOCKOUT.attempts; i++)
      await f.service.dispatch('auth.signIn', { email: dsl.email, password: `nope nope ${i}` }, tab)
    await f.service.dispatch('auth.signIn', { email: 'ghost@school.example', password: 'x' }, tab)
    await f.service.call('auth.signOut', undefined, dsl)

    const auth = auditRows(f).filter((r) => r.action.startsWith('auth.'))
    expect(auth.map((r) => [r.action, r.actor, r.entity_id])).toEqual([
      ['auth.sign_in', dsl.email, String(dsl.userId)],
      ['auth.sign_in_failed', dsl.email, String(dsl.userId)],
      ['auth.sign_in_failed', dsl.email, String(dsl.userId)],
      ['auth.sign_in_failed', dsl.email, String(dsl.userId)],
      ['auth.sign_in_failed', dsl.email, String(dsl.userId)],
      ['auth.locked', dsl.email, String(dsl.userId)],
      ['auth.sign_out', dsl.email, String(dsl.userId)],
    ])
    expect(JSON.parse(auth[5].detail_json)).toEqual({ failedLogins: 5 })
    // No password, hash or typed attempt is ever written down.
    const all = JSON.stringify(auditRows(f))
    expect(all).not.toContain('nope nope')
    expect(all).not.toContain(PASSWORD)
    expect(all).not.toContain('scrypt$')
    expect(f.store.audit.verify()).toMatchObject({ ok: true })
  })
})

describe('what each caller may do', () => {
  it('lets an anonymous window use only the public operations', async () => {
    const f = await workflowFixture()
    await f.signIn('head')
    const nobody = { actor: 'window', session: 'never-signed-in' }
    expect(await f.service.dispatch('mentions.list', { schoolId: f.school.id }, nobody)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in to use Footprint.' },
    })
    // Refused before the input is read: garbage gets the same answer.
    expect(await f.service.dispatch('sources.create', 42, nobody)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
    expect(await f.service.dispatch('app.status', undefined, nobody)).toMatchObject({
      ok: true,
      data: { setupComplete: true, userCount: 1 },
    })
    expect(await f.service.call('auth.session', undefined, nobody)).toEqual({
      user: null,
      permissions: [],
      needsSetup: false,
    })
  })

  it('refuses a viewer the set-up and approval, naming the role, but lets them read', async () => {
    const f = await workflowFixture()
    const viewer = await f.signIn('viewer')
    const source = { kind: 'feed', name: 'Gazette', config: { url: 'https://g.example/rss' } }
    const create = await f.service.dispatch('sources.create', source, viewer)
    expect(create).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(!create.ok && create.error.message).toBe('As Viewer you cannot change the set-up.')
    expect(
      await f.service.dispatch(
        'drafts.decide',
        { id: 1, version: 1, decision: 'approved' },
        viewer,
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(
      await f.service.dispatch('mentions.triage', { ids: [1], state: 'resolved' }, viewer),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(f.store.sources.list()).toEqual([])
    expect(
      await f.service.dispatch('mentions.list', { schoolId: f.school.id }, viewer),
    ).toMatchObject({
      ok: true,
    })
    expect((await f.service.call('auth.session', undefined, viewer)).permissions).toEqual([
      'mentions.read',
    ])
  })

  it('lets only the head approve: not the ORM lead, not the DSL, not the system', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    const dsl = await f.signIn('dsl')
    const head = await f.signIn('head')
    const m = f.mention('Why is the car park closed on Fridays?', { flags: ['question'] })
    const draft = await f.service.call(
      'drafts.create',
      {
        mentionId: m,
        situation: 'question',
        body: 'Thank you for asking. The car park is closed on Fridays for deliveries.\nMrs Okafor, Headteacher',
      },
      lead,
    )
    await f.service.call('drafts.submit', { id: draft.id, version: 1 }, lead)
    const approve = { id: draft.id, version: 1, decision: 'approved' }
    const byLead = await f.service.dispatch('drafts.decide', approve, lead)
    expect(byLead).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(!byLead.ok && byLead.error.message).toBe(
      'As ORM lead you cannot approve replies: only the head (an approver) can.',
    )
    expect(await f.service.dispatch('drafts.decide', approve, dsl)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const bySystem = await f.service.dispatch('drafts.decide', approve, SYSTEM)
    expect(bySystem).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(!bySystem.ok && bySystem.error.message).toContain('As test you cannot approve replies')
    expect(f.store.drafts.get(draft.id)?.status).toBe('submitted')

    const approved = await f.service.call('drafts.decide', approve, head)
    expect(approved).toMatchObject({
      status: 'approved',
      decisions: [{ decision: 'approved', version: 1, by: 'head 3' }],
    })
    // The system may do everything else the install's owner can.
    expect((await f.service.call('auth.session', undefined, SYSTEM)).permissions).not.toContain(
      'drafts.approve',
    )
    expect((await f.service.call('auth.session', undefined, head)).permissions).toContain(
      'drafts.approve',
    )
  })
})

describe('sessions', () => {
  it('signs out: the same session is then anonymous', async () => {
    const f = await workflowFixture()
    const lead = await f.signIn('orm_lead')
    expect(
      await f.service.dispatch('mentions.list', { schoolId: f.school.id }, lead),
    ).toMatchObject({
      ok: true,
    })
    expect(await f.service.call('auth.signOut', undefined, lead)).toMatchObject({ user: null })
    expect(await f.service.call('auth.session', undefined, lead)).toMatchObject({ user: null })
    expect(
      await f.service.dispatch('mentions.list', { schoolId: f.school.id }, lead),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
  })

  it('switches user on one window: sign out, sign in as someone else', async () => {
    const f = await workflowFixture()
    const viewer = await f.signIn('viewer', { name: 'Val Viewer' })
    const head = await f.signIn('head', { name: 'Hana Head' })
    const window = { actor: 'window', session: viewer.session }
    expect(await f.service.call('auth.session', undefined, window)).toMatchObject({
      user: { displayName: 'Val Viewer', role: 'viewer' },
      permissions: ['mentions.read'],
    })
    await f.service.call('auth.signOut', undefined, window)
    await f.service.call('auth.signIn', { email: head.email, password: PASSWORD }, window)
    const now = await f.service.call('auth.session', undefined, window)
    expect(now.user).toMatchObject({ displayName: 'Hana Head', role: 'head' })
    expect(now.permissions).toContain('drafts.approve')
    // The head's own window is untouched.
    expect(await f.service.call('auth.session', undefined, head)).toMatchObject({
      user: { id: head.userId },
    })
  })

  it('removes a user: signed out everywhere, their items unassigned, their sign-in gone', async () => {
    const f = await workflowFixture()
    const head = await f.signIn('head')
    const dsl = await f.signIn('dsl')
    const secondWindow = { actor: 'window', session: 'dsl-laptop' }
    await f.service.call('auth.signIn', { email: dsl.email, password: PASSWORD }, secondWindow)
    const a = f.mention('First thing for the DSL')
    const b = f.mention('Second thing for the DSL')
    const c = f.mention('Something for the head')
    await f.service.call('mentions.triage', { ids: [a, b], assigneeId: dsl.userId }, head)
    await f.service.call('mentions.triage', { ids: [c], assigneeId: head.userId }, head)

    expect(await f.service.call('users.remove', { id: dsl.userId }, head)).toEqual({
      id: dsl.userId,
      unassigned: 2,
    })
    for (const window of [dsl, secondWindow]) {
      expect(await f.service.call('auth.session', undefined, window)).toMatchObject({ user: null })
      expect(
        await f.service.dispatch('mentions.list', { schoolId: f.school.id }, window),
      ).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
    const unassigned = await f.service.call(
      'inbox.list',
      { schoolId: f.school.id, assignee: 'unassigned' },
      head,
    )
    expect(unassigned.items.map((i) => i.id).sort()).toEqual([a, b])
    expect(f.store.triage.get(c).assigneeId).toBe(head.userId)
    expect((await f.service.call('users.list', undefined, head)).map((u) => u.id)).toEqual([
      head.userId,
    ])
    // Their password no longer opens anything.
    expect(
      await f.service.dispatch(
        'auth.signIn',
        { email: dsl.email, password: PASSWORD },
        secondWindow,
      ),
    ).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const removal = auditRows(f).find((r) => r.action === 'user.remove')
    expect(removal).toMatchObject({ actor: head.email, entity_id: String(dsl.userId) })
    expect(JSON.parse(removal!.detail_json)).toEqual({ email: dsl.email, unassigned: 2 })
  })

  it('keeps the last head, and refuses removing yourself', async () => {
    const f = await workflowFixture()
    const head = await f.signIn('head')
    const lead = await f.signIn('orm_lead')
    expect(await f.service.dispatch('users.remove', { id: head.userId }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'role' },
    })
    expect(await f.service.dispatch('users.remove', { id: head.userId }, head)).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id' },
    })
    expect(await f.service.call('auth.session', undefined, head)).toMatchObject({
      user: { id: head.userId },
    })
  })
})
